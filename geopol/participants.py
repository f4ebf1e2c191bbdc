"""Who did what to whom: the source and recipient phrases of one cue.

Reads the cue, its clause and the sentence's actor phrases; returns the source and recipient
phrases. Rules, in order: passive voice ("was hosted by X"), noun cues ("Niger's demands",
"the withdrawal of US troops from Niger", "talks between X and Y"), then the clause subject
and the first actor after the cue, borrowing a subject from a neighbouring clause when the
clause has none ("... and agreed to withdraw", "announced the establishment of ...").
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc

from geopol.actors import Phrase
from geopol.clauses import Clause
from geopol.records import MOVEMENT_CATEGORIES

# Noun cues whose "of" phrase is the doer ("withdrawal of US troops"); for the others it is
# the target ("expulsion of diplomats"). "from" names the doer except when leaving a place.
OF_IS_SOURCE = frozenset({"RETREAT", "MOBILIZE", "AID", "CONSULT", "PROTEST", "FIGHT", "COOPERATE"})
FROM_IS_RECIPIENT = frozenset({"RETREAT", "SANCTION"})
RECIPIENT_PREPS = frozenset("to against towards toward with on into from in at over for between".split())
LOCATIVE_PREPS = frozenset({"in", "at", "near"})
GIVING_VERBS = frozenset({"give", "hand", "issue", "serve", "deliver", "send"})
RELATIVE_WORDS = frozenset({"who", "which", "that", "whose"})
POSSESSIVES = frozenset({"its", "their", "his", "her"})
SUBORDINATING = frozenset({"after", "before", "since", "until", "following", "once", "while"})
# Verbs of saying whose object is the speaker's own act ("announced the suspension of").
ANNOUNCING = frozenset({"announce", "declare", "confirm", "unveil", "order"})
NOUN_REACH = 5  # tokens between a noun cue and its "by", "of" or "from" phrase
BETWEEN_REACH = 8


@dataclass(frozen=True)
class Scene:
    """What one cue sees: its span, its clause, the sentence's phrases and clauses."""

    doc: Doc
    start: int
    end: int
    category: str
    nominal: bool
    passive: bool
    clause: Clause
    clauses: list[Clause]
    phrases: list[Phrase]
    next_cue: int  # start of the next verb cue in the clause (the object of this cue ends there)
    next_any_cue: int  # start of the next cue of any kind ("talks between X and Y" comes before it)

    @property
    def left(self) -> list[Phrase]:
        return [p for p in self.phrases if self.clause.start <= p.start and p.end <= self.start]

    @property
    def right(self) -> list[Phrase]:
        """Phrases after the cue start (objects inside a "asked US troops to leave" span
        included), up to the next cue of the clause."""
        stop = min(self.next_cue, self.clause.end)
        return [p for p in self.phrases if self.start < p.start and p.end <= stop and not (p.start < self.end and p.prep)]


def subject_of(left: list[Phrase], infinitive: bool = False, clause_start: int = -1) -> Phrase | None:
    """The clause's subject among the phrases before the cue: the first one not inside a
    prepositional phrase ("after a delegation ... had visited" opens a clause, it is no
    preposition); for "the intention of the delegation to deny", the nearest."""
    coded = [p for p in left if p.coded]
    if infinitive and coded:
        return coded[-1]
    for phrase in left:
        if not phrase.prep or (phrase.prep in SUBORDINATING and phrase.start - clause_start <= 2):
            return phrase
    return left[-1] if left and left[-1].prep not in LOCATIVE_PREPS else None


def first_object(right: list[Phrase], source: Phrase | None = None, scene_category: str = "") -> Phrase | None:
    """The first actor after the cue; a capital after "in" or "near" ("in Niamey" is where,
    not whom) and a possessive ("withdraw its forces") only when there is nothing else."""
    candidates = [p for p in right if p.coded and p.anaphor_text not in POSSESSIVES]
    usable = [p for p in candidates if not (p.capital_only and p.prep in LOCATIVE_PREPS)]
    if source is not None and source.coded and source.actors[0].kind not in ("state", "person"):
        # an organisation's own mission is not its target: "the UN ended MINUSMA in Mali"
        usable = [p for p in usable if not set(p.codes) <= set(source.codes)] or usable
    if scene_category == "PROTEST":
        return next(iter(usable), None)  # "rallied in Niamey": where, not against whom
    return next(iter(usable), None) or next(iter(candidates), None)


def genitive_before(scene: Scene) -> Phrase | None:
    """ "Niger's demands", "US officials' call", "American threats": the owner of a noun cue."""
    left = scene.left
    if not left or left[-1].anaphor_text in POSSESSIVES:
        return None  # "their discussion": too weak a clue to say who talked
    last = left[-1]
    gap = [scene.doc[i].text for i in range(last.end, scene.start)]
    if gap and gap[0] in ("'s", "’s", "'", "’") and len(gap) <= 3:
        return last
    if scene.doc[last.end - 1].text in ("'s", "’s") and len(gap) <= 2:
        return last
    if not gap and last.coded and last.end - last.start == 1:
        return last  # a nationality right before the noun: "American threats"
    return None


