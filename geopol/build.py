"""Builds and extracts at scale: read and hash every file, code only what the cache lacks (on
Dask workers, or in this process for a few files), then corroborate and store with DuckDB.

Reads corpus folders or files; adds the store (build), or event rows streamed to a file
(extract). The driver reads and decodes each file (cheap) to know its key; cleaning and coding,
the costly part, happen on the workers.
"""

from __future__ import annotations

import contextlib
import dataclasses
import io
import tempfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import TextIO

import duckdb
import pyarrow.parquet as pq

from geopol import columns, paths
from geopol.articles import corpus_files, unique_id
from geopol.assemble import Staging, corroborated, dated_articles, publication_changes, write_store
from geopol.assemble import batches as arrow_batches
from geopol.batches import Item, Outcome, code_batch, wanted_id
from geopol.cache import DUCKDB_MEMORY, Cache, Partition, article_key, coder_version
from geopol.corroborate import corroborate
from geopol.dictionaries import ActorInfo
from geopol.exports import event_rows, to_csv, to_jsonl
from geopol.ingest import display_name, read_article_file
from geopol.manifest import MANIFEST_NAME, ManifestRow, read_manifest
from geopol.problems import Problem, StoreError
from geopol.published import infer_publication
from geopol.records import Article, Event
from geopol.review import Review, RowReviews, additions, read_reviews, reviews_path
from geopol.review_store import unmatched_problem
from geopol.store import swap_in

BATCH = 16  # files per task: big enough to amortise a task, small enough to stream and balance
IN_PROCESS_BELOW = 64  # fewer files to code than this: a local cluster costs more than it saves


@dataclass
class Entry:
    """One file of the corpus, as the driver read it."""

    path: Path
    folder: Path
    row: ManifestRow | None
    key: str = ""  # "" when the file could not be read
    wanted: str = ""
    problem: Problem | None = None
    no_row_note: bool = False  # the folder has a manifest without a row for this file


@dataclass
class Scan:
    """Manifest problems and files, in the order read_corpus reports them."""

    slots: list[Problem | Entry] = field(default_factory=list)

    @property
    def entries(self) -> list[Entry]:
        return [s for s in self.slots if isinstance(s, Entry)]


@dataclass
class Options:
    """Where and how to code: workers of a local cluster, or a cluster's scheduler address."""

    workers: int | None = None
    scheduler: str | None = None
    data_dir: Path = paths.DATA_DIR
    model_dir: Path = paths.MODEL_DIR
    today: date | None = None
    reviews: Path | None = None  # the analysts' reviews (default: reviews.jsonl beside the store)
    use_reviews: bool = True


@dataclass
class Built:
    articles: int
    problems: list[Problem]
    coded: int  # files coded by this build
    reused: int  # files whose coded reports came from the cache


def scan(sources: Iterable[Path], version: str, today: date | None = None) -> Scan:
    """Read and decode every file (cheap), keeping only its key, not its text."""
    found = Scan()
    manifests: dict[Path, dict[str, ManifestRow]] = {}
    for path, folder in corpus_files(sources):
        if folder not in manifests:
            manifests[folder], problems = read_manifest(folder, today)
            found.slots.extend(problems)
        row = manifests[folder].get(path.name)
        entry = Entry(path, folder, row, no_row_note=row is None and (folder / MANIFEST_NAME).exists())
        raw = read_article_file(path, folder)
        if isinstance(raw, Problem):
            entry.problem = raw
        else:
            entry.key, entry.wanted = article_key(version, raw, row), wanted_id(raw, row)
        found.slots.append(entry)
    return found


def batches(entries: list[Entry], version: str) -> Iterator[list[Item]]:
    """The files to code, read again and decoded, in batches of different wanted ids (a file
    changed since the scan is coded as it is now, under its new key)."""
    batch: list[Item] = []
    for entry in entries:
        raw = read_article_file(entry.path, entry.folder)
        if isinstance(raw, Problem):
            entry.key, entry.problem = "", raw
            continue
        entry.key, entry.wanted = article_key(version, raw, entry.row), wanted_id(raw, entry.row)
        if len(batch) == BATCH or any(wanted_id(i.raw, i.row) == entry.wanted for i in batch):
            yield batch
            batch = []
        batch.append(Item(entry.key, raw, entry.row))
    if batch:
        yield batch


def to_code(entries: list[Entry], known: set[str]) -> list[Entry]:
    """Readable files whose key the cache lacks, each key once."""
    todo: dict[str, Entry] = {}
    for entry in entries:
        if entry.key and entry.key not in known and entry.key not in todo:
            todo[entry.key] = entry
    return list(todo.values())


