"""Actor phrases: dictionary names, role nouns and anaphors grouped and resolved to codes.

Reads a sentence's dictionary matches (nlp.Analysis) and the article context; adds Phrase
records ("Russian President Vladimir Putin" -> one RUS phrase, "the two countries" -> the
last two actors named, "Niger, Mali and Burkina Faso" -> one compound group).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace

from spacy.tokens import Doc

from geopol.dictionaries import ActorEntry
from geopol.nlp import Analysis, sentence_start
from geopol.records import Actor

PREPOSITIONS = frozenset(
    [
        "of",
        "in",
        "at",
        "on",
        "to",
        "from",
        "with",
        "by",
        "for",
        "against",
        "towards",
        "toward",
        "into",
        "near",
        "between",
        "among",
        "about",
        "over",
        "under",
        "after",
        "before",
        "during",
        "since",
        "via",
        "across",
        "amid",
        "despite",
        "following",
        "including",
    ]
)
# Words that may sit inside one actor phrase: titles and adjectives of offices.
GLUE_WORDS = frozenset(
    [
        "'s",
        "’s",
        "-",
        "military",
        "senior",
        "top",
        "former",
        "deputy",
        "interim",
        "new",
        "ruling",
        "transitional",
        "foreign",
        "defence",
        "defense",
        "security",
        "armed",
        "elite",
        "special",
        "chief",
        "vice",
        "acting",
        "then",
        "current",
        "own",
        "federal",
        "national",
        "central",
        "state",
    ]
)
OF_WORDS = frozenset({"of", "from", "for"})
COMPOUND_JOINS = (
    ("and",),
    (",",),
    (",", "and"),
    ("along", "with"),
    (",", "along", "with"),
    ("together", "with"),
    (",", "together", "with"),
    ("as", "well", "as"),
    ("&",),
)
MAX_GLUE = 6
FIRST_MENTION_BONUS = 2
KIND_RANK = {
    "state": 0,
    "igo": 1,
    "armed_group": 1,
    "ngo": 1,
    "company": 1,
    "person": 2,
    "metonym": 3,
    "demonym": 4,
    "capital": 5,
}


@dataclass(frozen=True)
class Phrase:
    """A stretch of tokens that names one actor (or a resolved group)."""

    start: int
    end: int
    actors: tuple[Actor, ...]
    personnel: bool = False
    prep: str = ""  # the preposition just before the phrase, if any
    anaphor: str = ""  # how it was resolved, if it is an anaphor
    capital_only: bool = False  # a bare capital name ("Niamey"): also a place
    group: int = -1  # index of its compound group, -1 when alone
    anaphor_text: str = ""  # the anaphor's words, lower case ("its", "the two countries")
    adjectival: bool = False  # a bare nationality ("American"), which qualifies the next noun

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(a.code for a in self.actors if a.code)

    @property
    def coded(self) -> bool:
        return bool(self.codes)


@dataclass
class ArticleContext:
    """What earlier sentences of the article said, for anaphors."""

    dominant: Actor | None = None
    recent: list[Actor] = field(default_factory=list)  # most recent last
    last_subject: tuple[Actor, ...] = ()
    last_group: tuple[Actor, ...] = ()

    def remember(self, phrases: list[Phrase], subject: tuple[Actor, ...]) -> None:
        for phrase in phrases:
            self.recent.extend(a for a in phrase.actors if a.code)
            if len(phrase.actors) > 1:
                self.last_group = phrase.actors
        groups: dict[int, list[Actor]] = {}
        for phrase in phrases:
            if phrase.group >= 0:
                groups.setdefault(phrase.group, []).extend(a for a in phrase.actors if a.code)
        for members in groups.values():
            if len({a.code for a in members}) > 1:
                self.last_group = tuple(members)
        if subject:
            self.last_subject = subject
        del self.recent[:-20]


def dominant_state(analysis: Analysis) -> Actor | None:
    """The state an article names most often: what "the country" or "the junta" refers to."""
    counts: Counter[str] = Counter()
    names: dict[str, str] = {}
    for _, _, entries in analysis.actors:
        entry = entries[0]
        if entry.kind in ("state", "demonym", "capital") or (entry.kind == "person" and len(entry.code) == 3):
            counts[entry.code] += 1
            names.setdefault(entry.code, entry.text)
    if not counts:
        return None
    counts[next(iter(names))] += FIRST_MENTION_BONUS  # the lead's first state is what the story is about
    code, _ = counts.most_common(1)[0]
    return Actor(names[code], code, "", "state")


def choose_entry(entries: tuple[ActorEntry, ...], year: int | None) -> ActorEntry:
    """The reading of a name valid in the event's year (people change office)."""

    def fits(e: ActorEntry) -> bool:
        return year is None or ((e.valid_from or 0) <= year <= (e.valid_to or 9999))

    return sorted(entries, key=lambda e: (not fits(e), KIND_RANK.get(e.kind, 9)))[0]


