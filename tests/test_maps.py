"""Map builders, rendered: the HTML holds the markers, lines, arrows and country polygons, the
labels and arrowheads are sized in pixels, blocs, armed groups, capitals and events as points
are drawn, and text from articles comes out escaped (shown as text, never run), in popups and
tooltips alike."""

from __future__ import annotations

import json
import re

import folium
import pandas as pd
import pytest

from dashboard import aggregates, alignment, alliance_parts, data, maplabels, maps, queries
from dashboard.filters import DateRange, Filters
from dashboard.movement_map import Base, movement_map
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


def drawn(figure: folium.Map, kind: str) -> list[dict]:
    """The items a map's bulk layers of one kind draw (line, circle, icon), read from the page."""
    page = figure.get_root().render()
    marker = {"line": "L.polyline(item.points", "circle": "L.circleMarker(item.at", "icon": "L.divIcon("}[kind]
    found, decoder, position = [], json.JSONDecoder(), 0
    while (start := page.find(marker, position)) >= 0:
        array = page.index(", [", page.index("})(", start)) + 2
        items, position = decoder.raw_decode(page, array)
        found += items
    return found


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
        [("NER", "RUS", 6, 30.0, 30.0, 6, 0), ("NER", "USA", 4, -12.0, -2.0, 1, 3)],
        columns=["a", "b", "events", "alignment", "net", "coop", "conflict"],
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


def focus(code: str = "NER", **more) -> maps.Layers:
    return maps.Layers(focus=code, **more)


def test_alliance_map_draws_actors_ties_countries_and_a_legend(countries: dict) -> None:
    figure = maps.alliance_map(actors_frame(), dyads_frame(), latest_frame(), countries, focus())
    page = render(figure)
    assert len(drawn(figure, "circle")) == 3  # ECOWAS has no tie, so no marker
    assert {c["style"].get("className") for c in drawn(figure, "circle")} == {"geopol-mark"}  # labels keep clear of them
    assert len(drawn(figure, "line")) == 2
    assert "NER – RUS: Niger and Russia, 6 events, alignment +30.0: alignment (PLOVER: 6 cooperative" in page
    assert "NER – USA: Niger and United States, 4 events, alignment -12.0: rupture" in page
    assert "geopol-legend" in page and "rupture (withdrawals" in page
    assert '"iso_a3":"NER"' in page and "L.geoJson(" in page  # the basemap is the country layer
    assert "tileLayer" not in page  # no tiles: the map must read without a network
    assert "<td>NER – RUS</td><td>6 events</td><td>alignment +30.0</td>" in page  # a marker's popup lists its ties


def test_the_legend_rows_travel_with_the_layers_and_follow_the_focus_and_layers(countries: dict) -> None:
    base = maps.alliance_drawing(actors_frame(), dyads_frame(), latest_frame(), countries, focus()).base
    blocs = {"AES": ["NER"]}
    niger = maps.alliance_drawing(actors_frame(), dyads_frame(), latest_frame(), countries, focus(blocs=blocs), base)
    russia = maps.alliance_drawing(actors_frame(), dyads_frame(), latest_frame(), countries, focus("RUS"), base)

    def rows(drawing: maps.Drawing) -> str:  # what the layers write into the legend kept in the base
        return "".join(r.rows for g in drawing.layers for r in g._children.values() if isinstance(r, maplabels.LegendRows))

    assert "Niger; countries shaded" in rows(niger) and "AES members" in rows(niger)
    assert "Russia; countries shaded" in rows(russia) and "Niger;" not in rows(russia) and "members" not in rows(russia)
    assert "geopol-legend-rows" in render(russia.combined())  # the box the rows are written into


def test_ties_are_coloured_by_their_alignment_not_by_plover(countries: dict) -> None:
    colours = [
        line["style"]["color"]
        for line in drawn(maps.alliance_map(actors_frame(), dyads_frame(), latest_frame(), countries, focus()), "line")
    ]
    aligned, broken = maps.parts.tone(alignment.balance(30.0, 6)), maps.parts.tone(alignment.balance(-12.0, 4))
    assert aligned in colours and broken in colours
    assert aligned == maps.parts.tone(1.0)  # +5 an event is full alignment
    red, _, blue = (int(broken[i : i + 2], 16) for i in (1, 3, 5))
    assert red > blue  # -3 an event leans to rupture, whatever PLOVER's net (-2.0 here)


