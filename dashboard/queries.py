"""The questions the pages ask, as DuckDB queries over one session's View.

Reads filtered events (v_events, one row per event and actor pair) and their reports
(v_event_sources); adds the filter choices, the headline figures month by month, one page of
the table, the rows to export and an article's coded sentences. Paging and counting happen in
DuckDB and only the rows a page shows carry their text, so a store of a million events costs a
page a hundred rows. (Pairs, routes, points, months: aggregates.py.)
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pandas as pd

from dashboard.data import View
from dashboard.filters import Clause, Contains, Filters, ReportedBy
from geopol.exports import COLUMNS, EXTRA_COLUMNS

PAIR = "concat(coalesce(nullif(actor_code, ''), '?'), ' → ', coalesce(nullif(recipient_code, ''), '?'))"
# The columns of one event's row in a table, a popup or a movement list.
EVENT_COLUMNS = """
    event_id, date, date_precision, event_type, quad_class, mode, alignment, actor_code, recipient_code, two_sided,
    place, place_country, quantity,
    quantity_unit, origin, origin_lat, origin_lon, destination, destination_lat, destination_lon, sentence,
    source_count, article_id, source_url, outlet, title, review_status
"""
ORDER = "date DESC NULLS LAST, event_id"
EXPORT_COLUMNS = tuple(
    dict.fromkeys((*COLUMNS, *EXTRA_COLUMNS, "actor_sector", "actor_kind", "recipient_sector", "recipient_kind"))
)


def where(view: View, f: Filters) -> tuple[str, list[object]]:
    """The filters' WHERE condition; a word search or an outlet is matched once per store and
    kept as a table of row ids (a scan of every sentence costs more than all the rest)."""

    def once(clause: Clause) -> tuple[str, list[object]] | None:
        if not isinstance(clause, Contains | ReportedBy):
            return None
        sql, params = clause.sql()
        return f"rid IN (SELECT rid FROM main.{view.matching(type(clause).__name__, sql, params)})", []

    return f.where(once)


def filtered(view: View, f: Filters) -> tuple[str, list[object]]:
    condition, params = where(view, f)
    return f"SELECT * FROM v_events WHERE {condition}", params


def per_event(view: View, f: Filters) -> tuple[str, list[object]]:
    """The filtered events, one row each. When every clause keeps or drops an event whole, the
    first row of each event stands for it (no DISTINCT over a million rows)."""
    where_sql, params = where(view, f)
    if not f.row_level:
        return f"SELECT * FROM v_events WHERE first_row AND {where_sql}", params
    return f"SELECT * FROM v_events WHERE {where_sql} QUALIFY row_number() OVER (PARTITION BY eno ORDER BY rid) = 1", params


def per_pair(view: View, f: Filters) -> tuple[str, list[object]]:
    """Two-sided events between two different actors, one row per event and pair of actors
    (either direction), with the pair as a < b."""
    where_sql, params = where(view, f)
    pair = "pair_a AS a, pair_b AS b"
    if not f.row_level:
        return f"SELECT *, {pair} FROM v_events WHERE first_pair_row AND pair_a IS NOT NULL AND {where_sql}", params
    return (
        f"SELECT *, {pair} FROM v_events WHERE pair_a IS NOT NULL AND {where_sql} "
        "QUALIFY row_number() OVER (PARTITION BY eno, pair_a, pair_b ORDER BY rid) = 1",
        params,
    )


@dataclass(frozen=True)
class Options:
    """What the filter widgets offer, read from the data."""

    actors: dict[str, str]  # code -> name, every actor on either side
    kinds: dict[str, str]  # code -> state, igo, armed_group ...
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

    actors = view.frame("SELECT code, name, kind FROM v_actors ORDER BY code")
    names = dict(zip(actors["code"], actors["name"], strict=True))
    sources = distinct("SELECT DISTINCT actor_code FROM v_events ORDER BY 1")
    recipients = distinct("SELECT DISTINCT recipient_code FROM v_events ORDER BY 1")
    span = view.frame("SELECT min(date) AS first, max(date) AS last, max(source_count) AS most FROM v_events").iloc[0]
    return Options(
        actors={c: str(names.get(c) or c) for c in sorted(set(sources) | set(recipients))},
        kinds={str(c): str(k or "") for c, k in zip(actors["code"], actors["kind"], strict=True)},
        sources=sources,
        recipients=recipients,
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


def month_figures(view: View, f: Filters) -> pd.DataFrame:
    """Per month (NULL: undated or known only to the year): events, cooperative events, the
    articles and actors seen for the first time that month, first and last day. Adding the
    rows up to a month gives the headline as it stood then, without another query."""
    sql, params = per_event(view, f)
    rows, row_params = filtered(view, f)
    never = "DATE '9999-12-01'"
    reported = "WHERE eno IN (SELECT eno FROM e)" if f.active else ""  # every report counts when nothing is filtered
    return view.frame(
        f"""
        WITH e AS (SELECT eno, coalesce(month, {never}) AS month, quad_class, date FROM ({sql})),
        first_article AS (SELECT ano, min(month) AS month FROM v_reports {reported} GROUP BY ano),
        codes AS (SELECT actor_code, recipient_code, coalesce(month, {never}) AS month FROM ({rows}) GROUP BY ALL),
        first_actor AS (
            SELECT c, min(month) AS month
            FROM (SELECT actor_code AS c, month FROM codes UNION ALL SELECT recipient_code, month FROM codes)
            WHERE coalesce(c, '') <> '' GROUP BY c),
        events AS (
            SELECT month, count(*) AS events, count(*) FILTER (WHERE quad_class LIKE '%coop') AS cooperative,
                min(date) AS first, max(date) AS last
            FROM e GROUP BY month)
        SELECT nullif(month, {never}) AS month, coalesce(events, 0) AS events, coalesce(cooperative, 0) AS cooperative,
            coalesce(articles, 0) AS articles, coalesce(actors, 0) AS actors, first, last
        FROM events
        FULL JOIN (SELECT month, count(*) AS articles FROM first_article GROUP BY month) USING (month)
        FULL JOIN (SELECT month, count(*) AS actors FROM first_actor GROUP BY month) USING (month)
        ORDER BY month NULLS LAST
        """,
        [*params, *row_params],
    )


def headline(figures: pd.DataFrame, until: date | None = None) -> Headline:
    """The headline as it stood at the end of the month of until (None: everything, undated
    events included)."""
    rows = (
        figures
        if until is None
        else figures[figures["month"].notna() & (pd.to_datetime(figures["month"]) <= pd.Timestamp(until))]
    )
    events = int(rows["events"].sum())
    firsts, lasts = rows["first"].dropna(), rows["last"].dropna()
    return Headline(
        articles=int(rows["articles"].sum()),
        events=events,
        actors=int(rows["actors"].sum()),
        first=pd.Timestamp(firsts.min()).date() if len(firsts) else None,
        last=pd.Timestamp(lasts.max()).date() if len(lasts) else None,
        cooperative=float(rows["cooperative"].sum()) / events if events else None,
    )


def months(figures: pd.DataFrame) -> list[date]:
    """The months that hold events, in order."""
    found = figures.loc[figures["month"].notna() & (figures["events"] > 0), "month"]
    return sorted(pd.Timestamp(m).date() for m in found)


def place_names(view: View, f: Filters) -> set[str]:
    """Every place, origin and destination the filtered events name."""
    sql, params = filtered(view, f)
    found = view.frame(
        f"SELECT DISTINCT n FROM (SELECT unnest([place, origin, destination]) AS n FROM ({sql})) WHERE coalesce(n, '') <> ''",
        params,
    )
    return set(found["n"].astype(str))


def actors(view: View, codes: list[str] | None = None) -> pd.DataFrame:
    if codes is None:
        return view.frame("SELECT * FROM v_actors ORDER BY code")
    return view.frame("SELECT * FROM v_actors WHERE list_contains(?, code) ORDER BY code", [codes])


def picked(view: View, pick: str, params: list[object]) -> pd.DataFrame:
    """The rows of v_events a light query picked (by rid), with the columns a table shows: the
    text of a million events is never sorted, only that of the rows shown."""
    return view.frame(
        f"WITH pick AS ({pick}) SELECT {EVENT_COLUMNS}, rid, eno FROM v_events "
        f"WHERE rid IN (SELECT rid FROM pick) ORDER BY {ORDER}",
        params,
    )


def with_pairs(view: View, page: pd.DataFrame, f: Filters) -> pd.DataFrame:
    """The page's events with their actor pairs ("FRA → NER; MLI → NER") and whether some pair
    lacks a side, read for the page's events only."""
    if page.empty:
        return page.assign(actors=pd.Series(dtype=str), one_sided=pd.Series(dtype=bool))
    sql, params = filtered(view, f)
    pairs = view.frame(
        f"""SELECT eno, string_agg(DISTINCT {PAIR}, '; ' ORDER BY {PAIR}) AS actors, bool_or(NOT two_sided) AS one_sided
        FROM ({sql}) WHERE list_contains(?, eno) GROUP BY eno""",
        [*params, page["eno"].tolist()],
    )
    return page.merge(pairs, on="eno", how="left")


