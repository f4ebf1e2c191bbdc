"""The shipped corpus yields the events the product is about, each pinned by category, dyad,
date, place and source article, and nothing from the page furniture of the scraped seed."""

from __future__ import annotations

import math
from datetime import date

import pytest

from geopol import pipeline
from geopol.exports import event_rows
from geopol.paths import CORPUS_DIR
from geopol.records import Event

NIAMEY = (13.51, 2.11)
AGADEZ = (16.97, 7.99)


@pytest.fixture(scope="module")
def corpus() -> tuple[dict, list[Event], list[dict]]:
    articles, events, problems = pipeline.run([CORPUS_DIR])
    assert problems == []
    by_id = {a.article_id: a for a in articles}
    return by_id, events, event_rows(events, by_id)


def km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance between two (lat, lon) points."""
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371 * math.asin(math.sqrt(h))


def find(events: list[Event], category: str, sources: set[str], recipients: set[str] | None = None) -> list[list[Event]]:
    """Clusters (all reports of one event) whose representative has this category and dyad."""
    clusters: dict[str, list[Event]] = {}
    for event in events:
        clusters.setdefault(event.event_id, []).append(event)
    found = []
    for members in clusters.values():
        e = members[0]
        actors = {a.code for a in e.sources} | ({a.code for a in e.recipients} if recipients is None else set())
        if e.category == category and sources <= actors and (recipients is None or recipients <= {a.code for a in e.recipients}):
            found.append(members)
    return found


def articles_of(members: list[Event]) -> set[str]:
    return {e.article_id for e in members}


def test_tiani_putin_call_is_one_event_with_three_sources(corpus):
    _, events, _ = corpus
    calls = [m for m in find(events, "CONSULT", {"NER", "RUS"}) if m[0].mode == "phone"]
    assert len(calls) == 1
    call = calls[0]
    assert call[0].date is not None and call[0].date.value == date(2024, 3, 26) and call[0].date.precision == "day"
    assert {"000", "001", "003"} <= articles_of(call)
    assert call[0].place is not None and call[0].place.country == "NER"


def test_niger_ends_us_military_agreement_in_march_2024(corpus):
    _, events, _ = corpus
    ended = [m for m in find(events, "SANCTION", {"NER"}, {"USA"}) if "000" in articles_of(m)]
    assert ended, "the termination of the agreement with the US is coded"
    event = ended[0][0]
    assert event.date is not None and (event.date.value.year, event.date.value.month) == (2024, 3)
    assert event.place is not None and event.place.country == "NER"


def test_france_withdraws_1500_troops_from_niger(corpus):
    _, events, _ = corpus
    (withdrawal,) = find(events, "RETREAT", {"FRA"}, {"NER"})
    event = withdrawal[0]
    assert event.quantity == 1500 and event.quantity_unit == "troops"
    assert event.origin is not None and event.origin.country == "NER"
    assert event.destination is not None and event.destination.name == "Paris"
    assert articles_of(withdrawal) == {"002"}
    assert event.date is not None and (event.date.value.year, event.date.value.month) == (2023, 12)


def test_russian_advisers_arrive_in_niamey_in_april_2024(corpus):
    _, events, _ = corpus
    (arrival,) = find(events, "AID", {"RUS"}, {"NER"})
    event = arrival[0]
    assert event.quantity == 100 and event.quantity_unit == "advisers"
    assert event.date is not None and event.date.value == date(2024, 4, 10)
    assert event.destination is not None and km((event.destination.lat, event.destination.lon), NIAMEY) < 25
    assert event.origin is not None and event.origin.name == "Moscow"
    assert articles_of(arrival) == {"004"}


def test_yevkurov_delegation_in_niamey_and_signed_documents_december_2023(corpus):
    _, events, _ = corpus
    visits = find(events, "CONSULT", {"RUS"}, {"NER"})
    (visit,) = [m for m in visits if m[0].mode == "visit" and "002" in articles_of(m)]
    assert {"002", "003"} <= articles_of(visit)
    assert visit[0].date is not None and (visit[0].date.value.year, visit[0].date.value.month) == (2023, 12)
    assert visit[0].place is not None and visit[0].place.name == "Niamey"
    (signed,) = [m for m in find(events, "COOPERATE", {"NER", "RUS"}) if "002" in articles_of(m)]
    assert signed[0].mode == "sign" and signed[0].context == "military"
    assert signed[0].date is not None and (signed[0].date.value.year, signed[0].date.value.month) == (2023, 12)


@pytest.mark.parametrize(("host", "capital"), [("RUS", "Moscow"), ("IRN", "Tehran")])
def test_zeine_visits_moscow_and_tehran_in_january_2024(corpus, host, capital):
    _, events, _ = corpus
    visits = [m for m in find(events, "CONSULT", {"NER"}, {host}) if m[0].mode == "visit"]
    january = [m for m in visits if m[0].date is not None and m[0].date.value == date(2024, 1, 1)]
    assert january, f"a visit to {capital} in January 2024"
    assert january[0][0].place is not None and january[0][0].place.name == capital


def test_burkina_faso_and_niger_leave_g5_sahel_in_december_2023(corpus):
    _, events, _ = corpus
    (left,) = find(events, "SANCTION", {"BFA", "NER"}, {"G5S"})
    assert left[0].date is not None and (left[0].date.value.year, left[0].date.value.month) == (2023, 12)
    assert articles_of(left) == {"002"}


def test_three_states_leave_ecowas_in_january_2024(corpus):
    _, events, _ = corpus
    (left,) = find(events, "SANCTION", {"NER", "MLI", "BFA"}, {"ECOWAS"})
    assert left[0].date is not None and left[0].date.value == date(2024, 1, 1) and left[0].date.precision == "month"
    assert articles_of(left) == {"003"}


def test_us_agrees_to_withdraw_its_forces_in_april_2024(corpus):
    _, events, _ = corpus
    (agreed,) = find(events, "CONCEDE", {"USA"}, {"NER"})
    assert agreed[0].mode == "withdraw"
    assert agreed[0].date is not None and agreed[0].date.value == date(2024, 4, 1)
    assert articles_of(agreed) == {"004"}


def test_air_base_201_is_placed_near_agadez(corpus):
    _, events, _ = corpus
    at_base = [e for e in events if e.place is not None and e.place.name == "Air Base 201"]
    assert at_base
    assert all(km((e.place.lat, e.place.lon), AGADEZ) < 20 for e in at_base if e.place)


def test_publication_dates_and_how_they_were_obtained(corpus):
    articles, _, _ = corpus
    assert (articles["003"].published, articles["003"].published_method) == (date(2024, 3, 27), "manifest")
    assert (articles["004"].published, articles["004"].published_method) == (date(2024, 5, 15), "dateline")
    assert articles["002"].published_method == "inferred" and articles["002"].published == date(2023, 12, 1)
    assert articles["001"].url.startswith("https://medafricatimes.com/")


BOILERPLATE_WORDS = (
    "Tinubu",
    "Denmark",
    "Opposition Group",
    "Armed Groups",
    "Zijin",
    "Touadera",
    "Rivers United",
    "Eid",
    "Khalid",
)


def test_nothing_comes_from_site_furniture(corpus):
    articles, events, _ = corpus
    assert not any(word in e.sentence for e in events for word in BOILERPLATE_WORDS)
    assert "Related posts" not in articles["003"].text and "POPULAR NEWS" not in articles["003"].text
    assert {"COD", "DNK", "MAR", "NGA"}.isdisjoint({a.code for e in events for a in e.sources + e.recipients})


def test_rows_carry_their_sources(corpus):
    _, _, rows = corpus
    for row in rows:
        assert row["sentence"] and row["article_ids"] and row["source_count"] == len(str(row["article_ids"]).split(";"))


def test_the_coup_against_an_ally_of_paris_is_not_an_act_against_france(corpus):
    _, events, _ = corpus
    assert not find(events, "COERCE", {"NER"}, {"FRA"})
