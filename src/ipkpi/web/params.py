"""Query parameters, read strictly: a bad value is a 400 that says what is wrong and what to use."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping

from ..followup.model import AsOf
from ..followup.model import parse_as_of as parse_moment
from ..text import LANGS, Lang, Text, t


class BadRequestError(ValueError):
    """A malformed request; ``message`` is bilingual and tells the user what to send instead."""

    def __init__(self, message: Text) -> None:
        super().__init__(message.en)
        self.message = message


def parse_lang(value: str | None, default: Lang) -> Lang:
    if value is None:
        return default
    if value in LANGS:
        return value
    raise BadRequestError(
        t(
            f"言語 lang={value!r} は使えません。'ja' または 'en' を指定してください。",
            f"unknown language lang={value!r}: use 'ja' or 'en'",
        )
    )


def parse_as_of(value: str | None) -> AsOf | None:
    """A date (the end of that day) or a moment ``YYYY-MM-DDTHH:MM[:SS]`` (UTC)."""
    if value is None or value == "":
        return None
    try:
        moment = parse_moment(value)
    except ValueError:
        raise BadRequestError(
            t(
                f"as_of={value!r} は日付ではありません。YYYY-MM-DD 形式（例: 2025-06-30）、"
                "または日時 YYYY-MM-DDTHH:MM（UTC）で指定してください。",
                f"as_of={value!r} is not a date: use YYYY-MM-DD, e.g. 2025-06-30, or a time "
                "YYYY-MM-DDTHH:MM (UTC)",
            )
        ) from None
    if isinstance(moment, dt.datetime) and moment.tzinfo is not None:
        moment = moment.astimezone(dt.UTC).replace(tzinfo=None)
    return moment


def parse_choice(query: Mapping[str, str], name: str, allowed: Iterable[str]) -> str:
    """An optional filter value that must be one of ``allowed``."""
    value = query.get(name, "")
    if value == "":
        return ""
    options = list(allowed)
    if value not in options:
        shown = ", ".join(options)
        raise BadRequestError(
            t(
                f"{name}={value!r} は不明な値です。次のいずれかを指定してください: {shown}",
                f"unknown {name}={value!r}: use one of {shown}",
            )
        )
    return value


def single_values(pairs: Iterable[tuple[str, str]]) -> dict[str, str]:
    """The query as a dict; a parameter given twice is an error rather than a silent choice."""
    out: dict[str, str] = {}
    for name, value in pairs:
        if name in out and out[name] != value:
            raise BadRequestError(
                t(
                    f"パラメータ {name} が複数回指定されています。1回だけ指定してください。",
                    f"parameter {name} is given more than once: give it once",
                )
            )
        out[name] = value
    return out
