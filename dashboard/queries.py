"""The questions the pages ask, as DuckDB queries over one session's View.

Reads filtered events (v_events, one row per event and actor pair) and their reports
(v_event_sources); adds the filter choices, the headline figures, one page of the table, the
rows to export and an article's coded sentences. Paging and counting happen in DuckDB, so a
store of 100,000 events costs a page a hundred rows. (Pairs, routes, months: aggregates.py.)
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pandas as pd

from dashboard.data import View
from dashboard.filters import Filters
from geopol.exports import COLUMNS, EXTRA_COLUMNS

PAIR = "concat(coalesce(nullif(actor_code, ''), '?'), ' → ', coalesce(nullif(recipient_code, ''), '?'))"
# One row per event: the columns every event row of the table, the map and the movements share.
EVENT_GROUP = f"""
    event_id,
    any_value(date) AS date,
    any_value(date_precision) AS date_precision,
    any_value(event_type) AS event_type,
    any_value(quad_class) AS quad_class,
    any_value(mode) AS mode,
    string_agg(DISTINCT {PAIR}, '; ' ORDER BY {PAIR}) AS actors,
    any_value(place) AS place,
    any_value(place_country) AS place_country,
    any_value(quantity) AS quantity,
    any_value(quantity_unit) AS quantity_unit,
    any_value(origin) AS origin,
    any_value(origin_lat) AS origin_lat,
    any_value(origin_lon) AS origin_lon,
    any_value(destination) AS destination,
    any_value(destination_lat) AS destination_lat,
    any_value(destination_lon) AS destination_lon,
    any_value(sentence) AS sentence,
    max(source_count) AS source_count,
    any_value(article_id) AS article_id,
    any_value(source_url) AS source_url,
    any_value(outlet) AS outlet,
    any_value(title) AS title
"""
ORDER = "date DESC NULLS LAST, event_id"
EXPORT_COLUMNS = tuple(
    dict.fromkeys((*COLUMNS, *EXTRA_COLUMNS, "actor_sector", "actor_kind", "recipient_sector", "recipient_kind"))
)


def filtered(f: Filters) -> tuple[str, list[object]]:
    where, params = f.where()
    return f"SELECT * FROM v_events WHERE {where}", params


@dataclass(frozen=True)
class Options:
    """What the filter widgets offer, read from the data."""

    actors: dict[str, str]  # code -> name, every actor on either side
    sources: tuple[str, ...]
    recipients: tuple[str, ...]
    countries: tuple[str, ...]
    categories: tuple[str, ...]
    quads: tuple[str, ...]
    places: tuple[str, ...]
    outlets: tuple[str, ...]
    first: date | None
    last: date | None
    max_sources: int


def options(view: View) -> Options:
    def distinct(sql: str) -> tuple[str, ...]:
        return tuple(str(v) for v in view.frame(sql).iloc[:, 0] if v)

    names = dict(view.frame("SELECT code, name FROM v_actors ORDER BY code").itertuples(index=False, name=None))
    codes = distinct(
        "SELECT DISTINCT c FROM (SELECT actor_code c FROM v_events UNION SELECT recipient_code FROM v_events) ORDER BY c"
    )
    span = view.frame("SELECT min(date) AS first, max(date) AS last, max(source_count) AS most FROM v_events").iloc[0]
    return Options(
        actors={c: str(names.get(c) or c) for c in codes},
        sources=distinct("SELECT DISTINCT actor_code FROM v_events ORDER BY 1"),
        recipients=distinct("SELECT DISTINCT recipient_code FROM v_events ORDER BY 1"),
        countries=distinct("SELECT DISTINCT place_country FROM v_events ORDER BY 1"),
        categories=distinct("SELECT DISTINCT event_type FROM v_events ORDER BY 1"),
        quads=distinct("SELECT DISTINCT quad_class FROM v_events ORDER BY 1"),
        places=distinct("SELECT DISTINCT place FROM v_events ORDER BY 1"),
        outlets=distinct("SELECT DISTINCT outlet FROM v_event_sources ORDER BY 1"),
        first=None if pd.isna(span["first"]) else pd.Timestamp(span["first"]).date(),
        last=None if pd.isna(span["last"]) else pd.Timestamp(span["last"]).date(),
        max_sources=int(span["most"]) if not pd.isna(span["most"]) else 1,
    )


@dataclass(frozen=True)
class Headline:
    articles: int
    events: int
    actors: int
    first: date | None
    last: date | None
    cooperative: float | None  # share of events in a cooperative quad class


def headline(view: View, f: Filters) -> Headline:
    sql, params = filtered(f)
    row = view.frame(
        f"""
        WITH f AS ({sql}),
        e AS (SELECT event_id, any_value(quad_class) q FROM f GROUP BY event_id)
        SELECT
            (SELECT count(DISTINCT article_id) FROM v_event_sources WHERE event_id IN (SELECT event_id FROM e)) AS articles,
            (SELECT count(*) FROM e) AS events,
            (SELECT count(DISTINCT c) FROM (SELECT actor_code c FROM f UNION SELECT recipient_code FROM f) WHERE c <> '')
                AS actors,
            (SELECT min(date) FROM f) AS first,
            (SELECT max(date) FROM f) AS last,
            (SELECT avg(CASE WHEN q LIKE '%coop' THEN 1.0 ELSE 0.0 END) FROM e) AS cooperative
        """,
        params,
    ).iloc[0]
    return Headline(
        int(row["articles"]),
        int(row["events"]),
        int(row["actors"]),
        None if pd.isna(row["first"]) else pd.Timestamp(row["first"]).date(),
        None if pd.isna(row["last"]) else pd.Timestamp(row["last"]).date(),
        None if pd.isna(row["cooperative"]) else float(row["cooperative"]),
    )


def months(view: View, f: Filters) -> list[date]:
    sql, params = filtered(f)
    found = view.frame(f"SELECT DISTINCT month FROM ({sql}) WHERE month IS NOT NULL ORDER BY month", params)["month"]
    return [pd.Timestamp(m).date() for m in found]


def place_names(view: View, f: Filters) -> set[str]:
    """Every place, origin and destination the filtered events name."""
    sql, params = filtered(f)
    found = view.frame(
        f"SELECT DISTINCT n FROM (SELECT unnest([place, origin, destination]) AS n FROM ({sql})) WHERE coalesce(n, '') <> ''",
        params,
    )
    return set(found["n"].astype(str))


def actors(view: View, codes: list[str] | None = None) -> pd.DataFrame:
    if codes is None:
        return view.frame("SELECT * FROM v_actors ORDER BY code")
    return view.frame("SELECT * FROM v_actors WHERE list_contains(?, code) ORDER BY code", [codes])


def event_page(view: View, f: Filters, page: int, size: int) -> tuple[pd.DataFrame, int]:
    """One page of the table (one row per event) and the number of events in all."""
    sql, params = filtered(f)
    frame = view.frame(
        f"""
        WITH g AS (SELECT {EVENT_GROUP} FROM ({sql}) GROUP BY event_id)
        SELECT *, count(*) OVER () AS total FROM g ORDER BY {ORDER} LIMIT ? OFFSET ?
        """,
        [*params, size, max(0, page - 1) * size],
    )
    total = int(frame["total"].iloc[0]) if len(frame) else count_events(view, f)
    return frame.drop(columns="total"), total


def count_events(view: View, f: Filters) -> int:
    sql, params = filtered(f)
    return int(view.scalar(f"SELECT count(DISTINCT event_id) FROM ({sql})", params) or 0)  # type: ignore[call-overload]


def export_rows(view: View, f: Filters) -> list[dict[str, object]]:
    """The filtered rows, one per event and actor pair, in the export's column order."""
    sql, params = filtered(f)
    with view.cursor() as cur:
        present = {d[0] for d in cur.execute("SELECT * FROM v_events LIMIT 0").description}
    columns = [c for c in EXPORT_COLUMNS if c in present]
    quoted = ", ".join(f'"{c}"' for c in columns)
    return view.records(f"SELECT {quoted} FROM ({sql}) ORDER BY {ORDER}, actor_code, recipient_code", params)


