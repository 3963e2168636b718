"""Units: 兆円/億円/万円 and the other multipliers convert; different dimensions do not."""

from __future__ import annotations

import pytest

from ipkpi.units import UnitError, convert, unit


def test_japanese_spellings_name_the_same_units() -> None:
    assert unit("兆円").code == "jpy_cho"
    assert unit("億円").code == "jpy_oku"
    assert unit("％").code == "percent"
    assert unit("万人").code == "persons_man"


def test_oku_to_cho() -> None:
    # 農林水産物・食品の輸出額 2024: 1兆5,073億円 (data-sources.md §2.3)
    assert convert(15073, "億円", "兆円") == pytest.approx(1.5073)
    assert convert(1.5, "jpy_cho", "jpy_oku") == pytest.approx(15000)
    assert convert(3.5, "万人", "persons") == pytest.approx(35000)


def test_incompatible_units_are_an_error() -> None:
    with pytest.raises(UnitError, match="different things"):
        convert(1, "兆円", "%")
    with pytest.raises(UnitError, match="unknown unit 'dollars'"):
        unit("dollars")
