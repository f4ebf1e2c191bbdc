"""A synthetic event store for load tests and app tests: many events, known values, hostile text.

Writes through geopol.store.save, the same code path as a real build, so the tables have the
real schema. States sit at their capitals, blocs at their seats, armed groups where they act
(lat, lon in EPSG:4326); every event is reported by one to three articles; a few are troop
movements with a route and a quantity, some are dated to the month only, some have no
recipient (one-sided) and some have two (one event, two actor pairs).

    python -m dashboard.synthetic 100000 bench/synthetic.duckdb
"""

from __future__ import annotations

import random
import sys
from datetime import date, timedelta
from pathlib import Path

from geopol.dictionaries import ActorInfo
from geopol.records import CATEGORIES, Actor, Article, DateRef, Event, Place
from geopol.store import save

ACTORS = {
    "NER": ("Niger", 13.51366, 2.1098, "Niamey"),
    "RUS": ("Russia", 55.75204, 37.61781, "Moscow"),
    "USA": ("United States", 38.89511, -77.03637, "Washington"),
    "FRA": ("France", 48.85341, 2.3488, "Paris"),
    "IRN": ("Iran", 35.69439, 51.42151, "Tehran"),
    "MLI": ("Mali", 12.60915, -7.97522, "Bamako"),
    "BFA": ("Burkina Faso", 12.36566, -1.53388, "Ouagadougou"),
    "TCD": ("Chad", 12.10672, 15.0444, "N'Djamena"),
    "ECOWAS": ("Economic Community of West African States", 9.05785, 7.49508, "Abuja"),
    "AES": ("Alliance of Sahel States", 12.60915, -7.97522, "Bamako"),
    "WAGNER": ("Wagner Group / Africa Corps", 12.60915, -7.97522, "Bamako"),
    "JNIM": ("Jama'at Nusrat al-Islam wal-Muslimin", 14.4843, -4.18296, ""),  # no seat: placed where it acts (Mopti)
    "ISSP": ("Islamic State Sahel Province", 15.9167, 2.4, ""),  # Menaka
}
KINDS = {"ECOWAS": "igo", "AES": "igo", "WAGNER": "armed_group", "JNIM": "armed_group", "ISSP": "armed_group"}
COUNTRY = {"ECOWAS": "NGA", "AES": "MLI", "WAGNER": "MLI", "JNIM": "MLI", "ISSP": "MLI"}  # where a non-state actor's place lies
HOSTILE = "<script>alert('x')</script> <img src=x onerror=alert(1)> `${alert(2)}` **bold** [click](javascript:alert(3)) $x^2$"
START = date(2023, 7, 1)


def actor_infos() -> dict[str, ActorInfo]:
    """The actors as the dictionaries give them: armed groups without a seat have no position."""
    return {
        code: ActorInfo(code, name, KINDS.get(code, "state"), lat if seat else None, lon if seat else None, seat)
        for code, (name, lat, lon, seat) in ACTORS.items()
    }


def place(code: str) -> Place:
    name, lat, lon, seat = ACTORS[code]
    return Place(seat or f"near {name}", lat, lon, "city", COUNTRY.get(code, code))


def sentence_for(i: int, category: str, source: str, target: str, hostile: bool) -> str:
    extra = f" {HOSTILE}" if hostile else ""
    return f"Report {i}: {ACTORS[source][0]} and {ACTORS[target][0]} {category.lower()} event number {i}.{extra}"


def make(
    n_events: int, n_articles: int | None = None, seed: int = 7, hostile_every: int = 0
) -> tuple[list[Article], list[Event]]:
    """n_events events over about n_events / 4 articles; every hostile_every-th sentence (if >0)
    carries script tags, Markdown and a formula."""
    rng = random.Random(seed)
    n_articles = n_articles or max(1, n_events // 4)
    codes = list(ACTORS)
    categories = list(CATEGORIES)
    sentences: dict[int, list[tuple[str, int]]] = {a: [] for a in range(n_articles)}
    plans = []
    for i in range(n_events):
        source, target = rng.sample(codes, 2)
        category = "RETREAT" if i % 97 == 0 else rng.choice(categories)
        hostile = hostile_every > 0 and i % hostile_every == 0
        when = START + timedelta(days=rng.randrange(0, 540))
        reports = rng.sample(range(n_articles), k=min(n_articles, 1 + (i % 7 == 0) + (i % 13 == 0)))
        text = sentence_for(i, category, source, target, hostile)
        plans.append((i, source, target, category, when, reports, text))
        for a in reports:
            sentences[a].append((text, i))
    texts, offsets = {}, {}
    for a, items in sentences.items():
        parts: list[str] = []
        position = 0
        for text, i in items:
            offsets[(a, i)] = (position, len(parts))
            parts.append(text)
            position += len(text) + 2
        texts[a] = "\n\n".join(parts) or "An article without events."
    articles = [
        Article(
            article_id=f"syn-{a:06d}",
            file=f"syn-{a:06d}.txt",
            text=texts[a],
            title=(f"Synthetic article {a} " + (HOSTILE if hostile_every and a == 0 else "")).strip(),
            outlet=["Wire A", "Wire B", '=HYPERLINK("http://x")' if hostile_every else "Wire C"][a % 3],
            url=f"https://example.org/article/{a}" if a % 2 == 0 else "javascript:alert(1)",
            published=START + timedelta(days=a % 540),
            published_precision="day",
            published_method="manifest",
        )
        for a in range(n_articles)
    ]
    events = []
    for i, source, target, category, when, reports, text in plans:
        for a in reports:
            start, index = offsets[(a, i)]
            cue = text.index(category.lower())
            moving = category == "RETREAT"
            events.append(
                Event(
                    article_id=f"syn-{a:06d}",
                    sentence_index=index,
                    sentence=text,
                    sentence_start=start,
                    cue_start=cue,
                    cue_end=cue + len(category),
                    clause_start=0,
                    clause_end=len(text),
                    category=category,
                    sources=(actor(source),),
                    recipients=recipients(i, source, target),
                    mode="withdraw" if moving else "",
                    quantity=100 * (1 + i % 15) if moving else None,
                    quantity_unit="troops" if moving else "",
                    date=DateRef(when.replace(day=1), "month", f"{when:%B %Y}")
                    if i % 5 == 3
                    else DateRef(when, "day", when.isoformat()),
                    place=place(target),
                    origin=place(target) if moving else None,
                    destination=place(source) if moving else None,
                    event_id=f"ev-syn{i:08d}",
                )
            )
    return articles, events


def actor(code: str) -> Actor:
    return Actor(ACTORS[code][0], code, "GOV" if code not in KINDS else "", KINDS.get(code, "state"))


def recipients(i: int, source: str, target: str) -> tuple[Actor, ...]:
    """Every 11th event names no recipient; every 17th names two (one event, two pairs)."""
    if i % 11 == 5:
        return ()
    if i % 17 == 4:
        other = next(c for c in ("NER", "MLI", "BFA") if c not in (source, target))
        return (actor(target), actor(other))
    return (actor(target),)


def write(path: Path, n_events: int, hostile_every: int = 0, seed: int = 7) -> Path:
    articles, events = make(n_events, seed=seed, hostile_every=hostile_every)
    path.parent.mkdir(parents=True, exist_ok=True)
    save(path, articles, events, actor_infos(), [])
    return path


if __name__ == "__main__":
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    target = Path(sys.argv[2]) if len(sys.argv) > 2 else Path("bench") / "synthetic.duckdb"
    print(f"wrote {write(target, count)} with {count} events")
