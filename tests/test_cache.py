"""The cache of coded articles: what its version and keys depend on, and what a compaction keeps."""

from __future__ import annotations

import shutil
from pathlib import Path

from geopol.batches import Item, code_batch
from geopol.cache import Cache, article_key, coder_version, dictionary_files
from geopol.ingest import read_article_file
from geopol.manifest import ManifestRow
from geopol.paths import DATA_DIR
from geopol.pipeline import Coder


def dictionaries(tmp_path: Path) -> Path:
    return shutil.copytree(DATA_DIR, tmp_path / "data", ignore=shutil.ignore_patterns("*.duckdb*", "*.cache", "*.lock"))


def test_the_version_covers_every_dictionary_file_but_not_the_store_or_its_cache(tmp_path: Path) -> None:
    data = dictionaries(tmp_path)
    (data / "geopol.cache" / "parts").mkdir(parents=True)
    (data / "geopol.cache" / "version.json").write_text("{}")
    (data / ".hidden.csv").write_text("x")
    names = {p.relative_to(data).as_posix() for p in dictionary_files(data)}
    assert {"cues.csv", "actors/people.csv", "places/facilities.csv"} <= names
    assert not any(n.startswith(("geopol.cache", ".")) or n.endswith((".geojson", ".duckdb")) for n in names)


def test_a_model_folder_is_part_of_the_version_when_there_is_one(tmp_path: Path) -> None:
    data, model = dictionaries(tmp_path), tmp_path / "parser"
    without = coder_version(data, model)
    assert not any(name.startswith("model/") for name in without.files)
    (model / "vocab").mkdir(parents=True)
    (model / "meta.json").write_text('{"name": "parser"}')
    (model / "vocab" / "strings.json").write_text("[]")
    trained = coder_version(data, model)
    assert {"model/meta.json", "model/vocab/strings.json"} <= set(trained.files)
    (model / "meta.json").write_text('{"name": "parser", "version": "2"}')
    assert coder_version(data, model).changes(trained) == "model (model/meta.json)"
    assert trained.digest != without.digest


def test_an_article_key_follows_its_text_and_manifest_row_not_its_folder(tmp_path: Path) -> None:
    for folder in ("one", "two"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "a.txt").write_text("Niger expelled the French ambassador.", encoding="utf-8")
    one, two = (read_article_file(tmp_path / f / "a.txt", tmp_path / f) for f in ("one", "two"))
    assert article_key("v1", one, None) == article_key("v1", two, None)  # type: ignore[arg-type]
    assert article_key("v2", one, None) != article_key("v1", one, None)  # type: ignore[arg-type]
    row = ManifestRow(2, "a", "a.txt", url="https://example.org/a")
    assert article_key("v1", one, row) != article_key("v1", one, None)  # type: ignore[arg-type]
    moved = ManifestRow(7, "a", "a.txt", url="https://example.org/a")  # rows above it were removed
    assert article_key("v1", one, moved) == article_key("v1", one, row)  # type: ignore[arg-type]
    (tmp_path / "one" / "a.txt").write_text("Niger expelled the French ambassador again.", encoding="utf-8")
    changed = read_article_file(tmp_path / "one" / "a.txt", tmp_path / "one")
    assert article_key("v1", changed, None) != article_key("v1", two, None)  # type: ignore[arg-type]


def test_compaction_keeps_only_the_live_articles_in_one_partition(tmp_path: Path) -> None:
    cache, coder = Cache(tmp_path / "cache"), Coder()
    cache.open(coder_version(DATA_DIR, tmp_path / "none"))
    keys = []
    for i in range(70):
        path = tmp_path / f"a{i}.txt"
        path.write_text(f"Chad expelled the French ambassador on {1 + i % 28} March 2024.", encoding="utf-8")
        raw = read_article_file(path, tmp_path)
        keys.append(article_key("v", raw, None))  # type: ignore[arg-type]
        cache.add(code_batch([Item(keys[-1], raw, None)], coder, "v"))  # type: ignore[arg-type]
    assert cache.known() == set(keys) and len(cache.files("articles")) == 70
    cache.compact(set(keys[:60]))
    assert cache.known() == set(keys[:60])
    assert len(cache.files("articles")) == len(cache.files("reports")) == 3  # 70 partitions, 32 at a time


def test_the_version_covers_the_coding_modules_not_the_ones_that_only_read_the_cache(tmp_path: Path) -> None:
    names = set(coder_version(DATA_DIR, tmp_path / "none").files)
    assert {"geopol/code.py", "geopol/nlp.py", "geopol/columns.py", "geopol/corroborate.py", "geopol/batches.py"} <= names
    assert not {"geopol/cli.py", "geopol/store.py", "geopol/assemble.py"} & names
    assert "spacy" in names
