"""The coder: one parsed sentence -> PLOVER events, read on its dependency tree.

Reads a sentence parsed by the trained model, its dictionary matches and the article context;
adds Event records with the cue's character offsets. A cue (data/cues.csv) is anchored on the
word of its match that heads the others; the source is that word's subject (or the agent of a
passive, the owner of a noun: "Niger's decision", "the withdrawal of French troops"), the
recipient the argument its frame names (an object, or an oblique: "sanctions on Y", "met
with Y", "withdrew from Y"). Negation, modality and conditions come from the cue's own
dependents and the verbs above it; one cue governs another below it ("threatened to impose
sanctions" is one threat; "agreed to strengthen ties" a promise). Third parties ("brokered by
China") sit outside the cue's arguments and never become recipients.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass, field, replace

from spacy.tokens import Doc, Token

from geopol import syntax
from geopol.actors import (
    ENVOYS,
    GO_BETWEENS,
    JUNTA,
    REPORTING_SECTORS,
    STATE_SECTORS,
    WEAPONS,
    ArticleContext,
    SentenceActors,
    actor_kind,
    definite,
    is_junta,
)
from geopol.dictionaries import ActorEntry, CueRule
from geopol.nlp import BORDERS, SAYING, TIED, Analysis, Matchers, regular_singular
from geopol.quantity import find_quantity
from geopol.records import CATEGORIES, COOPERATIVE, MATERIAL, Actor, Event

# Where a category's recipient usually stands when its cue row names nothing: a direct
# object ("obj"), an indirect one ("iobj"), the subject of the clause it governs ("comp"),
# or a preposition. The first argument found wins.
DEFAULT_RECIPIENT: dict[str, tuple[str, ...]] = {
    "AGREE": ("with", "obj", "to", "iobj"),
    "CONSULT": ("obj", "with", "to"),
    "SUPPORT": ("obj", "to", "with", "for", "in"),
    "CONCEDE": ("to", "obj", "for"),
    "COOPERATE": ("with", "obj", "to"),
    "AID": ("iobj", "to", "obj", "for"),
    "RETREAT": ("from", "out", "obj"),
    "INVESTIGATE": ("obj", "into"),
    "DEMAND": ("obj", "comp", "of", "from"),
    "DISAPPROVE": ("obj", "over", "for", "against", "about", "of", "in"),
    "REJECT": ("obj", "from", "by"),
    "THREATEN": ("obj", "against", "with", "on"),
    "SANCTION": ("obj", "on", "against", "with", "from", "to", "in"),
    "PROTEST": ("against", "obj", "over", "outside"),
    "MOBILIZE": ("to", "into", "in", "obj", "against"),
    "COERCE": ("obj", "on", "against", "in"),
    "ASSAULT": ("obj", "on", "against"),
    "FIGHT": ("with", "against", "obj"),
    "CRIME": ("obj", "from"),
}
# Noun cues whose "of" phrase is the doer ("the withdrawal of US troops"); for the others it
# is the target ("the expulsion of diplomats").
OF_IS_SOURCE = frozenset({"RETREAT", "MOBILIZE", "AID", "CONSULT", "PROTEST", "FIGHT", "COOPERATE", "AGREE", "SUPPORT"})
# Verbs whose subject suffers or receives what the noun after them says ("faced sanctions").
UNDERGOING = frozenset(
    "face suffer receive undergo endure escape survive fear risk avoid avert prevent resist condemn welcome "
    "reject criticize criticise denounce protest oppose support back deny investigate fear report confirm "
    "say tell speak talk comment write describe mention recall add "
    # what a treaty, law or meeting is about: "the treaty covers attacks on its ships"
    "cover include involve concern discuss address ban prohibit forbid deter".split()
)
# Compound actors with no recipient act together ("Niger and Russia agreed").
SYMMETRIC = frozenset({"CONSULT", "AGREE", "COOPERATE", "SUPPORT", "CONCEDE", "FIGHT"})
VIOLENT = frozenset({"ASSAULT", "FIGHT"})
ARMED_SECTORS = frozenset({"MIL", "REB", "PKO"})
UNDIRECTED = frozenset({"PROTEST", "CRIME"})  # a protest or a crime need not be aimed at a state
# Acts a story about one country leaves aimed at it when it names no recipient ("called for an inquiry").
FOCUS_CATEGORIES = frozenset({"SANCTION", "AID", "RETREAT", "MOBILIZE", "THREATEN", "DEMAND"})
VERBAL_CONFLICT_KEEP = frozenset({"DEMAND", "DISAPPROVE", "REJECT", "THREATEN"})
COUNTED = frozenset({"AID", "RETREAT", "MOBILIZE", "CONCEDE", "AGREE", "DEMAND", "THREATEN", "ASSAULT", "FIGHT"})
MEASURES = frozenset(
    "package tonne ton shipment consignment batch amount worth million billion "
    "dozen hundred thousand score series wave string number round spate".split()  # "dozens of strikes"
)
MODE_RANK = {"phone": 0, "visit": 0, "multilateral": 1, "third-party": 1, "meet": 2, "": 3}
# Edges along which a cue completes the cue above it ("threatened [to ban]", "the end of
# [cooperation]"); relative and adverbial clauses, conjuncts and appositions tell other events.
COMPLEMENT_EDGES = frozenset({"xcomp", "ccomp", "obj", "obl", "nmod", "acl", "compound", "nsubj:pass", "amod", "advcl"})
LOCATIVE_PREPS = frozenset({"in", "at", "near", "outside", "inside", "around"})
# Events whose place names their target: "deployed troops in Bamako", "attacks near Sikasso".
TARGET_IS_PLACE = frozenset({"MOBILIZE", "AID", "ASSAULT", "FIGHT", "COERCE"})
CUE_REACH = 4  # tree edges from a cue's words to its anchor ("signed a defence and economic cooperation agreement")
# Prepositions through which a topic word leads to the actor it concerns.
TOPIC_PREPS = ("of", "in", "on", "by", "against", "for", "with", "between", "out", "to", "including")
CONDITIONAL_MARKS = frozenset({"if", "unless", "whether", "lest"})  # the event of such a clause may not happen
BACKGROUND_MARKS = frozenset({"after", "before", "since", "until", "following", "once", "as"})
AGREEMENT_WORDS = frozenset(
    "agreement accord treaty pact deal cooperation tie relation partnership protocol arrangement "
    "contract memorandum convention alliance charter".split()
)
CAPTIVE_WORDS = frozenset(
    "prisoner hostage detainee captive journalist national soldier person people member official "
    "crew sailor activist leader citizen worker man woman villager civilian resident".split()
)
# Categories in which forces move: troops "were deployed" or "were withdrawn" by their own side
MOVES = frozenset({"AID", "MOBILIZE", "RETREAT"})
THIRD_PARTY_VERBS = GO_BETWEENS
# What armed force strikes: "warplanes hit targets", "struck militant positions"
MILITARY_TARGET_WORDS = frozenset(
    "target position base camp depot stronghold hideout convoy outpost facility installation "
    "launcher site checkpoint barrack headquarters".split()
)
# Moves and new bodies whose "to ..." names what they are for
PURPOSE_HOSTS = frozenset(
    "send deploy dispatch form create establish set build train recruit mobilize mobilise station arrive land".split()
)
# Acts that other states follow ("Niger followed suit"); answers such as rejections are not
FOLLOWED = frozenset({"SANCTION", "SUPPORT", "RETREAT", "DISAPPROVE"})
PENALTIES = frozenset({"sanction", "tariff", "embargo", "blacklist"})
EXERCISE_WORDS = frozenset("drill exercise manoeuvre maneuver war_games".split())
WEAPON_WORDS = frozenset("missile rocket shell artillery bomb mortar drone warplane jet".split())  # "Russian missiles hit ..."


@dataclass(frozen=True)
class Cue:
    start: int
    end: int
    rule: CueRule
    anchor: Token
    words: frozenset[int]  # the tokens that matched the cue's literal words


@dataclass
class Draft:
    """An event under construction inside one sentence."""

    cue: Cue
    category: str
    sources: tuple[Actor, ...]
    recipients: tuple[Actor, ...]
    source_word: Token | None
    symmetric: bool
    mode: str
    context: str
    tense: str = ""
    dropped: bool = False
    quantity: int | None = None
    unit: str = ""
    predicate: Token | None = None
    recipient_word: Token | None = None


@dataclass
class Scene:
    """One sentence being coded: its tree, its matches, its actors."""

    doc: Doc
    analysis: Analysis
    matchers: Matchers
    actors: SentenceActors
    cues: list[Cue] = field(default_factory=list)
    category: str = ""  # of the cue whose participants are being read
    struck_countries: dict[int, str] = field(default_factory=dict)  # token -> country of a city struck or taken


def code_sentence(
    doc: Doc,
    analysis: Analysis,
    matchers: Matchers,
    context: ArticleContext,
    year: int | None,
    article_id: str,
    sentence_index: int,
    sentence_char: int,
    place_countries: dict[int, str] | None = None,
    first_token: int = 0,
    struck_countries: dict[int, str] | None = None,
) -> list[Event]:
    """Every event in one parsed sentence (doc); updates context for the next sentence.
    place_countries: token index -> country code of the places the sentence names as where
    something is; struck_countries: the same for cities named as what an act struck or took."""
    actors = SentenceActors(doc, analysis, context, year, first_token, place_countries or {})
    scene = Scene(doc, analysis, matchers, actors, struck_countries=struck_countries or {})
    scene.cues = accept_cues(scene)
    drafts = [draft_event(scene, cue) for cue in scene.cues]
    merge_settings(drafts)
    merge_instruments(scene, drafts)
    for draft in drafts:
        draft.dropped = draft.dropped or names_a_body(draft)
        step_taker(scene, draft)
        document_issuer(scene, draft)
        helper_gives(scene, draft)
    govern(scene, drafts)
    drafts = [
        d
        for d in drafts
        if not d.dropped
        and not is_reference(scene, d)
        and not thing_as_doer(scene, d)
        and not asked_of_others(scene, d)
        and not ongoing(d)
        and not described(d)
        and not warned_of_need(scene, d)
        and not restated_claim(d)
        and not domestic_refusal(scene, d)
        and not commentary(scene, d)
    ]
    drafts += followed_suit(scene, drafts)
    also_aimed(scene, drafts)
    blamed_attackers(drafts)
    for draft in drafts:
        share_conjunct_recipients(scene, draft, drafts)  # after the acts before it took their defaults
        combat(draft)
        ordered_out(draft)
        official_protest(draft)
        threat_target(scene, draft)
        retaliation_target(scene, draft)
        claimed_attack_target(scene, draft)
        warned_deed(scene, draft)
        called_a_threat(scene, draft)
        refused_promise(scene, draft)
        fought_alongside(scene, draft)
        joined_doers(scene, draft)
        sent_to_help(scene, draft)
        sent_to_press(scene, draft)
        fill_defaults(scene, draft)
        held_people(draft)
        unnamed_expeller(scene, draft)
        lifted_sanctions(scene, draft)
        deal_partner(scene, draft)
        told_party(scene, draft)
        fill_focus(scene, draft, draft.recipient_word)
    for draft in drafts:
        own_side_conjunct(scene, draft)
    drafts = [d for d in rioting(drafts) if keep(d)]
    drafts = fold_doer_nouns(drafts)
    borrow_counterparts(scene, drafts)
    drafts = hosted_visits(scene, drafts)
    drafts = each_to_the_other(scene, split_visits(drop_partial(merge_duplicates(drafts))))
    answer_appended_claim(scene, drafts)
    answer_claims(scene, drafts)
    drafts = [d for d in drafts if not lone_aside(scene, d) and not standing_denial(d)]
    remember(scene, drafts)
    return [to_event(doc, d, article_id, sentence_index, sentence_char) for d in drafts]


# -- cues ----------------------------------------------------------------------------------


def accept_cues(scene: Scene) -> list[Cue]:
    """Longest, most literal match first; a row whose part of speech or needs fail yields to
    the next one; a blocking row (category NONE) takes its words out of play."""
    m, doc = scene.matchers, scene.doc
    ordered = sorted(scene.analysis.cues, key=lambda c: (-(c.end - c.start), -m.cue_literals[c.index], c.index))
    taken: set[int] = set()
    accepted: list[Cue] = []
    for match in ordered:
        span = set(range(match.start, match.end))
        if span & taken:
            continue
        rule = m.cue_rules[match.index]
        words = m.cue_words[match.index]
        literal = [doc[i] for i in range(match.start, match.end) if doc[i].lemma_ in words or doc[i].lower_ in words]
        if len(literal) > 1 and literal[0].dep_ in ("aux", "aux:pass") and rule.category != "NONE":
            continue  # "has threatened to stop talks": an auxiliary "have" holds no talks
        anchor = anchor_of(literal)
        if anchor is None or not pos_fits(rule.pos, anchor):
            continue
        cue = Cue(match.start, match.end, rule, anchor, frozenset(t.i for t in literal))
        if rule.category == "NONE" and spans_subject(anchor, literal):
            continue  # "ministers meeting in Cairo demanded ...": no "meet the demands"
        if rule.category != "NONE" and (not needs_hold(scene, cue) or hosts_no_guests(scene, cue) or misread(cue)):
            continue
        if rule.category == "THREATEN" and warns_of_a_thing(scene, cue):
            continue
        taken |= span
        if rule.category != "NONE":
            accepted.append(cue)
    return sorted(accepted, key=lambda c: c.start)


def warns_of_a_thing(scene: Scene, cue: Cue) -> bool:
    """ "Tinubu warned that the split would hurt trade": a warning of what a thing will do is no
    threat of one's own act ("warned that it would respond" is)."""
    anchor = cue.anchor
    if anchor.lemma_ != "warn" or not syntax.is_verb(anchor):
        return False
    said = next((c for c in anchor.children if c.dep_ == "ccomp"), None)
    subject = syntax.own_subject(said) if said is not None else None
    if said is not None and any(set(syntax.marks(c)) & CONDITIONAL_MARKS for c in said.subtree if c.dep_ == "advcl"):
        return False  # "warned that relations would suffer if Buenos Aires went on": a condition set, a threat
    return subject is not None and subject.pos_ == "NOUN" and not scene.actors.is_actor_word(subject)


def misread(cue: Cue) -> bool:
    """Words of a cue used in another sense: "called the junta assassins" names, it is no
    telephone call; "a mission to protect shipping" is a purpose, not a trip to somewhere."""
    anchor, mode = cue.anchor, cue.rule.mode
    if mode == "phone" and anchor.lemma_ == "call" and syntax.is_verb(anchor):
        named = [c for c in anchor.children if c.dep_ in ("xcomp", "oprd") and c.pos_ in ("NOUN", "ADJ")]
        objects = [c for c in anchor.children if c.dep_ in ("obj", "iobj")]
        if any(o.lower_ in REFLEXIVES for o in objects):
            return True  # "the juntas, which call themselves the Alliance of Sahel States": a name
        quoted = [a for o in objects for a in o.children if a.dep_ == "appos" and quoted_phrase(a)]
        return bool(named or quoted) or len(objects) > 1  # 'called X "assassins"', 'called X "a fool"'
    if mode == "visit":
        doc = anchor.doc
        # "were flown to Kyiv": carried, no visit ("was received by Traore" is a host's verb)
        flown = cue.rule.source != "object" and any(c.dep_ == "aux:pass" for c in anchor.children)
        return flown or any(doc[i].lower_ == "to" and doc[i].dep_ == "mark" for i in cue.words)
    if anchor.lemma_ == "insist" and syntax.is_verb(anchor):
        return asserts(anchor)
    if anchor.tag_ == "VBN" and anchor.dep_ == "amod" and syntax.hyphenated(anchor):
        return True  # "the UN-patrolled buffer zone", "a Qatar-brokered truce": a description of any kind
    if cue.rule.category in DESCRIBED_BY_PARTICIPLE and anchor.tag_ == "VBN" and anchor.dep_ == "amod":
        return inside_noun_phrase(anchor)  # "the Israeli-occupied West Bank", "the besieged city": a description
    others = [anchor.doc[i] for i in cue.words if i != anchor.i and anchor.doc[i].pos_ in ("NOUN", "PROPN", "NUM")]
    spanning = syntax.is_verb(anchor) and not cue.rule.governs  # "pledged to send troops": a promise holds its act
    return spanning and any(through_other_verb(word, anchor, cue.words) for word in others)


# modals of what must be done: "insisted that the troops must leave" is a demand
MODALS_OF_NEED = frozenset({"must", "should", "ought", "need"})
FACT_AUXILIARIES = frozenset({"has", "have", "had", "is", "are", "was", "were", "been"})


def asserts(verb: Token) -> bool:
    """ "insisted that dialogue had not been broken off": a claim of fact, no demand ("insisted
    that Somalia withdraw its claim", "insisted the troops must leave" are)."""
    said = next((c for c in verb.children if c.dep_ == "ccomp"), None)
    if said is None:
        return False
    # a perfect or a form of "be" tells a fact ("has not been broken off", "they are peacekeepers");
    # a bare verb, which the parser may tag as past or present ("that Israel halt"), is a
    # subjunctive: a demand
    auxiliaries = {c.lower_ for c in said.children if c.dep_ in ("aux", "aux:pass", "cop")}
    # "that the troops are to leave", "that they are no longer welcome": what must be, a demand
    ordered = any(c.dep_ == "mark" and c.lower_ == "to" for c in said.children) or said.lemma_ in NOT_WANTED
    return bool(auxiliaries & FACT_AUXILIARIES) and not auxiliaries & MODALS_OF_NEED and not ordered


NOT_WANTED = frozenset({"welcome", "unwelcome", "allow", "allowed", "permit", "permitted", "tolerate", "tolerated"})


REFLEXIVES = frozenset({"itself", "themselves", "himself", "herself"})


def through_other_verb(word: Token, anchor: Token, words: frozenset[int]) -> bool:
    """Does the word hang on the cue's verb through a verb that is not part of the cue ("sent
    instructors to train Malian soldiers": "soldiers" are trained, not sent)?"""
    between: list[Token] = []
    for ancestor in word.ancestors:
        if ancestor == anchor:  # a purpose or complement clause of its own; not "train and equip", "what it called"
            return any(syntax.is_verb(t) and t.i not in words and t.dep_ in ("xcomp", "advcl") for t in between)
        between.append(ancestor)
    return False


DESCRIBED_BY_PARTICIPLE = frozenset({"FIGHT", "ASSAULT", "COERCE"})


def inside_noun_phrase(participle: Token) -> bool:
    """A participle between a noun's determiner and the noun, or joined to a name by a hyphen;
    not a verb the parse took for an adjective ("police confiscated weapons")."""
    noun = participle.head
    if noun.i < participle.i:
        return False
    opened = any(c.dep_ in ("det", "nmod:poss") and c.i < participle.i for c in noun.children)
    return opened or syntax.hyphenated(participle)


QUOTES = frozenset("\"“”'‘’")


def quoted_phrase(word: Token) -> bool:
    start = word.left_edge.i
    return word.doc[start].text in QUOTES or (start > 0 and word.doc[start - 1].text in QUOTES)


def spans_subject(anchor: Token, literal: list[Token]) -> bool:
    """Does a word of the cue stand in its anchor's active subject, another piece of the clause?
    (Not a finite verb there: "clashes left dozens injured" misread with "left" under "injured".)"""
    inside = {t.i for c in anchor.children if c.dep_ == "nsubj" for t in c.subtree}
    finite = ("VB", "VBD", "VBN", "VBP", "VBZ")
    return any(t.i in inside and t.tag_ not in finite for t in literal)


def anchor_of(literal: list[Token]) -> Token | None:
    """The word of a cue that the others hang from ("imposed" in "imposed new sanctions"), if
    the words form one piece of the tree."""
    if not literal:
        return None
    indices = {t.i for t in literal}
    content = [t for t in literal if t.pos_ not in ("ADP", "PART", "AUX", "DET")] or literal
    tops = [t for t in literal if t.head.i not in indices or t.head.i == t.i]
    anchor = min(tops, key=lambda t: (depth(t), t.i))
    if all(syntax.distance_up(t, anchor) <= CUE_REACH for t in content):
        return anchor
    # "signed documents to strengthen cooperation" read with both verbs under "documents":
    # the words still hang together under a near common head; the first verb leads
    top = common_head(content)
    if top is None or any(syntax.distance_up(t, top) > CUE_REACH for t in content):
        return None
    verbs = [t for t in tops if syntax.is_verb(t)]
    return min(verbs or tops, key=lambda t: t.i)


def common_head(words: list[Token]) -> Token | None:
    """The lowest word that all words hang under."""
    chains = []
    for word in words:
        chain = [word]
        while chain[-1].head.i != chain[-1].i and len(chain) < 50:
            chain.append(chain[-1].head)
        chains.append([t.i for t in chain])
    shared = set(chains[0]).intersection(*chains[1:])
    first = next((i for i in chains[0] if i in shared), None)
    return words[0].doc[first] if first is not None else None


def depth(token: Token) -> int:
    steps = 0
    while token.head != token and steps < 50:
        token = token.head
        steps += 1
    return steps


def pos_fits(pos: str, anchor: Token) -> bool:
    if anchor.pos_ == "PROPN" and anchor.is_title and anchor.i > 0:
        return False  # part of a name: "the Free Trade Agreement", "Operation Serval"
    if pos == "verb":
        predicative = any(c.dep_ == "cop" for c in anchor.children) and not anchor.lower_.endswith(("ed", "en"))
        return syntax.is_verb(anchor) or (anchor.pos_ == "ADJ" and not predicative)  # not "was free to sell"
    if pos == "noun":
        return syntax.is_noun(anchor)
    return True