def is_glue(doc: Doc, i: int, left_is_role_only: bool) -> bool:
    token = doc[i]
    if token.lower_ in GLUE_WORDS or token.norm_ in GLUE_WORDS:
        return True
    if token.lower_ in OF_WORDS and left_is_role_only:
        return True
    return (
        token.text[:1].isupper() and token.is_alpha and token.norm_ not in PREPOSITIONS and token.i > sentence_start(doc, token.i)
    )


def atoms_in(analysis: Analysis, start: int, end: int) -> list[tuple[int, int, str, object]]:
    """Dictionary hits, anaphors and role nouns inside [start, end), without overlaps."""
    atoms: list[tuple[int, int, str, object]] = []
    taken: set[int] = set()
    for s, e, entries in analysis.actors:
        if start <= s and e <= end:
            atoms.append((s, e, "actor", entries))
            taken.update(range(s, e))
    for s, e, kind in analysis.anaphors:
        if start <= s and e <= end and not taken.intersection(range(s, e)):
            atoms.append((s, e, "anaphor", kind))
            taken.update(range(s, e))
    for s, e, role in analysis.roles:
        if start <= s and e <= end and not taken.intersection(range(s, e)):
            atoms.append((s, e, "role", role))
            taken.update(range(s, e))
    return sorted(atoms, key=lambda a: a[0])


def group_atoms(doc: Doc, atoms: list[tuple[int, int, str, object]]) -> list[list[tuple[int, int, str, object]]]:
    """Adjacent atoms joined by titles, adjectives, 's, "of" or "led by" form one phrase."""
    groups: list[list[tuple[int, int, str, object]]] = []
    for atom in atoms:
        if groups and can_join(doc, groups[-1], atom):
            groups[-1].append(atom)
        else:
            groups.append([atom])
    return groups


def can_join(doc: Doc, group: list[tuple[int, int, str, object]], atom: tuple[int, int, str, object]) -> bool:
    last_end = group[-1][1]
    gap = range(last_end, atom[0])
    if len(gap) > MAX_GLUE or atom[2] == "anaphor" or any(a[2] == "anaphor" and a[3] != "dominant_state" for a in group):
        return False
    left_codes = {e.code for a in group if a[2] == "actor" for e in a[3][:1]}  # type: ignore[index]
    right_codes = {e.code for e in atom[3][:1]} if atom[2] == "actor" else set()  # type: ignore[index]
    if left_codes and right_codes and not left_codes & right_codes:
        return False
    role_only = not left_codes
    words = [doc[i].lower_ for i in gap]
    if role_only and words[:2] in (["led", "by"], ["headed", "by"], ["commanded", "by"]):
        return all(is_glue(doc, i, False) for i in gap[2:])  # "the delegation led by Colonel-General Yevkurov"
    if role_only and right_codes and words[:1] in (["in"],) and len(words) <= 2:
        return True  # "the military leaders in Mali"
    if not left_codes and not right_codes and len(gap) > 0:
        return all(is_glue(doc, i, False) for i in gap)
    return all(is_glue(doc, i, role_only) for i in gap)


def resolve_anaphor(kind: str, text: str, earlier: list[Phrase], context: ArticleContext) -> tuple[Actor, ...]:
    if kind == "dominant_state":
        return (replace(context.dominant, text=text),) if context.dominant else ()
    seen: list[Actor] = [a for p in earlier for a in p.actors if a.code]
    if kind == "previous_actor":
        plural = text.lower() in ("they", "their", "them", "their countries")
        if plural and earlier and earlier[-1].coded and earlier[-1].group >= 0:
            return tuple(a for p in earlier if p.group == earlier[-1].group for a in p.actors)
        if plural and earlier and len(earlier[-1].actors) > 1:
            return earlier[-1].actors  # "they declared their intention": their = they
        if seen:
            return (seen[-1],)
        if plural and context.last_group:
            return context.last_group
        return context.last_subject or tuple(context.recent[-1:])
    pool = list(reversed(seen)) + list(reversed(context.recent))
    if kind == "previous_group":
        in_sentence = [p for p in earlier if p.group >= 0]
        if in_sentence:
            last = in_sentence[-1].group
            return tuple(a for p in earlier if p.group == last for a in p.actors)
        if context.last_group:
            return context.last_group  # "the three juntas": the last compound actor named
    distinct: list[Actor] = []
    for actor in pool:
        if actor.code not in {a.code for a in distinct}:
            distinct.append(actor)
        if len(distinct) == (3 if kind == "previous_group" else 2):
            break
    return tuple(reversed(distinct)) if len(distinct) >= 2 else ()


