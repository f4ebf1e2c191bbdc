"""Geocoding, offline: where each event happened, and where troops came from and went to.

Reads a sentence's tokens and actor matches, the facilities file and the GeoNames gazetteer;
adds a Place (lat, lon in EPSG:4326, precision facility | city | region | country, and in
note how it was chosen: text, host, actor, carried, next sentence) to each event, plus origin
and destination for movements (withdrawals, deployments, military aid of personnel).
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Token

from geopol import syntax
from geopol.dictionaries import ActorInfo
from geopol.gazetteer import find_city
from geopol.nlp import Analysis
from geopol.records import MATERIAL, Actor, Event, Place

WHERE = frozenset({"in", "at", "near", "outside", "inside", "around", "across", "between"})
TOWARDS = frozenset({"to", "into", "toward", "towards"})
LOCATIVE = WHERE | TOWARDS | {"from", "via"}
SKIP_WORDS = frozenset(
    """the city town capital village region province towns cities villages of southern northern eastern western
    central north south east west northeastern northwestern southeastern southwestern northeast northwest southeast
    southwest neighbouring neighboring rural remote""".split()
)
DIRECTIONS = frozenset(
    """north south east west northern southern eastern western northeast northwest southeast southwest
    northeastern northwestern southeastern southwestern""".split()
)
NOT_PLACES = frozenset(
    {*calendar.month_name[1:], *calendar.day_name, "President", "General", "Colonel", "Minister", "Prime", "King"}
)
# nouns whose "in" names what they concern, not where: "confidence in", "a stake in"
NOT_WHERE_IN = frozenset(
    """confidence trust faith belief interest interests stake stakes role involvement interference meddling
    investment investments participation say""".split()
)
# a region within a state ("southern Lebanon", "Darfur") is more specific than the state; a
# sea or the Sahel less
SPECIFICITY = {"facility": 0, "city": 1, "country": 3, "region": 4}
STATE_REGION = 2
HAPPENS_AT_RECIPIENT = frozenset({"ASSAULT", "FIGHT", "COERCE", "PROTEST", "INVESTIGATE", "AID", "MOBILIZE"})
PRIVATE_SECTORS = frozenset({"CVL", "BUS", "MED", "EDU", "LAB", "REF"})  # people a state holds on its own soil
MAX_CITY_WORDS = 3
SETTLEMENTS = frozenset(
    """town city village capital port district province region commune locality outskirts towns cities villages
    districts provinces regions communes localities""".split()
)
CARRY_SENTENCES = 3  # how far back an event may take the place of one between the same actors
# a city named with no locative word, as what an act struck or took ("drones struck Kharkiv",
# "the siege of El Fasher"): an object, a passive subject, or a noun after one of these words
TARGET_DEPS = frozenset({"obj", "dobj", "nsubj:pass", "nsubjpass"})
TARGET_CASES = frozenset({"on", "against", "of", "for"})
NAME_PARTS = frozenset({"compound", "flat", "flat:name"})
BARE_POPULATION = 100000  # a bare name of a smaller town counts only in a country the text names
OBJECT = "obj"  # the prep of such a mention
SMALL_TOWN = 15000  # a town this small, abroad of every state a story names, is taken for a namesake


@dataclass(frozen=True, slots=True)
class PlaceMention:
    start: int  # character offsets into the sentence
    end: int
    place: Place
    prep: str = ""  # the word before it: "in", "to", "from" ...
    token: int = -1  # index of its first token in the Doc
    # the phrase of what came before that holds it ("after the attack in Pahalgam"), as
    # character offsets into the sentence: it places only an event told inside that phrase
    within: tuple[int, int] | None = None
    # for a part or region of a state, the state itself: the place of an event a region cannot
    # place ("met Hezbollah officials in southern Lebanon": in Lebanon)
    state: Place | None = None


def place_mentions(
    analysis: Analysis, start: int, end: int, actors: dict[str, ActorInfo], story: tuple[str, ...] = ()
) -> list[PlaceMention]:
    """Facilities, regions, capitals and cities named in the sentence doc[start:end]; story:
    the states the article names (a small town abroad of all of them is another town)."""
    doc = analysis.doc
    base = doc[start].idx
    found: list[PlaceMention] = []
    taken: set[int] = set()
    actor_tokens: dict[int, tuple[int, str, str]] = {}
    for s, e, entries in analysis.actors:
        if start <= s and e <= end:
            for k in range(s, e):
                actor_tokens[k] = (e, entries[0].kind, entries[0].code)
    for s, e, facility in analysis.places:
        if not (start <= s and e <= end):
            continue
        before = s - 1 if s > 0 and doc[s - 1].lower_ != "the" else s - 2
        # a part of a state is where an event happened only after a locative word ("in Iran's
        # Sistan-Baluchestan province", "in the Israeli-occupied West Bank"), not in "the border
        # with Sudan's Darfur region"
        state_region = facility.kind == "region" and bool(facility.country)
        locative = locative_before(doc, s, start, actor_tokens) if state_region else ""
        after_locative = bool(locative) or (before >= 0 and doc[before].lower_ in LOCATIVE)
        acting = any(k in actor_tokens for k in range(s, e)) and not after_locative
        if not acting:  # "the Kremlin said", "Kremlin-controlled": an actor, not a place
            place = Place(facility.name, facility.lat, facility.lon, facility.kind, facility.country, "text")
            prep = locative if state_region else "at"
            state = state_place(facility.country, actors) if facility.kind == "region" else None
            found.append(PlaceMention(doc[s].idx - base, doc[e - 1].idx + len(doc[e - 1]) - base, place, prep, s, state=state))
            taken.update(range(s, e))
    listed_after = -1, ""  # where the last place after a locative word ended, and that word
    for i in range(start + 1, end):
        named_place = doc[i - 1].lower_ == "of" and i >= 2 and doc[i - 2].lower_ in SETTLEMENTS  # "seized the town of Goma"
        # "travelled to Moscow and Tehran": a place listed after one named after a locative word
        listed = doc[i - 1].lower_ in ("and", ",", "or") and i - 1 == listed_after[0]
        if i in taken or (doc[i - 1].lower_ not in LOCATIVE and not named_place and not listed):
            continue
        j = i
        while (
            j < end
            and j - i < 4
            and j not in actor_tokens
            and (doc[j].lower_ in SKIP_WORDS or (doc[j].text == "-" and doc[j - 1].lower_ in DIRECTIONS))
        ):
            j += 1  # not into a state's own name: "South Sudan", "North Macedonia"
        if j in actor_tokens and doc[i - 1].lower_ == "between":
            continue  # "talks between Niger and Benin" are no place; "between Gao and Ansongo" are
        if doc[i - 1].lower_ == "in" and i >= 2 and doc[i - 2].lower_ in NOT_WHERE_IN:
            continue  # "confidence in Canada's courts"
        mention = place_at(doc, j, end, actor_tokens, actors, story)
        if mention is not None and mention[2].precision == "country":
            mention = country_part(doc, i, j, mention, actors)  # "in southern Lebanon"
        if mention is not None and listed and not ends_list(doc, mention[1], end):
            continue  # "in Kharkiv and Russia launched drones": a new clause's subject, no place
        if mention is not None:
            s, e, place = mention
            prep = "in" if named_place else listed_after[1] if listed else doc[i - 1].lower_
            state = state_place(place.country, actors) if place.precision == "region" else None
            found.append(PlaceMention(doc[s].idx - base, doc[e - 1].idx + len(doc[e - 1]) - base, place, prep, s, state=state))
            taken.update(range(s, e))
            listed_after = e, prep
    return sorted(found, key=lambda m: m.start)


def ends_list(doc: Doc, after: int, end: int) -> bool:
    """Does a place listed after another end the list, not open a clause ("Moscow and Tehran.",
    "Moscow and Tehran to seek support", not "Kharkiv and Russia launched ...")?"""
    return after >= end or not doc[after].is_alpha or doc[after].lower_ in LIST_ENDS


LIST_ENDS = frozenset(
    "and or on in at to for last this next earlier later after before during with from by since over until".split()
)


def locative_before(doc: Doc, s: int, start: int, actor_tokens: dict[int, tuple[int, str, str]]) -> str:
    """The locative word before doc[s], over "the", "northern", "Israeli-occupied", a state and
    its "'s", or ""."""
    k = s - 1
    while (
        k >= start
        and s - k <= 6
        and (doc[k].lower_ in SKIP_WORDS or doc[k].lower_ in ("'s", "’s", "-") or k in actor_tokens or describes_place(doc[k]))
    ):
        k -= 1
    return doc[k].lower_ if k >= start and doc[k].lower_ in LOCATIVE else ""


def describes_place(word: Token) -> bool:
    """ "occupied", "war-torn", "restive": a word that only describes the place after it."""
    return word.pos_ == "ADJ" or (word.tag_ == "VBN" and word.i + 1 < len(word.doc) and word.nbor().is_title)


def state_place(code: str, actors: dict[str, ActorInfo]) -> Place | None:
    """A state as a place, for what one of its regions cannot place."""
    info = actors.get(code)
    if not code or info is None or info.lat is None or info.lon is None:
        return None
    return Place(info.name, info.lat, info.lon, "country", code, "text")


def place_at(
    doc: Doc,
    j: int,
    end: int,
    actor_tokens: dict[int, tuple[int, str, str]],
    actors: dict[str, ActorInfo],
    story: tuple[str, ...],
) -> tuple[int, int, Place] | None:
    """The place named from doc[j] on, after a locative word: a state, a capital, a city, "Mali's
    capital, Bamako", "the Lithuanian capital Vilnius", "the Saudi capital"."""
    seat = None
    if j in actor_tokens and actor_tokens[j][1] == "demonym":
        after, _, code = actor_tokens[j]
        named_at = settlement_name(doc, after, end)
        seat = capital_named(doc, j, after, end, code, actors)
        if named_at is None:
            return seat
        j = named_at
    mention = actor_place(doc, j, actor_tokens, actors) if j in actor_tokens else city_place(doc, j, end, actor_tokens, story)
    if mention is None:
        return seat  # "In the Kenyan capital, Erdogan held talks": the name after the comma is no city
    if mention[1] + 1 >= end or doc[mention[1]].lower_ not in ("'s", "’s"):
        return mention
    owner = mention[1] + 1
    named_at = settlement_name(doc, owner, end)
    if named_at is None:  # "in Mali's Mopti region": Mopti; "in Mali's capital": Bamako
        inner = city_place(doc, owner, end, actor_tokens)
        inner = inner or capital_named(doc, mention[0], owner, end, mention[2].country, actors)
    elif named_at in actor_tokens:
        inner = actor_place(doc, named_at, actor_tokens, actors)
    else:
        inner = city_place(doc, named_at, end, actor_tokens)
    if inner is not None and inner[2].country == mention[2].country:
        return mention[0], inner[1], inner[2]
    return mention