def test_popups_and_tooltips_escape_article_text(countries: dict) -> None:
    page = render(maps.alliance_map(actors_frame(), dyads_frame(), latest_frame(HOSTILE), countries, focus()))
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
        Base("Air Base 201", 16.93, 8.0, "Agadez", "approximate", "NER"),
        Base("Ouallam base", 14.32, 2.08, labelled=False),
    ]
    figure = movement_map(routes, bases, countries)
    page = render(figure)
    assert len(drawn(figure, "line")) == 2  # one shaft per route
    assert [i["className"] for i in drawn(figure, "icon")].count("geopol-arrowhead") == 2  # one arrowhead per route
    assert "FRA: 1,500 troops · undated" in page
    assert [line["style"].get("dashArray") for line in drawn(figure, "line")] == [None, "6 6"]  # no number: dashed
    assert "Air Base 201 (near Agadez)" in page and ">Air Base 201</span>" in page
    assert "Ouallam base" in page and ">Ouallam base</span>" not in page  # marker without a label
    assert [i["className"] for i in drawn(figure, "icon")].count("geopol-base") == 2


def arrowhead_sizes(figure: folium.Map) -> set[tuple[int, int]]:
    return {tuple(i["size"]) for i in drawn(figure, "icon") if i["className"] == "geopol-arrowhead"}


def test_arrowheads_are_sized_in_pixels_whatever_the_distance(countries: dict) -> None:
    near = movement(destination="Air Base 101", destination_lat=13.48, destination_lon=2.18, quantity=100.0)
    far = movement(destination="Paris", quantity=100.0)
    sizes = arrowhead_sizes(movement_map(pd.DataFrame([near, far]), [], countries))
    assert len(sizes) == 1 and max(next(iter(sizes))) <= 30  # the same head in pixels: 80 km or 4,000 km of route
    assert "L.polygon(" not in render(movement_map(pd.DataFrame([near]), [], countries))  # no triangle in degrees


def test_arrowheads_point_along_the_line_on_screen() -> None:
    north = maps.parts.arc((13.5, 2.1), (48.85, 2.1), bend=0.0)
    east = maps.parts.arc((13.5, 2.1), (13.5, 40.0), bend=0.0)
    assert maplabels.screen_angle(north[-2], north[-1]) == pytest.approx(-90, abs=1)  # up the screen
    assert maplabels.screen_angle(east[-2], east[-1]) == pytest.approx(0, abs=1)


def test_labels_are_placed_in_the_browser_so_they_do_not_collide(countries: dict) -> None:
    page = render(maps.alliance_map(actors_frame(), dyads_frame(), latest_frame(), countries, focus()))
    assert "function declutter()" in page and "overlaps(box, other)" in page
    labels = re.findall(r'<span class="geopol-label[^"]*" data-side="(\w+)" data-priority="(\d+)">([^<]*)</span>', page)
    priorities = {text: int(priority) for _, priority, text in labels}
    assert priorities["Niger"] > priorities["Russia"]  # the focus keeps its place first
    assert '<details class="geopol-legend" open>' in page  # a legend that folds (folded on a phone)


def test_the_map_opens_on_the_sahel_and_labels_the_mission_capitals(countries: dict) -> None:
    capitals = [maps.Capital("NER", "Niamey", 13.51, 2.11), maps.Capital("BFA", "Ouagadougou", 12.37, -1.53)]
    page = render(maps.alliance_map(actors_frame(), dyads_frame(), latest_frame(), countries, focus(capitals=capitals)))
    assert "Niger · Niamey" in page  # an actor at its capital says which city it is
    assert ">Ouagadougou</span>" in page  # a capital without an actor gets a dot and a label
    bounds = re.search(r"fitBounds\(\s*(\[\[.*?\]\])", page, re.S).group(1)
    assert json.loads(bounds) == [[4.0, -18.0], [25.0, 25.0]]
    everywhere = render(maps.alliance_map(actors_frame(), dyads_frame(), latest_frame(), countries, focus(around="ties")))
    assert json.loads(re.search(r"fitBounds\(\s*(\[\[.*?\]\])", everywhere, re.S).group(1))[1][0] > 50  # up to Moscow


