"""Every as-of view equals a model of the history (hypothesis), on SQLite and PostgreSQL.

Random sequences of imports (new values, revisions, repeats), withdrawals and dates — some in
the future, some before what the store holds — are applied to a store and to a plain model:
a vintage is accepted only when dated between the latest vintage and now (docs/data.md,
"Vintages, revisions, as-of"); the model keeps the values after each accepted vintage. Then
the store's view at every vintage's moment, between them, before the first and now equals the
model's, and each import's new/revised/unchanged counts equal the change the model saw.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import itertools
from dataclasses import dataclass, field
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import text

from ipkpi.store import DataFileError, SeriesCatalog, Store, import_file
from ipkpi.store.withdrawal import WithdrawalError, withdraw

KEYS = [(s, p) for s in ("data.store.daily.a", "data.store.daily.b") for p in ("2019", "2020")]
START = dt.datetime(2021, 1, 1)
NOW = dt.datetime.now(dt.UTC).replace(tzinfo=None)
FUTURE = dt.datetime(2999, 1, 1)

Values = dict[tuple[str, str], float]


@dataclass
class Model:
    """What a reader should see: the values after each accepted vintage, in order."""

    history: list[tuple[dt.datetime, Values]] = field(default_factory=list)
    contents: set[str] = field(default_factory=set)

    @property
    def current(self) -> Values:
        return dict(self.history[-1][1]) if self.history else {}

    def accepts(self, moment: dt.datetime) -> bool:
        latest = self.history[-1][0] if self.history else None
        return moment <= NOW and (latest is None or moment >= latest)

    def at(self, moment: dt.datetime) -> Values:
        known = [values for when, values in self.history if when <= moment]
        return known[-1] if known else {}


imports = st.tuples(
    st.just("import"),
    st.dictionaries(st.sampled_from(KEYS), st.integers(1, 4).map(float), min_size=1),
)
withdrawals = st.tuples(st.just("withdraw"), st.sampled_from(KEYS))
steps = st.lists(
    st.tuples(
        st.one_of(imports, imports, withdrawals),
        st.one_of(st.integers(-400, 900).map(lambda d: dt.timedelta(days=d)), st.just(None)),
    ),
    min_size=1,
    max_size=8,
)


def _empty(store: Store) -> None:
    with store.engine.begin() as conn:
        for table in ("observations", "series", "vintages"):
            conn.execute(text(f"DELETE FROM {table}"))


def _csv(values: Values) -> str:
    rows = "".join(f"{s},{p},{v:g}\n" for (s, p), v in sorted(values.items()))
    return "series,period,value\n" + rows


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(history=steps)
def test_every_as_of_view_is_the_model(
    store: Store, catalog: SeriesCatalog, tmp_path: Path, history: list[tuple[object, object]]
) -> None:
    _empty(store)
    model = Model()
    moment = START
    for number, (step, offset) in enumerate(history):
        # A step is dated after the previous one (usually), before it, or in the far future.
        moment = FUTURE if offset is None else moment + offset  # type: ignore[operator]
        kind, what = step  # type: ignore[misc]
        if kind == "import":
            _import(store, catalog, tmp_path / f"{number}.csv", what, moment, model)
        else:
            _withdraw(store, what, moment, model)
        if offset is None:
            moment = START
    moments = sorted({when for when, _ in model.history})
    probes = [START - dt.timedelta(days=1), NOW, *moments]
    probes += [a + (b - a) / 2 for a, b in itertools.pairwise(moments)]
    for probe in probes:
        seen = {(o.series, o.period): o.value for o in store.observations(as_of=probe)}
        assert seen == model.at(probe), probe
    assert {(o.series, o.period): o.value for o in store.observations()} == model.current


def _import(
    store: Store,
    catalog: SeriesCatalog,
    path: Path,
    values: Values,
    moment: dt.datetime,
    model: Model,
) -> None:
    content = _csv(values)
    path.write_text(content, encoding="utf-8")
    digest = hashlib.sha256(content.encode()).hexdigest()
    if not model.accepts(moment):
        try:
            import_file(store, path, catalog, recorded_at=moment)
        except DataFileError as exc:
            if digest not in model.contents:
                assert exc.problems[0].code.startswith("vintage."), exc
            return
        assert digest in model.contents  # only a repeat is not refused: "already imported"
        return
    report = import_file(store, path, catalog, recorded_at=moment)
    if digest in model.contents:
        assert report.status == "already_imported"
        return
    model.contents.add(digest)
    before = model.current
    new = sum(k not in before for k in values)
    revised = sum(k in before and before[k] != v for k, v in values.items())
    assert (report.new_count, report.revised_count) == (new, revised)
    assert report.unchanged_count == len(values) - new - revised
    model.history.append((moment, {**before, **values}))


def _withdraw(store: Store, key: tuple[str, str], moment: dt.datetime, model: Model) -> None:
    series, period = key
    if not model.accepts(moment) or key not in model.current:
        try:
            withdraw(store, series, [period], "test", recorded_at=moment)
        except WithdrawalError:
            return
        raise AssertionError(f"withdrawal at {moment} of {key} was not refused")
    withdraw(store, series, [period], "test", recorded_at=moment)
    after = model.current
    del after[key]
    model.history.append((moment, after))
