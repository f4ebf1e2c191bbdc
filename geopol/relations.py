"""Relations: per pair of actors and per month, how many events and how cooperative.

Reads event rows (one per source-recipient pair); adds Relation records with the event count,
the net PLOVER cooperation-conflict score (sum of category scores, FIGHT and CRIME unscored),
counts of cooperative and hostile events, and the ids of the events that are the evidence.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from geopol.records import COOPERATIVE, category_score


@dataclass(frozen=True, slots=True)
class Relation:
    actor_a: str  # the pair in alphabetical order
    actor_b: str
    month: date  # first day of the month
    event_count: int
    net_score: float
    coop_count: int
    conflict_count: int
    event_ids: tuple[str, ...]


def relations(rows: Iterable[dict]) -> list[Relation]:
    """rows: dicts with event_id, event_type, actor_code, recipient_code, date."""
    groups: dict[tuple[str, str, date], dict[str, str]] = {}
    for row in rows:
        a, b, when = row.get("actor_code"), row.get("recipient_code"), row.get("date")
        if not a or not b or a == b or when is None:
            continue
        pair = tuple(sorted((a, b)))
        month = when.replace(day=1)
        groups.setdefault((pair[0], pair[1], month), {})[row["event_id"]] = row["event_type"]
    out = []
    for (a, b, month), events in sorted(groups.items()):
        scores = [category_score(category) for category in events.values()]
        coop = sum(1 for category in events.values() if category in COOPERATIVE)
        out.append(
            Relation(
                a,
                b,
                month,
                len(events),
                round(sum(s for s in scores if s is not None), 2),
                coop,
                len(events) - coop,
                tuple(sorted(events)),
            )
        )
    return out
