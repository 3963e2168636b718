"""Where a number or a text comes from."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from pydantic import Field

from ..text import Text
from .base import PlanModel

#: The caveats a value can carry, each a yes/no field of :class:`Flags`, in written order.
SWITCH_FLAGS: tuple[str, ...] = (
    "uncertain",
    "derived",
    "provisional",
    "estimate",
    "break_in_series",
    "approximate",
    "secondary",
)
#: Every flag name, in the order flags are written (``bound`` gives the last two).
FLAGS: tuple[str, ...] = (*SWITCH_FLAGS, "lower_bound", "upper_bound")

Id = Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9_.\-]*$", max_length=120)]


class Source(PlanModel):
    """A publication a value or text was read in."""

    id: Id
    title: Text
    publisher: Text | None = None
    url: str | None = Field(default=None, pattern=r"^https?://")
    read_on: dt.date | None = Field(default=None, description="The date the source was read.")
    note: Text | None = Field(None, description="Public note, in both languages.")
    editor_note: str | None = Field(
        None, description="For the plan's editors only: never shown on a public page or export."
    )


class Flags(PlanModel):
    """Caveats on a value; shown with it wherever it appears."""

    uncertain: bool = Field(False, description="Sources disagree, or the reading is doubtful (⚠️).")
    derived: bool = Field(False, description="Worked out from a stated change, not printed (†).")
    provisional: bool = Field(False, description="速報: a first release, may be revised.")
    estimate: bool = Field(False, description="試算値: an estimate, not a survey result.")
    break_in_series: bool = Field(
        False, description="Definition or basis changed: not comparable with earlier values."
    )
    bound: str | None = Field(
        None, pattern="^(lower|upper)$", description="The value is only a lower or upper bound."
    )
    approximate: bool = Field(False, description="約: a rounded or approximate figure.")
    secondary: bool = Field(
        False,
        description="Read in a secondary copy (a news report quoting the publisher, a mirror) "
        "because the publisher's own release could not be read; the editor's note says why.",
    )

    def names(self) -> list[str]:
        out = [name for name in SWITCH_FLAGS if getattr(self, name)]
        if self.bound:
            out.append(f"{self.bound}_bound")
        return out