def country_part(
    doc: Doc, i: int, j: int, mention: tuple[int, int, Place], actors: dict[str, ActorInfo]
) -> tuple[int, int, Place]:
    """ "in south-eastern Niger": the part of the state the words doc[i:j] before its name point to."""
    words = [t.lower_ for t in doc[i:j] if t.lower_ in DIRECTIONS or t.text == "-"]
    direction = "".join(words).replace("-", "").removesuffix("ern")  # "north-eastern": northeast
    info = actors.get(mention[2].country)
    point = next(((lat, lon) for part, lat, lon in info.parts if part == direction), None) if info else None
    if point is None:
        return mention
    first = next(k for k in range(i, j) if doc[k].lower_ in DIRECTIONS)
    name = f"{doc[first:j].text} {mention[2].name}"
    return first, mention[1], Place(name, point[0], point[1], "region", mention[2].country, "text")


def capital_named(
    doc: Doc, start: int, i: int, end: int, code: str, actors: dict[str, ActorInfo]
) -> tuple[int, int, Place] | None:
    """ "the Saudi capital", "Mali's capital" (the word at doc[i]): the state's seat."""
    info = actors.get(code)
    if i >= end or doc[i].lower_ != "capital" or info is None or info.kind != "state" or info.lat is None or info.lon is None:
        return None
    return start, i + 1, Place(info.seat, info.lat, info.lon, "city", code, "text")