def needs_hold(scene: Scene, cue: Cue) -> bool:
    """A cue row's condition on its arguments: personnel moved, an organisation left, an
    agreement ended, captives freed, a town taken."""
    needs = cue.rule.needs
    if not needs:
        return True
    anchor = syntax.predicate(cue.anchor)
    arguments = [t for t in argument_words(anchor) if t.i not in cue.words]
    subject = syntax.subject(anchor) if syntax.is_verb(anchor) else None
    if subject is not None:
        arguments.append(subject)
    if needs == "personnel":  # "the gunmen arrived on motorbikes": insurgents bring no aid
        helpers = [t for t in arguments if cue.rule.category != "AID" or not insurgent_people(scene, t)]
        return any(scene.actors.personnel(t) for t in helpers)
    if needs == "igo":
        _, recipient = participants(scene, cue)
        return any(a.kind == "igo" for a in scene.actors.of(recipient))
    if needs == "agreement":
        return any(t.lemma_ in AGREEMENT_WORDS for t in arguments)
    if needs == "town":  # "rebels seized Goma": a city named as what was taken
        return any(t.i in scene.struck_countries for t in arguments)
    if needs == "captive":
        return any(t.lemma_ in CAPTIVE_WORDS or scene.actors.is_actor_word(t) for t in arguments)
    if needs == "military":
        return any(t.lemma_ in MILITARY_TARGET_WORDS or t.lemma_ in WEAPON_WORDS or is_armed(scene, t) for t in arguments)
    if needs == "recipient":  # someone else: "sent troops to its border town" moves its own forces
        source, recipient = participants(scene, cue)
        own = {a.code for a in scene.actors.of(source)} if source is not None else set()
        if recipient is None:  # "Kenya, which leads the force in Haiti, has sent 400 police officers"
            return bool(places_of(scene, clause_predicate(cue.anchor)) - own)
        return any(a.code and a.code not in own for a in scene.actors.of(recipient))
    if needs == "foreign":  # "forced out French troops"; "drove the rebels out" is a battle
        source, recipient = participants(scene, cue)
        own = {a.code for a in scene.actors.of(source)} if source is not None else set()
        if source is not None and scene.actors.personnel(source):
            return False  # "Ukrainian troops pushed Russian forces out of Kherson": a battle
        if source is not None and not governing(scene, source):
            return False  # "protesters forced out the ambassador", "the Taliban drove out US forces"
        return any(a.code and a.code not in own and a.kind in ("state", "igo") for a in scene.actors.of(recipient))
    if needs == "source":
        source, _ = participants(scene, cue)
        if source is None or not scene.actors.names_actor(source):
            return False
        return any(a.sector not in REPORTING_SECTORS for a in scene.actors.of(source))  # not "its media channel"
    return True


def governing(scene: Scene, word: Token) -> bool:
    """Does the word name a state's government ("Mali", "the junta", "Niger's rulers"), not its
    people, its protesters or an armed group?"""
    role = scene.actors.role_in_phrase(word)
    if role is not None and role.sector not in ("GOV", "MIL"):
        return False
    return not any(a.kind == "armed_group" for a in scene.actors.of(word))


def insurgent_people(scene: Scene, word: Token) -> bool:
    """ "the gunmen", "jihadists": fighters of no state and of no force on a government's side."""
    role = scene.actors.role_in_phrase(word)
    if role is None or role.sector != "REB":
        return False
    hired = scene.actors.context.government_side
    return not any(a.code and (a.kind == "state" or a.code in hired) for a in scene.actors.of(word))


def is_armed(scene: Scene, word: Token) -> bool:
    """Soldiers, fighters, or an armed group by its name ("Wagner left Mali")."""
    role = scene.actors.role_in_phrase(word)
    if role is not None:
        return role.sector in ("MIL", "REB")
    return scene.actors.names_actor(word) and any(a.kind == "armed_group" for a in scene.actors.of(word))


SHELTERED = frozenset({"refugee", "migrant", "asylum", "displaced", "exile"})


def hosts_no_guests(scene: Scene, cue: Cue) -> bool:
    """ "Djibouti hosts French troops": stationed forces are not guests on a visit, nor are
    refugees ("Chad, which hosts thousands of Sudanese refugees")."""
    if cue.rule.source != "object" or not syntax.is_verb(cue.anchor):
        return False
    objects = syntax.objects(cue.anchor)
    sheltered = any(t.lemma_ in SHELTERED or regular_singular(t.lower_) in SHELTERED for o in objects for t in o.subtree)
    return sheltered or any(scene.actors.personnel(t) for t in objects)


def argument_words(word: Token) -> list[Token]:
    """The nominal dependents of a cue word, with what they coordinate."""
    found = []
    for child in word.children:
        if child.dep_ in ("nsubj", "nsubj:pass", "obj", "iobj", "obl", "nmod", "nmod:poss", "compound", "amod", "obl:agent"):
            found.append(child)
            found.extend(child.conjuncts)
    return found


# -- participants --------------------------------------------------------------------------


def participants(scene: Scene, cue: Cue) -> tuple[Token | None, Token | None]:
    """The head words of the source and the recipient of a cue."""
    scene.category = cue.rule.category
    anchor = syntax.predicate(cue.anchor)
    if syntax.is_verb(anchor) or anchor.pos_ == "ADJ":
        return verb_participants(scene, cue, anchor)
    if cue.rule.source == "self":  # "protesters in Niamey ... against France": the protesters protest
        return anchor, first_argument(scene, cue, anchor, recipient_specs(cue.rule), exclude=anchor, avoid=frozenset())
    return noun_participants(scene, cue, anchor)


def verb_participants(scene: Scene, cue: Cue, verb: Token) -> tuple[Token | None, Token | None]:
    rule = cue.rule
    passive = syntax.is_passive(verb, transitive=recipient_specs(rule)[0] == "obj")
    false_passive = passive and not any(c.dep_ == "aux:pass" for c in verb.children)
    if false_passive and syntax.agent(verb) in cue_tokens(scene, cue):
        # "spoke by phone with Macron" read as a passive whose agent is the phone
        return syntax.first_child(verb, syntax.PASSIVE_SUBJECTS), first_argument(scene, cue, verb, recipient_specs(rule))
    patient = (verb.head if verb.dep_ == "acl" else syntax.first_child(verb, syntax.PASSIVE_SUBJECTS)) if passive else None
    if rule.source == "object":  # "Tiani hosted the delegation": the guest comes, the host receives
        if passive:
            return patient, syntax.agent(verb)
        host = syntax.subject(verb)
        return first_argument(scene, cue, verb, ("obj",), avoid=codes_of(scene, host)), host
    if rule.source in ("from", "to"):  # "Chad received helicopters from the Emirates", "turned to Russia for help"
        giver = next((t for t in verb.subtree if t.dep_ in ("obl", "nmod") and syntax.case_of(t) == rule.source), None)
        return giver, syntax.subject(verb)
    if rule.source == "speaker":  # "X said Y must leave": the speaker demands, Y is asked
        speaker = next((syntax.subject(g) for g in syntax.governors(verb, frozenset({"ccomp"}))), None)
        return speaker or quote_speaker(verb), syntax.subject(verb)
    source = syntax.agent(verb) if passive else syntax.subject(verb)
    if passive and source is None and (rule.mode == "expel" or rule.category == "COERCE"):
        # "a French journalist was expelled from Burkina Faso": the state he was put out of
        source = next(iter(syntax.obliques(verb, ("from",))), None)
    if not passive and (source is None or not scene.actors.is_actor_word(source)):
        source = left_actor(scene, verb) or source
    specs = recipient_specs(cue.rule)
    if passive and source is None and patient is not None:
        # "power transmission from Nigeria to Niger was cut off": the flow names both sides
        origin = next(iter(syntax.obliques(patient, ("from",))), None)
        inner = [patient, *(origin.subtree if origin is not None else ())]
        target = next((c for word in inner for c in syntax.obliques(word, ("to", "into"))), None)
        if origin is not None and target is not None:
            return origin, target
    if passive and source is None and patient is not None and rule.category in MOVES and scene.actors.personnel(patient):
        # "Korean soldiers were deployed to Kursk": forces moved by nobody named move for their own side
        moved = tuple(s for s in specs if s != "obj")
        return patient, first_argument(scene, cue, verb, moved, avoid=codes_of(scene, patient))
    if passive and patient is not None and "obj" in specs:
        found, _ = actor_within(scene, patient, codes_of(scene, source))  # "a camp for Congolese refugees was attacked"
        return source, found or patient
    avoid = codes_of(scene, source)
    recipient = first_argument(scene, cue, verb, specs, avoid=avoid)
    if recipient is None and rule.governs and verb.lemma_ != "deny":  # "denies backing M23": not aimed at M23
        for complement in syntax.children(verb, ("xcomp", "ccomp")):
            recipient = first_argument(scene, cue, complement, DEFAULT_RECIPIENT[rule.category] + specs, avoid=avoid)
            if recipient is not None:
                break  # "offered to hand over to Britain ...": the promised act names the recipient
    return speaker_instead(scene, verb, source, recipient), recipient


# people who comment on events rather than take part in them
COMMENTATORS = frozenset("analyst expert researcher scholar professor commentator academic specialist".split())


def commentary(scene: Scene, draft: Draft) -> bool:
    """ "'Russia is probing our reaction times,' said a defence analyst": what a commentator
    says happens is an opinion, not an event of the news (but "UN experts" or "Human Rights
    Watch researchers" report for a body)."""
    anchor = draft.cue.anchor
    for saying in (t for t in anchor.sent if t.lemma_ in SAYING and t.pos_ == "VERB" and t != anchor):
        speaker = syntax.subject(saying)
        if speaker is None or speaker.lemma_ not in COMMENTATORS:
            continue
        if any(t.i in scene.actors.actor_at for t in speaker.subtree if t != speaker and t.i < speaker.i):
            continue  # "UN experts", "Human Rights Watch researchers": a body's monitors
        said = [c for c in saying.children if c.dep_ in ("ccomp", "xcomp", "parataxis")]
        if saying.dep_ in ("parataxis", "ccomp"):  # "'Russia is probing ...,' said an analyst"
            said.append(saying.head)
        if any(anchor in part.subtree and speaker not in part.subtree for part in said):
            return True
    return False


def quote_speaker(word: Token) -> Token | None:
    """ "'Any aggression will meet a response,' a spokesman said" read with "said" hung elsewhere:
    the subject of the sentence's verb of saying after the quote."""
    quoted = any(t.text in QUOTES for t in word.sent if t.i > word.i)  # the quote closes before the speaker
    saying = (t for t in word.sent if t.i > word.i and t.lemma_ in SAYING and t.pos_ == "VERB")
    return next((s for t in saying if (s := syntax.subject(t)) is not None), None) if quoted else None


def speaker_instead(scene: Scene, verb: Token, source: Token | None, recipient: Token | None) -> Token | None:
    """ "Cambodia said Thai jets had bombed a road and accused Bangkok of aggression": a verb
    joined inside reported speech whose borrowed subject would act on itself is the speaker's."""
    if source is None or recipient is None or verb.dep_ != "conj" or syntax.own_subject(verb) is not None:
        return source
    mine = codes_of(scene, source)
    if not mine or not mine & codes_of(scene, recipient) or verb.head.dep_ != "ccomp":
        return source
    speaker = syntax.subject(verb.head.head)
    return speaker if speaker is not None and codes_of(scene, speaker) - mine else source


def cue_tokens(scene: Scene, cue: Cue) -> list[Token]:
    return [scene.doc[i] for i in cue.words]


def left_actor(scene: Scene, verb: Token) -> Token | None:
    """When the parse gives the verb no subject that names an actor ("@1+1 Niger expelled
    ..."), the nearest name before the verb in its own clause, outside any prepositional
    phrase."""
    for token in reversed([t for t in verb.subtree if t.i < verb.i]):
        if token.i in scene.actors.actor_at and not syntax.case_of(token) and token.dep_ not in ("obl", "nmod", "nmod:poss"):
            return token
    return None


def recipient_specs(rule: CueRule) -> tuple[str, ...]:
    """Where to look for the recipient: the cue row's own places first, then its category's."""
    return tuple(dict.fromkeys(rule.recipients + DEFAULT_RECIPIENT[rule.category]))


TOPIC_VERBS = frozenset({"discuss", "debate"})  # their object is a topic: "Putin and Trump discussed Ukraine"


def codes_of(scene: Scene, word: Token | None) -> frozenset[str]:
    return frozenset(a.code for a in scene.actors.of(word) if a.code)


FOUNDING = frozenset({"creation", "formation", "establishment", "launch", "setting"})


def noun_participants(scene: Scene, cue: Cue, noun: Token) -> tuple[Token | None, Token | None]:
    """ "Niger's demands", "the withdrawal of French troops from Mali", "sanctions on Russia",
    and a noun after a verb that carries it: "X held talks with Y", "X imposed sanctions"."""
    rule, actors = cue.rule, scene.actors
    if rule.source == "speaker" and any(c.dep_ == "cop" for c in noun.children):
        # "Mali said such an intervention would be a declaration of war": the speaker threatens
        # whoever the act it names would be by
        speaker = next((syntax.subject(g) for g in syntax.governors(noun, frozenset({"ccomp"}))), None)
        return speaker, syntax.first_child(noun, ("nsubj",))
    source: Token | None = None
    for child in noun.children:
        if anti(child):
            continue  # "anti-French protests": France is the target
        if child.i in cue.words:
            continue  # "military aid": a word of the cue is not its giver
        if child.dep_ == "amod" and child.i not in actors.actor_at:
            continue  # "military cooperation with Venezuela": the kind of cooperation, not who
        if child.dep_ == "nmod:poss" or (child.dep_ in ("amod", "compound") and actors.is_actor_word(child)):
            source = child
            break
    if source is None:  # "the sanctions imposed by ECOWAS": the agent of the participle (not "mediated by")
        passives = [
            acl
            for acl in syntax.children(noun, ("acl",))
            if syntax.is_passive(acl) and acl.lemma_ not in THIRD_PARTY_VERBS | HOLDING_VERBS
        ]
        source = next((syntax.agent(acl) for acl in passives), None)
    if source is None:  # "the pact that Mali and Niger signed": the subject of a relative clause about it
        source = next((syntax.subject(rel) for rel in syntax.children(noun, ("acl", "acl:relcl")) if relative_object(rel)), None)
    if source is None:
        of_is_source = rule.category in OF_IS_SOURCE and "of" not in rule.recipients  # "the invasion of Ukraine"
        agents = {"by"} | ({"of"} if of_is_source else set())
        if rule.category != "RETREAT":
            agents.add("from")
        # "a joint force of 5,000 troops": what the force is made of, not who forms it
        made_of = rule.category == "COOPERATE"
        source = next((c for c in syntax.obliques(noun, agents) if not (made_of and actors.personnel(c))), None)
    holder = noun
    if noun.dep_ == "nmod" and (noun.head.pos_ in ("SYM", "NUM") or noun.head.lemma_ in MEASURES):
        holder = noun.head  # "announced $20 million in aid", "sent a package of military aid"
    elif noun.dep_ == "nmod" and syntax.case_of(noun) == "of" and noun.head.lemma_ in FOUNDING:
        holder = noun.head  # "announced the creation of a joint force": the announcers' force
    carrier = holder.head if holder.dep_ in ("obj", "iobj", "nsubj:pass", "obl", "xcomp") and holder.head != holder else None
    for_talks = holder.dep_ in ("nmod", "obl") and syntax.case_of(holder) == "for" and place_of_being(holder.head)
    if for_talks:  # "was in Madrid for talks": the clause with "be" carries the noun as a verb would
        carrier = holder.head
    if syntax.in_background(noun):
        carrier = None  # "after the talks, Qatar sent aid": the clause's subject did not hold the talks
    done_by_object = holder.dep_ == "obl" and syntax.case_of(holder) in ("for", "over")
    doers = [o for o in syntax.objects(carrier) if actors.is_actor_word(o)] if carrier is not None else []
    if source is None and done_by_object and doers:
        source = doers[0]  # "sentenced a jihadist leader for attacks", "thanked Russia for its support"
    carried = carrier is not None and (syntax.is_verb(carrier) or (for_talks and carrier == holder.head))
    if source is None and carrier is not None and carried and carrier.lemma_ not in UNDERGOING:
        source = syntax.agent(carrier) if syntax.is_passive(carrier) else syntax.subject(carrier)
    specs = recipient_specs(cue.rule)
    if rule.category not in OF_IS_SOURCE:
        specs = (*specs, "of")
    avoid = codes_of(scene, source)
    recipient = next((c for c in noun.children if anti(c)), None)
    recipient = recipient or first_argument(scene, cue, noun, specs, exclude=source, avoid=avoid)
    if recipient is None and carrier is not None and holder.dep_ == "obj":
        recipient = first_argument(scene, cue, carrier, tuple(s for s in specs if s != "obj"), exclude=source, avoid=avoid)
    if recipient is None and rule.category in VIOLENT and noun.dep_ == "nsubj" and syntax.is_verb(noun.head):
        recipient = first_argument(scene, cue, noun.head, ("obj",), exclude=source, avoid=avoid)  # "airstrikes hit X"
    return source, recipient


RELATIVE_PRONOUNS = frozenset({"that", "which", "whom"})
# participles that tell who has a thing, not who does an act: "the mine operated by Orano"
HOLDING_VERBS = frozenset("operate own run control hold manage found build fund finance".split())


def adverbial_relative(clause: Token) -> bool:
    """ "..., where diplomats warned", "ECOWAS, whose envoys arrived": the noun the clause hangs
    on is no object of its verb."""
    relative = {"where", "when", "whereby", "why", "whose"}
    return any(t.lower_ in relative for c in clause.children if c.i < clause.i for t in c.subtree)


def relative_object(clause: Token) -> bool:
    """Whether the noun a relative clause hangs on is its object: "the pact (that) Mali signed"."""
    if any(c.dep_ == "obj" and c.lower_ in RELATIVE_PRONOUNS for c in clause.children):
        return True
    subject = syntax.first_child(clause, ("nsubj",))
    has_object = syntax.first_child(clause, ("obj",)) is not None
    return subject is not None and subject.lower_ not in (*RELATIVE_PRONOUNS, "who") and not has_object


def anti(word: Token) -> bool:
    """ "anti-French": the word after "anti-" is what the noun opposes."""
    doc = word.doc
    return word.i >= 2 and syntax.hyphenated(word) and doc[word.i - 2].lower_ == "anti"


TRAINING = frozenset({"train", "equip", "arm", "advise", "mentor"})


def first_argument(
    scene: Scene,
    cue: Cue,
    word: Token,
    specs: tuple[str, ...],
    exclude: Token | None = None,
    avoid: frozenset[str] = frozenset(),
) -> Token | None:
    """The first argument of word, in the order of specs, that names an actor other than
    the source (avoid: its codes). Cue words are looked through ("imposed sanctions on
    Russia": the object "sanctions" is part of the cue, its "on" phrase the recipient), and
    so are words that name no actor ("condemned the coup in Niger"). An argument naming an
    uncoded actor ("clashed with jihadists") is the answer only if no coded one is found."""
    # the cue's nouns, and its last word when that is a state it leaves ("kept its border closed to X")
    last = scene.doc[max(cue.words)]
    held = [last] if last.i != word.i and last.dep_ == "xcomp" and last.head == word else []
    hosts = [word, *(scene.doc[i] for i in sorted(cue.words) if i != word.i and syntax.is_noun(scene.doc[i])), *held]
    own_preps = tuple(s for s in specs if s not in ("obj", "iobj", "comp") and s not in TOPIC_PREPS)
    fallback: Token | None = None
    for spec in specs:
        for host in hosts:
            for candidate in candidates(host, spec):
                if candidate == exclude:
                    continue
                if spec == "obj" and cue.rule.pattern in TOPIC_VERBS and candidate.i in scene.actors.actor_at:
                    continue  # the topic, though "discussed the crisis with Tinubu" still names whom with
                moved = spec == "obj" and scene.category in MOVES and scene.actors.personnel(candidate)
                moved = moved and cue.anchor.lemma_ not in TRAINING  # "to train local troops": those it helps
                moved = moved and not syntax.obliques(host, ("with",))  # "supplied the army with drones": it receives
                if candidate.i in cue.words or moved:  # "deployed soldiers to ...": its own, not the recipient
                    rest = tuple(s for s in specs if s != spec)
                    deeper = first_argument(scene, cue, candidate, rest, exclude, avoid) if rest else None
                    if deeper is not None:
                        return deeper
                    continue
                found, coded = actor_within(scene, candidate, avoid, preps=own_preps)
                if found is not None and coded:
                    return found
                fallback = fallback or found
    # "rallied in Bamako against France"; but backing a fight against X is not aimed at X
    for candidate in opposed(word) if scene.category not in COOPERATIVE else ():
        found, coded = actor_within(scene, candidate, avoid)
        if found is not None and coded:
            return found
    for host in hosts[1:]:  # "ended its mission in Mali", "froze Nigerien assets"
        sent = cue.anchor.lemma_ in SENDING and scene.actors.personnel(host)  # "sent Syrian fighters": theirs, not the recipient
        owners = [c for c in host.children if c.dep_ in ("nmod:poss", "amod", "compound") and c.i not in cue.words and not sent]
        for candidate in owners + syntax.obliques(host, TOPIC_PREPS + own_preps):
            found, coded = actor_within(scene, candidate, avoid, preps=own_preps)
            if found is not None and coded:
                return found
        if cue.anchor.lemma_ in TRAINING and codes_of(scene, host) - avoid:
            return host  # "to train local troops" in Ivory Coast: the Ivorian army
    return fallback


SENDING = frozenset({"send", "deploy", "dispatch", "redeploy", "station", "move", "transfer"})


def opposed(word: Token) -> list[Token]:
    """ "against X" anywhere in the phrases of a word: whom the act is aimed at."""
    return [t for t in word.subtree if t.dep_ in syntax.NOMINAL_MODIFIERS and syntax.case_of(t) == "against"]


def actor_within(
    scene: Scene, word: Token, avoid: frozenset[str], depth: int = 0, preps: tuple[str, ...] = ()
) -> tuple[Token | None, bool]:
    """word if it names an actor other than the source; else the first such actor in its
    prepositional phrases ("the coup in Niger", "a proposal by Togo", "its troops out of
    Mali"; preps: prepositions the frame adds). The phrases of an attack name its victims,
    not the party a condemnation is aimed at: through violence only "by" leads on.
    Returns (word, whether it is coded)."""
    if scene.actors.is_place_name(word) and syntax.case_of(word) in LOCATIVE_PREPS and scene.category not in TARGET_IS_PLACE:
        return None, False  # "signed a deal in Addis Ababa": where, not with whom
    actors = scene.actors.of(word)
    if scene.category == "CONSULT" and word.i in scene.actors.owned:
        actors = ()  # "discussed the French bases": a topic, not a partner
    codes = {a.code for a in actors if a.code}
    if codes - avoid:
        return word, True
    if depth < 2 and not (beside_border(word) and scene.category != "MOBILIZE"):  # a build-up is aimed across it
        waged = word.lemma_ in scene.matchers.violent_nouns or word.lemma_ in CAMPAIGNS
        through = ("by",) if waged else TOPIC_PREPS + preps
        # "the agreements signed with France", "positions held by the RSF", "a committee it formed with Niger"
        clauses = syntax.children(word, ("acl",)) + [r for r in syntax.children(word, ("acl:relcl",)) if relative_object(r)]
        partners = [
            c
            for acl in clauses
            if acl.lemma_ not in THIRD_PARTY_VERBS  # "a deal brokered by China": the go-between
            for c in syntax.obliques(acl, ("with", "by", "to", "for") if acl.lower_ in TIES else ("with", "by"))
        ]
        for child in syntax.obliques(word, through) + partners:
            if is_reason(child):
                continue  # "targeted a base in solidarity with Palestinians": not the target
            found, coded = actor_within(scene, child, avoid, depth + 1, preps)
            if found is not None and coded:
                return found, True
    if actors:
        return word, False  # an uncoded actor ("jihadists"), or the source itself ("its own troops")
    return None, False