def sources(view: View, event_ids: list[str]) -> pd.DataFrame:
    """Every report of the given events: article, outlet, sentence."""
    return view.frame(
        """SELECT event_id, article_id, outlet, title, published, source_url, sentence, sentence_index
        FROM v_event_sources WHERE list_contains(?, event_id) ORDER BY event_id, published NULLS LAST, article_id""",
        [event_ids],
    )


def articles(view: View) -> pd.DataFrame:
    return view.frame(
        """SELECT a.article_id, a.title, a.outlet, a.published, a.url,
            (SELECT count(DISTINCT event_id) FROM v_event_sources s WHERE s.article_id = a.article_id) AS events
        FROM v_articles a ORDER BY a.published NULLS LAST, a.article_id"""
    )


def article(view: View, article_id: str) -> dict[str, object] | None:
    found = view.records("SELECT * FROM v_articles WHERE article_id = ? LIMIT 1", [article_id])
    return found[0] if found else None


def article_reports(view: View, article_id: str) -> pd.DataFrame:
    """The coded sentences of one article with the events they report."""
    return view.frame(
        f"""
        WITH s AS (SELECT * FROM v_event_sources WHERE article_id = ?),
        e AS (SELECT {EVENT_GROUP.replace("any_value(sentence) AS sentence,", "")} FROM v_events
              WHERE event_id IN (SELECT event_id FROM s) GROUP BY event_id)
        SELECT s.event_id, s.sentence_index, s.sentence, s.sentence_start, s.sentence_end, s.cue_start, s.cue_end,
            e.date, e.event_type, e.quad_class, e.actors, e.place, e.quantity, e.quantity_unit, e.source_count
        FROM s JOIN e USING (event_id)
        ORDER BY s.sentence_index, s.event_id
        """,
        [article_id],
    )


def article_of_event(view: View, event_id: str) -> str | None:
    found = view.scalar("SELECT article_id FROM v_events WHERE event_id = ? LIMIT 1", [event_id])
    return str(found) if found else None