def event_page(view: View, f: Filters, page: int, size: int) -> tuple[pd.DataFrame, int]:
    """One page of the table (one row per event, latest first) and the number of events in all."""
    sql, params = per_event(view, f)
    pick = f"SELECT rid FROM ({sql}) ORDER BY {ORDER} LIMIT ? OFFSET ?"
    frame = picked(view, pick, [*params, size, max(0, page - 1) * size])
    return with_pairs(view, frame, f), count_events(view, f)


def count_events(view: View, f: Filters) -> int:
    sql, params = per_event(view, f)
    return int(view.scalar(f"SELECT count(*) FROM ({sql})", params) or 0)  # type: ignore[call-overload]


def export_rows(view: View, f: Filters) -> list[dict[str, object]]:
    """The filtered rows, one per event and actor pair, in the export's column order."""
    where_sql, params = where(view, f)
    with view.cursor() as cur:
        present = {d[0] for d in cur.execute("SELECT * FROM v_events_export LIMIT 0").description}
    columns = [c for c in EXPORT_COLUMNS if c in present]
    quoted = ", ".join(f'"{c}"' for c in columns)
    return view.records(
        f"SELECT {quoted} FROM v_events_export WHERE {where_sql} ORDER BY {ORDER}, actor_code, recipient_code", params
    )


