"""What an analyst's review form means: the corrected columns of an event, without Streamlit.

Reads the event's row (as the coder made it) and what the analyst typed; adds the columns a
correction sets (a category brings its quad class and score, an actor code its name, a place
its position) and the access rule: reviewing is on only where the operator set a password.
"""

from __future__ import annotations

import hmac
import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date

from geopol.records import CATEGORIES, category_score, quad_class

PASSWORD_VARIABLE = "GEOPOL_REVIEW_PASSWORD"
PASSWORD_SECRET = "review_password"
PRECISIONS = ("day", "month", "year")


def review_password(secrets: Mapping[str, object] | None = None) -> str:
    """The password that turns reviewing on: the environment variable, else the Streamlit
    secret; "" (reviewing off, the app read-only) when neither is set."""
    found = os.environ.get(PASSWORD_VARIABLE, "")
    if not found and secrets is not None:
        found = str(secrets.get(PASSWORD_SECRET) or "")
    return found.strip()


def password_matches(given: str, expected: str) -> bool:
    return bool(expected) and hmac.compare_digest(given.encode("utf-8"), expected.encode("utf-8"))


@dataclass(frozen=True)
class Correction:
    """The analyst's values for an event, as typed."""

    category: str
    actor_code: str
    recipient_code: str
    day: date | None
    precision: str
    place: str
    quantity: int | None


@dataclass(frozen=True)
class PlaceFound:
    name: str
    lat: float
    lon: float
    precision: str  # facility | city | country
    country: str


def day_of(value: date | None, precision: str) -> date | None:
    """A date as precise as the analyst says: the first of its month, or of its year."""
    if value is None:
        return None
    if precision == "month":
        return value.replace(day=1)
    if precision == "year":
        return value.replace(month=1, day=1)
    return value


def wanted_values(
    correction: Correction, names: Mapping[str, str], place: Callable[[str], PlaceFound | None]
) -> dict[str, object]:
    """Every column the form sets, from what the analyst typed (codes upper-cased)."""
    if correction.category not in CATEGORIES:
        raise ValueError(f"unknown category {correction.category!r}")
    source, target = correction.actor_code.strip().upper(), correction.recipient_code.strip().upper()
    values: dict[str, object] = {
        "event_type": correction.category,
        "quad_class": quad_class(correction.category),
        "score": category_score(correction.category),
        "actor_code": source,
        "actor": names.get(source, source) if source else "",
        "recipient_code": target,
        "recipient": names.get(target, target) if target else "",
        "date": day_of(correction.day, correction.precision),
        "date_precision": correction.precision if correction.day else "",
        "quantity": correction.quantity,
    }
    name = correction.place.strip()
    found = place(name) if name else None
    if name and found is None:
        raise ValueError(f"no place called {name!r}: give a city, a base of data/places/facilities.csv or a country")
    values.update(place_values(found))
    return values


def place_values(found: PlaceFound | None) -> dict[str, object]:
    if found is None:
        return {"place": "", "lat": None, "lon": None, "geo_precision": "", "place_country": ""}
    return {
        "place": found.name,
        "lat": found.lat,
        "lon": found.lon,
        "geo_precision": found.precision,
        "place_country": found.country,
    }


GROUPS = {  # a form field -> the columns it sets
    "event_type": ("event_type", "quad_class", "score"),
    "actor_code": ("actor_code", "actor"),
    "recipient_code": ("recipient_code", "recipient"),
    "date": ("date", "date_precision"),
    "place": ("place", "lat", "lon", "geo_precision", "place_country"),
    "quantity": ("quantity",),
}


def changed_values(coder_row: Mapping[str, object], wanted: Mapping[str, object]) -> dict[str, object]:
    """The columns of the fields the analyst changed from the coder's values (a field left as
    the coder had it is no correction, so the review measures the coder fairly)."""
    changed: dict[str, object] = {}
    for field, columns in GROUPS.items():
        mine, theirs = wanted.get(field), coder_row.get(field)
        if field == "date":
            same = (mine, wanted.get("date_precision") or "") == (theirs, coder_row.get("date_precision") or "")
        elif field == "place":
            same = str(mine or "").casefold() == str(theirs or "").casefold()
        else:
            same = (mine or None) == (theirs or None)
        if not same:
            changed.update({c: wanted.get(c) for c in columns})
    return changed


def added_values(wanted: Mapping[str, object]) -> dict[str, object]:
    """An added event's columns: every field the analyst filled in."""
    return {k: v for k, v in wanted.items() if v not in (None, "")}
