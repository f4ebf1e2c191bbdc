"""Loading the event store for the app, and one session's view of it.

Reads the DuckDB store file (attached read-only: articles, reports and actors are read from the
file as they are needed); holds in memory one table, the events, with the columns the pages
filter and count on and a few the pipeline does not write: month, alignment (data/alignment.csv),
two_sided (both actors coded) and first_row / first_pair_row, which let a plain GROUP BY count
each event (and each event of a pair) once. A View is one session's data: the shared store plus
the articles that session uploaded, which live in st.session_state only and are joined in per
query, so no other session ever sees them.
"""

from __future__ import annotations

import os
import threading
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, TypeAlias

import duckdb
import pandas as pd

from dashboard import alignment
from dashboard.columns import COLUMNS, TABLES
from geopol import paths
from geopol.dictionaries import ActorInfo, load_states
from geopol.problems import Problem, StoreError
from geopol.review import Review, read_reviews, reviews_path
from geopol.review_store import apply_reviews, copy_for_review

if TYPE_CHECKING:
    from collections.abc import Callable

    import geopandas as gpd

    from dashboard.uploads import Uploads

    # the country polygons, or a function that loads them when they are needed at all
    Countries: TypeAlias = gpd.GeoDataFrame | Callable[[], gpd.GeoDataFrame]

MONTH = "CASE WHEN e.date_precision = 'year' THEN NULL ELSE date_trunc('month', e.date)::DATE END"  # a year is no month
TWO_SIDED = "(coalesce(e.actor_code, '') <> '' AND coalesce(e.recipient_code, '') <> '')"
PAIRED = f"{TWO_SIDED} AND e.actor_code <> e.recipient_code"  # a tie on the map: two different coded actors


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


def column_types(con: duckdb.DuckDBPyConnection, relation: str) -> dict[str, str]:
    return {d[0]: str(d[1]) for d in con.execute(f"SELECT * FROM {relation} LIMIT 0").description}


def cast(column: str, wanted: str, present: dict[str, str]) -> str:
    if column not in present:
        return f'CAST(NULL AS {wanted}) AS "{column}"'
    return f'"{column}"' if present[column].upper() == wanted else f'TRY_CAST("{column}" AS {wanted}) AS "{column}"'


def normalized(table: str, relation: str, present: dict[str, str], others: bool = True, rid: str = "") -> str:
    """SELECT over relation with the app's columns in their types (missing ones NULL, so a store
    written by an older or newer pipeline still opens); other columns pass through unless
    others is False; rid, when given, is an expression that numbers the rows."""
    wanted = COLUMNS[table]
    columns = [cast(c, t, present) for c, t in wanted.items()]
    columns += [f'"{c}"' for c in present if others and c not in wanted and c not in DERIVED]
    columns += [f"{rid} AS rid"] if rid else []
    return f"SELECT {', '.join(columns)} FROM {relation}"


DERIVED = frozenset(
    {"rid", "eno", "upload_rid", "month", "alignment", "two_sided", "pair_a", "pair_b", "first_row", "first_pair_row"}
)


def events_select(con: duckdb.DuckDBPyConnection, relation: str, countries: Countries, rid: str) -> str:
    """The app's events: normalized, with place_country, month, alignment, two_sided and the
    first-row flags; none an analyst rejected. rid numbers the rows (the store file's rowid, or
    negative for uploads)."""
    present = column_types(con, relation)
    base = normalized("events", relation, present, others=False, rid=rid)
    if "review_status" in present:
        base += " WHERE coalesce(review_status, '') <> 'rejected'"
    if "place_country" not in present:  # an older store: the polygons say where each place lies
        points = con.execute(
            f"SELECT DISTINCT lat, lon FROM {relation} WHERE lat IS NOT NULL AND lon IS NOT NULL "
            "AND coalesce(geo_precision, '') <> 'region'"
        ).df()
        create_table(con, "place_points", place_countries(points, countries))
        base = (
            f"SELECT b.* REPLACE (coalesce(p.place_country, '') AS place_country) FROM ({base}) b "
            "LEFT JOIN place_points p ON b.lat = p.lat AND b.lon = p.lon"
        )
    return f"""
        WITH e AS ({base}),
        multi AS (SELECT event_id, min(rid) AS eno FROM e GROUP BY event_id HAVING count(*) > 1),
        pair_firsts AS (
            SELECT min(rid) AS rid FROM e WHERE event_id IN (SELECT event_id FROM multi)
            GROUP BY event_id, least(actor_code, recipient_code), greatest(actor_code, recipient_code))
        SELECT e.* REPLACE (coalesce(e.place_country, '') AS place_country),
            coalesce(multi.eno, e.rid) AS eno,
            {MONTH} AS month,
            coalesce(wm.weight, wd.weight, 0.0) AS alignment,
            {TWO_SIDED} AS two_sided,
            CASE WHEN {PAIRED} THEN least(e.actor_code, e.recipient_code) END AS pair_a,
            CASE WHEN {PAIRED} THEN greatest(e.actor_code, e.recipient_code) END AS pair_b,
            multi.eno IS NULL OR multi.eno = e.rid AS first_row,
            multi.eno IS NULL OR e.rid IN (SELECT rid FROM pair_firsts) AS first_pair_row
        FROM e
        LEFT JOIN multi USING (event_id)
        LEFT JOIN alignment_weights wm ON wm.category = e.event_type AND wm.mode = e.mode AND wm.mode <> ''
        LEFT JOIN alignment_weights wd ON wd.category = e.event_type AND wd.mode = ''
    """


