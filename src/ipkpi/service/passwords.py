"""Passwords: Argon2 through pwdlib, rehashed at sign-in, and the rules a new one must meet.

The rules are ASVS 5.0 §6.2 at level 1: at least :data:`MIN_LENGTH` characters (15 are
suggested in the message), any characters, no composition rules, not one of the 3,000 most
common passwords (zxcvbn's frequency list, from leaked-password corpora), nothing truncated or
case-folded. A password is never logged or stored; only its hash is.
"""

from __future__ import annotations

import unicodedata
from functools import cache

from pwdlib import PasswordHash
from zxcvbn.frequency_lists import FREQUENCY_LISTS

MIN_LENGTH = 8
SUGGESTED_LENGTH = 15
#: Longer input is refused rather than truncated (hashing megabytes is a denial of service).
MAX_LENGTH = 1024
COMMON_COUNT = 3000

_HASHER = PasswordHash.recommended()


class PasswordRuleError(ValueError):
    """A new password that breaks a rule; the message says which, in English and Japanese."""


@cache
def _common() -> frozenset[str]:
    return frozenset(FREQUENCY_LISTS["passwords"][:COMMON_COUNT])


@cache
def _dummy_hash() -> str:
    return _HASHER.hash("not-a-password: verifying it takes as long as a real one")


def normalized(password: str) -> str:
    """NFC, so that the same password typed on two keyboards is the same (RFC 8265 §4)."""
    return unicodedata.normalize("NFC", password)


def check_new_password(password: str, *, email: str = "") -> None:
    """Raise :class:`PasswordRuleError` when ``password`` may not be used."""
    text = normalized(password)
    if len(text) < MIN_LENGTH:
        raise PasswordRuleError(
            f"the password has {len(text)} characters; use at least {MIN_LENGTH} "
            f"({SUGGESTED_LENGTH} or more is better) / パスワードは{MIN_LENGTH}文字以上にして"
            f"ください（{SUGGESTED_LENGTH}文字以上を推奨）"
        )
    if len(text) > MAX_LENGTH:
        raise PasswordRuleError(
            f"the password is longer than {MAX_LENGTH} characters / パスワードが長すぎます"
        )
    if text.lower() in _common() or (email and text.lower() == email.lower()):
        raise PasswordRuleError(
            "this password is among the most common ones (or is the e-mail address); "
            "choose another / よく使われるパスワードです。別のものにしてください"
        )


def hash_password(password: str) -> str:
    return _HASHER.hash(normalized(password))


def verify_password(password: str, stored: str | None) -> tuple[bool, str | None]:
    """Whether ``password`` matches ``stored``, and a new hash when the parameters changed.

    With ``stored`` None (no such user) a dummy hash is verified, so that the answer takes
    as long as for a real account and does not tell which e-mail addresses exist.
    """
    if len(password) > MAX_LENGTH:
        _HASHER.verify("x", _dummy_hash())
        return False, None
    if stored is None:
        _HASHER.verify(normalized(password), _dummy_hash())
        return False, None
    return _HASHER.verify_and_update(normalized(password), stored)
