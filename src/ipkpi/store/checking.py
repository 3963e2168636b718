"""Checking a table's cells against the catalog: every bad cell of every row, at once.

The checks run column-wise with polars: each distinct series, period, unit or flag text is
parsed once and the rows get small integer ids, so a million-row file is checked in well
under a second; only bad rows are visited one by one, to describe them. The result holds
each value in its series' unit, the period in its canonical form and the flags in canonical
order.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from dataclasses import dataclass, field

import polars as pl

from ..periods import Period, PeriodError, PeriodKind, parse_period
from ..problems import Message
from ..problems import observations as says
from ..spreadsheet import restored
from ..text import Text
from .catalog import SeriesCatalog, SeriesInfo
from .conversion import check_units
from .importers.base import COLUMNS, ROW, RawTable
from .numbers import NONZERO_MANTISSA, PLAIN, foreign_notation, parse_number
from .observation import FlagError, format_flags, parse_flags
from .plausibility import check_plausible
from .problems import MAX_PROBLEMS, RowProblems, file_problem

#: Free-text columns: kept as written, without surrounding blanks; empty means none.
TEXT_COLUMNS = ("note", "note_en", "source_title", "source_url")
#: Each period kind as a bit, so a series' accepted kinds are one small integer.
_KIND_BITS = {kind: 1 << index for index, kind in enumerate(PeriodKind)}


@dataclass
class CheckedTable:
    """Valid rows: ROW, series, period, value, flags, note, note_en, source_title, source_url."""

    file: str
    format: str
    frame: pl.DataFrame
    warnings: list[Message] = field(default_factory=list)


def check_table(
    table: RawTable, catalog: SeriesCatalog, horizon: dt.date | None = None
) -> CheckedTable:
    """The table's rows checked and normalised; a :class:`DataFileError` lists every problem.

    ``horizon`` is the last day a period may start on (see :func:`period_horizon`).
    """
    frame = _normalised(table)
    if frame.height == 0:
        raise file_problem(table.file, says.NO_OBSERVATIONS())
    problems = RowProblems(table.file, table.cells)
    frame, codes = _check_series(frame, catalog, problems)
    frame, periods = _check_periods(
        frame, [catalog[c] for c in codes], table.bare_year_is_fiscal, problems
    )
    if horizon is not None:
        _check_horizon(frame, periods, horizon, problems)
    frame = _check_values(frame, problems)
    if "unit" in frame.columns:  # absent columns are not made up (a column per row costs)
        frame = check_units(frame, catalog, problems)
    check_plausible(frame, catalog, problems)
    if "flags" in frame.columns:
        frame = _check_flags(frame, problems)
    if "source_url" in frame.columns:
        _check_urls(frame, problems)
    _check_duplicates(frame, periods, problems)
    if problems:
        raise problems.error()
    checked = frame.select(
        ROW,
        "series",
        pl.lit(pl.Series([str(p) for p in periods], dtype=pl.String))
        .gather(pl.col("_pid"))
        .alias("period"),
        pl.col("_value").alias("value"),
        pl.col("_flags").alias("flags")
        if "_flags" in frame.columns
        else pl.lit(None, pl.String).alias("flags"),
        *(
            pl.col(c).replace("", None) if c in frame.columns else pl.lit(None, pl.String).alias(c)
            for c in TEXT_COLUMNS
        ),
    )
    return CheckedTable(table.file, table.format, checked, list(table.warnings))


def _normalised(table: RawTable) -> pl.DataFrame:
    """The file's tidy columns, surrounding blanks removed, blank rows dropped (an absent
    optional column stays absent: made up, it would cost a value per row)."""
    raw = table.frame
    # The checked table replaces the raw one: a large file is not held twice while checked.
    table.frame = raw.clear()
    present = raw.columns
    # Only the columns that need it are rewritten (each rewrite copies the column).
    quoted = [c for c in COLUMNS if c in present and raw[c].str.starts_with("'").any()]
    nulls = [c for c in COLUMNS if c in present and raw[c].null_count()]
    # A cell a CSV writer neutralised ('=… for =…) reads back as written: see spreadsheet.
    frame = raw.with_columns(restored(c) for c in quoted) if quoted else raw
    del raw
    if nulls:
        frame = frame.with_columns(pl.col(c).fill_null("") for c in nulls)
    # Columns with few distinct texts are stripped per distinct text (much faster); the value
    # column is left alone: the number parser ignores blanks itself.
    for column in [c for c in ("series", "period", "unit", "flags") if c in present]:
        changed = {t: t.strip() for t in frame[column].unique().to_list() if t != t.strip()}
        if changed:
            frame = frame.with_columns(pl.col(column).replace(changed))
    padded = [c for c in TEXT_COLUMNS if c in present and frame[c].str.contains(r"^\s|\s$").any()]
    if padded:
        frame = frame.with_columns(pl.col(c).str.strip_chars() for c in padded)
    filled = [pl.col(c) != "" for c in COLUMNS if c != "value" and c in present]
    kept = pl.any_horizontal(pl.col("value").str.contains(r"\S"), *filled)
    blank = frame.select((~kept).sum()).item()
    return frame.filter(kept) if blank else frame


def _check_series(
    frame: pl.DataFrame, catalog: SeriesCatalog, problems: RowProblems
) -> tuple[pl.DataFrame, list[str]]:
    """Adds ``_sid``, the index of the row's series in the returned codes (null if unknown)."""
    present = frame["series"].unique().to_list()
    codes = sorted(c for c in present if c in catalog)
    for name in sorted(set(present) - set(codes)):
        rows = frame.select(ROW, "series").filter(pl.col("series") == name)
        if not name:
            problems.add(rows, "series", says.NO_SERIES())
            continue
        close = difflib.get_close_matches(name, list(catalog), n=1)
        hint = says.DID_YOU_MEAN(suggestion=close[0]) if close else None
        problems.add(rows, "series", says.UNKNOWN_SERIES(hint=hint))
    index = {code: i for i, code in enumerate(codes)}
    sid = pl.col("series").replace_strict(index, default=None, return_dtype=pl.UInt32)
    return frame.with_columns(sid.alias("_sid"), sid.is_not_null().alias("_known")), codes


