"""Read findings out of what a runner typed.

The reader normalises the text (case, apostrophes, contractions, slang spellings), splits it into
tokens and clauses, forgives small typos (rapidfuzz, against the lexicon's own vocabulary only),
then matches the lexicon's patterns. Each match is checked for negation ("no fever", "didn't hear a
pop", "not sick or anything", "coughing is fine") and hedging ("not sure if it's shin splints").

The result is evidence, not truth: the inference engine weighs text findings as softer than
answers to its questions.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from rapidfuzz import process
from rapidfuzz.distance import OSA

from runcoach.knowledge.loader import KnowledgeBase
from runcoach.knowledge.patterns import Match, Pattern, PatternIndex, compile_patterns

# --------------------------------------------------------------------------- normalisation

_CONTRACTIONS: tuple[tuple[str, str], ...] = (
    (r"\bcan'?t\b", "cannot"),
    (r"\bwon'?t\b", "will not"),
    (r"\bain'?t\b", "is not"),
    (r"\bshan'?t\b", "shall not"),
    (r"\b(\w+)n't\b", r"\1 not"),
    (r"\b(do|does|did|is|are|was|were|have|has|had|could|would|should|must|need)nt\b", r"\1 not"),
    (r"\bi'?m\b", "i am"),
    (r"\b(it|that|there|what|he|she)'s\b", r"\1 is"),
    (r"\b(\w+)'re\b", r"\1 are"),
    (r"\b(\w+)'ve\b", r"\1 have"),
    (r"\b(\w+)'ll\b", r"\1 will"),
    (r"\b(i|you|we|they|he|she|it)'d\b", r"\1 would"),
    (r"\bcan not\b", "cannot"),
    (r"(\w)'s\b", r"\1"),  # possessive: "groin's" reads as "groin"
    # "can barely", "could hardly", "unable to": close enough to "cannot" for safety questions
    (r"\b(?:can|could)\s+(?:barely|hardly|scarcely)\b", "cannot"),
    (r"\b(?:unable to|not able to)\b", "cannot"),
    (r"\bw/o\b", "without"),
    (r"\bw/\b", "with"),
    (r"\by/o\b", "yo"),
    (r"\bb/c\b", "because"),
    (r"(\d)\s*°\s*([cf])\b", r"\1 \2deg"),
    (r"(\d)\s*(c|f)\b", r"\1 \2deg"),
)
_COMPILED_CONTRACTIONS = tuple((re.compile(p), r) for p, r in _CONTRACTIONS)
_TOKEN = re.compile(r"-?\d+(?:\.\d+)?|[a-z]+(?:'[a-z]+)?|[.,;:!?()]")
_PUNCT = frozenset(".,;:!?()")
#: words that end a clause for negation and matching purposes
_CLAUSE_WORDS = frozenset({"but", "though", "tho", "although", "however", "except", "yet", "whereas"})

_NEGATORS = frozenset({"no", "not", "never", "without", "none", "nothing", "neither", "nor", "nope", "zero"})
_NEG_WINDOW = 5
#: "not sure", "no idea" ... make what follows a guess, not a denial
_HEDGE_AFTER_NEG = frozenset({"sure", "certain", "know", "idea", "clue", "positive"})
_NOT_NEGATION_AFTER = frozenset({"matter", "only", "just", "bad", "too", "doubt", "that", "sure"})
_HEDGES = frozenset(
    {"maybe", "perhaps", "possibly", "might", "could", "wonder", "wondering", "unsure", "guess", "think"}
)
_POST_NEGATION = re.compile(
    r"^(?:is |was |are |were |feels? |seems? |seemed |felt )?"
    r"(?:totally |completely |perfectly |all )?(?:fine|ok|okay|normal|good|great|unaffected)\b(?! to\b)"
)

MIN_FUZZY_LEN = 5
#: finding kinds about the runner's history and circumstances, not about where it hurts
CONTEXT_KINDS = frozenset({"context", "history", "demographic"})
READ_CACHE_SIZE = 4096
#: words that start a new statement after a comma (a denial before the comma stops there)
_NEW_SUBJECT = frozenset(
    {"i", "im", "it", "its", "my", "the", "this", "that", "there", "he", "she", "we", "they", "you", "then"}
    | {"and", "so", "now", "plus", "also", "although", "but", "yet", "today", "yesterday", "since", "just"}
)
#: a red flag is only taken as denied when the denial is this close and within the same phrase
_RED_FLAG_NEG_WINDOW = 3


@functools.cache
def english_frequency() -> dict[str, int]:
    """English word counts (pyspellchecker's frequency list)."""
    from spellchecker import SpellChecker

    return dict(SpellChecker(language="en").word_frequency.dictionary)


@functools.cache
def english_words() -> frozenset[str]:
    """Known English words, so that real words are never "corrected" to lexicon words."""
    return frozenset(english_frequency())


def normalise(text: str) -> str:
    out = text.lower().replace("’", "'").replace("‘", "'").replace("`", "'")
    out = out.replace("–", " - ").replace("—", " - ")
    for pattern, repl in _COMPILED_CONTRACTIONS:
        if pattern.search(out):
            out = pattern.sub(repl, out)
    return out


def tokenize(text: str) -> list[str]:
    return [t.replace("'", "") for t in _TOKEN.findall(normalise(text))]


# --------------------------------------------------------------------------- results


@dataclass(frozen=True)
class TextFinding:
    """A finding read from the text, with the words that said it."""

    finding_id: str
    present: bool
    phrase: str
    hedged: bool = False


@dataclass
class TextReading:
    findings: dict[str, TextFinding] = field(default_factory=dict)
    regions: dict[str, int] = field(default_factory=dict)
    condition_mentions: dict[str, bool] = field(default_factory=dict)  # id -> hedged
    side: str | None = None
    age: int | None = None
    temperature_c: float | None = None
    body_temperature_c: float | None = None

    def present(self) -> dict[str, bool]:
        return {k: v.present for k, v in self.findings.items()}


# --------------------------------------------------------------------------- the reader


@dataclass(frozen=True)
class _Payload:
    kind: str  # "finding" | "region" | "condition"
    ident: str
    present: bool = True


class TextReader:
    """Compiled lexicon for one knowledge base; ``read(text)`` is safe to call many times."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self.index = PatternIndex(word_cost=english_frequency())
        patterns: list[Pattern] = []
        for fid, pats in kb.lexicon.present.items():
            for p in pats:
                patterns += compile_patterns(p, fid, _Payload("finding", fid, True))
        for fid, pats in kb.lexicon.absent.items():
            for p in pats:
                patterns += compile_patterns(p, fid, _Payload("finding", fid, False))
        for region in kb.meta.regions:
            for w in region.words:
                patterns += compile_patterns(w, region.id, _Payload("region", region.id))
        for cid, cond in kb.conditions.items():
            names = list(kb.lexicon.condition_names.get(cid, ()))
            names += [a for a in cond.aliases if len(a.split()) <= 4]
            for name in dict.fromkeys(n.lower() for n in names):
                cleaned = re.sub(r"[^a-z0-9*|~ .<>]", " ", normalise(name)).strip()
                if cleaned:
                    patterns += compile_patterns(cleaned, cid, _Payload("condition", cid))
        self.index.extend(patterns)
        self.red_flags = frozenset(f.id for f in kb.findings.values() if f.red_flag)
        self.context_findings = frozenset(
            f.id for f in kb.findings.values() if f.kind in CONTEXT_KINDS and not f.red_flag
        )
        self._vocab = sorted(w for w in self.index.vocabulary if len(w) >= MIN_FUZZY_LEN - 1 and w.isalpha())
        self._correct = functools.lru_cache(maxsize=20000)(self._correct_uncached)
        self._cache: dict[str, TextReading] = {}

    def _is_context(self, m: Match) -> bool:
        payload = m.pattern.value
        return isinstance(payload, _Payload) and payload.ident in self.context_findings

    # -- typos -------------------------------------------------------------

    def _correct_uncached(self, token: str) -> str:
        if len(token) < MIN_FUZZY_LEN or not token.isalpha() or self.index.knows(token):
            return token
        if token in english_words():
            return token  # a real word ("never") is not a typo of a lexicon word ("fever")
        cutoff = 2 if len(token) >= 8 else 1
        best = process.extractOne(token, self._vocab, scorer=OSA.distance, score_cutoff=cutoff)
        if best is None:
            return token
        return str(best[0])

    # -- reading -------------------------------------------------------------

    def read(self, text: str) -> TextReading:
        """What the text says (cached: batches and interviews read the same words many times)."""
        cached = self._cache.get(text)
        if cached is None:
            cached = self._read(text)
            if len(self._cache) >= READ_CACHE_SIZE:
                self._cache.pop(next(iter(self._cache)))
            self._cache[text] = cached
        return replace(
            cached,
            findings=dict(cached.findings),
            regions=dict(cached.regions),
            condition_mentions=dict(cached.condition_mentions),
        )

    def _read(self, text: str) -> TextReading:
        reading = TextReading()
        if not text or not text.strip():
            return reading
        raw_tokens = tokenize(text)
        tokens = [self._correct(t) for t in raw_tokens]
        # commas do not end a clause: "warm, red and swollen" is one phrase, and "no fever, chills or
        # aches" one denial (the negation window keeps a denial from running on too far)
        barriers = frozenset(
            i for i, t in enumerate(tokens) if (t in _PUNCT and t != ",") or t in _CLAUSE_WORDS
        )
        # a denial does not run past a comma into a new statement: "no swelling, I can hop"
        neg_barriers = barriers | frozenset(
            i for i, t in enumerate(tokens[:-1]) if t == "," and tokens[i + 1] in _NEW_SUBJECT
        )
        comma_barriers = barriers | frozenset(i for i, t in enumerate(tokens) if t == ",")
        matches = _drop_contained(_longest_first(self.index.find(tokens, barriers)), self.red_flags)
        # "flat feet", "new shoes", "knee surgery years ago": a body part inside a phrase about the
        # runner's history or context is not where it hurts
        context_spans = [(m.start, m.end) for m in matches if _kind(m) == "finding" and self._is_context(m)]
        for m in matches:
            payload = m.pattern.value
            assert isinstance(payload, _Payload)
            if payload.kind == "finding" and not payload.present:
                negated, hedged = False, False  # "!can still walk" is already a denial
            elif payload.kind == "finding" and payload.ident in self.red_flags:
                # missing a red flag is the worst error: deny it only on close, unambiguous words
                negated, hedged = _polarity(tokens, m, comma_barriers, window=_RED_FLAG_NEG_WINDOW)
            else:
                negated, hedged = _polarity(tokens, m, neg_barriers)
            if payload.kind == "region":
                inside = any(a <= m.start and m.end <= b for a, b in context_spans)
                if not negated and not inside:
                    reading.regions[payload.ident] = reading.regions.get(payload.ident, 0) + 1
            elif payload.kind == "condition":
                if not negated:
                    reading.condition_mentions[payload.ident] = hedged or _in_question(tokens, m)
            else:
                present = payload.present != negated
                phrase = " ".join(raw_tokens[m.start : m.end + 1])
                red = payload.ident in self.red_flags
                _record(reading, TextFinding(payload.ident, present, phrase, hedged), red_flag=red)
        reading.side = _side(tokens)
        reading.age = _age(normalise(text))
        reading.temperature_c = _temperature(tokens)
        fever_c = body_temperature(tokens)
        if fever_c is not None:
            reading.body_temperature_c = fever_c
            _record(reading, TextFinding("fever", True, f"temperature {fever_c:.1f} C"))
            if reading.temperature_c is not None and abs(reading.temperature_c - fever_c) < 0.01:
                reading.temperature_c = None  # it was the runner's temperature, not the weather
        return reading


def _longest_first(matches: Iterable[Match]) -> list[Match]:
    return sorted(matches, key=lambda m: (m.start, -(m.end - m.start)))


def _drop_contained(matches: list[Match], red_flags: frozenset[str]) -> list[Match]:
    """Drop a finding match lying inside a longer fixed-phrase match ("hay fever" is not a fever).

    Only a red flag (a false alarm) or a shorter reading of the same finding is hidden: "first
    marathon" may say both a new session and a long run. Region and condition-name matches are kept.
    """
    # only a fixed phrase (no gaps) is more specific than what it contains; a gappy match such
    # as "cough ~ after ~ run" spans words that may say something else entirely
    findings = [
        m for m in matches if _kind(m) == "finding" and m.end - m.start + 1 == len(m.pattern.elements)
    ]
    keep: list[Match] = []
    for m in matches:
        if (
            _kind(m) == "finding"
            and (m.pattern.key in red_flags or any(o.pattern.key == m.pattern.key for o in findings))
            and any(
                o is not m and o.start <= m.start and m.end <= o.end and (o.end - o.start) > (m.end - m.start)
                for o in findings
            )
        ):
            continue
        keep.append(m)
    return keep


def _kind(m: Match) -> str:
    payload = m.pattern.value
    return payload.kind if isinstance(payload, _Payload) else ""


def _record(reading: TextReading, finding: TextFinding, *, red_flag: bool = False) -> None:
    """Keep one reading per finding. For a red flag any positive statement wins (safety); for other
    findings the later statement wins ("I thought it popped, but no pop")."""
    old = reading.findings.get(finding.finding_id)
    if (
        old is None
        or (finding.present and not old.present)
        or (not red_flag and old.present != finding.present)
    ):
        reading.findings[finding.finding_id] = finding


def _in_question(tokens: list[str], m: Match) -> bool:
    """True when the sentence holding the match ends with a question mark ("is this PF?")."""
    for tok in tokens[m.end + 1 :]:
        if tok in ".!?;":
            return tok == "?"
    return False


def _clause_start(pos: int, barriers: frozenset[int]) -> int:
    j = pos
    while j > 0 and (j - 1) not in barriers:
        j -= 1
    return j


def _polarity(
    tokens: list[str], m: Match, barriers: frozenset[int], window: int = _NEG_WINDOW
) -> tuple[bool, bool]:
    """(negated, hedged) for a match, looking back within its clause and just after it."""
    start = _clause_start(m.start, barriers)
    negated = False
    hedged = False
    lo = max(start, m.start - window)
    for j in range(lo, m.start):
        tok = tokens[j]
        if tok in _HEDGES:
            hedged = True
        if tok in _NEGATORS:
            after = tokens[j + 1] if j + 1 < len(tokens) else ""
            if after in _HEDGE_AFTER_NEG:
                hedged = True
                continue
            if after in _NOT_NEGATION_AFTER:
                continue
            negated = True
    for j in range(start, m.start):
        tok = tokens[j]
        if tok in _HEDGES or (tok in _NEGATORS and j + 1 < len(tokens) and tokens[j + 1] in _HEDGE_AFTER_NEG):
            hedged = True
    if not negated and m.positions:
        # "hopping does not hurt": a denial in a gap of the match (not one the pattern spells out)
        inside = set(range(m.start, m.end + 1)) - set(m.positions)
        negated = any(tokens[j] in _NEGATORS for j in inside)
    if not negated:
        tail = " ".join(t for t in tokens[m.end + 1 : m.end + 5] if t not in _PUNCT)
        if _POST_NEGATION.match(tail) and not any(t in _PUNCT for t in tokens[m.end + 1 : m.end + 2]):
            negated = True
    return negated, hedged


_LEFT = frozenset({"left", "lt"})
_RIGHT = frozenset({"right", "rt"})


def _side(tokens: list[str]) -> str | None:
    left = any(t in _LEFT for t in tokens)
    right = any(t in _RIGHT for t in tokens)
    if ("both" in tokens and not (left ^ right)) or (left and right):
        return "both"
    if left:
        return "left"
    if right:
        return "right"
    return None


_AGE_PATTERNS = (
    re.compile(r"\b(\d{1,2})\s*(?:yo|y\.o\.|yrs?\b|years?\s+old|year\s+old)"),
    re.compile(r"\bi am (\d{2})\b(?!\s*(?:km|k|mi|miles?|minutes?|mins?|seconds?|weeks?|days?|%))"),
    re.compile(r"\bage(?:d)?\s*(\d{2})\b"),
    re.compile(r"\((\d{2})\s*[mf]\)"),
    re.compile(r"^(\d{2})\s*(?:[mf]\b|,|and\b)"),
)


def _age(text: str) -> int | None:
    for pattern in _AGE_PATTERNS:
        m = pattern.search(text)
        if m:
            age = int(m.group(1))
            if 8 <= age <= 95:
                return age
    return None


_BODY_TEMP_WORDS = frozenset({"temp", "temperature", "fever", "thermometer", "temps"})
_AIR_WORDS = frozenset(
    {"out", "outside", "air", "weather", "morning", "evening", "day", "forecast", "degrees"}
)


def body_temperature(tokens: list[str]) -> float | None:
    """A body temperature the runner reports ("temp of 38.5", "fever 101F"), in Celsius.

    Only a number close after a temperature word counts, and only in the fever range; the air
    temperature of a cold or hot run ("it was 38C out") is left to :func:`_temperature`.
    """
    for i, tok in enumerate(tokens):
        if tok not in _BODY_TEMP_WORDS:
            continue
        window = tokens[i + 1 : i + 5]
        if any(w in _AIR_WORDS for w in window):
            continue
        for j, cand in enumerate(window):
            try:
                value = float(cand)
            except ValueError:
                continue
            unit = window[j + 1] if j + 1 < len(window) else ""
            celsius = (value - 32) * 5 / 9 if unit == "fdeg" or value > 45 else value
            if 37.8 <= celsius <= 43.5:
                return celsius
    return None


def _temperature(tokens: list[str]) -> float | None:
    for i, tok in enumerate(tokens[:-1]):
        unit = tokens[i + 1]
        if unit not in ("cdeg", "fdeg"):
            continue
        try:
            value = float(tok)
        except ValueError:
            continue
        return value if unit == "cdeg" else (value - 32) * 5 / 9
    return None
