"""A plan folder of N KPIs, written through the plan model, with observations in memory.

Used by ``bench_site.py``: 5 parts, 20 sections each, the KPIs spread over them and cycling
through five kinds (level by deadline, rank with a peer, direction, monitor, pending); every
series has ten annual values 2015–2024.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
from pathlib import Path
from typing import Any

import yaml

from ipkpi.assessment.points import period_year
from ipkpi.followup import MemorySource, Observation, Recorded, Vintage

PARTS = 5
SECTIONS_PER_PART = 20
YEARS = range(2015, 2025)
VINTAGE = Vintage("1", dt.date(2025, 6, 30), "generated.csv")


def _text(ja: str, en: str) -> dict[str, str]:
    return {"ja": ja, "en": en}


def _kpi(n: int, section_key: str) -> dict[str, Any]:
    kid = f"{section_key}.k{n}"
    base: dict[str, Any] = {
        "id": kid,
        "title": _text(f"指標{n}", f"Indicator {n}"),
        "wording": _text(f"指標{n}を改善する", f"Improve indicator {n}"),
        "source": "overview",
    }
    series = [{"id": f"{kid}.jpn", "label": _text("日本", "Japan"), "unit": "percent"}]
    kind = n % 5
    if kind == 0:
        base |= {
            "kind": "level_by_deadline",
            "target": {"value": 80, "unit": "percent"},
            "deadline": 2033,
        }
    elif kind == 1:
        series = [
            {"id": f"{kid}.jpn", "label": _text("日本", "Japan"), "unit": "rank"},
            {
                "id": f"{kid}.kor",
                "label": _text("韓国", "Korea"),
                "unit": "rank",
                "role": "peer",
                "country": "KOR",
            },
        ]
        base |= {"kind": "rank", "target_rank": 4, "deadline": 2035}
    elif kind == 2:
        base |= {"kind": "direction", "direction": "increase"}
    elif kind == 3:
        base |= {"kind": "monitor"}
    else:
        base |= {"kind": "pending", "pending_until": _text("今後設定", "Later")}
        series = []
    base["series"] = series
    return base


def write_plan(folder: Path, kpis: int) -> None:
    """A valid plan folder with ``kpis`` KPIs."""
    folder.mkdir(parents=True, exist_ok=True)
    per_section = math.ceil(kpis / (PARTS * SECTIONS_PER_PART))
    (folder / "plan.yaml").write_text(
        yaml.safe_dump(
            {
                "id": "generated",
                "title": _text("生成された計画", "A generated plan"),
                "publisher": _text("ベンチマーク", "Benchmark"),
                "year": 2025,
                "source": "overview",
                "vision": _text("速さ", "Speed"),
                "headline_kpis": ["p0.p0s0.k0"],
                "parts": [f"p{p}" for p in range(PARTS)],
            },
            allow_unicode=True,
        ),
        encoding="utf-8",
    )
    (folder / "sources.yaml").write_text(
        yaml.safe_dump({"sources": [{"id": "overview", "title": _text("概要", "Overview")}]}),
        encoding="utf-8",
    )
    n = 0
    for p in range(PARTS):
        part_dir = folder / "parts" / f"p{p}"
        part_dir.mkdir(parents=True, exist_ok=True)
        sections = [f"p{p}s{s}" for s in range(SECTIONS_PER_PART)]
        (part_dir / "part.yaml").write_text(
            yaml.safe_dump(
                {
                    "id": f"p{p}",
                    "number": p,
                    "title": _text(f"部{p}", f"Part {p}"),
                    "sections": sections,
                },
                allow_unicode=True,
            ),
            encoding="utf-8",
        )
        for s in sections:
            items = []
            for _ in range(per_section):
                if n < kpis:
                    items.append(_kpi(n, f"p{p}.{s}"))
                    n += 1
            section = {
                "id": s,
                "title": _text(f"節{p}.{s}", f"Section {p}.{s}"),
                "situation": [_text("現状", "Situation")],
                "measures": [{"id": f"p{p}.{s}.m1", "text": _text("施策", "A measure")}],
                "kpis": items,
            }
            (part_dir / f"{s}.yaml").write_text(
                yaml.safe_dump(section, allow_unicode=True, sort_keys=False), encoding="utf-8"
            )


def observations(series: list[tuple[str, str]], bump: str | None = None) -> MemorySource:
    """Ten annual values per series (id, unit), in one vintage; the series ``bump`` has its
    2024 value one higher (one corrected observation)."""
    records = []
    for index, (series_id, unit) in enumerate(series):
        for year in YEARS:
            value = (
                5 + (index % 17) + (year - 2015) * 0.7 if unit != "rank" else 20 - (year - 2015) % 7
            )
            obs = Observation(
                series_id,
                str(year),
                period_year(str(year)),
                value,
                unit,
                (),
                "Generated",
                "https://example.org",
                VINTAGE.id,
            )
            if series_id == bump and year == YEARS[-1]:
                obs = dataclasses.replace(obs, value=value + 1)
            records.append(Recorded(obs, VINTAGE))
    return MemorySource(records)