# participles that tie a thing to its owner: "ships linked to Israel", "vessels bound for Israel"
TIES = TIED | {"belonging", "bound", "connected"}
NEXT_TO = frozenset({"near", "along", "at", "on", "to", "toward", "towards"})


def beside_border(word: Token) -> bool:
    """ "sent arms to a town near the border with Venezuela": where, not at whom (but "closed its
    border with Benin" is aimed at Benin, and "fired across the border" at the other side)."""
    return word.lemma_ in BORDERS and syntax.case_of(word) in NEXT_TO


def candidates(word: Token, spec: str) -> list[Token]:
    if spec == "obj":  # an indirect object too: parses mix them up ("warned Israel against ...")
        objects = syntax.children(word, ("iobj",)) + [syntax.named_as(o) for o in syntax.objects(word)]
        if not objects and word.dep_ == "acl:relcl" and relative_object(word) and not adverbial_relative(word):
            objects = [word.head]  # "three French diplomats it accuses of spying": the diplomats
        objects += [c for c in word.children if c.dep_ == "xcomp" and c.pos_ == "PROPN"]  # "called Maduro a dictator"
        return objects + [c for c in word.children if c.dep_ == "nmod:poss" and not syntax.is_verb(word)]
    if spec == "iobj":
        return syntax.children(word, ("iobj",))
    if spec == "comp":
        subject = syntax.complement_subject(word)
        return [subject] if subject is not None else []
    phrases = syntax.obliques(word, (spec,))
    if syntax.is_noun(word):  # "lifted the sanctions (it had) imposed on Niger": the participle's phrase
        participles = [acl for acl in syntax.children(word, ("acl", "acl:relcl")) if acl.lemma_ not in THIRD_PARTY_VERBS]
        phrases += [c for acl in participles for c in syntax.obliques(acl, (spec,))]
    return phrases


# -- drafting ------------------------------------------------------------------------------


# Acts between two sides that whoever announces or hosts them takes no part in
BETWEEN_ONLY = frozenset({"CONCEDE", "AGREE", "FIGHT"})


# bodies a participle describes: "a new AU mission fighting al-Shabaab", "the coalition fighting the jihadists"
BODIES = frozenset("mission force coalition alliance operation contingent bloc group".split())


def names_a_body(draft: Draft) -> bool:
    """A participle that says what a body does ("a mission fighting al-Shabaab") is no act."""
    anchor = draft.cue.anchor
    if anchor.tag_ != "VBG" or anchor.i == 0:
        return False
    if anchor.dep_ == "acl":
        return anchor.head.lemma_ in BODIES
    before = anchor.doc[anchor.i - 1]  # "a mission in Somalia fighting al-Shabaab" read as an adverbial
    nouns = [before, *list(before.ancestors)[:2]]
    return anchor.dep_ == "advcl" and before.text != "," and any(n.lemma_ in BODIES and syntax.is_noun(n) for n in nouns)


def acts_on_third(cue: Cue) -> bool:
    """ "Malian troops and Russian fighters retook the stronghold": allies acting on a third;
    "Nigeria, Ghana and Senegal pledged troops": each pledges, to someone else."""
    if cue.rule.category == "AGREE" and cue.rule.mode == "promise":
        mutual = any(t.lower_ == "other" and t.i > 0 and t.doc[t.i - 1].lower_ == "each" for t in cue.anchor.subtree)
        return between_words(cue) is None and not syntax.obliques(cue.anchor, ("with",)) and not mutual
    taken = [o for o in syntax.objects(cue.anchor) if not names_war(o) and o.lemma_ not in MUTUAL_OBJECTS]
    return cue.rule.category == "FIGHT" and bool(taken) and between_words(cue) is None


# what two sides fight together with no third: "exchanged fire", "fought each other", "fought a battle"
MUTUAL_OBJECTS = frozenset("fire shot shots gunfire battle battles clash clashes skirmish skirmishes other another".split())


def draft_event(scene: Scene, cue: Cue) -> Draft:
    actors = scene.actors
    source_word, recipient_word = participants(scene, cue)
    sources = tuple(a for a in actors.of(source_word) if a.sector not in REPORTING_SECTORS)
    recipients = actors.of(recipient_word)
    joint_act = cue.rule.category in SYMMETRIC and len(coded(sources)) > 1
    if joint_act and recipient_word is not None and syntax.case_of(recipient_word) in LOCATIVE_PREPS:
        recipient_word, recipients = None, ()  # "Iran and the United States held talks in Oman": the venue
    between = between_words(cue)
    if between is not None:
        members = actors.of(between)
        inside = {a.code for a in sources} <= {a.code for a in members}
        others = tuple(a for a in members if a.code not in {s.code for s in sources})
        if sources and inside and others and cue.rule.category not in SYMMETRIC | BETWEEN_ONLY:
            recipients = others  # "Niger refused to reopen the border between the two countries": with Benin
        elif not sources or inside or cue.rule.category in BETWEEN_ONLY or cue.rule.source == "object":
            sources, recipients = members, ()  # "talks between Tiani and Putin", "announced a truce between", "hosted ..."
        elif not recipients:
            recipients = members  # "mediation between the Emirates and Saudi Arabia"
    rule = cue.rule
    background = syntax.is_noun(cue.anchor) and syntax.in_background(cue.anchor)
    predicate = cue.anchor if background else clause_predicate(cue.anchor)  # "following Zeine's visit, ..."
    quantity, unit = (None, "")
    if rule.category in COUNTED or rule.governs in ("intent", "absorb"):
        quantity, unit = count_of(scene, predicate, source_word)
    if rule.mode == "reciprocal" and len(sources) > 1:
        recipients = ()  # "Morocco and Algeria exchanged accusations over ...": each at the other
    together = between is not None or rule.category in SYMMETRIC or rule.mode == "reciprocal"
    visitors = rule.mode == "visit" and between is None  # "leaders of Mali and Niger attended": guests of a host
    go_betweens = rule.mode == "third-party"  # "talks mediated by Qatar and Turkey": not talks between them
    together = together and not co_hosted(cue) and not visitors and not go_betweens
    symmetric = len(sources) > 1 and not recipients and together and not acts_on_third(cue)
    draft = Draft(cue, rule.category, sources, recipients, source_word, symmetric, rule.mode, rule.context, predicate=predicate)
    draft.quantity, draft.unit = quantity, unit
    draft.recipient_word = recipient_word if between is None else between
    joint_exercise(scene, draft)
    if draft.category == "ASSAULT" and cue.anchor.lemma_ == "target" and any(t.lemma_ in PENALTIES for t in scene.doc):
        draft.category = "SANCTION"  # "sanctions targeting 200 ships": what the sanctions hit
    apply_modality(draft, scene.matchers.modifiers)
    return draft


HOSTING = frozenset({"host", "organise", "organize", "convene", "sponsor"})


def co_hosted(cue: Cue) -> bool:
    """ "Egypt and Qatar hosted talks in Cairo": the hosts hold the talks with their guests, not
    with each other."""
    anchor = cue.anchor
    return syntax.is_noun(anchor) and anchor.dep_ == "obj" and anchor.head.lemma_ in HOSTING


def joint_exercise(scene: Scene, draft: Draft) -> None:
    """ "held naval drills with Manila's navy": drills held with a partner are cooperation."""
    if draft.category != "MOBILIZE":
        return
    drills = [scene.doc[i] for i in draft.cue.words if scene.doc[i].lemma_ in EXERCISE_WORDS]
    own = {a.code for a in draft.sources}
    for host in [*drills, syntax.predicate(draft.cue.anchor)] if drills else []:
        for partner in syntax.obliques(host, ("with", "alongside")):
            found = tuple(a for a in scene.actors.of(partner) if a.code and a.code not in own)
            if found:
                draft.category, draft.mode, draft.recipients, draft.recipient_word = "COOPERATE", "", found, partner
                return
    if drills and len(own) > 1 and not any(a.code for a in draft.recipients):
        # "American and Guyanese forces held joint exercises": the forces together, aimed at nobody
        draft.category, draft.mode, draft.symmetric = "COOPERATE", "", True


def between_words(cue: Cue) -> Token | None:
    """ "talks between Tiani and Putin", "the suspension of cooperation between Algeria and
    Morocco": the first of the parties."""
    literal = [cue.anchor.doc[i] for i in sorted(cue.words)]
    anchor = cue.anchor
    carrier = [anchor.head] if anchor.dep_ in ("nsubj:pass", "nsubj", "obj") and syntax.is_verb(anchor.head) else []
    hosted = syntax.objects(anchor) if cue.rule.source == "object" else []  # "hosted talks between X and Y"
    for word in (*literal, *syntax.obliques(anchor, ("of",)), *carrier, *hosted):  # "talks were held between X and Y"
        for child in word.children:
            if child.dep_ in ("nmod", "obl") and syntax.case_of(child) in ("between", "among"):
                return child
    return None


def clause_predicate(word: Token) -> Token:
    """The verb whose clause holds the event: the cue's own, or the one a noun cue hangs on."""
    current = syntax.predicate(word)
    steps = 0
    while not clause_head(current) and current.head != current and steps < 3:
        current = current.head
        steps += 1
    return current if clause_head(current) else syntax.predicate(word)


def place_of_being(word: Token) -> bool:
    """The place a clause with "be" puts its subject in: "was in Moscow" (not "ready for")."""
    located = any(c.dep_ == "case" and c.lower_ in ("in", "at") for c in word.children)
    return located and any(c.dep_ == "cop" for c in word.children)


def clause_head(word: Token) -> bool:
    """A verb, or the place of a clause with "be": "was in Moscow for talks"."""
    return syntax.is_verb(word) or place_of_being(word)


def count_of(scene: Scene, predicate: Token, source_word: Token | None = None) -> tuple[int | None, str]:
    """The number of people the event moves or hits: "sent 100 advisers", "a first set of
    about 100 Russian advisers arrived"."""
    tokens = [t.i for t in predicate.subtree] + ([t.i for t in source_word.subtree] if source_word is not None else [])
    personnel = [s for s, _, role in scene.analysis.roles if role.personnel and min(tokens) <= s <= max(tokens)]
    return find_quantity(scene.doc, personnel, min(tokens), max(tokens) + 1, predicate.i)


def purpose(verb: Token) -> bool:
    """ "sent troops to (help) fight jihadists", "formed a force to fight", "patrols to fight":
    what a move or a thing is for, not "took off to strike" or "claimed to have ambushed"."""
    if verb.dep_ == "xcomp" and verb.head.lemma_ == "help":
        verb = verb.head
    if verb.dep_ in ("xcomp", "advcl") and "to" in syntax.marks(verb) and verb.head.lemma_ in STRUGGLING:
        return True  # "rebels fighting to topple his government": what they fight for
    if verb.dep_ == "advcl" and "to" in syntax.marks(verb) and any(o.lemma_ in PLOTS for o in syntax.objects(verb.head)):
        return True  # "thwarted a plot by officers to overthrow the government" read with "to" on "thwarted"
    planned = verb.head if verb.dep_ == "conj" and verb.head.dep_ == "xcomp" else verb  # "to attack ... and kill"
    planner = planned.head
    had = any(c.dep_ == "aux" and c.lower_ == "had" for c in planner.children)
    if planned.dep_ == "xcomp" and "to" in syntax.marks(planned) and planner.lemma_ in PLOTS and had:
        return True  # "the plotters had planned to attack the presidency": a plan that never came about
    if verb.dep_ == "acl" and "to" in syntax.marks(verb) and syntax.is_noun(verb.head) and not first_of_kind(verb.head):
        return True  # "joint patrols to fight militants": what the thing is for
    if verb.dep_ != "advcl" or "to" not in syntax.marks(verb) or "have" in syntax.auxiliaries(verb):
        return False
    return verb.head.lemma_ in PURPOSE_HOSTS


PLOTS = frozenset({"plot", "plan", "attempt", "bid", "conspiracy", "scheme"})  # what a plot is "to" do did not happen
STRUGGLING = frozenset({"fight", "battle", "struggle"})  # verbs whose "to" infinitive is what is fought for


def first_of_kind(noun: Token) -> bool:
    """ "the first country to recognise", "the only state to vote against": one that did it."""
    return any(c.lower_ in ("first", "last", "only") or c.tag_ == "JJS" for c in noun.children)


def awaited(verb: Token) -> bool:
    """A negated or future verb, whose "until" clause is a condition still to be met."""
    for word in [verb, *list(verb.ancestors)[:2]]:  # "would not allow oil to be loaded until ..."
        if syntax.negated(word) or {"will", "would", "wo"} & set(syntax.auxiliaries(word)):
            return True
    return False


def apply_modality(draft: Draft, modifiers: dict[str, str]) -> None:
    """Negation, doubt and conditions drop the event; a future or a plan makes it a promise
    (cooperative) or a threat (hostile); an attempt is marked. modifiers: lemma -> kind."""
    words = [draft.cue.anchor]
    named_by = draft.cue.anchor.head
    enacted = named_by.lemma_ == "bill" and named_by.head.lemma_ in ("sign", "enact")  # "signed a bill to send aid"
    if draft.cue.anchor.dep_ in ("compound", "nmod", "acl") and named_by.lemma_ in modifiers and not enacted:
        words.append(named_by)  # "an intervention plan", "the intention to intervene"
    if draft.predicate is not None and draft.predicate != draft.cue.anchor:
        words.append(draft.predicate)
    means = words[-1].head if words[-1].dep_ == "advcl" and "by" in syntax.marks(words[-1]) else None
    if means is not None and (set(syntax.marks(means)) & CONDITIONAL_MARKS or syntax.negated(means)):
        words.append(means)  # "whether it would respond by expelling": no surer than the response
    words.extend(syntax.governors(words[-1]))
    kinds: set[str] = set()
    for word in words:
        if syntax.negated(word) or not_yet(word, draft.cue.anchor):
            kinds.add("negation")
        if ruled_out(word, draft.cue.anchor):
            kinds.add("hypothetical")  # "ruled out sending troops", "does not rule out developing cooperation"
        auxiliaries = syntax.auxiliaries(word)
        for aux in auxiliaries:
            kinds.add(modifiers.get(aux, ""))
        if "have" in auxiliaries and {"would", "could", "might", "should"} & set(auxiliaries):
            kinds.add("hypothetical")  # "would have extended": it did not happen
        for mark in syntax.marks(word):
            kinds.add("hypothetical" if mark in CONDITIONAL_MARKS else modifiers.get(mark, ""))
            if mark == "until" and awaited(word.head):
                kinds.add("hypothetical")  # "would not allow exports until Niamey reopened the border": not yet
        taken = word.lemma_ == "decide" and any(c.lower_ == "had" for c in word.children)  # "had decided to recall": done
        if word != draft.cue.anchor and word != draft.predicate and not taken:
            kinds.add(modifiers.get(word.lemma_, ""))
        for child in word.children:
            if child.dep_ == "advmod":
                kinds.add(modifiers.get(child.lower_, ""))
            if child.dep_ == "advcl" and "unless" in syntax.marks(child):
                kinds.add("condition")
    anchor = draft.cue.anchor
    blocked = anchor.dep_ == "obj" and anchor.head.lemma_ in BLOCKING and anchor.head.i not in draft.cue.words
    if syntax.is_noun(anchor) and blocked:
        kinds.add("negation")  # "Hungary blocked an EU aid package for Ukraine": no aid was given
    weighed = modifiers.get(anchor.head.lemma_) == "hypothetical" and anchor.head.i not in draft.cue.words
    if syntax.is_noun(anchor) and anchor.dep_ == "obj" and weighed:
        kinds.add("hypothetical")  # "Germany will review its aid": no aid is given or pledged
    if any(draft.cue.anchor.doc[i].lower_ in syntax.NEGATIONS for i in draft.cue.words):
        kinds.discard("negation")  # the cue is itself negative: "will not end", "did not accept"
    held = anchor.head if anchor.dep_ == "nmod" and syntax.case_of(anchor) in ("of", "for") else None
    if held is not None and any(c.dep_ == "det" and c.lower_ == "no" for c in held.children):
        kinds.add("negation")  # "no announcement of direct talks", "no plans for a visit"
    clause = draft.predicate or anchor
    asked = any(c.lower_ in ("when", "whether", "if") and c.dep_ in ("advmod", "mark") for c in clause.children)
    if asked and clause.dep_ in ("advcl", "ccomp") and syntax.negated(clause.head):
        kinds.add("hypothetical")  # "have not said when their ambassadors would return": an open question
    if anchor.dep_ in ("csubj", "csubj:pass") and anchor.tag_ == "VBG":
        kinds.add("hypothetical")  # "supplying weapons to Ukraine would be a big mistake": a topic, not an act
    if draft.category in VIOLENT | {"SUPPORT", "COERCE"} and purpose(anchor):
        kinds.add("hypothetical")  # "sent troops to fight jihadists", "to support its war": the purpose of the move
    if for_someone_to(anchor) or provided_for(anchor):
        kinds.add("hypothetical")  # "a deadline for Israel to allow aid in", "the deal provides for the release of": not done
    if anchor.lemma_ in BUYING and anchor.head.lemma_ in STOPPING and anchor.dep_ in ("xcomp", "ccomp", "obj", "advcl"):
        kinds.add("negation")  # "stopped buying weapons from France": no aid now
    if kinds & {"negation", "hypothetical"}:
        draft.dropped = True
    elif "future" in kinds and draft.category == "SANCTION" and not conditional(words) and decided(draft, words):
        draft.tense = "future"  # "announced they would leave the court": a decision, no threat
    elif "future" in kinds:
        promise(draft)
        if "condition" in kinds and draft.category not in VERBAL_CONFLICT_KEEP:
            draft.category = "THREATEN"  # "will withdraw unless ..."
    elif "attempt" in kinds:
        draft.tense = "attempt"


ANNOUNCING = frozenset({"announce", "decide", "confirm", "notify", "inform"})


def conditional(words: list[Token]) -> bool:
    """Is the act told under a condition ("would leave if it was suspended", "unless ...")?"""
    clauses = [c for w in words for c in w.children if c.dep_ == "advcl"]
    return any(m in ("if", "unless") for c in clauses for m in syntax.marks(c))


EXITING = frozenset({"leave", "withdraw", "quit", "exit", "pull"})


def leaves_body(draft: Draft, words: list[Token]) -> bool:
    """ "said they would withdraw from the court", "would leave the pact": a member telling its
    own exit from a body or a treaty decides it (a threat says "threatened to" or sets a condition)."""
    anchor = draft.cue.anchor
    told = [*words, *(c for c in anchor.children if c.dep_ == "parataxis")]  # "..., the White House said"
    return draft.cue.rule.mode == "withdraw" and anchor.lemma_ in EXITING and any(w.lemma_ in SAYING for w in told)


def provided_for(anchor: Token) -> bool:
    """ "The deal provides for the release of hostages": what a text lays down, not yet done."""
    return syntax.is_noun(anchor) and syntax.case_of(anchor) == "for" and anchor.head.lemma_ == "provide"


def for_someone_to(anchor: Token) -> bool:
    """Is the verb told as "for X to ...", what somebody is to do, whatever the parse made of it?"""
    verb = anchor if syntax.is_verb(anchor) else anchor.head if anchor.dep_ == "obj" else None  # "to allow aid in"
    if verb is None:
        return False
    doc, i = verb.doc, verb.i
    if not syntax.is_verb(verb) or i < 3 or doc[i - 1].lower_ != "to":
        return False
    opening = next((j for j in range(i - 2, max(i - 6, 0) - 1, -1) if doc[j].lower_ == "for"), None)
    if opening is None or opening + 1 >= i - 1:
        return False
    return all(t.pos_ in ("PROPN", "NOUN", "DET", "ADJ") for t in doc[opening + 1 : i - 1])


def decided(draft: Draft, words: list[Token]) -> bool:
    return announced(words) or leaves_body(draft, words)


def announced(words: list[Token]) -> bool:
    """Is the act's clause what someone announced or decided ("announced that it would leave")?"""
    return any(w.lemma_ in ANNOUNCING for w in words)


def ruled_out(word: Token, anchor: Token) -> bool:
    """Under "rule out", said or denied: a possibility, not an act."""
    governing = [word] if word != anchor else []
    bare_gerund = word.dep_ == "advcl" and word.tag_ == "VBG" and not syntax.marks(word)
    bare_gerund = bare_gerund and not any(t.text == "," for t in word.doc[word.head.i : word.i])  # not ", accusing"
    governing += [word.head] if word.dep_ in ("xcomp", "ccomp", "obj") or bare_gerund else []
    return any(w.lemma_ == "rule" and any(c.lower_ == "out" for c in w.children) for w in governing)


def told_below(word: Token, anchor: Token) -> bool:
    """Is the anchor inside a clause that a verb under word tells ("has yet to explain why
    its soldiers killed ...")?"""
    step = anchor
    while step != word and step.head != step:
        if step.dep_ in ("ccomp", "advcl", "acl", "acl:relcl"):
            return True
        step = step.head
    return False


def not_yet(word: Token, anchor: Token) -> bool:
    """ "has yet to deploy", "is yet to sign": not done (but "has yet again expelled" is)."""
    if not any(c.dep_ == "advmod" and c.lower_ == "yet" for c in word.children):
        return False
    if word != anchor and word.lemma_ in ("have", "be"):
        # "yet" on the governing "has" of the act itself, not of a verb whose clause tells it
        return any(c.dep_ == "xcomp" and anchor in c.subtree for c in word.children) and not told_below(word, anchor)
    before = {c.lemma_ for c in word.children if c.i < word.i and c.dep_ in ("cop", "aux")}
    return "to" in syntax.marks(word) and bool(before & {"have", "be"})


# Verbs whose object did not happen or stops: "blocked an aid package", "suspended its military support"
BLOCKING = frozenset(
    "block veto reject oppose torpedo refuse deny suspend halt freeze stop end cut cancel terminate withhold scrap revoke".split()
)


HELPING = frozenset({"help", "support", "assist", "back", "reinforce", "bolster", "aid", "defend", "protect", "prop"})


def sent_to_help(scene: Scene, draft: Draft) -> None:
    """ "North Korea has sent thousands of troops to help Russia": forces sent to help a state
    are military aid to it."""
    codes = coded(draft.sources)
    if draft.category not in ("MOBILIZE", "AID") or not codes or coded(draft.recipients) - codes:
        return
    verb = syntax.predicate(draft.cue.anchor)
    for purpose in (c for c in verb.children if c.dep_ in ("xcomp", "advcl") and c.lemma_ in HELPING):
        helped = tuple(a for o in syntax.objects(purpose) for a in scene.actors.of(o) if a.code and a.code not in codes)
        if helped:
            draft.category, draft.mode, draft.recipients = "AID", "military", helped
            return


# what forces are sent "to" do against a state
PRESSING_PURPOSES = frozenset("surround encircle blockade besiege intimidate pressure invade attack strike".split())


