"""What data is due: each series' next release from its publisher, against what is held.

The CLI (``ipkpi data due``), the dashboard's data calendar and a KPI's "データ待ち" line all
read :func:`data_due` / :func:`kpi_waits`, so they name the same publisher and month. The
months come from :mod:`ipkpi.plan.calendar` and are never guessed: an irregular publication's
next month is unknown and said so.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..plan import KpiBase, Series
from ..plan.calendar import Expectation, Month, State, expect
from ..plan.release import Publisher, Release
from ..text import Lang, Text
from .build import FollowUp
from .model import KpiStatus, SeriesData


@dataclass(frozen=True, slots=True)
class Awaited:
    """One series and the next figures its publisher should release."""

    kpi: KpiBase
    series: Series
    release: Release
    publisher: Publisher
    latest: str | None
    expectation: Expectation
    state: State

    @property
    def month(self) -> Month | None:
        return self.expectation.month


def reference_month(followup: FollowUp, today: dt.date | None = None) -> Month:
    """The month the calendar is read in: the follow-up's as-of date, else today."""
    if followup.as_of is not None:
        day = followup.as_of.date() if isinstance(followup.as_of, dt.datetime) else followup.as_of
        return Month.of(day)
    return Month.of(today or dt.date.today())


def publisher_name(publisher: Publisher, lang: Lang) -> str:
    """The body's name: its own, else the 府省庁 code list's."""
    if publisher.name is not None:
        return publisher.name.get(lang)
    from ..ministries import ministries

    return ministries().get(publisher.ministry or "").label(lang)


def data_due(followup: FollowUp, reference: Month) -> list[Awaited]:
    """What each KPI awaits from each release its series name, in plan order.

    One entry per KPI and release: the KPI's own series (role ``kpi``) speaks for the release
    when one names it, else the series of that release holding the latest period. Series
    marked ``discontinued`` await nothing.
    """
    by_kpi: dict[str, list[SeriesData]] = {}
    for kpi, data in _series(followup):
        by_kpi.setdefault(kpi.id, []).append(data)
    found: list[Awaited] = []
    for kpi in followup.plan.kpis():
        found += _per_release(followup, kpi, by_kpi.get(kpi.id, []), reference, own_only=False)
    return found


def kpi_waits(followup: FollowUp, status: KpiStatus, reference: Month) -> list[Awaited]:
    """What a KPI's own series (role ``kpi``) await, one entry per release."""
    return _per_release(followup, status.kpi, list(status.series), reference, own_only=True)


def when_text(item: Awaited, lang: Lang) -> str:
    """The expected month: exact when announced, "ごろ" / "around" when read from a rhythm."""
    month = item.month
    if month is None:
        return "未定" if lang == "ja" else "not known"
    if item.expectation.basis == "announced":
        return month.text(lang)
    return f"{month.text('ja')}ごろ" if lang == "ja" else f"around {month.text('en')}"


def release_name(item: Awaited, lang: Lang) -> str:
    """警察庁「生活経済事犯の検挙状況等について」 / National Police Agency, Arrests for …"""
    who = publisher_name(item.publisher, lang)
    title = item.release.title.get(lang)
    return f"{who}, {title}" if lang == "en" else f"{who}「{title}」"


def waiting_text(item: Awaited, lang: Lang) -> str:
    """データ待ち：警察庁「…」（次回公表予定 2026年3月ごろ） / Awaiting data: … (next release …).

    An overdue release says its month has passed and its figures are not in the data yet.
    """
    name, when = release_name(item, lang), when_text(item, lang)
    if lang == "en":
        if item.state == "overdue":
            return f"Awaiting data: {name} (due {when}, not yet in the data)"
        return f"Awaiting data: {name} (next release: {when})"
    if item.state == "overdue":
        return f"データ待ち：{name}（公表予定 {when}、未収録）"
    if item.month is None:
        return f"データ待ち：{name}（次回公表予定：未定）"
    return f"データ待ち：{name}（次回公表予定 {when}）"


def first_vintage(followup: FollowUp) -> str:
    """The first vintage's name as the pages print it (2026-12-02, 2025-06-30 09:00)."""
    return followup.all_vintages[0].id.replace("T", " ") if followup.all_vintages else ""


def before_first_text(item: Awaited, first: str, lang: Lang) -> str:
    """データ待ち：…（この時点ではまだ収録されていません。最初のデータ版は 2026-12-02） — the wait
    at a date before the first vintage: which release the KPI needs, and when data begin."""
    name = release_name(item, lang)
    if lang == "en":
        return f"Awaiting data: {name} (not in the data at this date; the first vintage is {first})"
    return f"データ待ち：{name}（この時点ではまだ収録されていません。最初のデータ版は {first}）"


