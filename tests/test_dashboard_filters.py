"""Filters: each clause's SQL selects what its words say, the URL form round-trips, and a
hostile query string is read without harm."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from dashboard import aggregates, data, queries
from dashboard.filters import Contains, DateRange, Filters, Pair
from tests.dashboard_fixtures import event_ids, hostile_store, query, shipped_store, synthetic_store


@pytest.fixture(scope="module")
def shipped() -> data.View:
    return data.View(data.load_store(shipped_store(), data.load_countries()))


def found(view: data.View, f: Filters) -> set[str]:
    sql, params = queries.filtered(view, f)
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


def test_filters_describe_themselves_in_words_not_codes() -> None:
    names = {"RUS": "Russia", "NER": "Niger"}
    f = Filters(actors=("RUS",), countries=("NER",), quads=("verbal_coop",))
    assert f.describe(names) == (
        "events where the source is Russia (RUS) and the place is in Niger (NER) and the quad class is verbal cooperation"
    )


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


def naive_count(view: data.View, f: Filters) -> int:
    where, params = f.where()
    return int(view.scalar(f"SELECT count(DISTINCT event_id) FROM v_events WHERE {where}", params) or 0)


def naive_pairs(view: data.View, f: Filters) -> dict[tuple[str, str], int]:
    where, params = f.where()
    rows = view.frame(
        f"""SELECT least(actor_code, recipient_code) a, greatest(actor_code, recipient_code) b, count(DISTINCT event_id) n
        FROM v_events WHERE {where} AND actor_code <> '' AND recipient_code <> '' AND actor_code <> recipient_code
        GROUP BY 1, 2""",
        params,
    )
    return {(r.a, r.b): int(r.n) for r in rows.itertuples(index=False)}


FILTER_CASES = [
    Filters(),
    Filters(actors=("NER",)),
    Filters(recipients=("ECOWAS", "NER")),
    Filters(categories=("SANCTION",), undated=False),
    Filters(text="niger"),
    Filters(outlets=("Wire A",)),
    Filters(min_sources=2, start=date(2023, 9, 1)),
    Filters().narrowed(Pair("MLI", "NER")),
]


@pytest.mark.parametrize("f", FILTER_CASES, ids=lambda f: f.describe())
@pytest.mark.parametrize("store", [shipped_store, synthetic_store], ids=["shipped", "synthetic"])
def test_counts_without_distinct_equal_counts_with_it(store, f: Filters) -> None:
    """An event with several actor pairs is counted once, on the map once per pair, whatever
    the filters keep of it (the first-row shortcut and the DISTINCT path agree)."""
    view = data.View(data.load_store(store(), data.load_countries()))
    assert queries.count_events(view, f) == naive_count(view, f)
    pairs = aggregates.dyads(aggregates.pair_months(view, f))
    assert {(r.a, r.b): int(r.events) for r in pairs.itertuples(index=False)} == naive_pairs(view, f)
    page, total = queries.event_page(view, f, 1, 500)
    assert total == naive_count(view, f) and page["event_id"].is_unique and len(page) == min(total, 500)


def test_the_headline_of_a_month_counts_what_was_known_by_then(shipped: data.View) -> None:
    figures = queries.month_figures(shipped, Filters())
    for month in queries.months(figures):
        end = (pd.Timestamp(month) + pd.offsets.MonthEnd(0)).date()
        head = queries.headline(figures, month)
        dated = f"date <= DATE '{end}' AND date_precision <> 'year'"
        assert head.events == len(event_ids(shipped_store(), dated))
        articles = query(
            shipped_store(),
            f"SELECT count(DISTINCT article_id) FROM event_sources WHERE event_id IN (SELECT event_id FROM events WHERE {dated})",
        )
        assert head.articles == articles[0][0]
    everything = queries.headline(figures)
    assert everything.events == len(event_ids(shipped_store()))