def noun_participants(scene: Scene) -> tuple[Phrase | None, Phrase | None]:
    """Doer and target of a noun cue: "Niger's demands that US troops leave", "the withdrawal
    of US troops from Niger", "an ultimatum by the US" given to the clause's subject."""
    near = [p for p in scene.right if p.start - scene.end <= NOUN_REACH]
    source = genitive_before(scene)
    if source is None:
        agent = {"by"} | ({"of"} if scene.category in OF_IS_SOURCE else set())
        if scene.category not in FROM_IS_RECIPIENT:
            agent.add("from")
        source = next((p for p in near if p.prep in agent and p.coded), None)
    rest = [p for p in scene.right if p is not source and p.coded and (source is None or not set(p.codes) <= set(source.codes))]
    recipient = next((p for p in rest if p.prep in RECIPIENT_PREPS), None) or next(iter(rest), None)
    doc = scene.doc
    given = any(
        doc[i].norm_ in GIVING_VERBS and doc[i - 1].norm_ in ("be", "been") for i in range(max(scene.start - 4, 1), scene.start)
    )
    if given and scene.left:
        recipient = subject_of(scene.left) or recipient
    return source, recipient


def borrowed_subject(scene: Scene) -> Phrase | None:
    """A clause with no subject of its own takes one from its neighbours: a coordinated verb
    the subject of the clause before, a reported clause its speaker, a leading participle
    ("Soon after having asked ...,") the main clause's subject, a relative clause its
    antecedent."""
    clause, phrases = scene.clause, scene.phrases
    earlier = [c for c in scene.clauses if c.end <= clause.start]
    later = [c for c in scene.clauses if c.start >= clause.end]
    first_word = scene.doc[clause.start].lower_
    if clause.kind == "complement" and clause.speaker_end >= 0:
        speakers = [p for p in phrases if p.end <= clause.start and p.coded]
        if speakers and speakers[-1].actors[0].sector != "MED":  # a newspaper reports, it does not act
            return speakers[-1]
        return None
    if first_word in RELATIVE_WORDS:
        before = [p for p in phrases if p.end <= clause.start and p.coded]
        return before[-1] if before else None
    if clause.kind == "coord" and earlier:
        found = subject_of(inside(phrases, earlier[-1]), clause_start=earlier[-1].start)
        if found is not None and found.coded:
            return found
    if clause.kind == "sub" and not any(p.coded and p.end <= clause.start for p in phrases):
        for main in (c for c in later if c.kind == "main"):
            found = subject_of(inside(phrases, main), clause_start=main.start)
            if found is not None and found.coded:
                return found  # "Soon after having asked US troops to leave, Tiani held talks"
    if clause.kind in ("coord", "with", "main", "complement"):
        for previous in reversed([c for c in earlier if c.kind not in ("attribution", "sub")]):
            found = subject_of(inside(phrases, previous))
            if found is not None and found.coded:
                return found
    return None


def inside(phrases: list[Phrase], clause: Clause) -> list[Phrase]:
    return [p for p in phrases if clause.start <= p.start and p.end <= clause.end]


def between_phrase(scene: Scene) -> Phrase | None:
    """ "talks between Tiani and Putin": the compound right after a cue."""
    reach = min(scene.next_any_cue, scene.end + BETWEEN_REACH)
    for phrase in scene.right:
        if phrase.start < reach and phrase.prep == "between":
            return phrase
    return None


def speaker_participants(scene: Scene) -> tuple[Phrase | None, Phrase | None]:
    """ "Straw said the Sudanese government must reach an agreement": the speaker demands,
    the subject of "must" is asked."""
    speaker = borrowed_subject(scene) if scene.clause.kind == "complement" else None
    return speaker, subject_of(scene.left, clause_start=scene.clause.start)


def participants(scene: Scene, role: str = "") -> tuple[Phrase | None, Phrase | None]:
    """(source, recipient) phrases of a cue, before host roles and compounds are applied."""
    if role == "speaker":
        return speaker_participants(scene)
    if scene.nominal:
        source, recipient = noun_participants(scene)
        speech = scene.doc[scene.clause.speech].norm_ if scene.clause.speech >= 0 else ""
        if source is None and scene.clause.kind == "complement" and speech in ANNOUNCING:
            source = borrowed_subject(scene)  # "France announced the suspension of its aid"
        return source, recipient
    if scene.passive and scene.category in MOVEMENT_CATEGORIES and not any(p.prep == "by" for p in scene.right):
        moved = subject_of(scene.left)  # "Wagner contractors have been deployed alongside the army"
        if moved is not None and moved.personnel:
            return moved, first_object(scene.right, moved)
    if scene.passive:
        agent = next((p for p in scene.right if p.prep == "by"), None)
        return agent, subject_of(scene.left)
    infinitive = scene.start > scene.clause.start and scene.doc[scene.start - 1].lower_ == "to"
    source = subject_of(scene.left, infinitive, scene.clause.start) or borrowed_subject(scene)
    return source, first_object(scene.right, source, scene.category)