def sources(view: View, event_ids: list[str]) -> pd.DataFrame:
    """Every report of the given events: article, outlet, sentence."""
    return view.frame(
        """SELECT event_id, article_id, outlet, title, published, source_url, sentence, sentence_index
        FROM v_event_sources WHERE list_contains(?, event_id) ORDER BY event_id, published NULLS LAST, article_id""",
        [event_ids],
    )


def articles(view: View, words: str = "", limit: int = 200, also: str | None = None) -> tuple[pd.DataFrame, int]:
    """The latest articles whose id or title holds the words (case-blind), at most limit of
    them, and how many match in all; also names one article to include whatever the words."""
    needle = words.strip().lower()
    match = "(? = '' OR strpos(lower(article_id), ?) > 0 OR strpos(lower(coalesce(title, '')), ?) > 0)"
    found = view.frame(
        f"""SELECT article_id, title, outlet, published, url, count(*) OVER () AS total FROM v_articles
        WHERE {match} OR article_id = ? ORDER BY published DESC NULLS LAST, article_id LIMIT ?""",
        [needle, needle, needle, also or "", limit],
    )
    total = int(found["total"].iloc[0]) if len(found) else 0
    return found.drop(columns="total"), total


def article(view: View, article_id: str) -> dict[str, object] | None:
    found = view.records("SELECT * FROM v_articles WHERE article_id = ? LIMIT 1", [article_id])
    return found[0] if found else None


def article_reports(view: View, article_id: str) -> pd.DataFrame:
    """The coded sentences of one article with the events they report."""
    return view.frame(
        f"""
        WITH s AS (SELECT * FROM v_event_sources WHERE article_id = ?),
        e AS (SELECT event_id, any_value(date) AS date, any_value(date_precision) AS date_precision,
                any_value(event_type) AS event_type, any_value(quad_class) AS quad_class,
                string_agg(DISTINCT {PAIR}, '; ' ORDER BY {PAIR}) AS actors, any_value(place) AS place,
                any_value(quantity) AS quantity, any_value(quantity_unit) AS quantity_unit,
                max(source_count) AS source_count, any_value(review_status) AS review_status
              FROM v_events WHERE event_id IN (SELECT event_id FROM s) GROUP BY event_id)
        SELECT s.event_id, s.sentence_index, s.sentence, s.sentence_start, s.sentence_end, s.cue_start, s.cue_end,
            e.date, e.date_precision, e.event_type, e.quad_class, e.actors, e.place, e.quantity, e.quantity_unit, e.source_count,
            e.review_status
        FROM s JOIN e USING (event_id)
        ORDER BY s.sentence_index, s.event_id
        """,
        [article_id],
    )


def article_of_event(view: View, event_id: str) -> str | None:
    found = view.scalar("SELECT article_id FROM v_events WHERE event_id = ? LIMIT 1", [event_id])
    return str(found) if found else None


# The columns whose coder's value a review shows beside the analyst's.
REVIEW_SHOWN = ("event_type", "actor_code", "recipient_code", "date", "date_precision", "place", "quantity")


def reviewable_rows(view: View, event_id: str) -> list[dict[str, object]]:
    """The rows of one event of the store (not of an upload), rejected ones too, with every
    column a review reads (the cue and the coder's values)."""
    for relation, order in (("main.events_export", "ORDER BY rid"), ("main.rejected_events", "")):
        rows = view.records(f"SELECT * FROM {relation} WHERE event_id = ? {order}", [event_id])
        if rows:
            return rows
    return []


def rejected(view: View, article_id: str) -> pd.DataFrame:
    """The events of one article an analyst rejected (no page shows them elsewhere)."""
    return view.frame(
        "SELECT event_id, any_value(event_type) AS event_type, any_value(sentence) AS sentence, "
        "any_value(sentence_index) AS sentence_index FROM main.rejected_events WHERE article_id = ? "
        "GROUP BY event_id ORDER BY sentence_index, event_id",
        [article_id],
    )


def actor_names(view: View) -> dict[str, str]:
    """Code -> name of every actor of the store."""
    return {str(r["code"]): str(r["name"] or r["code"]) for r in view.records("SELECT code, name FROM v_actors")}
