"""Benchmark `geopol build` and `geopol extract` on corpora of real-length articles: articles/s
on 1 and 2 Dask workers, scaling efficiency, peak memory of the driver and of each worker, and
incremental rebuilds (10 articles added, one removed, nothing changed).

    python scripts/bench_pipeline.py CORPUS [CORPUS ...] [--workers 1 2] [--builds-only | --no-extract] [--work bench/]

Each CORPUS is a folder of articles with its sources.csv. It is copied to the work folder first
(the incremental runs add and remove files in the copy). Peak memory is each process's high
water mark of resident memory (VmHWM, read from /proc while it runs), so Linux only.
"""

from __future__ import annotations

import argparse
import csv
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import psutil

POLL = 0.25  # seconds between two reads of the processes' memory


@dataclass
class Run:
    seconds: float
    driver_mb: float
    workers_mb: list[float] = field(default_factory=list)
    output: str = ""


def high_water_mb(pid: int) -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def is_worker(process: psutil.Process) -> bool:
    """A Dask worker process, which a local cluster starts with multiprocessing's spawn."""
    try:
        return "spawn_main" in " ".join(process.cmdline())
    except psutil.Error:
        return False


def measure(command: list[str], stdout: Path | None = None) -> Run:
    """Run a geopol command, following the peak memory of it and of every process it starts."""
    started = time.perf_counter()
    with open(stdout or "/dev/null", "w") as out:
        process = subprocess.Popen(command, stdout=out if stdout else subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        root = psutil.Process(process.pid)
        peaks: dict[int, float] = {}
        workers: set[int] = set()
        while process.poll() is None:
            peaks[process.pid] = max(peaks.get(process.pid, 0.0), high_water_mb(process.pid))
            for child in root.children(recursive=True):
                peaks[child.pid] = max(peaks.get(child.pid, 0.0), high_water_mb(child.pid))
                if child.pid not in workers and is_worker(child) and child.children() == []:
                    workers.add(child.pid)
            time.sleep(POLL)
        output, errors = process.communicate()
    seconds = time.perf_counter() - started
    if process.returncode != 0:
        sys.exit(f"{' '.join(command)} failed:\n{errors}")
    # workers: the leaves of the tree (the nannies are their parents)
    return Run(seconds, peaks.get(process.pid, 0.0), sorted((peaks[p] for p in workers), reverse=True), output or "")


def geopol(*args: str) -> list[str]:
    return [sys.executable, "-m", "geopol", *args]


def add_articles(corpus: Path, count: int) -> list[str]:
    """count new articles: copies of the first ones under new ids, a week later."""
    with (corpus / "sources.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    added = []
    for i, row in enumerate(rows[:count]):
        new = {**row, "id": f"added-{i:03d}", "file": f"added-{i:03d}.txt"}
        shutil.copy(corpus / row["file"], corpus / new["file"])
        rows.append(new)
        added.append(new["id"])
    write_manifest(corpus, rows)
    return added


def remove_article(corpus: Path, article_id: str) -> None:
    with (corpus / "sources.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    (corpus / next(r["file"] for r in rows if r["id"] == article_id)).unlink()
    write_manifest(corpus, [r for r in rows if r["id"] != article_id])


def write_manifest(corpus: Path, rows: list[dict[str, str]]) -> None:
    with (corpus / "sources.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)


def count_articles(corpus: Path) -> int:
    return sum(1 for p in corpus.iterdir() if p.suffix in (".txt", ".md", ".html"))


def bench(source: Path, work: Path, worker_counts: list[int], builds_only: bool, extract: bool) -> None:
    corpus = work / source.name
    shutil.rmtree(corpus, ignore_errors=True)
    shutil.copytree(source, corpus)
    n = count_articles(corpus)
    print(f"\n{n:,} articles ({source.name})", flush=True)
    rates: dict[int, float] = {}
    store = work / f"{source.name}.duckdb"
    for workers in worker_counts:
        shutil.rmtree(work / f"{source.name}.cache", ignore_errors=True)  # a full build: nothing cached
        args = ["build", "--corpus", str(corpus), "--store", str(store), "--workers", str(workers), "--quiet"]
        run = measure(geopol(*args))
        rates[workers] = n / run.seconds
        efficiency = rates[workers] / (rates[worker_counts[0]] * workers / worker_counts[0])  # against the first count
        print(
            f"  build, {workers} worker(s)   {run.seconds:7.1f} s  {rates[workers]:6.1f} articles/s  "
            f"efficiency {efficiency:4.0%}  driver {run.driver_mb:5.0f} MB  workers "
            + ", ".join(f"{mb:.0f}" for mb in run.workers_mb)
            + " MB",
            flush=True,
        )
    if builds_only:
        return
    full = n / rates[worker_counts[-1]]
    incremental = ["build", "--corpus", str(corpus), "--store", str(store), "--quiet"]  # as a user reruns it: few to code
    for label, change in (
        ("nothing changed", lambda: None),
        ("10 articles added", lambda: add_articles(corpus, 10)),
        ("1 article removed", lambda: remove_article(corpus, "added-000")),
    ):
        change()
        run = measure(geopol(*incremental))
        print(
            f"  rebuild, {label:18} {run.seconds:7.1f} s  {run.seconds / full:6.1%} of the full build  "
            f"driver {run.driver_mb:5.0f} MB"
        )
    for merge in (["--no-merge"], []) if extract else ():
        out = work / "extract.csv"
        run = measure(geopol("extract", str(corpus), "--workers", str(worker_counts[-1]), *merge), stdout=out)
        rows = sum(1 for _ in out.open(encoding="utf-8")) - 1
        print(
            f"  extract {'--no-merge' if merge else '(merged)  '}    {run.seconds:7.1f} s  {n / run.seconds:6.1f} articles/s  "
            f"{rows:,} rows  driver {run.driver_mb:5.0f} MB  workers " + ", ".join(f"{mb:.0f}" for mb in run.workers_mb) + " MB",
            flush=True,
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("corpora", nargs="+", type=Path, help="folders of articles with their sources.csv")
    parser.add_argument("--workers", nargs="+", type=int, default=[1, 2], help="worker counts to compare (default: 1 2)")
    parser.add_argument("--builds-only", action="store_true", help="full builds only: no rebuilds, no extract")
    parser.add_argument("--no-extract", action="store_true", help="no extract runs")
    parser.add_argument("--work", type=Path, help="folder for the copies, stores and caches (default: a temporary one)")
    args = parser.parse_args()
    work = args.work or Path(tempfile.mkdtemp(prefix="geopol-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    print(
        f"{psutil.cpu_count()} cores, {psutil.virtual_memory().total / 2**30:.0f} GB; load average {psutil.getloadavg()[0]:.1f}"
    )
    for corpus in args.corpora:
        bench(corpus, work, args.workers, args.builds_only, not args.no_extract)


if __name__ == "__main__":
    main()