def sent_to_press(scene: Scene, draft: Draft) -> None:
    """ "sending warships and fighter jets to surround the island": forces sent against a state
    are a mobilisation aimed at it, not aid to it."""
    if not (draft.category == "AID" and draft.mode == "military") and draft.category != "MOBILIZE":
        return
    purposes = purposes_of(syntax.predicate(draft.cue.anchor), PRESSING_PURPOSES)
    if not purposes:
        return
    draft.category, draft.mode = "MOBILIZE", "troops"
    own = coded(draft.sources)
    pressed = tuple(a for p in purposes for o in syntax.objects(p) for a in scene.actors.of(o) if a.code and a.code not in own)
    if pressed and not coded(draft.recipients):
        draft.recipients = pressed


def allies_in_arms(draft: Draft) -> list[Token]:
    """ "fought alongside the Ethiopian army" (and nobody named as fought against): the allies."""
    verb = syntax.predicate(draft.cue.anchor)
    if draft.category != "FIGHT" or not syntax.is_verb(verb) or syntax.objects(verb) or syntax.obliques(verb, ("against",)):
        return []
    return syntax.obliques(verb, ("alongside",))


def fought_alongside(scene: Scene, draft: Draft) -> None:
    """ "Eritrean troops fought alongside the Ethiopian army": allies in arms, not enemies."""
    partners = [a for o in allies_in_arms(draft) for a in scene.actors.of(o) if a.code]
    if partners:
        draft.category, draft.mode, draft.recipients = "COOPERATE", "", tuple(partners)


def joined_doers(scene: Scene, draft: Draft) -> None:
    """ "Guinea, along with Mali and Niger, left the bloc": those named "along with" or
    "together with" the subject, before the verb, act with it."""
    verb = syntax.predicate(draft.cue.anchor)
    subject = syntax.subject(verb) if syntax.is_verb(verb) else None
    if subject is None or not coded(draft.sources):
        return
    heads = [verb, subject]
    heads += [c for h in heads for c in h.children if c.lower_ in ("along", "together") and c.i < verb.i]  # "together with"
    joined = [o for h in heads for o in syntax.obliques(h, ("along", "together", "alongside", "with")) if o.i < verb.i]
    joined = [o for o in joined if syntax.case_of(o) != "with" or o.head.lower_ in ("along", "together")]
    taken = coded(draft.sources) | coded(draft.recipients)
    partners = [a for o in joined for a in scene.actors.of(o) if a.code and a.code not in taken]
    if partners:
        draft.sources = (*draft.sources, *dict.fromkeys(partners))


def refused_promise(scene: Scene, draft: Draft) -> None:
    """ "Sharon has vowed not to return the Golan Heights to Syria": a promise not to yield is a
    refusal; a promise not to strike ("vowed not to attack") stays a promise."""
    anchor = draft.cue.anchor
    if draft.category != "AGREE" or draft.mode != "promise" or not syntax.is_verb(anchor):
        return
    deed = next((c for c in anchor.children if c.dep_ == "xcomp" and syntax.negated(c)), None)
    hostile = deed is not None and any(c.anchor == deed and c.rule.category not in COOPERATIVE for c in scene.cues)
    if deed is not None and not hostile:
        draft.category, draft.mode, draft.tense = "REJECT", "", ""


def promise(draft: Draft, mode: str = "") -> None:
    """A promised or planned event: cooperative -> AGREE, hostile -> THREATEN."""
    draft.tense = "future"
    if draft.cue.anchor.lemma_ in BUYING:
        draft.dropped = True  # "Taiwan plans to buy missiles from the US": no seller promised anything
        return
    if draft.category in VERBAL_CONFLICT_KEEP:
        return
    # "offered to deploy troops to the mission": nobody offers a threat
    # an agreement is cooperation, whatever it is about ("agreed on arrangements for patrolling")
    friendly = draft.category in COOPERATIVE or mode in ("offer", "agree") or troops_to_help(draft)
    draft.category = "AGREE" if friendly else "THREATEN"
    if mode:
        draft.mode = mode


BUYING = frozenset({"buy", "purchase", "acquire"})
STOPPING = frozenset({"stop", "halt", "cease", "suspend", "end", "quit"})


def troops_to_help(draft: Draft) -> bool:
    """ "would send 700 more soldiers to reinforce the force": troops promised to help, no threat."""
    reinforcing = draft.cue.anchor.lemma_ in ("reinforce", "bolster")  # "will bolster its presence in Japan"
    return draft.category == "MOBILIZE" and (reinforcing or bool(purposes_of(syntax.predicate(draft.cue.anchor), HELPING)))


def purposes_of(verb: Token, lemmas: frozenset[str]) -> list[Token]:
    """What a move is "to" do, among these verbs: on the verb ("sent troops to help") or on its
    object ("sent 700 soldiers to reinforce the force", read with the infinitive on "soldiers")."""
    found = [c for c in verb.children if c.dep_ in ("advcl", "xcomp", "csubj", "acl") and c.lemma_ in lemmas]
    found += [c for o in syntax.objects(verb) for c in o.children if c.dep_ == "acl" and c.lemma_ in lemmas]
    return [p for p in found if "to" in syntax.marks(p)]


# -- cues governing cues -------------------------------------------------------------------


def governor_of(draft: Draft, drafts: list[Draft]) -> Draft | None:
    """The event whose cue this one's cue completes: "threatened [to impose sanctions]",
    "the termination of [military cooperation]", "held talks [to discuss trade]"."""
    owners = {i: d for d in drafts for i in d.cue.words}
    current = draft.cue.anchor
    if appended_claim(current):
        return None  # "accused Ivory Coast of harbouring plotters, a charge Abidjan rejected": an answer
    modal = next((owners[c.i] for c in current.children if c.dep_ == "aux" and c.i in owners), None)
    if modal is not None and modal is not draft:
        return modal  # "the government and the rebels must reach an agreement": what is demanded
    for _ in range(3):
        head = current.head
        # "agreed to restore relations and reopen embassies", "called on X to agree ... and allow aid": both
        promiser = next((owners[a.i] for a in list(head.ancestors)[:2] if a.i in owners), None)
        promised = promiser is not None and promiser.cue.rule.governs in ("intent", "absorb") and "to" in syntax.marks(head)
        clause_head = head.dep_ in ("xcomp", "ccomp", "advcl", "acl") or (head.dep_ == "nmod" and head.tag_ == "VBG")
        if current.dep_ == "conj" and clause_head and (head.i not in owners or promised):
            current = head  # "agreed to leave differences behind and to begin negotiations", "accused X of arming and funding"
        that_clause = current.dep_ == "acl:relcl" and any(c.dep_ == "mark" for c in current.children)
        if current.head == current or (current.dep_ not in COMPLEMENT_EDGES and not that_clause):
            return None  # ("a demand that it disarm" read as a relative clause is the demand's content)
        if syntax.in_background(current) or told_when(current):
            return None  # "following Zeine's visit, both agreed": the visit is an event of its own
        own_act = current.lemma_ in AGREEING | COMPLAINING
        if current.dep_ == "advcl" and current.tag_ == "VBG" and own_act and syntax.after_comma(current):
            return None  # "met in Istanbul, agreeing to exchange prisoners", "threatened ..., complaining that"
        current = current.head
        owner = owners.get(current.i)
        if owner is not None and owner is not draft:
            return owner
    return None


# acts of their own told as a participle after a comma: outcomes, and complaints
AGREEING = frozenset({"agree", "pledge", "promise", "sign", "decide"})
COMPLAINING = frozenset({"complain", "accuse", "blame", "criticise", "criticize", "condemn", "denounce"})


def told_when(clause: Token) -> bool:
    """ "since July, when it closed the border", "while the junta expelled its ambassador": a
    clause that tells an act of its own."""
    if clause.dep_ != "advcl":
        return False
    when = any(c.dep_ == "advmod" and c.lower_ == "when" for c in clause.children)
    marks = set(syntax.marks(clause))
    own_subject = any(c.dep_ in ("nsubj", "nsubj:pass") for c in clause.children)
    # told as done or due ("while Israel was to withdraw"), not a bare present that conditions what
    # is offered ("while the two sides observe a truce")
    done = clause.tag_ not in ("VBP", "VBZ", "VB") or any(c.dep_ in ("aux", "aux:pass", "cop") for c in clause.children)
    return when or bool(marks & BACKGROUND_MARKS) or (own_subject and done and bool(marks & CONTRAST_MARKS))


CONTRAST_MARKS = frozenset({"while", "whereas", "although", "though"})
REASONS = frozenset({"against", "over", "for"})  # what an act answers, under the verb that answers it


def govern(scene: Scene, drafts: list[Draft]) -> None:
    promised: set[int] = set()  # governors already handed to a complement they promise
    for draft in drafts:
        governor = governor_of(draft, drafts)
        for _ in range(3):  # a governor absorbed by the cue above it hands its complement up
            if governor is None or not governor.dropped or id(governor) in promised:
                break
            governor = governor_of(governor, drafts)
        if governor is None or (governor.dropped and id(governor) not in promised):
            continue
        how = governor.cue.rule.governs
        if draft.dropped and how in ("intent", "act"):
            continue  # a negated or doubted complement leaves the promise or order standing
        if how == "absorb" and alleged_by_nobody(governor):
            governor.dropped = True  # "troops were accused of killing civilians": the act is what is reported
            draft.sources = draft.sources or governor.recipients
            draft.source_word = draft.source_word or governor.recipient_word
        elif how == "absorb" and met_someone_else(draft, governor):
            continue
        elif how == "absorb":
            draft.dropped = True  # the threat, demand or meeting is the event; its topic is not
            fill_missing(governor, draft)
            if draft.category == governor.category and MODE_RANK.get(draft.mode, 2) < MODE_RANK.get(governor.mode, 2):
                governor.mode = draft.mode
        elif how == "intent" and (draft.category != "AGREE" or draft.tense == "future"):
            governor.dropped = True  # "is willing to withdraw": the withdrawal, promised
            promised.add(id(governor))  # "agreed to restore relations and reopen embassies": both promised
            fill_missing(draft, governor)
            if draft.tense != "future":
                promise(draft, governor.mode)
        elif how == "act" and draft.cue.anchor.head == governor.cue.anchor and syntax.case_of(draft.cue.anchor) in REASONS:
            continue  # "retaliated against India's strikes by ...": the strikes are India's, the reason
        elif how == "act":
            governor.dropped = True  # "ordered the suspension of ...": the suspension happened
            draft.sources = governor.sources or draft.sources
            fill_missing(draft, governor)
        elif draft.category == governor.category:
            draft.dropped = True  # "discussed ... over the phone": one call
            fill_missing(governor, draft)
            if MODE_RANK.get(draft.mode, 2) < MODE_RANK.get(governor.mode, 2):
                governor.mode = draft.mode
        elif syntax.is_noun(draft.cue.anchor) and not own_doer(scene, draft):
            draft.dropped = True  # "the termination of military cooperation": a termination


def met_someone_else(draft: Draft, governor: Draft) -> bool:
    """ "flew to Ankara for talks with Abiy": a meeting with another than the host is one more."""
    partners, hosts = coded(draft.recipients), coded(governor.recipients)
    talks = draft.category == "CONSULT" and draft.mode == "meet" and governor.mode == "visit"
    return talks and bool(partners and hosts) and not partners & (hosts | coded(governor.sources))


def alleged_by_nobody(governor: Draft) -> bool:
    """ "X were accused of ...", with no accuser named."""
    verb = syntax.predicate(governor.cue.anchor)
    return governor.category == "DISAPPROVE" and not governor.sources and syntax.is_verb(verb) and syntax.is_passive(verb)


MONTHS = frozenset(calendar.month_name[1:])
DAYS = frozenset(calendar.day_name)


# ties a state keeps up, told in the present as who it is
STANDING = frozenset({"AID", "COOPERATE", "SUPPORT"})


def aside_in_present(verb: Token) -> bool:
    """A relative clause set off by commas, its verb in the simple present ("X, which
    supplies ...", "X, who backs ...")."""
    if verb.dep_ != "acl:relcl" or verb.tag_ not in ("VBZ", "VBP") or syntax.auxiliaries(verb):
        return False
    pronoun = next((c for c in verb.children if c.dep_.startswith("nsubj") and c.lower_ in ("which", "who")), None)
    return pronoun is not None and pronoun.i > 0 and verb.doc[pronoun.i - 1].text == ","


def ongoing(draft: Draft) -> bool:
    """ "Wagner fighters have been deployed in Mali since 2021", "have been mediating for
    months": a state that has lasted some time is background, not an event of the day."""
    predicate = syntax.predicate(draft.cue.anchor)
    verb = predicate if syntax.is_verb(predicate) else syntax.clause_verb(predicate)  # "have carried out strikes since"
    if verb is None:
        return False
    first = verb.head if verb.dep_ == "conj" and verb.head.tag_ == "VBG" else verb  # "visiting ... and providing"
    # "..., signing a defence pact with Niger on Monday": an act of its own day
    own_day = any(c.dep_ in TIME_EDGES and names_date(c) for c in verb.children)
    if verb.tag_ == "VBG" and not own_day and first.dep_ in ("advcl", "conj") and lasting(draft, first.head, first.head):
        return True  # "has worked in Niger since 1982, visiting detainees": part of the lasting work
    return lasting(draft, verb, predicate)


def lasting(draft: Draft, verb: Token, predicate: Token) -> bool:
    if any(c.dep_ == "advmod" and c.lower_ in HABITUAL for c in verb.children):
        return True  # "jihadists regularly carry out attacks": what they do, not what they did
    if "have" not in syntax.auxiliaries(verb):
        return False
    spans = [c for c in verb.children if c.dep_ in ("obl", "obl:tmod")]
    spans += [c for c in predicate.children if c.dep_ == "nmod" and is_recent_span(c)]  # "attacks ... in recent years"
    return any(
        (case_of_child(c) == "since" and (is_time(c) or (c.lemma_ in ERAS and draft.category in VIOLENT)))
        or (case_of_child(c) == "for" and is_duration(c))
        or is_recent_span(c)
        for c in spans
    )


# "have been killed since the coup": a toll counted from an event, not the day's violence
ERAS = frozenset("coup takeover independence war invasion outbreak start beginning revolution uprising".split())


HABITUAL = frozenset("regularly routinely often frequently usually typically sometimes occasionally habitually".split())


def is_recent_span(word: Token) -> bool:
    """ "in recent years", "over the past decade", "over the years": a stretch up to now."""
    if case_of_child(word) not in ("in", "over", "during") or word.lemma_ not in ("year", "month", "decade", "week"):
        return False
    return word.tag_ == "NNS" or any(c.lower_ in ("recent", "past", "last") for c in word.children)


STATIVE_NOUNS = frozenset("recipient beneficiary supplier provider donor source destination hub partner user".split())
PLAN_NOUNS = frozenset("step goal aim plan priority hope objective idea proposal option".split())  # "the next step was ..."


WARS = frozenset({"war", "conflict", "insurgency", "fighting", "violence", "crisis", "unrest", "rebellion"})
BACKING_VERBS = frozenset({"support", "back", "help", "aid", "assist", "fund", "finance", "praise", "welcome"})
# what one wages against an enemy: its "against" phrase names the enemy, never a partner of the backing
CAMPAIGNS = frozenset({"fight", "struggle", "campaign", "war", "battle", "offensive", "effort", "efforts"})


def names_war(noun: Token) -> bool:
    """ "the war", "two years of war", "a decade of conflict"."""
    of_war = any(c.lemma_ in WARS and syntax.case_of(c) == "of" for c in noun.children)
    return noun.lemma_ in WARS or (noun.lemma_ in ("year", "decade", "month", "week") and of_war)


def described(draft: Draft) -> bool:
    """ "Niger had been the largest recipient of US security assistance", "has a defence treaty
    with": an act named inside what something is or has is a standing fact, not an event."""
    anchor = draft.cue.anchor
    if anchor.lemma_ in ("station", "base", "garrison") and syntax.is_verb(anchor) and syntax.is_passive(anchor):
        return True  # "1,000 French soldiers had been stationed in the country": where they were
    if anchor.dep_ == "acl" and anchor.head.dep_ == "obj" and stative_have(anchor.head.head):
        return True  # "Iran has 2,000 advisers in Syria fighting alongside ...": a standing presence
    if anchor.dep_ in ("acl", "amod") and anchor.lower_ in TIED and not any(c.dep_.startswith("nsubj") for c in anchor.children):
        return True  # "fighters allied with Hamas": who they are, not an alliance made
    if in_relative_clause(draft) and allies_in_arms(draft):
        return True  # "Eritrean troops, who fought alongside the Ethiopian army, ...": who they are
    if anchor.dep_ in ("acl:relcl", "acl") and names_war(anchor.head):
        return True  # "ending two years of war that killed hundreds of thousands": the war's toll
    if draft.category in STANDING and aside_in_present(anchor):
        return True  # "Nigeria, which supplies much of Niger's electricity, cut ...": what Nigeria does
    backed = anchor.dep_ == "obj" and anchor.head.lemma_ in BACKING_VERBS and anchor.lemma_ in CAMPAIGNS
    if syntax.is_noun(anchor) and backed and draft.cue.rule.category in VIOLENT:
        return True  # "would continue to support its fight against Boko Haram": a cause backed, not a battle
    counted = [c for c in anchor.children if c.dep_ == "obj" and names_war(c) and c.tag_ == "NNS"]
    if counted and any(n.dep_ == "nummod" or n.lower_ in ("several", "many") for c in counted for n in c.children):
        return True  # "Armenia and Azerbaijan, which fought two wars": a history, not a battle
    doing = anchor.dep_ == "acl:relcl" and anchor.tag_ == "VBG" and was_doing(anchor) and draft.category not in VIOLENT
    if doing and not anchor.head.dep_.startswith("nsubj"):
        return True  # "targeting a U.S. ship that was providing support to Israel": what the ship was doing
    describing = anchor.head  # "accusing Benin of hosting French troops preparing to attack it": what the troops are said to be
    planned_by_noun = anchor.dep_ == "xcomp" and describing.dep_ == "acl" and describing.tag_ == "VBG"
    accused = any(a.lemma_ in BLAMING for a in describing.head.ancestors) and describing.head.head.lemma_ not in BLAMING
    if planned_by_noun and accused:
        return True
    if not syntax.is_noun(anchor):
        return False
    if anchor.dep_ == "obj" and anchor.head.lemma_ == "have" and anchor.head.pos_ == "VERB":
        return True  # "the United States, which has a mutual defence treaty with the Philippines"
    planned = [c for c in anchor.children if c.dep_ == "nsubj" and c.lemma_ in PLAN_NOUNS]
    if planned and any(c.dep_ == "cop" for c in anchor.children):
        return True  # "the next step was a meeting between Zelenskyy and Putin": what is hoped for
    return any(a.lemma_ in STATIVE_NOUNS and any(c.dep_ == "cop" for c in a.children) for a in list(anchor.ancestors)[:3])


def was_doing(verb: Token) -> bool:
    """A past progressive: "was providing", "were carrying"."""
    return any(c.dep_ == "aux" and c.lower_ in ("was", "were") for c in verb.children)


def stative_have(verb: Token) -> bool:
    return verb.lemma_ == "have" and verb.pos_ == "VERB"


def is_duration(word: Token) -> bool:
    """ "for months", "for two years", "for decades": a stretch of time, not a date."""
    return word.lemma_ in ("year", "month", "week", "decade", "day") and word.tag_ == "NNS"


def dated(verb: Token) -> bool:
    """Does a verb joined by "and" or "but" carry a date of its own, on itself or on its object
    ("lifted them in February", "lifted the measures in February")? Not a date deeper down, in a
    clause of its own ("agreed to hold talks in March")."""
    if not syntax.is_verb(verb) or not any(c.dep_ == "cc" for c in verb.children):
        return False
    below_object = [c for o in syntax.objects(verb) for c in o.children]  # "lifted most of the measures in February"
    own = [*verb.children, *below_object, *(g for c in below_object if c.dep_ == "nmod" for g in c.children)]
    return any(t.dep_ in TIME_EDGES | {"nmod"} and names_date(t) for t in own)


def names_date(word: Token) -> bool:
    """ "February", "Monday", "last year", "2021": a date, not a number of people."""
    year = word.like_num and len(word.text) == 4 and word.text.isdigit()
    return year or word.text in MONTHS or word.text in DAYS or word.lemma_ in ("year", "month", "week")


def is_time(word: Token) -> bool:
    """ "2021", "January", "last year": a time, not an event ("since the coup")."""
    return word.like_num or word.text in MONTHS or word.lemma_ in ("year", "month", "week", "decade")


def case_of_child(word: Token) -> str:
    return next((c.lower_ for c in word.children if c.dep_ in ("case", "mark")), "")


def own_doer(scene: Scene, draft: Draft) -> bool:
    """Does a noun cue name its own doer ("the JNIM attack", "Russia's deployment"), so that
    it is an event of its own inside another cue's phrase?"""
    word = draft.source_word
    if word is None or word.head.i != draft.cue.anchor.i or draft.cue.anchor.dep_ in ("nmod", "compound"):
        return False
    named = word.i in scene.actors.actor_at or word.i in scene.actors.anaphor_at
    return named and any(a.code for a in draft.sources)


def merge_settings(drafts: list[Draft]) -> None:
    """ "killed three soldiers in a gunbattle", "air strikes killed dozens": killing in
    combat is fighting; the combat noun and the killing are one FIGHT event."""
    fights = {d.cue.anchor.i: d for d in drafts if d.category == "FIGHT" and syntax.is_noun(d.cue.anchor) and not d.dropped}
    violent = {syntax.predicate(d.cue.anchor).i: d for d in drafts if d.category in VIOLENT and not d.dropped}
    for draft in drafts:
        verb = syntax.predicate(draft.cue.anchor)
        main = violent.get(verb.head.i) if verb.dep_ == "advcl" and verb.tag_ == "VBG" else None
        if draft.category in VIOLENT and main is not None and main is not draft:
            draft.dropped = True  # "shelled a hospital, killing nine people": one event
            fill_missing(main, draft)
            continue
        if draft.category != "ASSAULT" or draft.dropped:
            continue
        verb = syntax.predicate(draft.cue.anchor)
        setting = next((fights[c.i] for c in verb.children if c.i in fights and c.dep_ in ("obl", "nsubj")), None)
        if setting is not None:
            draft.category = "FIGHT"
            setting.dropped = True
            fill_missing(draft, setting)


def merge_instruments(scene: Scene, drafts: list[Draft]) -> None:
    """ "warplanes using guided bombs killed twelve people in an attack on a market": the
    weapons and the attack named inside a violent act are that act, not events of their own."""
    acts = [d for d in drafts if d.category in VIOLENT and syntax.is_verb(d.cue.anchor) and not d.dropped]
    for draft in drafts:
        anchor = draft.cue.anchor
        if draft.dropped or draft.category not in VIOLENT or not syntax.is_noun(anchor) or own_doer(scene, draft):
            continue
        act = next((a for a in acts if anchor in a.cue.anchor.subtree and not clause_between(anchor, a.cue.anchor)), None)
        if act is not None:
            draft.dropped = True
            fill_missing(act, draft)


