"""The coder: sentence -> PLOVER events (source, recipient, category, mode, quantity).

Reads a sentence's dictionary matches, actor phrases and clauses; adds Event records with the
cue's character offsets. Negated and hypothetical events are dropped; promises and plans become
AGREE (cooperative) or THREATEN (hostile); compound actors stay together in one event.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from spacy.tokens import Doc

from geopol.actors import ArticleContext, Phrase, group_members, sentence_phrases
from geopol.clauses import Clause, clause_of, segment
from geopol.dictionaries import CueRule
from geopol.nlp import Analysis, Matchers, sentence_end, sentence_start
from geopol.participants import Scene, between_phrase, participants
from geopol.quantity import find_quantity
from geopol.records import COOPERATIVE, Actor, Event

AGREEMENT_WORDS = frozenset(
    "agreement accord treaty pact deal cooperation tie relation partnership protocol arrangement "
    "contract memorandum convention alliance".split()
)
CAPTIVE_WORDS = frozenset(
    "prisoner hostage detainee captive journalist national soldier person people member official "
    "crew sailor activist leader citizen worker".split()
)
DETERMINERS = frozenset(
    "the a an its their his her our this these those such 's ’s ' ’ any every of for after before "
    "following despite amid by with in on about against over from under at into".split()
)
# A gerund after these is a verb ("in quitting the G5", "after having asked"), not a noun.
VERB_PREPOSITIONS = frozenset({"in", "after", "before", "by", "on", "upon", "while", "since", "without"})
# Clauses that open with these tell what happened before or after the main event.
TEMPORAL_WORDS = frozenset({"after", "following", "before", "since", "until", "once"})
VERBAL_CONFLICT_KEEP = frozenset({"DEMAND", "DISAPPROVE", "REJECT", "THREATEN"})
# Events whose number of people is part of what happened: troops sent, withdrawn, promised.
COUNTED = frozenset({"AID", "RETREAT", "MOBILIZE", "CONCEDE", "AGREE", "DEMAND", "THREATEN"})
STATE_SECTORS = frozenset({"MIL", "GOV", "COP"})
# Compound actors with no recipient act together ("Niger and Russia agreed"); in hostile
# events they act side by side ("Mali, Niger and Burkina Faso are battling insurgencies").
SYMMETRIC = frozenset({"CONSULT", "AGREE", "COOPERATE", "SUPPORT", "CONCEDE"})
MODE_RANK = {"phone": 0, "visit": 0, "multilateral": 1, "third-party": 1, "meet": 2, "": 3}
INTENT_REACH = 4  # "agreed to strengthen", "pledged to continue military aid"; not a relative clause
MODIFIER_REACH = 3  # tokens between a modifier ("will", "not") and the cue it changes


@dataclass(frozen=True)
class Cue:
    start: int
    end: int
    rule: CueRule
    nominal: bool
    passive: bool


@dataclass
class Draft:
    """An event under construction inside one sentence."""

    cue: Cue
    clause: Clause
    category: str
    sources: tuple[Actor, ...]
    recipients: tuple[Actor, ...]
    symmetric: bool
    mode: str
    context: str
    tense: str = ""
    dropped: bool = False
    quantity: int | None = None
    unit: str = ""


def code_sentence(
    analysis: Analysis,
    matchers: Matchers,
    start: int,
    end: int,
    year: int | None,
    context: ArticleContext,
    article_id: str,
    sentence_index: int,
    place_countries: tuple[tuple[int, str], ...] = (),
) -> list[Event]:
    """Every event in the sentence doc[start:end]; updates context for the next sentence.
    place_countries: (token index, country code) of the places the sentence names."""
    doc = analysis.doc
    phrases = sentence_phrases(analysis, start, end, year, context)
    speech = {s for s, e, kind in analysis.modifiers if kind == "speech" and start <= s < end}
    candidates = [c for c in analysis.cues if start <= c.start and c.end <= end]
    clauses = segment(doc, start, end, speech, {c.start for c in candidates})
    phrases = localize_generics(phrases, clauses, place_countries)
    cues = accept_cues(doc, analysis, matchers, candidates, phrases, clauses)
    drafts = [draft_event(doc, analysis, cue, cues, clauses, phrases) for cue in cues]
    drafts = apply_governors(drafts, doc)
    drafts = [d for d in drafts if not d.dropped and (any(a.code for a in d.sources) or any(a.code for a in d.recipients))]
    drafts = merge_duplicates(borrow_counterparts(drafts))
    subject = drafts[0].sources if drafts else next((p.actors for p in phrases if p.coded and not p.prep), ())
    context.remember(phrases, subject)
    sentence_char = doc[start].idx
    sentence = doc[start:end].text
    return [to_event(doc, d, clauses, article_id, sentence_index, sentence, sentence_char) for d in drafts]


def localize_generics(phrases: list[Phrase], clauses: list[Clause], places: tuple[tuple[int, str], ...]) -> list[Phrase]:
    """ "Jihadists attacked an army post near Ménaka": an army, police or government named
    without a nationality belongs to the country of the place its clause names."""
    out = []
    for phrase in phrases:
        actor = phrase.actors[0]
        if not phrase.coded and actor.sector in STATE_SECTORS:
            clause = clause_of(clauses, phrase.start)
            countries = {code for token, code in places if clause.start <= token < clause.end and code}
            if len(countries) == 1:
                phrase = replace(phrase, actors=(replace(actor, code=countries.pop(), kind="state"),))
        out.append(phrase)
    return out


def accept_cues(
    doc: Doc, analysis: Analysis, m: Matchers, candidates: list, phrases: list[Phrase], clauses: list[Clause]
) -> list[Cue]:
    """Longest, most literal match first; a rule whose needs fail yields to the next one."""
    ordered = sorted(
        candidates, key=lambda c: (-(c.end - c.start), -m.cue_literals[c.index], not m.cue_rules[c.index].needs, c.index)
    )
    taken: set[int] = set()
    accepted: list[Cue] = []
    in_phrases = {i for p in phrases if p.coded for i in range(p.start, p.end)}
    for match in ordered:
        span = set(range(match.start, match.end))
        if span & taken:
            continue
        rule = m.cue_rules[match.index]
        clause = clause_of(clauses, match.start)
        nominal = is_nominal(doc, match.start, in_phrases) or any(p.adjectival and p.end == match.start for p in phrases)
        if rule.category != "NONE" and not needs_hold(doc, analysis, rule, match.start, match.end, clause, phrases):
            continue
        if (rule.needs == "verb" and nominal) or (rule.needs == "noun" and not nominal):
            continue
        taken |= span
        if rule.category != "NONE":
            accepted.append(Cue(match.start, match.end, rule, nominal, is_passive(doc, match.start)))
    return sorted(accepted, key=lambda c: c.start)


def needs_hold(doc: Doc, analysis: Analysis, rule: CueRule, start: int, end: int, clause: Clause, phrases: list[Phrase]) -> bool:
    after = [p for p in phrases if p.start >= end and p.end <= clause.end]
    window = range(end, min(end + 6, clause.end))
    if rule.needs == "personnel":
        reach = range(clause.start, min(clause.end, end + 8))
        return any(role.personnel and s in reach for s, _, role in analysis.roles)
    if rule.needs == "igo":
        return bool(after) and after[0].actors[0].kind == "igo"
    if rule.needs == "agreement":
        return any(doc[i].norm_ in AGREEMENT_WORDS for i in window)
    if rule.needs == "captive":
        roles = {s for s, _, _ in analysis.roles}
        return any(doc[i].norm_ in CAPTIVE_WORDS or i in roles for i in window) or any(
            p.start < end + 6 and p.actors[0].kind == "person" for p in after
        )
    if rule.needs == "recipient":
        return any(p.coded for p in after)
    if rule.needs == "adjacent":
        return any(p.coded and p.start - end <= 1 for p in after)
    return True


def is_nominal(doc: Doc, start: int, in_phrases: set[int] = frozenset()) -> bool:  # type: ignore[assignment]
    """A noun cue ("the withdrawal", "Zeine's visit") rather than a verb."""
    sent_start = sentence_start(doc, start)
    before = [doc[i] for i in range(max(sent_start, start - 3), start)]
    if not before:
        return False
    if before[-1].lower_ in DETERMINERS:
        # "in quitting the G5", "after having asked": a gerund after a preposition is a verb
        return not (doc[start].lower_.endswith("ing") and before[-1].lower_ in VERB_PREPOSITIONS)
    # "the first official visit": a determiner, then only adjectives ("Mali's junta ordered":
    # the words between name an actor, so the cue is its verb)
    for k in range(len(before) - 1, -1, -1):
        if before[k].lower_ in DETERMINERS:
            return not any(t.i in in_phrases for t in before[k + 1 :]) and all(
                t.is_lower
                and t.is_alpha
                and not t.lower_.endswith(("ed", "s", "ing"))
                and t.lower_ not in ("that", "which", "who")
                for t in before[k + 1 :]
            )
    return False


def is_passive(doc: Doc, start: int) -> bool:
    """ "was hosted", "has been put": a form of be just before a participle."""
    token = doc[start]
    if token.lower_.endswith(("ing", "s")) or token.lower_ == token.norm_:
        return False
    for i in range(start - 1, max(sentence_start(doc, start), start - 4) - 1, -1):
        if doc[i].norm_ in ("be", "get"):
            return True
        if doc[i].lower_ not in (
            "also",
            "reportedly",
            "then",
            "now",
            "already",
            "recently",
            "later",
            "being",
            "been",
            "allegedly",
        ):
            return False
    return False


def draft_event(
    doc: Doc, analysis: Analysis, cue: Cue, accepted: list[Cue], clauses: list[Clause], phrases: list[Phrase]
) -> Draft:
    clause = clause_of(clauses, cue.start)
    later = [c for c in accepted if cue.end <= c.start < clause.end and not (c.nominal and of_phrase(doc, cue, c))]
    next_verb = min((c.start for c in later if not c.nominal), default=clause.end)
    scene = Scene(
        doc,
        cue.start,
        cue.end,
        cue.rule.category,
        cue.nominal,
        cue.passive,
        clause,
        clauses,
        phrases,
        next_verb,
        min((c.start for c in later), default=clause.end),
    )
    source, recipient = participants(scene, cue.rule.role)
    if cue.rule.role == "host":
        source, recipient = recipient, source  # "Tiani hosted the delegation": the visitor acts
    sources = group_members(phrases, source) if source else ()
    recipients = group_members(phrases, recipient) if recipient else ()
    pair = between_phrase(scene) if recipient is None or recipient.prep == "between" else None
    if pair is not None:
        members = group_members(phrases, pair)
        if not sources or {a.code for a in sources} <= {a.code for a in members}:
            sources, recipients = members, ()  # "talks between Tiani and Putin"
        else:
            recipients = members  # "mediation between the Emirates and Saudi Arabia"
    if recipients and {a.code for a in recipients} <= {a.code for a in sources} and len(sources) > 1:
        recipients = ()  # "Niger, Mali and Burkina Faso ... between the three nations"
    personnel = [s for s, _, role in analysis.roles if role.personnel]
    counted = cue.rule.category in COUNTED or cue.rule.governs in ("intent", "absorb")
    quantity, unit = find_quantity(doc, personnel, clause.start, clause.end, cue.start) if counted else (None, "")
    together = pair is not None or cue.rule.category in SYMMETRIC or doc[cue.start].norm_ == "clash"
    symmetric = len(sources) > 1 and not recipients and together
    draft = Draft(
        cue,
        clause,
        cue.rule.category,
        sources,
        recipients,
        symmetric,
        cue.rule.mode,
        cue.rule.context,
        quantity=quantity,
        unit=unit,
    )
    apply_modifiers(doc, analysis, draft)
    return draft


def apply_modifiers(doc: Doc, analysis: Analysis, draft: Draft) -> None:
    """Negation and hypotheticals drop the event; future turns it into a promise or threat."""
    cue, clause = draft.cue, draft.clause
    kinds = {
        kind for s, e, kind in analysis.modifiers if clause.start <= s and e <= cue.start and cue.start - e <= MODIFIER_REACH
    }
    conditional = doc[clause.start].lower_ in ("if", "whether", "unless")  # "if talks fail, Niger could ..."
    if "negation" in kinds or "hypothetical" in kinds or conditional:
        draft.dropped = True
    elif "future" in kinds:
        promise(draft)
        if any(kind == "condition" and s > cue.start for s, _, kind in analysis.modifiers if s < sentence_end(doc, cue.start)):
            draft.category = "THREATEN"
    elif "attempt" in kinds:
        draft.tense = "attempt"


def promise(draft: Draft, mode: str = "") -> None:
    """A promised or planned event: cooperative -> AGREE, hostile -> THREATEN."""
    draft.tense = "future"
    if draft.category in VERBAL_CONFLICT_KEEP:
        return
    draft.category = "AGREE" if draft.category in COOPERATIVE else "THREATEN"
    if mode:
        draft.mode = mode


def apply_governors(drafts: list[Draft], doc: Doc) -> list[Draft]:
    """ "threatened to ban": the governing cue absorbs its complement; "agreed to strengthen":
    the promise makes its complement an AGREE; a second cue of the same category elaborates
    the first ("held talks with Raeisi to discuss"); a noun in another cue's "of" phrase
    belongs to it ("the termination of military cooperation")."""
    by_clause: dict[tuple[int, int], list[Draft]] = {}
    for draft in drafts:
        by_clause.setdefault((draft.clause.start, draft.clause.end), []).append(draft)
    carried: Draft | None = None
    for members in sorted(by_clause.values(), key=lambda ds: ds[0].clause.start):
        first = members[0].clause
        continues = first.kind == "coord" and doc[first.start + 1].lower_ == "to"  # "readiness to X and to Y"
        governor = carried if continues else None
        for draft in members:
            earlier = [d for d in members if d.cue.start < draft.cue.start and not d.dropped]
            if governor is not None and governor.cue.rule.governs == "absorb":
                draft.dropped = True
                fill_missing(governor, draft)
                if draft.category == governor.category and MODE_RANK.get(draft.mode, 2) < MODE_RANK.get(governor.mode, 2):
                    governor.mode = draft.mode  # "discussed ... over a phone call"
            elif (
                governor is not None
                and governor.cue.rule.governs == "intent"
                and draft.category != "AGREE"
                and draft.cue.start - governor.cue.end <= INTENT_REACH
            ):
                governor.dropped = True
                fill_missing(draft, governor)
                promise(draft, governor.mode)
            elif governor is not None and governor.cue.rule.governs == "act" and not governor.dropped:
                governor.dropped = True  # "ordered the suspension of French broadcasters": a suspension
                draft.sources = governor.sources or draft.sources
                fill_missing(draft, governor)
            elif same := next((d for d in earlier if d.category == draft.category), None):
                draft.dropped = True
                fill_missing(same, draft)
                if MODE_RANK.get(draft.mode, 2) < MODE_RANK.get(same.mode, 2):
                    same.mode = draft.mode  # "discussed ... over a phone call"
            elif draft.cue.nominal and earlier and (not draft.sources or of_phrase(doc, earlier[-1].cue, draft.cue)):
                draft.dropped = True
            if draft.cue.rule.governs and not draft.dropped:
                governor = draft
        carried = governor
    return drafts


def of_phrase(doc: Doc, before: Cue, cue: Cue) -> bool:
    """Is cue inside the "of" phrase of the cue before it?"""
    gap = [doc[i].lower_ for i in range(before.end, cue.start)]
    return "of" in gap and len(gap) <= 3


def fill_missing(keeper: Draft, other: Draft) -> None:
    if not keeper.recipients and other.recipients and other.recipients != keeper.sources:
        keeper.recipients = other.recipients
    if not keeper.sources and other.sources:
        keeper.sources, keeper.symmetric = other.sources, other.symmetric
    if keeper.quantity is None and other.quantity is not None:
        keeper.quantity, keeper.unit = other.quantity, other.unit
    if not keeper.context:
        keeper.context = other.context


def borrow_counterparts(drafts: list[Draft]) -> list[Draft]:
    """ "acted on Niger's demands ... and agreed to withdraw its forces": an event with no other
    party takes the other side of the sentence's earlier event involving its source."""
    for i, draft in enumerate(drafts):
        codes = {a.code for a in draft.sources}
        if not codes or draft.recipients or draft.symmetric:
            continue
        for earlier in reversed(drafts[:i]):
            sides = [earlier.sources, earlier.recipients]
            for mine, other in (sides, sides[::-1]):
                if codes & {a.code for a in mine} and other and not {a.code for a in other} & codes:
                    draft.recipients = other
                    break
            else:
                continue
            break
    return drafts


