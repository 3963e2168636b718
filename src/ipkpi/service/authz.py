"""The one authorization entry point: ``authorize(actor, action, resource)``.

Every check in the web pages, the API and the CLI goes through here (ASVS 8.2.1, 8.3.1).
It denies by default: an unknown action, an anonymous actor, a disabled account, a role that
does not name the action, a token whose scopes do not cover it, and an object of another
ministry are all refused. Lists are filtered in SQL by :func:`ministries_for` (ASVS 8.2.2),
never by loading every row and dropping some.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from .roles import (
    ACTIONS,
    GLOBAL_PERMISSIONS,
    MINISTRY_PERMISSIONS,
    SIGNED_IN,
    GlobalRole,
    MinistryRole,
    Scope,
)

Via = Literal["session", "token", "cli", "anonymous"]


@dataclass(frozen=True)
class Actor:
    """Who is asking: a user (through a session, a token or the CLI) or the anonymous public."""

    user_id: int | None = None
    email: str = ""
    display_name: str = ""
    global_role: GlobalRole | None = None
    memberships: dict[str, MinistryRole] = field(default_factory=dict)
    via: Via = "anonymous"
    #: A token's scopes (None: not a token, no narrowing).
    scopes: frozenset[Scope] | None = None
    token_id: int | None = None

    @property
    def signed_in(self) -> bool:
        return self.user_id is not None


ANONYMOUS = Actor()


@dataclass(frozen=True)
class Resource:
    """What an action is done to: a ministry's object (``ministry``), or the site (None).

    ``created_by`` is the object's author, for the rule that no one reviews their own work.
    """

    ministry: str | None = None
    created_by: int | None = None
    kind: str = "site"
    ident: str | None = None


SITE = Resource()


class ForbiddenError(Exception):
    """The actor may not do this; ``reason`` says why (for the audit, not for the page)."""

    def __init__(self, action: str, reason: str) -> None:
        super().__init__(f"{action}: {reason}")
        self.action = action
        self.reason = reason


#: Actions that are never done on one's own object (the four-eyes rule).
_NOT_ON_OWN = {"submission.review", "submission.publish"}


def check(actor: Actor, action: str, resource: Resource = SITE) -> str | None:
    """None when allowed, else why not."""
    known = ACTIONS.get(action)
    if known is None:
        return "unknown action"
    if not actor.signed_in:
        return "not signed in"
    if actor.scopes is not None and (known.scope is None or known.scope not in actor.scopes):
        return "the token's scopes do not cover this action"
    if known.resource == "ministry" and resource.ministry is None:
        return "the action needs a ministry's object"
    if action in _NOT_ON_OWN and resource.created_by == actor.user_id:
        return "no one reviews or publishes their own submission"
    if action in SIGNED_IN and actor.via != "token":
        return None
    if actor.global_role is not None and action in GLOBAL_PERMISSIONS[actor.global_role]:
        return None
    if resource.ministry is not None:
        role = actor.memberships.get(resource.ministry)
        if role is not None and action in MINISTRY_PERMISSIONS[role]:
            return None
        return "no role with this right in the object's ministry"
    return "no role with this right"


def allowed(actor: Actor, action: str, resource: Resource = SITE) -> bool:
    return check(actor, action, resource) is None


def authorize(actor: Actor, action: str, resource: Resource = SITE) -> None:
    """Raise :class:`ForbiddenError` unless ``actor`` may do ``action`` on ``resource``."""
    reason = check(actor, action, resource)
    if reason is not None:
        raise ForbiddenError(action, reason)


def ministries_for(actor: Actor, action: str) -> set[str] | None:
    """The ministries whose objects ``actor`` may ``action``: None means every ministry.

    For list queries: ``WHERE ministry IN (...)`` (an empty set lists nothing).
    """
    known = ACTIONS.get(action)
    if known is None or not actor.signed_in:
        return set()
    if actor.scopes is not None and (known.scope is None or known.scope not in actor.scopes):
        return set()
    if actor.global_role is not None and action in GLOBAL_PERMISSIONS[actor.global_role]:
        return None
    return {m for m, role in actor.memberships.items() if action in MINISTRY_PERMISSIONS[role]}
