"""The lexicon's small pattern language, compiled for fast matching over a tokenised text.

A pattern is a sequence of elements separated by spaces (see docs/knowledge.md):

- ``word``: that word; ``word*``: any word starting with it; ``a|b|c``: one of these
- ``~``: up to 3 other words may come before the next element; ``...``: up to 8
- ``<num>``: any number
- ``(a b|c d)``: one of several multi-word phrases (expanded into separate patterns)

Matching works on the token list of one clause-aware text (see :mod:`runcoach.engine.text`).
An index from first elements to patterns means a text is only checked against the patterns whose
first word it contains.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field

SMALL_GAP = 3
LARGE_GAP = 8
MIN_PREFIX = 3

_NUMBER = re.compile(r"^-?\d+(?:\.\d+)?$")


@dataclass(frozen=True)
class Element:
    """One position of a pattern: a set of exact words and/or word prefixes, or any number."""

    words: frozenset[str]
    prefixes: tuple[str, ...]
    number: bool
    #: how many other tokens may stand between the previous element and this one
    gap: int

    def satisfiable(self, words: set[str], stems: set[str], has_number: bool) -> bool:
        """Could this element match any of these words? (``stems``: all their prefixes)."""
        return (
            not self.words.isdisjoint(words)
            or (bool(self.prefixes) and not stems.isdisjoint(self.prefixes))
            or (self.number and has_number)
        )

    def matches(self, token: str) -> bool:
        if token in self.words:
            return True
        if self.number and _NUMBER.match(token):
            return True
        return bool(self.prefixes) and token.startswith(self.prefixes)


@dataclass(frozen=True)
class Pattern:
    """A compiled pattern with the payload it stands for (e.g. a finding id and polarity)."""

    text: str
    elements: tuple[Element, ...]
    key: str
    value: object = None


class PatternError(ValueError):
    """A lexicon pattern that cannot be compiled."""


def expand(text: str) -> list[str]:
    """Expand parenthesised multi-word alternatives: ``(pins and needles|numb*) ~ arm`` -> 2 patterns.

    Inside ``( )`` the ``|`` separates whole phrases; outside, ``a|b`` stays a one-word choice.
    Groups may not nest.
    """
    start = text.find("(")
    if start < 0:
        if ")" in text:
            raise PatternError(f"unbalanced ')' in {text!r}")
        return [text]
    end = text.find(")", start)
    if end < 0:
        raise PatternError(f"unbalanced '(' in {text!r}")
    inner = text[start + 1 : end]
    if "(" in inner:
        raise PatternError(f"nested groups are not supported in {text!r}")
    options = [o.strip() for o in inner.split("|")]
    if not all(options):
        raise PatternError(f"empty alternative in group of {text!r}")
    head, tail = text[:start], text[end + 1 :]
    out: list[str] = []
    for option in options:
        out += expand(f"{head} {option} {tail}".strip())
    return out


def compile_patterns(text: str, key: str, value: object = None) -> list[Pattern]:
    """All compiled patterns one lexicon entry stands for (after expanding its groups)."""
    return [compile_pattern(" ".join(t.split()), key, value) for t in expand(text)]


def compile_pattern(text: str, key: str, value: object = None) -> Pattern:
    elements: list[Element] = []
    gap = 0
    for raw in text.lower().split():
        if raw == "~":
            gap = SMALL_GAP
            continue
        if raw == "...":
            gap = LARGE_GAP
            continue
        words: set[str] = set()
        prefixes: list[str] = []
        number = False
        for alt in raw.split("|"):
            if not alt:
                raise PatternError(f"empty alternative in {text!r}")
            if alt == "<num>":
                number = True
            elif alt.endswith("*"):
                stem = alt[:-1]
                if len(stem) < MIN_PREFIX:
                    raise PatternError(f"prefix {alt!r} in {text!r} is shorter than {MIN_PREFIX} letters")
                prefixes.append(stem)
            else:
                words.add(alt)
        elements.append(Element(frozenset(words), tuple(prefixes), number, gap))
        gap = 0
    if not elements:
        raise PatternError(f"pattern {text!r} has no words")
    if gap:
        raise PatternError(f"pattern {text!r} ends with a gap")
    return Pattern(text=text, elements=tuple(elements), key=key, value=value)


@dataclass(frozen=True)
class Match:
    pattern: Pattern
    start: int
    end: int  # index of the last matched token
    #: the token positions the pattern's elements matched (the rest of the span is gaps)
    positions: tuple[int, ...] = ()


@dataclass
class PatternIndex:
    """Patterns indexed by their rarest element, so a text is checked only against patterns that
    could match it. ``word_cost`` (how common a word is in English) picks the anchor: "calf" beats
    "my". Without costs every element counts the same and the first one anchors."""

    word_cost: Mapping[str, float] = field(default_factory=dict)
    by_word: dict[str, list[Pattern]] = field(default_factory=lambda: defaultdict(list))
    by_prefix: dict[str, list[Pattern]] = field(default_factory=lambda: defaultdict(list))
    by_number: list[Pattern] = field(default_factory=list)
    vocabulary: set[str] = field(default_factory=set)
    prefixes: set[str] = field(default_factory=set)

    def _cost(self, el: Element) -> float:
        if el.number:
            return float("inf")
        words = sum(self.word_cost.get(w, 1.0) for w in el.words)
        stems = sum(self.word_cost.get(p, 1.0) * 4 + 1e4 / len(p) for p in el.prefixes)
        return words + stems

    def add(self, pattern: Pattern) -> None:
        anchor = min(pattern.elements, key=self._cost)
        for w in anchor.words:
            self.by_word[w].append(pattern)
        for p in anchor.prefixes:
            self.by_prefix[p].append(pattern)
        if anchor.number:
            self.by_number.append(pattern)
        for el in pattern.elements:
            self.vocabulary.update(el.words)
            self.prefixes.update(el.prefixes)

    def extend(self, patterns: Iterable[Pattern]) -> None:
        for p in patterns:
            self.add(p)

    def knows(self, token: str) -> bool:
        """True when the token is a word some pattern uses, exactly or by a prefix of 4+ letters.

        (A short stem such as ``ach*`` must not stop ``achillies`` from being corrected.)
        """
        if token in self.vocabulary:
            return True
        return any(token[:n] in self.prefixes for n in range(MIN_PREFIX + 1, len(token) + 1))

    def candidates(self, token: str) -> Iterator[Pattern]:
        yield from self.by_word.get(token, ())
        for n in range(MIN_PREFIX, len(token) + 1):
            yield from self.by_prefix.get(token[:n], ())
        if self.by_number and _NUMBER.match(token):
            yield from self.by_number

    def find(self, tokens: list[str], barriers: frozenset[int] = frozenset()) -> list[Match]:
        """All matches in the token list; a match never spans a clause barrier position."""
        unique = set(tokens)
        stems = {t[:n] for t in unique for n in range(MIN_PREFIX, len(t) + 1)}
        has_number = any(_NUMBER.match(t) for t in unique)
        seen: set[int] = set()
        found: list[Match] = []
        for tok in unique:
            for pattern in self.candidates(tok):
                if id(pattern) in seen:
                    continue
                seen.add(id(pattern))
                # cheap set test first: every element must be satisfiable by some word of the text
                if not all(el.satisfiable(unique, stems, has_number) for el in pattern.elements):
                    continue
                first = pattern.elements[0]
                for i, word in enumerate(tokens):
                    if first.matches(word):
                        positions = _match_rest(pattern.elements, tokens, i, barriers)
                        if positions is not None:
                            found.append(Match(pattern, i, positions[-1], positions))
        found.sort(key=lambda m: (m.start, m.end, m.pattern.text))
        return found


def _match_rest(
    elements: tuple[Element, ...], tokens: list[str], start: int, barriers: frozenset[int]
) -> tuple[int, ...] | None:
    """Greedy-leftmost match of elements[1:] after tokens[start]: the matched positions, or None."""
    pos = start
    positions = [start]
    for el in elements[1:]:
        limit = min(len(tokens) - 1, pos + 1 + el.gap)
        nxt = None
        for j in range(pos + 1, limit + 1):
            if j in barriers:
                break
            if el.matches(tokens[j]):
                nxt = j
                break
        if nxt is None:
            return None
        pos = nxt
        positions.append(pos)
    return tuple(positions)