def settlement_name(doc: Doc, i: int, end: int) -> int | None:
    """Where the name starts after "capital", "northern town of" and the like at doc[i] ("the
    Saudi capital, Riyadh"), or None if no such word is there."""
    j = i
    while j < end and doc[j].lower_ in SKIP_WORDS and j - i < 4:
        j += 1
    if j == i or (doc[j - 1].lower_ not in SETTLEMENTS and doc[j - 1].lower_ != "of"):
        return None
    if j < end and doc[j].text == ",":
        j += 1
    return j if j < end and doc[j].is_title else None


def object_places(
    doc: Doc, analysis: Analysis, hints: tuple[str, ...], taken: set[int], offset: int, acts: frozenset[int] = frozenset()
) -> list[PlaceMention]:
    """Cities a parsed sentence names as what an act struck, took or besieged, with no
    locative word before them. taken: its tokens already read as places; offset: the index
    of its first token in the article, where the mentions point; acts: the words of material
    acts, the only ones whose object a capital may be as a city ("drones hit Kyiv", not
    "accused Bangkok")."""
    capitals = {k for s, e, entries in analysis.actors if all(a.kind == "capital" for a in entries) for k in range(s, e)}
    named = {k for s, e, _ in (*analysis.actors, *analysis.places) for k in range(s, e)} - capitals
    named |= {k for s, e, _ in analysis.roles for k in range(s, e)}
    found = []
    for token in doc:
        if token.pos_ != "PROPN" or token.i in taken or token.i in named or not is_target(token):
            continue
        if token.i in capitals and token.head.i not in acts:
            continue
        words = sorted([token, *(c for c in token.children if c.dep_ in NAME_PARTS and c.pos_ == "PROPN")], key=lambda t: t.i)
        if words[-1].i - words[0].i + 1 != len(words) or not all(w.is_title and w.is_alpha for w in words):
            continue
        city = find_city(" ".join(w.text for w in words), hints)
        if city is None or (city.country not in hints and city.population < BARE_POPULATION):
            continue
        place = Place(city.name, city.lat, city.lon, "city", city.country, "text")
        found.append(PlaceMention(words[0].idx, words[-1].idx + len(words[-1]), place, OBJECT, words[0].i + offset))
    return found


