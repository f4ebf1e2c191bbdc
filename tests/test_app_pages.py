"""The pages' own controls, headless (AppTest): the replay keeps the headline, the focus and the
ties in step with the month and blames no filter nobody set; "What changed" finds the moves,
new actors and surges and opens their evidence; the timeline reads its period and pair from the
address bar; the glossary lists every category; hostile text stays text on the new pages."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from tests.dashboard_fixtures import APP, event_ids, hostile_store, query, shipped_store


@pytest.fixture
def shipped(monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("GEOPOL_STORE", str(shipped_store()))
    monkeypatch.setenv("GEOPOL_AUTOBUILD", "0")
    return shipped_store()


def app(query_params: dict | None = None, page: str | None = None) -> AppTest:
    at = AppTest.from_file(str(APP), default_timeout=90)
    at.query_params.update(query_params or {})
    at.run()
    return at.switch_page(page).run() if page else at


def no_errors(at: AppTest) -> None:
    assert not at.exception, [e.value for e in at.exception]
    assert not at.error, [e.value for e in at.error]


def figures(at: AppTest) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def table(at: AppTest, key: str):
    return next(d for d in at.dataframe if d.key == key).value


def test_the_headline_follows_the_replay_month(shipped: Path) -> None:
    at = app()
    at.select_slider(key="alliance_month").set_value(date(2023, 12, 1)).run()
    no_errors(at)
    shown = figures(at)
    assert shown["Events"] == str(len(event_ids(shipped, "date <= DATE '2023-12-31'")))
    assert shown["Dates"] == "Jul 2023 – Dec 2023"
    reported = "event_id IN (SELECT event_id FROM events WHERE date <= '2023-12-31')"
    articles = query(shipped, f"SELECT count(DISTINCT article_id) FROM event_sources WHERE {reported}")
    assert shown["Articles"] == str(articles[0][0])


def test_at_december_2023_the_ties_table_reads_france_and_niger_as_rupture(shipped: Path) -> None:
    at = app()
    at.select_slider(key="alliance_month").set_value(date(2023, 12, 1)).run()
    ties = next(d.value for d in at.dataframe if "reads" in d.value.columns)
    france = ties[ties["pair"] == "FRA – NER"].iloc[0]
    assert france["reads"] == "rupture" and france["alignment"] < 0


def test_the_focus_keeps_its_value_through_the_replay(shipped: Path) -> None:
    at = app()
    at.selectbox(key="alliance_focus").set_value("FRA").run()
    at.select_slider(key="alliance_month").set_value(date(2023, 12, 1)).run()
    assert at.selectbox(key="alliance_focus").value == "FRA"
    at.select_slider(key="alliance_month").set_value(date(2024, 5, 1)).run()
    assert at.selectbox(key="alliance_focus").value == "FRA"


def test_an_empty_month_says_so_without_blaming_filters(shipped: Path) -> None:
    at = app()
    at.select_slider(key="alliance_month").set_value(date(2023, 7, 1)).run()
    notes = [i.value for i in at.info]
    assert any("yet by the end of July 2023" in n for n in notes)
    assert not any("filters" in n for n in notes)
    filtered = app({"actor": "NER"})
    filtered.select_slider(key="alliance_month").set_value(date(2023, 7, 1)).run()
    assert any("match the filters" in i.value for i in filtered.info)  # a filter that is set is named


def test_the_play_button_starts_from_the_first_month(shipped: Path) -> None:
    at = app()
    at.button(key="alliance_play").click().run()
    no_errors(at)
    assert at.session_state["alliance_playing"] is True
    assert at.select_slider(key="alliance_month").value == date(2023, 7, 1)
    at.button(key="alliance_play").click().run()
    assert at.session_state["alliance_playing"] is False


def test_what_changed_finds_moved_ties_new_actors_and_surges(shipped: Path) -> None:
    at = app({"months": "3", "until": "2024-03"}, "views/changes.py")
    no_errors(at)
    assert at.select_slider(key="changes_until").value == date(2024, 3, 1)
    moved = table(at, "changes_pairs")
    assert list(moved["change"].abs()) == sorted(moved["change"].abs(), reverse=True)  # the largest moves first
    usa = moved[moved["pair"] == "NER – USA"].iloc[0]  # Niger and the United States fall out
    assert usa["change"] < 0 and usa["reads now"] == "rupture"
    assert "USA · United States" in set(table(at, "changes_actors")["actor"])  # first seen in March 2024
    surges = table(at, "changes_surges")
    assert "NER – USA" in set(surges["what"])


def test_a_row_of_what_changed_opens_its_evidence(shipped: Path) -> None:
    at = app({"months": "3", "until": "2024-03"}, "views/changes.py")
    row = list(table(at, "changes_pairs")["pair"]).index("NER – USA")
    at.session_state["changes_pairs"] = {"selection": {"rows": [row], "columns": [], "cells": []}}
    at.run()
    no_errors(at)
    evidence = table(at, "changes_pair_events")
    both_ways = (
        "((actor_code = 'NER' AND recipient_code = 'USA') OR (actor_code = 'USA' AND recipient_code = 'NER'))"
        " AND date BETWEEN '2023-10-01' AND '2024-03-31'"
    )
    assert set(evidence["event_id"]) == event_ids(shipped, both_ways)


def test_the_timeline_reads_its_period_and_pair_from_the_address_bar(shipped: Path) -> None:
    at = app({"period": "2023-12..2024-03", "pair": "NER-RUS"}, "views/timeline.py")
    no_errors(at)
    assert at.selectbox(key="timeline_pair").value == "NER–RUS"
    shown = " ".join(c.value for c in at.caption).replace("\\", "")
    assert "dated 2023-12-01 to 2024-03-31" in shown and "between Niger (NER) and Russia (RUS)" in shown
    expected = event_ids(
        shipped,
        "date BETWEEN '2023-12-01' AND '2024-03-31' AND "
        "((actor_code = 'NER' AND recipient_code = 'RUS') OR (actor_code = 'RUS' AND recipient_code = 'NER'))",
    )
    assert set(table(at, "timeline_events")["event_id"]) == expected
    assert at.query_params.get("period") == "2023-12..2024-03"


def test_the_glossary_lists_every_category_with_its_alignment(shipped: Path) -> None:
    at = app(page="views/glossary.py")
    no_errors(at)
    categories = at.dataframe[0].value
    assert len(categories) == 19
    retreat = categories[categories["category"] == "RETREAT"].iloc[0]
    assert retreat["quad class"] == "material cooperation" and "−6 withdraw" in retreat["alignment"]


@pytest.mark.parametrize("page", ["views/changes.py", "views/glossary.py", "views/alliances.py"])
def test_hostile_text_stays_text_on_the_new_pages(monkeypatch: pytest.MonkeyPatch, page: str) -> None:
    monkeypatch.setenv("GEOPOL_STORE", str(hostile_store()))
    monkeypatch.setenv("GEOPOL_AUTOBUILD", "0")
    at = app(page=page)
    no_errors(at)
    shown = [m.value for m in (*at.markdown, *at.caption)]
    assert not any("<script" in m.replace("\\<", "") for m in shown)