def build_phrase(
    doc: Doc, group: list[tuple[int, int, str, object]], year: int | None, earlier: list[Phrase], context: ArticleContext
) -> Phrase:
    start, end = group[0][0], group[-1][1]
    text = doc[start:end].text
    first = sentence_start(doc, start)
    prep = doc[start - 1].lower_ if start > first and doc[start - 1].lower_ in PREPOSITIONS else ""
    if start > first + 1 and doc[start - 1].lower_ in ("the", "a", "an") and doc[start - 2].lower_ in PREPOSITIONS:
        prep = doc[start - 2].lower_
    roles = [a[3] for a in group if a[2] == "role"]
    sector = roles[0].sector if roles else ""  # type: ignore[attr-defined]
    personnel = any(r.personnel for r in roles)  # type: ignore[attr-defined]
    hits = [choose_entry(a[3], year) for a in group if a[2] == "actor"]  # type: ignore[arg-type]
    anaphors = [a for a in group if a[2] == "anaphor"]
    if hits:
        best = sorted(hits, key=lambda e: KIND_RANK.get(e.kind, 9))[0]
        kind = best.kind if best.kind in ("person", "igo", "armed_group", "ngo", "company") else "state"
        actor = Actor(text, best.code, sector or next((h.sector for h in hits if h.sector), ""), kind)
        capital_only = len(group) == 1 and best.kind == "capital"
        adjectival = len(group) == 1 and best.kind == "demonym"
        return Phrase(start, end, (actor,), personnel, prep, "", capital_only, adjectival=adjectival)
    if anaphors:
        kind = str(anaphors[0][3])
        resolved = resolve_anaphor(kind, text, earlier, context)
        if kind == "dominant_state" and roles:
            resolved = tuple(replace(a, sector=sector) for a in resolved)
        # the words of this sentence, the code of the actor they stand for: "both men" -> RUS
        actors = tuple(replace(a, text=text) for a in resolved) or (Actor(text, "", sector, "generic"),)
        return Phrase(start, end, actors, personnel, prep, kind, anaphor_text=text.lower())
    return Phrase(start, end, (Actor(text, "", sector, "generic"),), personnel, prep)


def mark_compounds(doc: Doc, phrases: list[Phrase]) -> list[Phrase]:
    """Coded phrases joined by "and", commas or "along with" share a group index."""
    out = list(phrases)
    group_id = 0
    i = 0
    while i < len(out):
        j = i
        while j + 1 < len(out) and out[j].coded and out[j + 1].coded and joined(doc, out[j].end, out[j + 1].start):
            j += 1
        if j > i and any(doc[k].lower_ in ("and", "with", "as", "&") for k in range(out[i].end, out[j].start)):
            for k in range(i, j + 1):
                out[k] = replace(out[k], group=group_id)
            group_id += 1
        i = j + 1
    return out


def joined(doc: Doc, left_end: int, right_start: int) -> bool:
    words = tuple(doc[k].lower_ for k in range(left_end, right_start) if doc[k].lower_ not in ("both", "the"))
    return words in COMPOUND_JOINS


def sentence_phrases(analysis: Analysis, start: int, end: int, year: int | None, context: ArticleContext) -> list[Phrase]:
    doc = analysis.doc
    groups = group_atoms(doc, atoms_in(analysis, start, end))
    phrases: list[Phrase] = []
    for group in groups:
        phrases.append(build_phrase(doc, group, year, phrases, context))
    phrases = mark_compounds(doc, phrases)
    # anaphors again, now that compounds are known: "Mali, Burkina Faso and Niger said they ..."
    for i, (group, phrase) in enumerate(zip(groups, phrases, strict=True)):
        if phrase.anaphor and phrase.anaphor != "dominant_state":
            rebuilt = build_phrase(doc, group, year, phrases[:i], context)
            phrases[i] = replace(rebuilt, group=phrase.group)
    return phrases


def group_members(phrases: list[Phrase], phrase: Phrase) -> tuple[Actor, ...]:
    """The phrase's actors, or every actor of its compound group."""
    if phrase.group < 0:
        return phrase.actors
    members: list[Actor] = []
    for p in phrases:
        if p.group == phrase.group:
            members.extend(a for a in p.actors if a.code and a.code not in {m.code for m in members})
    return tuple(members)
