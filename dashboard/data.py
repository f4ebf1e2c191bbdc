"""Loading the event store for the app, and one session's view of it.

Reads the DuckDB store through geopol.store.connect (read-only) and copies its tables into an
in-memory DuckDB database, adding two columns the filters need: place_country (the ISO code of
the country the event's place lies in, from the country polygons) and month. A View is one
session's data: the shared store plus the articles that session uploaded, which live in
st.session_state only and are joined in per query, so no other session ever sees them.
"""

from __future__ import annotations

import os
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import duckdb
import pandas as pd

from geopol import paths
from geopol.store import connect

if TYPE_CHECKING:
    from collections.abc import Callable

    import geopandas as gpd

    # the country polygons, or a function that loads them when they are needed at all
    Countries = gpd.GeoDataFrame | Callable[[], gpd.GeoDataFrame]

TABLES = ("articles", "events", "event_sources", "actors")
# The columns the app reads, with their types. Missing ones become NULL, so a store written by
# an older or newer pipeline still opens; extra columns pass through untouched.
COLUMNS: dict[str, dict[str, str]] = {
    "events": {
        "article_id": "VARCHAR",
        "event_id": "VARCHAR",
        "date": "DATE",
        "date_precision": "VARCHAR",
        "event_type": "VARCHAR",
        "quad_class": "VARCHAR",
        "mode": "VARCHAR",
        "place": "VARCHAR",
        "lat": "DOUBLE",
        "lon": "DOUBLE",
        "geo_precision": "VARCHAR",
        "origin": "VARCHAR",
        "origin_lat": "DOUBLE",
        "origin_lon": "DOUBLE",
        "destination": "VARCHAR",
        "destination_lat": "DOUBLE",
        "destination_lon": "DOUBLE",
        "quantity": "DOUBLE",
        "quantity_unit": "VARCHAR",
        "sentence": "VARCHAR",
        "source_url": "VARCHAR",
        "source_count": "BIGINT",
        "article_ids": "VARCHAR",
        "score": "DOUBLE",
        "cue": "VARCHAR",
        "sentence_index": "BIGINT",
        "sentence_start": "BIGINT",
        "cue_start": "BIGINT",
        "cue_end": "BIGINT",
        "title": "VARCHAR",
        "outlet": "VARCHAR",
        "published": "DATE",
        "actor": "VARCHAR",
        "actor_code": "VARCHAR",
        "recipient": "VARCHAR",
        "recipient_code": "VARCHAR",
    },
    "event_sources": {
        "event_id": "VARCHAR",
        "article_id": "VARCHAR",
        "sentence_index": "BIGINT",
        "sentence": "VARCHAR",
        "sentence_start": "BIGINT",
        "sentence_end": "BIGINT",
        "cue_start": "BIGINT",
        "cue_end": "BIGINT",
        "source_url": "VARCHAR",
        "title": "VARCHAR",
        "outlet": "VARCHAR",
        "published": "DATE",
    },
    "articles": {
        "article_id": "VARCHAR",
        "text": "VARCHAR",
        "title": "VARCHAR",
        "outlet": "VARCHAR",
        "author": "VARCHAR",
        "url": "VARCHAR",
        "published": "DATE",
    },
    "actors": {"code": "VARCHAR", "name": "VARCHAR", "kind": "VARCHAR", "lat": "DOUBLE", "lon": "DOUBLE", "seat": "VARCHAR"},
}


def store_path() -> Path:
    """Read at call time, so tests and deployments can point the app elsewhere."""
    return Path(os.environ.get("GEOPOL_STORE") or paths.STORE_PATH)


def corpus_path() -> Path:
    return Path(os.environ.get("GEOPOL_CORPUS_DIR") or paths.CORPUS_DIR)


def autobuild() -> bool:
    """GEOPOL_AUTOBUILD=0 shows a given store as it is (a synthetic one, say), never rebuilding it."""
    return os.environ.get("GEOPOL_AUTOBUILD", "1").strip().lower() not in ("0", "false", "no")


