"""Clauses of a sentence, found from punctuation, subordinators and verbs of saying.

Reads a sentence's tokens and speech-verb matches; adds Clause records. Without a parser the
clause is the unit that limits where a cue looks for its source and recipient.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc

MAX_SPEAKER = 8  # longest speaker phrase before a verb of saying, in tokens
SUBORDINATORS = frozenset(
    [
        "after",
        "before",
        "while",
        "whereas",
        "although",
        "though",
        "because",
        "when",
        "unless",
        "if",
        "which",
        "who",
        "whom",
        "whose",
        "where",
        "despite",
        "amid",
        "since",
        "following",
        "whilst",
        "until",
        "once",
    ]
)
HARD_BREAKS = frozenset({";", ":", "—", "--", "–"})
QUOTES = frozenset({"“", "”", '"', "«", "»"})
COORDINATORS = frozenset({"and", "but", "or"})
# Words between "and" and a coordinated verb: "and to develop", "and has also agreed".
LINKING_WORDS = frozenset("to also then later subsequently has have had was were will would is are".split())


@dataclass(frozen=True, slots=True)
class Clause:
    start: int
    end: int
    kind: str  # main | sub | coord | with | complement | attribution
    speaker_end: int = -1  # for a complement: end of the attribution clause that governs it
    speech: int = -1  # for a complement: its verb of saying


def segment(doc: Doc, start: int, end: int, speech_tokens: set[int], cue_starts: set[int]) -> list[Clause]:
    """Split tokens [start, end) into clauses."""
    open_kind = "sub" if doc[start].lower_ in SUBORDINATORS or doc[start].lower_ == "in" else "main"
    cuts: list[tuple[int, str]] = [(start, open_kind)]
    speech_at: dict[int, int] = {}  # complement start -> its verb of saying
    i = start
    while i < end:
        token = doc[i]
        word = token.lower_
        if i > start and (token.text in HARD_BREAKS or token.text in QUOTES):
            cuts.append((i + 1 if token.text in HARD_BREAKS else i, "main"))
            open_kind = "main"
        elif i > start and word in SUBORDINATORS and not after_comma_of_list(doc, i):
            cuts.append((i, "sub"))
            open_kind = "sub"
        elif word == "according" and i + 1 < end and doc[i + 1].lower_ == "to":
            cuts.append((i, "attribution"))
            open_kind = "attribution"
        elif word == "," and i + 1 < end and doc[i + 1].lower_ == "with":
            cuts.append((i + 1, "with"))
            open_kind = "with"
        elif word == "," and open_kind in ("sub", "attribution"):
            cuts.append((i + 1, "main"))
            open_kind = "main"
        elif word in COORDINATORS and next_content(doc, i + 1, end) in cue_starts:
            cuts.append((i, "coord"))
            open_kind = "coord"
        elif i in speech_tokens:
            attribution_start = attribution_begin(doc, cuts[-1][0], i)
            stated = any(cuts[-1][0] <= c < attribution_start for c in cue_starts)
            if attribution_start > cuts[-1][0] and stated:  # "Putin held talks, the Kremlin said"
                cuts.append((attribution_start, "attribution"))
            elif i - cuts[-1][0] <= MAX_SPEAKER:
                cuts[-1] = (cuts[-1][0], "attribution")
            nxt = i + 1
            while (nxt < end and doc[nxt].lower_ in ("that", ",", ":")) or (nxt < end and doc[nxt].text in QUOTES):
                nxt += 1
            cuts.append((nxt, "complement"))
            speech_at[nxt] = i
            open_kind = "complement"
            i = nxt
            continue
        i += 1
    clauses: list[Clause] = []
    for (cut, kind), (nxt, _) in zip(cuts, [*cuts[1:], (end, "")], strict=True):
        if nxt > cut:
            speaker_end = clauses[-1].end if kind == "complement" and clauses and clauses[-1].kind == "attribution" else -1
            clauses.append(Clause(cut, nxt, kind, speaker_end, speech_at.get(cut, -1)))
    return clauses


def next_content(doc: Doc, i: int, end: int) -> int:
    """First token from i that is not an auxiliary or adverb: "and then agreed" -> "agreed"."""
    while i < end and doc[i].lower_ in LINKING_WORDS:
        i += 1
    return i


def after_comma_of_list(doc: Doc, i: int) -> bool:
    """ "which" or "who" opening a question inside a quote is rare; keep "as well as" whole."""
    return doc[i].lower_ == "since" and i + 1 < len(doc) and doc[i + 1].like_num


def attribution_begin(doc: Doc, clause_start: int, speech: int) -> int:
    """Start of ", the Kremlin said": the comma or quote before a short speaker phrase."""
    j = speech - 1
    while j > clause_start and speech - j <= 8:
        if doc[j].text in (",",) or doc[j].text in QUOTES:
            return j + 1
        j -= 1
    return clause_start


def clause_of(clauses: list[Clause], token: int) -> Clause:
    for clause in clauses:
        if clause.start <= token < clause.end:
            return clause
    return clauses[-1]