def coded(todo: list[Entry], version: str, options: Options) -> Iterator[Partition]:
    """The batches coded on Dask (a local cluster, or the one at options.scheduler), or in
    this process when they are few and no cluster was asked for."""
    if not todo:
        return
    work = batches(todo, version)
    if options.scheduler is None and options.workers is None and len(todo) < IN_PROCESS_BELOW:
        from geopol.pipeline import Coder  # spaCy: only when this process codes

        coder = Coder(options.data_dir)
        yield from (code_batch(batch, coder, version, options.today) for batch in work)
        return
    from geopol import distributed

    with distributed.client(options.workers, options.scheduler) as client:
        default = options.data_dir == paths.DATA_DIR and options.model_dir == paths.MODEL_DIR
        distributed.register_coder(client, None if default else options.data_dir, None if default else options.model_dir)
        yield from distributed.code_batches(client, work, options.today)


def checked(partition: Partition, version: str) -> Partition:
    if partition.version != version:
        raise StoreError(Problem("E008", "a worker"))
    return partition


Known = dict[str, tuple[str | None, list[Problem]]]  # key: (the id the coded file asks for, or None; its problems)


def outcomes(cache: Cache, keys: set[str]) -> Known:
    """For each key: the article id the coded file asks for (None when skipped) and its problems."""
    files = cache.files("articles")
    if not files:
        return {}
    found = {}
    with duckdb.connect(config={"memory_limit": DUCKDB_MEMORY}) as con:
        for batch in arrow_batches(con, "SELECT key, article.article_id AS wanted, problems FROM read_parquet(?)", [files]):
            for row in batch.to_pylist():
                if row["key"] in keys:
                    found[row["key"]] = (row["wanted"], [Problem(**p) for p in row["problems"]])
    return found


def final_ids(found: Scan, known: Known) -> tuple[list[tuple[int, str, str]], list[Problem]]:
    """(file order, key, final id) of every coded article and the problems in file order, ids
    made safe and unique as read_corpus does."""
    problems: list[Problem] = []
    entries: list[tuple[int, str, str]] = []
    taken: set[str] = set()
    for slot in found.slots:
        if isinstance(slot, Problem):
            problems.append(slot)
            continue
        if slot.problem is not None or slot.key not in known:
            problems.append(slot.problem or Problem("W008", display_name(slot.path), "changed while the build read it"))
            continue
        wanted, notes = known[slot.key]
        problems.extend(notes)
        if wanted is None:
            continue
        if slot.no_row_note:
            problems.append(Problem("I003", display_name(slot.path)))
        unique = unique_id(wanted, taken)
        if unique != wanted:
            problems.append(Problem("I004", display_name(slot.path), unique))
        entries.append((len(entries), slot.key, unique))
    return entries, problems


def default_cache(store: Path) -> Path:
    """The cache of a store: beside it, named after it (data/geopol.duckdb: data/geopol.cache)."""
    return store.with_name(store.stem + ".cache")


def build_store(
    corpus: Path,
    store: Path,
    options: Options,
    actors: Callable[[], dict[str, ActorInfo]],
    cache_dir: Path | None = None,
    progress: Callable[[int, int], None] | None = None,
    say: Callable[[str], None] | None = None,
) -> Built:
    """Code what changed since the last build, then write the store from every article's
    reports. progress(files just coded, files to code); say(a line for the user). The caller
    holds the store's build lock, which also guards its cache."""
    version = coder_version(options.data_dir, options.model_dir)
    cache = Cache(cache_dir or default_cache(store))
    reason = cache.open(version)
    cache.actors(actors)  # a broken dictionary row stops the build here, before any coding
    found = scan([corpus], version.digest, options.today)
    todo = to_code(found.entries, cache.known())
    if reason and say:
        say(f"Coding all {len(todo)} articles again: {reason} changed since the last build")
    if progress:
        progress(0, len(todo))
    for partition in coded(todo, version.digest, options):
        cache.add(checked(partition, version.digest))
        if progress:
            progress(partition.coded, len(todo))
    live = {e.key for e in found.entries if e.key}
    entries, problems = final_ids(found, outcomes(cache, live))
    if not entries:
        return Built(0, problems, len(todo), 0)  # the caller stops with E007, the store untouched
    reviews, review_problems = load_reviews(options, store)
    staging = Staging(cache.folder, cache, entries)
    unmatched: list[Problem] = []
    try:

        def write(temporary: Path) -> None:
            unmatched.extend(write_store(temporary, staging, cache.actors(actors), [*problems, *review_problems], reviews))

        swap_in(store, write)
    finally:
        staging.close()
    cache.compact(live)
    return Built(len(entries), [*problems, *review_problems, *unmatched], len(todo), len(live) - len(todo))


def load_reviews(options: Options, store: Path) -> tuple[list[Review], list[Problem]]:
    """The reviews to apply (none when turned off) and the lines of the file that are none."""
    if not options.use_reviews:
        return [], []
    return read_reviews(options.reviews or reviews_path(store))


