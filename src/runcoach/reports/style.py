"""The look shared by every chart: a colour-blind-safe palette (Okabe & Ito), one figure size,
and rendering a matplotlib figure to PNG or SVG bytes without pyplot's global state."""

from __future__ import annotations

import io
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from runcoach.errors import UsageError

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

ChartFormat = Literal["png", "svg"]
FORMATS: tuple[ChartFormat, ...] = ("png", "svg")

#: Okabe & Ito's palette: told apart with every common colour-vision deficiency
BLUE = "#0072B2"
ORANGE = "#E69F00"
SKY = "#56B4E9"
GREEN = "#009E73"
VERMILLION = "#D55E00"
PURPLE = "#CC79A7"
YELLOW = "#F0E442"
BLACK = "#000000"
GREY = "#8C8C8C"
#: one colour and one marker shape per pain region, so lines differ without colour too
SERIES = ((VERMILLION, "o"), (PURPLE, "s"), (GREEN, "^"), (ORANGE, "D"), (SKY, "v"), (BLACK, "P"))

SIZE_IN = (9.0, 4.6)
DPI = 120


def chart_format(path: str | Path) -> ChartFormat:
    """The format a file name asks for (its suffix); a clear error for anything else."""
    suffix = Path(path).suffix.lower().lstrip(".")
    for fmt in FORMATS:
        if suffix == fmt:
            return fmt
    raise UsageError(
        f"cannot write a chart as {Path(path).name!r}: unknown format {suffix or '(no suffix)'!r}",
        hint="name the file .png or .svg",
    )


def new_figure(title: str, size: tuple[float, float] = SIZE_IN) -> Figure:
    """A figure with runcoach's fonts and title (Agg canvas: no display needed)."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    fig = Figure(figsize=size, dpi=DPI, layout="constrained")
    FigureCanvasAgg(fig)
    fig.suptitle(title, fontsize=14, fontweight="bold", x=0.01, ha="left")
    return fig


def style_axes(ax: Axes) -> None:
    """Light grid behind the data, no top/right frame."""
    ax.grid(axis="y", color="#DDDDDD", linewidth=0.8)
    ax.set_axisbelow(True)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)


def render(fig: Figure, fmt: ChartFormat) -> bytes:
    """The figure as PNG or SVG bytes (no creation date in an SVG: the same data, the same file)."""
    if fmt not in FORMATS:
        raise UsageError(f"unknown chart format {fmt!r}", hint="use png or svg")
    from matplotlib import rc_context

    buf = io.BytesIO()
    metadata = {"Date": None} if fmt == "svg" else {"Software": "runcoach"}
    # SVG text stays text (searchable, selectable, read out by screen readers)
    with rc_context({"svg.fonttype": "none", "svg.hashsalt": "runcoach"}):
        fig.savefig(buf, format=fmt, metadata=metadata)
    return buf.getvalue()


def legend(fig: Figure) -> None:
    """One legend for every axis of the figure, below the plot, where it hides no data."""
    handles: list[Any] = []
    labels: list[str] = []
    for axis in fig.axes:
        h, lab = axis.get_legend_handles_labels()
        handles += h
        labels += lab
    if handles:
        fig.legend(handles, labels, loc="outside lower center", ncols=min(len(handles), 4), fontsize=9,
                   frameon=False)  # fmt: skip
