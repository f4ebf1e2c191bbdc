"""Benchmark the pipeline on a large synthetic corpus and print articles/s, events/s and memory.

The corpus is made by recombining the sentences of the shipped articles into new articles
(shuffled, with publication dates spread over 2023-2024), so the text is real news prose.

    python scripts/bench_pipeline.py                 # 10,000 articles
    python scripts/bench_pipeline.py --articles 2000 --keep bench/
"""

from __future__ import annotations

import argparse
import csv
import random
import resource
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from geopol import pipeline
from geopol.corroborate import corroborate
from geopol.paths import CORPUS_DIR
from geopol.store import save

SENTENCES_PER_ARTICLE = 12


def seed_sentences(coder: pipeline.Coder) -> list[str]:
    corpus = pipeline.read_corpus([CORPUS_DIR], coder.dictionaries)
    sentences = []
    for article in corpus.articles:
        sentences.extend(s.text.strip() for s in coder.nlp(article.text).sents if len(s.text.split()) > 6)
    return sentences


def make_corpus(folder: Path, sentences: list[str], count: int, rng: random.Random) -> None:
    rows = []
    start = date(2023, 7, 26)
    for i in range(count):
        name = f"{i:05d}.txt"
        picked = rng.sample(sentences, min(SENTENCES_PER_ARTICLE, len(sentences)))
        (folder / name).write_text("\n\n".join(picked) + "\n", encoding="utf-8")
        published = start + timedelta(days=rng.randrange(0, 520))
        rows.append(
            {
                "id": f"{i:05d}",
                "file": name,
                "title": "",
                "outlet": "",
                "author": "",
                "url": "",
                "published": published.isoformat(),
            }
        )
    with (folder / "sources.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=10_000, help="number of synthetic articles (default 10,000)")
    parser.add_argument("--keep", type=Path, help="write the corpus and store here instead of a temporary folder")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()

    started = time.perf_counter()
    coder = pipeline.Coder()
    loaded = time.perf_counter() - started
    work = args.keep or Path(tempfile.mkdtemp(prefix="geopol-bench-"))
    corpus_dir = work / "corpus"
    corpus_dir.mkdir(parents=True, exist_ok=True)
    make_corpus(corpus_dir, seed_sentences(coder), args.articles, random.Random(args.seed))

    t0 = time.perf_counter()
    corpus = pipeline.read_corpus([corpus_dir], coder.dictionaries)
    t1 = time.perf_counter()
    events = coder.code(corpus.articles)
    t2 = time.perf_counter()
    events = corroborate(events)
    articles, events = pipeline.infer_publication(corpus.articles, events)
    t3 = time.perf_counter()
    save(work / "bench.duckdb", articles, events, coder.dictionaries.actors, corpus.problems)
    t4 = time.perf_counter()

    n = len(articles)
    reports = len(events)
    clusters = len({e.event_id for e in events})
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"articles             {n}")
    print(f"event reports        {reports} ({clusters} events after corroboration)")
    print(f"load dictionaries    {loaded:6.2f} s")
    print(f"read + clean         {t1 - t0:6.2f} s  ({n / (t1 - t0):,.0f} articles/s)")
    print(f"code (nlp, coder)    {t2 - t1:6.2f} s  ({n / (t2 - t1):,.0f} articles/s, {reports / (t2 - t1):,.0f} events/s)")
    print(f"corroborate          {t3 - t2:6.2f} s")
    print(f"store                {t4 - t3:6.2f} s")
    print(f"total                {t4 - t0:6.2f} s  ({n / (t4 - t0):,.0f} articles/s end to end)")
    print(f"peak memory          {peak_mb:,.0f} MB")


if __name__ == "__main__":
    main()
