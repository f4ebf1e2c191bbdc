"""What the parser costs: a bare parse of every sentence of a corpus, beside how much of it the
coder parses (only sentences holding an event cue and an actor candidate).

    python scripts/bench_parse.py CORPUS [--processes 1 2]

CORPUS is a folder of articles with its sources.csv (for instance one made by the evaluation
kit's scale_corpus.py). Prints words, sentences, the share the coder parses, and the seconds
and words per second of a bare parse of all sentences on 1 and 2 processes, and the CPU
seconds it took (on a busy machine, articles per CPU second is the steadier figure).
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
from pathlib import Path

from geopol.component import can_hold_event
from geopol.dictionaries import cached_dictionaries
from geopol.nlp import analyse, matchers_for, parser, preprocessor
from geopol.paths import DATA_DIR
from geopol.pipeline import read_corpus


def main(argv: list[str] | None = None) -> int:
    options = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    options.add_argument("corpus", type=Path)
    options.add_argument("--processes", type=int, nargs="+", default=[1, 2])
    args = options.parse_args(argv)

    articles = read_corpus([args.corpus], cached_dictionaries(DATA_DIR)).articles
    matchers = matchers_for(DATA_DIR)
    sentences: list[str] = []
    words = chosen_words = 0
    for doc in preprocessor().pipe((a.text for a in articles), batch_size=32):
        analysis = analyse(doc, matchers)
        for sentence in doc.sents:
            if not sentence.text.strip():
                continue
            sentences.append(sentence.text)
            words += len(sentence)
            if can_hold_event(analysis.window(sentence.start, sentence.end), sentence):
                chosen_words += len(sentence)
    print(f"articles             {len(articles)}")
    print(f"sentences            {len(sentences)} ({words} words)")
    print(f"parsed by the coder  {chosen_words} words ({chosen_words / max(words, 1):.0%})")
    nlp = parser()
    for processes in args.processes:
        started, cpu_started = time.perf_counter(), cpu_seconds()
        for _ in nlp.pipe(sentences, batch_size=64, n_process=processes):
            pass
        seconds, cpu = time.perf_counter() - started, cpu_seconds() - cpu_started
        print(
            f"bare parse, {processes} process{'es' if processes > 1 else ''}  {seconds:7.1f} s  "
            f"({words / seconds:,.0f} words/s, {len(articles) / seconds:.1f} articles/s; "
            f"{cpu:.1f} CPU s, {len(articles) / max(cpu, 1e-9):.1f} articles per CPU second)"
        )
    return 0


def cpu_seconds() -> float:
    """CPU time of this process and its finished children: a figure a busy machine distorts
    less than wall time."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


if __name__ == "__main__":
    sys.exit(main())
