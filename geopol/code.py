"""The coder: sentence -> PLOVER events (source, recipient, category, mode, quantity).

Reads a sentence's dictionary matches, actor phrases and clauses; adds Event records with the
cue's character offsets. Negated and hypothetical events are dropped; promises and plans become
AGREE (cooperative) or THREATEN (hostile); compound actors stay together in one event.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc

from geopol.actors import ArticleContext, Phrase, group_members, sentence_phrases
from geopol.clauses import Clause, clause_of, segment
from geopol.dictionaries import CueRule
from geopol.nlp import Analysis, Matchers
from geopol.quantity import find_quantity
from geopol.records import COOPERATIVE, Actor, Event

AGREEMENT_WORDS = frozenset(
    ["agreement", "accord", "treaty", "pact", "deal", "cooperation", "tie", "relation", "partnership", "protocol", "arrangement", "contract", "memorandum", "convention", "alliance"]
)
CAPTIVE_WORDS = frozenset(
    ["prisoner", "hostage", "detainee", "captive", "journalist", "national", "soldier", "person", "people", "member", "official", "crew", "sailor", "activist", "leader", "citizen", "worker"]
)
DETERMINERS = frozenset(
    ["the", "a", "an", "its", "their", "his", "her", "our", "this", "these", "those", "such", "'s", "’s", "'", "’", "any", "every", "of", "for", "after", "before", "following", "despite", "amid", "by", "with", "in", "on", "about"]
)
# Noun cues whose "of" phrase is the doer ("withdrawal of US troops"); for the others it is
# the target ("expulsion of diplomats"). "from" names the doer except when leaving a place.
OF_IS_SOURCE = frozenset({"RETREAT", "MOBILIZE", "AID", "CONSULT", "PROTEST", "FIGHT", "COOPERATE"})
FROM_IS_RECIPIENT = frozenset({"RETREAT", "SANCTION"})
GIVING_VERBS = frozenset({"give", "hand", "issue", "serve", "deliver", "send"})
RECIPIENT_PREPS = frozenset(["to", "against", "towards", "toward", "with", "on", "into", "from", "in", "at", "over", "for", "between"])
VERBAL_CONFLICT_KEEP = frozenset({"DEMAND", "DISAPPROVE", "REJECT", "THREATEN"})
MODE_RANK = {"phone": 0, "visit": 0, "multilateral": 1, "third-party": 1, "meet": 2, "": 3}
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
) -> list[Event]:
    """Every event in the sentence doc[start:end]; updates context for the next sentence."""
    doc = analysis.doc
    phrases = sentence_phrases(analysis, start, end, year, context)
    speech = {s for s, e, kind in analysis.modifiers if kind == "speech" and start <= s < end}
    candidates = [c for c in analysis.cues if start <= c.start and c.end <= end]
    clauses = segment(doc, start, end, speech, {c.start for c in candidates})
    cues = accept_cues(doc, analysis, matchers, candidates, phrases, clauses)
    drafts = [draft_event(doc, analysis, cue, clauses, phrases, context) for cue in cues]
    drafts = apply_governors(drafts)
    drafts = [d for d in drafts if not d.dropped and (any(a.code for a in d.sources) or any(a.code for a in d.recipients))]
    drafts = merge_duplicates(borrow_counterparts(drafts))
    subject = drafts[0].sources if drafts else next((p.actors for p in phrases if p.coded and not p.prep), ())
    context.remember(phrases, subject)
    sentence_char = doc[start].idx
    sentence = doc[start:end].text
    return [to_event(doc, d, article_id, sentence_index, sentence, sentence_char) for d in drafts]


def accept_cues(
    doc: Doc, analysis: Analysis, m: Matchers, candidates: list, phrases: list[Phrase], clauses: list[Clause]
) -> list[Cue]:
    """Longest, most literal match first; a rule whose needs fail yields to the next one."""
    ordered = sorted(
        candidates, key=lambda c: (-(c.end - c.start), -m.cue_literals[c.index], not m.cue_rules[c.index].needs, c.index)
    )
    taken: set[int] = set()
    accepted: list[Cue] = []
    for match in ordered:
        span = set(range(match.start, match.end))
        if span & taken:
            continue
        rule = m.cue_rules[match.index]
        clause = clause_of(clauses, match.start)
        if rule.category != "NONE" and not needs_hold(doc, analysis, rule, match.start, match.end, clause, phrases):
            continue
        taken |= span
        if rule.category != "NONE":
            accepted.append(Cue(match.start, match.end, rule, is_nominal(doc, match.start), is_passive(doc, match.start)))
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
        return any(doc[i].norm_ in CAPTIVE_WORDS for i in window) or any(
            p.start < end + 6 and p.actors[0].kind == "person" for p in after
        )
    if rule.needs == "recipient":
        return any(p.coded for p in after)
    return True


def is_nominal(doc: Doc, start: int) -> bool:
    """A noun cue ("the withdrawal", "Zeine's visit") rather than a verb."""
    sent_start = doc[start].sent.start
    before = [doc[i] for i in range(max(sent_start, start - 2), start)]
    if not before:
        return False
    if before[-1].lower_ in DETERMINERS:
        return True
    return (
        len(before) == 2
        and before[0].lower_ in DETERMINERS
        and before[1].is_lower
        and before[1].is_alpha
        and before[0].lower_ not in ("to",)
    )


def is_passive(doc: Doc, start: int) -> bool:
    """ "was hosted", "has been put": a form of be just before a participle."""
    token = doc[start]
    if token.lower_.endswith(("ing", "s")) or token.lower_ == token.norm_:
        return False
    for i in range(start - 1, max(doc[start].sent.start, start - 4) - 1, -1):
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


def subject_of(left: list[Phrase], infinitive: bool) -> Phrase | None:
    """The clause's subject among the phrases before the cue."""
    if infinitive and left:
        return left[-1]
    for phrase in left:
        if not phrase.prep:
            return phrase
    return left[-1] if left and left[-1].prep not in ("in", "at", "near") else None


