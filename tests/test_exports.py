"""Exports: the extract columns, GeoJSON points and movement lines in [lon, lat] order,
PLOVER-style records."""

from __future__ import annotations

from datetime import date

from geopol.exports import COLUMNS, event_rows, to_csv, to_geojson, to_plover
from geopol.records import Article
from tests.coding import run_articles


def rows_of(text: str) -> list[dict]:
    articles, events = run_articles(
        [Article("a", "a.txt", text, url="https://example.org/a", published=date(2024, 5, 2), published_precision="day")]
    )
    return event_rows(events, {a.article_id: a for a in articles}, per_report=True)


def test_csv_has_the_contract_columns_in_order():
    header = to_csv(rows_of("Russia sent 200 military instructors to Mali on April 30.")).splitlines()[0]
    assert header.split(",") == list(COLUMNS)


def test_movement_is_a_line_from_origin_to_destination_and_the_event_a_point():
    rows = rows_of("Russia sent 200 military instructors to Mali on April 30.")
    features = to_geojson(rows)["features"]
    kinds = {f["properties"]["kind"]: f["geometry"] for f in features}
    moscow_lon_lat = [37.61781, 55.75204]
    assert kinds["movement"]["type"] == "LineString" and kinds["movement"]["coordinates"][0] == moscow_lon_lat
    assert kinds["event"]["type"] == "Point"


def test_plover_record_lists_every_pair_of_a_compound_event():
    rows = rows_of("Mali, Burkina Faso and Niger left ECOWAS on January 28.")
    (record,) = to_plover(rows)
    assert record["event_type"] == "SANCTION" and record["date"] == "2024-01-28"
    assert [p["source"]["code"] for p in record["actors"]] == ["MLI", "BFA", "NER"]
    assert {p["target"]["code"] for p in record["actors"]} == {"ECOWAS"}
    assert record["source_url"] == "https://example.org/a"


def test_carriage_return_inside_a_cell_cannot_start_a_new_row():
    import csv
    import io

    text = to_csv([{"sentence": "Niger\r=1+1", "actor": "x"}], ["actor", "sentence"])
    assert list(csv.reader(io.StringIO(text, newline=""))) == [["actor", "sentence"], ["x", "Niger\r=1+1"]]