def _check_periods(
    frame: pl.DataFrame, series: list[SeriesInfo], fiscal: bool, problems: RowProblems
) -> tuple[pl.DataFrame, list[Period]]:
    """Adds ``_pid``, the index of the row's period in the returned canonical periods."""
    periods: list[Period] = []
    position: dict[Period, int] = {}
    pid: dict[str, int] = {}
    for text in frame["period"].unique().to_list():
        try:
            period = parse_period(text, bare_year_is_fiscal=fiscal)
        except PeriodError as exc:
            rows = frame.select(ROW, "period").filter(pl.col("period") == text)
            problems.add(rows, "period", says.BAD_PERIOD(hint=exc.message))
            continue
        pid[text] = position.setdefault(period, len(periods))
        if pid[text] == len(periods):
            periods.append(period)
    kind_bits = pl.Series([_KIND_BITS[p.kind] for p in periods], dtype=pl.UInt16)
    accepted = pl.Series(
        [sum(b for k, b in _KIND_BITS.items() if info.accepts(k)) for info in series],
        dtype=pl.UInt16,
    )
    frame = frame.with_columns(
        pl.col("period").replace_strict(pid, default=None, return_dtype=pl.UInt32).alias("_pid")
    )
    mismatch = (
        pl.lit(kind_bits).gather(pl.col("_pid")) & pl.lit(accepted).gather(pl.col("_sid"))
    ) == 0
    wrong = frame.select(ROW, "period", "_sid", "_pid").filter(mismatch)
    for sid, p in wrong.select("_sid", "_pid").unique().sort("_sid", "_pid").iter_rows():
        info, kind = series[sid], periods[p].kind
        rows = wrong.filter((pl.col("_sid") == sid) & (pl.col("_pid") == p))
        message = says.WRONG_FREQUENCY(
            kind=PERIOD_KINDS[kind],
            frequency=FREQUENCIES.get(info.frequency, Text(ja=info.frequency, en=info.frequency)),
            example=_EXAMPLES.get(info.frequency, "2024"),
        )
        problems.add(rows, "period", message)
    return frame, periods


#: The words for period kinds and series frequencies in problems.
PERIOD_KINDS: dict[PeriodKind, Text] = {
    PeriodKind.YEAR: Text(ja="暦年", en="year"),
    PeriodKind.FISCAL_YEAR: Text(ja="年度", en="fiscal year"),
    PeriodKind.HALF: Text(ja="半期", en="half"),
    PeriodKind.QUARTER: Text(ja="四半期", en="quarter"),
    PeriodKind.FISCAL_HALF: Text(ja="年度の半期（上期・下期）", en="fiscal half"),
    PeriodKind.FISCAL_QUARTER: Text(ja="年度の四半期", en="fiscal quarter"),
    PeriodKind.MONTH: Text(ja="月", en="month"),
    PeriodKind.DATE: Text(ja="日付", en="date"),
}
FREQUENCIES: dict[str, Text] = {
    "annual": Text(ja="暦年", en="annual"),
    "fiscal": Text(ja="年度", en="fiscal"),
    "half": Text(ja="半期", en="half"),
    "quarterly": Text(ja="四半期", en="quarterly"),
    "fiscal_half": Text(ja="年度の半期", en="fiscal_half"),
    "fiscal_quarterly": Text(ja="年度の四半期", en="fiscal_quarterly"),
    "monthly": Text(ja="月次", en="monthly"),
    "irregular": Text(ja="不定期", en="irregular"),
}
_EXAMPLES = {
    "annual": "2024 or 2024年",
    "fiscal": "FY2024 or 2024年度 (or head the column 年度)",
    "half": "2024-H1",
    "quarterly": "2024-Q1",
    "fiscal_half": "FY2024-H1 or 2024年度上期",
    "fiscal_quarterly": "FY2024-Q1 or 2024年度第1四半期",
    "monthly": "2024-03 or 2024年3月",
}