def fallback_source(clause: Clause, clauses: list[Clause], phrases: list[Phrase]) -> Phrase | None:
    """A clause without a subject borrows one: a coordinated verb its neighbour's subject,
    a reported clause ("announced a suspension") its speaker."""
    if clause.kind == "complement" and clause.speaker_end >= 0:
        speakers = [p for p in phrases if p.end <= clause.start and p.coded]
        return speakers[-1] if speakers else None
    before = [c for c in clauses if c.end <= clause.start]
    if clause.kind == "coord" and before:
        inside = [p for p in phrases if before[-1].start <= p.start and p.end <= before[-1].end]
        found = subject_of(inside, False)
        if found and found.coded:
            return found
    if clause.kind in ("coord", "with", "main", "complement"):
        for earlier in reversed([c for c in clauses if c.end <= clause.start and c.kind not in ("attribution", "sub")]):
            inside = [p for p in phrases if earlier.start <= p.start and p.end <= earlier.end]
            found = subject_of(inside, False)
            if found and found.coded:
                return found
    return None


def draft_event(
    doc: Doc, analysis: Analysis, cue: Cue, clauses: list[Clause], phrases: list[Phrase], context: ArticleContext
) -> Draft:
    clause = clause_of(clauses, cue.start)
    inside = [p for p in phrases if clause.start <= p.start and p.end <= clause.end]
    left = [p for p in inside if p.end <= cue.start]
    right = [p for p in inside if p.start >= cue.end]
    next_cue = min([c for c in cue_starts_in(clause, analysis) if c >= cue.end], default=clause.end)
    between = [
        p
        for p in right
        if p.start < min(next_cue, cue.end + 8)
        and (p.prep == "between" or (p.group >= 0 and any(q.prep == "between" and q.group == p.group for q in right)))
    ]
    source: Phrase | None
    recipient: Phrase | None = None
    if cue.nominal:
        source, recipient = noun_participants(doc, cue, left, right)
        if source is None and not between and not any(c < cue.start for c in cue_starts_in(clause, analysis)):
            source = subject_of(left, False)
    elif cue.passive:
        source = next((p for p in right if p.prep == "by"), None)
        recipient = subject_of(left, False)
    else:
        infinitive = cue.start > clause.start and doc[cue.start - 1].lower_ == "to"
        source = subject_of(left, infinitive) or fallback_source(clause, clauses, phrases)
        recipient = next((p for p in right if p.coded and not p.capital_only), None) or next(iter(right), None)
    if recipient is not None and source is not None and recipient.codes and set(recipient.codes) <= set(source.codes):
        recipient = next((p for p in right if p.coded and not set(p.codes) <= set(source.codes)), recipient)
    if cue.rule.role == "host" and not cue.passive:
        source, recipient = recipient, source
    sources = group_members(phrases, source) if source else ()
    recipients = group_members(phrases, recipient) if recipient else ()
    symmetric = False
    if between:
        members = group_members(phrases, between[0])
        inside_pair = {a.code for a in sources + recipients} <= {a.code for a in members}
        if not sources or (inside_pair and not recipients):
            sources, recipients, symmetric = members, (), True
        elif not inside_pair:
            recipients = members
    if len(sources) > 1 and not recipients:
        symmetric = True
    personnel = [s for s, _, role in analysis.roles if role.personnel]
    quantity, unit = find_quantity(doc, personnel, clause.start, clause.end, cue.start)
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


