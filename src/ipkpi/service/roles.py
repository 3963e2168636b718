"""Roles and what they may do: the role → permission table, kept in code (CKAN's
``ROLE_PERMISSIONS``), and every action the service knows, registered once.

An action not registered here is refused to everyone (deny by default). A ministry role
counts only on that ministry's objects; a global role counts everywhere. No role bypasses the
checks: the admin manages people, it does not review, and the secretariat reviews, it does not
manage people.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

MinistryRole = Literal["viewer", "editor", "approver"]
GlobalRole = Literal["secretariat", "admin"]
MINISTRY_ROLES: tuple[MinistryRole, ...] = ("viewer", "editor", "approver")
GLOBAL_ROLES: tuple[GlobalRole, ...] = ("secretariat", "admin")

#: Token scopes: a token carries some of these, and may only do what they name.
SCOPES = ("read", "submit", "review")
Scope = Literal["read", "submit", "review"]


@dataclass(frozen=True)
class Action:
    name: str
    #: What the action is done to: ``ministry`` objects (a submission of a ministry) or the
    #: ``site`` as a whole (people, the audit).
    resource: Literal["ministry", "site"]
    #: The token scope that allows it (None: never with a token, e.g. creating a token).
    scope: Scope | None
    description: str


ACTIONS: dict[str, Action] = {
    a.name: a
    for a in (
        Action("submission.view", "ministry", "read", "see a ministry's submissions and diffs"),
        Action("submission.create", "ministry", "submit", "start a submission for a ministry"),
        Action("submission.edit", "ministry", "submit", "change a draft or returned submission"),
        Action("submission.submit", "ministry", "submit", "send a submission for review"),
        Action("submission.recall", "ministry", "submit", "take a submitted one back to draft"),
        Action("submission.review", "ministry", "review", "return or accept a submission"),
        Action("submission.publish", "ministry", "review", "publish an accepted submission"),
        Action("audit.view", "site", "read", "read and export the audit trail"),
        Action("user.manage", "site", None, "create users, grant roles, disable accounts"),
        Action("token.create", "site", None, "create an API token for oneself"),
    )
}

_VIEW = {"submission.view"}
_EDIT = _VIEW | {"submission.create", "submission.edit", "submission.submit"}
#: What each ministry role may do on its own ministry's objects.
MINISTRY_PERMISSIONS: dict[MinistryRole, frozenset[str]] = {
    "viewer": frozenset(_VIEW),
    "editor": frozenset(_EDIT),
    "approver": frozenset(_EDIT | {"submission.recall"}),
}
#: What each global role may do on every ministry's objects and on the site.
GLOBAL_PERMISSIONS: dict[GlobalRole, frozenset[str]] = {
    "secretariat": frozenset(_VIEW | {"submission.review", "submission.publish", "audit.view"}),
    "admin": frozenset({"user.manage", "audit.view"}),
}
#: What every signed-in person may do for themselves (not with a token).
SIGNED_IN: frozenset[str] = frozenset({"token.create"})