def next_text(item: Awaited, lang: Lang) -> str:
    """次回公表予定：財務省関税局「…」 2027年3月ごろ (for a KPI whose data are current)."""
    name, when = release_name(item, lang), when_text(item, lang)
    if lang == "en":
        return f"Next release: {name}, {when}"
    return f"次回公表予定：{name} {when}"


def is_current(status: KpiStatus, waits: list[Awaited]) -> bool:
    """Whether a KPI's data are current: it has data and no release of its own is overdue."""
    return status.has_data and not any(w.state == "overdue" for w in waits)


#: A KPI without data whose own series names no publisher (the plan defines no measure yet).
NO_PUBLISHER = Text(
    ja="データ待ち：公表元・公表時期は未定（指標・調査が定まっていない。注記を参照）",
    en="Awaiting data: no publisher or date yet (the measure or survey is not defined; see the "
    "notes)",
)


def wait_lines(
    followup: FollowUp, status: KpiStatus, lang: Lang
) -> tuple[bool, list[tuple[Awaited | None, str]]]:
    """Whether the KPI awaits data, and its lines: 「データ待ち：…」 for each release it waits
    for (or :data:`NO_PUBLISHER`), else 「次回公表予定：…」 for each release still to come.

    Every view (KPI page, report) words a KPI's wait through this.
    """
    waits = kpi_waits(followup, status, reference_month(followup))
    if followup.before_first:
        # Read at a date before any data were recorded, the release calendar (read from the
        # data and today's month) would tell a later wait as if it were that date's.
        first = first_vintage(followup)
        lines: list[tuple[Awaited | None, str]] = [
            (w, before_first_text(w, first, lang)) for w in waits
        ]
        return True, lines or [(None, NO_PUBLISHER.get(lang))]
    if is_current(status, waits):
        return False, [(w, next_text(w, lang)) for w in waits if w.state != "overdue"]
    lines = [(w, waiting_text(w, lang)) for w in waits]
    return True, lines or [(None, NO_PUBLISHER.get(lang))]


STATE_LABELS: dict[str, Text] = {
    "overdue": Text(
        ja="公表予定の月を過ぎたが未収録",
        en="Overdue: the expected month has passed, not in the data",
    ),
    "due": Text(ja="今月公表予定", en="Due this month"),
    "upcoming": Text(ja="今後公表予定", en="Upcoming"),
    "unknown": Text(ja="公表時期未定", en="Release date not known"),
}

#: Short forms for tables.
STATE_SHORT: dict[str, Text] = {
    "overdue": Text(ja="予定超過", en="overdue"),
    "due": Text(ja="今月予定", en="due"),
    "upcoming": Text(ja="予定", en="upcoming"),
    "unknown": Text(ja="時期未定", en="date unknown"),
}

BASIS_LABELS: dict[str, Text] = {
    "lag": Text(
        ja="過去の公表時期（期間終了からの月数）から",
        en="from the dates of past releases (months after the period ends)",
    ),
    "rhythm": Text(ja="公表の周期から", en="from the publication's usual months"),
    "announced": Text(ja="公表元の予告", en="announced by the publisher"),
    "unknown": Text(ja="不定期のため不明", en="irregular: not known"),
}


def _series(followup: FollowUp) -> list[tuple[KpiBase, SeriesData]]:
    owner = {series.id: kpi for kpi, series in followup.plan.all_series()}
    return [(owner[d.series.id], d) for d in followup.series_data() if d.series.id in owner]


def _per_release(
    followup: FollowUp,
    kpi: KpiBase,
    series: list[SeriesData],
    reference: Month,
    *,
    own_only: bool,
) -> list[Awaited]:
    releases = followup.plan.release_by_id()
    publishers = followup.plan.publisher_by_id()
    grouped: dict[str, list[SeriesData]] = {}
    for data in series:
        if data.series.discontinued or (own_only and data.series.role != "kpi"):
            continue
        if data.series.release in releases:
            grouped.setdefault(data.series.release or "", []).append(data)
    found: list[Awaited] = []
    for release_id, members in grouped.items():
        release = releases[release_id]
        publisher = publishers.get(release.publisher)
        if publisher is None:
            continue
        own = [d for d in members if d.series.role == "kpi"]
        chosen = own[0] if own else max(members, key=_latest_start)
        latest = chosen.latest.period if chosen.latest else None
        expectation = expect(release, latest, chosen.series.frequency, reference)
        found.append(
            Awaited(
                kpi=kpi,
                series=chosen.series,
                release=release,
                publisher=publisher,
                latest=latest,
                expectation=expectation,
                state=expectation.state(reference),
            )
        )
    return found


def _latest_start(data: SeriesData) -> float:
    return data.latest.year if data.latest else float("-inf")
