"""Who releases a series and when: its publisher and its release calendar.

A series' ``release`` names its publisher (an entry of ``publishers.yaml``), the publication
and its rhythm: the months it usually comes out in and how long after the end of a period
its figures appear. From the latest period held, :mod:`ipkpi.plan.calendar` works out which
period comes next and in which month its release is expected, so a KPI without current data
can say whom it waits for and until when.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from ..text import Text
from .base import PlanModel
from .source import Id

Rhythm = Literal["annual", "semiannual", "quarterly", "monthly", "irregular"]

RHYTHM_LABELS: dict[str, Text] = {
    "annual": Text(ja="年1回", en="once a year"),
    "semiannual": Text(ja="年2回", en="twice a year"),
    "quarterly": Text(ja="四半期ごと", en="quarterly"),
    "monthly": Text(ja="毎月", en="monthly"),
    "irregular": Text(ja="不定期", en="irregular"),
}

#: A 府省庁 code as the code list writes them (NPA, MOF-CUSTOMS, CAO-IP).
MINISTRY_CODE = r"^[A-Z][A-Z0-9]*(-[A-Z0-9]+)*$"


class Publisher(PlanModel):
    """A body that releases data: a ministry or agency (by its 府省庁 code) or another body."""

    id: Id
    name: Text | None = Field(
        None, description="The body's name; taken from the 府省庁 code list when 'ministry' is set."
    )
    ministry: str | None = Field(
        None, pattern=MINISTRY_CODE, description="The body's code in the 府省庁 code list."
    )
    url: str | None = Field(None, pattern=r"^https?://")
    domains: list[str] = Field(
        [],
        description="Web domains of the body's own pages (and subdomains): a value read there "
        "comes from the body itself.",
    )
    editor_note: str | None = Field(None, description="For the plan's editors only.")

    @model_validator(mode="after")
    def _named(self) -> Publisher:
        if self.name is None and self.ministry is None:
            raise ValueError("a publisher needs a 'name', or a 'ministry' code that names it")
        return self


class Release(PlanModel):
    """How a series is released: by whom, in what publication, how often and when."""

    id: Id
    publisher: Id = Field(description="Id of the publisher in publishers.yaml.")
    title: Text = Field(description="The publication the figures appear in.")
    url: str | None = Field(None, pattern=r"^https?://", description="The publisher's page for it.")
    rhythm: Rhythm
    months: list[int] = Field(
        [], description="The months (1-12) releases usually come out in, from past releases."
    )
    lag_months: int | None = Field(
        None,
        ge=-12,
        le=36,
        description="Months from the end of a period to the release of its figures "
        "(negative when an edition appears before its year ends).",
    )
    step_months: int | None = Field(
        None,
        ge=1,
        le=60,
        description="Months from one period to the next; by default from the series' frequency.",
    )
    first_expected: str | None = Field(
        None,
        pattern=r"^\d{4}-\d{2}$",
        description="YYYY-MM: when the first figures are expected, for a series with none yet.",
    )
    note: Text | None = Field(None, description="Public note on the release, in both languages.")
    editor_note: str | None = Field(
        None, description="For the plan's editors only (e.g. the past release dates it rests on)."
    )

    @model_validator(mode="after")
    def _months(self) -> Release:
        bad = [m for m in self.months if not 1 <= m <= 12]
        if bad:
            raise ValueError(f"release months must be 1-12, not {bad}")
        if len(set(self.months)) != len(self.months):
            raise ValueError("a release month is listed twice")
        return self
