"""``ipkpi serve`` and ``ipkpi build-site``: the dashboard, served or written to files.

Thin: load the plan, open the store (loading the shipped data into it when it is empty),
hand a follow-up provider to the web layer, report.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeElapsedColumn

from .. import settings
from ..followup.store_source import StoreSource
from ..paths import default_plan_dir
from ..text import parse_lang, t
from .choice import Choice
from .help_format import Command, option
from .notify_cmd import mail_settings
from .options import DB_OPTION, LANG_OPTION, PLAN_OPTION, open_followup
from .plan_cmd import ids_with_data, print_summary

if TYPE_CHECKING:
    from ..followup import FollowUpProvider

# What ``serve`` says once the dashboard is ready, in the language of its summary (--lang).
_SERVE_WORDS = {
    "ja": {
        "assessed": "KPI {n}件を評価しました（{s:.1f} 秒）",
        "address": "ipkpi ダッシュボード：{a}/ （英語版は /en/、Ctrl+C で停止）",
        "mail": "通知メールの送信先サーバー：{host}:{port}（{security}）",
        "signin": "府省と事務局のサインイン：{a}/signin"
        "（アカウントの作成：ipkpi admin create-user）",
    },
    "en": {
        "assessed": "Assessed {n} KPIs in {s:.1f} s",
        "address": "ipkpi dashboard: {a}/  (English: /en/; Ctrl+C stops)",
        "mail": "notifications by e-mail through {host}:{port} ({security})",
        "signin": "ministries and secretariat sign in at {a}/signin "
        "(accounts: ipkpi admin create-user)",
    },
}

# The names other command modules used before the options had a module of their own.
_PLAN, _DB, _load = PLAN_OPTION, DB_OPTION, open_followup


@click.command(
    "serve",
    cls=Command,
    help_ja="""ダッシュボードを配信します（日本語は /、英語は /en/）。配信の前に計画の概要を
    表示します。

    --lang はその概要の言語です（ダッシュボードは両言語で表示します）。府省庁の担当者と事務局は
    /signin でサインインし（アカウントは ipkpi admin create-user で作成します）、データの提出と
    審査を行います。一般の閲覧者には公開済みの内容だけが表示されます。GET /healthz は、
    データベースに接続でき、移行が済んでいるかを返します（docs/deploy.md）。""",
)
@PLAN_OPTION
@DB_OPTION
@option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help=t("待ち受けるアドレス。", "The address to listen on."),
)
@option(
    "--port",
    default=8000,
    show_default=True,
    type=int,
    help=t("待ち受けるポート。", "The port to listen on."),
)
@option(
    "--base",
    default="",
    help=t(
        "パスの接頭辞の下で配信する場合の基準パス。例：/ipkpi",
        "Base path when served under a prefix, e.g. /ipkpi.",
    ),
)
@LANG_OPTION
@option(
    "--public-url",
    default=None,
    metavar="URL",
    help=t(
        "利用者がサーバーにアクセスするアドレス。例：https://kpi.example.go.jp/ipkpi"
        "（既定：$IPKPI_PUBLIC_URL、未設定なら http://localhost:PORT/BASE）。リダイレクトと、"
        "フォームの同一オリジン確認に用います。",
        "The address people reach the server at, e.g. https://kpi.example.go.jp/ipkpi "
        "(default: $IPKPI_PUBLIC_URL, else http://localhost:PORT/BASE). Redirects and the "
        "same-origin check of forms use it.",
    ),
)
@option(
    "--workers",
    default=1,
    show_default=True,
    type=click.IntRange(1, 64),
    metavar="N",
    help=t(
        "ポートを共有するサーバープロセスの数（2以上には PostgreSQL を使用してください。目安は"
        "コア1つにつき1つ）。状態はすべてデータベースにあるため、どのプロセスもすべての要求に"
        "応答できます。",
        "Server processes sharing the port (use PostgreSQL for more than one; about one per "
        "core). Every worker answers every request: all state is in the store.",
    ),
)
@option(
    "--forwarded-allow-ips",
    "proxies",
    default="127.0.0.1",
    show_default=True,
    metavar="IP[,IP]",
    help=t(
        "X-Forwarded-For / -Proto を信頼するリバースプロキシ（アクセス回数の制限と監査記録に"
        "用いる利用者のアドレスは、これらから得ます）。",
        "The reverse proxies whose X-Forwarded-For / -Proto are believed (the client "
        "address for rate limits and the audit trail comes from them).",
    ),
)
def serve(
    plan_dir: Path | None,
    db: str | None,
    host: str,
    port: int,
    base: str,
    lang: str,
    public_url: str | None,
    workers: int,
    proxies: str,
) -> None:
    """Serve the dashboard (Japanese at /, English at /en/) after printing the plan's summary.

    ``--lang`` is the language of that summary; the dashboard has both. Ministry staff and
    the secretariat sign in at /signin (accounts: ``ipkpi admin create-user``) to submit and
    review data; the public sees only what is published. ``GET /healthz`` says whether the
    store is reachable and migrated (docs/deploy.md).
    """
    import uvicorn

    from ..charts import javascript_bundle
    from ..web import create_app

    console = Console(stderr=True)
    words = _SERVE_WORDS[parse_lang(lang)]
    provider = open_followup(plan_dir, db, console)
    if isinstance(provider.source, StoreSource):
        with_data = ids_with_data(provider.source.store)
        print_summary(console, provider.plan, with_data, parse_lang(lang))
    started = time.perf_counter()
    provider.get(None).kpis()  # every headline verdict, before the first visitor
    javascript_bundle()
    n, s = len(provider.plan.kpis()), time.perf_counter() - started
    console.print(words["assessed"].format(n=n, s=s))
    shown = "localhost" if host in ("127.0.0.1", "::1") else host
    base = base or settings.current().base_path or ""
    configured = public_url or settings.current().public_url
    address = (configured or f"http://{shown}:{port}{base}").rstrip("/")
    mail = mail_settings()
    click.echo(words["address"].format(a=address))
    if mail is not None:
        click.echo(words["mail"].format(host=mail.host, port=mail.port, security=mail.security))
    click.echo(words["signin"].format(a=address))
    # httptools and uvloop when installed (they are dependencies on Linux and macOS).
    options: dict[str, Any] = {
        "host": host, "port": port, "log_level": "warning", "forwarded_allow_ips": proxies,
    }  # fmt: skip
    if workers == 1:
        app = create_app(provider, base=base, public_url=address, mail=mail)
        uvicorn.run(app, **options)
        return
    _hand_over(provider, plan_dir or default_plan_dir(), address, base, console)
    # A worker that does not answer uvicorn's ping in time is killed and restarted; 5 s (the
    # default) is too short for one busy hashing passwords or starting on a loaded host.
    uvicorn.run("ipkpi.web.worker:create_worker_app", factory=True, workers=workers,
                timeout_worker_healthcheck=30, **options)  # fmt: skip


def _hand_over(
    provider: FollowUpProvider, plan_dir: Path, address: str, base: str, console: Console
) -> None:
    """The options as settings, for the worker processes (which inherit the environment)."""
    store = provider.source.store if isinstance(provider.source, StoreSource) else None
    if store is not None and store.engine.dialect.name == "sqlite":
        console.print("[yellow]several workers over SQLite: writes wait for each other; "
                      "use PostgreSQL (docs/deploy.md)[/]")  # fmt: skip
    settings.export({
        "IPKPI_PLAN_DIR": str(plan_dir.resolve()),
        "IPKPI_PUBLIC_URL": address,
        "IPKPI_BASE_PATH": base,
        **({"IPKPI_DATABASE_URL": store.engine.url.render_as_string(hide_password=False)}
           if store is not None else {}),
    })  # fmt: skip


@click.command(
    "build-site",
    cls=Command,
    help_ja="""ダッシュボードを静的サイトとして OUT に書き出します。リンクは相対パスのため、
    どのホストのどのパスにも置けます。""",
)
@click.argument("out", type=click.Path(file_okay=False, path_type=Path))
@PLAN_OPTION
@DB_OPTION
@option(
    "--vintages",
    type=Choice(["all", "latest"]),
    default="all",
    show_default=True,
    help=t(
        "すべてのデータ版のページ（as-of/DATE/…）を作るか、最新版だけにするか。",
        "Pages for every data vintage (as-of/DATE/…) or the latest only.",
    ),
)
@option(
    "--svg/--no-svg",
    default=False,
    show_default=True,
    help=t("各グラフを SVG と PNG でも書き出します。", "Also write each chart as SVG and PNG."),
)
@option(
    "--xlsx/--no-xlsx",
    default=True,
    show_default=True,
    help=t("Excel のダウンロード用ファイルを書き出します。", "Write Excel downloads."),
)
@option(
    "--workers",
    default=1,
    show_default=True,
    type=int,
    help=t("ページを作成するプロセスの数。", "Rendering processes."),
)
@option(
    "--full",
    is_flag=True,
    help=t(
        "前回の作成から変わっていないページも含め、すべてのページを作成します。",
        "Render every page, even those unchanged since the last build.",
    ),
)
def build_site(
    out: Path,
    plan_dir: Path | None,
    db: str | None,
    vintages: str,
    svg: bool,
    xlsx: bool,
    workers: int,
    full: bool,
) -> None:
    """Write the dashboard as a static site into OUT (relative links: any host, any path)."""
    from ..web.site import build_site as build
    from ..web.site_pool import SiteBuildError

    console = Console(stderr=True)
    provider = open_followup(plan_dir, db, console)
    started = time.perf_counter()
    downloads = ("csv", "xlsx", "zip") if xlsx else ("csv", "zip")
    columns = (*Progress.get_default_columns()[:2], BarColumn(), MofNCompleteColumn(),
               TimeElapsedColumn())  # fmt: skip
    # Redrawn at each result, not by rich's thread: a process with a thread must not fork,
    # and the build forks its workers (ipkpi.web.site_pool).
    with Progress(*columns, console=console, auto_refresh=False) as bar:
        task = bar.add_task("pages", total=None)

        def report(done: int, total: int) -> None:
            bar.update(task, completed=done, total=total, refresh=True)

        try:
            result = build(
                provider,
                out,
                vintages=vintages,
                downloads=downloads,
                svg=svg,
                workers=workers,
                progress=report,
                incremental=not full,
            )
        except SiteBuildError as exc:  # a worker ended or stalls: which file, in ja and en
            raise click.ClickException(f"{exc.text('ja')}\n{exc.text('en')}") from None
    elapsed = time.perf_counter() - started
    click.echo(
        f"Wrote {result.pages} pages to {out} in {elapsed:.1f} s: {result.rendered} rendered, "
        f"{result.skipped} unchanged since the last build ({result.files} files, "
        f"{result.bytes / 1e6:.1f} MB written, {result.removed} removed); "
        f"open {out / 'index.html'}"
    )
