"""Who a noun phrase names: dictionary names, their modifiers, pronouns and unknown names.

Reads one parsed sentence, its dictionary matches and what earlier sentences of the article
said (ArticleContext); adds Actor records for the head words of argument phrases. A phrase is
read on the tree: its own name ("ECOWAS"), the names and nationalities that modify it
("Nigerien Prime Minister Ali Lamine Zeine", "Niger's ambassadors"), a "of/from/in" phrase or
apposition ("defence chiefs from West African nations", "Amadou Abdramane, a spokesman for
the junta"), a pronoun's antecedent, or a name the article tied to a state earlier ("Milei").
News outlets and reporters are never actors.
"""

from __future__ import annotations

import calendar
from collections import Counter
from dataclasses import dataclass, field, replace

from spacy.tokens import Doc, Token

from geopol.dictionaries import ActorEntry, CueRule, Dictionaries, Role
from geopol.nlp import SAYING, TIED, Analysis
from geopol.records import Actor
from geopol.syntax import case_of, clause_verb, hyphenated, is_verb, own_subject, phrase_range
from geopol.syntax import subject as subject_of

FIRST_MENTION_BONUS = 2
MIN_GROUP_MENTIONS = 2
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
ORGANISATION_KINDS = frozenset({"igo", "armed_group", "ngo", "company"})
GROUP_KINDS = ORGANISATION_KINDS - {"igo"}
PERSONAL_PRONOUNS = frozenset({"it", "its", "they", "their", "them", "he", "his", "him", "she", "her", "itself", "themselves"})
CROWDS = frozenset({"thousand", "hundred", "dozen", "score"})  # "Thousands marched in Dakar": people


# what an organisation's members are called: "a Nato member", "EU member states"
MEMBER_WORDS = frozenset({"member", "state", "country", "nation", "ally", "government"})
# states whose people's names start with the family name ("Kim Jong Un", later "Kim")
FAMILY_NAME_FIRST = frozenset({"CHN", "PRK", "KOR", "TWN", "VNM", "HKG", "MAC"})
# where people are called by their given name, the first ("Gedion Timothewos" is later "Gedion")
GIVEN_NAME_USED = frozenset({"ETH", "ERI"})


PATRONYMIC = frozenset({"bin", "ibn", "bint", "ben"})
# titles of birth or respect that are no part of the name ("Sheikh Salem" is Salem)
HONORIFICS = frozenset({"sheikh", "shaikh", "prince", "princess", "sayyid", "mullah"})


def family_names(name: str, code: str) -> list[str]:
    """The words a person is later called by alone: the last ("Bazoum"), and the first where
    the family name comes first ("Kim Jong Un", "Kim Hong-kyun": "Kim") or where the given
    name is used ("Redwan Hussien": "Redwan")."""
    words = name.split()
    # "Faisal bin Farhan" is later "Prince Faisal" or "Faisal": the given name before "bin"
    given = [words[i - 1] for i in range(1, len(words)) if words[i].lower() in PATRONYMIC and words[i - 1][:1].isupper()]
    first_used = code in FAMILY_NAME_FIRST | GIVEN_NAME_USED
    return [words[-1], words[0]] if first_used and len(words) > 1 else [words[-1], *given[:1]]


def crowd(head: Token) -> Role | None:
    """A bare count of people as a subject ("Thousands marched"), with no "of" phrase to say who."""
    bare = head.tag_ == "NNS" and head.dep_.startswith("nsubj") and not any(c.dep_ == "nmod" for c in head.children)
    return Role("people", "CVL", False) if bare and head.lemma_ in CROWDS else None


FIRST_PERSON = frozenset({"i", "we", "me", "us", "my", "our"})  # in a quote: the speaker
PLURAL_PRONOUNS = frozenset({"they", "their", "them", "themselves"})
# Dependents of a head word that can name whom it belongs to.
MODIFIER_DEPS = ("compound", "amod", "flat", "nmod:poss", "nmod:desc", "nmod:unmarked", "nummod")
BELONGING_PREPS = frozenset({"of", "from", "for", "in", "at"})
# "Bazoum, a key ally of Paris", "a critic of the junta": the person is not the other's
RELATION_NOUNS = frozenset(
    "ally partner friend critic opponent rival enemy foe adversary supporter backer admirer client proxy "
    "neighbour neighbor".split()
)
# verbs whose object "it" is an act or a decision told before ("condemned it", "welcomed it")
JUDGED_THINGS = frozenset("condemn denounce criticise criticize welcome praise hail slam decry deplore applaud".split())
# what "them" can be after a judging verb: remarks and acts told before
SAID_OR_DONE = frozenset(
    "comment remark statement claim accusation allegation decision measure move step strike attack raid sanction "
    "law plan proposal".split()
)
REPORTING = SAYING | {"announce", "reveal", "stress", "note", "insist"}  # "X announced that the two ..."
MEMBERSHIP_PREPS = frozenset({"in", "within"})  # "Mali's neighbours in ECOWAS" are ECOWAS members
NAMING_VERBS = frozenset({"know", "call", "name", "dub", "label"})  # "the bloc known as ECOWAS"
LEADING_VERBS = frozenset({"lead", "head", "command", "chair"})
OWNING_VERBS = LEADING_VERBS | {"own", "run", "operate", "flag", "register"}


def modifiers_named(word: Token) -> list[Token]:
    """The modifiers that may name who the word is: not whoever backs, arms or holds it
    ("Turkish-backed fighters", "the UN-patrolled zone"; "the Saudi-led coalition" is Saudi,
    "a Chinese-owned hotel", "a British-flagged tanker" theirs)."""
    backers = [c for c in word.children if c.tag_ == "VBN" and hyphenated(c) and c.lemma_ not in OWNING_VERBS]
    return [c for c in word.children if c.dep_ in MODIFIER_DEPS and c not in backers]


COMITATIVE = frozenset({"along", "together", "alongside"})
INSURGENT_WORDS = frozenset("rebel insurgent militant jihadist jihadi islamist terrorist extremist separatist".split())
KIN = frozenset("son daughter brother sister wife husband father mother nephew niece cousin widow".split())
EXCLUDING = frozenset({"excluding", "except", "besides", "barring"})
STATE_SECTORS = frozenset({"MIL", "GOV", "COP", "LEG", "JUD"})
CIVIL_SECTORS = frozenset({"CVL", "LAB", "AGR", "EDU", "OPP", "BUS"})  # people of the place they are in
VICTIM_EDGES = frozenset({"obj", "nmod", "obl", "conj"})  # where civilians of the story's country are what is done to
REPORTING_SECTORS = frozenset({"MED"})  # news outlets, reporters: they report events, they do not act in them
MAX_DEPTH = 3
QUANTIFIERS = frozenset(
    "dozen hundred thousand million score some many several most all part group number majority handful few "
    "both each one two three four five six seven eight nine ten set batch wave contingent team unit detachment "
    "last".split()
)
# Capitalised words that are never names of actors: months, days, their abbreviations.
NOT_NAMES = frozenset(
    [m.lower() for m in calendar.month_name[1:] + calendar.month_abbr[1:] + calendar.day_name[:] + calendar.day_abbr[:]]
    + ["sept", "sep", "oct.", "nov.", "dec.", "jan.", "feb.", "aug.", "sept."]
)


RECENT_GROUPS = 4  # groups of states kept for "the three countries"


@dataclass
class ArticleContext:
    """What earlier sentences of the article said, for pronouns, anaphors and bare names."""

    dominant: Actor | None = None  # the state the article is mostly about
    states: tuple[Actor, ...] = ()  # every state it names, the dominant one first
    armed_group: Actor | None = None  # the armed group it names most
    insurgents: Actor | None = None  # the one it names most that fights no government's war (not Wagner)
    group_home: str = ""  # the insurgents' home state
    government_side: frozenset[str] = frozenset()  # armed groups that fight for governments (Wagner)
    mentions: Counter[str] = field(default_factory=Counter)  # how often the article names each code
    recent: list[Actor] = field(default_factory=list)  # coded actors named, most recent last
    last_subject: tuple[Actor, ...] = ()
    plural_subject: tuple[Actor, ...] = ()  # the last sentence's subject, if it was a plural phrase
    last_group: tuple[Actor, ...] = ()
    groups: list[tuple[Actor, ...]] = field(default_factory=list)  # the last few groups, most recent last
    names: dict[str, Actor] = field(default_factory=dict)  # names tied to a code ("Milei" -> ARG)
    # accusations, demands, threats and attacks, most recent last: (by whom, codes of whom at, category)
    claims: list[tuple[tuple[Actor, ...], frozenset[str], str]] = field(default_factory=list)
    hostile: list[tuple[Actor, str]] = field(default_factory=list)  # (doer, code of its target) of claims and attacks
    last_act: tuple[CueRule, tuple[Actor, ...], str] | None = None  # the last two-sided act: rule, recipients, mode
    talks_pair: tuple[Actor, ...] = ()  # the two sides of the last sentence's last two-sided act, if a friendly one
    deeds: list[tuple[str, tuple[Actor, ...]]] = field(default_factory=list)  # (category, doers) of recent acts
    acts_named: list[tuple[frozenset[str], tuple[Actor, ...]]] = field(default_factory=list)  # (cue lemmas, doers)
    roles: dict[str, Actor] = field(default_factory=dict)  # "French diplomats" -> FRA, for "the diplomats" later
    regions: dict[str, frozenset[str]] = field(default_factory=dict)  # "sahel" -> the states of blocs so named
    victims: frozenset[str] = frozenset()  # who the last violence told hit, whoever did it
    sanctioned: dict[str, tuple[Actor, ...]] = field(default_factory=dict)  # code -> whom it last sanctioned
    speakers: list[tuple[Actor, ...]] = field(default_factory=list)  # who said, told or accused, most recent last
    deal_sides: tuple[Actor, ...] = ()  # the two sides of the last deal told, for "approved the agreement" later

    def know_person(self, person: Actor) -> None:
        """A dictionary person named in full ("Gustavo Petro"), for later bare mentions ("Petro")."""
        for family in family_names(person.text, person.code):
            self.names.setdefault(family, person)

    def remember(
        self, actors: list[Actor], subject: tuple[Actor, ...], group: tuple[Actor, ...] = (), plural: bool = False
    ) -> None:
        self.recent.extend(a for a in actors if a.code)
        if group:
            self.last_group = group
        if subject and any(a.code for a in subject):
            self.last_subject = tuple(a for a in subject if a.code)
            self.plural_subject = self.last_subject if plural else ()
            if len({a.code for a in self.last_subject}) > 1:
                self.last_group = self.last_subject
        if self.last_group and self.last_group not in self.groups[-1:]:
            self.groups.append(self.last_group)
        del self.recent[:-20]
        del self.groups[:-RECENT_GROUPS]

    def named(self, actor: Actor) -> int:
        """How often the article names the actor."""
        return self.mentions.get(actor.code, 0)

    def group_of_size(self, size: int) -> tuple[Actor, ...]:
        """The last group of that many states ("the three juntas" after "Mali, Burkina Faso and
        Niger"), even if a pair was named since."""
        return next((g for g in reversed(self.groups) if len({a.code for a in g}) == size), ())

    def last_organisation(self, word: str = "", kinds: frozenset[str] = ORGANISATION_KINDS) -> Actor | None:
        """The last organisation named, or the last whose name holds the word ("court")."""
        return next((a for a in reversed(self.recent) if a.kind in kinds and names_it(a.text, word)), None)


