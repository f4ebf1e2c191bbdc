"""Event rows and exports: CSV (formula-safe), GeoJSON (points and movement lines), PLOVER JSON.

Reads corroborated events and their articles; adds flat rows, one per source-recipient pair,
in the column order of the extract contract (DESIGN.md) plus provenance columns.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Sequence
from datetime import date

from geopol.records import Actor, Article, Event, Place, category_score, quad_class
from geopol.review import REVIEW_COLUMNS, REVIEW_DEFAULTS

COLUMNS = (
    "article_id",
    "event_id",
    "date",
    "date_precision",
    "event_type",
    "quad_class",
    "mode",
    "actor",
    "actor_code",
    "recipient",
    "recipient_code",
    "place",
    "lat",
    "lon",
    "geo_precision",
    "origin",
    "origin_lat",
    "origin_lon",
    "destination",
    "destination_lat",
    "destination_lon",
    "quantity",
    "quantity_unit",
    "sentence",
    "source_url",
    "source_count",
    "article_ids",
)
EXTRA_COLUMNS = (
    "place_country",
    "score",
    "context",
    "tense",
    "actor_sector",
    "actor_kind",
    "recipient_sector",
    "recipient_kind",
    "date_text",
    "date_basis",
    "geo_basis",
    "cue",
    "sentence_index",
    "sentence_start",
    "cue_start",
    "cue_end",
    "title",
    "outlet",
    "published",
    *REVIEW_COLUMNS,
)
WHOLE_NUMBERS = frozenset({"quantity", "source_count", "sentence_index", "sentence_start", "cue_start", "cue_end"})
FORMULA_STARTERS = ("=", "+", "-", "@", "\t", "\r")


def place_fields(prefix: str, place: Place | None) -> dict[str, object]:
    if place is None:
        return {prefix: "", f"{prefix}_lat": None, f"{prefix}_lon": None}
    return {prefix: place.name, f"{prefix}_lat": place.lat, f"{prefix}_lon": place.lon}


def actor_fields(prefix: str, actor: Actor | None) -> dict[str, object]:
    if actor is None:
        return {prefix: "", f"{prefix}_code": "", f"{prefix}_sector": "", f"{prefix}_kind": ""}
    return {prefix: actor.text, f"{prefix}_code": actor.code, f"{prefix}_sector": actor.sector, f"{prefix}_kind": actor.kind}


def clusters(events: Iterable[Event]) -> dict[str, list[Event]]:
    grouped: dict[str, list[Event]] = {}
    for event in events:
        grouped.setdefault(event.event_id, []).append(event)
    return grouped


def source_fields(event: Event, article: Article | None) -> dict[str, object]:
    """Where one report comes from: article, sentence and the offsets that highlight it."""
    return {
        "event_id": event.event_id,
        "article_id": event.article_id,
        "sentence_index": event.sentence_index,
        "sentence": event.sentence,
        "sentence_start": event.sentence_start,
        "sentence_end": event.sentence_start + len(event.sentence),
        "cue_start": event.cue_start,
        "cue_end": event.cue_end,
        "cue": event.cue,
        "date_text": event.date_text,
        "source_url": article.url if article else "",
        "title": article.title if article else "",
        "outlet": article.outlet if article else "",
        "published": article.published if article else None,
    }


def report_rows(event: Event, cluster: Sequence[Event], articles: dict[str, Article]) -> list[dict[str, object]]:
    """Rows of one report: one per (source, recipient) pair."""
    article = articles.get(event.article_id)
    article_ids = sorted({e.article_id for e in cluster})
    base: dict[str, object] = {
        "article_id": event.article_id,
        "event_id": event.event_id,
        "date": event.date.value if event.date else None,
        "date_precision": event.date.precision if event.date else "",
        "event_type": event.category,
        "quad_class": quad_class(event.category),
        "mode": event.mode,
        **place_columns(event.place),
        **place_fields("origin", event.origin),
        **place_fields("destination", event.destination),
        "quantity": event.quantity,
        "quantity_unit": event.quantity_unit,
        "sentence": event.sentence,
        "source_url": article.url if article else "",
        "source_count": len(article_ids),
        "article_ids": ";".join(article_ids),
        "score": category_score(event.category),
        "context": event.context,
        "tense": event.tense,
        "date_text": event.date_text,
        "date_basis": event.date.basis if event.date else "",
        "geo_basis": event.place.note if event.place else "",
        "cue": event.cue,
        "sentence_index": event.sentence_index,
        "sentence_start": event.sentence_start,
        "cue_start": event.cue_start,
        "cue_end": event.cue_end,
        "title": article.title if article else "",
        "outlet": article.outlet if article else "",
        "published": article.published if article else None,
    }
    rows = []
    for s, r in event.pairs():
        pair = (s.code if s else "", r.code if r else "")
        leg = next((leg for leg in event.legs if (leg[0], leg[1]) == pair), None)
        arrow = {**place_fields("origin", leg[2]), **place_fields("destination", leg[3])} if leg else {}
        pair_place = next((p for src, rec, p in event.pair_places if (src, rec) == pair), None)
        where = {**place_columns(pair_place), "geo_basis": pair_place.note} if pair_place else {}
        rows.append({**base, **arrow, **where, **actor_fields("actor", s), **actor_fields("recipient", r), **REVIEW_DEFAULTS})
    return rows


def place_columns(place: Place | None) -> dict[str, object]:
    """The columns of where an event (or one pair of it) happened."""
    return {
        "place": place.name if place else "",
        "lat": place.lat if place else None,
        "lon": place.lon if place else None,
        "geo_precision": place.precision if place else "",
        "place_country": place.country if place else "",
    }


def representative(cluster: Sequence[Event], articles: dict[str, Article]) -> Event:
    """The report that speaks for an event: best dated, then the earliest published article."""

    def key(e: Event) -> tuple:
        article = articles.get(e.article_id)
        published = article.published if article and article.published else date.max
        precise = 0 if e.date and e.date.basis == "text" else 1
        return (precise, e.place is None or e.place.note != "text", published, e.article_id, e.sentence_index)

    return min(cluster, key=key)


def event_rows(events: Iterable[Event], articles: dict[str, Article], per_report: bool = False) -> list[dict[str, object]]:
    """per_report: one row per article that reports the event (the extract contract);
    otherwise one row per event, spoken for by its representative report."""
    rows: list[dict[str, object]] = []
    for cluster in clusters(events).values():
        chosen = cluster if per_report else [representative(cluster, articles)]
        seen: set[tuple] = set()
        for event in chosen:
            for row in report_rows(event, cluster, articles):
                key = (
                    (row["article_id"], row["actor_code"], row["recipient_code"])
                    if per_report
                    else (row["actor_code"], row["recipient_code"])
                )
                if key not in seen:
                    seen.add(key)
                    rows.append(row)
    return rows


def safe_cell(value: object) -> object:
    """OWASP CSV injection: a text cell starting with = + - @ tab or CR is prefixed with '."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTERS):
        return "'" + value
    return value


