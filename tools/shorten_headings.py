"""Maintenance script: keep article headings and titles short enough to cite, not copy.

The knowledge base cites article sections by heading path. A heading longer than eight words
could repeat a nine-word run of the article (which tools/copycheck forbids), so each level of a
heading path and each article title is cut to its first six words followed by an ellipsis.

Usage: python tools/shorten_headings.py   (rewrites the data files in place)
"""

from __future__ import annotations

import re
from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / "src" / "runcoach" / "knowledge" / "data"
MAX_WORDS = 7
KEEP_WORDS = 6
WORD = re.compile(r"[A-Za-z0-9]+(?:['’][A-Za-z]+)?")


def shorten(level: str) -> str:
    words = list(WORD.finditer(level))
    if len(words) <= MAX_WORDS:
        return level
    cut = words[KEEP_WORDS - 1].end()
    return level[:cut].rstrip(" :,-–—&") + "…"


def shorten_path(path: str) -> str:
    return " > ".join(shorten(part) for part in path.split(" > "))


def rewrite_line(line: str) -> str:
    m = re.match(r'^(\s+(?:[a-z0-9_]+|title): )(["\']?)(.*?)\2\s*$', line)
    if not m:
        return line
    prefix, quote, value = m.groups()
    new = shorten_path(value)
    if new == value:
        return line
    q = quote or '"'
    if q == '"':
        new = new.replace('"', '\\"') if '\\"' not in new else new
    return f"{prefix}{q}{new}{q}\n"


def rewrite_sections(path: Path) -> None:
    out: list[str] = []
    in_sections = False
    for line in path.read_text(encoding="utf-8").splitlines(keepends=True):
        if line.startswith("sections:"):
            in_sections = True
        elif in_sections and line.strip() and not line.startswith((" ", "#")):
            in_sections = False
        out.append(rewrite_line(line) if in_sections and line.startswith("  ") else line)
    path.write_text("".join(out), encoding="utf-8")


_INLINE_SECTION = re.compile(r'(section: )"([^"]*)"')


def rewrite_titles(path: Path) -> None:
    """Rewrite ``title:`` lines and inline ``section: "..."`` values (guidance and plan sources)."""
    out = []
    for line in path.read_text(encoding="utf-8").splitlines(keepends=True):
        line = rewrite_line(line) if line.lstrip().startswith("title:") else line
        line = _INLINE_SECTION.sub(lambda m: f'{m.group(1)}"{shorten_path(m.group(2))}"', line)
        out.append(line)
    path.write_text("".join(out), encoding="utf-8")


def main() -> None:
    for path in sorted((DATA / "conditions").glob("*.yaml")):
        rewrite_sections(path)
    for path in (DATA / "meta.yaml", DATA / "guidance.yaml", DATA / "findings.yaml", *sorted((DATA / "plans").glob("*.yaml"))):
        if path.exists():
            rewrite_titles(path)


if __name__ == "__main__":
    main()