def in_background_phrase(doc: Doc, mentions: list[PlaceMention], offset: int) -> list[PlaceMention]:
    """The mentions of a parsed sentence (tokens numbered from offset in the article), each
    with the phrase of what came before that holds it, if any."""
    out = []
    for mention in mentions:
        i = mention.token - offset
        phrase = earlier_phrase(doc[i]) if 0 <= i < len(doc) else None
        if phrase is not None:
            start, last = phrase.left_edge, phrase.right_edge
            mention = replace(mention, within=(start.idx, last.idx + len(last)))
        out.append(mention)
    return out


# "after the attack in Pahalgam": a phrase of what came before ("during a meeting in Bamako"
# and "amid protests in Niamey" are where the act itself happened)
EARLIER_PREPS = frozenset({"after", "before", "following", "since", "until"})


def earlier_phrase(word: Token) -> Token | None:
    """The phrase of what came before that holds the word, if any."""
    return next((t for t in (word, *word.ancestors) if syntax.in_background(t, EARLIER_PREPS)), None)


def is_target(token: Token) -> bool:
    if token.dep_ == "compound" and token.head.pos_ == "NOUN" and token.head.i > token.i:
        return is_target(token.head)  # "struck the Fordow enrichment site"
    if token.dep_ in TARGET_DEPS:
        return token.head.pos_ == "VERB"
    return token.dep_ in ("nmod", "obl") and any(c.dep_ == "case" and c.lower_ in TARGET_CASES for c in token.children)