def to_csv(rows: Iterable[dict[str, object]], columns: Sequence[str] = COLUMNS, header: bool = True) -> str:
    out = io.StringIO()
    # RFC 4180 line ends: a cell holding a bare carriage return is then quoted, so it cannot
    # start a new row (and a formula) in a spreadsheet
    writer = csv.DictWriter(out, fieldnames=list(columns), extrasaction="ignore", lineterminator="\r\n")
    if header:
        writer.writeheader()
    for row in rows:
        writer.writerow({k: "" if row.get(k) is None else safe_cell(format_value(row.get(k), k)) for k in columns})
    return out.getvalue()


def to_jsonl(rows: Iterable[dict[str, object]], columns: Sequence[str] = COLUMNS) -> str:
    return "".join(json.dumps({k: format_value(row.get(k), k) for k in columns}, ensure_ascii=False) + "\n" for row in rows)


def format_value(value: object, column: str = "") -> object:
    """Dates as ISO text; counts as whole numbers even when a table stored them as floats."""
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer() and (column in WHOLE_NUMBERS or abs(value) > 1000):
        return int(value)
    return value


def to_geojson(rows: Iterable[dict[str, object]]) -> dict:
    """Events as Points at their place; movements as LineStrings origin -> destination.
    GeoJSON order is [lon, lat] (EPSG:4326)."""
    features = []
    keep = (
        "event_id",
        "date",
        "event_type",
        "quad_class",
        "actor_code",
        "recipient_code",
        "place",
        "quantity",
        "quantity_unit",
        "sentence",
        "source_url",
        "source_count",
        "article_ids",
        "review_status",
        "review_note",
        "reviewed_at",
    )
    for row in rows:
        properties = {k: format_value(row.get(k), k) for k in keep}
        if row.get("lat") is not None and row.get("lon") is not None:
            features.append(
                {
                    "type": "Feature",
                    "geometry": {"type": "Point", "coordinates": [row["lon"], row["lat"]]},
                    "properties": {**properties, "kind": "event"},
                }
            )
        if row.get("origin_lat") is not None and row.get("destination_lat") is not None:
            line = [[row["origin_lon"], row["origin_lat"]], [row["destination_lon"], row["destination_lat"]]]
            features.append(
                {
                    "type": "Feature",
                    "geometry": {"type": "LineString", "coordinates": line},
                    "properties": {
                        **properties,
                        "kind": "movement",
                        "origin": row.get("origin"),
                        "destination": row.get("destination"),
                    },
                }
            )
    return {"type": "FeatureCollection", "features": features}


def review_record(row: dict[str, object]) -> dict[str, object]:
    """An event's review in a PLOVER record: status, note, time, reviewer, the coder's values."""
    kept = str(row.get("coder_values") or "")
    return {
        "status": row.get("review_status") or "unreviewed",
        "note": row.get("review_note") or None,
        "at": row.get("reviewed_at") or None,
        "reviewer": row.get("reviewer") or None,
        "coder_values": json.loads(kept) if kept else None,
    }


def to_plover(rows: Iterable[dict[str, object]]) -> list[dict]:
    """PLOVER-style records, one per event, with every actor pair and source article."""
    records: dict[str, dict] = {}
    for row in rows:
        record = records.setdefault(
            str(row["event_id"]),
            {
                "id": row["event_id"],
                "date": format_value(row.get("date")),
                "date_precision": row.get("date_precision"),
                "event_type": row["event_type"],
                "mode": row.get("mode") or None,
                "context": row.get("context") or None,
                "quad_class": row.get("quad_class"),
                "actors": [],
                "location": {
                    "name": row.get("place"),
                    "lat": row.get("lat"),
                    "lon": row.get("lon"),
                    "precision": row.get("geo_precision"),
                },
                "quantity": row.get("quantity"),
                "quantity_unit": row.get("quantity_unit") or None,
                "event_text": row.get("sentence"),
                "source_count": row.get("source_count"),
                "article_ids": str(row.get("article_ids", "")).split(";"),
                "source_url": row.get("source_url") or None,
                "review": review_record(row),
            },
        )
        pair = {
            "source": {"text": row.get("actor"), "code": row.get("actor_code")},
            "target": {"text": row.get("recipient"), "code": row.get("recipient_code")},
        }
        if pair not in record["actors"]:
            record["actors"].append(pair)
    return list(records.values())
