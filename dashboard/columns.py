"""The columns the app reads from each table of the store, with their types.

Missing ones become NULL, so a store written by an older or newer pipeline still opens. The
events table keeps in memory only these; the store's other event columns (article_ids, cue,
date_text ...) stay in the file and join back for the CSV and GeoJSON downloads.
"""

from __future__ import annotations

TABLES = ("articles", "events", "event_sources", "actors")
VARCHAR, BIGINT, DOUBLE, DATE = "VARCHAR", "BIGINT", "DOUBLE", "DATE"
COLUMNS: dict[str, dict[str, str]] = {
    "events": {
        **dict.fromkeys(("article_id", "event_id"), VARCHAR),
        "date": DATE,
        **dict.fromkeys(("date_precision", "event_type", "quad_class", "mode", "place"), VARCHAR),
        **dict.fromkeys(("lat", "lon"), DOUBLE),
        **dict.fromkeys(("geo_precision", "place_country", "origin"), VARCHAR),
        **dict.fromkeys(("origin_lat", "origin_lon"), DOUBLE),
        "destination": VARCHAR,
        **dict.fromkeys(("destination_lat", "destination_lon", "quantity"), DOUBLE),
        **dict.fromkeys(("quantity_unit", "sentence", "source_url"), VARCHAR),
        "source_count": BIGINT,
        "score": DOUBLE,
        "sentence_index": BIGINT,
        **dict.fromkeys(("sentence_start", "cue_start", "cue_end"), BIGINT),
        **dict.fromkeys(("title", "outlet"), VARCHAR),
        "published": DATE,
        **dict.fromkeys(("actor", "actor_code", "actor_kind", "recipient", "recipient_code", "recipient_kind"), VARCHAR),
        **dict.fromkeys(("review_status", "review_note", "reviewed_at", "reviewer", "review_id", "coder_values"), VARCHAR),
    },
    "event_sources": {
        **dict.fromkeys(("event_id", "article_id"), VARCHAR),
        "sentence_index": BIGINT,
        "sentence": VARCHAR,
        **dict.fromkeys(("sentence_start", "sentence_end", "cue_start", "cue_end"), BIGINT),
        **dict.fromkeys(("source_url", "title", "outlet"), VARCHAR),
        "published": DATE,
    },
    "articles": {
        **dict.fromkeys(("article_id", "text", "title", "outlet", "author", "url"), VARCHAR),
        "published": DATE,
        "published_precision": VARCHAR,
    },
    "actors": {
        **dict.fromkeys(("code", "name", "kind"), VARCHAR),
        **dict.fromkeys(("lat", "lon"), DOUBLE),
        "seat": VARCHAR,
    },
}