def actor_place(
    doc: Doc, i: int, actor_tokens: dict[int, tuple[int, str, str]], actors: dict[str, ActorInfo]
) -> tuple[int, int, Place] | None:
    """ "in Niamey" (a capital), "in Niger" (a country) after a locative word."""
    end, kind, code = actor_tokens[i]
    info = actors.get(code)
    if info is None or info.lat is None or info.lon is None or kind not in ("capital", "state"):
        return None
    if kind == "capital":
        seat = find_city(doc[i:end].text, (code,))  # a second capital ("Porto-Novo", "Yamoussoukro") is a city of its own
        if seat is not None and seat.country == code:
            return i, end, Place(seat.name, seat.lat, seat.lon, "city", code, "text")
        return i, end, Place(info.seat, info.lat, info.lon, "city", code, "text")
    state = state_place(code, actors)
    return (i, end, state) if state is not None else None


# words after a town's name that name an area around it, not a longer name
AREA_WORDS = frozenset("Region Province State District County Department Prefecture Governorate Oblast City Airport".split())


def city_place(
    doc: Doc, i: int, end: int, actor_tokens: dict[int, tuple[int, str, str]], story: tuple[str, ...] = ()
) -> tuple[int, int, Place] | None:
    """ "in Agadez": up to three capitalised words that the gazetteer knows; a small town in
    none of the states the story names is taken for a namesake (Moura in Mali is not Moura in
    Portugal)."""
    words: list[str] = []
    j = i
    while (
        j < end
        and len(words) < MAX_CITY_WORDS
        and doc[j].is_title
        and doc[j].is_alpha
        and j not in actor_tokens
        and doc[j].text not in NOT_PLACES
    ):
        words.append(doc[j].text)
        j += 1
    hints = (*(code for _, _, code in actor_tokens.values()), *story)
    for n in range(len(words), 0, -1):
        city = find_city(" ".join(words[:n]), hints)
        cut_short = n < len(words) and words[n] not in AREA_WORDS  # a longer name: "Cabo Delgado", not "Agadez Region"
        if city is not None and cut_short and city.country not in hints:
            continue  # no Brazilian town called Cabo; but "in Gao Governor ..." in a Mali story is Gao
        if city is not None and story and city.country not in hints and city.population < SMALL_TOWN:
            return None
        if city is not None:
            return i, i + n, Place(city.name, city.lat, city.lon, "city", city.country, "text")
    return None


def actor_point(
    actor: Actor | None, actors: dict[str, ActorInfo], precision: str, note: str, middle: bool = False
) -> Place | None:
    """An actor's capital (or an organisation's seat) standing for it on the map; with middle, a
    state's centre, for what happens somewhere in the country ("struck Iran")."""
    if actor is None:
        return None
    info = actors.get(actor.code)
    if info is not None and info.lat is None and info.home in actors:
        home = actors[info.home]  # an armed group with no seat stands in its home country
        if home.lat is None or home.lon is None:
            return None
        return Place(home.name, home.lat, home.lon, "country", home.code, note)
    if info is None or info.lat is None or info.lon is None:
        return None
    if info.kind != "state" and info.seat:
        return Place(info.seat, info.lat, info.lon, "city", info.country, note)  # an organisation sits in its seat city
    name = info.seat if precision == "city" and info.seat else info.name
    lat, lon = info.centre if middle and precision == "country" and info.centre else (info.lat, info.lon)
    return Place(name, lat, lon, precision, actor.code, note)


def usable_prep(event: Event, prep: str) -> bool:
    """ "in Niamey" locates any event; "to Moscow" only a visit or a deployment; "from
    Niger" only a withdrawal; "struck Kharkiv" only a material act."""
    if prep in WHERE:
        return True
    if prep == OBJECT:
        return event.category in MATERIAL
    if prep in TOWARDS:
        return event.category in ("CONSULT", "AID", "MOBILIZE")
    return prep == "from" and event.category == "RETREAT"