def clause_between(word: Token, top: Token) -> bool:
    """Is there a reported or embedded clause between a word and a verb above it?"""
    current = word
    while current != top and current.head != current:
        if current.dep_ in ("ccomp", "xcomp", "acl:relcl", "advcl", "parataxis", "csubj"):
            return True
        if current.dep_ == "acl" and any(c.dep_.startswith("nsubj") for c in current.children):
            return True  # "hours after the US carried out strikes" read with "carried" under "hours"
        current = current.head
    return False


REQUESTS = frozenset("request call demand proposal plan offer bid appeal".split())


def request_of(draft: Draft) -> Token | None:
    """ "rejected a request by President Tinubu to send troops": who made the request refused."""
    verb = syntax.predicate(draft.cue.anchor)
    for noun in syntax.objects(verb) if syntax.is_verb(verb) else ():
        if noun.lemma_ in REQUESTS:
            maker = syntax.obliques(noun, ("by", "from")) + [c for c in noun.children if c.dep_ == "nmod:poss"]
            if maker:
                return maker[0]
    return None


def domestic_refusal(scene: Scene, draft: Draft) -> bool:
    """ "Nigeria's senate rejected a request by President Tinubu": a state's own business."""
    maker = request_of(draft) if draft.category == "REJECT" else None
    own = coded(draft.sources)
    return maker is not None and bool(own) and codes_of(scene, maker) == own


NOTIFYING = frozenset({"notify", "inform", "tell", "warn", "write"})
TOLD_ACTS = frozenset({"SANCTION", "RETREAT", "CONCEDE", "REJECT", "AGREE", "THREATEN"})


def told_party(scene: Scene, draft: Draft) -> None:
    """ "Manila notified Washington that it was terminating the pact", "told Hezbollah ... and
    warned of a harsh response": an act told to a party, or told beside what was told to it,
    with nobody else named, is aimed at the party told."""
    verb = draft.predicate or draft.cue.anchor
    teller = verb.head
    said_to = verb.dep_ == "ccomp" and draft.category in TOLD_ACTS
    # "told Hezbollah it would pay a heavy price and warned of a harsh response": the same party
    joined = verb.dep_ == "conj" and syntax.own_subject(verb) is None and draft.category in TOLD_ACTS | {"DEMAND"}
    if coded(draft.recipients) or not (said_to or joined) or teller.lemma_ not in NOTIFYING:
        return
    told = next((c for c in teller.children if c.dep_ in ("obj", "iobj")), None)
    party = tuple(a for a in scene.actors.of(told) if a.code) if told is not None else ()
    if party and not {a.code for a in party} & coded(draft.sources):
        draft.recipients = party


def fill_missing(keeper: Draft, other: Draft) -> None:
    other_codes = {a.code for a in other.recipients if a.code}
    own_codes = coded(keeper.sources)
    word, inner = keeper.recipient_word, other.cue.anchor
    borrowed = word is None or word == inner or inner in word.ancestors  # "threatened to pull Chad out of ...": not Chad
    only_itself = not coded(keeper.recipients) or (borrowed and coded(keeper.recipients) <= own_codes)
    denied = keeper.cue.anchor.lemma_ == "deny" and syntax.is_verb(inner)  # "denies backing M23": aimed at the accuser
    denied = denied or (keeper.category == "REJECT" and request_of(keeper) is not None)  # "a request by Tinubu to ..."
    if only_itself and other_codes and other_codes != own_codes and not denied:
        keeper.recipients = other.recipients
    own = {a.code for a in keeper.recipients if a.code}  # "were ordered to withdraw": not by themselves
    if not any(a.code for a in keeper.sources) and {a.code for a in other.sources if a.code} - own:
        keeper.sources, keeper.symmetric = other.sources, other.symmetric
    if keeper.quantity is None and other.quantity is not None:
        keeper.quantity, keeper.unit = other.quantity, other.unit
    if not keeper.context:
        keeper.context = other.context


# -- defaults, filters, records ------------------------------------------------------------


def is_reference(scene: Scene, draft: Draft) -> bool:
    """ "the location of the attack", "hours before the attack", "after years of military
    occupation": a noun cue inside a prepositional phrase, with no participant of its own,
    or inside a phrase of what came before, with no named doer, refers to an event; it does
    not report one."""
    anchor = draft.cue.anchor
    if anchor.lemma_ in syntax.NAMING_VERBS and "what" in {anchor.head.lower_, *(c.lower_ for c in anchor.children)}:
        return True  # "strikes on what it called terrorist camps": a description, not an accusation
    if not syntax.is_noun(anchor) and anchor.tag_ != "VBG":
        return False
    if told_again(scene, draft):
        return True
    if not any(a.code for a in draft.sources) and told_before(scene, anchor) and deed_told(scene, draft.category):
        return True  # "The deployment followed a treaty ...": the deployment told before
    inside_phrase = anchor.dep_ in ("nmod", "obl", "nmod:poss", "compound", "obl:unmarked")
    if inside_phrase and draft.source_word is None and not draft.sources and not draft.recipients:
        return True
    earlier = any(syntax.in_background(t) for t in (anchor, *list(anchor.ancestors)[:2]))
    word = draft.source_word
    named = word is not None and (word.i in scene.actors.actor_at or word.i in scene.actors.anaphor_at)
    return earlier and not named


JUDGING_VERBS = frozenset(
    {"call", "condemn", "denounce", "describe", "criticise", "criticize", "blame", "label", "welcome", "praise", "justify"}
)


def told_again(scene: Scene, draft: Draft) -> bool:
    """ "Sharif called the strikes an act of war": "the strikes", with no doer of its own, as
    what someone judges, are the strikes already told, not new ones by the judge."""
    anchor = draft.cue.anchor
    if judged_as_subject(scene, anchor):
        return True  # "Macron said the Israeli strikes were unacceptable": the strikes judged
    if anchor.dep_ != "obj" or anchor.head.lemma_ not in JUDGING_VERBS:
        return False
    if told_before(scene, anchor):
        return True
    # "condemned the Israeli strikes": its doer's acts of that kind are told already
    codes = {a.code for a in draft.sources if a.code}
    done = any(kind in like(draft.category) and codes <= {a.code for a in doers} for kind, doers in scene.actors.context.deeds)
    owned = any(c.dep_ == "nmod:poss" for c in anchor.children)  # "criticised Moscow's veto", told before
    return (definite(anchor) or owned) and bool(codes) and done


def judged_as_subject(scene: Scene, noun: Token) -> bool:
    """ "the strikes were unacceptable", "the attacks were a violation of international law": a
    definite act, the subject of a judgement the sentence codes."""
    predicate = noun.head
    if noun.dep_ != "nsubj" or not definite(noun) or not any(c.dep_ == "cop" for c in predicate.children):
        return False
    return any(c.anchor == predicate and c.rule.category in ("DISAPPROVE", "SUPPORT") for c in scene.cues)


def told_before(scene: Scene, noun: Token) -> bool:
    """ "the strikes", "the raid": a definite act with no doer of its own named."""
    own_doer = any(c.dep_ in ("nmod:poss", "amod", "compound") and c.i in scene.actors.actor_at for c in noun.children)
    return definite(noun) and not own_doer


def held_people(draft: Draft) -> None:
    """ "Four French nationals remain under house arrest in Ouagadougou": those under arrest are
    held, not holding; whoever holds them is not named here."""
    anchor = draft.cue.anchor
    if draft.category != "COERCE" or not under_arrest(anchor):
        return
    if draft.source_word is not None and draft.source_word.dep_.startswith("nsubj") and draft.source_word.head == anchor.head:
        draft.recipients, draft.sources = draft.sources, ()
        draft.recipient_word, draft.source_word = draft.source_word, None


def under_arrest(anchor: Token) -> bool:
    """ "remain under house arrest", "held in detention": a state the people are in."""
    return syntax.is_noun(anchor) and syntax.case_of(anchor) in ("under", "in")


def unnamed_expeller(scene: Scene, draft: Draft) -> None:
    """ "The diplomats were declared persona non grata", in a story about Burkina Faso: sent away
    by the story's state when nobody else is named; so are foreigners detained or outlets
    taken off the air."""
    dominant = scene.actors.context.dominant
    verb = draft.predicate or draft.cue.anchor
    # "four French nationals were detained on December 1", "RFI was taken off the air": by the story's state
    passive = syntax.is_verb(verb) and syntax.is_passive(verb)
    held = draft.category == "COERCE" and (passive or under_arrest(draft.cue.anchor))
    if not (held or (draft.category == "SANCTION" and draft.mode == "expel")):
        return
    if coded(draft.sources) or draft.source_word is not None:
        return
    if dominant is not None and coded(draft.recipients) and dominant.code not in coded(draft.recipients):
        draft.sources = (replace(dominant, sector=""),)


OPENING = frozenset({"open", "reopen", "re-open"})


SANCTIONS_WORDS = frozenset({"sanction", "embargo", "restriction", "blockade"})


def posts_of(scene: Scene, draft: Draft) -> set[str]:
    """The countries of the places named right on a recall or on its envoy: where they served."""
    verb = draft.predicate or draft.cue.anchor
    holders = {verb, *(c for c in verb.children if c.lemma_ in ENVOYS)}
    table = scene.actors.place_countries
    return {code for i, code in table.items() if scene.doc[i].head in holders and syntax.case_of(scene.doc[i]) in ("in", "to")}


def lifted_sanctions(scene: Scene, draft: Draft) -> None:
    """ "ECOWAS lifted most of the sanctions": on whom it imposed them, as told before."""
    lifted = {draft.cue.anchor.doc[i].lemma_ for i in draft.cue.words} & SANCTIONS_WORDS
    if draft.category != "CONCEDE" or not lifted or coded(draft.recipients):
        return
    earlier = [scene.actors.context.sanctioned.get(code, ()) for code in coded(draft.sources)]
    found = {a.code: a for told in earlier for a in told if a.code not in coded(draft.sources)}
    if found:
        draft.recipients = tuple(replace(a, sector="") for a in found.values())


def fill_focus(scene: Scene, draft: Draft, recipient_word: Token | None) -> None:
    """An event with a coded doer and no recipient named at all, in an article about one
    country, concerns that country ("the US suspended assistance programmes" in a story
    about Niger)."""
    dominant = scene.actors.context.dominant
    codes = {a.code for a in draft.sources if a.code}
    if draft.symmetric:
        return
    own = coded(scene.actors.of(recipient_word))
    # "recalled its ambassador", "reopened its embassy": its own, no other party named
    envoy = recipient_word is not None and bool(ENVOYS & {recipient_word.lemma_, recipient_word.head.lemma_})
    envoy = envoy or (recipient_word is not None and recipient_word.dep_ == "nmod:poss" and recipient_word.lower_ == "its")
    if own and own <= codes:
        recipient_word = None  # "Germany completed its withdrawal": its own, no other party named
    others = tuple(a for a in draft.recipients if not (envoy and a.code in codes))
    if draft.category not in MOVES and (others or recipient_word is not None):
        return
    if any(a.code not in codes for a in draft.recipients):  # "withdrew from its base in Gao": no other side named
        return
    visit = draft.category == "CONSULT" and draft.mode == "visit"  # "envoys arrived for talks": in that country
    opened = draft.category == "SUPPORT" and draft.cue.anchor.lemma_ in OPENING  # "reopened its embassy in Ouagadougou"
    recalled = draft.category == "SANCTION" and envoy  # "recalled their ambassadors in Algiers"
    # "freed 24 hostages held in Gaza": where captives were held is not whose they are
    moved = draft.category in MOVES and not (draft.mode == "release" and coded(draft.sources))  # "gunmen released": local
    if visit or opened or recalled or moved:  # "has sent 400 police officers" to where it leads a force
        places = places_of(scene, draft.predicate) - reporters(scene, draft)  # not "Washington said ..."
        if recalled:  # the post: "its ambassador in Algiers", not "during a summit in Washington"
            places = posts_of(scene, draft)
        if not places - codes and draft.category == "RETREAT":  # "arrived in Niamey weeks before US troops left"
            root = next(t for t in scene.doc if t.head == t)
            places = places_of(scene, root) - reporters(scene, draft)
        if len(places - codes) == 1:  # "the second visit by a French minister" in Beirut: to Lebanon
            code = (places - codes).pop()
            draft.recipients = (Actor(code, code, "", "state"),)
            return
    if dominant is None or recipient_word is not None or not codes or dominant.code in codes:
        return
    promised_move = draft.category in ("AGREE", "THREATEN") and draft.mode == "withdraw"  # "would begin withdrawing"
    if not (draft.category in FOCUS_CATEGORIES or visit or promised_move):
        return
    if dominant.code in reporters(scene, draft):
        return
    draft.recipients = (replace(dominant, text=dominant.text, sector=""),)


def armed(actor: Actor) -> bool:
    return actor.kind == "armed_group" or actor.sector in ARMED_SECTORS


def official_protest(draft: Draft) -> None:
    """ "The foreign ministry summoned an official to protest against the incident": a
    government protests in words, which is disapproval, not a demonstration."""
    doers = [a for a in draft.sources if a.code]
    word = draft.source_word
    state_named = word is not None and word.tag_ == "NNP" and all(a.kind == "state" and not a.sector for a in doers)
    official = all(a.sector == "GOV" for a in doers) or state_named  # "South Korea summoned ... to protest"
    if draft.category == "PROTEST" and draft.cue.anchor.lemma_ == "protest" and doers and official:
        draft.category = "DISAPPROVE"


# places of unarmed people: shelling them is an assault, not fighting ("shelled a displacement camp")
CIVILIAN_PLACES = frozenset("camp market hospital school mosque church wedding funeral shelter home house".split())
MILITARY_WORDS = frozenset("military army militia rebel base training".split())


def civilian_target(draft: Draft) -> bool:
    """ "shelled a displacement camp", "bombed a market": not an army camp."""
    verb = syntax.predicate(draft.cue.anchor)
    targets = syntax.objects(verb) + syntax.obliques(verb, ("at", "on"))
    return any(t.lemma_ in CIVILIAN_PLACES and not any(c.lemma_ in MILITARY_WORDS for c in t.children) for t in targets)


# taking people is an assault whoever they are: "abducted three police officers" is no battle
SEIZING_PEOPLE = frozenset({"kidnap", "abduct", "kidnapping", "abduction"})


def combat(draft: Draft) -> None:
    """Violence between armed sides (an army and rebels, jihadists and soldiers) is fighting;
    violence against civilians, convoys or unarmed targets stays an assault."""
    seized = draft.category == "SANCTION" and any(draft.cue.anchor.doc[i].lemma_ == "control" for i in draft.cue.words)
    if seized and any(a.kind == "armed_group" for a in draft.sources):
        draft.category = "FIGHT"  # "Houthi rebels took control of a bank": seized by force, no state's seizure
    if draft.category == "FIGHT" and not any(armed(a) for a in draft.recipients) and civilian_target(draft):
        draft.category = "ASSAULT"
    if draft.category != "ASSAULT" or draft.cue.anchor.lemma_ in SEIZING_PEOPLE:
        return
    sources_armed = any(armed(a) or a.kind == "state" for a in draft.sources if a.code)
    if any(armed(a) for a in draft.recipients) and (sources_armed or any(armed(a) for a in draft.sources)):
        draft.category = "FIGHT"  # "Israel struck Hezbollah positions", "jihadists ambushed soldiers"


LEAVING = frozenset({"leave", "quit", "depart", "exit"})


def ordered_out(draft: Draft) -> None:
    """ "ordered the top Chinese executives of the oil companies to leave within 48 hours": an
    order that another state's people leave is an expulsion."""
    anchor = draft.cue.anchor
    others = coded(draft.recipients) - coded(draft.sources)
    ordered = [o for o in syntax.objects(anchor) if o.pos_ == "NOUN"]  # people ordered, not "told Russia to leave"
    foreign = any(t.lower_ == "foreign" for o in ordered for t in o.subtree)  # "ordered 13 foreign aid agencies to leave"
    if draft.category != "DEMAND" or anchor.lemma_ != "order" or not (others or foreign) or not ordered:
        return
    leave = next((c for c in anchor.children if c.dep_ in ("xcomp", "advcl") and c.lemma_ in LEAVING), None)
    left = syntax.objects(leave) if leave is not None else []
    # "to leave within 48 hours", "to leave the country", "to leave Darfur"; not "to leave their homes"
    if leave is not None and all(o.lemma_ in ("country", "territory", "region") or o.pos_ == "PROPN" for o in left):
        draft.category, draft.mode = "SANCTION", "expel"


def threat_target(scene: Scene, draft: Draft) -> None:
    """ "threatened to halt talks if Japan deploys the missiles": a threat with no recipient
    of its own is aimed at whoever the condition names."""
    sources = {a.code for a in draft.sources}
    if draft.category != "THREATEN" or {a.code for a in draft.recipients if a.code} - sources:
        return
    anchor = draft.cue.anchor
    # "Chad could expel the envoy if Paris does not apologise, officials warned": the warning
    # is about the clause it is appended to
    top = anchor.head if anchor.dep_ == "parataxis" else anchor
    for clause in top.subtree:
        conditional = clause.dep_ == "advcl" and set(syntax.marks(clause)) & CONDITIONAL_MARKS
        if not conditional or syntax.distance_up(clause, top) > 3:
            continue
        subject = syntax.subject(clause)
        found = tuple(a for a in scene.actors.of(subject) if a.code and a.code not in sources) if subject else ()
        if found:
            draft.recipients = found
            return


def continued_verb(word: Token) -> Token | None:
    """The verb whose act a second verb or a participle after a comma goes on with: "imposed
    sanctions and threatened", "besieged towns for months, cutting off supplies"."""
    if word.dep_ == "conj" or (word.dep_ == "advcl" and word.tag_ == "VBG"):
        return word.head
    after_comma = word.i > 0 and word.doc[word.i - 1].text == ","
    if word.dep_ == "acl" and word.tag_ == "VBG" and after_comma and word.head.dep_ == "obj":
        return word.head.head
    return None


def share_conjunct_recipients(scene: Scene, draft: Draft, drafts: list[Draft]) -> None:
    """ "ECOWAS, which imposed sanctions on Niger and threatened to use force": two verbs
    joined with one subject, the second naming nobody, are aimed at the same party; so is a
    participle that goes on with the act ("besieged Djibo for months, cutting off supplies")."""
    word = draft.predicate or draft.cue.anchor
    codes = {a.code for a in draft.sources if a.code}
    if draft.recipients or draft.recipient_word is not None or draft.symmetric or not codes:
        return
    main = continued_verb(word)
    if main is None or syntax.own_subject(word) is not None:
        return
    if any(o.lemma_ in PARTY_NOUNS or names_someone(scene, o) for o in syntax.objects(word)):
        return  # "accusing Western countries", "blamed the West", "suspended foreign media outlets": its own parties
    if judges_violence(scene, draft):
        return  # "stood with Sudan and condemned the drone strikes": aimed at the attackers, not at Sudan
    first = next((d for d in drafts if (d.predicate or d.cue.anchor) == main and d.recipients), None)
    # not "backed the junta and condemned attempts to destabilise it": aimed at the junta's foes
    opposite = first is not None and first.category == "SUPPORT" and draft.category == "DISAPPROVE"
    if first is not None and {a.code for a in first.sources} == codes and not opposite:
        draft.recipients = first.recipients


# strikes from the air or by artillery, which armed groups of the stories seldom have
AIR_STRIKES = frozenset({"strike", "airstrike", "bombardment", "shelling", "shell"})


def fill_defaults(scene: Scene, draft: Draft) -> None:
    """Violence whose attacker goes unnamed in an article about one armed group is that
    group's; violence by a non-state group whose target is unnamed hits the country where
    it happens, or failing a place, the country the article is about."""
    context = scene.actors.context
    if draft.category == "PROTEST" and not any(a.code for a in draft.recipients):
        here = places_of(scene, draft.predicate)
        if len(here) == 1 and not here & {a.code for a in draft.sources}:  # "rioted at a jail in Israel"
            code = here.pop()
            draft.recipients = (Actor(code, code, "", "state"),)
    if draft.category not in VIOLENT:
        return
    attacked = {a.code for a in draft.recipients if a.code}
    told = any(c[2] in VIOLENT and c[1] & attacked for c in context.claims)  # "Israel struck Iran. Two soldiers were killed"
    from_the_air = draft.cue.anchor.lemma_ in AIR_STRIKES  # "a strike killed 20 civilians": no rebel air force
    # "Hamas said five of its members were killed": not by the group itself
    passive = draft.predicate is not None and bool(syntax.children(draft.predicate, ("nsubj:pass",)))
    victim = passive and context.armed_group is not None and context.armed_group.code in attacked
    # "a guard was killed in the strike and several others were wounded": the first clause's doer, unnamed
    joined_passive = passive and draft.predicate is not None and draft.predicate.dep_ == "conj"
    unnamed = draft.source_word is None and not draft.sources and not told and not from_the_air
    if unnamed and context.armed_group is not None and not victim and not joined_passive:
        draft.sources = (context.armed_group,)
    if any(a.code for a in draft.recipients) or draft.symmetric:
        return  # "India and Pakistan exchanged fire": both sides are named
    if any(a.sector == "REB" for a in draft.recipients):
        return  # "fights against jihadist groups": another armed group, not the country
    source_codes = {a.code for a in draft.sources}
    anchor = draft.cue.anchor
    # "Araghchi, speaking in Istanbul, condemned the US strikes": the strikes were not in Istanbul
    judged = syntax.is_noun(anchor) and anchor.dep_ == "obj" and anchor.head.i not in draft.cue.words
    where = anchor if judged else draft.predicate
    countries = places_of(scene, where) or struck_in(scene, where)
    story = story_state_outside(scene, draft)
    if not countries and story is not None and all(a.kind == "armed_group" for a in draft.sources if a.code):
        countries = {story}
    if len(countries) == 1 and not countries & source_codes and source_codes - {""}:
        code = countries.pop()
        draft.recipients = (Actor(code, code, "", "state"),)


def story_state_outside(scene: Scene, draft: Draft) -> str | None:
    """The article's main state, unless the attacker's own phrase names it ("the M23 group,
    which experts say is backed by Rwanda"): the group's backer is not its target."""
    actors = scene.actors
    inside = {actors.actor_at[i].code for i in subtree_indices(draft.source_word) if i in actors.actor_at}
    dominant = actors.context.dominant
    return dominant.code if dominant is not None and dominant.code not in inside else None


# "in solidarity with Palestinians in Gaza", "in response to ...": why it was done, not where
REASON_NOUNS = frozenset({"solidarity", "response", "retaliation", "revenge", "protest", "support", "reprisal"})


def places_of(scene: Scene, predicate: Token | None) -> set[str]:
    """The countries of the places a clause names as where its act happened."""
    return countries_in(scene.actors.place_countries, predicate)


