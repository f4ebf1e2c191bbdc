"""Where the project's data lives: the dictionaries (DATA_DIR), the trained parser (MODEL_DIR),
the corpus and the store.

The dictionaries and the model sit at the top of the repository (data/, models/) and install
inside the package (geopol/data, geopol/models: see pyproject.toml), so they are found through
the package wherever geopol runs, and from the checkout when it runs from a checkout.
"""

from __future__ import annotations

import os
from importlib import resources
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
# A checkout (or an editable install of one) has its pyproject.toml beside the package.
CHECKOUT = (PROJECT_ROOT / "pyproject.toml").is_file()


def shipped(name: str) -> Path:
    """The folder installed with the package under this name, else the checkout's one."""
    installed = resources.files("geopol") / name
    return Path(str(installed)) if installed.is_dir() else PROJECT_ROOT / name


DATA_DIR = Path(os.environ.get("GEOPOL_DATA_DIR") or shipped("data"))
MODEL_DIR = Path(os.environ.get("GEOPOL_MODEL_DIR") or shipped("models") / "parser")  # may not exist: the coder copes
# A checkout builds corpus/ into data/; an installed geopol works in the folder it is run from.
CORPUS_DIR = Path(os.environ.get("GEOPOL_CORPUS_DIR") or (PROJECT_ROOT / "corpus" if CHECKOUT else "corpus"))
STORE_PATH = Path(os.environ.get("GEOPOL_STORE") or (DATA_DIR / "geopol.duckdb" if CHECKOUT else "geopol.duckdb"))
COUNTRIES_GEOJSON = DATA_DIR / "countries.geojson"
