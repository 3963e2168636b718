"""A source title the data give in one language only is marked with it on the other language's
page (``lang`` for screen readers and the style sheet's "(in Japanese)" / 「（韓国語）」 after it),
as the English report marks it (tests/report/test_source_titles.py). The shipped GII page."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from ipkpi.followup import FollowUpProvider
from ipkpi.web import create_app

from .conftest import TestClient

GII = "kpi/ipx.gii_rank"
SAEGUSA = "三枝国際特許事務所：GII 2023"
ETODAY = "이투데이 (etoday): 한국의 GII 순위"


@pytest.fixture(scope="module")
def client(shipped_provider: FollowUpProvider) -> Iterator[Any]:
    with TestClient(create_app(shipped_provider)) as test_client:
        yield test_client


def test_each_title_is_marked_with_its_language_where_it_is_not_the_pages(client: Any):
    english = client.get(f"/en/{GII}").text
    assert f'<span lang="ja" class="fallback">{SAEGUSA}</span>' in english
    assert f'<span lang="ko" class="fallback">{ETODAY}</span>' in english
    japanese = client.get(f"/{GII}").text
    assert f'<span lang="ko" class="fallback">{ETODAY}</span>' in japanese
    assert f'<span lang="ja" class="fallback">{SAEGUSA}' not in japanese
    assert f">{SAEGUSA}</a>" in japanese


@pytest.mark.browser
@pytest.mark.timeout(120)
@pytest.mark.parametrize("lang", ["ja", "en"])
def test_a_reader_sees_the_language_after_the_title(
    page: Any, shipped_provider: FollowUpProvider, lang: str
):
    from .conftest import serving

    after = "e => getComputedStyle(e, '::after').content"
    with serving(create_app(shipped_provider)) as server:
        page.goto(f"{server}{'/en' if lang == 'en' else ''}/{GII}")
        korean = page.locator(f"#data-table span[lang=ko]:text-is('{ETODAY}')").first
        if lang == "en":
            japanese = page.locator(f"#data-table span[lang=ja]:text-is('{SAEGUSA}')").first
            assert japanese.evaluate(after) == '" (in Japanese)"'
            assert korean.evaluate(after) == '" (in Korean)"'
        else:
            assert korean.evaluate(after) == '"（韓国語）"'
            assert page.locator("#data-table span[lang=ja]").count() == 0
