"""Chart builders, rendered to Vega-Lite: the right marks, data and named selections, and the
selection state Streamlit hands back read as a period and a pair."""

from __future__ import annotations

import json
from datetime import date

import pandas as pd
import pytest

from dashboard import aggregates, charts, data
from dashboard.filters import Filters
from tests.dashboard_fixtures import shipped_store


def monthly() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "month": pd.to_datetime(["2023-07-01", "2023-10-01", "2024-03-01", "2024-03-01"]),
            "quad_class": ["material_conflict", "verbal_coop", "material_coop", "verbal_conflict"],
            "event_type": ["COERCE", "CONSULT", "AID", "SANCTION"],
            "events": [1, 2, 3, 4],
        }
    )


def spec(chart) -> dict:
    return json.loads(chart.to_json())


def params(chart) -> dict[str, dict]:
    found = {}

    def walk(node):
        if isinstance(node, dict):
            for p in node.get("params", []):
                found[p["name"]] = p
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(spec(chart))
    return found


def test_quad_chart_stacks_classes_and_offers_a_period_brush() -> None:
    chart = charts.quad_chart(monthly())
    found = params(chart)
    assert found["period"]["select"] == {"type": "interval", "encodings": ["x"]}
    text = chart.to_json()
    assert '"mark": {"type": "bar"}' in text or '"type": "bar"' in text
    assert "material cooperation" in text and "verbal conflict" in text
    assert "Coup in Niger" in text  # July 2023 lies inside the charted months


def test_the_coup_is_marked_only_inside_the_charted_months() -> None:
    later = monthly()[monthly()["month"] >= "2024-01-01"]
    assert "Coup in Niger" not in charts.quad_chart(later).to_json()


def test_category_chart_reads_from_cooperation_down_to_conflict() -> None:
    encoding = spec(charts.category_chart(monthly()))["encoding"]
    assert encoding["y"]["sort"] == ["AID", "CONSULT", "SANCTION", "COERCE"]


def test_dyad_chart_lines_up_running_scores_and_lets_a_pair_be_picked() -> None:
    frame = pd.DataFrame(
        {
            "dyad": ["NER–RUS", "NER–RUS", "NER–USA", "NER–USA"],
            "month": pd.to_datetime(["2024-01-01", "2024-03-01", "2024-03-01", "2024-05-01"]),
            "events": [1, 2, 2, 3],
            "net": [4.2, 13.6, -2.4, -15.6],
            "cumulative": [4.2, 17.8, -2.4, -18.0],
        }
    )
    chart = charts.dyad_chart(frame)
    found = params(chart)
    assert found["dyad"]["select"] == {"type": "point", "fields": ["dyad"]}
    assert found["dyad"]["bind"] == "legend"
    assert "cumulative" in chart.to_json()


def test_selection_state_reads_back_as_a_period_and_a_pair() -> None:
    start, end = pd.Timestamp("2023-10-12").value // 10**6, pd.Timestamp("2024-03-02").value // 10**6
    assert charts.selected_period({"period": {"yearmonth_month": [start, end]}}) == (date(2023, 10, 1), date(2024, 3, 31))
    assert charts.selected_period({"period": {}}) is None
    assert charts.selected_period(None) is None
    assert charts.selected_dyad({"dyad": [{"dyad": "NER–RUS"}]}) == "NER–RUS"
    assert charts.selected_dyad({"dyad": []}) is None


@pytest.fixture(scope="module")
def shipped() -> data.View:
    return data.View(data.load_store(shipped_store(), data.load_countries()))


def final(series: pd.DataFrame, dyad: str) -> float:
    rows = series[series["dyad"] == dyad].sort_values("month")
    return float(rows["cumulative"].iloc[-1])


def test_shipped_corpus_ties_with_russia_warm_and_with_the_west_cool(shipped: data.View) -> None:
    series = aggregates.dyad_months(shipped, Filters(), top=12)
    assert final(series, "NER–RUS") > 0
    assert final(series, "NER–USA") < 0
    assert final(series, "FRA–NER") < 0
    assert "NER–RUS" in charts.dyad_chart(series).to_json()


def test_year_only_dates_stay_off_the_monthly_charts(shipped: data.View) -> None:
    months = set(aggregates.monthly(shipped, Filters())["month"])
    with shipped.cursor() as cur:
        year_only = cur.execute("SELECT count(*) FROM v_events WHERE date_precision = 'year' AND month IS NOT NULL").fetchall()
    assert year_only[0][0] == 0
    assert all(pd.Timestamp(m).day == 1 for m in months)
