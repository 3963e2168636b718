"""The release calendar: the next figures' month from the releases of the shipped plan.

Release rhythms are those of ``plans/ip2025/releases.yaml`` (read from past release dates):
WIPO's GII edition Y comes out around September of Y; the NPA's figures for year Y in March
or April of Y+1; the ISA's counts three months after each June and December.
"""

from __future__ import annotations

import pytest

from ipkpi.paths import default_plan_dir
from ipkpi.plan.calendar import Month, expect
from ipkpi.plan.loader import load_plan
from ipkpi.plan.release import Release

RELEASES = load_plan(default_plan_dir()).release_by_id()
DEC_2026 = Month(2026, 12)


def test_gii_edition_2026_is_expected_around_september_2026():
    found = expect(RELEASES["wipo-gii"], "2025", "annual", Month(2026, 6))
    assert (found.basis, found.period, str(found.month)) == ("lag", "2026", "2026-09")
    assert found.state(Month(2026, 6)) == "upcoming"
    assert found.state(Month(2026, 9)) == "due"
    assert found.state(DEC_2026) == "overdue"


def test_a_release_month_moves_on_to_the_months_the_publisher_uses():
    # NPA: lag 3 months from the end of the year, released in March or April.
    found = expect(RELEASES["npa-economic-crimes"], "2024", "annual", DEC_2026)
    assert (found.period, str(found.month)) == ("2025", "2026-03")
    # MAFF: the year's total in February.
    found = expect(RELEASES["maff-exports"], "2025", "annual", DEC_2026)
    assert (found.period, str(found.month)) == ("2026", "2027-02")
    assert found.state(DEC_2026) == "upcoming"


def test_half_yearly_counts_step_six_months():
    found = expect(RELEASES["isa-residents"], "2025-06", "monthly", DEC_2026)
    assert (found.period, str(found.month)) == ("2025-12", "2026-03")
    found = expect(RELEASES["mof-customs-h1"], "2025-H1", "half", DEC_2026)
    assert (found.period, str(found.month)) == ("2026-H1", "2026-09")


def test_fiscal_year_surveys_count_from_the_end_of_march():
    found = expect(RELEASES["mic-whitepaper"], "FY2024", "fiscal", DEC_2026)
    assert (found.period, str(found.month)) == ("FY2025", "2026-07")


def test_a_rhythm_without_lag_gives_the_month_but_not_the_period():
    found = expect(RELEASES["nistep-indicators"], "FY2021", "fiscal", DEC_2026)
    assert (found.basis, found.period, str(found.month)) == ("rhythm", None, "2027-08")
    assert (
        expect(RELEASES["nistep-indicators"], None, "annual", Month(2027, 8)).state(Month(2027, 8))
        == "due"
    )


def test_an_irregular_publication_has_no_date():
    found = expect(RELEASES["courts-patent-statistics"], None, "annual", DEC_2026)
    assert (found.basis, found.month, found.state(DEC_2026)) == ("unknown", None, "unknown")


def test_nothing_held_waits_for_the_latest_period_already_due():
    fields = {"id": "x", "publisher": "npa", "title": {"ja": "x", "en": "x"}, "rhythm": "annual"}
    release = Release.model_validate({**fields, "months": [3, 4], "lag_months": 3})
    found = expect(release, None, "annual", DEC_2026)
    assert (found.period, str(found.month), found.state(DEC_2026)) == ("2025", "2026-03", "overdue")
    announced = release.model_copy(update={"lag_months": None, "first_expected": "2027-05"})
    found = expect(announced, None, "annual", DEC_2026)
    assert (found.basis, str(found.month)) == ("announced", "2027-05")


@pytest.mark.parametrize("text", ["2026-9", "2026-13", "26-09", "2026/09", ""])
def test_a_month_is_written_yyyy_mm(text: str):
    with pytest.raises(ValueError):
        Month.parse(text)


def test_months_read_in_both_languages():
    assert Month(2026, 9).text("ja") == "2026年9月"
    assert Month(2026, 9).text("en") == "September 2026"
    assert Month(2026, 11).plus(3) == Month(2027, 2)
