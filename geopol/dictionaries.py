"""Load and validate the dictionary files in data/ (actors, cues, places, boilerplate).

Reads CSV files with '#' provenance headers; adds nothing. A bad row raises DictionaryError
with its file:line, so a build stops before it touches the store.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

from geopol.gazetteer import fold
from geopol.problems import DictionaryError
from geopol.records import CATEGORIES

ORG_KINDS = {"igo", "armed_group", "company", "ngo"}
ANAPHOR_KINDS = {"dominant_state", "previous_pair", "previous_group", "previous_actor", "previous_organisation"}
COLLECTIVE_KINDS = {"several", "organisation"}
CUE_POS = {"", "verb", "noun", "adj"}
CUE_SOURCES = {"", "object", "speaker", "self", "from", "to"}
CUE_NEEDS = {"", "personnel", "igo", "agreement", "captive", "military", "recipient", "source", "town", "foreign"}
CUE_GOVERNS = {"", "absorb", "intent", "act"}
CUE_ARGUMENTS = {"obj", "iobj", "comp"}
MODIFIER_KINDS = {"negation", "future", "hypothetical", "attempt", "condition"}
PLACE_KINDS = {"facility", "region"}
COUNTRY_PARTS = {"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest"}
BOILERPLATE_ACTIONS = {"drop_line", "drop_block", "drop_rest"}
CODE_RE = re.compile(r"^[A-Z][A-Z0-9_]{1,11}$")


@dataclass(frozen=True, slots=True)
class ActorEntry:
    """One name of one actor (a state name, a demonym, a person, an organisation...)."""

    text: str
    code: str
    kind: str  # state | demonym | capital | igo | armed_group | ngo | company | person | metonym
    sector: str = ""
    valid_from: int | None = None
    valid_to: int | None = None
    role: str = ""


@dataclass(frozen=True, slots=True)
class ActorInfo:
    """What the map needs to draw an actor: its name and the point that stands for it."""

    code: str
    name: str
    kind: str
    lat: float | None
    lon: float | None
    seat: str = ""
    country: str = ""  # the state its point lies in: itself, or an organisation's seat country
    home: str = ""  # an armed group's or company's home country
    sector: str = ""  # MIL for an armed group on a government's side (mercenaries, an army); else insurgents
    centre: tuple[float, float] | None = None  # a state's middle: where a strike on it with no place named is placed
    parts: tuple[tuple[str, float, float], ...] = ()  # (north, lat, lon) ...: where "in northern Mali" is placed


@dataclass(frozen=True, slots=True)
class CueRule:
    """One cue frame of data/cues.csv."""

    category: str
    pattern: str
    pos: str  # verb | noun | adj | "" (any)
    source: str  # "" (subject, agent, owner) | object | speaker | self (the cue word names the doers) | from | to
    recipients: tuple[str, ...]  # where the recipient stands, in order; () = the category's default
    needs: str
    governs: str
    mode: str
    context: str
    location: str  # file:line, for messages


@dataclass(frozen=True, slots=True)
class Modifier:
    kind: str
    lemma: str


@dataclass(frozen=True, slots=True)
class Anaphor:
    text: str
    refers_to: str


@dataclass(frozen=True, slots=True)
class Role:
    lemma: str
    sector: str
    personnel: bool


@dataclass(frozen=True, slots=True)
class Facility:
    name: str
    aliases: tuple[str, ...]
    kind: str
    country: str
    near: str
    lat: float
    lon: float
    source: str


@dataclass(frozen=True, slots=True)
class BoilerplateRule:
    pattern: re.Pattern[str]
    action: str


@dataclass(frozen=True)
class Dictionaries:
    actor_names: tuple[ActorEntry, ...]
    actors: dict[str, ActorInfo]
    not_actors: tuple[str, ...]
    anaphors: tuple[Anaphor, ...]
    collectives: dict[str, str]  # plural noun -> several | organisation
    roles: tuple[Role, ...]
    cues: tuple[CueRule, ...]
    modifiers: tuple[Modifier, ...]
    facilities: tuple[Facility, ...]
    boilerplate: tuple[BoilerplateRule, ...]
    blocs: dict[str, frozenset[str]]  # bloc code -> every state ever a member (blocs.csv)


Row = dict[str, str]


def read_rows(path: Path, required: list[str]) -> Iterator[tuple[str, Row]]:
    """Yield (file:line, row) for each data row; comment lines start with '#'."""
    if not path.exists():
        raise DictionaryError(f"{path.name}", "dictionary file is missing")
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        bad_line = path.read_bytes()[: error.start].count(b"\n") + 1
        raise DictionaryError(f"{path.parent.name}/{path.name}:{bad_line}", "not UTF-8 text") from None
    header: list[str] | None = None
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cells = next(csv.reader([line]))  # one row per line: a row never spans lines here
        where = f"{path.parent.name}/{path.name}:{number}"
        if header is None:
            header = [c.strip() for c in cells]
            missing = [c for c in required if c not in header]
            if missing:
                raise DictionaryError(where, f"header lacks column(s) {', '.join(missing)}")
            continue
        if len(cells) != len(header):
            raise DictionaryError(where, f"expected {len(header)} fields, found {len(cells)}")
        yield where, {k: v.strip() for k, v in zip(header, cells, strict=True)}


def split_names(value: str) -> list[str]:
    """ "a|b" -> names; a name with an apostrophe also in its typographic form ("Jama’at")."""
    names = [n.strip() for n in value.split("|") if n.strip()]
    return names + [n.replace("'", "’") for n in names if "'" in n]


def parse_year(where: str, value: str) -> int | None:
    if not value:
        return None
    if not re.fullmatch(r"\d{4}", value):
        raise DictionaryError(where, f"year {value!r} is not a four-digit year")
    return int(value)


def parse_coordinate(where: str, value: str, limit: float) -> float | None:
    if not value:
        return None
    try:
        number = float(value)
    except ValueError:
        raise DictionaryError(where, f"coordinate {value!r} is not a number") from None
    if not -limit <= number <= limit:
        raise DictionaryError(where, f"coordinate {value} is out of range")
    return number


def check_choice(where: str, field: str, value: str, allowed: set[str]) -> str:
    if value not in allowed:
        choices = ", ".join(sorted(a or '""' for a in allowed))
        raise DictionaryError(where, f"{field} {value!r} is not one of {choices}")
    return value


def check_code(where: str, code: str) -> str:
    if not CODE_RE.match(code):
        raise DictionaryError(where, f"code {code!r} is not an upper-case actor code")
    return code


# capitals whose unaccented name is a common word (Malé) or a bigger city elsewhere (San José)
AMBIGUOUS_PLAIN_NAMES = frozenset({"male", "san jose"})


def load_states(folder: Path) -> tuple[list[ActorEntry], dict[str, ActorInfo]]:
    names: list[ActorEntry] = []
    infos: dict[str, ActorInfo] = {}
    columns = ["code", "name", "aliases", "demonyms", "capital", "capital_lat", "capital_lon"]
    rows = list(read_rows(folder / "states.csv", [*columns, "capital_is_metonym"]))
    rows += list(read_rows(folder / "state_extras.csv", [*columns, "valid_from", "valid_to"]))
    for where, row in rows:
        code = check_code(where, row["code"])
        known = infos.get(code)
        if known is None and not row["name"]:
            raise DictionaryError(where, f"new state {code} needs a name")
        lat = parse_coordinate(where, row["capital_lat"], 90)
        lon = parse_coordinate(where, row["capital_lon"], 180)
        valid = (parse_year(where, row.get("valid_from", "")), parse_year(where, row.get("valid_to", "")))
        if known is None:
            infos[code] = ActorInfo(code, row["name"], "state", lat, lon, row["capital"], code)
        elif row["capital"] and lat is not None and lon is not None:
            infos[code] = replace(known, lat=lat, lon=lon, seat=row["capital"])  # the seat of government
        for text in ([row["name"]] if row["name"] else []) + split_names(row["aliases"]):
            names.append(ActorEntry(text, code, "state", "", *valid))
        for text in split_names(row["demonyms"]):
            names.append(ActorEntry(text, code, "demonym", "", *valid))
        if row["capital"] and row.get("capital_is_metonym", "yes") != "no":
            names.append(ActorEntry(row["capital"], code, "capital", "GOV", *valid))
            plain = fold(row["capital"])  # the press writes "Chisinau", "Yaounde", "Lome"
            if plain != row["capital"] and plain.lower() not in AMBIGUOUS_PLAIN_NAMES:
                names.append(ActorEntry(plain, code, "capital", "GOV", *valid))
    return names, infos


def load_organisations(
    folder: Path, seats: Callable[[str, str], tuple[float, float] | None]
) -> tuple[list[ActorEntry], dict[str, ActorInfo]]:
    names: list[ActorEntry] = []
    infos: dict[str, ActorInfo] = {}
    columns = ["code", "name", "aliases", "kind", "seat", "seat_country", "home", "sector"]
    for where, row in read_rows(folder / "organisations.csv", columns):
        code = check_code(where, row["code"])
        kind = check_choice(where, "kind", row["kind"], ORG_KINDS)
        point = seats(row["seat"], row["seat_country"]) if row["seat"] else None
        if row["seat"] and point is None:
            raise DictionaryError(where, f"seat {row['seat']!r} is not in the gazetteer")
        if row["home"] and not CODE_RE.match(row["home"]):
            raise DictionaryError(where, f"home {row['home']!r} is not a state code")
        if row["sector"] and (kind != "armed_group" or row["sector"] != "MIL"):
            raise DictionaryError(where, f"sector {row['sector']!r}: only an armed group may be MIL")
        lat, lon = point if point else (None, None)
        country = row["seat_country"] or row["home"]
        infos[code] = ActorInfo(code, row["name"], kind, lat, lon, row["seat"], country, row["home"], row["sector"])
        for text in dict.fromkeys([row["name"], *split_names(row["aliases"])]):
            names.append(ActorEntry(text, code, kind))
    return names, infos


def load_people(folder: Path, known_codes: set[str]) -> list[ActorEntry]:
    names: list[ActorEntry] = []
    for where, row in read_rows(folder / "people.csv", ["name", "aliases", "code", "role", "sector", "valid_from", "valid_to"]):
        if row["code"] not in known_codes:
            raise DictionaryError(where, f"code {row['code']!r} is not a state or organisation")
        start, end = parse_year(where, row["valid_from"]), parse_year(where, row["valid_to"])
        if start and end and start > end:
            raise DictionaryError(where, f"valid_from {start} is after valid_to {end}")
        for text in dict.fromkeys([row["name"], *split_names(row["aliases"])]):
            names.append(ActorEntry(text, row["code"], "person", row["sector"], start, end, row["role"]))
    return names


def load_metonyms(folder: Path, known_codes: set[str]) -> list[ActorEntry]:
    names = []
    for where, row in read_rows(folder / "metonyms.csv", ["text", "code", "sector"]):
        if row["code"] not in known_codes:
            raise DictionaryError(where, f"code {row['code']!r} is not a state or organisation")
        names.append(ActorEntry(row["text"], row["code"], "metonym", row["sector"]))
    return names


def load_cues(path: Path) -> list[CueRule]:
    cues = []
    allowed = set(CATEGORIES) | {"NONE"}
    columns = ["category", "pattern", "pos", "source", "recipient", "needs", "governs", "mode", "context"]
    for where, row in read_rows(path, columns):
        check_choice(where, "category", row["category"], allowed)
        if not row["pattern"] or row["pattern"].startswith("*") or row["pattern"].endswith("*"):
            raise DictionaryError(where, "pattern must start and end with a word")
        check_choice(where, "pos", row["pos"], CUE_POS)
        check_choice(where, "source", row["source"], CUE_SOURCES)
        check_choice(where, "needs", row["needs"], CUE_NEEDS)
        check_choice(where, "governs", row["governs"], CUE_GOVERNS)
        recipients = tuple(split_names(row["recipient"]))
        for spec in recipients:
            if spec not in CUE_ARGUMENTS and not re.fullmatch(r"[a-z]+", spec):
                raise DictionaryError(where, f"recipient {spec!r} is not obj, iobj, comp or a preposition")
        cues.append(
            CueRule(
                row["category"],
                row["pattern"],
                row["pos"],
                row["source"],
                recipients,
                row["needs"],
                row["governs"],
                row["mode"],
                row["context"],
                where,
            )
        )
    return cues


def load_facilities(path: Path, known_codes: set[str]) -> list[Facility]:
    places = []
    for where, row in read_rows(path, ["name", "aliases", "kind", "country", "near", "lat", "lon", "source"]):
        kind = check_choice(where, "kind", row["kind"], PLACE_KINDS)
        if row["country"] and row["country"] not in known_codes:
            raise DictionaryError(where, f"country {row['country']!r} is not a state code")
        lat, lon = parse_coordinate(where, row["lat"], 90), parse_coordinate(where, row["lon"], 180)
        if lat is None or lon is None:
            raise DictionaryError(where, "lat and lon are required")
        if not row["source"]:
            raise DictionaryError(where, "say where the coordinates come from (source)")
        places.append(
            Facility(row["name"], tuple(split_names(row["aliases"])), kind, row["country"], row["near"], lat, lon, row["source"])
        )
    return places


def load_boilerplate(path: Path) -> list[BoilerplateRule]:
    rules = []
    for where, row in read_rows(path, ["pattern", "action"]):
        try:
            pattern = re.compile(row["pattern"])
        except re.error as error:
            raise DictionaryError(where, f"bad regular expression: {error}") from None
        rules.append(BoilerplateRule(pattern, check_choice(where, "action", row["action"], BOILERPLATE_ACTIONS)))
    return rules


def add_centres(infos: dict[str, ActorInfo], path: Path) -> None:
    """Each listed state's centre (see scripts/make_country_shapes.py)."""
    for where, row in read_rows(path, ["code", "lat", "lon"]):
        code = check_code(where, row["code"])
        lat, lon = parse_coordinate(where, row["lat"], 90), parse_coordinate(where, row["lon"], 180)
        if code not in infos or lat is None or lon is None:
            raise DictionaryError(where, f"a centre needs a known state and coordinates: {code!r}")
        infos[code] = replace(infos[code], centre=(lat, lon))


