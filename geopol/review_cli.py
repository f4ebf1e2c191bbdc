"""The review commands: geopol eval, geopol reviews export, and the reviews line of geopol check.

Reads the reviews file and the store; prints the coder's scores against the reviews, writes the
current reviews in the documented export format, and says which reviews no longer find their
sentence (an article edited or removed since it was reviewed).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from geopol.exports import to_csv
from geopol.paths import STORE_PATH
from geopol.review import Review, current, read_reviews, reviews_path, write_atomically
from geopol.review_store import unmatched_problem

EXPORT_COLUMNS = (
    "review_id",
    "action",
    "status",
    "at",
    "reviewer",
    "note",
    "article_id",
    "sentence_index",
    "sentence_start",
    "cue_start",
    "cue_end",
    "cue",
    "actor_code",
    "recipient_code",
    "sentence",
    "sentence_hash",
    "values",
    "target",
    "event_id",
    "applies",
)


def add_commands(commands: argparse._SubParsersAction) -> None:
    """eval and reviews export, with their options."""
    evaluate = commands.add_parser(
        "eval",
        help="score the coder against the analysts' reviews",
        description="Apply the reviews to a copy of the store and print precision (coded events confirmed, corrected "
        "or rejected), recall (against the events analysts added) and the share of one-sided events, per category.",
    )
    add_review_options(evaluate)
    reviews = commands.add_parser(
        "reviews", help="work with the analysts' reviews file", description="Work with the analysts' reviews file."
    )
    actions = reviews.add_subparsers(dest="action", required=True)
    export = actions.add_parser(
        "export",
        help="write the current review of each event as JSON lines or CSV",
        description="Write the latest review of each event (the file keeps every review as history), with the event "
        "it applies to in the store, as JSON lines (one object a line) or CSV (formula-safe).",
    )
    add_review_options(export)
    export.add_argument("--format", choices=("jsonl", "csv"), default="jsonl", help="output format (default: jsonl)")
    export.add_argument("--output", type=Path, help="file to write, through a temporary file (default: standard output)")


def add_review_options(command: argparse.ArgumentParser) -> None:
    command.add_argument("--store", type=Path, default=STORE_PATH, help="DuckDB file (default: data/geopol.duckdb)")
    command.add_argument("--reviews", type=Path, help="reviews file (default: reviews.jsonl beside the store)")


def run(args: argparse.Namespace) -> int:
    path = args.reviews or reviews_path(args.store)
    reviews, problems = read_reviews(path)
    for problem in problems:
        print(problem, file=sys.stderr)
    if not args.store.exists():
        print(f"error: store {args.store} does not exist yet; build it: python -m geopol build", file=sys.stderr)
        return 2
    if args.command == "eval":
        return evaluate(args.store, reviews)
    return export(args.store, reviews, args.format, args.output)


def current_rows(store: Path) -> list[dict[str, object]]:
    """Every event row of the store, with the reviews file as it is now applied."""
    from geopol.review_eval import reviewed_rows

    reviews, _ = read_reviews(reviews_path(store))
    return reviewed_rows(store, reviews, "TRUE", "date NULLS LAST, event_id, rowid")[0]


def evaluate(store: Path, reviews: list[Review]) -> int:
    from geopol.review_eval import report, reviewed_rows, verdicts

    rows, unmatched = reviewed_rows(store, reviews)
    for review in unmatched:
        print(unmatched_problem(review), file=sys.stderr)
    print(report(verdicts(rows)))
    return 0


def export_rows(store: Path, reviews: list[Review]) -> list[dict[str, object]]:
    """The current reviews, each with the event it applies to ("" when its sentence is gone)."""
    from geopol.review_eval import reviewed_rows

    latest = current(reviews)
    rows, unmatched = reviewed_rows(store, latest)
    gone = {r.review_id for r in unmatched}
    event_of = {str(r["review_id"]): str(r["event_id"]) for r in rows}
    out = []
    for review in latest:
        data = review.to_json()
        fingerprint = data.pop("fingerprint")
        assert isinstance(fingerprint, dict)
        data.pop("format")
        own = review.target or review.review_id
        out.append(
            {
                **data,
                **fingerprint,
                "status": review.status,
                "event_id": event_of.get(review.review_id) or event_of.get(own, ""),
                "applies": own not in gone and review.review_id not in gone,
            }
        )
    return out


def export(store: Path, reviews: list[Review], output_format: str, output: Path | None) -> int:
    rows = export_rows(store, reviews)
    if output_format == "csv":
        text = to_csv(({**r, "values": json.dumps(r["values"], ensure_ascii=False)} for r in rows), EXPORT_COLUMNS)
    else:
        text = "".join(json.dumps({k: r.get(k) for k in EXPORT_COLUMNS}, ensure_ascii=False) + "\n" for r in rows)
    if output is None:
        sys.stdout.write(text)
    else:
        write_atomically(output, text)
        print(f"wrote {len(rows)} reviews to {output}", file=sys.stderr)
    return 0


def check_reviews(store: Path, path: Path | None = None) -> list[tuple[bool, str, str]]:
    """geopol check's lines about the reviews file: readable, and every review still applies."""
    path = path or reviews_path(store)
    if not path.exists():
        return [(True, f"reviews {path}: none yet", "")]
    reviews, problems = read_reviews(path)
    results = [(False, str(p), "fix or remove that line of the reviews file") for p in problems]
    if not store.exists():
        return results
    from geopol.review_eval import reviewed_rows

    _, unmatched = reviewed_rows(store, reviews)
    latest = current(reviews)
    if not unmatched:
        results.append((True, f"reviews {path}: {len(latest)} reviewed events, every review applies", ""))
        return results
    results.append(
        (
            False,
            f"reviews {path}: {len(unmatched)} of {len(latest)} reviews no longer find their sentence "
            "(the article was edited or removed):\n" + "\n".join(f"      {unmatched_problem(r)}" for r in unmatched),
            "review those events again in the app, or remove their lines from the reviews file",
        )
    )
    return results
