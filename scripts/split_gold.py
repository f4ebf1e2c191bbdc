"""Split evaluation records into a tuning part and a held-out part, the same way every time.

    python scripts/split_gold.py GOLD.jsonl OUT_DIR            # PLOVER gold records: tune.jsonl, test.jsonl
    python scripts/split_gold.py --articles ARTICLES_DIR OUT_DIR   # article folder: tune/ and test/

A gold record goes to the tuning part when the SHA-1 of "geopol-split-2026:" + its id is
even, else to the held-out part. Articles alternate in file-name order: the first, third,
fifth... are for tuning, the others held out. The coder's rules were tuned by looking at the
tuning part only; the held-out part is scored, not read.
"""

from __future__ import annotations

import csv
import hashlib
import json
import shutil
import sys
from pathlib import Path

SALT = "geopol-split-2026:"


def tuning(identifier: str) -> bool:
    return int(hashlib.sha1((SALT + identifier).encode()).hexdigest(), 16) % 2 == 0


def split_records(gold: Path, out: Path) -> tuple[int, int]:
    out.mkdir(parents=True, exist_ok=True)
    parts: dict[bool, list[str]] = {True: [], False: []}
    for line in gold.read_text(encoding="utf-8").splitlines():
        if line.strip():
            parts[tuning(json.loads(line)["id"])].append(line + "\n")
    (out / "tune.jsonl").write_text("".join(parts[True]), encoding="utf-8")
    (out / "test.jsonl").write_text("".join(parts[False]), encoding="utf-8")
    return len(parts[True]), len(parts[False])


def split_articles(folder: Path, out: Path) -> tuple[int, int]:
    """Articles alternate in file-name order; gold.csv rows follow their article."""
    with (folder / "gold.csv").open(encoding="utf-8") as f:
        reader = csv.DictReader(f)
        fields, rows = reader.fieldnames or [], list(reader)
    counts = {True: 0, False: 0}
    for part, name in ((True, "tune"), (False, "test")):
        target = out / name
        target.mkdir(parents=True, exist_ok=True)
        files = sorted(folder.glob("*.txt"))
        stems = [p for i, p in enumerate(files) if (i % 2 == 0) == part]
        for path in stems:
            shutil.copy(path, target / path.name)
        keep = {p.stem for p in stems}
        with (target / "gold.csv").open("w", newline="", encoding="utf-8") as f:
            writer = csv.DictWriter(f, fieldnames=fields)
            writer.writeheader()
            writer.writerows(r for r in rows if r["article"] in keep)
        counts[part] = len(stems)
    return counts[True], counts[False]


def main(argv: list[str]) -> int:
    if len(argv) == 4 and argv[1] == "--articles":
        tune, test = split_articles(Path(argv[2]), Path(argv[3]))
    elif len(argv) == 3:
        tune, test = split_records(Path(argv[1]), Path(argv[2]))
    else:
        print(__doc__)
        return 2
    print(f"tuning part: {tune}, held-out part: {test}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
