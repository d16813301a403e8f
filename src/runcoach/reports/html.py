"""The report as one self-contained HTML page (Jinja2; charts inlined as PNG data, print CSS).

The page is ``report.html``; each section is a ``_name.html`` fragment the web app can reuse."""

from __future__ import annotations

import base64
import functools
from typing import TYPE_CHECKING

from runcoach.reports import context as rc
from runcoach.reports import format as fm
from runcoach.reports import text

if TYPE_CHECKING:
    from jinja2 import Environment


@functools.cache
def environment() -> Environment:
    """The Jinja2 environment of the report templates (autoescaped, strict about unknown names)."""
    from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

    env = Environment(
        loader=PackageLoader("runcoach.reports", "templates"),
        autoescape=select_autoescape(["html"]),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(
        day=fm.day, dist=fm.dist, ratio=fm.ratio, pct=fm.pct, prob=fm.prob, joined=fm.joined,
        data_uri=lambda png: "data:image/png;base64," + base64.b64encode(png).decode("ascii"),
    )  # fmt: skip
    env.globals.update(fm=fm, text=text)
    return env


def render_html(ctx: rc.ReportContext) -> str:
    """The whole report page."""
    return environment().get_template("report.html").render(ctx=ctx, sections=text.SECTIONS)
