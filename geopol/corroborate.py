"""Corroboration: the same real-world event reported by several articles becomes one event.

Reads coded events from every article; adds an event_id shared by all reports of one event.
Two reports match when they have the same category, the same actors (in either order for
meetings and symmetric events), compatible modes, and dates that can be the same day. A report
with no date at all joins a dated event only when exactly one candidate fits.
"""

from __future__ import annotations

import calendar
import hashlib
from dataclasses import dataclass, field, replace
from datetime import date, timedelta

from geopol.records import Event

PRECISION_RANK = {"day": 0, "month": 1, "year": 2}
REPORT_WINDOW = timedelta(days=31)  # an undated event in the news happened within a month
UNORDERED = frozenset({"CONSULT", "COOPERATE", "AGREE"})
GENERIC_MODES = frozenset({"", "meet"})


@dataclass
class Cluster:
    """Reports of one event; best is the report with the most precise date (text dates
    before publication dates), and interval the days that date allows."""

    key: tuple
    mode: str
    best: Event
    members: list[Event] = field(default_factory=list)
    interval: tuple[date, date] | None = None
    order: int = 0  # clusters are tried in the order they were made

    def add(self, event: Event) -> None:
        self.members.append(event)
        if date_rank(event) < date_rank(self.best):
            self.best = event
            self.interval = interval(event)


def date_rank(event: Event) -> tuple[int, int, int]:
    if event.date is None:
        return (2, 9, 0)
    return (event.date.basis != "text", PRECISION_RANK[event.date.precision], 0)


def interval(event: Event) -> tuple[date, date] | None:
    """The days an event's date allows."""
    ref = event.date
    if ref is None:
        return None
    if ref.precision == "day":
        first, last = ref.value, ref.value
    elif ref.precision == "month":
        first, last = ref.value.replace(day=1), ref.value.replace(day=calendar.monthrange(ref.value.year, ref.value.month)[1])
    else:
        first, last = ref.value.replace(month=1, day=1), ref.value.replace(month=12, day=31)
    if ref.basis == "publication":
        return first - REPORT_WINDOW, last  # reported by then, happened shortly before
    return first, last


def identity(event: Event) -> tuple:
    """Category and actors; a visit has a visitor and a host, a call or a deal has parties."""
    sources = frozenset(a.code for a in event.sources if a.code)
    recipients = frozenset(a.code for a in event.recipients if a.code)
    if not sources or (not recipients and not event.symmetric):
        return (event.category, sources, recipients, event.article_id)  # one side is too little to match other reports
    if event.symmetric or (event.category in UNORDERED and event.mode != "visit"):
        return (event.category, sources | recipients)
    return (event.category, sources, recipients)


def distinctive(event: Event) -> bool:
    """Reports specific enough to be matched without a date: a visit, a call, a movement."""
    return event.mode in ("visit", "phone") or event.quantity is not None or event.category in ("RETREAT", "AID", "MOBILIZE")


def best_fit(fits: list[Cluster], event: Event) -> list[Cluster]:
    """Among fitting clusters, those with the very same mode, if any."""
    same = [c for c in fits if c.mode == event.mode]
    return same or fits


def modes_fit(a: str, b: str) -> bool:
    return a == b or a in GENERIC_MODES or b in GENERIC_MODES


def overlap(a: tuple[date, date] | None, b: tuple[date, date] | None) -> bool:
    return a is not None and b is not None and a[0] <= b[1] and b[0] <= a[1]


def distance(a: tuple[date, date], b: tuple[date, date]) -> int:
    return abs(((a[0] - b[0]) + (a[1] - b[1])).days)


def months(span: tuple[date, date]) -> range:
    """The months a span of days touches, as year * 12 + month."""
    return range(span[0].year * 12 + span[0].month, span[1].year * 12 + span[1].month + 1)


def corroborate(events: list[Event]) -> list[Event]:
    """Every event with its cluster's event_id and the cluster's date."""
    clusters: list[Cluster] = []
    by_key: dict[tuple, list[Cluster]] = {}  # candidates share category and actors
    # ... and, when dated, a month their dates allow. Reports come best dated first, so a
    # cluster's date is its first report's and never changes: the index stays true.
    by_month: dict[tuple, dict[int, list[Cluster]]] = {}

    def start(event: Event) -> None:
        cluster = Cluster(identity(event), event.mode, event, [event], interval(event), len(clusters))
        clusters.append(cluster)
        by_key.setdefault(cluster.key, []).append(cluster)
        if cluster.interval is not None:
            index = by_month.setdefault(cluster.key, {})
            for month in months(cluster.interval):
                index.setdefault(month, []).append(cluster)

    def near(event: Event, span: tuple[date, date]) -> list[Cluster]:
        index = by_month.get(identity(event), {})
        found = {c.order: c for month in months(span) for c in index.get(month, [])}
        return [found[order] for order in sorted(found)]

    dated = sorted((e for e in events if e.date is not None), key=date_rank)
    undated = [e for e in events if e.date is None]
    for event in dated:
        span = interval(event)
        assert span is not None
        fits = [c for c in near(event, span) if modes_fit(c.mode, event.mode) and overlap(c.interval, span)]
        if fits:
            chosen = min(best_fit(fits, event), key=lambda c: distance(c.interval, span))  # type: ignore[arg-type]
            chosen.add(event)
            if chosen.mode in GENERIC_MODES:
                chosen.mode = event.mode
        else:
            start(event)
    for event in undated:
        fits = [
            c
            for c in by_key.get(identity(event), [])
            if distinctive(event)
            and c.interval is not None
            and modes_fit(c.mode, event.mode)
            and event.article_id not in {m.article_id for m in c.members}
        ]
        fits = best_fit(fits, event)
        if len(fits) == 1:
            fits[0].add(event)
        else:
            start(event)
    return [
        replace(member, event_id=cluster_id(cluster), date=cluster.best.date)
        for cluster in clusters
        for member in cluster.members
    ]


def cluster_id(cluster: Cluster) -> str:
    """Stable across builds: category, actors and the best date."""
    best = cluster.best
    when = f"{best.date.value.isoformat()}/{best.date.precision}" if best.date else f"{best.article_id}:{best.sentence_index}"
    sides = [",".join(sorted(side)) for side in cluster.key[1:]]  # order kept: NER->USA is not USA->NER
    key = "|".join([best.category, cluster.mode, *sides, when])
    return "ev-" + hashlib.sha1(key.encode()).hexdigest()[:12]


def group_key(event: Event) -> str:
    """identity() as text. Reports of different groups never corroborate each other, so a
    corpus is corroborated one group at a time."""
    key = identity(event)
    return "|".join([key[0], *(",".join(sorted(side)) for side in key[1:])])