def struck_in(scene: Scene, predicate: Token | None) -> set[str]:
    """The countries of the cities a clause names as struck or taken ("shelled Kharkiv")."""
    return countries_in(scene.struck_countries, predicate)


def countries_in(table: dict[int, str], predicate: Token | None) -> set[str]:
    return {table[i] for i in scene_indices(predicate) if i in table}


def scene_indices(predicate: Token | None) -> set[int]:
    """The words of a clause that can say where its act happened: not its reasons."""
    if predicate is None:
        return set()
    words = subtree_indices(predicate)
    for reason in [t for t in predicate.subtree if is_reason(t)]:
        words -= subtree_indices(reason)
    for clause in predicate.children:  # "claimed the attack and said it would strike in Gaza": another clause's place
        if clause.dep_ in ("conj", "parataxis") and syntax.is_verb(clause):
            words -= subtree_indices(clause)
    return words


def is_reason(word: Token) -> bool:
    return word.dep_ in ("obl", "nmod", "advcl") and word.lemma_ in REASON_NOUNS and syntax.case_of(word) == "in"


def subtree_indices(word: Token | None) -> set[int]:
    return {t.i for t in word.subtree} if word is not None else set()


def helper_gives(scene: Scene, draft: Draft) -> None:
    """ "Moscow would help the three countries strengthen their armies and train their officers":
    the training the helper helps with is the helper's aid to those it helps."""
    anchor = draft.cue.anchor
    if draft.category != "AID" or not syntax.is_verb(anchor):
        return
    complement = anchor.head if anchor.dep_ == "conj" else anchor
    helper = complement.head
    if complement.dep_ != "xcomp" or helper.lemma_ != "help":
        return
    subject, helped = syntax.subject(helper), next(iter(syntax.objects(helper)), None)
    givers = tuple(a for a in scene.actors.of(subject) if a.code) if subject is not None else ()
    takers = tuple(a for a in scene.actors.of(helped) if a.code) if helped is not None else ()
    if givers and takers:
        draft.sources, draft.source_word = givers, subject
        draft.recipients, draft.recipient_word = takers, helped


def step_taker(scene: Scene, draft: Draft) -> None:
    """ "the U.S. designated the takeover a coup, a step that cut off most assistance": the step
    that acts is the act told before it, and its doer is that act's subject."""
    word = draft.source_word
    relative = word is not None and word.lower_ in ("that", "which") and word.head.dep_ == "acl:relcl"
    step = word.head.head if relative and word is not None else word
    if step is None or step.lemma_ not in GENERIC_ACTS or step.dep_ != "appos":
        return
    verb = next((a for a in step.ancestors if syntax.is_verb(a)), None)
    subject = syntax.subject(verb) if verb is not None else None
    doers = tuple(a for a in scene.actors.of(subject) if a.code) if subject is not None else ()
    if doers:
        draft.sources, draft.source_word = doers, subject


# texts a body adopts or issues, which then "demand", "condemn" or "call for" for it
DOCUMENTS = frozenset("resolution statement communique declaration decree motion text".split())
ISSUING = frozenset("adopt pass issue approve".split())


def document_issuer(scene: Scene, draft: Draft) -> None:
    """ "the Security Council adopted a resolution demanding that the Houthis halt": what the
    text demands, its issuer demands."""
    word = draft.source_word
    if word is None or coded(draft.sources) or word.lemma_ not in DOCUMENTS:
        return
    if word.dep_ != "obj" or word.head.lemma_ not in ISSUING or syntax.obliques(word, ("from", "by")):
        return  # "issued a statement from the Hamas leadership": someone else's text
    subject = syntax.subject(word.head)
    doers = tuple(a for a in scene.actors.of(subject) if a.code) if subject is not None else ()
    if doers:
        draft.sources, draft.source_word = doers, subject


# verbs that ask someone named after a preposition to act: "appealed to the leaders to lift"
ASKING_THROUGH = frozenset({"appeal", "plead", "call"})
# asking another to act ("asked the leaders to lift"); not "helped mediate", "allowed ... to"
ASKING = frozenset(
    "appeal plead urge ask press implore tell order request invite encourage persuade convince advise instruct".split()
)


def asked_of_others(scene: Scene, draft: Draft) -> bool:
    """ "Ghana asked the leaders to lift the sanctions": what one asks of others is not one's own
    act, even when the ones asked are not named well enough to code."""
    verb = syntax.predicate(draft.cue.anchor)
    head = verb.head
    # "appealed to the leaders to lift", read as a purpose: still asked of them, not done
    purpose = verb.dep_ == "advcl" and "to" in syntax.marks(verb) and head.lemma_ in ASKING
    asked = verb.dep_ == "xcomp" and syntax.is_verb(verb) and head.lemma_ in ASKING | ASKING_THROUGH
    if head == verb or not (purpose or asked):  # "called the strikes an act of war" asks nothing
        return False
    asker = syntax.own_subject(head)
    askers = {a.code for a in scene.actors.of(asker) if a.code} if asker is not None else set()
    return bool(askers) and askers == {a.code for a in draft.sources if a.code}


def thing_as_doer(scene: Scene, draft: Draft) -> bool:
    """ "The pact offers Burkina Faso an opportunity": a subject that names no actor (a pact,
    a report, a video) does not act; violence keeps its unnamed attacker ("the blast killed")."""
    word = draft.source_word
    anchor = draft.cue.anchor
    if anchor.dep_ == "acl" and syntax.is_passive(anchor) and word is None and draft.category not in VIOLENT:
        return True  # "diplomats accused of spying": a description of them, nobody named accusing
    if word is None and anchor.dep_ == "conj" and syntax.is_verb(anchor):  # "the pact appears crucial ... and offers"
        word = next((syntax.own_subject(a) for a in list(anchor.ancestors)[:3] if syntax.own_subject(a) is not None), None)
    said = anchor.dep_ == "ccomp" and anchor.head.lemma_ in SAYING and syntax.own_subject(anchor) is None
    if word is None and said and draft.category == "THREATEN" and not coded(draft.sources):
        return True  # "the dam, which Egypt says threatens its share": the dam, no actor, threatens
    if word is None or draft.category in VIOLENT or syntax.is_noun(anchor):
        return False
    if draft.category == "CONSULT" and word.lemma_ in WEAPONS:
        return True  # "the drones arrived at Bamako's airport": a delivery, not a visit
    if draft.mode == "visit" and word.lemma_ == "ambassador" and anchor.lemma_ == "attend":
        return True  # "Russia's ambassador, who attended the ceremony": an envoy at post visits no one
    named_thing = word.pos_ == "PROPN" and word.lower_ in NAMED_THINGS  # "the Grand Ethiopian Renaissance Dam"
    return not scene.actors.is_actor_word(word) and (word.pos_ not in ("PRON", "PROPN") or named_thing)


# the last word of names of things, not of actors
NAMED_THINGS = frozenset("dam pipeline bridge port mine airport plant road railway canal corridor project plan".split())


def own_side_conjunct(scene: Scene, draft: Draft) -> None:
    """ "Congo accused Rwanda of sending troops ... and cut ties with Kigali": a second verb that
    would act on its borrowed subject itself belongs to a subject higher up."""
    word = draft.predicate or draft.cue.anchor
    codes, aimed = coded(draft.sources), coded(draft.recipients)
    named_doer = not codes and draft.source_word is not None and draft.source_word.pos_ == "PROPN"
    if word.dep_ != "conj" or syntax.own_subject(word) is not None or not aimed or codes - aimed or named_doer:
        return  # "the Polisario Front, which ... has fought Morocco": a doer named but not coded stays uncoded
    if draft.recipient_word is None or draft.recipient_word.pos_ != "PROPN":
        return  # "stormed the embassy and arrested a former minister": a role read as the doer's own
    for verb in word.ancestors:
        if verb.lemma_ in SAYING:
            return  # "militants ambushed a convoy and attacked Djibo, Niger's army said": not the army
        subject = syntax.own_subject(verb) if syntax.is_verb(verb) else None
        higher = tuple(a for a in scene.actors.of(subject) if a.code) if subject is not None else ()
        if higher and not coded(higher) & aimed:
            draft.sources, draft.source_word = higher, subject
            return


# hostile acts two states named together do to each other when no one else is named
MUTUAL = frozenset({"SANCTION", "DISAPPROVE", "THREATEN", "REJECT"})


def aimed_beyond_pair(draft: Draft) -> bool:
    """Is the act aimed at anything but the pair's own ("recalled their ambassadors", "closed
    their airspace")? "condemned the coup", "suspended a French radio" are aimed elsewhere."""
    anchor = draft.cue.anchor
    word = draft.recipient_word
    word = word.head if word is not None and word.dep_ == "nmod:poss" else word  # "their" of "their ambassadors"
    objects = [word] if word is not None else syntax.objects(syntax.predicate(anchor))
    owned = [
        o for o in objects if any(c.dep_ in ("nmod:poss", "det") and c.lower_ in ("their", "each", "other") for c in o.children)
    ]
    return not owned or len(owned) < len(objects)


def keep(draft: Draft) -> bool:
    """An event needs a coded side; one whose other side the sentence does not name, or
    names but no dictionary codes ("jihadists"), is kept as a one-sided event. An actor
    acting on itself is no international event."""
    unnamed_partner = any(not a.code for a in draft.sources) and any(a.code for a in draft.sources)
    draft.sources = tuple(a for a in draft.sources if a.code or not any(b.code for b in draft.sources))
    sources = {a.code for a in draft.sources if a.code}
    at_home = draft.mode == "visit" and any(a.code and a.code in sources for a in draft.recipients)
    # "Mali's army and Russian fighters killed civilians" in Mali: Russia's act on Mali stays; but
    # "Nigeria and Niger agreed to reopen their border" is an act together
    others_hit = draft.category in VIOLENT and len(sources) > 1 and draft.mode != "reciprocal"
    draft.recipients = tuple(a for a in draft.recipients if not (a.code and a.code in sources and not others_hit))
    recipients = {a.code for a in draft.recipients if a.code}
    if at_home and not recipients:
        return False  # "Iran's ambassador, who was visiting Iran at the time": no visit abroad
    if draft.category == "AID" and draft.cue.anchor.lemma_ == "arrive" and not recipients:
        return False  # "the soldiers arrived in the village": an arrival abroad or nothing
    # mediators are no pair: "Saudi Arabia and the United States mediated talks" is one-sided
    together = not co_hosted(draft.cue) and not acts_on_third(draft.cue) and draft.mode != "third-party"
    if len(sources) == 2 and not recipients and draft.category in MUTUAL and not aimed_beyond_pair(draft):
        draft.symmetric, draft.recipients = True, ()  # "the two countries recalled their ambassadors": each from the other
    if len(sources) > 1 and not recipients and draft.category in SYMMETRIC and together:
        draft.symmetric = True
    if draft.symmetric and len(sources) == 1 and not recipients and unnamed_partner:
        draft.symmetric = False  # "Ethiopia and Tigrayan leaders signed a deal": one side coded
    if draft.symmetric:
        return len(sources) > 1 or bool(recipients)
    return bool(sources or recipients)


def fold_doer_nouns(drafts: list[Draft]) -> list[Draft]:
    """ "Demonstrators marched against France": the noun that names the protesters is the
    subject of the protest, not a second one; "protesters ... demanded the departure of
    French troops": their protest is aimed where their demand is."""
    kept = []
    for draft in drafts:
        if draft.cue.rule.source != "self" or any(a.code for a in draft.recipients):
            kept.append(draft)
            continue
        acts = [d for d in drafts if d is not draft and d.source_word is not None and d.source_word.i == draft.cue.anchor.i]
        if any(d.category == draft.category for d in acts):
            continue
        aimed = next((d for d in acts if any(a.code for a in d.recipients)), None)
        if aimed is not None:
            draft.recipients = tuple(a for a in aimed.recipients if a.code)
        kept.append(draft)
    return kept


def borrow_counterparts(scene: Scene, drafts: list[Draft]) -> None:
    """ "acted on Niger's demands that US troops leave and agreed to withdraw its forces": an
    event with no other party takes the other side of the sentence's earlier event that
    involves its source; failing one, of a later one ("Iran and Niger signed accords during
    Raisi's visit": the visit is to Niger)."""
    for i, draft in enumerate(drafts):
        codes = {a.code for a in draft.sources if a.code}
        word = draft.recipient_word
        own_objects = syntax.objects(syntax.predicate(draft.cue.anchor))
        unnamed_parties = any(o.lemma_ in PARTY_NOUNS for o in own_objects)  # "accusing Western countries"
        # a name anywhere, or people named as the verb's own object ("criticized the protesters"; not
        # "demanded the release of the embassy employee", whose release is asked of someone else)
        named = (word is not None and (is_name(word) or names_someone(scene, word))) or unnamed_parties
        addressed = syntax.obliques(syntax.predicate(draft.cue.anchor), ("on",))  # "called on members of the militia"
        named = named or any(names_someone(scene, o) for o in [*own_objects, *addressed])
        if not codes or draft.recipients or named or draft.symmetric or in_relative_clause(draft):
            continue  # a recipient the text names ("ousted President Bazoum") is nobody else; an aside has its own
        if any(scene.doc[k].lemma_ == "power" for k in draft.cue.words):
            continue  # "ties in freefall since Traore seized power": a coup is aimed at nobody abroad
        if after_appended_claim(draft):
            continue  # "..., an accusation the Emirates rejected": answers the claim's maker (see answer_appended_claim)
        # "agreed to set up a force and urged the juntas to return": an agreement takes no later act's target
        later = drafts[i + 1 :] if draft.category != "AGREE" else []
        if aimed_at_thing(draft):  # "condemned the offensive and called on Rwanda to withdraw": the culprit
            later = [d for d in later if same_doer_next(draft, d) and not all(a.kind == "igo" for a in d.recipients)]
            later = later if draft.category != "SUPPORT" else []  # "welcomed the deal and urged Eritrea to ...": not Eritrea
        told_by = reporters(scene, draft)
        for other_draft in [*reversed(drafts[:i]), *later]:
            if describes(other_draft):
                continue  # "the LNA, backed by Russia, launched an offensive": its backers are not the target
            if draft.category in VIOLENT and other_draft.category not in VIOLENT | CLAIMS:
                continue  # "retook the town after the UN mission withdrew": the mission is no enemy
            if draft.category == "CONSULT" and other_draft.category in VIOLENT | CLAIMS | {"SANCTION"}:
                continue  # "held an emergency meeting and recalled its ambassador to Addis Ababa": no talks with Ethiopia
            if draft.category == "CONSULT" and draft.mode == "multilateral":
                break  # "at a summit in Abuja, the bloc's leaders granted the three states ...": the bloc met itself
            if draft.category in VIOLENT and other_draft.category in CLAIMS and civilians_hit(scene, draft):
                continue  # "experts accused troops of killing civilians": the experts were not hit
            if aimed_at_thing(draft) and in_relative_clause(other_draft):
                continue  # "the juntas, which form the AES, condemned the strike": the culprit, not their bloc
            if judges_violence(scene, draft) and other_draft.category not in VIOLENT | CLAIMS | {"SANCTION"}:
                continue  # "condemned the attack and expressed solidarity with Bamako": not aimed at the victim
            if draft.category == "DISAPPROVE" and other_draft.category == "SUPPORT" and aimed_at_thing(draft):
                continue  # "expressed support for the junta and condemned attempts to destabilise it": its foes
            if judged_by(draft, other_draft):  # "condemned the Israeli strikes": the judges are not what was struck,
                draft.recipients = violated(scene, other_draft, codes)  # unless "as a violation of its sovereignty"
                if draft.recipients:
                    break
                continue
            found = counterpart(codes, other_draft)
            if found and {a.code for a in found} <= told_by:
                continue  # "Washington said Serbia had massed troops": not aimed at who says so
            if found:
                draft.recipients = found
                break


def is_name(word: Token) -> bool:
    """A proper name, or a capitalised noun inside the sentence ("the West")."""
    return word.pos_ == "PROPN" or (word.pos_ == "NOUN" and word.text[:1].isupper() and word.i > word.sent.start)


def names_someone(scene: Scene, word: Token) -> bool:
    """Does the cue's own object name a party of its own: a name ("the West") or people outside
    the state that a role noun names ("criticized the protesters")? Then the act takes no party
    from another act."""
    number = word.like_num or word.lower_ in ("dozens", "hundreds", "thousands", "millions", "tens", "scores")
    counted = [c for c in word.children if c.dep_ == "nmod" and syntax.case_of(c) == "of"] if number else []
    if counted:  # "called on hundreds of thousands of members of the militia": the people counted
        return any(names_someone(scene, c) for c in counted)
    roles = [role for start, end, role in scene.analysis.roles if start <= word.i < end]
    return is_name(word) or any(role.sector not in STATE_SECTORS for role in roles)  # "their armies" are a state's


SOVEREIGNTY = frozenset({"sovereignty", "territory", "airspace", "integrity", "waters"})
PARTY_NOUNS = frozenset({"country", "nation", "power", "government", "partner", "ally", "neighbour", "neighbor"})


def violated(scene: Scene, judging: Draft, doers: set[str]) -> tuple[Actor, ...]:
    """Whose sovereignty, territory or airspace a judge says an act violated."""
    verb = syntax.predicate(judging.cue.anchor)
    for word in verb.subtree:
        owner = syntax.first_child(word, ("nmod:poss",)) if word.lemma_ in SOVEREIGNTY else None
        found = tuple(a for a in scene.actors.of(owner) if a.code and a.code not in doers) if owner is not None else ()
        if found:
            return found
    return ()


def reporters(scene: Scene, draft: Draft) -> set[str]:
    """Who says what the draft tells: the subjects of the verbs of saying above its clause.
    Violence is most often told by its victims ("Cambodia said Thai jets bombed a road"): for
    it, nobody."""
    found: set[str] = set()
    if draft.category in VIOLENT:
        return found
    clause = draft.predicate or draft.cue.anchor
    for verb in clause.ancestors:
        if verb.lemma_ in SAYING and syntax.is_verb(verb):
            speaker = syntax.subject(verb)
            found |= {a.code for a in scene.actors.of(speaker) if a.code} if speaker is not None else set()
    return found


def judged_by(draft: Draft, judging: Draft) -> bool:
    """Is the draft's act what the other draft's judging verb takes as its object?"""
    return judging.category in JUDGING and judged_thing(judging) == draft.cue.anchor


def same_doer_next(draft: Draft, other: Draft) -> bool:
    """Is the other event's verb joined right to this one's ("condemned ... and called on")?"""
    mine, theirs = syntax.predicate(draft.cue.anchor), syntax.predicate(other.cue.anchor)
    go_between = any(t.lemma_ in PRESSING and t.tag_ == "VB" for t in theirs.subtree)
    return theirs.dep_ == "conj" and theirs.head == mine and syntax.own_subject(theirs) is None and not go_between


# what a state is asked to do to another: "called on the US to pressure Israel" asks a go-between
PRESSING = frozenset({"pressure", "press", "urge", "push", "persuade", "convince", "lean", "rein"})


def judges_violence(scene: Scene, draft: Draft) -> bool:
    """ "condemned the attack": a judgement of an act of violence."""
    verb = syntax.predicate(draft.cue.anchor)
    return any(o.lemma_ in scene.matchers.violent_nouns for o in syntax.objects(verb))


def aimed_at_thing(draft: Draft) -> bool:
    """Does the cue's verb take an object outside the cue that is no actor ("the vote")?"""
    verb = syntax.predicate(draft.cue.anchor)
    return syntax.is_verb(verb) and judged_thing(draft) is not None


def describes(draft: Draft) -> bool:
    """An act told as a participle of a noun ("the army, backed by Russia"): who the noun is."""
    word = draft.predicate or draft.cue.anchor
    return word.dep_ == "acl" and word.tag_ == "VBN"


def counterpart(codes: set[str], other: Draft) -> tuple[Actor, ...]:
    """The other side of an event that involves these actors, if it has one."""
    sides = [(other.sources, other.recipients), (other.recipients, other.sources)]
    if other.symmetric:
        sides.append((other.sources, tuple(a for a in other.sources if a.code not in codes)))
    for mine, theirs in sides:
        their_codes = {a.code for a in theirs if a.code}
        if codes & {a.code for a in mine} and their_codes and not their_codes & codes:
            return tuple(a for a in theirs if a.code)
    return ()


def merge_duplicates(drafts: list[Draft]) -> list[Draft]:
    """One event per category and dyad in a sentence (one meeting per set of parties, told
    with its host if any); the most specific mode wins."""
    kept: dict[tuple, Draft] = {}
    for draft in sorted(drafts, key=lambda d: d.category == "CONSULT" and not coded(d.recipients)):
        key: tuple = (draft.category, frozenset(a.code for a in draft.sources), frozenset(a.code for a in draft.recipients))
        if draft.category == "CONSULT":  # "received Tiani in Moscow, where they discussed ...": one meeting
            key = (draft.category, coded(draft.sources) | coded(draft.recipients))
        if key in kept and in_relative_clause(kept[key]) and not in_relative_clause(draft):
            fill_missing(draft, kept[key])  # "Orban, who visited Moscow in July, spoke with Putin": the call
            kept[key] = draft
        elif key in kept:
            first = kept[key]
            if MODE_RANK.get(draft.mode, 2) < MODE_RANK.get(first.mode, 2):
                first.mode = draft.mode
            fill_missing(first, draft)
        else:
            kept[key] = draft
    order = {id(d): n for n, d in enumerate(drafts)}
    return sorted(kept.values(), key=lambda d: order[id(d)])


def hosted_visits(scene: Scene, drafts: list[Draft]) -> list[Draft]:
    """ "The president visited the area": a visit with no host named anywhere is no visit abroad;
    "the first visit by a Russian minister to Niger" read with "to Niger" on the minister is one."""
    kept = []
    for draft in drafts:
        if draft.mode == "visit" and not draft.symmetric and not coded(draft.recipients):
            draft.recipients = destination(scene, draft)
            if not draft.recipients:
                continue
        kept.append(draft)
    return kept


def destination(scene: Scene, draft: Draft) -> tuple[Actor, ...]:
    """A state named after "to" anywhere in the visit's phrase."""
    codes = coded(draft.sources)
    for word in draft.cue.anchor.subtree:
        hosts = tuple(a for a in scene.actors.of(word) if a.code and a.code not in codes and a.kind == "state")
        if syntax.case_of(word) == "to" and hosts:
            return hosts[:1]
    return ()


