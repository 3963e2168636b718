"""Properties every verdict must have, checked on generated series (hypothesis)."""

from __future__ import annotations

from typing import Any

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from ipkpi.assessment import Verdict
from ipkpi.assessment.registry import STATUS_ORDER

from .helpers import one

positive = st.floats(min_value=0.1, max_value=1000, allow_nan=False, allow_infinity=False)


@st.composite
def series(draw: st.DrawFn, min_size: int = 2) -> tuple[list[float], list[float]]:
    start = draw(st.integers(2008, 2018))
    values = draw(st.lists(positive, min_size=min_size, max_size=12))
    return [float(start + i) for i in range(len(values))], values


def _worse_or_equal(method: str, better: Verdict, worse: Verdict) -> bool:
    for scale in STATUS_ORDER[method]:
        if better.status in scale and worse.status in scale:
            return scale.index(better.status) <= scale.index(worse.status)
    return True  # statuses on different scales (with and without target) are not compared


@settings(max_examples=300, deadline=None)
@given(
    data=series(),
    method=st.sampled_from(["opensdg", "eurostat", "unsd", "dns", "forecast", "linear"]),
    direction=st.sampled_from(["increase", "decrease"]),
    target=st.one_of(st.none(), positive),
    bump=st.floats(min_value=0.001, max_value=3),
)
def test_a_better_current_value_never_gives_a_worse_status(
    data: tuple[list[float], list[float]],
    method: str,
    direction: str,
    target: float | None,
    bump: float,
) -> None:
    years, values = data
    if method == "forecast":
        # Without a target the forecast reports whether the slope is significant, which a
        # better but noisier last value can undo; its statuses against a target are ordered.
        assume(target is not None)
    kw: dict[str, Any] = {"target": target, "target_year": 2030}
    if method == "linear" and target is None:
        kw["target"] = 500.0
    factor = 1 + bump if direction == "increase" else 1 / (1 + bump)
    improved = [*values[:-1], values[-1] * factor]
    worse = one(method, years, values, direction, **kw)
    better = one(method, years, improved, direction, **kw)
    assume(worse.available and better.available)
    if method == "eurostat":
        # §1 leaves open how a target met in the base year is treated; the published ratio is
        # not monotone there (see docs/assessment.md), so that case is out of this property.
        assume("base_beyond_target" not in worse.notes + better.notes)
    assert _worse_or_equal(method, better, worse), (worse.status, better.status)


@settings(max_examples=200, deadline=None)
@given(
    data=series(),
    method=st.sampled_from(["opensdg", "eurostat", "unsd"]),
    direction=st.sampled_from(["increase", "decrease"]),
    target=st.one_of(st.none(), positive),
    scale=st.sampled_from([0.001, 0.37, 3.0, 1e4, 1e8]),
)
def test_growth_rate_verdicts_do_not_change_when_a_series_is_scaled(
    data: tuple[list[float], list[float]],
    method: str,
    direction: str,
    target: float | None,
    scale: float,
) -> None:
    years, values = data
    plain = one(method, years, values, direction, target=target, target_year=2030, percent=False)
    scaled = one(
        method,
        years,
        [v * scale for v in values],
        direction,
        target=None if target is None else target * scale,
        target_year=2030,
        percent=False,
    )
    assert scaled.status == plain.status
    if plain.progress is not None:
        assert scaled.progress is not None
        assert abs(scaled.progress - plain.progress) <= 1e-9 * max(1, abs(plain.progress))


@settings(max_examples=200, deadline=None)
@given(
    data=series(),
    method=st.sampled_from(["opensdg", "dns", "linear", "forecast"]),
    target=st.one_of(st.none(), positive),
)
def test_decrease_is_the_mirror_image_of_increase_on_negated_values(
    data: tuple[list[float], list[float]], method: str, target: float | None
) -> None:
    years, values = data
    kw: dict[str, Any] = (
        {"target_year": 2030, "model": "linear"} if method == "forecast" else {"target_year": 2030}
    )
    if method == "linear" and target is None:
        target = 500.0
    up = one(method, years, values, "increase", target=target, **kw)
    down = one(
        method,
        years,
        [-v for v in values],
        "decrease",
        target=None if target is None else -target,
        **kw,
    )
    assert down.status == up.status
    assert (down.progress is None) == (up.progress is None)
    if up.progress is not None and down.progress is not None:
        assert abs(down.progress - up.progress) <= 1e-9 * max(1, abs(up.progress))


@settings(max_examples=200, deadline=None)
@given(
    base=positive,
    years=st.integers(1, 12),
    growth=st.floats(min_value=-0.4, max_value=0.4),
    required=st.one_of(st.none(), st.floats(min_value=-0.4, max_value=0.4)),
    method=st.sampled_from(["opensdg", "eurostat", "unsd"]),
)
def test_falling_at_rate_g_under_decrease_mirrors_rising_at_g_under_increase(
    base: float, years: int, growth: float, required: float | None, method: str
) -> None:
    assume(required is None or abs(required) > 1e-3)
    if method == "unsd":
        # UNSD's target ratio compares levels of a compound projection: rising at g and
        # falling at g are not exact mirrors there (docs/assessment.md); its bands are.
        required = None
    span = 2030 - 2015
    t_up = None if required is None else base * (1 + required) ** span
    t_down = None if required is None else base * (1 - required) ** span
    ys = [2015.0, 2015.0 + years]
    up = one(
        method, ys, [base, base * (1 + growth) ** years], "increase", target=t_up, target_year=2030
    )
    down = one(
        method,
        ys,
        [base, base * (1 - growth) ** years],
        "decrease",
        target=t_down,
        target_year=2030,
    )
    # "Target achieved" compares levels, not rates: rising by g and falling by g reach their
    # mirrored targets in different years. That case is covered by the negation mirror above.
    assume("target_achieved" not in (up.status, down.status))
    assert down.status == up.status
    if up.progress is not None and down.progress is not None:
        assert abs(down.progress - up.progress) <= 1e-9 * max(1, abs(up.progress))