def test_blocs_armed_groups_and_events_as_points_are_drawn(countries: dict) -> None:
    actors = pd.concat(
        [
            actors_frame(),
            pd.DataFrame(
                [("JNIM", "Jama'at Nusrat al-Islam wal-Muslimin", "armed_group", 14.5, -4.2, "")], columns=actors_frame().columns
            ),
        ]
    )
    dyads = pd.concat([dyads_frame(), pd.DataFrame([("JNIM", "NER", 3, -27.0, -27.9, 0, 3)], columns=dyads_frame().columns)])
    points = pd.DataFrame(
        [
            ("Niamey", 13.5, 2.1, "city", 5, 10.0, "CONSULT", "A visit.", pd.Timestamp("2024-01-01")),
            ("Niger", 13.51, 2.11, "country", 2, -4.0, "DEMAND", "A demand <b>x</b>.", pd.Timestamp("2024-02-01")),
        ],
        columns=["place", "lat", "lon", "geo_precision", "events", "alignment", "event_type", "sentence", "last"],
    )
    layers = focus(
        blocs={"AES": ("BFA", "MLI", "NER"), "ECOWAS": ("NGA", "SEN")},
        bloc_names={"AES": "Alliance of Sahel States (AES)"},
        points=points,
    )
    page = render(maps.alliance_map(actors, dyads, latest_frame(), countries, layers))
    assert "geopol-armed" in page and "armed group" in page  # JNIM is a diamond, and the legend says so
    looks = maps.country_looks({}, {"NER": "Niger"}, layers)
    assert looks["MLI"]["outline"] == alliance_parts.BLOC_STYLES["AES"][0]  # a member of both: the AES outline on top
    assert looks["NGA"]["dash"] == alliance_parts.BLOC_STYLES["ECOWAS"][1]
    assert looks["NER"]["note"] == "Niger: the focus of the shading; member of AES"
    assert "layer.setStyle(" in page and '"outline": "#7b3294"' in page  # the basemap restyled in place, no shapes sent
    assert "Alliance of Sahel States (AES) members" in page and "ECOWAS members" in page
    assert "Niamey: 5 events; latest CONSULT" in page
    assert "Niger (the country: placed at its capital): 2 events" in page and "&lt;b&gt;x&lt;/b&gt;" in page


def test_movement_text_is_escaped(countries: dict) -> None:
    routes = pd.DataFrame([movement(sentence=HOSTILE, actors="<b>FRA</b> → NER", outlet="<i>x</i>")])
    page = render(movement_map(routes, [], countries))
    assert "<script>alert" not in page and "<b>FRA</b>" not in page and "${alert" not in page
    assert "&lt;b&gt;FRA&lt;/b&gt;" in page


def test_shipped_corpus_alliance_map_shows_the_realignment(shipped: data.View, countries: dict) -> None:
    f = Filters()
    dyads = aggregates.dyads(aggregates.pair_months(shipped, f))
    pairs = set(zip(dyads["a"], dyads["b"], strict=True))
    assert {("NER", "RUS"), ("NER", "USA"), ("FRA", "NER")} <= pairs
    page = render(maps.alliance_map(queries.actors(shipped), dyads, aggregates.dyad_events(shipped, f), countries, focus()))
    for tie in ("NER – RUS", "NER – USA", "FRA – NER"):
        assert f"{tie}: " in page
    for capital in ("Niamey", "Moscow", "Washington", "Paris"):
        assert capital in page


def test_at_december_2023_france_and_niger_read_as_rupture(shipped: data.View, countries: dict) -> None:
    """France withdrawing at Niger's demand: PLOVER scores the withdrawal as cooperation, the alignment does not."""
    weights = alignment.load_weights()
    assert alignment.weight_of(weights, "RETREAT", "withdraw") < 0  # PLOVER: RETREAT is material cooperation, +7.6
    until = Filters().narrowed(DateRange(None, pd.Timestamp("2023-12-31").date(), undated=False))
    dyads = aggregates.dyads(aggregates.pair_months(shipped, until))
    tie = dyads[(dyads["a"] == "FRA") & (dyads["b"] == "NER")].iloc[0]
    assert alignment.reading(alignment.balance(tie["alignment"], tie["events"])) == "rupture"
    page = render(maps.alliance_map(queries.actors(shipped), dyads, aggregates.dyad_events(shipped, until), countries, focus()))
    assert re.search(r"FRA – NER: France and Niger, \d+ events, alignment -\d+\.\d: rupture", page)
    assert "France: rupture with Niger" in page  # France's shading


def test_shipped_corpus_movement_map_shows_the_french_withdrawal(shipped: data.View, countries: dict) -> None:
    f = Filters()
    routes = aggregates.routes(shipped, f)
    french = routes[(routes["event_type"] == "RETREAT") & (routes["actors"].str.contains("FRA → NER"))]
    assert list(french["quantity"]) == [1500.0]
    assert "Air Base 201" in queries.place_names(shipped, f)
    page = render(movement_map(routes, [Base("Air Base 201", 16.93, 8.0, "Agadez")], countries))
    assert "1,500 troops · 2023-12" in page and ">Air Base 201</span>" in page