def each_to_the_other(scene: Scene, drafts: list[Draft]) -> list[Draft]:
    """ "Russia and Ukraine each released 303 soldiers": two acts, each side's to the other,
    when the sentence names no other party of them (but "Turkey and Iran each condemned the
    strike" is no act between them)."""
    out: list[Draft] = []
    for draft in drafts:
        word, doers = draft.source_word, coded_actors(draft.sources)
        verb = draft.predicate or draft.cue.anchor
        each = word is not None and any(t.lower_ == "each" for t in scene.doc[word.right_edge.i + 1 : verb.i])
        each = each or (word is not None and any(c.lower_ == "each" for c in word.children))
        named = coded(scene.actors.of(draft.recipient_word)) - {a.code for a in doers}
        mutual = draft.category in ("RETREAT", "CONCEDE")  # releases, withdrawals, truces: to each other
        if not each or not mutual or len({a.code for a in doers}) != 2 or named or draft.symmetric:
            out.append(draft)
            continue
        first, second = doers[0], doers[1]
        out += [replace(draft, sources=(first,), recipients=(second,)), replace(draft, sources=(second,), recipients=(first,))]
    return out


def split_visits(drafts: list[Draft]) -> list[Draft]:
    """ "visited Moscow and Tehran": one visit per host, each placed at its own."""
    out: list[Draft] = []
    for draft in drafts:
        hosts = [a for a in draft.recipients if a.code]
        if draft.category == "CONSULT" and draft.mode == "visit" and len(hosts) > 1:
            out += [replace(draft, recipients=(host,)) for host in hosts]
        else:
            out.append(draft)
    return out


def standing_denial(draft: Draft) -> bool:
    """ "Benin has denied hosting any French base": a denial of a charge nobody in the story is
    named as making, and "..., a charge Kabul denies", "..., which Paris has always denied": a
    denial told as an aside to the charge, which tells where a party stands, not what it did
    that day, is a statement, no event; it only keeps the denied act uncoded."""
    if draft.mode != "denial":
        return False
    anchor = draft.cue.anchor
    aside = after_appended_claim(draft) or any(t.dep_ == "acl:relcl" for t in [anchor, *list(anchor.ancestors)[:2]])
    return aside or not coded(draft.recipients)


def drop_partial(drafts: list[Draft]) -> list[Draft]:
    """ "IS Sahel claimed the ambush that killed 17 Nigerien soldiers": the killing, with no
    doer named, is the ambush told again; an event lacking a side goes when another of its
    category (any violence counts as one) in the sentence has both sides and agrees with it on
    the side it has, or when it is violence with no doer against the same side as violence told
    before it in the sentence."""
    whole = [d for d in drafts if is_two_sided(d)]

    def covering(draft: Draft) -> Draft | None:
        sources, recipients = coded(draft.sources), coded(draft.recipients)
        return next(
            (
                other
                for other in whole
                if same_act(other.category, draft.category)
                and sources <= coded(other.sources)
                and recipients <= coded(other.recipients)
            ),
            None,
        )

    kept: list[Draft] = []
    for draft in drafts:
        whole_act = None if is_two_sided(draft) or draft.symmetric else covering(draft)
        if whole_act is None:
            whole_act = same_unclaimed_violence(draft, kept)
        if whole_act is None:
            kept.append(draft)
        elif whole_act.category == "ASSAULT" and any(armed(a) for a in (*draft.recipients, *whole_act.recipients)):
            whole_act.category = "FIGHT"  # "soldiers were killed when jihadists stormed a base": a battle
    return kept


def same_unclaimed_violence(draft: Draft, kept: list[Draft]) -> Draft | None:
    """ "Twelve soldiers were killed when gunmen attacked a post": with no doer coded, the killing
    and the attack on the same side are one act told twice."""
    if draft.category not in VIOLENT or coded(draft.sources) or not coded(draft.recipients):
        return None
    return next(
        (
            other
            for other in kept
            if other.category in VIOLENT and not coded(other.sources) and coded(other.recipients) == coded(draft.recipients)
        ),
        None,
    )


def rioting(drafts: list[Draft]) -> list[Draft]:
    """ "Demonstrators stormed the French embassy": violence by protesters is a violent protest
    against whoever they attacked, by the protesters' side (the state they are in, where the
    word alone was read as a protest against it); the protest the word names is the same event."""
    crowds = {d.cue.anchor.i: d for d in drafts if d.category == "PROTEST" and d.cue.rule.source == "self"}
    merged = set()
    for draft in drafts:
        subject = next((c for c in draft.cue.anchor.children if c.dep_ == "nsubj"), None)
        # "hundreds of protesters stormed ...": the protesters counted
        doers = [subject, *(c for c in subject.children if c.dep_ == "nmod")] if subject is not None else []
        crowd = next((crowds[w.i] for w in doers if w.i in crowds), None)
        if crowd is None or draft is crowd or draft.category not in VIOLENT | {"COERCE"}:
            continue
        targets = coded(draft.recipients)
        home = tuple(a for a in crowd.recipients if a.kind == "state" and a.code and a.code not in targets)
        draft.category, draft.sources = "PROTEST", coded_actors(crowd.sources) or home or draft.sources
        merged.add(id(crowd))
    return [d for d in drafts if id(d) not in merged]


def same_act(category: str, other: str) -> bool:
    """ "Soldiers were killed when jihadists stormed a post": the killing, whatever its category
    before its doer is known, is the attack told again."""
    return category == other or (category in VIOLENT and other in VIOLENT)


def is_two_sided(draft: Draft) -> bool:
    return bool(coded(draft.sources)) and bool(coded(draft.recipients))


def coded_actors(actors: tuple[Actor, ...]) -> tuple[Actor, ...]:
    return tuple(a for a in actors if a.code)


def coded(actors: tuple[Actor, ...]) -> frozenset[str]:
    return frozenset(a.code for a in actors if a.code)


def restated_claim(draft: Draft) -> bool:
    """ "..., a demand Kyiv rejected as unacceptable": the demand told before, named again as
    what the clause after it answers, is no new demand."""
    noun = draft.cue.anchor
    answered = any(c.dep_ == "acl:relcl" for c in noun.children)
    restated = draft.category in CLAIMS and appended_claim(noun, CLAIM_NOUNS | {"demand"})
    return syntax.is_noun(noun) and answered and restated


NEEDS = frozenset({"need", "require", "face", "lack"})  # what people are warned to go without


def warned_of_need(scene: Scene, draft: Draft) -> bool:
    """ "The UN has warned that two million people in Chad need food aid": a warning of hardship,
    no threat to anyone."""
    anchor = draft.cue.anchor
    if draft.category != "THREATEN" or anchor.lemma_ != "warn":
        return False
    said = [c for c in anchor.children if c.dep_ == "ccomp" and c.lemma_ in NEEDS]
    people = [s for c in said for s in c.children if s.dep_ == "nsubj"]
    return any((r := scene.actors.role_in_phrase(p)) is not None and r.sector in UNARMED_SECTORS for p in people)


def lone_aside(scene: Scene, draft: Draft) -> bool:
    """ "Niger's junta, which seized power in July 2023, ...", "Putin, who had himself proposed
    the talks, ...", "the junta, which has promised elections": words, a coup or a perfect told in
    a relative clause with nobody on its other side say who the actor is; they are background,
    not news ("Hamas, which released three hostages on Saturday" is news)."""
    two_doers = draft.symmetric and len(coded(draft.sources)) > 1  # "the pact that Mali and Niger signed"
    if not in_relative_clause(draft) or coded(draft.recipients) or two_doers:
        return False
    verb = draft.predicate or draft.cue.anchor
    # about the doer it hangs on, not "the ambassador, who was summoned by Algeria" or "a step that cut off aid"
    if syntax.is_passive(verb) or not coded(scene.actors.of(verb.head)) & coded(draft.sources):
        return False
    power = any(draft.cue.anchor.doc[i].lemma_ == "power" for i in draft.cue.words)  # "seized power", "took power"
    perfect = "have" in syntax.auxiliaries(draft.predicate or draft.cue.anchor)
    return draft.category not in MATERIAL or power or perfect


def in_relative_clause(draft: Draft) -> bool:
    """The event is told in a relative clause ("who visited Moscow in July"): background."""
    word = draft.predicate or draft.cue.anchor
    return word.dep_ == "acl:relcl"


CLAIMS = frozenset({"DISAPPROVE", "DEMAND", "THREATEN"})
MAX_CLAIMS = 5
MAX_HOSTILE = 40  # hostile acts remembered to tell which two states "the two sides" are


def answer_claims(scene: Scene, drafts: list[Draft]) -> None:
    """ "Sudan accused Chad of arming the RSF. N'Djamena denied the accusation": a rejection
    with no one named to reject answers the last accusation, demand or threat aimed at its
    source; "Russia fired missiles at Ukraine. Ukraine's air force shot down 40": fighting
    back with no one named answers the last attack on the side that fights back."""
    claims = scene.actors.context.claims
    for draft in drafts:
        codes = {a.code for a in draft.sources if a.code}
        answers = CLAIMS if draft.category == "REJECT" else VIOLENT if draft.category in VIOLENT else frozenset()
        # only when nobody is named: "retook the town from the separatists" answers no attack
        # "denied the report"; "accused Niger of a deal with Iran, which Niamey denied": the accusation, not Iran
        which = draft.recipient_word is not None and draft.recipient_word.lower_ in ("which", "that")
        unnamed = not draft.recipients or (draft.category == "REJECT" and (not coded(draft.recipients) or which))
        hit = answers is VIOLENT and civilians_hit(scene, draft)  # "killed 20 villagers": no fighters striking back
        if answers and codes and unnamed and not draft.symmetric and not hit:
            claim = next((c for c in reversed(claims) if c[2] in answers and aimed_at(c, codes)), None)
            if claim is not None:
                draft.recipients = claim[0]
            elif which and draft.category == "REJECT":
                draft.recipients = ()  # "concern that Iran could seek Niger's uranium, which Tehran denied": not Niger
        victims = {a.code for a in draft.recipients if a.code}
        if draft.category == "DISAPPROVE" and codes and victims and judges_abuse(draft):
            # "condemned the violations against civilians in El Fasher": by the last attacker of those civilians
            attack = next((c for c in reversed(claims) if c[2] in VIOLENT and c[1] & victims and aimed_at(c, victims)), None)
            if attack is not None and not codes & {a.code for a in attack[0]}:
                draft.recipients = attack[0]
        if draft.category == "DISAPPROVE" and codes and not any(a.code for a in draft.recipients) and judges_attack(scene, draft):
            # "Mexico's president called the raid a violation": the raid told before, by its doer
            attack = next((c for c in reversed(claims) if c[2] in VIOLENT and not codes & {a.code for a in c[0]}), None)
            if attack is not None:
                draft.recipients = attack[0]
        if draft.category in JUDGING and codes and not any(a.code for a in draft.recipients):
            # "Seoul condemned the deployment": the deployment told before, by its doer
            draft.recipients = judged_deed(scene, draft, codes, drafts[: drafts.index(draft)]) or draft.recipients
        aimed = frozenset(a.code for a in draft.recipients if a.code)
        if draft.category in VIOLENT and not codes and aimed and draft.source_word is None:
            # "Russia fired 100 missiles at Ukraine. Three people were killed in Kyiv": by the last attacker
            attack = next((c for c in reversed(claims) if c[2] in VIOLENT and c[1] & aimed), None)
            if attack is not None:
                draft.sources = attack[0]
                codes = {a.code for a in draft.sources}
        if draft.category in CLAIMS | VIOLENT and codes and aimed:
            claims.append((tuple(a for a in draft.sources if a.code), aimed, draft.category))
            hostile = scene.actors.context.hostile
            hostile += [(a, code) for a in draft.sources if a.code for code in sorted(aimed)]
            del hostile[:-MAX_HOSTILE]

    del claims[:-MAX_CLAIMS]


UNARMED_SECTORS = frozenset({"CVL", "AGR", "EDU", "LAB", "REF", "MED"})


BLAMING = frozenset({"blame", "accuse"})


def blamed_attackers(drafts: list[Draft]) -> None:
    """ "39 soldiers were killed in two attacks, the ministry said, blaming jihadists linked to
    the Islamic State": violence whose doer goes unnamed is by whom the sentence blames."""
    blamed = [d for d in drafts if d.category == "DISAPPROVE" and d.cue.anchor.lemma_ in BLAMING and coded(d.recipients)]
    for draft in drafts:
        if draft.category not in VIOLENT or coded(draft.sources) or draft.source_word is not None or not blamed:
            continue  # "Kyiv helped Tuareg rebels ambush ...": a doer named, though uncoded, is the doer
        culprits = tuple(a for a in blamed[0].recipients if a.code and a.code not in coded(draft.recipients))
        draft.sources = culprits or draft.sources


def civilians_hit(scene: Scene, draft: Draft) -> bool:
    """ "soldiers killed 223 villagers": unarmed people, no fighters striking back."""
    anchor = draft.cue.anchor
    victims = [draft.recipient_word] if draft.recipient_word is not None else syntax.objects(anchor)
    if not victims:  # "killing, torturing and raping civilians": the last of the joined verbs holds the object
        joined = [anchor.head, *anchor.head.children] if anchor.dep_ == "conj" else list(anchor.children)
        victims = [o for v in joined if v.dep_ == "conj" and v.i > anchor.i for o in syntax.objects(v)]
    victims += [c for v in victims for c in v.children if syntax.case_of(c) == "of"]  # "hundreds of civilians"
    roles = [scene.actors.role_in_phrase(v) for v in victims]
    return any(r is not None and r.sector in UNARMED_SECTORS for r in roles)


CLAIM_NOUNS = frozenset("charge claim allegation accusation remark comment statement assertion".split())


def appended_deed(noun: Token) -> bool:
    """ "..., a deal that Somalia condemned", "..., a move Washington welcomed": a deal or an act
    named again just after a comma, as the object of a clause on it."""
    judged = any(c.dep_ == "acl:relcl" for c in noun.children)
    return noun.lemma_ in DEALS | GENERIC_ACTS and judged and shortly_after_comma(noun)


def appended_claim(noun: Token, nouns: frozenset[str] = CLAIM_NOUNS) -> bool:
    """ "..., a charge Islamabad denied": a claim noun just after a comma."""
    return noun.lemma_ in nouns and shortly_after_comma(noun)


def shortly_after_comma(noun: Token) -> bool:
    """A comma within the three words before the noun (", a charge", ", a deal that")."""
    return any(t.text == "," for t in noun.doc[max(0, noun.i - 3) : noun.i])


def after_appended_claim(draft: Draft) -> bool:
    anchor = draft.cue.anchor
    return draft.category in ("REJECT", "DISAPPROVE") and any(appended_claim(t) for t in anchor.doc[: anchor.i + 1])


def answer_appended_claim(scene: Scene, drafts: list[Draft]) -> None:
    """ "New Delhi blamed Pakistan for the attack, a charge Islamabad denied", "Abiy said ...,
    remarks that Eritrea condemned": the denial or condemnation after the comma answers
    whoever made the claim before it."""
    doc = scene.doc
    for noun in doc:
        deed = appended_deed(noun)  # "Ethiopia signed an accord with Somaliland, a deal that Somalia condemned"
        if not appended_claim(noun) and not deed:
            continue
        before = [d for d in drafts if d.cue.anchor.i < noun.i and coded(d.sources)]
        first = before[0].sources if before else ()
        claimant = first if deed else speaker_of(scene, noun) or first  # a deal is its makers', a claim its speaker's
        judging = JUDGING if deed else frozenset({"REJECT", "DISAPPROVE"})
        for draft in drafts:
            after = draft.cue.anchor.i > noun.i or noun.i in draft.cue.words
            answers = after and draft.category in judging and not coded(draft.recipients)
            if answers and claimant and not coded(claimant) & coded(draft.sources):
                draft.recipients = claimant


def speaker_of(scene: Scene, word: Token) -> tuple[Actor, ...]:
    """Whoever says the sentence's main clause ("Abiy said ..."), when it is said before the word."""
    root = next((t for t in word.sent if t.head == t), None)
    subject = syntax.subject(root) if root is not None and root.lemma_ in SAYING else None
    if subject is None or subject.i > word.i:
        return ()
    return tuple(a for a in scene.actors.of(subject) if a.code)


JUDGING = frozenset({"DISAPPROVE", "REJECT", "SUPPORT"})
MAX_DEEDS = 8
MAX_NAMED_ACTS = 40  # "such an intervention" may look back across a whole story
# kinds of act one word may tell again: a deployment may have been coded as either of the first
# two; "the strikes" after "launched airstrikes" (FIGHT in PLOVER) are the same violence
LIKE_CATEGORIES = {
    "MOBILIZE": frozenset({"MOBILIZE", "AID"}),
    "AID": frozenset({"MOBILIZE", "AID"}),
    "ASSAULT": VIOLENT,
    "FIGHT": VIOLENT,
}


def called_a_threat(scene: Scene, draft: Draft) -> None:
    """ "Egypt said Ethiopia's dam was a threat to its water security": the speaker accuses the
    owner of what it calls a threat; nobody threatens."""
    noun = draft.cue.anchor
    if draft.category != "THREATEN" or noun.lemma_ not in ("threat", "danger", "menace") or not syntax.is_noun(noun):
        return
    if not any(c.dep_ == "cop" for c in noun.children):
        return
    saying = next((g for g in syntax.governors(noun, frozenset({"ccomp"})) if g.lemma_ in SAYING), None)
    speaker = syntax.subject(saying) if saying is not None else None
    thing = syntax.first_child(noun, ("nsubj",))
    speakers = coded_actors(scene.actors.of(speaker)) if speaker is not None else ()
    owners = coded_actors(scene.actors.of(thing)) if thing is not None else ()
    if speakers and owners and not coded(speakers) & coded(owners):
        draft.category, draft.sources, draft.recipients = "DISAPPROVE", speakers, owners


HOSTILE_DEEDS = frozenset({"THREATEN", "MOBILIZE", "FIGHT", "ASSAULT", "COERCE"})


def warned_deed(scene: Scene, draft: Draft) -> None:
    """ "... said such an intervention would be a declaration of war", "'Any aggression will meet
    a response,' the junta said": the threat is aimed at whoever planned the act told before."""
    topic = draft.recipient_word
    if draft.category != "THREATEN" or coded(draft.recipients) or topic is None or draft.cue.rule.source != "speaker":
        return
    named_act = topic.lemma_ in scene.matchers.violent_nouns | INTERVENTIONS
    if not named_act or not any(c.lower_ in ("such", "the", "this", "that", "any", "all") for c in topic.children):
        return
    codes = coded(draft.sources)
    context = scene.actors.context
    same = next((d for lemmas, d in reversed(context.acts_named) if topic.lemma_ in lemmas and not codes & coded(d)), ())
    doers = same or next((d for kind, d in reversed(context.deeds) if kind in HOSTILE_DEEDS and not codes & coded(d)), ())
    draft.recipients = doers or draft.recipients


INTERVENTIONS = frozenset({"intervention", "invasion", "incursion", "deployment", "operation", "aggression"})


def judged_deed(scene: Scene, draft: Draft, codes: set[str], earlier: list[Draft]) -> tuple[Actor, ...]:
    """The doers of "the deployment", "the sanctions" that a judging verb takes as its object:
    the last act of that kind told before, in the sentence ("Ankara approved the bid, and
    Washington praised the decision") or before it, by others."""
    thing = judged_thing(draft)
    if thing is None or not told_before(scene, thing):
        return ()
    if thing.lemma_ in UTTERANCES:  # "Chad denounced the remarks": whoever made them
        return last_speaker(scene, codes, thing)
    cue = next((c for c in scene.cues if c.anchor.i == thing.i), None)
    if cue is not None:
        kinds = like(cue.rule.category)
    elif thing.lemma_ in GENERIC_ACTS | VOTES and draft.category == "SUPPORT":
        kinds = frozenset(CATEGORIES) - VIOLENT - {"CONSULT"}  # "welcomed the decision", "praised the vote": what was decided
    elif thing.lemma_ in GENERIC_ACTS:
        kinds = HOSTILE_DEEDS | {"SANCTION"}  # "criticised the operation", "condemned the move": the last act by others
    elif thing.lemma_ in DEALS:
        kinds = frozenset({"COOPERATE", "SUPPORT", "AGREE"})  # "welcomed the pact": its signers
    elif thing.lemma_ in COUPS:
        kinds = frozenset({"COERCE"})  # "condemned the coup": its plotters
    else:
        named = named_deed_category(scene, thing)  # "called the expulsion regrettable": a word of the judging cue
        if named is None:
            return ()
        kinds = like(named)
    done = [d for d in earlier if not judges_deed(d)]
    deeds = [*scene.actors.context.deeds, *((d.category, tuple(a for a in d.sources if a.code)) for d in done)]
    return next((doers for kind, doers in reversed(deeds) if kind in kinds and doers and not codes & coded(doers)), ())


# what is said, judged as such: "condemned the remarks", "rejected these comments"
UTTERANCES = frozenset(
    "remark comment statement word speech allegation accusation assertion rhetoric declaration characterisation".split()
)
# verbs whose subject speaks, for the remarks later judged
SPEAKING = SAYING | {"describe", "call", "accuse", "warn", "announce", "post"}
MAX_SPEAKERS = 10


def last_speaker(scene: Scene, codes: set[str], thing: Token) -> tuple[Actor, ...]:
    """Who spoke last before the word, in its sentence or before it, other than the judges."""
    here = [t for t in scene.doc if t.i < thing.i and speaks(t)]
    said_here = [coded_actors(scene.actors.of(syntax.subject(t))) for t in here]
    for sayers in reversed([*scene.actors.context.speakers, *said_here]):
        if sayers and not codes & {a.code for a in sayers}:
            return sayers
    return ()


def speaks(verb: Token) -> bool:
    """A verb of saying with words of its own ("told reporters he agreed" only echoes another)."""
    if verb.lemma_ not in SPEAKING or not syntax.is_verb(verb):
        return False
    return not any(c.dep_ == "ccomp" and c.lemma_ in ("agree", "concur") for c in verb.children)


def remember_speakers(scene: Scene) -> None:
    """The subjects of the sentence's verbs of saying, for "the remarks" judged later."""
    speakers = scene.actors.context.speakers
    for verb in scene.doc:
        if speaks(verb):
            sayers = coded_actors(scene.actors.of(syntax.subject(verb)))
            if sayers:
                speakers.append(sayers)
    del speakers[:-MAX_SPEAKERS]


def judges_deed(draft: Draft) -> bool:
    """ "welcomed the decision", "condemned the raid": a judgement of an act, no act of its own."""
    thing = judged_thing(draft)  # "recognised Palestine": an act towards a state, no judgement
    return draft.category in ("SUPPORT", "DISAPPROVE") and thing is not None and not is_name(thing)  # a veto is an act


def named_deed_category(scene: Scene, thing: Token) -> str | None:
    """The category of the act a noun names on its own: "the expulsion", "the drills", "the lifting"."""
    for word in (thing.lemma_, thing.lower_):
        found = scene.matchers.noun_categories.get(word) or JUDGED_NOUNS.get(word)
        if found is not None:
            return found
    return None


