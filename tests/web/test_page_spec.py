"""A page declaration: its addresses, formats and parameters follow from its path."""

from __future__ import annotations

import pytest

from ipkpi.web.pages import PAGES, Page, Param


def _page(**kwargs: object) -> Page:
    fields: dict[str, object] = {
        "name": "series",
        "path": "api/series/{series_id}",
        "template": None,
        "model": dict,
        "build": lambda request: {},
        "summary": "A series",
        "params": (Param("series_id", "The series' id"),),
    }
    fields.update(kwargs)
    return Page(**fields)  # type: ignore[arg-type]


def test_a_page_of_data_only_is_json_by_default():
    page = _page()
    assert page.formats == ("json",) and page.data_formats == ("json",)
    assert page.route_paths() == ("/api/series/{series_id}",)
    assert page.split({"series_id": "ipx.gii_rank.json"}) == ({"series_id": "ipx.gii_rank"}, "json")
    assert page.split({"series_id": "ipx.gii_rank"}) == ({"series_id": "ipx.gii_rank"}, "json")
    assert page.file({"series_id": "a b"}) == "api/series/a%20b"


def test_a_dot_in_an_id_is_not_taken_for_a_format():
    kpi = next(p for p in PAGES if p.name == "kpi")
    assert kpi.split({"kpi_id": "ipx.gii_rank"}) == ({"kpi_id": "ipx.gii_rank"}, "html")
    assert kpi.split({"kpi_id": "ipx.gii_rank.xlsx"}) == ({"kpi_id": "ipx.gii_rank"}, "xlsx")


def test_a_page_without_parameters_has_an_address_with_and_without_extension():
    home = next(p for p in PAGES if p.name == "home")
    assert home.route_paths() == ("/", "/index.{ext:str}")
    assert home.file({}) == "index"
    page = _page(path="api/vintages", params=())
    assert page.route_paths() == ("/api/vintages", "/api/vintages.{ext:str}")


def test_the_path_and_the_parameters_must_agree():
    with pytest.raises(ValueError, match="holes"):
        _page(params=())