def period_horizon(recorded_at: dt.datetime) -> dt.date:
    """The last day a period may start on: the end of the year after the import."""
    return dt.date(recorded_at.year + 1, 12, 31)


def _check_horizon(
    frame: pl.DataFrame, periods: list[Period], horizon: dt.date, problems: RowProblems
) -> None:
    late = [i for i, period in enumerate(periods) if period.start > horizon]
    for index in late:
        rows = frame.select(ROW, "period", "_pid").filter(pl.col("_pid") == index)
        problems.add(rows, "period", says.PERIOD_BEYOND_HORIZON(horizon=str(horizon)))


def _check_values(frame: pl.DataFrame, problems: RowProblems) -> pl.DataFrame:
    plain = pl.col("value").str.contains(f"^{PLAIN}$")
    fast = pl.when(plain).then(pl.col("value").cast(pl.Float64, strict=False))
    frame = frame.with_columns(fast.alias("_value"))
    unread = frame.select("value", "_value").filter(pl.col("_value").is_null())
    if unread.height == 0:
        return _finite(frame, problems)
    slow = {text: parse_number(text) for text in unread["value"].unique().to_list()}
    numbers = {k: v for k, v in slow.items() if v is not None}
    frame = frame.with_columns(
        pl.coalesce(
            pl.col("_value"),
            pl.col("value").replace_strict(numbers, default=None, return_dtype=pl.Float64),
        ).alias("_value")
    )
    bad = frame.select(ROW, "value", "_value").filter(pl.col("_value").is_null())
    blank = pl.col("value").str.strip_chars() == ""
    problems.add(bad.filter(blank), "value", says.NO_VALUE())
    foreign = bad.filter(~blank)["value"].unique().to_list()
    foreign = [text for text in foreign if foreign_notation(text)]
    problems.add(bad.filter(pl.col("value").is_in(foreign)), "value", says.NUMBER_NOTATION())
    problems.add(bad.filter(~blank & ~pl.col("value").is_in(foreign)), "value", says.NOT_A_NUMBER())
    return _finite(frame, problems)


def _finite(frame: pl.DataFrame, problems: RowProblems) -> pl.DataFrame:
    """Numbers that overflowed to infinity or underflowed to zero are refused, not stored."""
    values = frame.select(ROW, "value", "_value")
    problems.add(values.filter(pl.col("_value").is_infinite()), "value", says.OVERFLOW())
    problems.add(values.filter(pl.col("_value").is_nan()), "value", says.NOT_FINITE())
    vanished = (pl.col("_value") == 0) & pl.col("value").str.contains(NONZERO_MANTISSA)
    problems.add(values.filter(vanished), "value", says.UNDERFLOW())
    return frame


def _check_flags(frame: pl.DataFrame, problems: RowProblems) -> pl.DataFrame:
    canonical: dict[str, str | None] = {"": None}
    for text in frame["flags"].unique().to_list():
        if text == "":
            continue
        try:
            canonical[text] = format_flags(parse_flags(text)) or None
        except FlagError as exc:
            rows = frame.select(ROW, "flags").filter(pl.col("flags") == text)
            problems.add(rows, "flags", says.UNKNOWN_FLAG(hint=exc.message))
    flags = pl.col("flags").replace_strict(canonical, default=None, return_dtype=pl.String)
    return frame.with_columns(flags.alias("_flags"))


#: A source address: http:// or https://, as for every source of the plan.
WEB_ADDRESS = re.compile(r"(?i)^https?://")


def _check_urls(frame: pl.DataFrame, problems: RowProblems) -> None:
    url = pl.col("source_url")
    bad = frame.select(ROW, "source_url").filter(
        (url != "") & ~url.str.contains(WEB_ADDRESS.pattern)
    )
    problems.add(bad, "source_url", says.NOT_A_WEB_ADDRESS())


def _check_duplicates(frame: pl.DataFrame, periods: list[Period], problems: RowProblems) -> None:
    key = pl.col("_sid").cast(pl.UInt64) * max(len(periods), 1) + pl.col("_pid")
    # Numbers only (row, period id, key): the texts are fetched for the rows described.
    keyed = frame.select(ROW, "_pid", key.alias("_key")).drop_nulls("_key")
    repeated = keyed.filter(pl.col("_key").is_duplicated())
    del keyed
    if repeated.height == 0:
        return
    first = repeated.group_by("_key").agg(pl.col(ROW).min().alias("_first"))
    rows = repeated.join(first, on="_key").filter(pl.col(ROW) != pl.col("_first"))
    del repeated
    # Described one by one up to the cap (each names its own first row); the rest counted.
    described = rows.sort(ROW).head(MAX_PROBLEMS)
    texts = frame.select(ROW, "series", "period").join(described.select(ROW), on=ROW)
    described = described.join(texts, on=ROW).sort(ROW)
    for row, series, value, pid, first_row in described.select(
        ROW, "series", "period", "_pid", "_first"
    ).iter_rows():
        problems.add_one(
            row,
            "period",
            value,
            says.DUPLICATE(first=first_row, series=series, period=str(periods[pid])),
        )
    if rows.height > described.height:
        problems.count_more(says.DUPLICATE.code, rows.height - described.height)