def extract(
    sources: list[Path], out: TextIO, output_format: str, options: Options, merge: bool = True, problems_to: TextIO | None = None
) -> int:
    """Code the files and write their event rows, one per source-recipient pair and report.
    Merged: corroborated across all files, written once all are coded (streamed from DuckDB).
    Unmerged: each article's rows as soon as its batch is coded. Returns the number of rows."""
    version = coder_version(options.data_dir, options.model_dir)
    writer = Rows(out, output_format)
    reviews, review_problems = load_reviews(options, paths.STORE_PATH)
    for problem in review_problems:
        print(problem, file=problems_to)
    row_reviews = RowReviews(reviews)
    with tempfile.TemporaryDirectory(prefix="geopol-extract-") as folder:
        cache = Cache(Path(folder))
        cache.open(version)
        found = scan(sources, version.digest, options.today)
        if not merge:
            return extract_unmerged(found, version.digest, options, writer, problems_to, row_reviews)
        for partition in coded(to_code(found.entries, set()), version.digest, options):
            cache.add(checked(partition, version.digest))
        entries, problems = final_ids(found, outcomes(cache, {e.key for e in found.entries if e.key}))
        for problem in problems:
            print(problem, file=problems_to)
        if not entries:
            return 0
        staging = Staging(cache.folder, cache, entries)
        try:
            changed = publication_changes(staging)
            metadata = dated_articles(staging, changed)
            for group in corroborated(staging, changed):
                writer.write(row_reviews.apply(event_rows(group, metadata, per_report=True)))
            texts = staging.articles({r.fingerprint.article_id for r in row_reviews.latest}, text=True)
            write_additions(writer, row_reviews, {i: dataclasses.asdict(a) for i, a in texts.items()}, problems_to)
        finally:
            staging.close()
    return writer.count


def write_additions(
    writer: Rows, row_reviews: RowReviews, articles: dict[str, dict[str, object]], problems_to: TextIO | None
) -> None:
    """The events analysts added to these articles, then the reviews that found no report."""
    made = additions(row_reviews.latest, articles)
    writer.write(made.rows)
    for review in [*row_reviews.unmatched(), *made.unmatched]:
        print(unmatched_problem(review), file=problems_to)


def extract_unmerged(
    found: Scan, version: str, options: Options, writer: Rows, problems_to: TextIO | None, row_reviews: RowReviews
) -> int:
    """Each article corroborated and dated on its own, written as soon as its batch is coded."""
    taken: set[str] = set()
    final = {e.key: unique_id(e.wanted, taken) for e in found.entries if e.key}  # at once: rows go out as they come
    for slot in found.slots:
        problem = slot if isinstance(slot, Problem) else slot.problem
        if problem is not None:
            print(problem, file=problems_to)
    for partition in coded(to_code(found.entries, set()), version, options):
        for article, events, problems in decoded(checked(partition, version), final, taken):
            for problem in problems:
                print(problem, file=problems_to)
            if article is not None:
                articles, merged = infer_publication([article], corroborate(events))
                writer.write(row_reviews.apply(event_rows(merged, {a.article_id: a for a in articles}, per_report=True)))
                reviewed_here = RowReviews(r for r in row_reviews.latest if r.fingerprint.article_id == article.article_id)
                writer.write(additions(reviewed_here.latest, {article.article_id: dataclasses.asdict(article)}).rows)
    return writer.count


def decoded(
    partition: Partition, final: dict[str, str], taken: set[str]
) -> Iterator[tuple[Article | None, list[Event], list[Problem]]]:
    """Each file of a coded batch: its article (with its final id), its reports, its problems."""
    reports: dict[str, list[Event]] = {}
    for row in pq.read_table(io.BytesIO(partition.reports)).to_pylist():
        reports.setdefault(row["key"], []).append(columns.record(Event, row))
    for row in pq.read_table(io.BytesIO(partition.articles)).to_pylist():
        outcome = columns.record(Outcome, row)
        if outcome.article is None:
            yield None, [], list(outcome.problems)
            continue
        article_id = final.get(outcome.key) or unique_id(outcome.article.article_id, taken)  # changed since the scan
        events = [replace(e, article_id=article_id) for e in reports.get(outcome.key, [])]
        yield replace(outcome.article, article_id=article_id), events, list(outcome.problems)


class Rows:
    """Event rows written as CSV (one header) or JSON lines, flushed after each write."""

    def __init__(self, out: TextIO, output_format: str) -> None:
        self.out, self.format, self.count, self.started = out, output_format, 0, False

    def write(self, rows: list[dict[str, object]]) -> None:
        if self.format == "csv":
            self.out.write(to_csv(rows, header=not self.started))
            self.started = True
        else:
            self.out.write(to_jsonl(rows))
        self.count += len(rows)
        with contextlib.suppress(OSError):
            self.out.flush()