def explicit_place(event: Event, mentions: list[PlaceMention]) -> Place | None:
    """The most specific place named in the event's clause (regions only for material
    events); for material events a facility or city named elsewhere in the sentence."""
    if event.category not in MATERIAL:  # only a material act is placed in a region; a talk there is in its state
        mentions = [replace(m, place=m.state) if m.place.precision == "region" and m.state else m for m in mentions]
    usable = [
        m
        for m in mentions
        if usable_prep(event, m.prep)
        and (m.place.precision != "region" or event.category in MATERIAL)
        and (m.within is None or m.within[0] <= event.cue_start < m.within[1])
    ]
    in_clause = [
        m
        for m in usable
        if event.clause_start <= m.start < event.clause_end and not any(s <= m.start < e for s, e in event.told_spans)
    ]
    if not in_clause and event.category in MATERIAL:
        # "... in Bamako, and IS fighters killed Nigerien soldiers near the border": not in Bamako
        hit = {a.code for a in event.recipients if a.kind == "state"}
        in_clause = [
            m
            for m in usable
            if m.place.precision in ("facility", "city")
            and m.prep in WHERE
            and not at_home(event, m)
            and (not hit or m.place.country in hit)
        ]
    if not in_clause:
        return None
    hosts = {a.code for a in event.recipients} if event.category == "CONSULT" and event.mode == "visit" else set()
    hosting = [m for m in in_clause if m.place.country in hosts]  # "visited Moscow and Tehran"
    # "sent delegations to Mali, Burkina Faso and Zimbabwe": the visit to Zimbabwe is not in Mali
    in_clause = hosting or ([m for m in in_clause if m.place.precision != "country"] if hosts else in_clause)
    if not in_clause:
        return None
    cue = event.cue_start
    return min(in_clause, key=lambda m: (specificity(m.place), abs(m.start - cue))).place


def specificity(place: Place) -> int:
    return STATE_REGION if place.precision == "region" and place.country else SPECIFICITY[place.precision]


def at_home(event: Event, mention: PlaceMention) -> bool:
    """A place in the attacker's own country, named outside the clause of an attack on
    another: where the other side was hit ("Israel struck Natanz, and Iran fired missiles")."""
    sources = {a.code for a in event.sources}
    targets = {a.code for a in event.recipients} - sources
    return event.category in HAPPENS_AT_RECIPIENT and bool(targets) and mention.place.country in sources


def is_movement(event: Event) -> bool:
    if event.category == "RETREAT":
        return event.mode == "withdraw"
    if event.category == "MOBILIZE":
        return True
    return event.category == "AID" and (event.mode == "military" or bool(event.quantity_unit))


def locate(event: Event, mentions: list[PlaceMention], actors: dict[str, ActorInfo]) -> Event:
    """Place, and for movements origin and destination, of one event."""
    source = event.sources[0] if event.sources else None
    if event.category in HAPPENS_AT_RECIPIENT:
        # "Wagner mercenaries and Malian soldiers killed ...": the state among the attackers
        # says where, not a foreign group's home
        source = next((a for a in event.sources if a.kind == "state"), source)
    named = explicit_place(event, mentions)
    event = left_country(event, named)
    recipient = event.recipients[0] if event.recipients else None
    legs = movement_legs(event, named, actors) if is_movement(event) else ()
    origin, destination = (legs[0][2], legs[0][3]) if legs else (None, None)
    mode = event.mode
    if event.category == "CONSULT" and named is not None and recipient is not None and source is not None:
        abroad = named.country == recipient.code and source.code != recipient.code
        if abroad and mode in ("", "meet"):
            mode = "visit"  # "a Russian delegation held a meeting ... in Niamey"
        if abroad and named.precision == "country":
            named = actor_point(recipient, actors, "city", "host")  # a visit to Niger is a visit to Niamey
        guest = actors.get(recipient.code)
        a_state = guest is not None and guest.kind == "state"
        met_at_home = named is not None and named.country == source.code != recipient.code and a_state
        if met_at_home and mode in ("", "meet") and not event.symmetric and len(event.recipients) == 1:
            # "Xi met Burkina Faso's prime minister in Beijing": the guest came to the host, so the
            # place makes the meeting a visit, with the guest as its source
            event = replace(event, sources=event.recipients, recipients=event.sources)
            source, recipient, mode = event.sources[0], event.recipients[0], "visit"
        visitors_home = named is not None and mode == "visit" and named.country in {a.code for a in event.sources}
        if visitors_home and named is not None and named.country != recipient.code:
            named = None  # "received them ... and spoke of Congo's minerals": a visit is at the host's
    place = named or default_place(replace(event, mode=mode), source, recipient, actors)
    if origin is not None and named is None:
        place = origin if event.category == "RETREAT" else destination
    event = replace(event, place=place, origin=origin, destination=destination, legs=legs, mode=mode)
    if named is None and origin is None:
        event = replace(event, pair_places=pair_places(event, actors))
    return event


