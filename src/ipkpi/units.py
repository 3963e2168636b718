"""Units of measure with their multipliers (兆円, 億円, 万人, %, points, ranks, …).

A unit belongs to a dimension (money in yen, persons, a share in percent, …) and has a factor
to that dimension's base unit. Values convert only within one dimension; anything else is a
:class:`UnitError`. Codes are ASCII (for CSV, SDMX and URLs); each unit also answers to the
spellings Japanese sources use (``兆円``, ``億円``, ``%``, ``ポイント``, …).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from .problems import NotationError
from .problems import notation as says
from .text import Text


class UnitError(NotationError):
    """An unknown unit, or a conversion between two dimensions."""


@dataclass(frozen=True)
class Unit:
    code: str
    dimension: str
    factor: float
    label: Text
    symbol: Text
    aliases: tuple[str, ...] = field(default=())


def _u(
    code: str, dim: str, factor: float, ja: str, en: str, sym_ja: str, sym_en: str, *aliases: str
) -> Unit:
    return Unit(code, dim, factor, Text(ja=ja, en=en), Text(ja=sym_ja, en=sym_en), aliases)


UNITS: dict[str, Unit] = {
    u.code: u
    for u in (
        _u("jpy", "money_jpy", 1.0, "円", "yen", "円", "JPY", "円", "JPY", "yen"),
        _u(
            "jpy_man",
            "money_jpy",
            1e4,
            "万円",
            "10 thousand yen",
            "万円",
            "10,000 yen",
            "万円",
            "×10k JPY",
        ),
        _u(
            "jpy_oku",
            "money_jpy",
            1e8,
            "億円",
            "100 million yen",
            "億円",
            "100 million yen",
            "億円",
            "JPY 100m",
            "×100m JPY",
        ),
        _u(
            "jpy_cho",
            "money_jpy",
            1e12,
            "兆円",
            "trillion yen",
            "兆円",
            "trillion yen",
            "兆円",
            "trillion JPY",
            "JPY tn",
            "trillion yen",
        ),
        _u("persons", "persons", 1.0, "人", "persons", "人", "persons", "人", "person"),
        _u(
            "persons_man",
            "persons",
            1e4,
            "万人",
            "10 thousand persons",
            "万人",
            "10,000 persons",
            "万人",
            "×10k persons",
        ),
        _u("percent", "share", 1.0, "%", "percent", "%", "%", "%", "％", "pct"),
        _u(
            "pp",
            "share_change",
            1.0,
            "ポイント",
            "percentage points",
            "pt",
            "pp",
            "ポイント",
            "pt",
            "percentage points",
            "%pt",
        ),
        _u("rank", "rank", 1.0, "順位", "rank", "位", "rank", "位"),
        _u("count", "count", 1.0, "件数", "count", "件", "", "件", "カ所", "箇所", "number"),
        _u("count_man", "count", 1e4, "万件", "10 thousand", "万件", "10,000", "万件", "×10k"),
        _u(
            "count_million",
            "count",
            1e6,
            "百万件",
            "million",
            "百万件",
            "million",
            "million",
            "百万",
        ),
        _u("enterprises", "enterprises", 1.0, "社", "enterprises", "社", "firms", "社"),
        _u(
            "enterprises_man",
            "enterprises",
            1e4,
            "万社",
            "10 thousand enterprises",
            "万社",
            "10,000 firms",
            "万社",
            "×10k firms",
        ),
        _u(
            "accesses_month",
            "accesses_month",
            1.0,
            "アクセス/月",
            "accesses per month",
            "アクセス/月",
            "accesses/month",
            "アクセス/月",
        ),
        _u(
            "accesses_month_million",
            "accesses_month",
            1e6,
            "百万アクセス/月",
            "million accesses per month",
            "百万アクセス/月",
            "million accesses/month",
            "m accesses/month",
        ),
        _u(
            "accesses_month_oku",
            "accesses_month",
            1e8,
            "億アクセス/月",
            "100 million accesses per month",
            "億アクセス/月",
            "100 million accesses/month",
            "億アクセス/月",
            "×100m accesses/month",
        ),
        _u(
            "per_million",
            "per_million",
            1.0,
            "人口100万人当たり人数",
            "per million population",
            "人/100万人",
            "per million",
            "人/100万人",
            "per million population",
        ),
        _u("index", "index", 1.0, "指数", "index", "", "", "指数"),
    )
}

_BY_NAME: dict[str, Unit] = {}
for _unit in UNITS.values():
    # A unit answers to its code, its spellings and the symbols pages show (so a downloaded
    # table's unit column reads back in).
    for _name in (_unit.code, *_unit.aliases, _unit.symbol.ja, _unit.symbol.en):
        if _name.strip():
            _BY_NAME.setdefault(_name.strip().lower(), _unit)


def unit(name: str) -> Unit:
    """The unit named by its code or one of its spellings."""
    found = _BY_NAME.get(name.strip().lower())
    if found is None:
        known = ", ".join(sorted(UNITS))
        raise UnitError(says.UNIT_UNKNOWN(name=name, known=known))
    return found


# What a quantity of each dimension can be, in its base unit (None: no bound that way).
_BOUNDS: dict[str, tuple[float | None, float | None]] = {
    "share": (0.0, 100.0),
    "rank": (1.0, None),
    "money_jpy": (0.0, None),
    "persons": (0.0, None),
    "count": (0.0, None),
    "enterprises": (0.0, None),
    "accesses_month": (0.0, None),
    "per_million": (0.0, None),
}


def bounds(name: str) -> tuple[float | None, float | None]:
    """The lowest and highest value a quantity in unit ``name`` can take, in that unit.

    Shares are 0–100 %, ranks at least 1, counts, amounts, persons and rates per population
    at least 0; changes (percentage points) and indices have no bound. An unknown unit has
    none either.
    """
    try:
        found = unit(name)
    except UnitError:
        return None, None
    lo, hi = _BOUNDS.get(found.dimension, (None, None))
    if found.dimension == "rank":
        return lo, hi  # a rank is a place, whatever its multiplier
    return (
        None if lo is None else lo / found.factor,
        None if hi is None else hi / found.factor,
    )


@lru_cache(maxsize=4096)  # the units are fixed at import; a static site asks ~800k times
def conversion_factor(source: str, target: str) -> float:
    """Multiply a value in ``source`` by this to express it in ``target`` (a UnitError is
    raised again on every call: failures are not cached)."""
    a, b = unit(source), unit(target)
    if a.dimension != b.dimension:
        raise UnitError(
            says.UNIT_NOT_CONVERTIBLE(source=a.symbol.ja or a.code, target=b.symbol.ja or b.code)
        )
    return a.factor / b.factor


def convert(value: float, source: str, target: str) -> float:
    return value * conversion_factor(source, target)
