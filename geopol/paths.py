"""Where the project's data lives. Everything is found through DATA_DIR and CORPUS_DIR."""

from __future__ import annotations

import os
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = Path(os.environ.get("GEOPOL_DATA_DIR", PROJECT_ROOT / "data"))
CORPUS_DIR = Path(os.environ.get("GEOPOL_CORPUS_DIR", PROJECT_ROOT / "corpus"))
STORE_PATH = Path(os.environ.get("GEOPOL_STORE", DATA_DIR / "geopol.duckdb"))
COUNTRIES_GEOJSON = DATA_DIR / "countries.geojson"
MODEL_DIR = Path(os.environ.get("GEOPOL_MODEL_DIR", PROJECT_ROOT / "models" / "parser"))
