"""Numbers the plan states in its text: a figure with its unit, period and source."""

from __future__ import annotations

from pydantic import Field, model_validator

from ..text import Text
from .base import PlanModel
from .source import Flags, Id


class Figure(PlanModel):
    """A stated number (a baseline, an example's visitors, a table cell)."""

    value: float
    unit: str
    period: str | None = Field(
        None, description="The period the value refers to, e.g. 2024, FY2023."
    )
    source: Id = Field(description="Id of the source in sources.yaml.")
    label: Text | None = None
    flags: Flags = Flags()


#: Tags of context items that readers see, in words; other tags (part and section ids) only
#: link an item to the plan and are not shown.
TAG_LABELS: dict[str, Text] = {
    "strategic": Text(ja="戦略領域", en="Strategic area"),
    "related_measure": Text(ja="関連施策", en="Related measure"),
    "example": Text(ja="事例", en="Example"),
    "busy_hub": Text(ja="にぎわう拠点", en="Busy hub"),
}


class ContextItem(PlanModel):
    """One element of a structured list (a standardization area, a hub example, …)."""

    id: Id
    label: Text
    sublabel: Text | None = Field(None, description="A smaller label under the label, verbatim.")
    number: int | None = None
    tags: list[str] = []
    description: Text | None = None
    figures: list[Figure] = []


class DiagramNode(PlanModel):
    """A box of a diagram: an actor, a place, a body."""

    id: Id
    label: Text


class DiagramFlow(PlanModel):
    """A labelled arrow of a diagram; its ends are given when the source shows them."""

    id: Id
    label: Text
    start: Id | None = Field(None, description="Id of the node the arrow leaves, when known.")
    end: Id | None = Field(None, description="Id of the node the arrow points at, when known.")


class Diagram(PlanModel):
    """A diagram of a slide as data: its heading, its boxes and its arrows."""

    heading: Text | None = None
    nodes: list[DiagramNode] = []
    flows: list[DiagramFlow] = []
    note: Text | None = Field(None, description="How the diagram was read, for the public.")

    @model_validator(mode="after")
    def _ends_are_nodes(self) -> Diagram:
        known = {n.id for n in self.nodes}
        for flow in self.flows:
            for end in (flow.start, flow.end):
                if end is not None and end not in known:
                    raise ValueError(f"flow {flow.id!r} points at {end!r}, which is not a node")
        return self


class ContextBlock(PlanModel):
    """Context the plan gives beside its KPIs: narrative, figures and structured lists."""

    id: Id
    title: Text
    group: Text | None = Field(
        None, description="The heading the block stands under on its slide (a slide title)."
    )
    text: list[Text] = []
    figures: list[Figure] = []
    items: list[ContextItem] = []
    diagram: Diagram | None = None
    source: Id | None = None
