"""The package installs: `pip install .` from a fresh copy of the repository into a new virtual
environment gives a `geopol` command that builds a store from any folder, with the dictionaries
and the model found inside the installed package, not in the working folder."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tomllib
import venv
from pathlib import Path

import duckdb
import pytest

from geopol.paths import PROJECT_ROOT


def repository_files() -> list[str]:
    """What a fresh clone of this working tree holds: tracked and new files, not ignored ones."""
    listed = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard", "-z"],
        cwd=PROJECT_ROOT,
        capture_output=True,
        check=True,
    ).stdout
    return [name for name in listed.decode().split("\0") if name and (PROJECT_ROOT / name).is_file()]


def fresh_copy(target: Path) -> None:
    for name in repository_files():
        (target / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(PROJECT_ROOT / name, target / name)


def clean_environment() -> dict[str, str]:
    """The caller's environment without anything that would point geopol at this checkout."""
    return {k: v for k, v in os.environ.items() if k != "PYTHONPATH" and not k.startswith(("GEOPOL_", "VIRTUAL_ENV"))}


def test_pyproject_pins_the_pipeline_requirements_as_requirements_txt_does() -> None:
    project = tomllib.loads((PROJECT_ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    lines = (PROJECT_ROOT / "requirements.txt").read_text(encoding="utf-8").splitlines()
    pinned = {line.strip() for line in lines if "==" in line}
    assert set(project["dependencies"]) <= pinned
    assert "-e ." in lines  # Streamlit Community Cloud installs the package from requirements.txt


@pytest.mark.slow
def test_pip_install_gives_a_geopol_command_that_builds_from_another_folder(tmp_path: Path) -> None:
    source = tmp_path / "clone"
    fresh_copy(source)
    assert (source / "models" / "parser" / "meta.json").exists()  # the trained parser ships in the repository
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=True)
    python = env_dir / "bin" / "python"
    env = clean_environment()
    install = subprocess.run(
        [str(python), "-m", "pip", "install", "-q", str(source)], capture_output=True, text=True, env=env, timeout=1500
    )
    assert install.returncode == 0, install.stderr[-3000:]
    shutil.rmtree(source)  # the installed package must not need the copy it was built from

    work = tmp_path / "elsewhere"
    corpus = work / "articles"
    corpus.mkdir(parents=True)
    (corpus / "mali.txt").write_text("Russia deployed 300 military instructors to Mali on 3 June 2024.\n", encoding="utf-8")
    geopol = env_dir / "bin" / "geopol"
    done = subprocess.run(
        [str(geopol), "build", "--corpus", "articles", "--quiet"], cwd=work, capture_output=True, text=True, env=env, timeout=600
    )
    assert done.returncode == 0, done.stderr
    assert "1 coded" in done.stdout
    with duckdb.connect(str(work / "geopol.duckdb"), read_only=True) as con:
        assert con.execute("SELECT event_type, actor_code, recipient_code FROM events").fetchall() == [("AID", "RUS", "MLI")]

    where = subprocess.run(
        [str(python), "-c", "from geopol import paths; print(paths.DATA_DIR); print(paths.MODEL_DIR)"],
        cwd=work,
        capture_output=True,
        text=True,
        env=env,
        check=True,
    ).stdout.split()
    data_dir, model_dir = map(Path, where)
    assert data_dir.is_relative_to(env_dir) and model_dir.is_relative_to(env_dir)
    assert (model_dir / "meta.json").is_file()
    shipped = {name.removeprefix("data/") for name in repository_files() if name.startswith("data/")}
    installed = {str(p.relative_to(data_dir)) for p in data_dir.rglob("*") if p.is_file()}
    assert shipped <= installed, f"dictionary files missing from the installed package: {sorted(shipped - installed)}"


def test_geopol_command_runs_outside_the_checkout(tmp_path: Path) -> None:
    done = subprocess.run(
        [str(Path(sys.executable).parent / "geopol"), "--help"], cwd=tmp_path, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("usage: geopol")
