"""One language for everything the CLI prints: the command's own ``--lang``, else its group's,
else ``IPKPI_LANG``, else Japanese; the locale never decides (exact lines)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from ipkpi.cli.main import cli

HERE = Path(__file__).parents[1]
BAD_CSV = HERE / "store" / "fixtures" / "non_numeric_value.csv"
DATA_PLAN = HERE / "store" / "fixtures" / "plan"
MINIMAL = HERE / "plan" / "fixtures" / "minimal"
LOCALES = ("C", "ja_JP.UTF-8")
JA_IMPORT = [
    "2 件の問題があります。何も取り込んでいません：",
    "  non_numeric_value.csv、3行目、列 value: 数値ではありません（値 'n/a'）。1234.5、1,234、"
    "▲12 のような数値で書いてください  [data.value.not_number]",
    "  non_numeric_value.csv、4行目、列 value: 値がありません。数値を書くか、その行を削除して"
    "ください  [data.value.missing]",
    "エラー：non_numeric_value.csv は取り込んでいません。",
]
EN_IMPORT = [
    "2 problems; nothing was imported:",
    "  non_numeric_value.csv, row 3, column value: not a number (value 'n/a') — write a number "
    "such as 1234.5, 1,234 or ▲12  [data.value.not_number]",
    "  non_numeric_value.csv, row 4, column value: no value — give a number, or leave the row "
    "out  [data.value.missing]",
    "Error: non_numeric_value.csv: nothing was imported",
]


def run(args: list[str], locale: str, ipkpi_lang: str | None = None) -> Result:
    env = {"LANG": locale, "LC_ALL": None, "LC_MESSAGES": None, "IPKPI_LANG": ipkpi_lang}
    return CliRunner(env={**env, "COLUMNS": "80"}).invoke(cli, args)


def lines(result: Result) -> list[str]:
    return [line for line in result.stderr.splitlines() if line and "…" not in line]


def import_line(db: Path, before: list[str], after: list[str]) -> list[str]:
    return [*before, "data", "--db", str(db), "--plan", str(DATA_PLAN), *after]


@pytest.mark.parametrize("locale", LOCALES)
@pytest.mark.parametrize(
    ("before", "after", "ipkpi_lang", "expected"),
    [
        ([], [], None, JA_IMPORT),
        ([], [], "en", EN_IMPORT),
        (["--lang", "en"], [], None, EN_IMPORT),
        ([], ["--lang", "en"], None, EN_IMPORT),  # data's own --lang (the group's, after it)
        ([], ["--lang", "ja"], "en", JA_IMPORT),
    ],
)
def test_a_files_problems(
    tmp_path: Path,
    locale: str,
    before: list[str],
    after: list[str],
    ipkpi_lang: str | None,
    expected: list[str],
) -> None:
    args = [*import_line(tmp_path / "s.db", before, after), "import", str(BAD_CSV)]
    result = run(args, locale, ipkpi_lang)
    assert result.exit_code == 1
    assert lines(result) == expected


@pytest.fixture
def broken(tmp_path: Path) -> Path:
    plan = tmp_path / "broken"
    shutil.copytree(MINIMAL, plan)
    section = plan / "parts" / "alpha" / "one.yaml"
    section.write_text(
        section.read_text(encoding="utf-8").replace("{ja: 施策, en: Measure}", "{ja: 施策}"),
        encoding="utf-8",
    )
    return plan


@pytest.mark.parametrize("locale", LOCALES)
@pytest.mark.parametrize(
    ("args", "ipkpi_lang", "lang"),
    [
        (["plan", "validate"], None, "ja"),
        (["plan", "validate"], "en", "en"),
        (["--lang", "en", "plan", "validate"], None, "en"),
        (["plan", "--lang", "ja", "validate"], "en", "ja"),
    ],
)
def test_a_broken_plan(
    broken: Path, locale: str, args: list[str], ipkpi_lang: str | None, lang: str
) -> None:
    result = run([*args, str(broken)], locale, ipkpi_lang)
    where = f"{broken / 'parts' / 'alpha' / 'one.yaml'}:7: [measures.0.text] "
    if lang == "ja":
        said = [
            where + "「text」に英語の文がありません。{ja: …, en: …} の形で書いてください",
            f"{broken} に 1 件の問題があります。",
        ]
    else:
        said = [
            where + "missing English text in 'text' — write it as {ja: …, en: …}",
            f"1 problem(s) in {broken}",
        ]
    assert result.exit_code == 1
    assert result.stderr.splitlines() == said


@pytest.mark.parametrize("locale", LOCALES)
def test_a_valid_plan(locale: str) -> None:
    ja = run(["plan", "validate", str(MINIMAL)], locale).stdout
    assert ja == f"{MINIMAL}：問題はありません。部 1、KPI 2、系列 3、出典 1\n"
    en = run(["plan", "validate", str(MINIMAL)], locale, "en").stdout
    assert en == f"{MINIMAL}: valid — 1 parts, 2 KPIs, 3 series, 1 sources\n"


JA_SHOW = (
    "エラー：ID「gii_rnk」の部・節・KPIはありません。「ipx.gii_rank」のことですか？"
    "一覧は「ipkpi plan show」で表示されます。\n"
)
EN_SHOW = (
    "Error: no part, section or KPI with id 'gii_rnk'. Did you mean 'ipx.gii_rank'? "
    "'ipkpi plan show' lists them all.\n"
)


@pytest.mark.parametrize("locale", LOCALES)
@pytest.mark.parametrize(
    ("args", "ipkpi_lang", "expected"),
    [
        (["plan", "show", "gii_rnk"], None, JA_SHOW),
        (["plan", "show", "gii_rnk"], "en", EN_SHOW),
        (["--lang", "en", "plan", "show", "gii_rnk"], None, EN_SHOW),
        (["plan", "show", "gii_rnk", "--lang", "ja"], "en", JA_SHOW),
        (["plan", "--lang", "en", "show", "gii_rnk"], None, EN_SHOW),
    ],
)
def test_plan_show_of_a_bad_id(
    locale: str, args: list[str], ipkpi_lang: str | None, expected: str
) -> None:
    result = run(args, locale, ipkpi_lang)
    assert result.exit_code == 1
    assert result.stderr == expected


@pytest.mark.parametrize("locale", LOCALES)
@pytest.mark.parametrize(
    ("args", "ipkpi_lang", "title"),
    [
        ([], None, "知的財産推進計画2025 — 2026-12-02時点のデータ"),
        ([], "en", "Intellectual Property Strategic Program 2025 — data as of 2026-12-02"),
        (["--lang", "ja"], "en", "知的財産推進計画2025 — 2026-12-02時点のデータ"),
    ],
)
def test_status(
    tmp_path: Path, locale: str, args: list[str], ipkpi_lang: str | None, title: str
) -> None:
    db = str(tmp_path / "s.db")
    result = run(["status", "--db", db, "--as-of", "2026-12-02", *args], locale, ipkpi_lang)
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[0] == title
    on_group = run(["--lang", "en", "status", "--db", db, "--as-of", "2026-12-02"], locale)
    assert on_group.stdout.splitlines()[0] == (
        "Intellectual Property Strategic Program 2025 — data as of 2026-12-02"
    )