def noun_participants(doc: Doc, cue: Cue, left: list[Phrase], right: list[Phrase]) -> tuple[Phrase | None, Phrase | None]:
    """Doer and target of a noun cue: "Niger's demands that US troops leave", "the withdrawal
    of US troops from Niger", "an ultimatum by the US" given to the clause's subject."""
    category = cue.rule.category
    near = [p for p in right if p.start - cue.end <= 5]
    source = genitive_before(doc, left, cue)
    if source is None:
        agent_preps = (
            {"by"} | ({"of"} if category in OF_IS_SOURCE else set()) | (set() if category in FROM_IS_RECIPIENT else {"from"})
        )
        source = next((p for p in near if p.prep in agent_preps and p.coded), None)
    rest = [p for p in right if p is not source and p.coded and (source is None or not set(p.codes) <= set(source.codes))]
    recipient = next((p for p in rest if p.prep in RECIPIENT_PREPS), None) or next(iter(rest), None)
    given = any(
        doc[i].norm_ in GIVING_VERBS and doc[i - 1].norm_ in ("be", "been") for i in range(max(cue.start - 4, 1), cue.start)
    )
    if given and left:
        recipient = subject_of(left, False) or recipient
    return source, recipient


def cue_starts_in(clause: Clause, analysis: Analysis) -> list[int]:
    return [c.start for c in analysis.cues if clause.start <= c.start < clause.end]


def genitive_before(doc: Doc, left: list[Phrase], cue: Cue) -> Phrase | None:
    """ "Niger's demands", "Zeine's visit": the phrase owning a noun cue."""
    if not left:
        return None
    last = left[-1]
    gap = [doc[i] for i in range(last.end, cue.start)]
    if gap and gap[0].text in ("'s", "’s", "'", "’") and len(gap) <= 3:
        return last
    if doc[last.end - 1].text in ("'s", "’s") and len(gap) <= 2:
        return last
    return None


def apply_modifiers(doc: Doc, analysis: Analysis, draft: Draft) -> None:
    """Negation and hypotheticals drop the event; future turns it into a promise or threat."""
    cue, clause = draft.cue, draft.clause
    kinds = {
        kind for s, e, kind in analysis.modifiers if clause.start <= s and e <= cue.start and cue.start - e <= MODIFIER_REACH
    }
    if "negation" in kinds or "hypothetical" in kinds:
        draft.dropped = True
    elif "future" in kinds:
        promise(draft)
        if any(kind == "condition" and s > cue.start for s, _, kind in analysis.modifiers if s < doc[cue.start].sent.end):
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


def apply_governors(drafts: list[Draft]) -> list[Draft]:
    """ "threatened to ban": the governing cue absorbs its complement; "agreed to strengthen":
    the promise makes its complement an AGREE; noun cues inside a verb's object are absorbed."""
    by_clause: dict[tuple[int, int], list[Draft]] = {}
    for draft in drafts:
        by_clause.setdefault((draft.clause.start, draft.clause.end), []).append(draft)
    for members in by_clause.values():
        governor: Draft | None = None
        for draft in members:
            if governor is not None and not draft.dropped:
                if governor.cue.rule.governs == "absorb":
                    draft.dropped = True
                    fill_missing(governor, draft)
                    continue
                if governor.cue.rule.governs == "intent" and draft.category != "AGREE":
                    governor.dropped = True
                    fill_missing(draft, governor)
                    promise(draft, governor.mode)
                    continue
            elif any(d.category == draft.category and not d.dropped for d in members if d.cue.start < draft.cue.start):
                draft.dropped = True  # "held talks with Raeisi to discuss": one meeting
                continue
            elif draft.cue.nominal and not draft.sources and any(not d.dropped for d in members if d.cue.start < draft.cue.start):
                draft.dropped = True  # a noun inside another cue's object: "suspended ... cooperation"
                continue
            if draft.cue.rule.governs and not draft.dropped:
                governor = draft
    return drafts


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
        if not codes or (draft.recipients and not {a.code for a in draft.recipients} <= codes) or draft.symmetric:
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


def to_event(doc: Doc, draft: Draft, article_id: str, sentence_index: int, sentence: str, sentence_char: int) -> Event:
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
