"""The report as a printable A4 PDF (reportlab): red flags first in a box nobody can miss, page
numbers and the coach-not-a-doctor line on every page. Renders a :class:`ReportContext`."""

from __future__ import annotations

import io
from html import escape
from pathlib import Path
from typing import Any

from runcoach.reports import context as rc
from runcoach.reports import format as fm
from runcoach.reports.text import FOOTER, ORDER, REPORT_TITLE, SECTIONS, SUBTITLE

FONT, BOLD = "RuncoachSans", "RuncoachSans-Bold"
RED, RED_BG, GREY, LINE = "#B22222", "#FDECEA", "#555555", "#CCCCCC"


def _register_fonts() -> None:
    """DejaVu Sans (shipped with matplotlib) so any character of the runner's notes prints."""
    import matplotlib
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    if FONT in pdfmetrics.getRegisteredFontNames():
        return
    folder = Path(matplotlib.get_data_path()) / "fonts" / "ttf"
    pdfmetrics.registerFont(TTFont(FONT, str(folder / "DejaVuSans.ttf")))
    pdfmetrics.registerFont(TTFont(BOLD, str(folder / "DejaVuSans-Bold.ttf")))


def _styles() -> dict[str, Any]:
    from reportlab.lib.styles import ParagraphStyle

    base = ParagraphStyle("body", fontName=FONT, fontSize=9.5, leading=13)
    return {
        "body": base,
        "small": ParagraphStyle("small", parent=base, fontSize=8.5, leading=11, textColor=GREY),
        "title": ParagraphStyle("title", parent=base, fontName=BOLD, fontSize=20, leading=24, spaceAfter=4),
        "h2": ParagraphStyle(
            "h2",
            parent=base,
            fontName=BOLD,
            fontSize=13.5,
            leading=17,
            spaceBefore=12,
            spaceAfter=4,
            keepWithNext=1,
        ),
        "h3": ParagraphStyle(
            "h3", parent=base, fontName=BOLD, fontSize=10.5, leading=14, spaceBefore=6, keepWithNext=1
        ),
        "strong": ParagraphStyle("strong", parent=base, fontName=BOLD, spaceBefore=8, spaceAfter=4),
        "flag": ParagraphStyle("flag", parent=base, fontName=BOLD, fontSize=10.5, leading=14, textColor=RED),
        "cell": ParagraphStyle("cell", parent=base, fontSize=8.5, leading=11),
    }


def _p(text: str, style: Any) -> Any:
    from reportlab.platypus import Paragraph

    return Paragraph(escape(text).replace("\n", "<br/>"), style)


def _table(rows: list[list[str]], widths: list[float], st: dict[str, Any], header: bool = True) -> Any:
    from reportlab.lib import colors
    from reportlab.platypus import LongTable, TableStyle

    cells = [[_p(c, st["cell"]) for c in row] for row in rows]
    table = LongTable(cells, colWidths=widths, repeatRows=1 if header else 0, hAlign="LEFT")
    style = [("VALIGN", (0, 0), (-1, -1), "TOP"), ("LINEBELOW", (0, 0), (-1, -1), 0.4, colors.HexColor(LINE))]
    if header:
        style += [("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#EEF3F8"))]
    table.setStyle(TableStyle(style))
    return table


def _red_box(ctx: rc.ReportContext, st: dict[str, Any], width: float) -> list[Any]:
    from reportlab.lib import colors
    from reportlab.platypus import Spacer, Table, TableStyle

    sec = SECTIONS["red_flags"]
    if not ctx.red_flags:
        return [_p(sec.heading, st["h2"]), _p(sec.empty, st["body"])]
    rows = [[_p(f"RED FLAGS ({len(ctx.red_flags)}): {sec.intro}", st["flag"])]]
    rows += [[_p("• " + fm.red_flag_line(f) + f' — "{f.complaint}"', st["body"])] for f in ctx.red_flags]
    box = Table(rows, colWidths=[width], hAlign="LEFT")
    box.setStyle(TableStyle([
        ("BOX", (0, 0), (-1, -1), 2.5, colors.HexColor(RED)),
        ("BACKGROUND", (0, 0), (-1, -1), colors.HexColor(RED_BG)),
        ("LEFTPADDING", (0, 0), (-1, -1), 8), ("TOPPADDING", (0, 0), (-1, -1), 4),
    ]))  # fmt: skip
    return [Spacer(1, 8), box]


def _section(key: str, ctx: rc.ReportContext, st: dict[str, Any], width: float) -> list[Any]:
    if key == "red_flags":
        return _red_box(ctx, st, width)
    sec = SECTIONS[key]
    out = [_p(sec.heading, st["h2"])]
    if ctx.is_empty(key):
        return [*out, _p(sec.empty, st["body"])]
    if sec.intro:
        out.append(_p(sec.intro, st["small"]))
    return out + _BODIES[key](ctx, st, width)


def _runner(ctx: rc.ReportContext, st: dict[str, Any], width: float) -> list[Any]:
    return [_table([[k, v] for k, v in fm.runner_rows(ctx)], [0.3 * width, 0.7 * width], st, header=False)]


def _complaints(ctx: rc.ReportContext, st: dict[str, Any], width: float) -> list[Any]:
    rows = [["Region", "When and how bad", "Side", "Feels", "When it hurts"]]
    rows += [
        [c.region, fm.complaint_line(c), fm.joined(c.sides), fm.joined(c.sensations), fm.joined(c.timings)]
        for c in ctx.complaints
    ]
    return [_table(rows, [w * width for w in (0.2, 0.36, 0.1, 0.14, 0.2)], st)]