def add_parts(infos: dict[str, ActorInfo], path: Path) -> None:
    """Each listed state's parts: north, south-east ... (see scripts/make_country_shapes.py)."""
    parts: dict[str, list[tuple[str, float, float]]] = {}
    for where, row in read_rows(path, ["code", "part", "lat", "lon"]):
        code = check_code(where, row["code"])
        part = check_choice(where, "part", row["part"], COUNTRY_PARTS)
        lat, lon = parse_coordinate(where, row["lat"], 90), parse_coordinate(where, row["lon"], 180)
        if code not in infos or lat is None or lon is None:
            raise DictionaryError(where, f"a part needs a known state and coordinates: {code!r}")
        parts.setdefault(code, []).append((part, lat, lon))
    for code, points in parts.items():
        infos[code] = replace(infos[code], parts=tuple(points))


def load_dictionaries(data_dir: Path, seats: Callable[[str, str], tuple[float, float] | None]) -> Dictionaries:
    """Read every dictionary file under data_dir; seats(city, country) locates organisations."""
    actors_dir = data_dir / "actors"
    state_names, infos = load_states(actors_dir)
    add_centres(infos, data_dir / "places" / "country_centres.csv")
    add_parts(infos, data_dir / "places" / "country_parts.csv")
    org_names, org_infos = load_organisations(actors_dir, seats)
    infos.update(org_infos)
    codes = set(infos)
    names = state_names + org_names + load_people(actors_dir, codes) + load_metonyms(actors_dir, codes)
    anaphors = [
        Anaphor(row["text"], check_choice(where, "refers_to", row["refers_to"], ANAPHOR_KINDS))
        for where, row in read_rows(actors_dir / "anaphors.csv", ["text", "refers_to"])
    ]
    collectives = {
        row["noun"].lower(): check_choice(where, "kind", row["kind"], COLLECTIVE_KINDS)
        for where, row in read_rows(actors_dir / "collectives.csv", ["noun", "kind"])
    }
    roles = []
    for where, row in read_rows(actors_dir / "roles.csv", ["lemma", "sector", "personnel"]):
        personnel = check_choice(where, "personnel", row["personnel"], {"yes", "no"}) == "yes"
        roles.append(Role(row["lemma"], row["sector"], personnel))
    modifiers = [
        Modifier(check_choice(where, "kind", row["kind"], MODIFIER_KINDS), row["lemma"].lower())
        for where, row in read_rows(data_dir / "modifiers.csv", ["kind", "lemma"])
    ]
    return Dictionaries(
        actor_names=tuple(names),
        actors=infos,
        not_actors=tuple(row["text"] for _, row in read_rows(actors_dir / "not_actors.csv", ["text"])),
        anaphors=tuple(anaphors),
        collectives=collectives,
        roles=tuple(roles),
        cues=tuple(load_cues(data_dir / "cues.csv")),
        modifiers=tuple(modifiers),
        facilities=tuple(load_facilities(data_dir / "places" / "facilities.csv", codes)),
        boilerplate=tuple(load_boilerplate(data_dir / "boilerplate.csv")),
        blocs=load_blocs(data_dir / "blocs.csv", codes),
    )


def load_blocs(path: Path, codes: set[str]) -> dict[str, frozenset[str]]:
    """Who belongs (or belonged) to each bloc: "the three Sahel states" are three of the AES."""
    members: dict[str, set[str]] = {}
    for where, row in read_rows(path, ["bloc", "member"]):
        for column in ("bloc", "member"):
            if row[column] not in codes:
                raise DictionaryError(where, f"unknown actor code {row[column]!r} in column {column}")
        members.setdefault(row["bloc"], set()).add(row["member"])
    return {bloc: frozenset(states) for bloc, states in members.items()}


@lru_cache(maxsize=4)
def cached_dictionaries(data_dir: Path) -> Dictionaries:
    from geopol.gazetteer import seat_coordinates

    return load_dictionaries(data_dir, seat_coordinates)
