from __future__ import annotations

import pytest

from runcoach.errors import UsageError
from runcoach.reports.style import chart_format, new_figure, render


def test_the_format_comes_from_the_suffix_in_any_case() -> None:
    assert chart_format("out/weekly.PNG") == "png"
    assert chart_format("weekly.svg") == "svg"


@pytest.mark.parametrize("name", ["weekly.jpg", "weekly", "weekly.pdf"])
def test_an_unknown_suffix_is_a_clear_error(name: str) -> None:
    with pytest.raises(UsageError, match="unknown format") as caught:
        chart_format(name)
    assert caught.value.hint == "name the file .png or .svg"


def test_the_same_figure_gives_the_same_svg() -> None:
    one = render(new_figure("Same"), "svg")
    assert one == render(new_figure("Same"), "svg")
    assert b"<text" in one and b"Same" in one