# Which article reports which event, as numbers (eno, ano), with the event's month (9999-12 when
# it has none): the headline counts articles month by month from this table.
REPORTS = """
    SELECT DISTINCT e.eno, a.ano, coalesce(e.month, DATE '9999-12-01') AS month
    FROM {sources} s
    JOIN (SELECT event_id, eno, month FROM {events} WHERE first_row) e USING (event_id)
    JOIN (SELECT article_id, {sign}row_number() OVER (ORDER BY article_id) AS ano
          FROM (SELECT DISTINCT article_id FROM {sources})) a USING (article_id)
"""


def create_table(con: duckdb.DuckDBPyConnection, name: str, frame: pd.DataFrame) -> None:
    """A DuckDB table holding a copy of the frame (visible to every cursor, unlike a registered frame)."""
    con.register("incoming_frame", frame)
    try:
        con.execute(f"CREATE OR REPLACE TABLE {name} AS SELECT * FROM incoming_frame")
    finally:
        con.unregister("incoming_frame")


def add_weights(con: duckdb.DuckDBPyConnection, weights: list[alignment.Weight]) -> None:
    create_table(con, "alignment_weights", alignment.weights_frame(weights))


def export_only(con: duckdb.DuckDBPyConnection, relation: str) -> list[str]:
    """The event columns the pages never read (article_ids, cue ...), kept for the downloads."""
    return [c for c in column_types(con, relation) if c not in COLUMNS["events"] and c not in DERIVED]


def empty_frame(table: str) -> pd.DataFrame:
    return pd.DataFrame({c: pd.Series(dtype=object) for c in COLUMNS[table]})


@dataclass
class Store:
    """The shared, read-only store of one build: events in memory, the rest read from the file."""

    con: duckdb.DuckDBPyConnection
    path: Path
    version: str  # changes whenever the file is rebuilt
    info: dict[str, str] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)
    matches: dict[str, str] = field(default_factory=dict)  # clause key -> table of matching row ids
    made: int = 0  # match tables made so far, for their names


def attach(con: duckdb.DuckDBPyConnection, path: Path) -> set[str]:
    """Attach the store file read-only as `store`; the names of its tables."""
    literal = str(path).replace("'", "''")  # ATTACH takes no parameters; the path is ours, not input
    try:
        con.execute(f"ATTACH '{literal}' AS store (READ_ONLY)")
    except duckdb.Error as error:
        raise StoreError(Problem("E004", path.name, str(error).splitlines()[0])) from error
    rows = con.execute("SELECT table_name FROM duckdb_tables() WHERE database_name = 'store'").fetchall()
    return {r[0] for r in rows}


def reviews_version(store: Path) -> str:
    """Changes whenever a review is added to the store's reviews file."""
    try:
        stat = reviews_path(store).stat()
    except OSError:
        return "no-reviews"
    return f"{stat.st_mtime_ns}-{stat.st_size}"


def store_version(path: Path) -> str:
    """Changes whenever the store is rebuilt or a review is added."""
    stat = path.stat()
    return f"{stat.st_mtime_ns}-{stat.st_size}-{reviews_version(path)}"


# Making the events table takes about as much memory again as the table keeps (the joins' hash
# tables, the columns on their way in); DuckDB's allocator kept it for later queries: 0.75 GB of
# the server's 1.6 GB after loading a million events. With a low flush threshold while the store
# loads it goes back to the system as each step ends; later queries run with DuckDB's default.
LOAD_FLUSH = "8MB"


def load_store(
    path: Path, countries: Countries, weights: list[alignment.Weight] | None = None, reviews: list[Review] | None = None
) -> Store:
    """The store in memory, with the reviews (by default its reviews file) applied to a copy of
    its events: the analysts' last word shows on every page without a rebuild."""
    con = duckdb.connect(":memory:")
    con.execute(f"SET allocator_bulk_deallocation_flush_threshold = '{LOAD_FLUSH}'")
    try:
        return fill_store(con, path, countries, weights, reviews)
    finally:
        con.execute("RESET allocator_bulk_deallocation_flush_threshold")


