"""``--help`` in Japanese or English: the command classes every ``ipkpi`` command is made of.

One language for everything the CLI prints, help, mistakes, a file's or a plan's problems and
a command's output (:func:`line_lang`): the command's own ``--lang``, else its group's (the
nearest, ``ipkpi --lang en data vintages``), else ``IPKPI_LANG``, else Japanese; the locale is
not asked. A command's ``--lang`` default follows the same rule (:class:`LangOption`), so
``IPKPI_LANG=en ipkpi status`` is English. Every group has a ``--lang`` (:class:`Group`).
Each command says its Japanese help beside its docstring (``help_ja=``) and each option its
help as ``t(ja, en)`` (:func:`option`); click's own words (Usage, Options, Commands, "Show this
message and exit.", ``[default: ja]``) are worded here by the command's methods, not by
patching click's gettext. Every text is wrapped by display width (:mod:`.width`): a Japanese
character takes two columns.

Light on purpose: ``ipkpi --help`` imports this and :mod:`.main` only.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Iterable, Sequence
from typing import Any, TypeVar

import click
from click.exceptions import NoArgsIsHelpError

from ..text import Lang, Text, t
from .width import cells, fill, shortened, wrap

F = TypeVar("F", bound=Callable[..., Any])

#: Where the first command parsed (the top group) keeps the command line's words
#: (:meth:`HelpMixin.parse_args`; ``ctx.meta`` is shared by every context of one invocation).
ARGS_KEY = "ipkpi.args"
#: The language of an error being shown (:class:`~ipkpi.cli.choice.BadValue`), which its usage
#: line follows: never 「使い方：」 above an English "Error:".
ERROR_LANG_KEY = "ipkpi.error_lang"

#: click's own help words, by its English.
CLICK_WORDS = {
    "Show this message and exit.": "このヘルプを表示して終了します。",
    "Show the version and exit.": "バージョンを表示して終了します。",
}
HEADINGS = {"Options": "オプション：", "Commands": "コマンド："}
METAVARS = {"[OPTIONS]": "[オプション]", "COMMAND [ARGS]...": "コマンド [引数]..."}


def lang_on_line(ctx: click.Context | None) -> Lang | None:
    """The last ``--lang`` given on the command line that is ``ja`` or ``en``: the nearest
    command's (``ipkpi --lang en status --lang ja``: ja, status's own)."""
    words: Sequence[str] = ctx.meta.get(ARGS_KEY, ()) if ctx is not None else ()
    found: Lang | None = None
    for i, word in enumerate(words):
        value = words[i + 1] if word == "--lang" and i + 1 < len(words) else ""
        if word.startswith("--lang="):
            value = word.partition("=")[2]
        if value in ("ja", "en"):
            found = "ja" if value == "ja" else "en"
    return found


def line_lang(ctx: click.Context | None = None) -> Lang:
    """The language of everything the command line prints: the last ``--lang`` on the line
    that is ja or en (the command's own, else its group's), else ``IPKPI_LANG``, else
    Japanese (never the locale). ``--help``, every error about the line, the problems of a
    file or a plan and the default of a command's ``--lang`` (:class:`LangOption`) speak it.
    Without ``ctx``, the current click context's."""
    from ..settings import chosen_lang

    if ctx is None:
        ctx = click.get_current_context(silent=True)
    return lang_on_line(ctx) or chosen_lang() or "ja"


def help_lang(ctx: click.Context | None) -> Lang:
    """The language of ``--help`` (:func:`line_lang`), and the error's language in the usage
    line of an error."""
    said: Lang | None = ctx.meta.get(ERROR_LANG_KEY) if ctx is not None else None
    return said or line_lang(ctx)


class HelpFormatter(click.HelpFormatter):
    """click's formatter, measuring and wrapping by display width (:mod:`.width`)."""

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        head = f"{prefix if prefix is not None else 'Usage: '}{prog}"
        if not args:
            self.write(f"{head}\n")
            return
        indent = " " * (cells(head) + 1)
        if self.width - self.current_indent < cells(indent) + 20:
            indent = " " * (self.current_indent + 4)
            self.write(f"{head}\n" + "\n".join(wrap(args, self.width, indent, indent)) + "\n")
            return
        self.write("\n".join(wrap(args, self.width, f"{head} ", indent)) + "\n")

    def write_heading(self, heading: str) -> None:
        """``Options:``, or a heading that has its own colon (「オプション：」) as it is."""
        colon = "" if heading.endswith("：") else ":"
        self.write(f"{'':>{self.current_indent}}{heading}{colon}\n")

    def write_text(self, text: str) -> None:
        self.write(fill(text, self.width, " " * self.current_indent) + "\n")

    def write_dl(
        self, rows: Iterable[tuple[str, str]], col_max: int = 30, col_spacing: int = 2
    ) -> None:
        rows = list(rows)
        first_col = min(max((cells(first) for first, _ in rows), default=0), col_max)
        first_col += col_spacing
        indent = " " * self.current_indent
        for first, second in rows:
            self.write(f"{indent}{first}")
            if not second:
                self.write("\n")
                continue
            if cells(first) <= first_col - col_spacing:
                self.write(" " * (first_col - cells(first)))
            else:
                self.write("\n" + " " * (first_col + self.current_indent))
            lines = fill(second, max(self.width - first_col - 2, 10)).splitlines()
            hanging = " " * (first_col + self.current_indent)
            self.write("\n".join([lines[0], *(f"{hanging}{line}" for line in lines[1:])]))
            self.write("\n")


