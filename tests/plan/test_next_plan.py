"""``ipkpi plan next``: the next plan drafted from the shipped one, with a lineage, and its diff."""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml
from click.testing import CliRunner

from ipkpi.cli.main import cli
from ipkpi.paths import default_plan_dir
from ipkpi.plan.lineage import LINEAGE_FILE, read_lineage
from ipkpi.plan.loader import check_plan, load_plan


def _draft(tmp_path: Path) -> tuple[Path, Path]:
    old = tmp_path / "ip2025"
    shutil.copytree(default_plan_dir(), old)
    new = tmp_path / "ip2026"
    result = CliRunner().invoke(cli, ["plan", "next", str(old), str(new)])
    assert result.exit_code == 0, result.output
    assert "45 measures and 24 KPIs carried from ip2025" in result.output
    return old, new


def test_the_draft_validates_with_a_lineage_for_every_item_and_the_same_series(
    tmp_path: Path,
) -> None:
    old, new = _draft(tmp_path)
    assert check_plan(new) == []
    before, after = load_plan(old), load_plan(new)
    assert (after.id, after.year, after.previous, after.status) == (
        "ip2026",
        2026,
        "ip2025",
        "draft",
    )
    assert after.title.ja == "知的財産推進計画2026"
    lineage = read_lineage(new)
    assert lineage is not None
    assert [link.id for link in lineage.measures] == [m.id for m in after.measures()]
    assert {link.relation for link in lineage.measures + lineage.kpis} == {"carried"}
    # KPIs keep their series: the data of the old plan are the new plan's.
    assert [s.id for _, s in before.all_series()] == [s.id for _, s in after.all_series()]
    # Copied, never linked: the files are the new plan's own.
    assert (new / "parts" / "protection" / "piracy.yaml").read_text(encoding="utf-8") == (
        old / "parts" / "protection" / "piracy.yaml"
    ).read_text(encoding="utf-8")
    assert not (new / "parts").is_symlink()


def test_edits_with_their_lineage_validate_and_show_in_the_diff(tmp_path: Path) -> None:
    old, new = _draft(tmp_path)
    piracy = new / "parts" / "protection" / "piracy.yaml"
    text = piracy.read_text(encoding="utf-8")
    text = text.replace(
        "官民一体となって取り組む。", "官民一体となって取り組み、成果を検証する。", 1
    )
    text = text.replace(
        "  - id: protection.piracy.m4\n",
        "  - id: protection.piracy.m5\n"
        "    text: {ja: 新しい施策, en: A new measure}\n"
        "  - id: protection.piracy.m4\n",
        1,
    )
    piracy.write_text(text, encoding="utf-8")
    data = yaml.safe_load((new / LINEAGE_FILE).read_text(encoding="utf-8"))
    assert check_plan(new) != []  # m2 changed but still 'carried'; m5 has no entry
    messages = {p.reason for p in check_plan(new)}
    assert "measure 'protection.piracy.m2' (carried): relation does not fit" in messages
    assert "measure 'protection.piracy.m5' has 0 lineage entries" in messages
    for link in data["measures"]:
        if link["id"] == "protection.piracy.m2":
            link["relation"] = "revised"
    data["measures"].append({"id": "protection.piracy.m5", "relation": "new", "from": []})
    # The duplicate measure of two sections is merged into one; the other ends.
    data["measures"] = [m for m in data["measures"] if m["id"] != "protection.ipr.m4"]
    for link in data["measures"]:
        if link["id"] == "protection.piracy.m4":
            link["relation"], link["from"] = "merged", ["protection.piracy.m4", "protection.ipr.m4"]
    (new / LINEAGE_FILE).write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    ipr = new / "parts" / "protection" / "ipr.yaml"
    ipr_text = ipr.read_text(encoding="utf-8")
    start = ipr_text.index("  - id: protection.ipr.m4\n")
    end = ipr_text.index("\nkpis:")
    ipr.write_text(ipr_text[:start] + ipr_text[end + 1 :], encoding="utf-8")
    assert check_plan(new) == []
    result = CliRunner().invoke(cli, ["plan", "diff", str(old), str(new)])
    assert result.exit_code == 0, result.output
    report = result.output
    assert report.startswith("# 計画2025→2026")
    assert "## 施策 (継続 42, 修正 1, 統合 1, 新規 1)" in report
    assert "| 修正 | protection.piracy.m2 | protection.piracy.m2 |" in report
    assert "成果を検証する" in report
    english = CliRunner().invoke(cli, ["plan", "diff", str(old), str(new), "--lang", "en"])
    assert "# Programme 2025 → 2026" in english.output
