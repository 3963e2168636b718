"""The annual follow-up report: a page per section, as PDF, HTML or Markdown."""

from .content import report_data
from .render import FORMATS, render_html, render_markdown, render_pdf

__all__ = ["FORMATS", "render_html", "render_markdown", "render_pdf", "report_data"]
