"""Rendering specs offline with vl-convert: SVG for print and PDF, the JavaScript bundle.

Nothing is fetched at run time. The Noto CJK fonts are registered once so that Japanese
labels are set in the same face in the browser, in SVG and in PDF. The bundle (Vega,
Vega-Lite and Vega-Embed in one file, ~0.9 MB) takes seconds to build, so it is written once
into a cache folder and reused.
"""

from __future__ import annotations

import json
import threading
from pathlib import Path
from typing import Any

import vl_convert as vlc

from ..files import write_text
from ..settings import current

FONT_DIRS = (
    Path("/usr/share/fonts/opentype/noto"),
    Path("/usr/share/fonts/truetype/noto"),
    Path("/usr/share/fonts/opentype/noto-cjk"),
)
_fonts_done = False
_lock = threading.Lock()
#: The Vega-Lite version specs are written for (Altair validates them against its schema, of
#: the same major version) and rendered with, in the browser bundle and in SVG alike. Pinned,
#: so that a newer vl-convert does not change how a chart renders without a review.
VEGA_LITE_VERSION = "6.4"
SCHEMA = f"https://vega.github.io/schema/vega-lite/v{VEGA_LITE_VERSION.split('.')[0]}.json"


def register_fonts() -> None:
    """Give vl-convert the Noto CJK fonts (once per process; missing folders are skipped)."""
    global _fonts_done
    with _lock:
        if _fonts_done:
            return
        for folder in FONT_DIRS:
            if folder.is_dir():
                vlc.register_font_directory(str(folder))
        _fonts_done = True


def to_svg(spec: dict[str, Any], *, width: int = 720) -> str:
    """The chart as SVG; a ``container`` width becomes ``width`` pixels."""
    register_fonts()
    fixed = {**spec, "width": width} if spec.get("width") == "container" else spec
    return str(
        vlc.vegalite_to_svg(
            json.loads(json.dumps(fixed)), vl_version=VEGA_LITE_VERSION, show_warnings=False
        )
    )


def to_png(spec: dict[str, Any], *, width: int = 720, scale: float = 2) -> bytes:
    """The chart as PNG (``scale`` 2: sharp on high-density screens and in slides)."""
    register_fonts()
    fixed = {**spec, "width": width} if spec.get("width") == "container" else spec
    return bytes(
        vlc.vegalite_to_png(
            json.loads(json.dumps(fixed)), vl_version=VEGA_LITE_VERSION, scale=scale
        )
    )


def cache_dir() -> Path:
    """``$IPKPI_CACHE_DIR``, else ``$XDG_CACHE_HOME/ipkpi``, else ``~/.cache/ipkpi``."""
    settings = current()
    return settings.cache_dir or settings.cache_home / "ipkpi"


_SNIPPET = "window.vegaEmbed = vegaEmbed; window.vegaLite = vegaLite; window.vega = vega;"


def bundle_name() -> str:
    """A file name that changes with the bundled library versions."""
    versions = (vlc.get_vega_version(), vlc.get_vega_embed_version())
    return f"vega-bundle-{'-'.join(versions)}-vl{VEGA_LITE_VERSION}.js"


def javascript_bundle(cache: Path | None = None) -> Path:
    """The Vega bundle file, written into the cache the first time it is asked for."""
    folder = cache or cache_dir()
    path = folder / bundle_name()
    if path.exists() and path.stat().st_size > 0:
        return path
    with _lock:
        if not path.exists():
            folder.mkdir(parents=True, exist_ok=True)
            write_text(path, vlc.javascript_bundle(_SNIPPET, vl_version=VEGA_LITE_VERSION))
    return path
