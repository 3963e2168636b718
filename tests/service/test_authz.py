"""The authorization entry point: deny by default, ministry ownership, four eyes, scopes.

ASVS 5.0 8.2.1 (function level), 8.2.2 (data level, IDOR) and 8.3.1 (one trusted place).
"""

from __future__ import annotations

import pytest

from ipkpi.service.authz import (
    ANONYMOUS,
    Actor,
    ForbiddenError,
    Resource,
    allowed,
    authorize,
    ministries_for,
)
from ipkpi.service.roles import ACTIONS

METI_EDITOR = Actor(user_id=1, email="e@meti", memberships={"METI": "editor"}, via="session")
MEXT_EDITOR = Actor(user_id=2, email="e@mext", memberships={"MEXT": "editor"}, via="session")
SECRETARIAT = Actor(user_id=3, email="s@cao", global_role="secretariat", via="session")
ADMIN = Actor(user_id=4, email="a@cao", global_role="admin", via="session")
METI_DRAFT = Resource(ministry="METI", created_by=1, kind="submission", ident="7")


def test_ministry_roles_reach_only_their_ministry() -> None:
    assert allowed(METI_EDITOR, "submission.edit", METI_DRAFT)
    assert not allowed(MEXT_EDITOR, "submission.view", METI_DRAFT)
    assert not allowed(MEXT_EDITOR, "submission.edit", METI_DRAFT)
    with pytest.raises(ForbiddenError, match="no role with this right in the object's ministry"):
        authorize(MEXT_EDITOR, "submission.submit", METI_DRAFT)


def test_only_the_secretariat_reviews_and_never_its_own() -> None:
    assert not allowed(METI_EDITOR, "submission.review", METI_DRAFT)
    assert allowed(SECRETARIAT, "submission.review", METI_DRAFT)
    own = Resource(ministry="METI", created_by=SECRETARIAT.user_id)
    with pytest.raises(ForbiddenError, match="own submission"):
        authorize(SECRETARIAT, "submission.review", own)
    assert not allowed(ADMIN, "submission.review", METI_DRAFT)  # the admin manages people


def test_deny_by_default() -> None:
    assert not allowed(ANONYMOUS, "submission.view", METI_DRAFT)
    assert not allowed(SECRETARIAT, "submission.delete_everything", METI_DRAFT)
    assert not allowed(METI_EDITOR, "user.manage")
    assert not allowed(METI_EDITOR, "submission.view")  # a ministry action without an object
    assert ministries_for(ANONYMOUS, "submission.view") == set()


def test_tokens_only_narrow() -> None:
    reader = Actor(**{**METI_EDITOR.__dict__, "via": "token", "scopes": frozenset({"read"})})
    assert allowed(reader, "submission.view", METI_DRAFT)
    assert not allowed(reader, "submission.edit", METI_DRAFT)
    everything = frozenset({"read", "submit", "review"})
    broad = Actor(**{**METI_EDITOR.__dict__, "via": "token", "scopes": everything})
    assert not allowed(broad, "submission.review", METI_DRAFT)  # a scope adds no right
    assert not allowed(broad, "token.create")  # tokens never mint tokens
    assert allowed(METI_EDITOR, "token.create")


def test_lists_are_filtered_by_ministry() -> None:
    both = Actor(user_id=5, memberships={"METI": "viewer", "JPO": "editor"}, via="session")
    assert ministries_for(both, "submission.view") == {"METI", "JPO"}
    assert ministries_for(both, "submission.edit") == {"JPO"}
    assert ministries_for(SECRETARIAT, "submission.view") is None  # every ministry


def test_every_action_is_documented() -> None:
    assert all(a.description for a in ACTIONS.values())
