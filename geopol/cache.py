"""The cache of coded articles that makes builds incremental.

Reads the coder's inputs (the dictionary files under data/, the model folder when there is one,
geopol's own modules and spaCy's version) and the Parquet partitions the workers coded; adds the
coder's version, each article's key (its content and that version), and the reason a build
codes every article again. A partition is written whole or not at all, so a killed build
leaves the articles it finished for the next one.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import shutil
import uuid
from collections.abc import Callable
from dataclasses import dataclass, replace
from importlib import metadata
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq

from geopol import columns
from geopol.dictionaries import ActorInfo
from geopol.ingest import RawArticle
from geopol.manifest import ManifestRow
from geopol.review import REVIEWS_NAME

# Files under data/ that the coder may read; the country outlines (.geojson) are the app's.
DICTIONARY_SUFFIXES = frozenset({".csv", ".tsv", ".txt", ".json", ".jsonl", ".yaml", ".yml"})
PACKAGE_DIR = Path(__file__).resolve().parent
# Modules that only orchestrate or read what the cache holds: a change to them recodes nothing.
# Every other module of the package is part of the coder's version.
AFTER_CODING = frozenset(
    {
        "__init__.py",
        "__main__.py",
        "cli.py",
        "cache.py",
        "build.py",
        "assemble.py",
        "distributed.py",
        "store.py",
        "exports.py",
        "relations.py",
        "review.py",
        "review_store.py",
        "review_eval.py",
    }
)
DUCKDB_MEMORY = "128MB"  # what DuckDB may hold while it reads, sorts or rewrites the cache; it spills past that
MAX_PARTS = 64  # past this many partitions, or a quarter of stale rows, the cache is rewritten
COMPACT_FILES = 32  # partitions rewritten into one at a time


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def dictionary_files(data_dir: Path) -> list[Path]:
    """Every dictionary file under data_dir: not hidden, not in a store's cache folder, not the analysts' reviews."""
    found = []
    for path in sorted(data_dir.rglob("*")):
        parts = path.relative_to(data_dir).parts
        if (
            path.suffix in DICTIONARY_SUFFIXES
            and path.is_file()
            and not any(p.startswith(".") or p.endswith(".cache") for p in parts)
            and path.name != REVIEWS_NAME
        ):
            found.append(path)
    return found


@dataclass(frozen=True)
class CoderVersion:
    """A hash of each input of the coder, by name: data/..., model/..., geopol/..., spacy."""

    files: dict[str, str]

    @property
    def digest(self) -> str:
        return digest(json.dumps(self.files, sort_keys=True).encode())

    def changes(self, before: CoderVersion) -> str:
        """What changed since before, in words, e.g. "dictionaries (data/cues.csv)"."""
        changed = sorted(
            name for name in self.files.keys() | before.files.keys() if self.files.get(name) != before.files.get(name)
        )
        kinds = {"data": "dictionaries", "model": "model", "geopol": "code", "spacy": "spaCy version"}
        said: dict[str, list[str]] = {}
        for name in changed:
            said.setdefault(kinds[name.split("/")[0]], []).append(name)
        return "; ".join(f"{kind} ({', '.join(names[:3])}{' ...' if len(names) > 3 else ''})" for kind, names in said.items())


def coder_version(data_dir: Path, model_dir: Path) -> CoderVersion:
    files = {f"data/{p.relative_to(data_dir).as_posix()}": digest(p.read_bytes()) for p in dictionary_files(data_dir)}
    if model_dir.is_dir():
        for path in sorted(p for p in model_dir.rglob("*") if p.is_file()):
            files[f"model/{path.relative_to(model_dir).as_posix()}"] = digest(path.read_bytes())
    for module in sorted(PACKAGE_DIR.glob("*.py")):
        if module.name not in AFTER_CODING:
            files[f"geopol/{module.name}"] = digest(module.read_bytes())
    files["spacy"] = metadata.version("spacy")
    return CoderVersion(files)


def article_key(version: str, raw: RawArticle, row: ManifestRow | None) -> str:
    """What the coded reports of a file depend on: the coder's version, the file's name, text
    and metadata, and its manifest row (not the row's line: rows move when others are removed)."""
    fields = replace(row, line=0) if row else None
    head = repr((version, raw.path.name, raw.kind, raw.encoding, sorted(raw.metadata.items()), raw.notes, fields))
    return digest(head.encode("utf-8", "surrogateescape") + b"\0" + raw.text.encode("utf-8", "surrogateescape"))


@dataclass(frozen=True)
class Partition:
    """One coded batch: its articles (one row per file) and its event reports, as Parquet."""

    articles: bytes
    reports: bytes
    version: str  # the coder version of the worker that coded it
    coded: int  # files in the batch


class Cache:
    """A folder of partitions: parts/NAME.articles.parquet and parts/NAME.reports.parquet."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.parts = folder / "parts"

    def open(self, version: CoderVersion) -> str:
        """Make the cache ready for this coder version. Returns why every article must be coded
        again ("" when the version is the cache's, or the cache is new)."""
        self.parts.mkdir(parents=True, exist_ok=True)
        stamp = self.folder / "version.json"
        reason = ""
        if stamp.exists():
            try:
                before = CoderVersion(json.loads(stamp.read_text(encoding="utf-8")))
            except (ValueError, TypeError):
                before = CoderVersion({})
            reason = version.changes(before)
        if reason or not stamp.exists():
            shutil.rmtree(self.parts)  # no key of the old version can match again
            self.parts.mkdir()
            (self.folder / "actors.parquet").unlink(missing_ok=True)
            write_atomically(stamp, json.dumps(version.files, indent=1, sort_keys=True).encode())
        for leftover in self.parts.glob(".*"):  # a partition a killed build was writing
            leftover.unlink()
        for reports in self.parts.glob("*.reports.parquet"):  # killed before its articles file
            if not reports.with_name(reports.name.replace(".reports.", ".articles.")).exists():
                reports.unlink()
        return reason

    def actors(self, load: Callable[[], dict[str, ActorInfo]]) -> dict[str, ActorInfo]:
        """The dictionaries' actors for the store, loaded (which validates every dictionary
        file) only when the coder version is new: a rebuild need not load the dictionaries."""
        path = self.folder / "actors.parquet"
        if path.exists():
            found = (columns.record(ActorInfo, row) for row in pq.read_table(path).to_pylist())
            return {actor.code: actor for actor in found}
        actors = load()
        out = io.BytesIO()
        pq.write_table(columns.table(ActorInfo, list(actors.values())), out)
        write_atomically(path, out.getvalue())
        return actors

    def files(self, kind: str) -> list[str]:
        return sorted(str(p) for p in self.parts.glob(f"*.{kind}.parquet"))

    def known(self) -> set[str]:
        """The keys of the files coded so far."""
        if not self.files("articles"):
            return set()
        with duckdb.connect(config={"memory_limit": DUCKDB_MEMORY}) as con:
            return {
                key for (key,) in con.execute("SELECT DISTINCT key FROM read_parquet(?)", [self.files("articles")]).fetchall()
            }

    def add(self, partition: Partition) -> None:
        """Reports first: an articles file says its batch is complete."""
        name = uuid.uuid4().hex
        write_atomically(self.parts / f"{name}.reports.parquet", partition.reports)
        write_atomically(self.parts / f"{name}.articles.parquet", partition.articles)

    def compact(self, live: set[str]) -> None:
        """Rewrite the cache with only the live keys, COMPACT_FILES partitions into one, when it
        has many partitions or many rows of removed or changed articles (DuckDB streams it)."""
        articles = self.files("articles")
        if not articles:
            return
        with duckdb.connect(config={"memory_limit": DUCKDB_MEMORY, "preserve_insertion_order": False}) as con:
            [(total,)] = con.execute("SELECT count(*) FROM read_parquet(?)", [articles]).fetchall()
            if len(articles) <= MAX_PARTS and total - len(live) <= total // 4:
                return
            con.register("live", pa.table({"key": sorted(live)}))
            for start in range(0, len(articles), COMPACT_FILES):
                chunk = articles[start : start + COMPACT_FILES]
                self.rewrite(con, chunk, [f.replace(".articles.parquet", ".reports.parquet") for f in chunk])

    def rewrite(self, con: duckdb.DuckDBPyConnection, articles: list[str], reports: list[str]) -> None:
        """Some partitions as one, with the rows of the live keys only; then the old ones go."""
        name = uuid.uuid4().hex
        for kind, files in (("reports", reports), ("articles", articles)):
            target = self.parts / f".{name}.{kind}.parquet"
            query = "SELECT * FROM read_parquet(?) SEMI JOIN live USING (key)"
            con.execute(f"COPY ({query}) TO '{target}' (FORMAT parquet)", [files])
            os.replace(target, self.parts / f"{name}.{kind}.parquet")
        for old in (*articles, *reports):
            Path(old).unlink()


def write_atomically(path: Path, data: bytes) -> None:
    temporary = path.with_name(f".{path.name}.{os.getpid()}")
    temporary.write_bytes(data)
    os.replace(temporary, path)
