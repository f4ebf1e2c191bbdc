"""Corroboration: the same event reported by several articles is one event with every source;
different events stay apart."""

from __future__ import annotations

from datetime import date

from geopol.records import Article
from tests.coding import run_articles


def article(article_id: str, text: str, published: date | None) -> Article:
    return Article(article_id, f"{article_id}.txt", text, published=published, published_precision="day" if published else "")


def clusters_of(events, category: str) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for event in events:
        if event.category == category:
            found.setdefault(event.event_id, set()).add(event.article_id)
    return found


def test_same_call_in_three_articles_is_one_event_with_three_sources():
    articles = [
        article("a", "Senegal's president spoke by phone with Emmanuel Macron on Monday.", date(2024, 6, 4)),
        article("b", "President Faye held phone talks with Macron on Monday, his office said.", date(2024, 6, 5)),
        article("c", "Faye and Macron discussed the French bases over the phone on June 3.", date(2024, 6, 6)),
    ]
    _, events = run_articles(articles)
    (sources,) = clusters_of(events, "CONSULT").values()
    assert sources == {"a", "b", "c"}
    assert {e.date.value for e in events if e.category == "CONSULT" and e.date} == {date(2024, 6, 3)}


def test_events_months_apart_stay_apart():
    articles = [
        article("a", "Mali expelled the French ambassador on Monday.", date(2022, 2, 1)),
        article("b", "Mali expelled the French ambassador on Monday.", date(2022, 9, 6)),
    ]
    _, events = run_articles(articles)
    assert len(clusters_of(events, "SANCTION")) == 2


def test_direction_matters_for_hostile_events():
    articles = [
        article("a", "Algeria recalled its ambassador from Mali on Tuesday.", date(2024, 1, 24)),
        article("b", "Mali recalled its ambassador from Algeria on Tuesday.", date(2024, 1, 24)),
    ]
    _, events = run_articles(articles)
    assert len(clusters_of(events, "SANCTION")) == 2


def test_undated_article_joins_the_one_matching_visit_and_takes_its_month():
    articles = [
        article("dated", "In May, Burkina Faso's prime minister visited Moscow for talks.", date(2024, 6, 20)),
        article("undated", "The Burkinabe prime minister's visit to Moscow drew criticism in Paris.", None),
    ]
    updated, events = run_articles(articles)
    (sources,) = [s for s in clusters_of(events, "CONSULT").values() if "dated" in s]
    assert sources == {"dated", "undated"}
    undated = next(a for a in updated if a.article_id == "undated")
    assert (undated.published, undated.published_precision, undated.published_method) == (date(2024, 5, 1), "month", "inferred")
