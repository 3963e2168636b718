"""Settings: one table, read in one module, every variable documented."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import ipkpi
from ipkpi.settings import SETTINGS, Setting, current

ROOT = Path(__file__).parents[1]
DOC = (ROOT / "docs" / "settings.md").read_text(encoding="utf-8")
PACKAGE = Path(ipkpi.__file__).parent


@pytest.mark.parametrize("setting", SETTINGS, ids=lambda s: s.env)
def test_every_setting_is_documented_with_its_default(setting: Setting) -> None:
    row = f"| `{setting.name}` | `{setting.env}` | {setting.default} | {setting.description} |"
    assert row in DOC


def test_no_module_but_settings_reads_the_environment() -> None:
    """Not only IPKPI_ variables: XDG folders and the locale are read in settings too."""
    readers = [
        str(path.relative_to(PACKAGE))
        for path in PACKAGE.rglob("*.py")
        if re.search(r"\benviron\b|\bgetenv\(", path.read_text(encoding="utf-8"))
    ]
    assert readers == ["settings.py"]


def test_every_ipkpi_variable_in_the_docs_is_a_setting() -> None:
    documented = set(re.findall(r"\bIPKPI_[A-Z_]+", DOC))
    assert documented == {s.env for s in SETTINGS}


def test_settings_are_read_from_the_environment() -> None:
    read = current({"IPKPI_PLAN_DIR": "/srv/plan", "IPKPI_LANG": "ja", "IPKPI_DATABASE_URL": ""})
    assert (str(read.plan_dir), read.lang, read.database_url) == ("/srv/plan", "ja", None)
    assert current({"LANG": "ja_JP.UTF-8"}).lang == "ja"
    assert current({"LANG": "C.UTF-8", "IPKPI_LANG": "en"}).lang == "en"
    assert current({"LANG": "C.UTF-8"}).lang == "ja"  # the locale does not choose
    assert current({}).lang == "ja"


def test_the_platform_folders_come_from_the_settings_too() -> None:
    read = current({"XDG_DATA_HOME": "/var/lib", "XDG_CACHE_HOME": "/var/cache"})
    assert (str(read.data_home), str(read.cache_home)) == ("/var/lib", "/var/cache")
    assert current({}).cache_home == Path.home() / ".cache"
