"""At 390 px the reviewer's diff table scrolls sideways in its own container (issue 11).

A MAFF editor's submitted data file (the web fixture plan; 2025 is new against the fixture's
2024 value) is opened by the secretariat in Chromium on a phone-width viewport, in Japanese
and English: the page itself is no wider than the screen, and the table's container is the
one that scrolls. Screenshots (1366 and 390 px, ja and en) of the list and the review page go
to test-artifacts.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from ipkpi.followup import FollowUpProvider
from ipkpi.followup.store_source import StoreSource
from ipkpi.plan import Plan
from ipkpi.service import accounts, data_files, submissions
from ipkpi.web import create_app

from .conftest import free_port, make_store, screenshot, serving
from .service_helpers import PASSWORD, add_person

EDITOR = "editor@maff.example.jp"
DESK = "review@cao.example.jp"
CSV = b"series,period,value,unit\nalpha.one.exports.jpn,2025,1.62,jpy_cho\n"

WIDTHS = """() => {
  const box = document.querySelector('#changes').closest('.table-scroll');
  return {page: document.documentElement.scrollWidth, screen: window.innerWidth,
          box: box.getBoundingClientRect().right, boxInner: box.clientWidth,
          table: document.querySelector('#changes').scrollWidth,
          overflow: getComputedStyle(box).overflowX};
}"""


@pytest.fixture
def review(plan: Plan, tmp_path: Path) -> Iterator[tuple[str, int]]:
    store = make_store(tmp_path / "narrow.db", plan)
    add_person(store, EDITOR, ministry="MAFF")
    add_person(store, DESK, global_role="secretariat")
    user = accounts.user_by_email(store.engine, EDITOR)
    assert user is not None
    editor = accounts.actor_of(user, "session")
    draft = data_files.create_draft(store.engine, editor, "MAFF", "輸出実績.csv", CSV, {})
    submissions.transition(store.engine, editor, draft.id, "submit", draft.version)
    provider = FollowUpProvider(plan, StoreSource(store, plan), check_every=0)
    port = free_port()
    app = create_app(provider, public_url=f"http://127.0.0.1:{port}")
    with serving(app, port=port) as url:
        yield url, draft.id
    store.close()


@pytest.mark.browser
@pytest.mark.timeout(120)
def test_the_diff_table_scrolls_in_its_container_at_390_px(
    browser: Any, review: tuple[str, int]
) -> None:
    server, ident = review
    context = browser.new_context(viewport={"width": 1366, "height": 900})
    tab = context.new_page()
    tab.goto(f"{server}/signin")
    tab.fill("#signin-email", DESK)
    tab.fill("#signin-password", PASSWORD)
    with tab.expect_navigation():
        tab.click("#signin-form button[type=submit]")
    for prefix, lang in (("", "ja"), ("/en", "en")):
        for width in (1366, 390):
            tab.set_viewport_size({"width": width, "height": 900})
            tab.goto(f"{server}{prefix}/submissions")
            screenshot(tab, f"service-submissions-{lang}-{width}")
            tab.goto(f"{server}{prefix}/submissions/{ident}")
            assert tab.inner_text("#count-new") == "1"
            screenshot(tab, f"service-review-{lang}-{width}")
            if width == 390:
                sizes = tab.evaluate(WIDTHS)
                assert sizes["page"] <= sizes["screen"], sizes  # the page does not overflow
                assert sizes["box"] <= sizes["screen"] and sizes["overflow"] == "auto", sizes
                assert sizes["table"] > sizes["boxInner"], sizes  # the table is what scrolls
    context.close()