class Context(click.Context):
    formatter_class = HelpFormatter
    #: The ``--lang`` given to this context's group (:class:`Group`), if any.
    lang: Lang | None = None


def group_lang(ctx: click.Context | None) -> Lang | None:
    """The ``--lang`` of the nearest group above (or at) ``ctx`` that was given one."""
    while ctx is not None:
        if isinstance(ctx, Context) and ctx.lang is not None:
            return ctx.lang
        ctx = ctx.parent
    return None


def _remember_lang(ctx: click.Context, param: click.Parameter, value: str | None) -> None:
    if value in ("ja", "en") and isinstance(ctx, Context):
        ctx.lang = "ja" if value == "ja" else "en"


def range_ja(kind: object) -> str:
    """``x>=0`` as 「0以上」, ``1<=x<=10`` as 「1以上10以下」."""
    if not isinstance(kind, click.IntRange | click.FloatRange):
        return ""
    low = "" if kind.min is None else f"{kind.min}{'超' if kind.min_open else '以上'}"
    high = "" if kind.max is None else f"{kind.max}{'未満' if kind.max_open else '以下'}"
    return low + high


def japanese_record(param: click.Parameter, ctx: click.Context) -> tuple[str, str] | None:
    """An option's line of ``--help`` in Japanese: its help and 「［既定値：ja］」."""
    record = param.get_help_record(ctx)
    if record is None or not isinstance(param, click.Option):
        return record
    english = param.help or ""
    said = param.words.ja if isinstance(param, Option) else CLICK_WORDS.get(english, english)
    extra = param.get_help_extra(ctx)
    items = []
    if "envvars" in extra:
        items.append(f"環境変数：{'、'.join(extra['envvars'])}")
    if "default" in extra:
        items.append(f"既定値：{extra['default']}")
    if "range" in extra:
        items.append(range_ja(param.type))
    if "required" in extra:
        items.append("必須")
    return record[0], said + (f"［{'、'.join(items)}］" if items else "")


class Option(click.Option):
    """An option whose help is ``t(ja, en)``: click keeps the English as ``help``."""

    def __init__(
        self, param_decls: Sequence[str] | None = None, *, help: Text | None = None, **kwargs: Any
    ) -> None:
        self.words = help if help is not None else Text()
        super().__init__(param_decls, help=self.words.en or None, **kwargs)


class LangOption(Option):
    """A command's ``--lang``: when not given, the ``--lang`` of a group above it
    (``ipkpi --lang en status``), else ``IPKPI_LANG``, else ja (:func:`line_lang`'s rule)."""

    def get_default(self, ctx: click.Context, call: bool = True) -> Any:
        from ..settings import chosen_lang

        return group_lang(ctx.parent) or chosen_lang() or "ja"


def option(
    *decls: str, help: Text | None = None, cls: type[Option] = Option, **attrs: Any
) -> Callable[[F], F]:
    """``click.option`` with a bilingual ``help=t(ja, en)``."""
    return click.option(*decls, cls=cls, help=help, **attrs)


#: The help of a group's ``--lang``.
GROUP_LANG_WORDS = t(
    "ヘルプの言語。この下のコマンドの出力の言語にもなります（コマンド自身の --lang が優先）。",
    "Language of the help, and of the output of the commands below unless they are given "
    "their own --lang.",
)


