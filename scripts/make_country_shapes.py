"""Generate data/countries.geojson: low-resolution country outlines for the dashboard's basemap.

Reads Natural Earth's 1:110m countries (public domain), which the pyogrio package ships as a
test fixture; keeps the name and ISO 3166-1 alpha-3 code of each country, simplifies the
outlines and rounds coordinates so the file stays small. Coordinates are (lon, lat) in
EPSG:4326, as GeoJSON requires. Re-run only to refresh the file:

    python scripts/make_country_shapes.py
"""

from __future__ import annotations

import json
from pathlib import Path

import geopandas as gpd
import pyogrio
import shapely

OUT = Path(__file__).resolve().parent.parent / "data" / "countries.geojson"
SOURCE = Path(pyogrio.__file__).parent / "tests" / "fixtures" / "naturalearth_lowres" / "naturalearth_lowres.shp"
TOLERANCE = 0.05  # degrees; finer than the map ever shows at Sahel zoom levels
DIGITS = 2  # about 1 km
# Natural Earth leaves the ISO code of a few countries as -99; the actor codes use these.
MISSING_CODES = {"France": "FRA", "Norway": "NOR", "Kosovo": "XKX", "N. Cyprus": "", "Somaliland": ""}


def country_frame() -> gpd.GeoDataFrame:
    frame = gpd.read_file(SOURCE)[["name", "iso_a3", "continent", "geometry"]].to_crs("EPSG:4326")
    frame["iso_a3"] = [
        MISSING_CODES.get(name, code) if code == "-99" else code
        for name, code in zip(frame["name"], frame["iso_a3"], strict=True)
    ]
    frame = frame[frame["name"] != "Antarctica"]
    frame["geometry"] = shapely.set_precision(frame.geometry.simplify(TOLERANCE, preserve_topology=True), 10**-DIGITS)
    return frame[~frame.geometry.is_empty].sort_values("name").reset_index(drop=True)


def main() -> None:
    frame = country_frame()
    collection = json.loads(frame.to_json(drop_id=True))
    collection["source"] = "Natural Earth 1:110m admin 0 countries (public domain), simplified"
    OUT.write_text(json.dumps(collection, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"wrote {len(frame)} countries to {OUT.name} ({OUT.stat().st_size // 1024} kB)")


if __name__ == "__main__":
    main()
