"""A value not among an option's choices (or not a date for ``--as-of``), said in the command's
language: which command and option, the value given, the values allowed and the one meant
("did you mean").

click's own ``click.Choice`` says "Invalid value for '--lang': 'xx' is not one of 'ja', 'en'."
in English under a Japanese command line. Every choice of the CLI is a :class:`Choice`
(``tests/cli/test_choice_errors.py`` walks every command to hold that).

The language is the command line's (:func:`.help_format.line_lang`), the same for a group and a
command: the last ``--lang`` given on the line that is ``ja`` or ``en`` (a group's or the
command's); else ``IPKPI_LANG``; else Japanese. The locale is not asked: under ``LANG=C``,
``ipkpi --lang fr`` is refused in Japanese as ``ipkpi status --lang fr`` is.

Light: every group's ``--lang`` is a :class:`Choice`, so ``ipkpi --help`` imports this module;
"did you mean" (:mod:`.suggest`, which imports the plan) only when a value is refused.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import IO, Any

import click
from click.exceptions import NoArgsIsHelpError

from ..text import Lang
from .help_format import ERROR_LANG_KEY, line_lang, range_ja


def message_lang(ctx: click.Context | None) -> Lang:
    """The language of a message about this command line (see the module's docstring)."""
    return line_lang(ctx)


def you_meant(candidates: Sequence[str], lang: Lang) -> str:
    """`` 「json」のことですか？`` or `` Did you mean 'json'?`` (a leading space), ``""`` for
    no candidate. Japanese names each in 「」, as the refusals name the value given."""
    if not candidates:
        return ""
    if lang == "ja":
        named = [f"「{c}」" for c in candidates]
        listed = named[0] if len(named) == 1 else "、".join(named[:-1]) + f"または{named[-1]}"
        return f" {listed}のことですか？"
    quoted = [f"'{c}'" for c in candidates]
    listed = quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + f" or {quoted[-1]}"
    return f" Did you mean {listed}?"


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
_NEEDS = re.compile(r"Option '.*' requires (?:an argument|(\d+) arguments)\.")
_TAKES_NONE = re.compile(r"Option '.*' does not take a value\.")
"""click's parser's words for an option given without its value, or a flag given one."""


def in_its_language(exc: click.UsageError) -> click.UsageError:
    """click's "No such option '--formt'." and "Missing argument 'FILE'." in Japanese when the
    command line's language is Japanese (:func:`message_lang`); any other error as it is."""
    if isinstance(exc, BadValue | NoArgsIsHelpError):
        return exc
    if message_lang(exc.ctx) != "ja":
        if exc.ctx is not None:
            exc.ctx.meta[ERROR_LANG_KEY] = "en"
        return exc
    command = exc.ctx.command_path if exc.ctx is not None else "ipkpi"
    if isinstance(exc, click.NoSuchOption):
        words = f"{command} に {exc.option_name} というオプションはありません。"
        words += you_meant(sorted(exc.possibilities or ()), "ja").strip()
        return BadValue(words, "ja", exc.ctx, None)
    if isinstance(exc, click.BadOptionUsage):
        where = f"{command} の {exc.option_name}"
        if needs := _NEEDS.fullmatch(exc.message):
            many = f"が {needs.group(1)} つ必要です。" if needs.group(1) else "の指定が必要です。"
            return BadValue(f"{where} には値{many}", "ja", exc.ctx, None)
        if _TAKES_NONE.fullmatch(exc.message):
            return BadValue(f"{where} には値を指定できません。", "ja", exc.ctx, None)
    if extra := _EXTRA.fullmatch(exc.message):  # click has no class of its own for these
        words = f"{command} に余分な引数があります：{extra.group(1)}。"
        return BadValue(words, "ja", exc.ctx, None)
    if isinstance(exc, click.MissingParameter) and exc.param is not None:
        words = f"{command} には {param_words(exc.param)} の指定が必要です。"
        return BadValue(words, "ja", exc.ctx, exc.param)
    if isinstance(exc, click.BadParameter) and (by_type := _bad_type_words(exc, command)):
        return BadValue(by_type, "ja", exc.ctx, exc.param)
    if exc.ctx is not None:  # words of click's not known here: English, the usage line too
        exc.ctx.meta[ERROR_LANG_KEY] = "en"
    return exc


_PATH = re.compile(r"(File|Directory|Path) (['\"])(.*)\2 (does not exist|is a \w+|is not \w+)\.")
_NUMBER = re.compile(
    r"(['\"]?)(.*)\1 is not (?:a valid (?:integer|float)(?: range)?|in the range .*)\."
)
_DATE = re.compile(r"(['\"])(.*)\1 does not match the formats? (.*)\.")
"""click's own words for a path, a number or a date refused by its type (``click.Path``,
``click.IntRange``, ``click.DateTime``)."""
_KINDS = {"File": "ファイル", "Directory": "フォルダ", "Path": "パス"}
_PATH_WHY = {
    "does not exist": "がありません",
    "is not readable": "を読み込めません",
    "is not writable": "に書き込めません",
    "is not executable": "を実行できません",
}
_DATE_PARTS = {"%Y": "YYYY", "%m": "MM", "%d": "DD", "%H": "HH", "%M": "MM", "%S": "SS"}


def _bad_type_words(exc: click.BadParameter, command: str) -> str | None:
    """click's refusal of a path, a number or a date in Japanese, or None for other words:
    「ipkpi notify due の --days に「abc」は指定できません。0以上366以下の整数で指定して
    ください。」"""
    where = f"{command} の {param_words(exc.param)}"
    kind = exc.param.type if exc.param is not None else None
    if path := _PATH.fullmatch(exc.message):
        name, why = f"「{path.group(3)}」", path.group(4)
        if why == "is a directory":
            return f"{where} にはファイルを指定してください。{name}はフォルダです。"
        if why == "is a file":
            return f"{where} にはフォルダを指定してください。{name}はファイルです。"
        if why in _PATH_WHY:
            return f"{where} に指定した{_KINDS[path.group(1)]}{name}{_PATH_WHY[why]}。"
    if number := _NUMBER.fullmatch(exc.message):
        whole = isinstance(kind, click.IntRange) or kind is click.INT
        what = f"{range_ja(kind)}の" if range_ja(kind) else ""
        return (
            f"{where} に「{number.group(2)}」は指定できません。"
            f"{what}{'整数' if whole else '数値'}で指定してください。"
        )
    if date := _DATE.fullmatch(exc.message):
        formats = [f.strip("'\"") for f in date.group(3).split(", ")]
        for code, said in _DATE_PARTS.items():
            formats = [f.replace(code, said) for f in formats]
        return (
            f"{where} に「{date.group(2)}」は指定できません。"
            f"{'、'.join(formats)} の形式で指定してください。"
        )
    return None


_KANA = re.compile("[\u3040-\u30ff]")
"""Hiragana and katakana: a Japanese message has some, an English one naming 府省庁 has none."""


class Failure(click.ClickException):
    """A command's failure in Japanese, labelled 「エラー：」 (click says "Error:")."""

    def show(self, file: IO[Any] | None = None) -> None:
        click.echo(f"エラー：{self.format_message()}", file=file, err=file is None)


def in_its_words(exc: click.ClickException) -> click.ClickException:
    """A command's failure (not a usage error, exit code 1) whose message is Japanese, as a
    :class:`Failure`; an English one, or one with another exit code, as it is."""
    if isinstance(exc, click.UsageError | Failure) or exc.exit_code != Failure.exit_code:
        return exc
    said = exc.format_message()
    return Failure(said) if _KANA.search(said) else exc
