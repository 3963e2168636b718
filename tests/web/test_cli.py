"""``ipkpi serve`` and ``ipkpi build-site`` from the command line, and their documentation."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from click.testing import CliRunner

from ipkpi.cli import web_cmd
from ipkpi.plan.loader import load_plan

from .conftest import WEBPLAN, free_port

DOCS = Path(__file__).parents[2] / "docs" / "dashboard.md"


def test_build_site_loads_the_shipped_data_and_writes_the_site(tmp_path: Path):
    out = tmp_path / "site"
    result = CliRunner().invoke(
        web_cmd.build_site,
        [str(out), "--plan", str(WEBPLAN), "--db", str(tmp_path / "s.db"), "--no-xlsx"],
    )
    assert result.exit_code == 0, result.output
    found = re.search(r"Wrote (\d+) pages .*: (\d+) rendered, (\d+) unchanged", result.output)
    assert found and found[1] == found[2] and found[3] == "0", result.output
    assert (out / "kpi" / "alpha.one.exports.csv").is_file()
    again = CliRunner().invoke(
        web_cmd.build_site,
        [str(out), "--plan", str(WEBPLAN), "--db", str(tmp_path / "s.db"), "--no-xlsx"],
    )
    found = re.search(r"Wrote (\d+) pages .*: (\d+) rendered, (\d+) unchanged", again.output)
    assert found and found[2] == "0" and found[3] == found[1], again.output
    assert not (out / "kpi" / "alpha.one.exports.xlsx").exists()
    assert "1.5073" in (out / "kpi" / "alpha.one.exports.json").read_text(encoding="utf-8")


def test_a_bad_plan_folder_is_an_error_that_says_so(tmp_path: Path):
    result = CliRunner().invoke(web_cmd.build_site, [str(tmp_path / "o"), "--plan", str(tmp_path)])
    assert result.exit_code != 0
    assert "has problems" in result.output


@pytest.mark.timeout(120)
def test_serve_prints_the_summary_and_its_address_and_serves_the_dashboard(tmp_path: Path):
    port = free_port()
    ipkpi = Path(sys.executable).parent / "ipkpi"
    command = [str(ipkpi), "serve", "--plan", str(WEBPLAN), "--lang", "en",
               "--db", str(tmp_path / "s.db"), "--port", str(port)]  # fmt: skip
    env = {**os.environ, "PYTHONWARNINGS": "ignore", "COLUMNS": "200"}
    log = (tmp_path / "stderr.txt").open("wb")
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=log, env=env)
    try:
        assert process.stdout is not None
        line = process.stdout.readline().decode()
        assert f"http://localhost:{port}/" in line
        deadline = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/en/") as response:
                    assert response.status == 200
                    assert "A test plan" in response.read().decode()
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.2)
    finally:
        process.terminate()
        process.wait(timeout=10)
        log.close()
        if process.stdout is not None:
            process.stdout.close()
    # The plan's summary comes first, on stderr: KPIs by part and by kind, and data coverage.
    said = (tmp_path / "stderr.txt").read_text(encoding="utf-8")
    plan = load_plan(WEBPLAN)
    assert "KPIs by part" in said and "KPIs by kind" in said
    assert re.search(rf"\b\d+/{len(plan.kpis())} KPIs have data", said), said


@pytest.mark.parametrize("command", [web_cmd.serve, web_cmd.build_site])
def test_every_option_is_documented(command: object):
    text = DOCS.read_text(encoding="utf-8")
    for param in command.params:  # type: ignore[attr-defined]
        for name in param.opts:
            if name.startswith("--"):
                assert f"`{name}" in text, f"{name} is not in docs/dashboard.md"
