"""The same assessment on pandas and Polars frames, returning the type given."""

from __future__ import annotations

import pandas as pd
import polars as pl
import pytest

from ipkpi.assessment import AssessmentInputError, assess_frame

OBS = {
    "series": ["a", "a", "b", "b"],
    "year": [2015, 2019, 2015, 2016],
    "value": [14.5, 10.1, 5.0, 6.0],
}
TARGETS = {
    "series": ["a", "b"],
    "direction": ["decrease", "increase"],
    "target": [7.25, 9.0],
    "target_year": [2030, 2030],
    "base_year": [None, None],
    "limit": [None, None],
}


def test_pandas_in_pandas_out() -> None:
    out = assess_frame(pd.DataFrame(OBS), pd.DataFrame(TARGETS), "opensdg", lang="en")
    assert isinstance(out, pd.DataFrame)
    assert out["status"].tolist() == ["substantial_progress", "substantial_progress"]
    assert out["progress"].tolist() == pytest.approx([1.91409, 5.00455], abs=1e-5)
    assert out.columns[-1] == "explanation"


def test_polars_in_polars_out() -> None:
    out = assess_frame(pl.DataFrame(OBS), pl.DataFrame(TARGETS), "opensdg", sentences=False)
    assert isinstance(out, pl.DataFrame)
    assert out["status"].to_list() == ["substantial_progress", "substantial_progress"]
    assert "explanation" not in out.columns
    assert out.schema["score"] == pl.Float64


def test_frames_are_validated_like_files() -> None:
    bad = pd.DataFrame({"series": ["a"], "year": [2015], "value": ["x"]})
    with pytest.raises(AssessmentInputError) as err:
        assess_frame(bad, pd.DataFrame(TARGETS), "opensdg")
    messages = [str(p) for p in err.value.problems]
    assert (
        "observations, row 1, column value: not a number: 'x' — write a number such as 1234.5"
        in messages
    )
    assert any("'b' has a target but no observations" in m for m in messages)


def test_other_objects_are_refused() -> None:
    with pytest.raises(TypeError, match="pandas or Polars"):
        assess_frame(OBS, TARGETS, "opensdg")
