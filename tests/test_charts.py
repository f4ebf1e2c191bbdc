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


def dyad_frame() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "dyad": ["NER–RUS", "NER–RUS", "NER–USA", "NER–USA"],
            "month": pd.to_datetime(["2024-01-01", "2024-03-01", "2024-03-01", "2024-05-01"]),
            "events": [1, 2, 2, 3],
            "alignment": [4.0, 13.0, -4.0, -15.0],
            "cumulative": [4.0, 17.0, -4.0, -19.0],
        }
    )


def test_dyad_chart_lines_up_running_alignment_and_lets_a_click_pick_a_pair() -> None:
    chart = charts.dyad_chart(dyad_frame())
    found = params(chart)
    assert found["dyad"]["select"] == {"type": "point", "fields": ["dyad"], "on": "click", "nearest": True}
    assert found["dyad"]["bind"] == "legend"  # the legend picks too, but a click on the chart is enough
    assert "cumulative" in chart.to_json()


def colours(chart) -> dict[str, str]:
    scale = spec(chart)["layer"][1]["encoding"]["color"]["scale"]
    return dict(zip(scale["domain"], scale["range"], strict=True))


def test_a_pair_keeps_its_colour_whatever_is_selected() -> None:
    pairs = ["BFA–NER", "FRA–NER", "NER–RUS", "NER–USA"]
    everything = colours(charts.dyad_chart(dyad_frame(), pairs))
    only_russia = colours(charts.dyad_chart(dyad_frame()[dyad_frame()["dyad"] == "NER–RUS"], pairs))
    assert everything["NER–RUS"] == only_russia["NER–RUS"] and everything["NER–USA"] == only_russia["NER–USA"]


def timeline_colours(view: data.View, f: Filters) -> dict[str, str]:
    """The running-alignment chart's colours as the timeline draws them under filters f."""
    months = aggregates.pair_months(view, f)
    busiest = aggregates.busiest_pairs(months, 10)
    whole = charts.pair_colours(aggregates.ranked_pairs(aggregates.pair_months(view, Filters())))
    chart = charts.dyad_chart(aggregates.dyad_months(months, busiest), busiest, whole)
    return colours(chart)


def test_a_pair_keeps_its_colour_whatever_the_sidebar_filters(shipped: data.View) -> None:
    russia = Filters(actors=("RUS",))
    whole = aggregates.busiest_pairs(aggregates.pair_months(shipped, Filters()), 10)
    assert aggregates.busiest_pairs(aggregates.pair_months(shipped, russia), 10) != whole  # the filter recounts them
    assert timeline_colours(shipped, russia)["NER–RUS"] == timeline_colours(shipped, Filters())["NER–RUS"]
    assert len(set(timeline_colours(shipped, Filters()).values())) == len(whole)  # the busiest pairs stay apart


def test_charts_keep_their_plot_height_beside_legends_and_titles() -> None:
    for chart in (charts.quad_chart(monthly()), charts.dyad_chart(dyad_frame()), charts.category_chart(monthly())):
        assert spec(chart)["autosize"] == {"type": "fit-x", "contains": "padding"}  # the height is the plot's
    assert spec(charts.quad_chart(monthly()))["height"] >= 200
    one_category = monthly()[monthly()["event_type"] == "AID"]
    assert spec(charts.category_chart(one_category))["height"] == {"step": charts.ROW_HEIGHT}  # a row keeps its height


def test_a_period_from_the_address_bar_is_drawn_as_the_brush() -> None:
    chart = charts.quad_chart(monthly(), (date(2023, 10, 1), date(2024, 3, 31)))
    value = params(chart)["period"]["value"]["x"]
    assert value[0] == {"year": 2023, "month": 10, "date": 1} and value[1] == {"year": 2024, "month": 3, "date": 31}


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
    months = aggregates.pair_months(shipped, Filters())
    series = aggregates.dyad_months(months, aggregates.busiest_pairs(months, 12))
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
