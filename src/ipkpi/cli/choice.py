"""A value not among an option's choices (or not a date for ``--as-of``), said in the command's
language: which command and option, the value given, the values allowed and the one meant
("did you mean").

click's own ``click.Choice`` says "Invalid value for '--lang': 'xx' is not one of 'ja', 'en'."
in English under a Japanese command line. Every choice of the CLI is a :class:`Choice`
(``tests/cli/test_choice_errors.py`` walks every command to hold that).

The language is the last ``--lang`` given on the command line that is ``ja`` or ``en`` (a
group's or the command's); else the command's ``--lang`` default (Japanese); for a group, or a
command without ``--lang``, ``IPKPI_LANG`` or the locale (:func:`ipkpi.settings.current`), as
its other messages.

Light: every group's ``--lang`` is a :class:`Choice`, so ``ipkpi --help`` imports this module;
"did you mean" (:mod:`.suggest`, which imports the plan) only when a value is refused.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import IO, Any

import click

from ..text import Lang
from .help_format import ERROR_LANG_KEY, lang_on_line


def message_lang(ctx: click.Context | None) -> Lang:
    """The language of a message about this command line (see the module's docstring)."""
    on_line = lang_on_line(ctx)
    if on_line is not None:
        return on_line
    if ctx is not None:
        if ctx.params.get("lang") in ("ja", "en"):  # a command run without the group
            return "ja" if ctx.params["lang"] == "ja" else "en"
        for param in ctx.command.params:
            if param.name == "lang" and param.default in ("ja", "en"):
                return "ja" if param.default == "ja" else "en"
    from ..settings import current

    return current().lang


class BadValue(click.BadParameter):
    """A value an option refuses, said with its usage and help hint in the message's language."""

    def __init__(self, message: str, lang: Lang, ctx: click.Context | None, param: Any) -> None:
        super().__init__(message, ctx=ctx, param=param)
        self.lang = lang

    def format_message(self) -> str:
        return self.message

    def show(self, file: IO[Any] | None = None) -> None:
        if self.ctx is not None:
            self.ctx.meta[ERROR_LANG_KEY] = self.lang
        if self.lang == "en" or self.ctx is None:
            super().show(file)
            return
        ctx = self.ctx
        pieces = " ".join(ctx.command.collect_usage_pieces(ctx))
        lines = [
            f"使い方：{ctx.command_path} {pieces}".rstrip(),
            f"詳しくは「{ctx.command_path} --help」で確認できます。",
            "",
            f"エラー：{self.message}",
        ]
        click.echo("\n".join(lines), file=file, err=file is None)


class Choice(click.Choice):  # type: ignore[type-arg]
    """``click.Choice`` whose failure says where, what was given and what is allowed."""

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        try:
            return super().convert(value, param, ctx)
        except click.BadParameter:
            lang = message_lang(ctx)
            words = self.invalid_words(value, param, ctx, lang)
            raise BadValue(words, lang, ctx, param) from None

    def invalid_words(
        self, value: Any, param: click.Parameter | None, ctx: click.Context | None, lang: Lang
    ) -> str:
        """「ipkpi status の --format に「bad」は指定できません。指定できる値：table、json、csv。
        （例：--format table）」, with "did you mean" in place of the example when one is close."""
        from .suggest import did_you_mean  # ipkpi.plan: not for every group's --lang

        allowed = [str(c) for c in self.choices]
        where = param_words(param)
        hint = did_you_mean(str(value), allowed, lang)
        command = ctx.command_path if ctx is not None else "ipkpi"
        if lang == "ja":
            text = (
                f"{command} の {where} に「{value}」は指定できません。"
                f"指定できる値：{'、'.join(allowed)}。"
            )
            return text + (hint.strip() if hint else f"（例：{example(param, allowed)}）")
        text = (
            f"{value!r} is not a value of {where} for {command}. "
            f"Allowed values: {', '.join(allowed)}."
        )
        return text + (hint if hint else f" For example: {example(param, allowed)}")


def param_words(param: click.Parameter | None) -> str:
    """--format, or an argument's name (ROLE)."""
    if param is None:
        return "?"
    if isinstance(param, click.Option):
        return max(param.opts, key=len)
    return param.human_readable_name


def example(param: click.Parameter | None, allowed: Sequence[str]) -> str:
    """``--format table``, or the first value alone for an argument."""
    first = allowed[0] if allowed else ""
    if isinstance(param, click.Option):
        return f"{max(param.opts, key=len)} {first}"
    return first


def bad_moment(text: str, param: click.Parameter | None, ctx: click.Context | None) -> BadValue:
    """``--as-of`` given something that is neither a date nor a time."""
    lang = message_lang(ctx)
    where = param_words(param)
    command = ctx.command_path if ctx is not None else "ipkpi"
    if lang == "ja":
        words = (
            f"{command} の {where} に「{text}」は指定できません。日付（YYYY-MM-DD）または"
            f"時刻（YYYY-MM-DDTHH:MM、UTC）で指定してください（例：{where} 2026-12-02）。"
        )
    else:
        words = (
            f"{text!r} is not a date (YYYY-MM-DD) or a time (YYYY-MM-DDTHH:MM, UTC) for "
            f"{where} of {command}. For example: {where} 2026-12-02"
        )
    return BadValue(words, lang, ctx, param)


_EXTRA = re.compile(r"Got unexpected extra arguments? \((.*)\)")
"""click's own words for words left over on a command line (``Command.parse_args``)."""


def in_its_language(exc: click.UsageError) -> click.UsageError:
    """click's "No such option '--formt'." and "Missing argument 'FILE'." in Japanese when the
    command line's language is Japanese (:func:`message_lang`); any other error as it is."""
    if isinstance(exc, BadValue):
        return exc
    if message_lang(exc.ctx) != "ja":
        if exc.ctx is not None:
            exc.ctx.meta[ERROR_LANG_KEY] = "en"
        return exc
    command = exc.ctx.command_path if exc.ctx is not None else "ipkpi"
    if isinstance(exc, click.NoSuchOption):
        words = f"{command} に {exc.option_name} というオプションはありません。"
        if exc.possibilities:
            words += "もしかして: " + "、".join(sorted(exc.possibilities))
        else:
            words += f"使えるオプションは「{command} --help」で確認できます。"
        return BadValue(words, "ja", exc.ctx, None)
    if extra := _EXTRA.fullmatch(exc.message):  # click has no class of its own for these
        words = f"{command} に余分な引数があります：{extra.group(1)}。"
        return BadValue(words, "ja", exc.ctx, None)
    if isinstance(exc, click.MissingParameter) and exc.param is not None:
        words = f"{command} には {param_words(exc.param)} の指定が必要です。"
        return BadValue(words, "ja", exc.ctx, exc.param)
    return exc
