"""Plan to plan: a draft of the next plan copied from this one, with a lineage for every item.

``next_plan(src, dst)`` copies the plan folder (measures and KPIs are copied, never linked:
editing the new plan never changes the old one) and writes ``lineage.yaml``: for every measure
and KPI of the new plan, the ids it comes from in the previous plan and how (carried, revised,
merged, split, new); what the new plan drops is listed as ended. KPIs keep their series ids,
so the data carry over. The secretariat edits the draft and the lineage; ``check_lineage``
says what no longer adds up, and ``plan_diff`` is the 「計画2025→2026」 report.
"""

from __future__ import annotations

import re
import shutil
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import yaml
from pydantic import Field, ValidationError

from ..files import write_text
from ..markdown_text import inline
from ..problems import Problem
from ..problems import cycle as says
from ..text import Lang, Text
from .base import PlanModel
from .problems import at
from .source import Id
from .structure import Plan

LINEAGE_FILE = "lineage.yaml"
Relation = Literal["carried", "revised", "merged", "split", "new"]
RELATION_LABELS = {
    "carried": ("継続", "carried"),
    "revised": ("修正", "revised"),
    "merged": ("統合", "merged"),
    "split": ("分割", "split"),
    "new": ("新規", "new"),
    "ended": ("終了", "ended"),
}


class Link(PlanModel):
    id: Id
    relation: Relation
    from_: list[Id] = Field([], alias="from")


class Ended(PlanModel):
    measures: list[Id] = []
    kpis: list[Id] = []


class Lineage(PlanModel):
    previous: Id
    measures: list[Link] = []
    kpis: list[Link] = []
    ended: Ended = Ended()


def read_lineage(root: Path) -> Lineage | None:
    path = root / LINEAGE_FILE
    if not path.exists():
        return None
    return Lineage.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")))


def _texts(plan: Plan) -> tuple[dict[str, str], dict[str, str]]:
    measures = {m.id: m.text.model_dump_json() for m in plan.measures()}
    kpis = {k.id: k.model_dump_json() for k in plan.kpis()}
    return measures, kpis


def next_plan(src: Path, dst: Path, plan: Plan, year: int) -> Lineage:
    """Copy ``src`` to ``dst`` as the draft of the plan of ``year``; write its lineage."""
    if dst.exists():
        raise FileExistsError(f"{dst} exists: choose a new folder for the next plan")
    shutil.copytree(src, dst)
    new_id = (
        re.sub(r"\d{4}$", str(year), plan.id)
        if re.search(r"\d{4}$", plan.id)
        else f"{plan.id}-{year}"
    )
    path = dst / "plan.yaml"
    text = path.read_text(encoding="utf-8")
    text = re.sub(r"^id: .*$", f"id: {new_id}", text, count=1, flags=re.M)
    text = re.sub(r"^year: .*$", f"year: {year}", text, count=1, flags=re.M)
    text = re.sub(
        r"^(title: .*?)" + str(plan.year), r"\g<1>" + str(year), text, count=1, flags=re.M
    )
    text = re.sub(
        r"^(title: .*?)" + str(plan.year), r"\g<1>" + str(year), text, count=1, flags=re.M
    )
    text = re.sub(
        r"^(parts: .*)$", rf"previous: {plan.id}\nstatus: draft\n\1", text, count=1, flags=re.M
    )
    write_text(path, text, encoding="utf-8")
    lineage = Lineage(
        previous=plan.id,
        measures=[Link(id=m.id, relation="carried", **{"from": [m.id]}) for m in plan.measures()],
        kpis=[Link(id=k.id, relation="carried", **{"from": [k.id]}) for k in plan.kpis()],
    )
    write_lineage(dst, lineage)
    return lineage


def write_lineage(root: Path, lineage: Lineage) -> None:
    data = lineage.model_dump(by_alias=True)
    header = (
        "# Lineage of this plan's measures and KPIs from the previous plan (ipkpi plan next).\n"
        "# relation: carried | revised | merged | split | new; ended lists what was dropped.\n"
    )
    write_text(
        root / LINEAGE_FILE,
        header + yaml.safe_dump(data, allow_unicode=True, sort_keys=False),
        encoding="utf-8",
    )