def merge_duplicates(drafts: list[Draft]) -> list[Draft]:
    """One event per category and dyad in a sentence; the most specific mode wins."""
    kept: dict[tuple, Draft] = {}
    for draft in drafts:
        key = (draft.category, frozenset(a.code for a in draft.sources), frozenset(a.code for a in draft.recipients))
        if key in kept:
            first = kept[key]
            if MODE_RANK.get(draft.mode, 2) < MODE_RANK.get(first.mode, 2):
                first.mode = draft.mode
            fill_missing(first, draft)
        else:
            kept[key] = draft
    return list(kept.values())


def date_spans(doc: Doc, draft: Draft, clauses: list[Clause], sentence_char: int) -> tuple[tuple[int, int], ...]:
    """Where else in the sentence a date may be read for this event: not from a clause that
    happened before or after it ("Following Zeine's visit in January, they agreed ...")."""
    if is_background(doc, draft.clause):
        return ()
    return tuple(
        (doc[c.start].idx - sentence_char, doc[c.end - 1].idx + len(doc[c.end - 1]) - sentence_char)
        for c in clauses
        if c != draft.clause and not is_background(doc, c)
    )


def is_background(doc: Doc, clause: Clause) -> bool:
    words = {doc[i].lower_ for i in range(clause.start, min(clause.start + 3, clause.end))}
    return bool(words & TEMPORAL_WORDS)


def to_event(
    doc: Doc, draft: Draft, clauses: list[Clause], article_id: str, sentence_index: int, sentence: str, sentence_char: int
) -> Event:
    cue, clause = draft.cue, draft.clause
    end_token = doc[cue.end - 1]
    clause_last = doc[clause.end - 1]
    return Event(
        article_id=article_id,
        sentence_index=sentence_index,
        sentence=sentence,
        sentence_start=sentence_char,
        cue_start=doc[cue.start].idx - sentence_char,
        cue_end=end_token.idx + len(end_token.text) - sentence_char,
        clause_start=doc[clause.start].idx - sentence_char,
        clause_end=min(len(sentence), clause_last.idx + len(clause_last.text) - sentence_char),
        date_spans=date_spans(doc, draft, clauses, sentence_char),
        category=draft.category,
        sources=tuple(a for a in draft.sources if a.code),
        recipients=tuple(a for a in draft.recipients if a.code),
        symmetric=draft.symmetric,
        mode=draft.mode,
        context=draft.context,
        tense=draft.tense,
        quantity=draft.quantity,
        quantity_unit=draft.unit if draft.quantity is not None else "",
    )