STATE_KINDS = frozenset({"state", "capital", "demonym", "person"})
FIRED = frozenset({"fire", "launch"})


# words of bloc names that name no region: "Economic Community of West African States"
GENERIC_NAME_WORDS = frozenset("alliance community economic states state union organisation organization of the".split())


def region_words(dictionaries: Dictionaries) -> dict[str, frozenset[str]]:
    """The states behind each distinctive word of a bloc's name ("sahel" -> AES and G5 Sahel members)."""
    regions: dict[str, frozenset[str]] = {}
    for bloc, members in dictionaries.blocs.items():
        info = dictionaries.actors.get(bloc)
        for word in info.name.split() if info is not None else ():
            key = word.lower()
            if word[:1].isupper() and key not in GENERIC_NAME_WORDS:
                regions[key] = regions.get(key, frozenset()) | members
    return regions


DOCUMENTS = frozenset(
    "convention conventions agreement agreements accord accords protocol treaty declaration charter process format".split()
)


def named_document(word: Token) -> bool:
    """A city's name in the name of a text or a process ("Vienna Convention", "Minsk agreements")."""
    return word.dep_ in ("compound", "amod", "nmod:poss") and word.head.lemma_.lower() in DOCUMENTS


def definite(noun: Token) -> bool:
    return any(c.dep_ == "det" and c.lower_ in ("the", "these", "those", "this", "that") for c in noun.children)


def obliques_from(verb: Token) -> list[Token]:
    return [c for c in verb.children if c.dep_ in ("obl", "nmod") and case_of(c) == "from"]


# Verbs of a go-between: "a deal brokered by China", "talks mediated by Qatar" name no party to it
GO_BETWEENS = frozenset({"mediate", "broker", "host", "facilitate", "sponsor", "convene", "arrange"})


def go_between_agent(word: Token) -> bool:
    """ "talks mediated by Qatar and Turkey": Qatar and Turkey are the go-betweens."""
    first = word
    while first.dep_ == "conj" and first.head != first:
        first = first.head
    return case_of(first) == "by" and first.head.lemma_ in GO_BETWEENS


STATE_NOUNS = frozenset({"countries", "nations", "states", "governments", "neighbours", "neighbors", "capitals"})
SIDES = frozenset({"sides", "parties"})  # of a war
LEADERS = frozenset({"leaders", "presidents", "ministers", "men", "heads", "delegations"})
WAR_TALK = frozenset("ceasefire truce armistice hostility fighting fire clash restraint escalation de-escalate".split())


def is_state(actor: Actor) -> bool:
    return len(actor.code) == 3 and actor.kind not in ORGANISATION_KINDS and actor.kind != "armed_group"


def names_it(name: str, word: str) -> bool:
    """Does the name hold the word ("court" in "International Court of Justice"); no word: any name."""
    return not word or word in name.lower().split()


# anaphors whose noun says the kind of organisation they stand for
KIND_WORDS = {
    "company": frozenset({"company"}),
    "firm": frozenset({"company"}),
    "force": frozenset({"armed_group"}),
    "task force": frozenset({"igo"}),
    "regional force": frozenset({"igo"}),
    "forces": frozenset({"armed_group"}),
    "militia": frozenset({"armed_group"}),
    "paramilitaries": frozenset({"armed_group"}),
    "rebels": frozenset({"armed_group"}),
    "mission": frozenset({"igo"}),
}
# What "the bloc" or "the group" may stand for without naming it; "the court" must be a court
GENERIC_BODIES = frozenset({"bloc", "body", "organisation", "organization", "alliance", "group", ""})

# One of each per state: "militaries", "governments" in the plural are several states'
INSTITUTIONS = frozenset({"military", "army", "government", "navy", "parliament", "regime", "junta", "ministry"})


WEAPONS = frozenset({"aircraft", "jet", "warplane", "drone"})  # roles that say nothing of whose they are
HOSTS_OF_TALKS = frozenset({"host", "mediate", "broker", "facilitate", "convene"})  # the talks are of others
NEAR_MENTIONS = 8  # actors named lately enough to stand for "the country" besides the story's own
FORMER = frozenset({"former", "ex", "retired"})  # a role held no more
PERSON_PRONOUNS = frozenset({"he", "his", "him", "she", "her"})  # pronouns of one person, never of a state
ENVOYS = frozenset({"ambassador", "envoy", "diplomat", "chargé", "consul"})
FOREIGN_OFFICES = frozenset({"minister", "ministry", "secretary", "office", "affairs", "service"})
NOT_ONE_STATE = frozenset(
    "regional international foreign western allied coalition multinational european african arab asian gulf".split()
)


JUNTA = "junta"  # the key under which the story's junta is remembered
RULERS = frozenset({"government", "ruler", "regime", "council"})  # "military leaders" may be any army's officers


def is_junta(word: Token) -> bool:
    """ "the junta", "Niger's military government", "the military rulers", "Mali's
    military-led government"."""
    modifiers = [c for c in word.children if c.dep_ in ("amod", "compound")]
    led = [g for c in modifiers if c.lower_ in ("led", "run", "dominated") for g in c.children]  # "military-led"
    military = any(c.lower_ == "military" for c in [*modifiers, *led])
    return word.lemma_ == JUNTA or (word.lemma_ in RULERS and military)


def rebel_role(head: Token) -> bool:
    """ "a jihadist leader", "rebel commanders": a state's role word on an insurgent."""
    return any(c.dep_ in ("amod", "compound") and c.lemma_ in INSURGENT_WORDS for c in head.children)


def former_role(head: Token) -> bool:
    """ "Jimmy Cherizier, a former police officer": a named man's role held no more; not "the
    president, a former army general", who holds one now."""
    if head.pos_ == "PROPN":
        titles = [c for c in head.children if c.dep_ == "appos"]
    else:
        titles = [head] if head.dep_ == "appos" and head.head.pos_ == "PROPN" else []
    return any(c.dep_ == "amod" and c.lower_ in FORMER for word in titles for c in word.children)


def dominant_state(analysis: Analysis) -> Actor | None:
    """The state an article names most often: what "the country" or "the junta" refers to."""
    ranked = ranked_states(analysis)
    return ranked[0] if ranked else None


def ranked_states(analysis: Analysis, text_start: int = 0) -> tuple[Actor, ...]:
    """The states an article names, the one it is most about first. Names before text_start
    (a dateline: "NAIROBI, Kenya (AP) —" over a story about Sudan) say where the reporter was."""
    counts: Counter[str] = Counter()
    names: dict[str, str] = {}
    for start, _, entries in analysis.actors:
        if analysis.doc[start].idx < text_start:
            continue
        entry = entries[0]
        if entry.kind in ("state", "demonym", "capital") or (entry.kind == "person" and len(entry.code) == 3):
            counts[entry.code] += 1
            names.setdefault(entry.code, entry.text)
    if not counts:
        return ()
    counts[next(iter(names))] += FIRST_MENTION_BONUS  # the lead's first state is what the story is about
    return tuple(Actor(names[code], code, "", "state") for code, _ in counts.most_common())


def dominant_group(analysis: Analysis, government_side: frozenset[str] = frozenset()) -> Actor | None:
    """The armed group an article names most often, besides those of government_side: who
    "the fighters" are, and with mercenaries and armies set aside, "the militants"."""
    groups = [entries[0].code for _, _, entries in analysis.actors if entries[0].kind == "armed_group"]
    counts = Counter(code for code in groups if code not in government_side)
    if not counts:
        return None
    code, count = counts.most_common(1)[0]
    if count < MIN_GROUP_MENTIONS:
        return None  # named in passing: the story is not about it
    text = next(entries[0].text for _, _, entries in analysis.actors if entries[0].code == code)
    return Actor(text, code, "REB", "armed_group")


def choose_entry(entries: tuple[ActorEntry, ...], year: int | None) -> ActorEntry:
    """The reading of a name valid in the event's year (people change office)."""

    def fits(e: ActorEntry) -> bool:
        return year is None or ((e.valid_from or 0) <= year <= (e.valid_to or 9999))

    return sorted(entries, key=lambda e: (not fits(e), KIND_RANK.get(e.kind, 9)))[0]


def coordinated(head: Token) -> list[Token]:
    """A word and the words coordinated with it ("Mali, Burkina Faso and Niger"); two
    subjects or objects of one verb count as coordinated too (a parse may miss the "and")."""
    found = [head, *(t for t in head.conjuncts if t.i > head.i)]
    for part in head.children:  # "Burkina Faso and Niger" with "and Niger" hung on "Faso"
        if part.dep_ in ("flat", "compound"):
            found += [t for t in part.conjuncts if t.i > head.i and t not in found]
        if part.dep_ in ("nmod", "obl") and comitative(part):  # "Niger, along with Mali and Burkina Faso"
            found += [t for t in (part, *part.conjuncts) if t not in found]
    if head.dep_ in ("nsubj", "obj", "nsubj:pass") and head.head.i != head.i:
        found += [c for c in head.head.children if c.dep_ == head.dep_ and c.i > head.i]
    return found


