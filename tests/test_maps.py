"""Map builders, rendered: the HTML holds the markers, lines, arrows and country polygons, and
text from articles comes out escaped (shown as text, never run), in popups and tooltips alike."""

from __future__ import annotations

import json
import re

import folium
import pandas as pd
import pytest

from dashboard import aggregates, data, maps, queries
from dashboard.filters import Filters
from geopol.paths import COUNTRIES_GEOJSON
from tests.dashboard_fixtures import shipped_store

HOSTILE = "Talks <script>alert('x')</script> <img src=x onerror=alert(1)> `${alert(2)}` end"


@pytest.fixture(scope="module")
def countries() -> dict:
    return json.loads(COUNTRIES_GEOJSON.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def shipped() -> data.View:
    return data.View(data.load_store(shipped_store(), data.load_countries()))


def render(figure: folium.Map) -> str:
    """The page as the browser gets it, with JSON's \\u003c-style escapes undone: a label's HTML
    travels in JSON, and Leaflet puts it into the page as HTML, so it must be safe decoded."""
    page = figure.get_root().render()
    return re.sub(r"\\u([0-9a-fA-F]{4})", lambda m: chr(int(m.group(1), 16)), page).replace('\\"', '"')


def actors_frame() -> pd.DataFrame:
    return pd.DataFrame(
        [
            ("NER", "Niger", "state", 13.51, 2.11, "Niamey"),
            ("RUS", "Russia", "state", 55.75, 37.62, "Moscow"),
            ("USA", "United States", "state", 38.9, -77.04, "Washington"),
            ("ECOWAS", "Economic Community of West African States", "igo", 9.06, 7.5, "Abuja"),
        ],
        columns=["code", "name", "kind", "lat", "lon", "seat"],
    )


def dyads_frame() -> pd.DataFrame:
    return pd.DataFrame(
        [("NER", "RUS", 6, 30.0, 6, 0), ("NER", "USA", 4, -12.0, 1, 3)],
        columns=["a", "b", "events", "net", "coop", "conflict"],
    )


def latest_frame(sentence: str = "Niger and Russia signed a deal.") -> pd.DataFrame:
    return pd.DataFrame(
        [
            {
                "a": "NER",
                "b": "RUS",
                "event_id": "ev-1",
                "actor_code": "NER",
                "recipient_code": "RUS",
                "date": pd.Timestamp("2024-03-26"),
                "event_type": "COOPERATE",
                "sentence": sentence,
                "source_count": 2,
                "source_url": "javascript:alert(3)",
                "outlet": "Outlet <b>bold</b>",
                "title": "",
            }
        ]
    )


def test_alliance_map_draws_actors_ties_countries_and_a_legend(countries: dict) -> None:
    page = render(maps.alliance_map(actors_frame(), dyads_frame(), latest_frame(), countries, "NER"))
    assert page.count("L.circleMarker(") == 3  # ECOWAS has no tie, so no marker
    assert page.count("L.polyline(") == 2
    assert "NER – RUS: Niger and Russia, 6 events, net score +30.0" in page
    assert "geopol-legend" in page and "mostly cooperation" in page
    assert '"iso_a3": "NER"' in page and "L.geoJson(" in page  # the basemap is the country layer
    assert "tileLayer" not in page  # no tiles: the map must read without a network
    assert "<td>NER – RUS</td><td>6 events</td><td>net +30.0</td>" in page  # a marker's popup lists its ties


def test_ties_are_coloured_by_their_balance(countries: dict) -> None:
    page = render(maps.alliance_map(actors_frame(), dyads_frame(), latest_frame(), countries, "NER"))
    colours = re.findall(r'"color": "(#[0-9a-f]{6})"', page)
    cooperation, conflict = maps.parts.tone(maps.parts.balance(30.0, 6)), maps.parts.tone(maps.parts.balance(-12.0, 4))
    assert cooperation in colours and conflict in colours
    assert cooperation == maps.parts.tone(1.0)  # +5 a event is full cooperation
    red, _, blue = (int(conflict[i : i + 2], 16) for i in (1, 3, 5))
    assert red > blue  # -3 an event leans to conflict


def test_popups_and_tooltips_escape_article_text(countries: dict) -> None:
    page = render(maps.alliance_map(actors_frame(), dyads_frame(), latest_frame(HOSTILE), countries, "NER"))
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page
    assert "<script>alert" not in page and "<img src=x" not in page
    assert "${alert" not in page and "`${" not in page  # popups live in JS template literals
    assert "&#36;&#123;alert(2)&#125;" in page
    assert "javascript:" not in page  # only http(s) addresses become links
    assert "Outlet &lt;b&gt;bold&lt;/b&gt;" in page


def test_parse_dyad_reads_a_clicked_tooltip_back() -> None:
    assert maps.parse_dyad("NER – RUS: Niger and Russia, 6 events") == ("NER", "RUS")
    assert maps.parse_dyad("Niger (NER), Niamey: 12 events") is None
    assert maps.parse_dyad("<b>NER</b> – x") is None
    assert maps.parse_dyad(None) is None


def movement(**changes) -> dict:
    row = {
        "origin": "Niger",
        "destination": "Paris",
        "event_type": "RETREAT",
        "origin_lat": 13.5,
        "origin_lon": 2.1,
        "destination_lat": 48.85,
        "destination_lon": 2.35,
        "events": 1,
        "quantity": 1500.0,
        "quantity_unit": "troops",
        "first": pd.NaT,
        "date": pd.NaT,
        "actors": "FRA → NER",
        "sentence": "France completed the withdrawal of its 1,500 troops.",
        "source_url": "https://example.org/a",
        "outlet": "Wire",
        "title": "t",
        "place_country": "NER",
    }
    return {**row, **changes}


def test_movement_map_draws_arrows_labels_and_bases(countries: dict) -> None:
    routes = pd.DataFrame([movement(), movement(origin="Moscow", destination="Air Base 101", event_type="AID", quantity=None)])
    bases = [
        maps.Base("Air Base 201", 16.93, 8.0, "Agadez", "approximate", "NER"),
        maps.Base("Ouallam base", 14.32, 2.08, labelled=False),
    ]
    page = render(maps.movement_map(routes, bases, countries))
    assert page.count("L.polyline(") == 2  # one shaft per route
    assert page.count("L.polygon(") == 2  # one arrowhead per route
    assert "FRA: 1,500 troops · undated" in page
    assert '"dashArray": "6 6"' in page  # the route without a number is dashed
    assert "Air Base 201 (near Agadez)" in page and ">Air Base 201</div>" in page
    assert "Ouallam base" in page and ">Ouallam base</div>" not in page  # marker without a label
    assert page.count("geopol-base") == 2


def test_arrowheads_point_at_the_destination() -> None:
    points = maps.parts.arc((13.5, 2.1), (48.85, 2.35), bend=0.08)
    tip, left, right, base = maps.parts.arrowhead(points, size=1.0)
    assert tip == points[-1]
    assert left[0] < tip[0] and right[0] < tip[0]  # a northward arrow: the barbs lie south of the tip
    assert base[0] < tip[0]


def test_movement_text_is_escaped(countries: dict) -> None:
    routes = pd.DataFrame([movement(sentence=HOSTILE, actors="<b>FRA</b> → NER", outlet="<i>x</i>")])
    page = render(maps.movement_map(routes, [], countries))
    assert "<script>alert" not in page and "<b>FRA</b>" not in page and "${alert" not in page
    assert "&lt;b&gt;FRA&lt;/b&gt;" in page


def test_shipped_corpus_alliance_map_shows_the_realignment(shipped: data.View, countries: dict) -> None:
    f = Filters()
    dyads = aggregates.dyads(shipped, f)
    pairs = set(zip(dyads["a"], dyads["b"], strict=True))
    assert {("NER", "RUS"), ("NER", "USA"), ("FRA", "NER")} <= pairs
    page = render(maps.alliance_map(queries.actors(shipped), dyads, aggregates.dyad_events(shipped, f), countries, "NER"))
    for tie in ("NER – RUS", "NER – USA", "FRA – NER"):
        assert f"{tie}: " in page
    for capital in ("Niamey", "Moscow", "Washington", "Paris"):
        assert capital in page


def test_shipped_corpus_movement_map_shows_the_french_withdrawal(shipped: data.View, countries: dict) -> None:
    f = Filters()
    routes = aggregates.routes(shipped, f)
    french = routes[(routes["event_type"] == "RETREAT") & (routes["actors"].str.contains("FRA → NER"))]
    assert list(french["quantity"]) == [1500.0]
    assert "Air Base 201" in queries.place_names(shipped, f)
    bases = [maps.Base("Air Base 201", 16.93, 8.0, "Agadez")]
    page = render(maps.movement_map(routes, bases, countries))
    assert "1,500 troops" in page and ">Air Base 201</div>" in page