def fill_store(
    con: duckdb.DuckDBPyConnection,
    path: Path,
    countries: Countries,
    weights: list[alignment.Weight] | None,
    reviews: list[Review] | None,
) -> Store:
    """The tables and views of load_store, on its new connection."""
    tables = attach(con, path)
    add_weights(con, weights if weights is not None else alignment.load_weights())
    if reviews is None:
        reviews = read_reviews(reviews_path(path))[0]
    sources = reviewed_sources(con, tables, reviews)
    for table in TABLES:
        if table not in tables:
            create_table(con, f"empty_{table}", empty_frame(table))
        source = sources.get(table) or (f"store.{table}" if table in tables else f"empty_{table}")
        if table == "events":
            con.execute(f"CREATE TABLE events AS {events_select(con, source, countries, 'rowid')}")
            quoted = "".join(f', "{c}"' for c in export_only(con, source))
            con.execute(f"CREATE VIEW event_extras AS SELECT rowid AS rid{quoted} FROM {source}")
            con.execute(
                "CREATE VIEW events_export AS SELECT e.*, x.* EXCLUDE (rid) FROM events e LEFT JOIN event_extras x USING (rid)"
            )
        else:
            con.execute(f"CREATE VIEW {table} AS {normalized(table, source, column_types(con, source))}")
    con.execute(f"CREATE TABLE reports AS {REPORTS.format(sources='event_sources', events='events', sign='')}")
    for table in VIEWS:
        con.execute(f"CREATE VIEW v_{table} AS SELECT * FROM main.{table}")
    source = sources.get("events") or ("store.events" if "events" in tables else "empty_events")
    rejected = "review_status = 'rejected'" if "review_status" in column_types(con, source) else "FALSE"
    con.execute(f"CREATE VIEW rejected_events AS SELECT * FROM {source} WHERE {rejected}")
    info = dict(con.execute("SELECT key, value FROM store.build_info").fetchall()) if "build_info" in tables else {}
    return Store(con, path, store_version(path), info)


def reviewed_sources(con: duckdb.DuckDBPyConnection, tables: set[str], reviews: list[Review]) -> dict[str, str]:
    """Tables holding the store's events, reports and actors with the reviews applied (none
    when there is no review): table name -> the relation to read it from."""
    if not reviews or not {"events", "event_sources", "articles"} <= tables:
        return {}
    events, sources = copy_for_review(con, "store.events", "store.event_sources")
    applied = apply_reviews(con, reviews, events, sources, "store.articles")
    found = {"events": events, "event_sources": sources}
    if "actors" in tables:
        known = {r[0] for r in con.execute("SELECT code FROM store.actors").fetchall()}
        extra = [a for code, a in load_states(paths.DATA_DIR / "actors")[1].items() if code in applied.codes - known]
        frame = pd.DataFrame([asdict(a) for a in extra], columns=list(ActorInfo.__dataclass_fields__))
        create_table(con, "review_actors", frame)
        con.execute("CREATE TABLE reviewed_actors AS SELECT * FROM store.actors UNION ALL BY NAME SELECT * FROM review_actors")
        found["actors"] = "reviewed_actors"
    return found


VIEWS = (*TABLES, "events_export", "reports")  # each has a v_ view: the store's rows, plus a session's uploads


NO_EXTRA = pd.DataFrame({"event_id": pd.Series(dtype=str), "extra": pd.Series(dtype="int64")})


def session_union(table: str) -> str:
    """The store's rows and the session's uploaded ones; a stored event that an upload also
    reports counts that article among its sources."""
    store = f"SELECT * FROM main.{table}"
    if table in ("events", "events_export"):
        store = (
            f"SELECT s.* REPLACE (s.source_count + coalesce(c.extra, 0) AS source_count) "
            f"FROM main.{table} s LEFT JOIN up_corroborated c USING (event_id)"
        )
    extra = " WHERE code NOT IN (SELECT code FROM main.actors)" if table == "actors" else ""
    return f"{store} UNION ALL BY NAME SELECT * FROM up_{table}{extra}"


@dataclass(frozen=True)
class View:
    """One session's data: the store, plus its uploads when it has any."""

    store: Store
    uploads: Uploads | None = None  # dashboard.uploads.Uploads

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
                tables = self.uploads.tables
                cur.register("up_corroborated", tables.get("corroborated", NO_EXTRA))
                for table in VIEWS:
                    cur.register(f"up_{table}", tables["events" if table == "events_export" else table])
                    cur.execute(f"CREATE TEMP VIEW v_{table} AS {session_union(table)}")
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

    def matching(self, name: str, sql: str, params: list[object]) -> str:
        """The name of a table holding the row ids of v_events WHERE sql, made once per store
        build, uploads and condition: a word search scans every sentence once, not once a query."""
        key = f"{self.key}|{name}|{sql}|{params!r}"
        store = self.store
        with store.lock:
            table = store.matches.get(key)
            if table is None:
                store.made += 1
                table = f"match_{store.made}"
                with self.cursor() as cur:
                    cur.execute(f"CREATE TABLE main.{table} AS SELECT rid FROM v_events WHERE {sql}", params)
                store.matches[key] = table
                forget_oldest(store)
            return table


MATCHES_KEPT = 32


def forget_oldest(store: Store) -> None:
    """Drop the oldest match tables beyond the last few (the caller holds store.lock)."""
    while len(store.matches) > MATCHES_KEPT:
        key = next(iter(store.matches))
        store.con.execute(f"DROP TABLE IF EXISTS main.{store.matches.pop(key)}")