def left_country(event: Event, named: Place | None) -> Event:
    """ "French troops pulled out of Gao": a withdrawal from a place named, with no other side
    coded, is from the state the place is in."""
    if event.category != "RETREAT" or event.mode != "withdraw" or named is None or not named.country:
        return event
    if any(a.code for a in event.recipients) or named.country in {a.code for a in event.sources}:
        return event
    return replace(event, recipients=(Actor(named.name, named.country, "", "state"),))


def pair_places(event: Event, actors: dict[str, ActorInfo]) -> tuple[tuple[str, str, Place], ...]:
    """The default place of each (source, recipient) pair where it is not the event's: each
    state that acts together with others does so at home, each target is hit in its country."""
    if len(event.sources) < 2 and len(event.recipients) < 2:
        return ()
    found = []
    for s, r in event.pairs():
        if event.category not in HAPPENS_AT_RECIPIENT and s is not None and s.kind != "state":
            continue  # a group or a person stands where the event put it
        # a joint act ("exchanged fire") has no recipient: each side is placed as a source alone
        place = default_place(event, s, None if event.symmetric else r, actors)
        if place is not None and place != event.place:
            found.append((s.code if s else "", r.code if r else "", place))
    return tuple(found)


def movement_legs(event: Event, named: Place | None, actors: dict[str, ActorInfo]) -> tuple[tuple[str, str, Place, Place], ...]:
    """One arrow per (source, recipient) pair: home capital to the place named or the
    recipient's country; reversed for a withdrawal ("France withdrew its forces from Mali,
    Burkina Faso and Niger" draws three arrows to Paris)."""
    legs = []
    for source in event.sources:
        home = actor_point(source, actors, "city", "actor")
        for recipient in event.recipients or (None,):
            use_named = (
                named is not None and named.country != source.code and (recipient is None or named.country == recipient.code)
            )
            away = named if use_named else actor_point(recipient, actors, "country", "actor")
            if home is None or away is None or (home.lat, home.lon) == (away.lat, away.lon):
                continue
            ends = (away, home) if event.category == "RETREAT" else (home, away)
            legs.append((source.code, recipient.code if recipient else "", *ends))
    return tuple(legs)


def default_place(event: Event, source: Actor | None, recipient: Actor | None, actors: dict[str, ActorInfo]) -> Place | None:
    """No place named: a visit happens at the host's capital; violence where its target is (or,
    against an organisation's forces or property, where the attacker is at home); anything else
    in the source's country."""
    if event.category == "CONSULT" and event.mode == "visit" and recipient is not None:
        return actor_point(recipient, actors, "city", "host")
    info = actors.get(recipient.code) if recipient is not None else None
    bodies = ("igo", "company", "ngo")  # "attacked an African Union base", "seized Orano's mine": not at the seat
    if event.category in HAPPENS_AT_RECIPIENT and info is not None and info.kind in bodies and source is not None:
        found = actor_point(source, actors, "country", "actor")
        if found is not None and found.precision == "country":
            return found
    held = event.category == "COERCE" and recipient is not None and recipient.sector in PRIVATE_SECTORS
    arrester = actor_point(source, actors, "country", "actor") if held and source is not None else None
    if arrester is not None:
        return arrester  # "arrested a French citizen": where the arrester rules
    if event.category in HAPPENS_AT_RECIPIENT and recipient is not None:
        # "struck Iran": somewhere in the country, not at its capital
        found = actor_point(recipient, actors, "country", "actor", middle=event.category in ("ASSAULT", "FIGHT"))
        if found is not None:
            return found
    if source is not None and event.category not in HAPPENS_AT_RECIPIENT and named_by_seat(source, actors):
        return actor_point(source, actors, "city", "text")  # "New Delhi rejected ...": said in New Delhi
    return actor_point(source, actors, "country", "actor") or actor_point(recipient, actors, "country", "actor")


