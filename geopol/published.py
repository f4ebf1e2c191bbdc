"""Publication dates after coding: an event's date read against its article's publication
date, and the month of an undated article inferred from the events it shares.

Reads coded, corroborated events and their articles; adds publication months, events re-dated
against them, and corroborates again. Works on a whole corpus or on part of its clusters.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from datetime import date

from geopol import dates
from geopol.corroborate import corroborate
from geopol.dates import PartialDate
from geopol.records import Article, Event


def reference_date(article: Article) -> PartialDate | None:
    if article.published is None:
        return None
    return PartialDate(article.published, article.published_precision or "day")


def redate(event: Event, ref: PartialDate | None) -> Event:
    clause = (event.clause_start, event.clause_end)
    when, words = dates.event_date(event.sentence, clause, event.date_spans, ref, future=event.tense == "future")
    return replace(event, date=when, date_text=words)


def infer_publication(articles: list[Article], events: list[Event]) -> tuple[list[Article], list[Event]]:
    """An article without a date was published after the latest dated event it shares with
    other articles, or failing that after the latest date it writes out. Give it that month,
    re-read its relative dates, and corroborate again."""
    undated = {a.article_id for a in articles if a.published is None}
    changed = publication_months(articles, undated, shared_dates(events, undated))
    if not changed:
        return articles, events
    return [dated(a, changed) for a in articles], corroborate(redated(events, changed))


def shared_dates(events: list[Event], undated: set[str]) -> dict[str, date]:
    """For each undated article, the latest text date of an event it shares with a dated article.
    events: corroborated, whole clusters (any subset of the clusters gives its part)."""
    by_cluster: dict[str, list[Event]] = {}
    for event in events:
        by_cluster.setdefault(event.event_id, []).append(event)
    latest: dict[str, date] = {}
    for members in by_cluster.values():
        dated_by = {e.article_id for e in members if e.article_id not in undated}
        when = members[0].date
        if when is None or when.basis != "text" or not dated_by:
            continue
        for member in members:
            if member.article_id in undated:
                latest[member.article_id] = max(latest.get(member.article_id, when.value), when.value)
    return latest


def publication_months(
    articles: Iterable[Article], undated: set[str], latest: dict[str, date]
) -> dict[str, tuple[PartialDate, str]]:
    """The month each undated article was published in and how it was found: after the events
    it shares (latest), else after the latest date its text writes out."""
    methods = dict.fromkeys(latest, "inferred")
    found = dict(latest)
    for article in articles:
        if article.article_id in undated and article.article_id not in found:
            written = dates.latest_absolute(article.text)
            if written is not None:
                found[article.article_id], methods[article.article_id] = written, "latest date in text"
    return {article_id: (PartialDate(day.replace(day=1), "month"), methods[article_id]) for article_id, day in found.items()}


def dated(article: Article, changed: dict[str, tuple[PartialDate, str]]) -> Article:
    if article.article_id not in changed:
        return article
    month, method = changed[article.article_id]
    return replace(article, published=month.value, published_precision="month", published_method=method)


def redated(events: list[Event], changed: dict[str, tuple[PartialDate, str]]) -> list[Event]:
    """The events, those of articles given a publication month re-read against it."""
    return [redate(e, changed[e.article_id][0]) if e.article_id in changed else e for e in events]