def _flares(ctx: rc.ReportContext, st: dict[str, Any], width: float) -> list[Any]:
    out: list[Any] = []
    for f in ctx.flares:
        out += [_p(fm.flare_title(f), st["h3"]), _p(fm.flare_line(f, ctx.units), st["body"])]
        rows = [["Week of", *[fm.day(w.start) for w in f.weeks]]]
        marks = ["*" if w.phase == "flare" else "" for w in f.weeks]
        rows.append([ctx.units, *[f"{w.distance:.0f}{m}" for w, m in zip(f.weeks, marks, strict=True)]])
        out.append(_table(rows, [0.16 * width] + [0.84 * width / len(f.weeks)] * len(f.weeks), st))
    out.append(_p("* the week the flare started", st["small"]))
    return out


def _assessments(ctx: rc.ReportContext, st: dict[str, Any], width: float) -> list[Any]:
    rows = [["Day", "What the runner said", "Likely conditions", "Triage and running"]]
    for a in ctx.assessments:
        flags = "; red flags: " + ", ".join(a.red_flags) if a.red_flags else ""
        rows.append([fm.day(a.day), a.text, "\n".join(fm.condition_line(c) for c in a.conditions) or "-",
                     f"{a.triage_label}; {a.run_label}{flags}"])  # fmt: skip
    return [_table(rows, [w * width for w in (0.13, 0.3, 0.3, 0.27)], st)]


def _tried(ctx: rc.ReportContext, st: dict[str, Any], width: float) -> list[Any]:
    rows = [["Day", "What", "Notes"]] + [[fm.day(t.day), t.what, t.notes or "-"] for t in ctx.tried]
    return [_table(rows, [0.15 * width, 0.25 * width, 0.6 * width], st)]


def _training(ctx: rc.ReportContext, st: dict[str, Any], width: float) -> list[Any]:
    assert ctx.training is not None
    rows = [[k, v] for k, v in fm.training_rows(ctx.training, ctx.units)]
    return [_table(rows, [0.3 * width, 0.7 * width], st, header=False)]


def _charts(ctx: rc.ReportContext, st: dict[str, Any], width: float) -> list[Any]:
    from reportlab.lib.utils import ImageReader
    from reportlab.platypus import Image, KeepTogether, Spacer

    out: list[Any] = []
    for chart in ctx.charts:  # each figure carries its own title
        w, h = ImageReader(io.BytesIO(chart.png)).getSize()
        size = width * 0.92
        out.append(
            KeepTogether([Spacer(1, 6), Image(io.BytesIO(chart.png), width=size, height=size * h / w)])
        )
    out += [_p(f"Not shown: {why}.", st["small"]) for why in ctx.charts_missing.values()]
    return out


def _timeline(ctx: rc.ReportContext, st: dict[str, Any], width: float) -> list[Any]:
    rows = [["Day", "Region", "Score", "Side", "Feels", "When"]]
    rows += [[fm.day(p.day), p.region, f"{p.score}/10", p.side or "-", p.sensation or "-", p.when or "-"]
             for p in ctx.timeline]  # fmt: skip
    return [_table(rows, [w * width for w in (0.16, 0.3, 0.1, 0.1, 0.14, 0.2)], st)]


_BODIES = {
    "runner": _runner, "complaints": _complaints, "flares": _flares, "assessments": _assessments,
    "tried": _tried, "training": _training, "charts": _charts, "timeline": _timeline,
}  # fmt: skip


def render_pdf(ctx: rc.ReportContext) -> bytes:
    """The report as PDF bytes."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import cm
    from reportlab.platypus import SimpleDocTemplate

    _register_fonts()
    st = _styles()
    buf = io.BytesIO()
    doc = SimpleDocTemplate(buf, pagesize=A4, leftMargin=2 * cm, rightMargin=2 * cm, topMargin=1.8 * cm,
                            bottomMargin=2 * cm, title=REPORT_TITLE, author="runcoach",
                            subject=fm.period(ctx), invariant=1)  # fmt: skip
    story: list[Any] = [_p(REPORT_TITLE, st["title"]), _p(f"{SUBTITLE} {fm.period(ctx)}.", st["small"])]
    story += _section(ORDER[0], ctx, st, doc.width)  # red flags before anything else
    story.append(_p(ctx.disclaimer, st["strong"]))
    for key in ORDER[1:]:
        story += _section(key, ctx, st, doc.width)
    story += [_p(ctx.disclaimer, st["strong"])]
    doc.build(story, canvasmaker=_numbered_canvas(FOOTER))
    return buf.getvalue()


def _numbered_canvas(footer: str) -> Any:
    """A canvas class that writes "page N of M" and the disclaimer at the foot of every page."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import cm
    from reportlab.pdfgen.canvas import Canvas

    class NumberedCanvas(Canvas):  # type: ignore[misc]
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:  # reportlab's name
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            for i, state in enumerate(self._pages, start=1):
                self.__dict__.update(state)
                self.setFont(FONT, 7.5)
                self.setFillColorRGB(0.35, 0.35, 0.35)
                self.drawString(2 * cm, 1.1 * cm, footer)
                self.drawRightString(A4[0] - 2 * cm, 1.1 * cm, f"page {i} of {len(self._pages)}")
                super().showPage()
            super().save()

    return NumberedCanvas