def load_countries(path: Path = paths.COUNTRIES_GEOJSON) -> gpd.GeoDataFrame:
    """Country polygons (EPSG:4326) with name and iso_a3."""
    import geopandas as gpd  # a third of a second of imports a first page need not wait for

    return gpd.read_file(path).to_crs("EPSG:4326")


def place_countries(points: pd.DataFrame, countries: Countries) -> pd.DataFrame:
    """(lat, lon) -> place_country: the polygon a point lies in, or the nearest one within
    half a degree (low-resolution coastlines cut off coastal capitals)."""
    import geopandas as gpd

    if callable(countries):
        countries = countries()
    if points.empty:
        return pd.DataFrame({"lat": pd.Series(dtype=float), "lon": pd.Series(dtype=float), "place_country": pd.Series(dtype=str)})
    frame = gpd.GeoDataFrame(points, geometry=gpd.points_from_xy(points["lon"], points["lat"]), crs="EPSG:4326")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # distances in degrees are fine for "which country is nearest"
        joined = gpd.sjoin_nearest(frame, countries[["iso_a3", "geometry"]], how="left", max_distance=0.5)
    joined = joined[~joined.index.duplicated()]
    return pd.DataFrame({"lat": joined["lat"], "lon": joined["lon"], "place_country": joined["iso_a3"].fillna("")})


def normalized(table: str, relation: str, present: list[str]) -> str:
    """SELECT over relation with the app's columns cast to their types (missing -> NULL)."""
    wanted = COLUMNS[table]
    known = [f'TRY_CAST("{c}" AS {t}) AS "{c}"' if c in present else f'CAST(NULL AS {t}) AS "{c}"' for c, t in wanted.items()]
    others = [f'"{c}"' for c in present if c not in wanted and c != "month"]
    return f"SELECT {', '.join(known + others)} FROM {relation}"


def add_tables(con: duckdb.DuckDBPyConnection, frames: dict[str, object], countries: Countries, prefix: str = "") -> None:
    """Create prefix+table for each table (Arrow or pandas), normalized, events with place_country and month."""
    for table in TABLES:
        source = frames.get(table)
        raw = f"raw_{prefix}{table}"
        if source is None or not len(source.columns if isinstance(source, pd.DataFrame) else source.schema.names):  # type: ignore[union-attr]
            source = pd.DataFrame({c: pd.Series(dtype=object) for c in COLUMNS[table]})
        con.register(raw, source)
        present = [d[0] for d in con.execute(f"SELECT * FROM {raw} LIMIT 0").description]
        select = normalized(table, raw, present)
        month = (
            # a date known only to the year belongs to no month: charts would pile it on January
            "CASE WHEN e.date_precision = 'year' THEN NULL ELSE date_trunc('month', e.date)::DATE END AS month"
        )
        if table == "events" and "place_country" in present:  # the pipeline wrote it: no polygons needed
            select = f"SELECT e.* REPLACE (coalesce(e.place_country, '') AS place_country), {month} FROM ({select}) e"
        elif table == "events":
            points = con.execute(
                f"SELECT DISTINCT lat, lon FROM ({select}) "
                "WHERE lat IS NOT NULL AND lon IS NOT NULL AND coalesce(geo_precision, '') <> 'region'"
            ).df()
            con.register(f"pc_{prefix}", place_countries(points, countries))
            select = (
                f"SELECT e.*, coalesce(pc.place_country, '') AS place_country, {month} "
                f"FROM ({select}) e LEFT JOIN pc_{prefix} pc ON e.lat = pc.lat AND e.lon = pc.lon"
            )
        con.execute(f"CREATE OR REPLACE TABLE {prefix}{table} AS {select}")
        con.unregister(raw)
        if table == "events" and "place_country" not in present:
            con.unregister(f"pc_{prefix}")


