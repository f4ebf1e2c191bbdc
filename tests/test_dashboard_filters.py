"""Filters: each clause's SQL selects what its words say, the URL form round-trips, and a
hostile query string is read without harm."""

from __future__ import annotations

from datetime import date

import pytest

from dashboard import data, queries
from dashboard.filters import Contains, DateRange, Filters, Pair
from tests.dashboard_fixtures import event_ids, hostile_store, shipped_store


@pytest.fixture(scope="module")
def shipped() -> data.View:
    return data.View(data.load_store(shipped_store(), data.load_countries()))


def found(view: data.View, f: Filters) -> set[str]:
    sql, params = queries.filtered(f)
    return set(view.frame(f"SELECT DISTINCT event_id FROM ({sql})", params)["event_id"])


def test_filters_describe_themselves() -> None:
    f = Filters(actors=("RUS",), start=date(2023, 7, 1), min_sources=2)
    assert (
        f.describe()
        == "events where the source is RUS, dated from 2023-07-01 (undated events kept), reported by at least 2 articles"
    )
    assert Filters().describe() == "all events"
    assert Filters(undated=False).describe() == "events with a known date"
    assert Filters().narrowed(Pair("NER", "RUS")).describe() == "events between NER and RUS"


def test_the_url_form_round_trips() -> None:
    f = Filters(
        start=date(2023, 7, 1),
        end=date(2024, 5, 31),
        undated=False,
        actors=("RUS", "IRN"),
        categories=("AID",),
        outlets=("AAN TV",),
        min_sources=2,
        text="Air Base 201",
    )
    query = {k: v if isinstance(v, list) else [v] for k, v in f.to_query().items()}
    assert Filters.from_query(query) == f
    assert Filters().to_query() == {}


def test_a_hostile_query_string_is_read_without_harm() -> None:
    f = Filters.from_query({"from": ["2023-13-45"], "sources": ["-3"], "q": ["x" * 5000], "actor": ["' OR 1=1 --"] * 3})
    assert f.start is None and f.min_sources == 1 and len(f.text) == 200
    assert f.actors == ("' OR 1=1 --",)  # kept as a value: it reaches SQL as a bound parameter only
    sql, params = f.where()
    assert "OR 1=1" not in sql and "' OR 1=1 --" in params


def test_each_clause_selects_what_it_says(shipped: data.View) -> None:
    store = shipped_store()
    assert found(shipped, Filters(actors=("RUS",))) == event_ids(store, "actor_code = 'RUS'")
    assert found(shipped, Filters(recipients=("USA",), quads=("verbal_conflict",))) == event_ids(
        store, "recipient_code = 'USA' AND quad_class = 'verbal_conflict'"
    )
    assert found(shipped, Filters(places=("Air Base 201",))) == event_ids(store, "place = 'Air Base 201'")
    assert found(shipped, Filters(min_sources=2)) == event_ids(store, "source_count >= 2")
    assert found(shipped, Filters(outlets=("AAN TV",))) == {
        r
        for r in event_ids(store)
        if r in event_ids(store, "event_id IN (SELECT event_id FROM event_sources WHERE outlet = 'AAN TV')")
    }


def test_dates_keep_or_drop_undated_events(shipped: data.View) -> None:
    store = shipped_store()
    start, end = date(2024, 3, 1), date(2024, 3, 31)
    dated = event_ids(store, "date BETWEEN ? AND ?", [start, end])
    undated = event_ids(store, "date IS NULL")
    assert found(shipped, Filters(start=start, end=end, undated=False)) == dated
    assert found(shipped, Filters(start=start, end=end)) == dated | undated
    assert found(shipped, Filters().narrowed(DateRange(None, end, undated=False))) == event_ids(store, "date <= ?", [end])


def test_the_country_filter_uses_where_the_event_happened(shipped: data.View) -> None:
    in_niger = found(shipped, Filters(countries=("NER",)))
    assert in_niger == event_ids(shipped_store(), "place IN ('Niger', 'Niamey', 'Air Base 201', 'Air Base 101', 'Agadez')")


def test_a_pair_matches_both_directions(shipped: data.View) -> None:
    both = event_ids(
        shipped_store(), "(actor_code = 'FRA' AND recipient_code = 'NER') OR (actor_code = 'NER' AND recipient_code = 'FRA')"
    )
    assert both and found(shipped, Filters().narrowed(Pair("NER", "FRA"))) == both


def test_text_search_is_case_blind_and_literal() -> None:
    view = data.View(data.load_store(hostile_store(), data.load_countries()))
    assert found(view, Filters().narrowed(Contains("<SCRIPT>", ("sentence",)))) == event_ids(
        hostile_store(), "strpos(lower(sentence), '<script>') > 0"
    )
    assert found(view, Filters(text="_")) == set()  # no sentence holds an underscore; LIKE would match all


def test_the_events_page_pages_through_every_event(shipped: data.View) -> None:
    seen, total = set(), 0
    for page in range(1, 20):
        frame, total = queries.event_page(shipped, Filters(), page, 10)
        if frame.empty:
            break
        seen |= set(frame["event_id"])
    assert total == len(seen) == len(event_ids(shipped_store()))
