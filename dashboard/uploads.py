"""Code an uploaded article on the spot, for one session only.

Reads the uploaded bytes (untrusted: any name, any content); writes them to a temporary folder
under a name of our own (the uploaded name never touches the file system), codes them with the
same pipeline as the build, and returns the store's table frames for this one article; then
gives a session's uploads the app's own columns (Uploads, normalize_upload).
"""

from __future__ import annotations

import dataclasses
import hashlib
import tempfile
from dataclasses import dataclass
from pathlib import Path, PurePath
from typing import TYPE_CHECKING

import duckdb
import pandas as pd

from dashboard import alignment, data

if TYPE_CHECKING:
    from geopol.pipeline import Coder

MAX_BYTES = 1_000_000  # an article is a few kB; a megabyte is already a book chapter
SUFFIXES = {".txt": ".txt", ".md": ".md", ".markdown": ".md", ".html": ".html", ".htm": ".html"}
ACCEPTED = ["txt", "md", "html"]


@dataclass(frozen=True)
class Coded:
    """The outcome of one upload: tables to add, or a message saying why not."""

    article_id: str
    digest: str
    tables: dict[str, pd.DataFrame] | None
    message: str
    events: int = 0


def digest_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def display_name(name: str) -> str:
    """The uploaded name for showing (never for a path): its last part, printable, short."""
    base = PurePath(name.replace("\\", "/")).name
    cleaned = "".join(ch for ch in base if ch.isprintable())
    return cleaned[:80] or "uploaded article"


def check(name: str, size: int) -> str:
    """Why this upload is refused, or ""."""
    suffix = PurePath(name.lower()).suffix
    if suffix not in SUFFIXES:
        return "Only .txt, .md and .html files can be coded."
    if size > MAX_BYTES:
        return f"This file is {size / 1_000_000:.1f} MB; the limit is {MAX_BYTES // 1_000_000} MB. Upload one article at a time."
    if size == 0:
        return "This file is empty."
    return ""


def code_upload(name: str, data: bytes, coder: Coder) -> Coded:
    """Code one uploaded file. Never raises for bad input: the message says what went wrong."""
    from geopol import pipeline
    from geopol.store import frames

    digest = digest_of(data)
    article_id = f"upload-{digest[:10]}"
    refused = check(name, len(data))
    if refused:
        return Coded(article_id, digest, None, refused)
    suffix = SUFFIXES[PurePath(name.lower()).suffix]
    with tempfile.TemporaryDirectory(prefix="geopol-upload-") as folder:
        path = Path(folder) / f"{article_id}{suffix}"
        path.write_bytes(data)
        articles, events, problems = pipeline.run([path], coder)
    if not articles:
        reason = "; ".join(str(p).replace(path.name, "the file") for p in problems) or "no article text found"
        return Coded(article_id, digest, None, f"Could not read this file: {reason}.")
    article = articles[0]
    title = article.title or display_name(name)
    articles = [dataclasses.replace(article, title=title, outlet=article.outlet or "uploaded file", file=display_name(name))]
    tables = frames(articles, events, coder.dictionaries.actors, [])
    count = len({e.event_id for e in events})
    message = f"Coded {count} event{'s' if count != 1 else ''} from “{title}”." if count else f"No events found in “{title}”."
    return Coded(article_id, digest, tables, message, count)


def normalize_upload(
    tables: dict[str, pd.DataFrame], countries: data.Countries, weights: list[alignment.Weight] | None = None
) -> dict[str, pd.DataFrame]:
    """The tables of a session's uploaded articles with the store's columns and types, the
    events with the app's own columns; row, event and article numbers are negative, so they
    never meet the store's."""
    con = duckdb.connect(":memory:")
    try:
        data.add_weights(con, weights if weights is not None else alignment.load_weights())
        out = {}
        for table in data.TABLES:
            source = tables.get(table)
            frame = source if source is not None and len(source.columns) else data.empty_frame(table)
            data.create_table(con, f"raw_{table}", frame)
            if table == "events":
                con.execute("CREATE TABLE numbered AS SELECT *, -row_number() OVER () AS upload_rid FROM raw_events")
                extras = "".join(f', x."{c}"' for c in data.export_only(con, "raw_events"))
                inner = data.events_select(con, "numbered", countries, "upload_rid")
                con.execute(f"CREATE TABLE events AS SELECT e.*{extras} FROM ({inner}) e JOIN numbered x ON x.upload_rid = e.rid")
                out[table] = con.execute("SELECT * FROM events ORDER BY rid DESC").df()
            else:
                out[table] = con.execute(data.normalized(table, f"raw_{table}", data.column_types(con, f"raw_{table}"))).df()
        data.create_table(con, "event_sources", out["event_sources"])
        out["reports"] = con.execute(data.REPORTS.format(sources="event_sources", events="events", sign="-")).df()
        return out
    finally:
        con.close()


@dataclass(frozen=True)
class Uploads:
    """Articles one session coded from uploaded files: the tables as coded (raw) and as the
    app reads them (tables, from normalize_upload over every upload of the session)."""

    raw: dict[str, pd.DataFrame]
    tables: dict[str, pd.DataFrame]
    article_ids: tuple[str, ...] = ()
    digests: tuple[str, ...] = ()


def merged(raw: dict[str, pd.DataFrame], more: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    return {t: pd.concat([raw[t], more[t]], ignore_index=True) if t in raw else more[t] for t in more}