COUPS = frozenset({"coup", "takeover", "putsch", "mutiny"})
GENERIC_ACTS = frozenset({"operation", "move", "decision", "action", "step", "measure"})
VOTES = frozenset({"vote", "ratification", "approval"})
DEALS = frozenset({"pact", "deal", "agreement", "accord", "treaty", "ceasefire", "truce"})
RELIEFS = frozenset({"lifting", "easing"})
# acts a judging verb names by a word of a longer cue: "welcomed the lifting", "condemned the drills"
JUDGED_NOUNS = {**dict.fromkeys(RELIEFS, "CONCEDE"), **dict.fromkeys(EXERCISE_WORDS, "MOBILIZE")}


def like(category: str) -> frozenset[str]:
    return LIKE_CATEGORIES.get(category, frozenset({category}))


def deed_told(scene: Scene, category: str) -> bool:
    return any(kind in like(category) for kind, _ in scene.actors.context.deeds)


RETALIATING = frozenset({"retaliate", "retaliation", "respond", "response", "avenge", "revenge", "reprisal", "reprisals"})


def retaliation_target(scene: Scene, draft: Draft) -> None:
    """ "The Houthis vowed to retaliate": a threat to strike back, with no one named, is
    aimed at the last attacker of whoever makes it."""
    striking_back = any(scene.doc[i].lemma_ in RETALIATING for i in draft.cue.words)  # "reserves the right to respond"
    if draft.category != "THREATEN" or not striking_back or any(a.code for a in draft.recipients):
        return
    codes = {a.code for a in draft.sources if a.code}
    attack = next((c for c in reversed(scene.actors.context.claims) if c[2] in VIOLENT and aimed_at(c, codes)), None)
    if codes and attack is not None:
        draft.recipients = attack[0]


def claimed_attack_target(scene: Scene, draft: Draft) -> None:
    """ "The Houthis claimed responsibility for the attack": an attack told before, by those who
    claim it, hit whom that attack hit."""
    codes = coded(draft.sources)
    if draft.cue.anchor.lemma_ != "claim" or draft.category not in VIOLENT or not codes or coded(draft.recipients):
        return
    attack = next((c for c in reversed(scene.actors.context.claims) if c[2] in VIOLENT and codes & coded(c[0])), None)
    # "Gunmen attacked a school in Bamako ... JNIM claimed responsibility": the attack told last
    hit = attack[1] if attack is not None else scene.actors.context.victims
    if hit - codes:
        draft.recipients = tuple(Actor(code, code, "", "state") for code in sorted(hit - codes))


def judged_thing(draft: Draft) -> Token | None:
    """The object of a judging verb that is not a word of its cue ("condemned the raid")."""
    verb = syntax.predicate(draft.cue.anchor)
    # "welcomed the pact", "welcomed the lifting of sanctions", "welcomed the decision": words of the cue too
    named_deed = DEALS | RELIEFS | GENERIC_ACTS | VOTES
    things = [syntax.named_as(c) for c in verb.children if c.dep_ == "obj"]
    return next((c for c in things if c.i not in draft.cue.words or {c.lemma_, c.lower_} & named_deed), None)


# acts judged by what they did to someone
ABUSES = frozenset({"violation", "abuse", "atrocity", "excess", "crime", "breach", "infringement"})
SOVEREIGN_THINGS = frozenset({"sovereignty", "integrity", "airspace", "territory", "independence"})


def judges_abuse(draft: Draft) -> bool:
    """Is the object of the judging verb "the violations", "the abuses" done to someone named?"""
    thing = judged_thing(draft)
    if thing is None or thing.lemma_ not in ABUSES:
        return False
    # "a flagrant violation of Qatar's sovereignty": done to Qatar, by whoever struck it
    sovereign = any(t.lemma_ in SOVEREIGN_THINGS for t in thing.subtree if t.i > thing.i)
    return sovereign or any(syntax.case_of(c) == "against" for c in thing.children)


def judges_attack(scene: Scene, draft: Draft) -> bool:
    """Is the object of the judging verb "the raid", "the strikes": an attack told before?"""
    thing = judged_thing(draft)
    return thing is not None and thing.lemma_ in scene.matchers.violent_nouns and told_before(scene, thing)


def aimed_at(claim: tuple[tuple[Actor, ...], frozenset[str], str], codes: set[str]) -> bool:
    """The claim or attack was aimed at these actors, by others."""
    return bool(claim[1] & codes) and not codes & {a.code for a in claim[0]}


def act_before(scene: Scene, drafts: list[Draft], index: int) -> tuple[CueRule, tuple[Actor, ...], str] | None:
    """The closest two-sided act told before the word in its sentence, else the last one remembered."""
    before = [d for d in drafts if d.cue.anchor.i < index and is_two_sided(d) and not d.symmetric]
    return (before[-1].cue.rule, before[-1].recipients, before[-1].mode) if before else scene.actors.context.last_act


def followed_suit(scene: Scene, drafts: list[Draft]) -> list[Draft]:
    """ "Bamako cut ties with Kyiv, and Niger followed suit": the same act, by the new subject:
    the closest two-sided act before it in the sentence, else the last one remembered."""
    found = []
    for verb in scene.doc:
        if verb.lemma_ != "follow" or verb.i + 1 >= len(scene.doc) or scene.doc[verb.i + 1].lower_ != "suit":
            continue
        act = act_before(scene, drafts, verb.i)
        subject = syntax.subject(verb)
        sources = tuple(a for a in scene.actors.of(subject) if a.code) if subject is not None else ()
        if act is None or not sources:
            continue
        rule, recipients, mode = act
        cue = Cue(verb.i, verb.i + 2, rule, verb, frozenset({verb.i, verb.i + 1}))
        draft = Draft(cue, rule.category, sources, recipients, subject, False, mode, rule.context, predicate=verb)
        apply_modality(draft, scene.matchers.modifiers)  # "is expected to follow suit"
        found.append(draft)
    return found


ALSO_WORDS = frozenset({"also", "too", "likewise", "similarly"})


def also_aimed(scene: Scene, drafts: list[Draft]) -> None:
    """ "The US condemned the raid. Japan and Australia also voiced concern": an act said to be
    done also, at nobody named, is aimed where the same kind of act just told was."""
    for draft in drafts:
        codes = coded(draft.sources)
        verb = syntax.predicate(draft.cue.anchor)
        if not codes or draft.recipients or draft.recipient_word is not None or draft.symmetric:
            continue
        if not any(c.dep_ == "advmod" and c.lower_ in ALSO_WORDS for c in verb.children):
            continue
        act = act_before(scene, drafts, draft.cue.anchor.i)
        if act is not None and act[0].category == draft.category and not codes & coded(act[1]):
            draft.recipients = act[1]


TOLD_BODIES = frozenset({"ministry", "embassy"})  # "its defence ministry said ... The ministry said": the same one
ONE_A_STATE = frozenset({"prince", "king", "emir", "sultan", "queen"})  # titles a state has one holder of


# titles one person of a story holds: "President Emmanuel Macron ... the president", "Captain
# Ibrahim Traore ... the young captain"
TITLES_OF_ONE = frozenset({"president", "minister", "chancellor", "premier", "captain", "colonel", "general", "leader"})


def remember_roles(scene: Scene) -> None:
    """ "three French diplomats": whose diplomats "the diplomats" of later sentences are."""
    actors = scene.actors
    for word in scene.doc:
        holder = title_holder(scene, word)
        if holder is not None:
            actors.context.roles[holder[0]] = holder[1]
        if is_junta(word) and any(c.dep_ in ("nmod:poss", "amod", "compound") and c.i in actors.actor_at for c in word.children):
            rulers = [a for a in actors.of(word) if a.code and a.kind == "state"]
            if len(rulers) == 1:  # "Niger's military government": whose "the junta" of later sentences is
                actors.context.roles[JUNTA] = rulers[0]
        # people, not "the army": "diplomats"; "its ministry"; a title one state has one of: "the crown prince"
        told = word.tag_ == "NNS" or word.lemma_ in TOLD_BODIES or word.lemma_ in ONE_A_STATE
        role = actors.role_at.get(word.i) if told else None
        owner = word.lemma_ in TOLD_BODIES and any(c.dep_ == "nmod:poss" and c.pos_ == "PRON" for c in word.children)
        named = owner or any(c.dep_ in ("amod", "compound", "nmod:poss") and c.i in actors.actor_at for c in word.children)
        named = named or word.lemma_ in ONE_A_STATE  # "Saudi Crown Prince Mohammed": whatever the parse hangs it on
        if role is None or role.sector == "REB" or not named:
            continue
        states = [a for a in actors.of(word) if a.code and a.kind == "state"]
        if len(states) == 1:
            actors.context.roles[word.lemma_] = states[0]


def title_holder(scene: Scene, word: Token) -> tuple[str, Actor] | None:
    """ "Captain Ibrahim Traore", "Prime Minister Ali Zeine": a known person of a state named
    after his title, and that title as written ("prime minister" is not "foreign minister"); not
    the head of a body ("Commission President Ursula von der Leyen", "Secretary-General")."""
    actors = scene.actors
    entry = actors.actor_at.get(word.i)
    if entry is None or entry.kind != "person" or actors.actor_span[word.i][0] != word.i:
        return None
    if entry.code not in scene.matchers.states or (word.i >= 2 and scene.doc[word.i - 2].text == "-"):
        return None
    role = actors.role_at.get(word.i - 1)
    if role is None or role.lemma.split()[-1] not in TITLES_OF_ONE:
        return None
    return role.lemma, Actor(entry.text, entry.code, role.sector, actor_kind(entry))


TALKING = frozenset({"CONSULT", "SUPPORT", "AGREE", "COOPERATE"})  # acts of two sides that deal with each other, not aid


DEAL_ACTS = frozenset({"AGREE", "SUPPORT", "CONCEDE", "COOPERATE", "CONSULT"})


def deal_noun(draft: Draft) -> Token | None:
    """The agreement, deal, truce or treaty the act is about: its cue's word or its verb's object."""
    verb = draft.predicate or draft.cue.anchor
    words = [draft.cue.anchor, *(c for c in verb.children if c.dep_ in ("obj", "nsubj:pass"))]
    return next((w for w in words if w.lemma_ in DEALS), None)


def deal_sides(draft: Draft) -> tuple[Actor, ...]:
    """The two sides of a deal the act tells of ("signed a peace agreement", "brokered a truce
    between Israel and Hamas"), or ()."""
    if draft.category not in DEAL_ACTS or deal_noun(draft) is None:
        return ()
    if draft.symmetric:
        sides = coded_actors(draft.sources)
    elif draft.mode == "third-party":
        sides = coded_actors(draft.recipients)
    else:
        sides = coded_actors(draft.sources)[:1] + coded_actors(draft.recipients)[:1]
    return sides[:2] if len({a.code for a in sides[:2]}) == 2 else ()


def deal_partner(scene: Scene, draft: Draft) -> None:
    """ "Israel's cabinet approved the deal": the deal told before, whose other side is the
    recipient of one of its sides' approval or ratification."""
    noun = deal_noun(draft)
    sides = scene.actors.context.deal_sides
    if draft.category not in DEAL_ACTS - {"CONSULT"} or coded(draft.recipients) or noun is None or draft.symmetric:
        return
    if not any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in noun.children):
        return  # "signed an agreement": a new one, not the one told before
    doers = coded(draft.sources)
    if doers and doers < {a.code for a in sides}:
        draft.recipients = tuple(a for a in sides if a.code not in doers)


def talks_pair(drafts: list[Draft]) -> tuple[Actor, ...]:
    """The two sides of the sentence's last two-sided act, if they dealt with each other: who "the
    two sides" of the next sentence are ("Putin told Burhan Russia backed Sudan. The two sides ...")."""
    paired = [d for d in drafts if (is_two_sided(d) or len(coded(d.sources)) == 2) and d.mode != "third-party"]
    if not paired or paired[-1].category not in TALKING:
        return ()
    last = paired[-1]
    sides = coded_actors(last.sources)
    pair = sides[:2] if last.symmetric else sides[:1] + coded_actors(last.recipients)[:1]
    return pair if len({a.code for a in pair}) == 2 else ()


def remember(scene: Scene, drafts: list[Draft]) -> None:
    """The sentence's subject and actors, for the pronouns of the next sentences."""
    doc, actors = scene.doc, scene.actors
    acts = [d for d in drafts if is_two_sided(d) and not d.symmetric and d.category in FOLLOWED]
    if acts:  # the sentence's first such act is its main one ("cut ties ..., accusing Kyiv")
        actors.context.last_act = (acts[0].cue.rule, acts[0].recipients, acts[0].mode)
    actors.context.talks_pair = talks_pair(drafts)
    deals = [sides for d in drafts if (sides := deal_sides(d))]
    actors.context.deal_sides = deals[-1] if deals else actors.context.deal_sides
    for draft in drafts:  # "exchanged fire": each side at the other, for "both sides" later
        doers = coded_actors(draft.sources)
        if draft.category in VIOLENT and draft.symmetric and len(doers) == 2:
            actors.context.hostile += [(doers[0], doers[1].code), (doers[1], doers[0].code)]
        # "ECOWAS imposed sanctions on Niger": whom "lifted the sanctions" later concerns
        if draft.category == "SANCTION" and is_two_sided(draft) and {doc[i].lemma_ for i in draft.cue.words} & SANCTIONS_WORDS:
            for doer in coded(draft.sources):
                actors.context.sanctioned[doer] = coded_actors(draft.recipients)
    deeds = actors.context.deeds  # not judgements of deeds: "Nato welcomed the vote" decided nothing
    deeds.extend((d.category, doers) for d in drafts if (doers := tuple(a for a in d.sources if a.code)) and not judges_deed(d))
    # who violence by nobody named hit, for a claim of responsibility in the next sentences
    violence = [d for d in drafts if d.category in VIOLENT and coded(d.recipients)]
    actors.context.victims = coded(violence[-1].recipients) if violence and not coded(violence[-1].sources) else frozenset()
    del deeds[:-MAX_DEEDS]
    told = actors.context.acts_named  # "an intervention plan", later "such an intervention"
    told.extend((frozenset(doc[i].lemma_ for i in d.cue.words), coded_actors(d.sources)) for d in drafts if coded(d.sources))
    del told[:-MAX_NAMED_ACTS]
    remember_roles(scene)
    remember_speakers(scene)
    for name in doc:  # "has sent its special envoy Steve Witkoff": tie the name for its later mentions
        if name.pos_ == "PROPN" and name.dep_ not in ("flat", "compound") and name.i not in actors.actor_at:
            actors.of(name)
    for _, end, entries in scene.analysis.actors:  # "North Korean leader Kim Jong Un", later just "Kim"
        if entries[0].kind == "person":
            actors.resolve(doc[end - 1])
    root = next((t for t in doc if t.head == t), doc[0])
    subject_word = syntax.subject_or_agent(root) if syntax.is_verb(root) else None
    subject = actors.of(subject_word) if subject_word is not None else ()
    if not any(a.code for a in subject) and drafts:
        subject, subject_word = drafts[0].sources, drafts[0].source_word
    named = [named_actor(scene, end, entries[0]) for _, end, entries in scene.analysis.actors]
    groups = [actors.of(t) for t in doc if t.conjuncts and t.dep_ != "conj"]
    groups = [g for g in groups if len({a.code for a in g if a.code}) > 1]
    group = tuple(a for a in groups[-1] if a.code) if groups else ()
    plural = subject_word is not None and (subject_word.tag_ in ("NNS", "NNPS") or bool(subject_word.conjuncts))
    scene.actors.context.remember([a for a in named if a.kind != "capital"], tuple(subject), group, plural)


def named_actor(scene: Scene, end: int, entry: ActorEntry) -> Actor:
    """A dictionary name as an actor; an institution's owner wins ("Pakistan's Foreign Office")."""
    resolved = scene.actors.resolve(scene.doc[end - 1]) if entry.kind == "metonym" else None
    return resolved if resolved is not None else Actor(entry.text, entry.code, entry.sector, actor_kind(entry))


# acts of words: where they were said is not where what they speak of happened
SAID_ACTS = frozenset({"DISAPPROVE", "DEMAND", "THREATEN", "REJECT", "SUPPORT"})


def told_content(clause: Token, judged_object: bool = True) -> list[Token]:
    """The parts after a verb of words that tell what it is about: "accused X of ...", "warned
    that ...", "demanded the withdrawal ... from ...", "condemned X for ...", "condemned the
    strike in Kidal"."""
    return [
        c
        for c in clause.children
        if c.i > clause.i
        and (
            c.dep_ in ("ccomp", "xcomp")
            or (c.dep_ in ("obl", "nmod") and syntax.case_of(c) in ("of", "for", "over"))
            # "condemned the strike in Kidal"; not "reopened its embassy in Riyadh", done there
            or (judged_object and c.dep_ == "obj" and syntax.is_noun(c) and c.pos_ != "PROPN")
        )
    ]


def to_event(doc: Doc, draft: Draft, article_id: str, sentence_index: int, sentence_char: int) -> Event:
    cue = draft.cue
    words = sorted(cue.words)
    first, last = doc[words[0]], doc[words[-1]]
    background = syntax.is_noun(cue.anchor) and syntax.in_background(cue.anchor)
    clause = cue.anchor if background else (draft.predicate or cue.anchor)  # "after talks in March, ..."
    done_by_doer = clause.dep_ == "advcl" and clause.tag_ == "VBG" and syntax.own_subject(clause) is None
    if done_by_doer and draft.category in MATERIAL and syntax.is_verb(clause.head) and clause.head.lemma_ not in SAYING:
        clause = clause.head  # "sank three boats in the Red Sea on Dec. 31, killing 10": there and then
    # "Chad ended the pact in November, and Ivory Coast took over the base in Abidjan": a
    # joined clause with its own subject has its own time and place
    # so has one with a date of its own ("imposed sanctions ..., but lifted them in February")
    joined = [c for c in clause.children if c.dep_ == "conj" and (syntax.own_subject(c) is not None or dated(c))]
    own = {t.i for c in joined for t in c.subtree}
    tokens = sorted(t.i for t in clause.subtree if t.i not in own and not (own and t.is_punct)) or [clause.i]
    told_before = [r for r in clause.subtree if r.dep_ == "acl:relcl" and max(t.i for t in r.subtree) < clause.i]
    if told_before:  # "Orban, who visited Moscow in July, spoke ...": July is the visit's
        after = max(t.i for r in told_before for t in r.subtree)
        tokens = [i for i in tokens if i > after]
    spans = () if background else date_spans(doc, clause)
    told_after = [r for r in clause.subtree if told_later(r, clause, cue.words) or earlier_event(r, cue.words)]
    if told_after:  # "withdrew from a committee it had formed in 2010": 2010 is the committee's
        cut = min(t.i for r in told_after for t in r.subtree)
        tokens = [i for i in tokens if i < cut] or tokens
        spans += tuple(phrase_span(c) for c in clause.children if c.dep_ in TIME_EDGES and c.i > cut)
    # "Trump accused Petro of encouraging drug production in Colombia": said in Washington
    content = told_content(clause, draft.category != "SUPPORT") if draft.category in SAID_ACTS else []
    told_spans = tuple(phrase_span(c) for c in content)
    clause_first, clause_last = doc[tokens[0]], doc[tokens[-1]]
    return Event(
        article_id=article_id,
        sentence_index=sentence_index,
        sentence=doc.text,
        sentence_start=sentence_char,
        cue_start=first.idx,
        cue_end=last.idx + len(last.text),
        clause_start=clause_first.idx,
        clause_end=clause_last.idx + len(clause_last.text),
        told_spans=told_spans,
        date_spans=spans,
        category=draft.category,
        sources=tuple(a for a in draft.sources if a.code) or draft.sources[:1],
        recipients=tuple(a for a in draft.recipients if a.code) or draft.recipients[:1],
        symmetric=draft.symmetric,
        mode=draft.mode,
        context=draft.context,
        tense=draft.tense,
        quantity=draft.quantity,
        quantity_unit=draft.unit if draft.quantity is not None else "",
    )


TIME_EDGES = frozenset({"obl", "obl:unmarked", "obl:tmod", "nmod:tmod", "advmod", "nmod:unmarked"})


def earlier_event(word: Token, cue_words: frozenset[int]) -> bool:
    """ "the first visit by a Russian minister since the coup in Niger on July 26": a phrase after
    the cue about another event ("since the coup") has that event's date ("after the July coup"
    still dates an act that followed it closely)."""
    about_event = word.pos_ == "NOUN" and syntax.case_of(word) == "since"
    return word.dep_ in ("nmod", "obl") and about_event and min(t.i for t in word.subtree) > max(cue_words)


def told_later(word: Token, clause: Token, cue_words: frozenset[int]) -> bool:
    """A relative clause or participle after the cue about another noun ("a committee it formed
    in 2010"): its dates are its own ("a strike that killed a commander last week" is the strike's)."""
    if not told_of_noun(word) or word == clause or word.head.i in cue_words:
        return False
    return min(t.i for t in word.subtree) > max(cue_words)


def told_of_noun(word: Token) -> bool:
    """A relative clause, or a participle with its own dates ("a ceasefire agreed in July"),
    not a tie ("a ship linked to an Israeli firm in the Red Sea")."""
    return word.dep_ == "acl:relcl" or (word.dep_ == "acl" and word.tag_ == "VBN" and word.lower_ not in TIED)


def phrase_span(word: Token, own_only: bool = False) -> tuple[int, int]:
    """Where the phrase is in the sentence; own_only: up to a relative clause it holds ("from a
    committee it formed in 2010": 2010 is the committee's)."""
    words = list(word.subtree)
    if own_only:
        told = [r for r in word.subtree if told_of_noun(r) and r != word]
        cut = min((min(t.i for t in r.subtree) for r in told), default=None)
        words = [t for t in words if cut is None or t.i < cut] or words
    return (words[0].idx, words[-1].idx + len(words[-1].text))


def date_spans(doc: Doc, clause: Token) -> tuple[tuple[int, int], ...]:
    """Where else in the sentence a date may be read for this event: the clauses above it,
    not one that tells what happened before or after ("Following Zeine's visit in January")."""
    marks = [m for m in syntax.marks(clause) if m != "to"]  # "voted in June to end the mission": June
    if any(m in BACKGROUND_MARKS for m in marks) or (clause.dep_ == "advcl" and marks):
        return ()
    spans = []
    current = clause
    while current.head != current:
        below, current = current, current.head
        if syntax.is_noun(current) and below.dep_ in ("acl:relcl", "acl", "advcl"):
            words = list(current.subtree)  # "made in January, when Zeine visited Moscow"
            spans.append((words[0].idx, words[-1].idx + len(words[-1].text)))
        for child in current.children:
            if child.dep_ == "advcl" and any(m in BACKGROUND_MARKS for m in syntax.marks(child)):
                continue
            misread_day = child.text in DAY_NAMES  # "officials said Sunday" read with Sunday as a subject
            if child.dep_ in TIME_EDGES or misread_day:
                spans.append(phrase_span(child, own_only=True))
    return tuple(spans)


DAY_NAMES = frozenset(calendar.day_name) | {"Today", "Yesterday", "today", "yesterday"}
