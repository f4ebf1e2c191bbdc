"""Helpers shared by the coder tests: code inline text the way the pipeline does."""

from __future__ import annotations

from datetime import date
from functools import lru_cache

from geopol.pipeline import Coder, infer_publication
from geopol.published import reference_date
from geopol.records import Article, Event


@lru_cache(maxsize=1)
def coder() -> Coder:
    return Coder()


def code_text(text: str, published: date | None = date(2024, 5, 15), article_id: str = "t") -> list[Event]:
    """Events of one inline article, dated against `published`."""
    article = Article(article_id, f"{article_id}.txt", text, published=published, published_precision="day" if published else "")
    assert reference_date(article) is None or reference_date(article).value == published  # type: ignore[union-attr]
    return coder().code([article])


def dyads(events: list[Event]) -> set[tuple[str, str, str]]:
    """(category, source codes, recipient codes) of each event, codes joined with '+'."""
    return {
        (e.category, "+".join(sorted(a.code for a in e.sources)), "+".join(sorted(a.code for a in e.recipients))) for e in events
    }


def run_articles(articles: list[Article]) -> tuple[list[Article], list[Event]]:
    from geopol.corroborate import corroborate

    events = corroborate(coder().code(articles))
    return infer_publication(articles, events)