class HelpMixin(click.Command):
    """A command whose ``--help`` is in the help's language (:func:`help_lang`)."""

    context_class = Context

    def __init__(self, *args: Any, help_ja: str | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.help_ja = inspect.cleandoc(help_ja) if help_ja else ""

    def help_in(self, lang: Lang) -> str:
        """The command's whole help text in ``lang``."""
        if lang == "ja":
            return self.help_ja
        return inspect.cleandoc(self.help).partition("\f")[0] if self.help else ""

    def short_help_in(self, lang: Lang, limit: int) -> str:
        """The first sentence of the help, cut to ``limit`` columns."""
        if lang == "en":
            return self.get_short_help_str(limit)
        return shortened(_first_sentence(self.help_ja.split("\n\n")[0]), limit)

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        """Keep the command line's words for messages about it (:func:`lang_on_line`), and say
        a failure to parse them in the line's language (:func:`.choice.in_its_language`): the
        top group's own (``ipkpi --formt``) as a command's."""
        ctx.meta.setdefault(ARGS_KEY, tuple(args))
        try:
            return super().parse_args(ctx, args)
        except NoArgsIsHelpError:
            raise
        except click.UsageError as exc:
            from .choice import in_its_language

            if exc.ctx is None:  # click's parser does not say whose option lacks a value
                exc.ctx = ctx
            raise in_its_language(exc) from None

    def collect_usage_pieces(self, ctx: click.Context) -> list[str]:
        pieces = super().collect_usage_pieces(ctx)
        if help_lang(ctx) == "en":
            return pieces
        return [METAVARS.get(piece, piece) for piece in pieces]

    def format_usage(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        prefix = "使い方：" if help_lang(ctx) == "ja" else None
        formatter.write_usage(ctx.command_path, " ".join(self.collect_usage_pieces(ctx)), prefix)

    def format_help_text(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        text = self.help_in(help_lang(ctx))
        if text:
            formatter.write_paragraph()
            with formatter.indentation():
                formatter.write_text(text)

    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        lang = help_lang(ctx)
        records = []
        for param in self.get_params(ctx):
            if isinstance(param, click.Argument):
                continue
            record = japanese_record(param, ctx) if lang == "ja" else param.get_help_record(ctx)
            if record is not None:
                records.append(record)
        if records:
            with formatter.section(heading("Options", lang)):
                formatter.write_dl(records)


def _first_sentence(text: str) -> str:
    """Up to the first 「。」 outside brackets (「（gzip 圧縮の JSON Lines。…）」 is inside)."""
    depth = 0
    for i, char in enumerate(text):
        depth += (char in "（「『") - (char in "）」』")
        if char == "。" and depth <= 0:
            return text[: i + 1]
    return text


def heading(english: str, lang: Lang) -> str:
    return HEADINGS[english] if lang == "ja" else english


class Command(HelpMixin):
    """A command of ``ipkpi`` (``@click.command(cls=Command, help_ja=...)``)."""


class Group(HelpMixin, click.Group):
    """A command group of ``ipkpi``: its commands are :class:`Command` and its groups
    :class:`Group` unless they say otherwise."""

    command_class = Command
    group_class = type

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        from .choice import Choice  # .choice reads this module's lang_on_line

        self.params.append(
            Option(
                ["--lang"],
                type=Choice(["ja", "en"]),
                default=None,
                expose_value=False,
                callback=_remember_lang,
                help=GROUP_LANG_WORDS,
            )
        )

    def invoke(self, ctx: click.Context) -> Any:
        """No command after the group's options (``ipkpi --lang en``): the group's help, as for
        the group alone (``ipkpi``: click's help on stderr, exit 2), not "Missing command"."""
        if not ctx._protected_args and not self.invoke_without_command:
            raise NoArgsIsHelpError(ctx)
        return super().invoke(ctx)

    def resolve_command(
        self, ctx: click.Context, args: list[str]
    ) -> tuple[str | None, click.Command | None, list[str]]:
        """A mistyped command refused in the line's language with the nearest names
        (``ipkpi statu``, ``ipkpi data vintges``)."""
        name = args[0] if args else ""
        if name and not name.startswith("-") and self.get_command(ctx, name) is None:
            from .choice import BadValue, message_lang
            from .suggest import did_you_mean

            lang = message_lang(ctx)
            hint = did_you_mean(name, self.list_commands(ctx), lang)
            if lang == "ja":
                words = f"{ctx.command_path} に {name} というコマンドはありません。{hint.strip()}"
                raise BadValue(words, "ja", ctx, None)
            ctx.fail(f"No such command {name!r}.{hint}")
        return super().resolve_command(ctx, args)

    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        HelpMixin.format_options(self, ctx, formatter)
        self.format_commands(ctx, formatter)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = list(self.command_rows(ctx, formatter.width))
        if rows:
            with formatter.section(heading("Commands", help_lang(ctx))):
                formatter.write_dl(rows)

    def command_rows(self, ctx: click.Context, width: int) -> Iterable[tuple[str, str]]:
        """Each command's name and first sentence, fitted to ``width``."""
        lang = help_lang(ctx)
        names = [name for name in self.list_commands(ctx) if self.get_command(ctx, name)]
        limit = width - 6 - max((len(name) for name in names), default=0)
        for name in names:
            command = self.get_command(ctx, name)
            if command is None or command.hidden:
                continue
            if isinstance(command, HelpMixin):
                yield name, command.short_help_in(lang, limit)
            else:
                yield name, command.get_short_help_str(limit)