def check_lineage(root: Path, plan: Plan, previous: Plan | None) -> list[Problem]:
    """What does not add up between the plan, its lineage and the previous plan."""
    path = root / LINEAGE_FILE
    try:
        lineage = read_lineage(root)
    except (ValidationError, yaml.YAMLError) as exc:
        return [at(path, 1, says.LINEAGE_INVALID(detail=str(exc).splitlines()[0]))]
    if lineage is None:
        return []
    if previous is None:
        return [at(path, 1, says.LINEAGE_NO_PREVIOUS(previous=lineage.previous))]
    out: list[Problem] = []
    old_m, old_k = _texts(previous)
    new_m, new_k = _texts(plan)
    for kind, links, old, new, ended in (
        (_MEASURE, lineage.measures, old_m, new_m, lineage.ended.measures),
        (_KPI, lineage.kpis, old_k, new_k, lineage.ended.kpis),
    ):
        listed = Counter(link.id for link in links)
        for item in new:
            if listed[item] != 1:
                out.append(
                    at(path, 1, says.LINEAGE_ENTRIES(kind=kind, item=item, count=listed[item]))
                )
        for link in links:
            if link.id not in new:
                out.append(at(path, 1, says.LINEAGE_UNKNOWN_ITEM(kind=kind, item=link.id)))
            for source in link.from_:
                if source not in old:
                    out.append(
                        at(
                            path,
                            1,
                            says.LINEAGE_UNKNOWN_SOURCE(
                                kind=kind, item=link.id, source=source, previous=previous.id
                            ),
                        )
                    )
            why = _relation_problem(link, old, new, links)
            if why is not None:
                out.append(
                    at(
                        path,
                        1,
                        says.LINEAGE_RELATION(
                            kind=kind, item=link.id, relation=link.relation, why=why
                        ),
                    )
                )
        used = {s for link in links for s in link.from_} | set(ended)
        for item in old:
            if item not in used:
                out.append(
                    at(
                        path,
                        1,
                        says.LINEAGE_UNACCOUNTED(kind=kind, item=item, previous=previous.id),
                    )
                )
    return out


_MEASURE = Text(ja="施策", en="measure")
_KPI = Text(ja="KPI", en="KPI")


def _relation_problem(
    link: Link, old: dict[str, str], new: dict[str, str], links: list[Link]
) -> Text | None:
    """Why ``link``'s relation does not fit its ids and texts, or None when it does."""
    count = len(link.from_)
    if link.relation == "new":
        if count:
            return Text(
                ja="新規の項目には元がありません。'from' を空にしてください",
                en="a new item comes from nothing: leave 'from' empty",
            )
        return None
    if link.relation == "merged":
        if count < 2:
            return Text(
                ja="統合は2つ以上の項目からです", en="a merged item comes from two or more items"
            )
        return None
    if link.relation == "split":
        shared = sum(1 for o in links if o.relation == "split" and o.from_ == link.from_)
        if count != 1 or shared < 2:
            return Text(
                ja="分割は1つの項目から2つ以上に分かれるものです",
                en="a split item comes from one item that two or more items split from",
            )
        return None
    same = count == 1 and old.get(link.from_[0]) == new.get(link.id)
    if link.relation == "carried" and not same:
        return Text(
            ja="継続の項目は前の文と同じです。変えたなら revised にしてください",
            en="a carried item has the previous text unchanged; mark it revised",
        )
    if link.relation == "revised" and (count != 1 or same):
        return Text(
            ja="修正の項目は1つの元と文が異なります",
            en="a revised item comes from one item and differs from its text",
        )
    return None


@dataclass(frozen=True, slots=True)
class DiffRow:
    kind: str
    relation: str
    new_id: str
    old_ids: tuple[str, ...]
    old_text: str
    new_text: str


def plan_diff(previous: Plan, plan: Plan, lineage: Lineage, lang: Lang = "ja") -> list[DiffRow]:
    old_m = {m.id: m.text for m in previous.measures()}
    new_m = {m.id: m.text for m in plan.measures()}
    old_k = {k.id: k.wording for k in previous.kpis()}
    new_k = {k.id: k.wording for k in plan.kpis()}
    rows = []
    for kind, links, old, new, ended in (
        ("measure", lineage.measures, old_m, new_m, lineage.ended.measures),
        ("kpi", lineage.kpis, old_k, new_k, lineage.ended.kpis),
    ):
        for link in links:
            before = " / ".join(old[s].get(lang) for s in link.from_ if s in old)
            after = new[link.id].get(lang) if link.id in new else ""
            rows.append(DiffRow(kind, link.relation, link.id, tuple(link.from_), before, after))
        for item in ended:
            rows.append(
                DiffRow(kind, "ended", "", (item,), old[item].get(lang) if item in old else "", "")
            )
    return rows


def diff_markdown(previous: Plan, plan: Plan, rows: list[DiffRow], lang: str = "ja") -> str:
    en = lang == "en"
    title = f"Programme {previous.year} → {plan.year}" if en else f"計画{previous.year}→{plan.year}"
    lines = [f"# {title}", ""]
    for kind, heading in (("measure", ("施策", "Measures")), ("kpi", ("KPI", "KPIs"))):
        mine = [r for r in rows if r.kind == kind]
        counts = Counter(r.relation for r in mine)
        summary = ", ".join(
            f"{RELATION_LABELS[k][1 if en else 0]} {counts[k]}"
            for k in RELATION_LABELS
            if counts[k]
        )
        lines += [
            f"## {heading[1 if en else 0]} ({summary})",
            "",
            "| relation | id | from | before | after |" if en else "| 区分 | ID | 元 | 前 | 後 |",
            "|---|---|---|---|---|",
        ]
        for r in mine:
            unchanged = r.relation == "carried"
            cells = [
                RELATION_LABELS[r.relation][1 if en else 0],
                r.new_id or "—",
                ", ".join(r.old_ids) or "—",
                "" if unchanged else r.old_text,
                "（同じ）" if unchanged and not en else "(same)" if unchanged else r.new_text,
            ]
            lines.append("| " + " | ".join(inline(c) for c in cells) + " |")
        lines.append("")
    return "\n".join(lines)