def comitative(part: Token) -> bool:
    """ "along with Mali", "together with Niger", "alongside Russia"; "along the border" is a place."""
    case = next((c for c in part.children if c.dep_ == "case" and c.lower_ in COMITATIVE), None)
    if case is None:
        return False
    following = part.doc[case.i + 1] if case.i + 1 < len(part.doc) else None
    return case.lower_ == "alongside" or (following is not None and following.lower_ == "with")


DETERMINING = frozenset({"det", "nmod:poss", "nummod", "compound"})


def actor_kind(entry: ActorEntry) -> str:
    return entry.kind if entry.kind in ("person", *ORGANISATION_KINDS) else "state"


@dataclass
class SentenceActors:
    """Resolves the head words of one parsed sentence to actors."""

    doc: Doc
    analysis: Analysis  # matches with token indices of doc
    context: ArticleContext
    year: int | None
    first_token: int = 0  # tokens before it (a dateline) name no actor
    place_countries: dict[int, str] = field(default_factory=dict)  # token -> country of a place named there

    def __post_init__(self) -> None:
        self.actor_at: dict[int, ActorEntry] = {}
        self.actor_span: dict[int, tuple[int, int]] = {}
        for s, e, entries in self.analysis.actors:
            entry = choose_entry(entries, self.year)
            for i in range(s, e):
                self.actor_at[i] = entry
                self.actor_span[i] = (s, e)
        self.role_at: dict[int, Role] = {}
        for s, e, role in self.analysis.roles:
            for i in range(s, e):
                self.role_at[i] = role
        self.anaphor_at: dict[int, tuple[int, int, str]] = {}
        for s, e, kind in self.analysis.anaphors:
            for i in range(s, e):
                self.anaphor_at[i] = (s, e, kind)
        self.memo: dict[int, Actor | None] = {}
        self.active: set[int] = set()
        self.modifier_of: dict[int, Token] = {}  # head -> the modifier that named its actor
        self.owned: set[int] = set()  # heads that name a thing an actor owns, not an actor
        self.link_of: dict[int, Token] = {}  # head -> the "of" phrase that named its actor
        self.guessed: set[int] = set()  # heads coded as the story's state for want of an owner

    # -- public -------------------------------------------------------------------------

    def of(self, head: Token | None) -> tuple[Actor, ...]:
        """The actors a head word and the words coordinated with it name ("Mali, Burkina
        Faso and Niger"); uncoded actors are kept, with an empty code."""
        if head is None:
            return ()
        found: list[Actor] = []
        listed = [a for a in head.children if a.dep_ == "appos" and a.i in self.actor_at and head.i in self.actor_at]
        tokens = {t.i: t for t in coordinated(head) + listed}  # "Mali, Burkina Faso and Niger" read as an apposition
        for token in (tokens[i] for i in sorted(tokens)):
            group = self.group_of(token)
            owners = next((self.group_of(c) for c in token.children if c.dep_ == "nmod:poss" and c.lower_ == "their"), ())
            if len(group) < 2 and len(owners) > 1 and token.i not in self.actor_at:
                group = owners  # "the withdrawal of their contingents", said of Sweden, Germany and Britain
            actors = [replace(a, text=token.text) for a in group] if len(group) > 1 else [self.resolve(token)]
            modifier = self.modifier_of.get(token.i)
            if modifier is not None:  # "Hungarian and Romanian officials"
                actors += [self.modifier_actor(t) for t in coordinated(modifier) if t.i != modifier.i]
                actors += [self.modifier_actor(t) for t in self.sibling_modifiers(token, modifier)]
            for part in token.children:  # "Mali's army and Russian fighters" read as one noun with joined modifiers
                if part.dep_ in ("compound", "amod") and part.i < token.i:
                    actors += [self.modifier_actor(t) for t in part.conjuncts if t.i in self.actor_at and t.i < token.i]
            link = self.link_of.get(token.i)
            if link is not None:  # "the nations of Mali, Niger and Burkina Faso"
                actors += [self.resolve(t) for t in coordinated(link) if t.i != link.i]
                if link.i in self.anaphor_at:  # "the leaders of the three Sahel states": all three
                    actors += list(self.group_of(link))
            for actor in actors:
                if actor is not None and not any(a.code and a.code == actor.code for a in found):
                    found.append(actor)
        return tuple(found)

    def sibling_modifiers(self, head: Token, modifier: Token) -> list[Token]:
        """ "Indian and Pakistani troops" read as two modifiers of "troops" joined by "and"."""
        siblings = [c for c in head.children if c.dep_ == modifier.dep_ and c.i != modifier.i and c.i in self.actor_at]
        if not siblings:
            return []
        low, high = min(modifier.i, *(t.i for t in siblings)), max(modifier.i, *(t.i for t in siblings))
        joined = any(t.lower_ in ("and", "&") for t in self.doc[low:high])
        return siblings if joined else []

    def modifier_actor(self, token: Token) -> Actor | None:
        entry = self.actor_at.get(token.i)
        return Actor(entry.text, entry.code, entry.sector, actor_kind(entry)) if entry else None

    def is_actor_word(self, token: Token) -> bool:
        """Does the word stand for some actor, coded or not (a name, a role, a pronoun, or a
        thing an actor owns: "an Indian proposal")?"""
        return self.resolve(token) is not None

    def names_actor(self, token: Token) -> bool:
        """Does the word itself name an actor ("the delegation", "Putin"), not a thing of
        one ("its media channel")?"""
        return self.resolve(token) is not None and token.i not in self.owned

    def personnel(self, token: Token) -> bool:
        """ "troops", "100 Russian advisers", "a first set of Russian advisers": people who
        can be moved."""
        role = self.role_in_phrase(token)
        members = [c for c in token.children if case_of(c) == "of"] if token.like_num or token.lemma_ in QUANTIFIERS else []
        if role is None and members:
            role = self.role_in_phrase(members[0])
        if role is None and members and members[0].lower_ in PLURAL_PRONOUNS:
            soldiers = self.resolve(members[0])  # "the last of them left": of the troops told before
            return soldiers is not None and soldiers.sector in ("MIL", "PKO")
        return role is not None and role.personnel

    # -- resolution ---------------------------------------------------------------------

    def resolve(self, head: Token, depth: int = 0) -> Actor | None:
        if head.i in self.memo and depth == 0:
            return self.memo[head.i]
        if head.i in self.active:
            return None  # a pronoun whose antecedent search came back to it
        self.active.add(head.i)
        try:
            actor = self.read(head, depth)
        finally:
            self.active.discard(head.i)
        if depth == 0:
            self.memo[head.i] = actor
        return actor

    def read(self, head: Token, depth: int) -> Actor | None:
        if head.i < self.first_token or depth > MAX_DEPTH:
            return None
        if any(t.lower_ in EXCLUDING for t in (head.head, *head.children) if t.i < head.i):
            return None  # "defence chiefs from ECOWAS countries excluding Mali": not Mali
        if head.lower_ == "force" and not any(c.dep_ in DETERMINING for c in head.children):
            return None  # "threatened to use force", "military force": a means, not a body of troops
        role = self.role_in_phrase(head) or crowd(head)
        sector = role.sector if role else ""
        text = self.text(head)
        entry = self.actor_at.get(head.i)
        if entry is not None and entry.kind == "capital" and named_document(head):
            return None  # "the Vienna Convention", "the Algiers accord": a text named after a city
        if entry is not None and entry.kind == "metonym":
            entry = self.state_owner(head) or entry  # "Pakistan's Foreign Office" is Pakistan's, not Britain's
        kin = self.relative_of(head)
        if kin is not None:  # "Haftar's son Saddam" is Haftar's, whoever else bears the name
            return Actor(text, kin.code, sector or kin.sector, kin.kind)
        if entry is not None:
            actor = Actor(text, entry.code, sector or entry.sector, actor_kind(entry))
            if entry.kind == "person":  # "President Mohamed Bazoum", later just "Bazoum"
                self.context.know_person(replace(actor, text=entry.text))
            return actor
        clause = head.head
        object_pronoun = head.lower_ in ("which", "whom", "who") and not head.dep_.startswith("nsubj")
        if object_pronoun and clause.dep_ == "acl:relcl" and clause.head.i < head.i:
            found = self.resolve(clause.head, depth + 1)  # "Ukraine, which Mali accused of ...": Ukraine
            return replace(found, text=text) if found is not None and found.code else None
        if head.lower_ in FIRST_PERSON:
            speaker = self.quote_speaker(head, depth)
            return replace(speaker, text=text) if speaker is not None else None
        if self.member_of_body(head):
            return Actor(text, "", "", "generic")  # "a Nato member", "two EU member states": some of its states
        if head.i in self.anaphor_at or head.lower_ in PERSONAL_PRONOUNS:
            named_here = self.from_links(head, depth) if head.i in self.anaphor_at else None
            if named_here is not None and named_here.code:  # "the military leaders of Mali, Burkina Faso and Niger"
                return replace(named_here, text=text, sector=sector or named_here.sector)
            return self.antecedent(head, text, sector)
        if head.lower_ in NOT_NAMES:
            return None
        beside = self.named_beside(head, depth) if head.pos_ == "NOUN" else None
        if beside is not None:  # "the al-Qaida-linked group JNIM": the group's own name, not its patron's
            return replace(beside, text=text, sector=sector or beside.sector)
        named = self.from_modifiers(head)
        if named is not None:
            if role is None and head.pos_ != "PROPN":
                self.owned.add(head.i)
            return self.named(head, replace(named, text=text, sector=sector or named.sector))
        counted = head.like_num or head.lemma_ in QUANTIFIERS  # "dozens of Boko Haram fighters"
        unknown_names = [c for c in head.children if c.dep_ == "compound" and self.unknown_name(c)]
        unknown = role is not None and head.pos_ == "NOUN" and bool(unknown_names)
        member = next((c for c in head.children if c.dep_ == "nmod" and case_of(c) == "of"), None) if unknown else None
        found = self.resolve(member, depth + 1) if member is not None else None
        if unknown and found is not None and found.code and found.kind != "state":
            return replace(found, text=text, sector=sector or found.sector)  # "Tuareg rebels of the FLA"
        if unknown:
            return Actor(text, "", sector, "generic")  # "Tuareg separatist groups in Algiers" are not Algeria's
        linked = self.from_links(head, depth) if role is not None or head.pos_ == "PROPN" or counted else None
        if linked is not None and linked.code:
            return self.named(head, replace(linked, text=text, sector=sector or linked.sector))
        counted_people = next((c for c in head.children if c.dep_ == "nmod" and case_of(c) == "of"), None) if counted else None
        people = self.resolve(counted_people, depth + 1) if counted_people is not None and role is None else None
        if people is not None and (people.code or people.sector == "CVL"):  # "hundreds of supporters rallied": people
            return replace(people, text=text)
        if head.pos_ == "PROPN" and self.name_of(head) in self.context.names:
            return replace(self.context.names[self.name_of(head)], text=text)
        titled = self.title_before(head) if head.pos_ == "PROPN" else None
        if titled is not None:
            return self.named(head, replace(titled, text=text))
        if role is not None:
            return self.generic(head, text, role)
        if head.pos_ == "PROPN" and not self.is_place(head):
            return Actor(text, "", "", "person")
        named_beside = next((c for c in head.children if c.dep_ == "appos"), None)
        found = self.resolve(named_beside, depth + 1) if named_beside is not None else None
        if found is not None and found.code:  # "its rival, the Islamic State Sahel Province"
            return replace(found, text=text)
        origin = next((o for c in head.children if c.dep_ == "acl" and c.lemma_ in FIRED for o in obliques_from(c)), None)
        found = self.resolve(origin, depth + 1) if origin is not None else None
        if found is not None and found.code and found.kind == "state":  # "rockets fired from Cambodia killed ..."
            return replace(found, text=text)
        return None

    def member_of_body(self, head: Token) -> bool:
        """ "a Nato member", "two EU member states": some states of an organisation, which the
        text does not name, not the organisation."""
        if head.lemma_ not in MEMBER_WORDS:
            return False
        modifiers = [c for c in head.children if c.dep_ in ("compound", "amod")]
        inner = [c for c in modifiers if c.lemma_ in MEMBER_WORDS]  # "EU member states"
        modifiers += [g for c in inner for g in c.children if g.dep_ in ("compound", "amod")]
        counted = head.tag_ == "NN" or any(c.dep_ == "nummod" for w in [head, *inner] for c in w.children)
        # "the 15 ECOWAS member states", "all 27 EU members", "the Nato ally" (told before): the whole, or someone named
        definite = any(c.lower_ in ("the", "all", "these", "those", "its", "their") for w in [head, *inner] for c in w.children)
        entries = [self.actor_at.get(c.i) for c in modifiers]
        return counted and not definite and any(e is not None and e.kind == "igo" for e in entries)

    def named_beside(self, head: Token, depth: int) -> Actor | None:
        """An organisation named in apposition right after a role noun ("the group JNIM")."""
        name = next((c for c in head.children if c.dep_ == "appos" and c.i == head.i + 1), None)
        entry = self.actor_at.get(name.i) if name is not None else None
        if name is None or entry is None or entry.kind not in ORGANISATION_KINDS:
            return None
        return self.resolve(name, depth + 1)

    def quote_speaker(self, pronoun: Token, depth: int) -> Actor | None:
        """ "'We will not accept it,' Mali's foreign minister told reporters": "we" and "I" in
        a quote are whoever the sentence says is speaking."""
        for verb in self.doc:
            if verb.lemma_ not in SAYING or verb.pos_ != "VERB":
                continue
            speaker = next((c for c in verb.children if c.dep_ == "nsubj" and c.lower_ not in FIRST_PERSON), None)
            if speaker is not None and speaker.i != pronoun.i:
                return self.resolve(speaker, depth + 1)
        return None

    def from_modifiers(self, head: Token) -> Actor | None:
        """ "Nigerien Prime Minister Ali Lamine Zeine", "Niger's ambassadors", "the Russian
        Wagner group": the best-ranked name among the words that modify the head."""
        best: tuple[int, int, ActorEntry, Token] | None = None
        relation = head.lemma_ in RELATION_NOUNS | {"counterpart"}  # "Mali's neighbours", "his counterpart" are not Mali
        stack = [(c, 1) for c in modifiers_named(head) if not (relation and c.dep_ == "nmod:poss")]
        if head.dep_ in ("flat", "compound") and head.head.i != head.i:
            stack.append((head.head, 1))
        seen = {head.i}
        while stack:
            token, distance = stack.pop()
            if token.i in seen or distance > 4:  # "Russian Energy Minister Sergei Tsivilev": four words up
                continue
            seen.add(token.i)
            entry = self.actor_at.get(token.i)
            if entry is not None and entry.kind == "capital" and named_document(token):
                continue  # "in violation of the Vienna Convention": not Austria's
            if entry is None and token.lower_ == "whose":  # "the bloc ..., whose envoys arrived": the bloc's
                clause = next((t for t in token.ancestors if t.dep_ == "acl:relcl"), None)
                owner = self.resolve(clause.head) if clause is not None else None
                if owner is None or not owner.code:  # the clause hung on a later noun: the name just before
                    near = [t for t in self.doc[max(token.i - 4, 0) : token.i] if t.i in self.actor_at]
                    owner = self.resolve(near[-1]) if near else owner
                if owner is not None and owner.code and best is None:
                    best = (7, distance, ActorEntry(owner.text, owner.code, owner.kind), token)
                continue
            if entry is None and token.dep_ == "nmod:poss" and (token.lower_ in PERSONAL_PRONOUNS or token.i in self.anaphor_at):
                pronoun = self.antecedent(token, token.text, "")
                owned = self.role_at.get(token.head.i)  # "his soldiers" are a state's; "his fighters" the man's
                state_owned = owned is not None and owned.sector in STATE_SECTORS
                uncoded_person = pronoun is not None and token.lower_ in PERSON_PRONOUNS and pronoun.kind == "person"
                uncoded_person = uncoded_person and not state_owned
                if pronoun is not None and (pronoun.code or uncoded_person) and best is None:
                    best = (8, distance, ActorEntry(pronoun.text, pronoun.code, pronoun.kind), token)  # "its forces"
            if entry is not None and token.i >= self.first_token:
                rank = (KIND_RANK.get(entry.kind, 9), distance)
                if entry.kind in ORGANISATION_KINDS and token.dep_ in ("compound", "flat") and distance == 1:
                    rank = (-1, distance)  # "Yemen's Houthi movement" is the Houthis, at home in Yemen
                if token.dep_ == "nmod:poss" and distance == 1 and head.i not in self.role_at and self.issued_thing(head):
                    rank = (-2, distance)  # "revoked Maduro's US visa": the visa is Maduro's, the US issued it
                if best is None or rank < best[:2]:
                    best = (*rank, entry, token)
            stack.extend((c, distance + 1) for c in modifiers_named(token))
        if best is None:
            return None
        entry, token = best[2], best[3]
        self.modifier_of[head.i] = token
        return Actor(entry.text, entry.code, entry.sector, actor_kind(entry))

    def issued_thing(self, head: Token) -> bool:
        """A thing someone holds, named with the state that issued it ("Maduro's US visa")."""
        states = [self.actor_at.get(c.i) for c in head.children if c.dep_ in ("compound", "amod") and c.i < head.i]
        return head.pos_ == "NOUN" and any(e is not None and e.kind in ("state", "capital") for e in states)

    def relative_of(self, head: Token) -> Actor | None:
        """The family a named relative belongs to: "Haftar's son Saddam", "the president's brother"."""
        kin = next((c for c in head.children if c.dep_ in ("compound", "appos") and c.lemma_ in KIN and c.i < head.i), None)
        owner = next((c for c in kin.children if c.dep_ == "nmod:poss"), None) if kin is not None else None
        found = self.resolve(owner, 1) if owner is not None else None
        return found if found is not None and found.code else None

    def title_before(self, head: Token) -> Actor | None:
        """ "..., German Chancellor Olaf Scholz promised": the title right before a name, when
        the parse hung it elsewhere. Only role words and a state's name or demonym count."""
        name = [head, *(c for c in head.children if c.dep_ in ("flat", "compound") and c.pos_ == "PROPN")]
        j = min(t.i for t in name) - 1
        seen_role = False
        while j >= max(self.first_token, head.i - 8):
            token = self.doc[j]
            entry = self.actor_at.get(j)
            if entry is not None and entry.kind in ("state", "demonym") and seen_role:
                return Actor(token.text, entry.code, self.role_at[j + 1].sector if j + 1 in self.role_at else "", "state")
            if j not in self.role_at:
                return None
            seen_role = True
            j -= 1
        return None

    def from_links(self, head: Token, depth: int) -> Actor | None:
        """ "the president of Niger", "chiefs from West African nations", "Abdramane, a
        spokesman for the junta", "the regional bloc known as ECOWAS"."""
        belonging = MEMBERSHIP_PREPS if head.lemma_ in RELATION_NOUNS else BELONGING_PREPS  # not "ally of Paris"
        if head.i in self.anaphor_at:
            belonging = frozenset({"of"})  # "both countries at the State Department" are not the department's
        for child in head.children:
            if child.dep_ in ("nmod", "obl") and case_of(child) in belonging:
                if self.rebels_at_venue(head, child):
                    continue
                found = self.resolve(child, depth + 1)
                if found is not None and found.code:
                    self.link_of[head.i] = child
                    return found
            if child.dep_ == "appos":
                found = self.resolve(child, depth + 1)
                if found is not None and found.code:
                    if child.i in self.guessed:
                        self.guessed.add(head.i)
                    return found
            if child.dep_ == "acl" and child.lemma_ in LEADING_VERBS:  # "the delegation led by Yevkurov"
                leader = next((c for c in child.children if c.dep_ == "obl:agent" or case_of(c) == "by"), None)
                found = self.resolve(leader, depth + 1) if leader is not None else None
                if found is not None and found.code:
                    return found
            if child.dep_ in ("acl", "amod") and child.lower_ in TIED and head.lemma_ not in RELATION_NOUNS:
                for tied in child.children:  # "fighters linked to al-Qaida", "militias loyal to Haftar"
                    if tied.dep_ in ("obl", "nmod") and case_of(tied) in ("to", "with"):
                        found = self.resolve(tied, depth + 1)
                        if found is not None and found.code:
                            return found
            if child.dep_ == "acl" and child.lemma_ in NAMING_VERBS:
                for named in child.children:
                    if named.dep_ in ("obl", "xcomp", "obj", "nsubj:pass"):
                        found = self.resolve(named, depth + 1)
                        if found is not None and found.code:
                            return found
        if head.dep_ == "appos" and head.head.i != head.i:
            found = self.resolve(head.head, depth + 1)  # "a spokesman for the junta, Col. Amadou Abdramane"
            if found is not None and found.code:
                return found
        return self.next_phrase(head, depth)

    def rebels_at_venue(self, head: Token, phrase: Token) -> bool:
        """ "held talks with the rebels in Riyadh": where the story's insurgents met, not whose."""
        insurgents = head.lemma_ in INSURGENT_WORDS and self.context.insurgents is not None
        return insurgents and case_of(phrase) in ("in", "at") and self.is_place_name(phrase)

    def next_phrase(self, head: Token, depth: int) -> Actor | None:
        """ "visited the military leaders in Mali" with "in Mali" hung on the verb: a role
        word right before "in/of/from" + a state belongs to that state."""
        doc = self.doc
        if head.i + 2 >= len(doc) or doc[head.i + 1].lower_ not in BELONGING_PREPS or head.i not in self.role_at:
            return None
        target = doc[head.i + 1].head
        entry = self.actor_at.get(target.i)
        if target.i > head.i + 1 and entry is not None and entry.kind in ("state", "igo"):
            return self.resolve(target, depth + 1)
        return None

    def named(self, head: Token, actor: Actor) -> Actor:
        """Remember an unknown name the text tied to a code, for its later bare mentions."""
        name = self.name_of(head).strip()
        if head.i in self.guessed:
            return actor  # "Deby, a 40-year-old general": the story's state was a guess, not his name's
        if head.pos_ == "PROPN" and actor.code and name:
            self.context.names.setdefault(name, replace(actor, kind="person" if actor.kind == "state" else actor.kind))
            for surname in family_names(name, actor.code):
                if surname != name:
                    self.context.names.setdefault(surname, self.context.names[name])
        return actor

    def generic(self, head: Token, text: str, role: Role) -> Actor:
        """ "soldiers", "the army", "militants": a role with no name of its own. Fighters of an
        article about one armed group are that group's; an army or police force is the one of
        the country the sentence places it in."""
        if role.sector in STATE_SECTORS and rebel_role(head):
            insurgents = self.context.insurgents  # "a jihadist leader", "rebel commanders": not the state's
            return Actor(text, insurgents.code, "REB", "armed_group") if insurgents else Actor(text, "", "REB", "generic")
        if former_role(head):
            return Actor(text, "", role.sector, "generic")  # "a former police officer" acts for no state now
        # "the rebels", "the jihadists" are the story's insurgents; "the fighters" may be its mercenaries
        group = self.context.insurgents if head.lemma_ in INSURGENT_WORDS else self.context.armed_group
        # a name we do not know is another group; not "Rebels" tagged a name at the start of a sentence
        named = head.pos_ == "PROPN" and not head.is_sent_start and head.lemma_.lower() not in INSURGENT_WORDS
        own_name = named or (head.dep_ == "appos" and head.head.pos_ == "PROPN")
        if role.sector == "REB" and group is not None and not own_name:
            return Actor(text, group.code, "REB", "armed_group")
        # "the diplomats" told before; "the prime minister" named with his name before, not "the foreign minister"
        roles = self.context.roles
        told = (roles.get(role.lemma) or roles.get(head.lemma_)) if definite(head) and role.sector != "REB" else None
        if told is not None:  # "three French diplomats ... The diplomats were declared persona non grata"
            return replace(told, text=text, sector=role.sector)
        if role.sector in CIVIL_SECTORS:  # "thousands of people demonstrated in Niamey"
            countries = self.countries_here(head)
            if len(countries) == 1:
                return Actor(text, countries.pop(), role.sector, "state")
            victims = not countries and role.sector == "CVL" and head.pos_ == "NOUN" and head.dep_ in VICTIM_EDGES
            victims = victims and not any(c.dep_.startswith("acl") for c in head.children)  # "people who planned ..." act
            story = self.story_state(head) if victims else None
            if story is not None:  # "killed hundreds of civilians" in a story about Mali: Malians
                self.guessed.add(head.i)
                return Actor(text, story.code, role.sector, "state")
        several = head.tag_ == "NNS" and head.lemma_ in INSTITUTIONS
        other = self.other_party(head) if head.lemma_ in RELATION_NOUNS and head.tag_ == "NN" else None
        if other is not None:  # "recalled its ambassador from Algeria and accused its northern neighbour"
            return Actor(text, other.code, "", "state")
        if head.lemma_ in ENVOYS or head.lemma_ in RELATION_NOUNS:  # "partners" are somebody else's
            return Actor(text, "", role.sector, "generic")  # "the ambassador in Niamey" is most often a foreign one
        # "the foreign minister" is one state's, not "foreign ministers"
        office = head.lemma_ in FOREIGN_OFFICES and head.tag_ == "NN"
        if any(c.dep_ == "amod" and c.lower_ in NOT_ONE_STATE and not (office and c.lower_ == "foreign") for c in head.children):
            several = True  # "regional military chiefs", "foreign troops"
        described = [head, *(c for c in head.children if c.dep_ == "nmod" and case_of(c) == "of")]
        if any(self.unknown_name(c) for word in described for c in word.children if c.dep_ in ("amod", "compound")):
            several = True  # "Tigrayan forces", "leaders of Tuareg groups" in Pretoria or Algiers are not the host's
        # "drones struck the port", "condemned the drone attacks": whose, the text does not say
        unowned = role.lemma in WEAPONS and (head.dep_.startswith("nsubj") or head.lemma_ != role.lemma)
        home = self.rebels_home(head) if role.sector in STATE_SECTORS and not several else ""
        if home:  # "the government and the rebels announced a truce": the rebels' own country's
            return Actor(text, home, role.sector, "state")
        if role.sector in STATE_SECTORS and not several and not unowned:
            countries = self.countries_here(head)
            if len(countries) == 1:
                return Actor(text, countries.pop(), role.sector, "state")
            if len(countries) > 1:  # "soldiers have seized power in Mali, Guinea and Niger": each its own
                return Actor(text, "", role.sector, "generic")
            speaker = self.reporting_state(head)
            if speaker is not None:  # "Iran said two soldiers were killed": its own soldiers
                return Actor(text, speaker.code, role.sector, "state")
            story = self.story_state(head)  # "the minister", "the army" of the story's country,
            if story is not None:  # unless the clause names that country as the other party
                self.guessed.add(head.i)
                return Actor(text, story.code, role.sector, "state")
        return Actor(text, "", role.sector, "generic")

    def rebels_home(self, head: Token) -> str:
        """The home state of the story's insurgents, for "the government" named together with them."""
        home = self.context.group_home
        if not home or head.lemma_ not in ("government", "army", "authorities"):
            return ""
        joined = [t for t in coordinated(head) if t.i != head.i]
        armed = [t for t in joined if t.i in self.actor_at and self.actor_at[t.i].kind == "armed_group"]
        rebels = [t for t in joined if t.lemma_ in INSURGENT_WORDS]
        return home if rebels or armed else ""

    def reporting_state(self, head: Token) -> Actor | None:
        """The state whose statement the word's clause is ("Iran said [two soldiers were killed]")."""
        clause = clause_verb(head)
        saying = clause.head if clause is not None and clause.dep_ == "ccomp" else None
        if clause is not None and (saying is None or saying.lemma_ not in SAYING):
            # "Vice Minister Kim told the ambassador ..., South Korea's foreign ministry said": a remark after it
            remarks = [c for c in clause.children if c.dep_ in ("parataxis", "ccomp") and c.i > head.i]
            saying = next((c for c in remarks if c.lemma_ in SAYING), None)
        if saying is None or saying.lemma_ not in SAYING or head.dep_ not in ("nsubj:pass", "nsubj"):
            return None
        subject = own_subject(saying)
        if subject is None:
            return None
        owner = next((c for c in subject.children if c.dep_ == "nmod:poss"), None)  # "Iran's army said ..."
        entry = self.actor_at.get(subject.i) or (self.actor_at.get(owner.i) if owner is not None else None)
        return Actor(entry.text, entry.code, "", "state") if entry is not None and entry.kind == "state" else None

    def countries_here(self, head: Token) -> set[str]:
        """The countries of the places named in the word's clause or before it ("army officers
        overthrew the president, the bloc said after a meeting in Malabo": not Equatorial Guinea's)."""
        clause = clause_verb(head)
        if clause is None:
            return set(self.place_countries.values())
        words = {t.i for t in clause.subtree}
        first = min(words)  # a place set before the clause frames it too ("In Togo, the government said soldiers ...")
        for other in clause.children:  # "planned an attack and had been trained in Ivory Coast": another clause's place
            if other.dep_ in ("conj", "parataxis") and is_verb(other) and head.i not in self.subtree_of(other):
                words -= self.subtree_of(other)
        here = {i: code for i, code in self.place_countries.items() if i in words or i < first}
        listed = {self.actor_at[t.i].code for i in here for t in self.doc[i].conjuncts if t.i in self.actor_at}
        return set(here.values()) | {code for code in listed if code}  # "in Mali, Guinea and Niger": each

    def other_party(self, head: Token) -> ActorEntry | None:
        """ "its neighbour", "its ally": the last state named before it, in its sentence, that
        is not the owner ("its" is the sentence's subject)."""
        owner = next((c for c in head.children if c.dep_ == "nmod:poss"), None)
        if owner is None:
            return None
        mine = {a.code for a in self.of(owner) if a.code}
        return self.last_state_before(head, mine, ("state", "capital")) if mine else None

    def last_state_before(self, token: Token, besides: set[str], kinds: tuple[str, ...]) -> ActorEntry | None:
        """The last state named before the word in its sentence whose code is not in besides."""
        named = [self.actor_at[i] for i in sorted(self.actor_at) if self.first_token <= i < token.i]
        return next((e for e in reversed(named) if e.kind in kinds and e.code not in besides), None)

    def unknown_name(self, word: Token) -> bool:
        """A capitalised modifier inside the sentence that names no actor we know."""
        return word.is_title and word.i > self.first_token and word.i not in self.actor_at and word.lower_ not in NOT_ONE_STATE

    def things_before(self, pronoun: Token) -> Token | None:
        """The last plural noun before the pronoun in its sentence, if it is a thing said or done
        ("the comments", "the strikes"), not people or states."""
        nouns = [t for t in self.doc[self.first_token : pronoun.i] if t.tag_ == "NNS"]
        last = nouns[-1] if nouns else None
        return last if last is not None and last.lemma_ in SAID_OR_DONE and last.i not in self.actor_at else None

    def maker(self, thing: Token) -> Actor | None:
        """Who made remarks or did acts: their owner ("Israeli strikes", "Macron's remarks") or
        the subject of the verb that made them ("the minister made statements")."""
        found = self.from_modifiers(thing)
        if found is None and thing.dep_ == "obj":
            subject = next((c for c in thing.head.children if c.dep_ == "nsubj"), None)
            found = self.resolve(subject) if subject is not None else None
        return found if found is not None and found.code else None

    def antecedent(self, token: Token, text: str, sector: str) -> Actor | None:
        """What a pronoun or an anaphor ("the country", "the two leaders") stands for."""
        if token.lower_ == "it" and token.dep_ == "obj" and token.head.lemma_ in JUDGED_THINGS:
            return None  # "Senegal also condemned it": the act told before, not a state
        things = self.things_before(token) if token.lower_ == "them" and token.dep_ == "obj" else None
        if things is not None and token.head.lemma_ in JUDGED_THINGS:
            # "South Africa's minister made statements, and Israel condemned them": their maker;
            # "said the comments were contemptuous, and Sonko denounced them": nobody named
            return self.maker(things)
        span = self.anaphor_at.get(token.i)
        kind = span[2] if span else "previous_actor"
        context = self.context
        if kind == "dominant_state":
            home = self.rebels_home(token)
            if home:  # "the government and the rebels announced a truce": the rebels' country's
                return Actor(text, home, sector, "state")
            story = self.story_state(token)
            return replace(story, text=text, sector=sector) if story else Actor(text, "", sector, "generic")
        if kind == "previous_organisation":
            head_word = self.doc[span[1] - 1].lower_ if span else ""
            if span and head_word in ("force", "forces") and self.named_members(self.doc[span[1] - 1]):
                return None  # "the joint task force of Nigeria, Chad and Niger": those it names
            last_two = self.doc[span[1] - 2 : span[1]].text.lower() if span and span[1] - span[0] > 2 else ""
            kinds = KIND_WORDS.get(last_two) or KIND_WORDS.get(head_word)  # "the task force" is no armed group
            if kinds is not None:  # "the company": the last company named; "the paramilitary force": armed group
                found = self.earlier_organisation(token, "", kinds) or context.last_organisation("", kinds)
                return replace(found, text=text) if found else None
            word = "" if head_word in GENERIC_BODIES else head_word  # "the court" is the last court named
            found = self.the_group(token) if head_word == "group" else None
            found = found or self.earlier_organisation(token, word) or context.last_organisation(word)
            return replace(found, text=text) if found else None
        if kind in ("previous_pair", "previous_group"):
            group = self.group_of(token)
            return replace(group[0], text=text) if group else None
        plural = token.lower_ in PLURAL_PRONOUNS
        partner = self.conjunct_owner(token)
        if partner is not None:  # "the army and its civilian auxiliaries": the army's
            return replace(partner, text=text)
        in_sentence = self.sentence_antecedent(token) or self.reported_subject(token)
        share = plural and case_of(token) == "of" and (token.head.like_num or token.head.lemma_ in QUANTIFIERS)
        if share:  # "ordered the French troops out, and the last of them left": the troops
            in_sentence = self.earlier_people(token) or in_sentence
        if in_sentence:
            return replace(in_sentence[0], text=text)
        role = self.role_in_phrase(token.head) if token.lower_ == "its" and token.dep_ == "nmod:poss" else None
        if role is not None and role.sector == "REB" and context.armed_group is not None:
            return replace(context.armed_group, text=text)  # "In Benin, its fighters killed 28 soldiers": the group's
        nearest = self.nearest_state_before(token) if token.lower_ in ("its", "itself") else None
        if nearest is not None:  # "ending its presence in the Central African nation, weeks after its government ..."
            return replace(nearest, text=text)
        if plural and token.dep_.startswith("nsubj") and context.plural_subject:
            return replace(context.plural_subject[0], text=text)
        if plural and context.last_group:
            return replace(context.last_group[0], text=text)
        if context.last_subject:
            return replace(context.last_subject[0], text=text)
        return replace(context.recent[-1], text=text) if context.recent else None

    def conjunct_owner(self, token: Token) -> Actor | None:
        """ "its" or "their" on the second of two joined nouns: the first noun's actor."""
        owned = token.head
        if token.dep_ != "nmod:poss" or token.lower_ not in ("its", "their") or owned.dep_ != "conj":
            return None
        first = next((a for a in self.of(owned.head) if a.code), None) if owned.head.i < token.i else None
        return first

    def the_group(self, token: Token) -> Actor | None:
        """ "the group": an armed group (a company, a charity) named before in the sentence, else
        the story's armed group, unless a bloc named since is named more often in the story."""
        found = self.earlier_organisation(token, "", GROUP_KINDS)
        if found is not None:
            return found
        context = self.context
        armed = context.armed_group or context.last_organisation("", GROUP_KINDS)
        last = self.earlier_organisation(token) or context.last_organisation()
        bloc = last if last is not None and last.kind == "igo" else None
        if armed is not None and (bloc is None or context.named(armed) >= context.named(bloc)):
            return armed
        return bloc

    def story_state(self, token: Token) -> Actor | None:
        """The state "the junta" or "the country" stands for: the article's main state, unless
        its clause names that state only after the anaphor ("the junta revoked its accord with
        the United States" in a story mostly about the United States): an anaphor looks back.
        "The junta" is the state whose military rulers the story named ("Niger's military
        government ... The junta"), whichever state it names most."""
        ruling = self.context.roles.get(JUNTA) if is_junta(token) else None
        if ruling is not None:
            return ruling
        named = {i: e for i, e in self.actor_at.items() if self.first_token <= i < token.i}
        before = {e.code for i, e in named.items() if not self.owns_organisation(self.doc[i])}
        clause = clause_verb(token)
        dominant = self.context.dominant
        if token.lemma_ in ("country", "nation") and dominant is not None and dominant.code not in before:
            other = self.last_state_besides_subject(token, clause)
            if other is not None:  # "met Senegal's president in Dakar and praised the country's transition"
                return Actor(other.text, other.code, "", "state")
        after = {e.code for i, e in self.actor_at.items() if i > token.i and self.party_in(self.doc[i], clause)}
        candidates = self.context.states or ((dominant,) if dominant else ())
        # another state than the story's own only if the text named it lately ("mutinous soldiers
        # ousted Niger's president" in the lead: not the second state of the story)
        near = before | {a.code for a in self.context.recent[-NEAR_MENTIONS:]}
        for rank, state in enumerate(candidates):
            if state.code in before or (state.code not in after and (rank == 0 or state.code in near)):
                return state
        return None

    def last_state_besides_subject(self, token: Token, clause: Token | None) -> ActorEntry | None:
        """The last state named before the word in its sentence, other than its clause's subject
        and other than the owner of a body named ("brought in Russia's Wagner Group, and France
        pulled its troops out of the country": Mali)."""
        besides = self.subject_codes(token, clause) | {
            e.code for i, e in self.actor_at.items() if i < token.i and self.owns_organisation(self.doc[i])
        }
        return self.last_state_before(token, besides, ("state", "capital", "demonym"))

    def owns_organisation(self, word: Token) -> bool:
        owned = self.actor_at.get(word.head.i) if word.dep_ == "nmod:poss" else None
        return owned is not None and owned.kind in ORGANISATION_KINDS

    def subject_codes(self, token: Token, clause: Token | None) -> set[str]:
        """The codes of the subject of the word's clause, unless the word is that subject."""
        subject = subject_of(clause) if clause is not None else None
        return {a.code for a in self.of(subject) if a.code} if subject is not None and subject.i != token.i else set()

    def party_in(self, word: Token, clause: Token | None) -> bool:
        """Does the word name another party of the clause, not where it happens ("in Haiti")?"""
        top = word
        while top.dep_ in ("flat", "compound", "amod", "nmod:poss") and top.head != top:
            top = top.head
        return clause_verb(word) == clause and case_of(top) not in ("in", "at", "across", "throughout")

    def group_of(self, token: Token) -> tuple[Actor, ...]:
        """All the actors a plural anaphor stands for ("they", "the two countries")."""
        key = -1 - token.i  # kept apart from resolve()'s own marks
        if key in self.active:
            return ()  # an anaphor listed among the names it would stand for ("Chile and four other countries")
        self.active.add(key)
        try:
            return self.read_group(token)
        finally:
            self.active.discard(key)

    def read_group(self, token: Token) -> tuple[Actor, ...]:
        """The group, kept to the region the anaphor names ("the three Sahel states" are no
        three coastal states named since)."""
        found = self.any_group(token)
        allowed = self.region_of(token)
        if not allowed or not found or {a.code for a in found} <= allowed:
            return found
        size = len(found)
        within = [g for g in reversed(self.context.groups) if len(g) == size and {a.code for a in g} <= allowed]
        if within:
            return within[0]
        # no such group told together: the last states of the region named ("counterparts from Mali, ...")
        outside = ({a.code for a in self.context.recent} - allowed) | set(self.doc_codes_outside(token, allowed))
        named = self.distinct_before(token.i, size, besides=outside, states_only=True)
        return named if len(named) == size else found

    def named_members(self, noun: Token) -> tuple[Actor, ...]:
        """The actors an "of" phrase after a plural anaphor names ("the juntas of Mali and Niger")."""
        members = [c for c in noun.children if c.dep_ == "nmod" and case_of(c) == "of"]
        members += [c for m in members for c in m.conjuncts]
        found = {a.code: a for m in members for a in self.of(m) if a.code and a.kind == "state"}
        return tuple(found.values()) if len(found) > 1 else ()  # "the three countries of the alliance": not the alliance

    def region_of(self, token: Token) -> frozenset[str]:
        """The states of the blocs whose name holds a word of the anaphor's phrase ("Sahel")."""
        noun = token if token.pos_ == "NOUN" else token.head
        words = [c.lower_ for c in noun.children if c.dep_ in ("compound", "amod", "nmod:desc")]
        return frozenset().union(*(self.context.regions.get(w, frozenset()) for w in words))

    def any_group(self, token: Token) -> tuple[Actor, ...]:
        span = self.anaphor_at.get(token.i)
        kind = span[2] if span else "previous_actor"
        if token.lower_ not in PLURAL_PRONOUNS and kind not in ("previous_pair", "previous_group"):
            return ()
        if kind in ("previous_pair", "previous_group"):  # "both men", "the two countries"
            named = self.named_members(self.doc[span[1] - 1]) if span is not None else ()
            if named:  # "the juntas of Mali, Burkina Faso and Niger": those it names
                return named
            size = 2 if kind == "previous_pair" else 3
            at_war = span is not None and any(t.lower_ == "warring" for t in self.doc[span[0] : span[1]])
            fought = (self.feuding_pair(token) or self.warring_pair(token) or self.last_hostile_pair(token)) if at_war else ()
            if fought:  # "the warring parties": the two last told to fight, whoever was named since
                return fought
            if at_war:  # "the warring parties in Sudan", no war there told before: the country named
                return tuple(a for c in token.children if case_of(c) == "in" for a in self.of(c) if a.code)
            of_states = span is not None and self.doc[span[1] - 1].lower_ in STATE_NOUNS
            if of_states and kind == "previous_pair":
                states = self.pair_here(token, states_only=True)
                clause = clause_verb(token)
                hosting = clause is not None and clause.lemma_ in HOSTS_OF_TALKS and not token.dep_.startswith("nsubj")
                if hosting and self.subject_codes(token, clause) & {a.code for a in states}:
                    states = ()  # "Qatar and Saudi Arabia urged ..., and Qatar hosted talks between the two countries"
                states = states or self.story_pair(token)
                if states:
                    return states
            sides = span is not None and self.doc[span[1] - 1].lower_ in SIDES
            met = span is not None and self.doc[span[1] - 1].lower_ in LEADERS  # "the two leaders" are those who met
            truce = any(t.lemma_ in WAR_TALK for t in token.sent)  # "both sides agreed to a ceasefire": the fighting pair
            # the last sentence's pair, or the two sides of the last deal told ("Both ministers later met ...")
            talks = (self.context.talks_pair or self.context.deal_sides) if (sides or met) and not at_war and not truce else ()
            if talks and not {a.code for a in talks} & self.subject_codes(token, clause_verb(token)):
                # "Putin told Burhan Russia backed Sudan. The two sides discussed a base": not Sudan's war
                return tuple(replace(a, sector="") for a in talks)
            warring = (self.feuding_pair(token) or self.warring_pair(token)) if sides else ()
            if kind == "previous_pair" and warring:
                return warring
            if kind == "previous_pair" and not token.dep_.startswith("nsubj"):
                others = self.pair_besides_subject(token)
                if others:
                    return others
            speakers = self.reporters(token) if kind == "previous_pair" else ()
            speaker = {a.code for a in speakers}
            forces = span is not None and self.doc[span[1] - 1].lemma_ in ("army", "force", "troop", "military", "navy")
            if forces and len(speaker) == 2:  # "India and Pakistan said the two armies traded fire": their own
                return speakers
            others = self.pair_besides(token, speaker) if speaker else ()
            if others:  # "Erdogan announced that the two leaders had agreed": not Erdogan
                return others
            earlier = self.earlier_group(token) or (self.pair_here(token) if kind == "previous_pair" else ())
            group = self.context.last_group
            fits = not of_states or all(is_state(a) for a in group)  # "the three countries" are no armed group
            if not earlier and fits and (len(group) == size or (kind == "previous_group" and len(group) > size)):
                return group  # "Mali, Niger and Burkina Faso left. These juntas ..."
            sized = self.context.group_of_size(size) if not earlier and kind == "previous_group" else ()
            if sized and (not of_states or all(is_state(a) for a in sized)):
                return sized
            if of_states and not earlier:
                found = self.distinct_before(token.i, size, states_only=True)
                return found if len(found) == size else ()
            return earlier or self.last_distinct(size, token.i) or self.context.last_group
        found = self.sentence_antecedent(token) or self.earlier_group(token)
        if not found and token.dep_.startswith("nsubj"):
            found = self.context.plural_subject  # "The militants clashed with Malian troops. In 2024 they attacked ..."
        return found or self.context.last_group

    def reporters(self, token: Token) -> tuple[Actor, ...]:
        """The coded actors who say what the word's clause tells ("X said that ...")."""
        clause = clause_verb(token)
        if clause is None or clause.dep_ != "ccomp" or clause.head.lemma_ not in REPORTING:
            return ()
        subject = subject_of(clause.head)
        return tuple(a for a in self.of(subject) if a.code) if subject is not None and subject.i != token.i else ()

    def feuding_pair(self, token: Token) -> tuple[Actor, ...]:
        """ "the two sides" after two states struck or accused each other (Iran and Pakistan),
        if neither is the clause's own subject: the last such pair."""
        hostile = self.context.hostile
        mine = self.subject_codes(token, clause_verb(token))
        for doer, aimed in reversed(hostile):
            back = next((other for other, at in hostile if at == doer.code and other.code == aimed), None)
            if back is not None and back.code != doer.code and not {doer.code, back.code} & mine:
                return (doer, back)
        return ()

    def last_hostile_pair(self, token: Token) -> tuple[Actor, ...]:
        """ "the warring parties" after one side was told to fight the other: the last such pair
        that does not speak in the clause."""
        mine = self.subject_codes(token, clause_verb(token))
        # "the warring parties in Sudan": a war the phrase places elsewhere is not the last one told
        countries = [c for c in token.children if case_of(c) == "in" and getattr(self.actor_at.get(c.i), "kind", "") == "state"]
        where = {a.code for c in countries for a in self.of(c) if a.code}  # a country, not a venue ("in Cairo")
        known = (*reversed(self.context.recent), *self.context.states)
        for doer, aimed in reversed(self.context.hostile):
            target = next((a for a in known if a.code == aimed), Actor(aimed, aimed, "", "state"))
            if aimed != doer.code and not {doer.code, aimed} & mine and (not where or {doer.code, aimed} & where):
                return (doer, target)
        return ()

    def warring_pair(self, token: Token) -> tuple[Actor, ...]:
        """ "both sides" of a story about a state at war with an armed group of its own (Sudan
        and the RSF, Somalia and al-Shabaab): that state and that group, if neither speaks."""
        group, states = self.context.insurgents, self.context.states
        home = states[0] if states and group is not None and states[0].code == self.context.group_home else None
        if group is None or home is None:
            return ()
        mine = self.subject_codes(token, clause_verb(token))
        return () if {home.code, group.code} & mine else (home, group)

    def pair_besides_subject(self, token: Token) -> tuple[Actor, ...]:
        """ "Britain and France urged both sides to show restraint": the last pair named that
        the subject is not part of."""
        return self.pair_besides(token, self.subject_codes(token, clause_verb(token)))

    def pair_besides(self, token: Token, mine: set[str]) -> tuple[Actor, ...]:
        for group in (self.earlier_group(token), self.context.last_group):
            codes = {a.code for a in group}
            if len(codes) == 2 and not codes & mine:
                return group
        leading = self.context.states[:2]  # the story's two states, if it named both of late
        recent = {a.code for a in self.context.recent}
        if len(leading) == 2 and not {a.code for a in leading} & mine and {a.code for a in leading} <= recent:
            return leading
        found = self.distinct_before(token.i, 2, besides=mine)
        return found if len(found) == 2 else ()

    def story_pair(self, token: Token) -> tuple[Actor, ...]:
        """ "the two countries", "both neighbours" (never the speaker's: "spoke to the leaders of
        both countries"): two states named before in the sentence, else the last pair named
        together, else the last two states named, or of the last four, the two the story names most."""
        mine = self.subject_codes(token, clause_verb(token))
        here = [
            e
            for i, e in sorted(self.actor_at.items())
            if self.first_token <= i < token.i and len(e.code) == 3 and not go_between_agent(self.doc[i])
        ]
        named = list(dict.fromkeys(e.code for e in here if e.kind in STATE_KINDS and e.code not in mine))
        if len(named) >= 2:  # "Erdogan visited Cairo, and the two countries agreed ..."
            return tuple(Actor(code, code, "", "state") for code in named[-2:])
        group = self.context.last_group
        leading = {a.code for a in self.context.states[:3]}  # not "the US and Britain urged ..." in an India-Pakistan story
        paired = {a.code for a in group}
        if len(paired) == 2 and not mine & paired and (paired <= leading or not leading):
            return group  # "Guinea and Sierra Leone closed ... Both governments also ..."
        recent = self.distinct_before(token.i, 4, besides=mine, states_only=True)
        if len(recent) < 4:  # few states named: the last two
            return recent[:2] if len(recent) >= 2 else ()
        rank = {a.code: i for i, a in enumerate(self.context.states)}
        return tuple(sorted(recent, key=lambda a: rank.get(a.code, len(rank)))[:2])

    def state_owner(self, head: Token) -> ActorEntry | None:
        """The state named as the word's possessor."""
        owners = (self.actor_at.get(c.i) for c in head.children if c.dep_ == "nmod:poss")
        return next((e for e in owners if e is not None and e.kind == "state"), None)

    def nearest_state_before(self, token: Token) -> Actor | None:
        """The last state or "the country" named before the word in its sentence."""
        for i in range(token.i - 1, self.first_token - 1, -1):
            entry = self.actor_at.get(i)
            if entry is not None and entry.kind in ("state", "capital"):
                return Actor(entry.text, entry.code, "", "state")
            span = self.anaphor_at.get(i)
            if span is not None and span[2] == "dominant_state" and i == span[1] - 1:
                return self.story_state(self.doc[i])
        return None

    def earlier_organisation(self, token: Token, word: str = "", kinds: frozenset[str] = ORGANISATION_KINDS) -> Actor | None:
        """ "Israel struck Hezbollah after the group fired rockets": an organisation named
        before the anaphor in its own sentence (whose name holds the word, if one is given:
        "the International Court of Justice" for "the court")."""
        for i in sorted((i for i in self.actor_at if self.first_token <= i < token.i), reverse=True):
            entry = self.actor_at[i]
            if entry.kind in kinds and names_it(entry.text, word):
                return Actor(entry.text, entry.code, entry.sector, actor_kind(entry))
        return None

    def last_distinct(self, size: int, before: int) -> tuple[Actor, ...]:
        """The last `size` different actors named before the word `before`, this sentence's
        first, for "both leaders"."""
        found = self.distinct_before(before, size)
        return found if len(found) == size else ()

    def doc_codes_outside(self, token: Token, allowed: frozenset[str]) -> list[str]:
        """Codes named before the word in its sentence that are not of the region."""
        return [e.code for i, e in self.actor_at.items() if i < token.i and e.code not in allowed]

    def distinct_before(
        self, before: int, limit: int, besides: set[str] | None = None, states_only: bool = False
    ) -> tuple[Actor, ...]:
        """Up to `limit` different actors named before the word `before`, this sentence's first;
        states_only and not besides for "both countries"."""
        named = [self.modifier_actor(self.doc[i]) for i in sorted(self.actor_at) if i < before]
        pool = [a for a in named if a is not None] + list(reversed(self.context.recent))
        pool = [a for a in pool if a.code not in (besides or set()) and (is_state(a) or not states_only)]
        distinct: list[Actor] = []
        for actor in pool:
            if actor.code and actor.code not in {a.code for a in distinct}:
                distinct.append(actor)
        return tuple(distinct[:limit])

    def sentence_antecedent(self, token: Token) -> tuple[Actor, ...]:
        """ "Niger said it would ...": the subject of a clause that contains the pronoun's."""
        current = token
        for _ in range(8):
            if current.head == current:
                return ()
            current = current.head
            if not is_verb(current):
                continue
            # "three soldiers were detained, with Khartoum saying they ...": a passive's subject too
            subject = own_subject(current) or next((c for c in current.children if c.dep_ == "nsubj:pass"), None)
            if subject is None or subject.i == token.i or subject.i in self.subtree_of(token):
                continue
            if current == token.head and token.dep_ in ("obj", "iobj", "obl"):
                continue  # "after Algiers accused it": "it" is not Algiers, which would be "itself"
            if subject.lower_ in PERSONAL_PRONOUNS or self.anaphor_at.get(subject.i, (0, 0, ""))[2] == "previous_actor":
                continue  # "the junta had blocked exports since July, when it closed the border": the junta
            if token.lower_ in ("it", "its", "itself") and subject.tag_ == "NNS" and subject.pos_ == "NOUN":
                continue  # "French soldiers left Chad, weeks after its government ...": not the soldiers'
            if token.lower_ in PERSON_PRONOUNS and self.names_place_or_state(subject):
                continue  # "..., the Kremlin said, as his forces fight the RSF": a man's forces, not the Kremlin's
            if (
                token.lower_ in PLURAL_PRONOUNS
                and subject.tag_ == "NNP"
                and self.names_place_or_state(subject)
                and not any(c.dep_ == "conj" for c in subject.children)
            ):
                continue  # "Belgrade saying they had crossed into Serbia": people, not one state
            actors = tuple(a for a in self.of(subject) if a.code)
            if actors and subject.i > token.i and self.named_in_clause(token, {a.code for a in actors}):
                continue  # "they attacked a post, killing 20 Nigerien soldiers, the ministry said": not Niger
            if actors:
                return actors + self.met_with(token, current, actors)
            if token.lower_ in PERSON_PRONOUNS and subject.pos_ == "PROPN" and subject.i < token.i:
                return (Actor(subject.text, "", "", "person"),)  # "Cherizier ... said his fighters": a man we cannot code
            if token.lower_ == "they" and current.lemma_ in SAYING and subject.tag_ == "NNS" and subject.i < token.i:
                return self.of(subject)  # "the rebels said they had killed ...": rebels the text does not name
        return ()

    def names_place_or_state(self, word: Token) -> bool:
        """Does the word name a state, its capital or a seat of power, with no role word that
        would make it a person ("the Kremlin", "Niger"; not "Niger's president")?"""
        entry = self.actor_at.get(word.i)
        return entry is not None and entry.kind in ("state", "metonym", "capital") and self.role_at.get(word.i) is None

    def reported_subject(self, token: Token) -> tuple[Actor, ...]:
        """ "Brazil has reinforced its border with Guyana, its defence ministry said": "its" in the
        speaker of a statement told before is the subject of what it said."""
        speaker = token.head
        saying = speaker.head
        if token.dep_ != "nmod:poss" or not speaker.dep_.startswith("nsubj") or saying.lemma_ not in SAYING:
            return ()
        told = next((c for c in saying.children if c.dep_ == "ccomp" and c.i < token.i), None)
        subject = own_subject(told) if told is not None else None
        return tuple(a for a in self.of(subject) if a.code) if subject is not None and subject.i != token.i else ()

    def met_with(self, pronoun: Token, verb: Token, doers: tuple[Actor, ...]) -> tuple[Actor, ...]:
        """ "hosted his counterpart in Abuja, where they signed a memorandum": "they" in a
        clause on where one met another are both."""
        clause = clause_verb(pronoun)
        if pronoun.lower_ != "they" or len(doers) != 1 or clause is None or clause.dep_ != "acl:relcl":
            return ()
        met = tuple(a for o in verb.children if o.dep_ == "obj" for a in self.of(o) if a.code and a.code != doers[0].code)
        return met if clause.head.i > verb.i else ()

    def named_in_clause(self, pronoun: Token, codes: set[str]) -> bool:
        """Does the pronoun's own clause name one of these codes as another of its parties?"""
        clause = pronoun.head
        return any(self.actor_at[t.i].code in codes for t in clause.subtree if t.i in self.actor_at and t.i != pronoun.i)

    def pair_here(self, token: Token, states_only: bool = False) -> tuple[Actor, ...]:
        """ "Marcos met Austin in Manila, and the two allies agreed ...": exactly two sides named
        before it in its sentence."""
        words = [self.doc[i] for i in sorted(self.actor_at) if self.first_token <= i < token.i]
        named = [(w, self.modifier_actor(w)) for w in words]
        distinct = {a.code: (w, a) for w, a in named if a is not None and a.code and (is_state(a) or not states_only)}
        if len(distinct) != 2:
            return ()
        (first, a), (second, b) = distinct.values()
        if second in first.conjuncts:
            return ()  # "Iran and Saudi Arabia offered to mediate between the two neighbours": a list, not the pair
        doer = own_subject(token.head) if token.dep_ in ("obj", "iobj") else None
        if doer is not None and doer.i in (first.i, second.i):
            return ()  # "China, an ally of Pakistan, urged both countries to ...": not China itself
        return (a, b)

    def earlier_group(self, token: Token) -> tuple[Actor, ...]:
        """The last compound actor named before token in this sentence."""
        for candidate in reversed(list(self.doc[: token.i])):
            if candidate.dep_ == "conj" or not candidate.conjuncts:
                continue
            if go_between_agent(candidate):
                continue  # "after talks mediated by Qatar and Turkey, the two neighbours agreed": not the mediators
            actors = tuple(a for a in self.of(candidate) if a.code)
            if len({a.code for a in actors}) > 1:
                return actors
        return ()

    def earlier_people(self, token: Token) -> tuple[Actor, ...]:
        """The last plural noun before the word in its sentence that names a coded actor."""
        for candidate in reversed(list(self.doc[self.first_token : token.i])):
            if candidate.tag_ == "NNS" and candidate.pos_ == "NOUN":
                actors = tuple(a for a in self.of(candidate) if a.code)
                if actors:
                    return actors
        return ()

    # -- helpers ------------------------------------------------------------------------

    def subtree_of(self, token: Token) -> set[int]:
        return {t.i for t in token.subtree}

    def role_in_phrase(self, head: Token) -> Role | None:
        role = self.role_at.get(head.i)
        if role is not None:
            return role
        for child in head.children:  # "President Tiani", "prime minister Andreas Papandreou"
            if child.dep_ in ("compound", "flat", "nmod:desc", "appos") and child.i in self.role_at:
                return self.role_at[child.i]
        return None

    def text(self, head: Token) -> str:
        start, end = phrase_range(head)
        start = max(start, self.first_token)
        while start < head.i and self.doc[start].pos_ in ("DET", "PUNCT", "CCONJ"):
            start += 1
        return self.doc[start:end].text

    def name_of(self, head: Token) -> str:
        """A person's name as written: the proper nouns around the head ("Javier Milei")."""
        tokens = [head, *(c for c in head.children if c.dep_ in ("flat", "compound") and c.pos_ == "PROPN")]
        if head.dep_ == "flat":
            tokens.append(head.head)
        tokens = [t for t in tokens if t.pos_ == "PROPN" and t.i not in self.role_at and t.lower_ not in HONORIFICS]
        ordered = sorted(tokens, key=lambda t: t.i)
        return " ".join(t.text for t in ordered) or head.text

    def is_place(self, token: Token) -> bool:
        return token.i in self.place_countries

    def is_place_name(self, token: Token) -> bool:
        """A capital or a city named as a place ("in Niamey"), not a government."""
        entry = self.actor_at.get(token.i)
        return (entry is not None and entry.kind == "capital") or (entry is None and self.is_place(token))
