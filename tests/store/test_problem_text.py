"""Problems in Japanese: the store's own wordings, translated where ipkpi knows them."""

from __future__ import annotations

from pathlib import Path

import pytest

import ipkpi.store
from ipkpi.store import DataFileError, SeriesCatalog, Store, import_file
from ipkpi.store.problem_text import FIXED, in_language

from .conftest import FIXTURES

STORE_SOURCE = "\n".join(
    p.read_text(encoding="utf-8") for p in Path(ipkpi.store.__file__).parent.rglob("*.py")
)


@pytest.mark.parametrize("english", sorted(FIXED))
def test_every_fixed_wording_is_one_the_store_really_writes(english: str) -> None:
    # A catalogue entry for a message that no longer exists would hide a missing translation.
    assert f'"{english}"' in STORE_SOURCE or f'"{english[:40]}' in STORE_SOURCE


def problems_of(store: Store, catalog: SeriesCatalog, path: Path) -> list[tuple[str, str]]:
    with pytest.raises(DataFileError) as caught:
        import_file(store, path, catalog)
    return [(in_language(p.reason, "ja"), in_language(p.hint, "ja")) for p in caught.value.problems]


def test_real_problems_read_in_japanese(
    store: Store, catalog: SeriesCatalog, tmp_path: Path
) -> None:
    assert problems_of(store, catalog, FIXTURES / "non_numeric_value.csv") == [
        ("数値でない", "1234.5、1,234、▲12 のような数値で書いてください"),
        ("値がない", "数値を書くか、その行を削除してください"),
    ]
    assert problems_of(store, catalog, FIXTURES / "unknown_series.csv") == [
        ("計画にない系列", "「data.store.exports.jpn」のことですか？")
    ]
    assert problems_of(store, catalog, FIXTURES / "duplicate_period.csv") == [
        (
            "同じ系列・期間の値が2つある",
            "3行目に data.store.rank.jpn の 2024 の値があります。どちらか1行にしてください",
        )
    ]
    monthly = tmp_path / "monthly.csv"
    monthly.write_text("series,period,value\ndata.store.ai.jpn,2024年3月,50\n", encoding="utf-8")
    [(reason, hint)] = problems_of(store, catalog, monthly)
    assert reason == "年度の系列に月の期間"
    assert hint.startswith("期間は FY2024 or 2024年度")


def test_english_stays_english_and_unknown_wordings_are_not_guessed() -> None:
    assert in_language("not a number", "en") == "not a number"
    assert in_language("something ipkpi never wrote", "ja") == "something ipkpi never wrote"
