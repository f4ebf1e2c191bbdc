"""Plain records passed between the pipeline stages.

Coordinates are (lat, lon) in EPSG:4326 throughout. Offsets are character offsets into the
article's clean text (sentence_start) or into the sentence (cue_start, cue_end).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

# Event categories with their quad class and PLOVER conflict-cooperation score (CODEBOOK.md).
CATEGORIES: dict[str, tuple[str, float | None]] = {
    "AGREE": ("verbal_coop", 4.2),
    "CONSULT": ("verbal_coop", 2.1),
    "SUPPORT": ("verbal_coop", 4.6),
    "CONCEDE": ("verbal_coop", 5.0),
    "COOPERATE": ("material_coop", 6.8),
    "AID": ("material_coop", 7.4),
    "RETREAT": ("material_coop", 7.6),
    "INVESTIGATE": ("material_coop", -2.0),
    "DEMAND": ("verbal_conflict", -5.0),
    "DISAPPROVE": ("verbal_conflict", -2.0),
    "REJECT": ("verbal_conflict", -4.2),
    "THREATEN": ("verbal_conflict", -5.1),
    "SANCTION": ("verbal_conflict", -5.2),
    "PROTEST": ("material_conflict", -6.6),
    "MOBILIZE": ("material_conflict", -5.3),
    "COERCE": ("material_conflict", -7.2),
    "ASSAULT": ("material_conflict", -9.3),
    "FIGHT": ("material_conflict", None),
    "CRIME": ("material_conflict", None),
}
COOPERATIVE = frozenset(c for c, (quad, _) in CATEGORIES.items() if quad.endswith("coop"))
MOVEMENT_CATEGORIES = frozenset({"RETREAT", "MOBILIZE", "AID"})
# acts two sides do with each other, whose one row per pair reads either way
JOINT_ACTS = frozenset({"CONSULT", "COOPERATE", "AGREE", "FIGHT"})
# acts done, not said: placed where they happened, and news even when told in passing
MATERIAL = frozenset({"COOPERATE", "AID", "RETREAT", "PROTEST", "MOBILIZE", "COERCE", "ASSAULT", "FIGHT", "CRIME"})


def quad_class(category: str) -> str:
    return CATEGORIES[category][0]


def category_score(category: str) -> float | None:
    return CATEGORIES[category][1]


@dataclass(frozen=True, slots=True)
class Article:
    """One source article after ingest: clean text plus what is known about it."""

    article_id: str
    file: str
    text: str
    title: str = ""
    outlet: str = ""
    author: str = ""
    url: str = ""
    published: date | None = None
    published_precision: str = ""  # day | month | year
    published_method: str = ""  # manifest | dateline | header | inferred | ""


@dataclass(frozen=True, slots=True)
class Actor:
    """An actor as one sentence names it, resolved to a code."""

    text: str
    code: str
    sector: str = ""
    kind: str = ""  # state | igo | armed_group | ngo | company | person | generic


@dataclass(frozen=True, slots=True)
class DateRef:
    """A date with its precision, and where it came from."""

    value: date
    precision: str  # day | month | year
    text: str = ""  # the words it was read from
    basis: str = "text"  # text | publication


@dataclass(frozen=True, slots=True)
class Place:
    name: str
    lat: float
    lon: float
    precision: str  # facility | city | region | country
    country: str = ""
    note: str = ""


@dataclass(frozen=True, slots=True)
class Event:
    """One coded event as one article's sentence reports it.

    sources and recipients may hold several actors (compound actors); rows() expands them
    into one (source, recipient) pair each, sharing event_id.
    """

    article_id: str
    sentence_index: int
    sentence: str
    sentence_start: int
    cue_start: int
    cue_end: int
    clause_start: int  # the clause the cue sits in (offsets into the sentence)
    clause_end: int
    category: str
    sources: tuple[Actor, ...]
    recipients: tuple[Actor, ...] = ()
    symmetric: bool = False  # compound actors acting together, no distinct recipient
    mode: str = ""
    context: str = ""
    tense: str = ""  # "" | future | attempt
    quantity: int | None = None
    quantity_unit: str = ""
    date: DateRef | None = None
    date_text: str = ""  # the sentence's own date words, kept for re-resolution
    place: Place | None = None
    place_text: str = ""
    origin: Place | None = None
    destination: Place | None = None
    event_id: str = ""
    date_spans: tuple[tuple[int, int], ...] = ()  # other parts of the sentence whose dates apply
    legs: tuple[tuple[str, str, Place, Place], ...] = ()  # movements: (source, recipient, origin, destination)
    # places of (source, recipient) pairs that differ from place when none is named: "Mali, Burkina
    # Faso and Niger left ECOWAS" happens in each leaver's capital
    pair_places: tuple[tuple[str, str, Place], ...] = ()
    # what an act of words tells ("accused X of ... in Y"), as offsets into the sentence: not where it was said
    told_spans: tuple[tuple[int, int], ...] = ()

    @property
    def cue(self) -> str:
        return self.sentence[self.cue_start : self.cue_end]

    def pairs(self) -> list[tuple[Actor | None, Actor | None]]:
        """(source, recipient) pairs, one per row of the event."""
        if self.symmetric and not self.recipients:
            actors = self.sources
            # talks, joint work, agreements and clashes are one row per pair; any other act done
            # together ("recalled their ambassadors", "signed the accord") is each side's to the other
            both_ways = self.category not in JOINT_ACTS
            pairs: list[tuple[Actor | None, Actor | None]] = [
                (a, b)
                for i, a in enumerate(actors)
                for j, b in enumerate(actors)
                if a.code != b.code and (j > i or (both_ways and j < i))
            ]
            return pairs or [(actors[0], None)]
        sources: tuple[Actor | None, ...] = self.sources or (None,)
        recipients: tuple[Actor | None, ...] = self.recipients or (None,)
        return [
            (s, r)
            for s in sources
            for r in recipients
            if not (s and r and s.code == r.code and s.kind != "person" and (len(recipients) > 1 or len(sources) > 1))
        ]