@dataclass
class Store:
    """The shared, read-only store of one build, held in memory."""

    con: duckdb.DuckDBPyConnection
    path: Path
    version: str  # changes whenever the file is rebuilt
    info: dict[str, str] = field(default_factory=dict)


def load_store(path: Path, countries: Countries) -> Store:
    with connect(path) as source:
        frames = {t: source.sql(f'SELECT * FROM "{t}"').to_arrow_table() for t in TABLES if has_table(source, t)}
        info = dict(source.execute("SELECT key, value FROM build_info").fetchall()) if has_table(source, "build_info") else {}
    con = duckdb.connect(":memory:")
    add_tables(con, frames, countries)
    for table in TABLES:
        con.execute(f"CREATE VIEW v_{table} AS SELECT * FROM main.{table}")
    stat = path.stat()
    return Store(con, path, f"{stat.st_mtime_ns}-{stat.st_size}", info)


def has_table(con: duckdb.DuckDBPyConnection, name: str) -> bool:
    found = con.execute("SELECT count(*) FROM information_schema.tables WHERE table_name = ?", [name]).fetchall()
    return bool(found[0][0])


@dataclass(frozen=True)
class Uploads:
    """Articles one session coded from uploaded files: normalized table frames."""

    tables: dict[str, pd.DataFrame]
    article_ids: tuple[str, ...] = ()
    digests: tuple[str, ...] = ()

    def plus(self, tables: dict[str, pd.DataFrame], article_id: str, digest: str) -> Uploads:
        merged = {t: pd.concat([self.tables[t], tables[t]], ignore_index=True) if t in self.tables else tables[t] for t in TABLES}
        return Uploads(merged, (*self.article_ids, article_id), (*self.digests, digest))


def normalize_upload(tables: dict[str, pd.DataFrame], countries: Countries) -> dict[str, pd.DataFrame]:
    """Give uploaded tables the same columns and types as the store's, place_country included."""
    con = duckdb.connect(":memory:")
    try:
        add_tables(con, dict(tables), countries)
        return {t: con.execute(f"SELECT * FROM {t}").df() for t in TABLES}
    finally:
        con.close()


@dataclass(frozen=True)
class View:
    """One session's data: the store, plus its uploads when it has any."""

    store: Store
    uploads: Uploads | None = None

    @property
    def key(self) -> str:
        """Identifies the data for caches: store build and uploaded files."""
        return self.store.version + ("|" + ",".join(self.uploads.digests) if self.uploads else "")

    @contextmanager
    def cursor(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """A connection of its own (DuckDB connections are not shared between threads), with
        v_* views that add this session's uploads to the store's tables."""
        cur = self.store.con.cursor()
        try:
            if self.uploads:
                for table in TABLES:
                    cur.register(f"up_{table}", self.uploads.tables[table])
                    extra = "WHERE code NOT IN (SELECT code FROM main.actors)" if table == "actors" else ""
                    cur.execute(
                        f"CREATE TEMP VIEW v_{table} AS SELECT * FROM main.{table} "
                        f"UNION ALL BY NAME SELECT * FROM up_{table} {extra}"
                    )
            yield cur
        finally:
            cur.close()

    def frame(self, sql: str, params: list[object] | None = None) -> pd.DataFrame:
        with self.cursor() as cur:
            return cur.execute(sql, params or []).df()

    def records(self, sql: str, params: list[object] | None = None) -> list[dict[str, object]]:
        """Rows as dicts with Python values (dates stay datetime.date), for the exports."""
        with self.cursor() as cur:
            result = cur.execute(sql, params or [])
            names = [d[0] for d in result.description]
            return [dict(zip(names, row, strict=True)) for row in result.fetchall()]

    def scalar(self, sql: str, params: list[object] | None = None) -> object:
        with self.cursor() as cur:
            rows = cur.execute(sql, params or []).fetchall()
            return rows[0][0] if rows else None
