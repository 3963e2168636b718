"""Sign-in, sessions, tokens and rate limits, on SQLite and PostgreSQL.

ASVS 5.0: 6.3.1 (rate limits), 6.2.4 (common passwords), 7.2.3 (≥128-bit ids), 7.2.4 (new
session at sign-in: no fixation), 7.4.1 (sign-out ends it server-side), 7.4.2 (disabling ends
every session), 7.2.2/7.2.3 for tokens (revocable, hashed, scoped).
"""

from __future__ import annotations

import datetime as dt
from concurrent.futures import ThreadPoolExecutor

import pytest
from sqlalchemy import select

from ipkpi.service import accounts, passwords, ratelimit, sessions, tokens
from ipkpi.service.authz import ForbiddenError, allowed
from ipkpi.service.db import utcnow
from ipkpi.service.signin import SignInError, sign_in, sign_out
from ipkpi.store import Store
from ipkpi.store.service_schema import api_tokens, users
from ipkpi.store.service_schema import sessions as sessions_table

from .conftest import OPERATOR, PASSWORD, person

IP = "192.0.2.10"


def test_a_session_is_new_at_sign_in_and_ends_at_sign_out(store: Store) -> None:
    person(store, "e@meti.example.jp", ministry="METI")
    first = sign_in(store.engine, "E@meti.example.jp", PASSWORD, ip=IP)
    assert len(first.cookie) >= 43  # 32 random bytes, base64url: 256 bits
    found = sessions.lookup(store.engine, first.cookie)
    assert found is not None and found.actor.memberships == {"METI": "editor"}
    with store.engine.connect() as conn:
        stored = set(conn.scalars(select(sessions_table.c.id_hash)))
    assert first.cookie not in stored and sessions.digest(first.cookie) in stored
    # Signing in again with the old cookie rotates it: the old one no longer opens anything.
    second = sign_in(store.engine, "e@meti.example.jp", PASSWORD, ip=IP, replaces=first.cookie)
    assert second.cookie != first.cookie
    assert sessions.lookup(store.engine, first.cookie) is None
    sign_out(store.engine, second.actor, second.cookie, ip=IP)
    assert sessions.lookup(store.engine, second.cookie) is None


def test_disabling_ends_every_session_and_token(store: Store) -> None:
    actor = person(store, "e@meti.example.jp", ministry="METI")
    cookies = [sign_in(store.engine, "e@meti.example.jp", PASSWORD, ip=IP).cookie for _ in "ab"]
    secret, _ = tokens.create(store.engine, actor, "nightly upload", ("submit",))
    assert accounts.set_disabled(store.engine, OPERATOR, "e@meti.example.jp", True) == 2
    assert [sessions.lookup(store.engine, c) for c in cookies] == [None, None]
    assert tokens.authenticate(store.engine, secret) is None
    with pytest.raises(SignInError):
        sign_in(store.engine, "e@meti.example.jp", PASSWORD, ip=IP)


def test_sessions_expire(store: Store) -> None:
    person(store, "e@meti.example.jp")
    cookie = sign_in(store.engine, "e@meti.example.jp", PASSWORD, ip=IP).cookie
    later = utcnow() + dt.timedelta(hours=sessions.IDLE_HOURS, minutes=1)
    assert sessions.lookup(store.engine, cookie, now=later) is None
    assert sessions.lookup(store.engine, cookie) is None  # deleted, not only refused


def test_wrong_passwords_are_rate_limited_per_account(store: Store) -> None:
    person(store, "e@meti.example.jp")
    for _ in range(ratelimit.SIGNIN_FAILURES_ACCOUNT.limit):
        with pytest.raises(SignInError):
            sign_in(store.engine, "e@meti.example.jp", "wrong password!", ip=IP)
    with pytest.raises(ratelimit.RateLimitedError) as limited:
        sign_in(store.engine, "e@meti.example.jp", PASSWORD, ip="198.51.100.7")
    assert 0 < limited.value.retry_after <= ratelimit.SIGNIN_FAILURES_ACCOUNT.window
    # Unknown accounts answer the same as wrong passwords (and are counted too).
    with pytest.raises(SignInError):
        sign_in(store.engine, "nobody@meti.example.jp", PASSWORD, ip="198.51.100.8")


def test_rate_limit_counts_every_concurrent_hit(store: Store) -> None:
    limit = ratelimit.Limit("test", 25, 60)
    with ThreadPoolExecutor(8) as pool:
        decisions = list(pool.map(lambda _: ratelimit.hit(store.engine, limit, "k"), range(40)))
    assert sorted(d.count for d in decisions) == list(range(1, 41))
    assert sum(d.allowed for d in decisions) == 25
    later = utcnow() + dt.timedelta(seconds=61)
    assert ratelimit.hit(store.engine, limit, "k", now=later).count == 1  # a new window


def test_the_hash_is_upgraded_at_sign_in(store: Store) -> None:
    person(store, "e@meti.example.jp")
    from pwdlib import PasswordHash
    from pwdlib.hashers.argon2 import Argon2Hasher

    weak = PasswordHash((Argon2Hasher(time_cost=1, memory_cost=8192),)).hash(PASSWORD)
    with store.engine.begin() as conn:
        conn.execute(users.update().values(password_hash=weak))
    sign_in(store.engine, "e@meti.example.jp", PASSWORD, ip=IP)
    with store.engine.connect() as conn:
        stored = conn.scalar(select(users.c.password_hash))
    assert stored != weak and stored.startswith("$argon2id$")
    assert "t=1," not in stored


def test_new_passwords_follow_the_rules() -> None:
    with pytest.raises(passwords.PasswordRuleError, match="at least 8"):
        passwords.check_new_password("short")
    with pytest.raises(passwords.PasswordRuleError, match="most common"):
        passwords.check_new_password("baseball")  # in the top 3,000 (zxcvbn's list)
    passwords.check_new_password("パスワードは日本語でもよい")  # any characters, no rules


def test_tokens_are_scoped_revocable_and_hashed(store: Store) -> None:
    actor = person(store, "e@meti.example.jp", ministry="METI")
    secret, info = tokens.create(store.engine, actor, "nightly upload", ("read",), days=30)
    assert secret.startswith("ipkpi_") and info.prefix == secret[:10]
    with store.engine.connect() as conn:
        assert secret not in str(conn.execute(select(api_tokens)).all())
    by_token = tokens.authenticate(store.engine, secret)
    assert by_token is not None and by_token.via == "token"
    from ipkpi.service.authz import Resource

    mine = Resource(ministry="METI")
    assert allowed(by_token, "submission.view", mine)
    assert not allowed(by_token, "submission.create", mine)
    with pytest.raises(ForbiddenError, match=r"token\.create"):
        tokens.create(store.engine, by_token, "from a token", ("read",))
    other = person(store, "x@mext.example.jp", ministry="MEXT")
    assert not tokens.revoke(store.engine, other, info.id)  # not theirs
    assert tokens.revoke(store.engine, actor, info.id)
    assert tokens.authenticate(store.engine, secret) is None
    late = utcnow() + dt.timedelta(days=31)
    secret2, _ = tokens.create(store.engine, actor, "short-lived", ("read",), days=30)
    assert tokens.authenticate(store.engine, secret2, now=late) is None


def test_token_creation_is_rate_limited(store: Store) -> None:
    actor = person(store, "e@meti.example.jp", ministry="METI")
    for n in range(ratelimit.TOKEN_CREATION.limit):
        tokens.create(store.engine, actor, f"t{n}", ("read",))
    with pytest.raises(ratelimit.RateLimitedError):
        tokens.create(store.engine, actor, "one too many", ("read",))
