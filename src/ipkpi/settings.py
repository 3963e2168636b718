"""ipkpi's settings: one typed table of every environment variable, read in one place.

Each :class:`Setting` names its environment variable, its default and what it does;
:func:`current` reads them all at once into a :class:`Settings`. A command-line option
(``--db``, ``--plan``…) overrides the setting it names. ``docs/settings.md`` lists the
table (a test checks it against :data:`SETTINGS`, so an undocumented variable fails).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Literal


@dataclass(frozen=True)
class Setting:
    name: str
    env: str
    default: str
    description: str


SETTINGS: tuple[Setting, ...] = (
    Setting(
        "database_url",
        "IPKPI_DATABASE_URL",
        "ipkpi.db in $XDG_DATA_HOME/ipkpi (~/.local/share/ipkpi)",
        "The store: a SQLite file path or a SQLAlchemy URL "
        "(postgresql+psycopg://user:pw@host/db). `--db` overrides it.",
    ),
    Setting(
        "plan_dir",
        "IPKPI_PLAN_DIR",
        "plans/ip2025 (here, else beside the package)",
        "The plan folder. `--plan` overrides it.",
    ),
    Setting(
        "cache_dir",
        "IPKPI_CACHE_DIR",
        "$XDG_CACHE_HOME/ipkpi (~/.cache/ipkpi)",
        "Where rendered charts and the bundled chart library are cached.",
    ),
    Setting(
        "public_url",
        "IPKPI_PUBLIC_URL",
        "http://localhost:PORT/BASE",
        "The address people reach `ipkpi serve` at (https://kpi.example.go.jp/ipkpi): "
        "redirects and the same-origin check of forms use it. `--public-url` overrides it.",
    ),
    Setting(
        "base_path",
        "IPKPI_BASE_PATH",
        "none (served at /)",
        "The path prefix `ipkpi serve` is served under behind a reverse proxy (/ipkpi). "
        "`--base` overrides it.",
    ),
    Setting(
        "smtp_host",
        "IPKPI_SMTP_HOST",
        "(none: no e-mail is sent)",
        "The mail server for notifications (returned, accepted, published, submitted, due "
        "dates). Without it ipkpi sends no e-mail.",
    ),
    Setting(
        "smtp_port",
        "IPKPI_SMTP_PORT",
        "587 (465 with tls, 25 with none)",
        "The mail server's port.",
    ),
    Setting(
        "smtp_security",
        "IPKPI_SMTP_SECURITY",
        "starttls",
        "How the connection is protected: starttls, tls (implicit, port 465) or none (a relay "
        "on the same host or network only).",
    ),
    Setting(
        "smtp_user",
        "IPKPI_SMTP_USER",
        "(none: no login)",
        "The mail server's login name, when it wants one.",
    ),
    Setting(
        "smtp_password",
        "IPKPI_SMTP_PASSWORD",
        "(none)",
        "The mail server's password (never logged, never in the audit).",
    ),
    Setting(
        "mail_from",
        "IPKPI_MAIL_FROM",
        "ipkpi@ the public URL's host",
        "The notifications' From address.",
    ),
    Setting(
        "lang",
        "IPKPI_LANG",
        "ja (the locale is not asked)",
        "The language of everything the command line prints, ja or en: `--help`, the answer "
        "to a mistake on the command line, a file's or a plan's problems and a command's "
        "output (the default of every command's `--lang`). A `--lang` on the command line "
        "wins: the command's own, else its group's (`ipkpi --lang en status`). "
        "`data export --lang` keeps its meaning (one label column) and is not set by this.",
    ),
)
BY_ENV = {s.env: s for s in SETTINGS}


@dataclass(frozen=True)
class Settings:
    """The settings as read from the environment (None: not set, the default applies)."""

    database_url: str | None
    plan_dir: Path | None
    cache_dir: Path | None
    public_url: str | None
    base_path: str | None
    lang: Literal["ja", "en"]
    #: The platform's folders for data and caches (``$XDG_DATA_HOME``, ``$XDG_CACHE_HOME``;
    #: ``%LOCALAPPDATA%`` on Windows), which the defaults above are under.
    data_home: Path
    cache_home: Path
    #: Notifications by e-mail (:mod:`ipkpi.service.notify`); no host: none are sent.
    smtp_host: str | None = None
    #: As written; :class:`ipkpi.service.notify.MailSettings` checks them when mail is sent.
    smtp_port: str | None = None
    smtp_security: str | None = None
    smtp_user: str | None = None
    smtp_password: str | None = None
    mail_from: str | None = None


def current(environ: Mapping[str, str] | None = None) -> Settings:
    """Every setting, read from ``environ`` (default: the process environment) at once."""
    env = os.environ if environ is None else environ

    def text(name: str) -> str | None:
        return env.get(name, "").strip() or None

    def path(name: str) -> Path | None:
        given = text(name)
        return Path(given).expanduser() if given else None

    return Settings(
        database_url=text("IPKPI_DATABASE_URL"),
        plan_dir=path("IPKPI_PLAN_DIR"),
        cache_dir=path("IPKPI_CACHE_DIR"),
        public_url=text("IPKPI_PUBLIC_URL"),
        base_path=text("IPKPI_BASE_PATH"),
        lang=_lang(env),
        smtp_host=text("IPKPI_SMTP_HOST"),
        smtp_port=text("IPKPI_SMTP_PORT"),
        smtp_security=text("IPKPI_SMTP_SECURITY"),
        smtp_user=text("IPKPI_SMTP_USER"),
        smtp_password=env.get("IPKPI_SMTP_PASSWORD") or None,
        mail_from=text("IPKPI_MAIL_FROM"),
        data_home=_home(env, "XDG_DATA_HOME", Path(".local") / "share"),
        cache_home=_home(env, "XDG_CACHE_HOME", Path(".cache")),
    )


def export(values: Mapping[str, str]) -> None:
    """Set settings in this process's environment, for the worker processes it starts
    (``ipkpi serve --workers N`` hands them what its options said)."""
    unknown = set(values) - set(BY_ENV)
    if unknown:
        raise KeyError(f"not a setting: {', '.join(sorted(unknown))}")
    os.environ.update(values)


def one_blas_thread() -> None:
    """Have numpy's OpenBLAS start no thread of its own, unless ``OPENBLAS_NUM_THREADS`` says
    otherwise; read by OpenBLAS when numpy is imported, so called before (``ipkpi/__init__``).

    By default it starts one thread per core but one at import, which no verdict uses (the
    assessment's arrays are a few points per series: no BLAS call is large enough to share),
    and a process with a thread must not fork: the static site's workers are forked
    (:mod:`ipkpi.web.site_pool`). Python 3.12 warns when a process with threads forks."""
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")


def _home(env: Mapping[str, str], name: str, under_home: Path) -> Path:
    if sys.platform == "win32" and env.get("LOCALAPPDATA"):
        return Path(env["LOCALAPPDATA"])
    given = env.get(name, "").strip()
    return Path(given) if given else Path.home() / under_home


def chosen_lang(environ: Mapping[str, str] | None = None) -> Literal["ja", "en"] | None:
    """``IPKPI_LANG`` when it says ja or en; None when unset (the locale is not asked)."""
    env = os.environ if environ is None else environ
    given = env.get("IPKPI_LANG", "").strip().lower()
    if given in ("ja", "en"):
        return "ja" if given == "ja" else "en"
    return None


def _lang(env: Mapping[str, str]) -> Literal["ja", "en"]:
    """``IPKPI_LANG``, else Japanese: the locale does not choose (one rule for the CLI)."""
    return chosen_lang(env) or "ja"