def named_by_seat(actor: Actor, actors: dict[str, ActorInfo]) -> bool:
    info = actors.get(actor.code)
    return info is not None and info.kind == "state" and bool(info.seat) and actor.text == info.seat


def refine_article(events: list[Event], mentions: dict[int, list[PlaceMention]]) -> list[Event]:
    """Article-level geocoding: a movement's country-level destination becomes the place the
    next sentence names in that country ("arrived in Niger ... staying at an air base near the
    Niamey airport"), and an event with no place of its own in the text takes the place of an
    event between the same actors told before it, in its sentence or up to three earlier."""
    out: list[Event] = []
    for event in events:
        target = event.destination if event.destination is not None else None
        if target is not None and target.precision == "country":
            better = next(
                (
                    m.place
                    for m in mentions.get(event.sentence_index + 1, [])
                    if m.place.country == target.country and m.place.precision in ("facility", "city")
                ),
                None,
            )
            if better is not None:
                better = replace(better, note="next sentence")
                legs = tuple((s, r, o, better if d == target else d) for s, r, o, d in event.legs)
                place = better if event.category != "RETREAT" else event.place
                event = replace(event, destination=better, place=place, legs=legs)
        elif event.place is not None and event.place.note not in ("text", "host"):
            donor = next(
                (
                    e
                    for e in reversed(out)
                    if 0 <= event.sentence_index - e.sentence_index <= CARRY_SENTENCES
                    and e.place is not None
                    and e.place.note in ("text", "host")
                    # a strike's town is not where it was judged
                    and ((dyad(e) == dyad(event) and same_kind(e, event)) or visited_then(e, event))
                    and (e.sentence_index < event.sentence_index or sides(e) == sides(event))  # "X struck A, after Y hit B"
                    and not other_day(e, event)  # "signed in Ankara on March 3 ... ratified it on Tuesday"
                ),
                None,
            )
            if donor is not None and donor.place is not None:
                event = replace(event, place=replace(donor.place, note="carried"), pair_places=())
        out.append(event)
    return out


def other_day(donor: Event, event: Event) -> bool:
    """Both dates read from the text, to the day, and not the same day."""
    days = [d.value for d in (donor.date, event.date) if d is not None and d.basis == "text" and d.precision == "day"]
    return len(days) == 2 and days[0] != days[1]


def same_kind(donor: Event, event: Event) -> bool:
    return material(donor) == material(event)


def material(event: Event) -> bool:
    """A material act, not words: signing a cooperation deal is where its signers met."""
    return event.category in MATERIAL and event.mode != "sign"


def visited_then(donor: Event, event: Event) -> bool:
    """ "visited Tripoli and signed security accords": what a visitor does in the sentence of
    the visit happens where the visit was."""
    same_visitor = bool(sides(donor)[0] & sides(event)[0])  # "flew to Ankara to meet Abiy": in Ankara too
    return donor.category == "CONSULT" and donor.mode == "visit" and donor.sentence_index == event.sentence_index and same_visitor


def sides(event: Event) -> tuple[frozenset[str], frozenset[str]]:
    return frozenset(a.code for a in event.sources), frozenset(a.code for a in event.recipients)


def dyad(event: Event) -> frozenset[str]:
    return frozenset(a.code for a in event.sources + event.recipients)
