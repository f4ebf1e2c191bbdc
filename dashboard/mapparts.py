"""Pieces both maps share: the country basemap, colours, arcs, arrowheads, labels, legends.

Coordinates are (lat, lon) in EPSG:4326 everywhere in Python, as folium expects; GeoJSON
inside the country layer keeps its (lon, lat) order. No tiles: the country polygons are the
basemap, so the map reads the same offline as online.
"""

from __future__ import annotations

import json
import math
import threading
from collections.abc import Iterator, Mapping
from typing import Any

import folium
import pandas as pd
from branca.element import Element
from jinja2 import Template

from dashboard import bulk, maplabels
from dashboard.safe import esc

SEA = "#dde8ee"
LAND = "#f4f1ea"
BORDER = "#b9b3a6"
COOP = (33, 102, 172)  # blue
NEUTRAL = (170, 170, 170)
CONFLICT = (178, 24, 43)  # red
FOCUS_FILL = "#d9a520"  # gold: neither side of the red-blue scale
MAP_CSS = f"""
<style>
.leaflet-container {{ background: {SEA} !important; font-family: "Source Sans Pro", sans-serif; }}
.leaflet-interactive:focus {{ outline: none; }}
.geopol-legend {{ position: absolute; z-index: 1000; bottom: 18px; left: 12px; background: rgba(255,255,255,.92);
  padding: 6px 10px; border-radius: 6px; box-shadow: 0 1px 4px rgba(0,0,0,.25); font: 12px/1.35 sans-serif; color: #1f2328;
  max-width: 46%; }}
.geopol-legend[open] > summary {{ margin-bottom: 3px; }}
.geopol-swatch {{ display: inline-block; width: 26px; height: 0; border-top-style: solid; vertical-align: middle;
  margin-right: 6px; }}
.geopol-box {{ display: inline-block; width: 12px; height: 12px; vertical-align: middle; margin-right: 6px;
  border: 1px solid {BORDER}; }}
.geopol-popup td {{ vertical-align: top; padding: 2px 4px; border-top: 1px solid #eee; }}
.geopol-popup {{ font: 12px/1.4 sans-serif; max-height: 300px; overflow-y: auto; }}
</style>
"""


def rows(frame: pd.DataFrame) -> Iterator[Any]:
    """The rows of a frame as named tuples (typed loosely: the columns are the caller's to know)."""
    return iter(frame.itertuples(index=False))


def records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """The rows of a frame as dicts of column -> value (Python values, as to_dict gives them,
    read a column at a time: a few times faster on text columns)."""
    keys = [str(c) for c in frame.columns]
    return [dict(zip(keys, values, strict=True)) for values in zip(*(frame[c].tolist() for c in frame.columns), strict=True)]


def tone(value: float) -> str:
    """A colour for a balance in [-1, 1]: red (conflict) through grey to blue (cooperation).
    The square root keeps small but real leanings visible."""
    value = max(-1.0, min(1.0, value))
    strength = math.sqrt(abs(value))
    end = COOP if value >= 0 else CONFLICT
    rgb = [round(n + (e - n) * strength) for n, e in zip(NEUTRAL, end, strict=True)]
    return "#{:02x}{:02x}{:02x}".format(*rgb)


def root(figure: folium.Map) -> Any:
    """The map's HTML page (a branca Figure, with header and html parts)."""
    return figure.get_root()


SAHEL = [(4.0, -18.0), (25.0, 25.0)]  # Senegal to Chad, the Gulf of Guinea to the Sahara: where the maps open
# What the map's page loads besides Leaflet. folium asks for jQuery, Bootstrap's script and the
# awesome-markers plugin with its icon fonts; these maps use none of them (no folium marker or
# popup: bulk.py draws with Leaflet alone), and streamlit-folium loads the scripts one after
# another before it draws the map, so each one left out is a round trip less before the map
# shows. Bootstrap's stylesheet stays: the popups and the legend look as they did.
SCRIPTS = ("leaflet",)
STYLESHEETS = ("leaflet_css", "bootstrap_css")


def new_map(bounds: list[tuple[float, float]] | None = None) -> folium.Map:
    """An empty map without tiles, opened on the bounds of the given points (the Sahel when none)."""
    figure = folium.Map(
        location=(15.0, 5.0),
        zoom_start=3,
        tiles=None,
        min_zoom=2,
        max_zoom=10,
        world_copy_jump=False,
        prefer_canvas=False,
        zoom_snap=0.25,  # fit the Sahel to the map's width, not to the next whole zoom level below it
    )
    figure.default_js = [(name, url) for name, url in figure.default_js if name in SCRIPTS]
    figure.default_css = [(name, url) for name, url in figure.default_css if name in STYLESHEETS]
    root(figure).header.add_child(Element(MAP_CSS), name="geopol_css")
    maplabels.prepare(figure)
    lats = [p[0] for p in bounds or SAHEL]
    lons = [p[1] for p in bounds or SAHEL]
    figure.fit_bounds([(min(lats), min(lons)), (max(lats), max(lons))], padding=(12, 12), max_zoom=6)
    return figure


class CountryLayer(bulk.Script):
    """The basemap: every country outlined, shaded by its properties' fill. Its GeoJSON reaches
    the page as JSON made once per set of shapes and fills (see features_json), not through
    folium.GeoJson, which serialises the world's borders, walks every coordinate for the map's
    bounds and compiles its templates anew on every run. Hovering a country shows its name and
    note, read when the tooltip opens, so a script that restyles the countries (Restyle) can
    change the note; highlight thickens the border under the pointer and gives it back after,
    whatever a restyle made of it."""

    _template = Template(
        """
{% macro script(this, kwargs) %}
var {{ this.get_name() }} = L.geoJson(null, {
    smoothFactor: 0.5,
    style: function (feature) {
        var fill = feature.properties.fill;
        return {fillColor: fill, color: "{{ this.border }}", weight: 0.6, fillOpacity: fill === "{{ this.land }}" ? 0.9 : 0.5};
    },
    onEachFeature: function (feature, layer) {
        layer.bindTooltip(function () {
            var props = feature.properties, div = L.DomUtil.create("div");
            div.innerHTML = "<table><tr><td>" + props.name + "</td></tr><tr><td>" + (props.note || "") + "</td></tr></table>";
            return div;
        }, {sticky: true});
        {%- if this.highlight %}
        layer.on({
            mouseover: function (e) {
                e.target._geopolBorder = {weight: e.target.options.weight, color: e.target.options.color};
                e.target.setStyle({weight: 1.5, color: "#555"});
            },
            mouseout: function (e) { if (e.target._geopolBorder) { e.target.setStyle(e.target._geopolBorder); } }
        });
        {%- endif %}
    }
}).addTo({{ this._parent.get_name() }});
{{ this.get_name() }}.addData({{ this.data }});
{% endmacro %}
"""
    )

    def __init__(self, data: str, highlight: bool = True) -> None:
        super().__init__()
        self._name = "CountryLayer"
        self.data = data
        self.highlight = highlight
        self.land, self.border = LAND, BORDER


FEATURES_KEPT = 8  # sets of fills whose JSON is kept (the alliance map uses one, the movement map a few)
_features: dict[tuple[int, tuple, tuple], tuple[Mapping, str]] = {}
_features_lock = threading.Lock()


def features_json(countries: Mapping, fills: Mapping[str, str], notes: Mapping[str, str]) -> str:
    """The countries as GeoJSON text for a script: name (escaped), iso_a3, note (escaped) and
    fill in each feature's properties; <, >, & and ' written as JSON escapes, as Jinja's tojson
    does. Made once per shapes (the same loaded object), fills and notes."""
    key = (id(countries), tuple(sorted(fills.items())), tuple(sorted(notes.items())))
    with _features_lock:
        found = _features.get(key)
    if found is not None and found[0] is countries:
        return found[1]
    features = []
    for feature in countries["features"]:
        props = feature["properties"]
        code = props.get("iso_a3") or ""
        features.append(
            {
                "type": "Feature",
                "geometry": feature["geometry"],
                "properties": {
                    "name": esc(props.get("name", "")),
                    "iso_a3": code,
                    "note": esc(notes.get(code, "")),
                    "fill": fills.get(code, LAND),
                },
            }
        )
    text = json.dumps({"type": "FeatureCollection", "features": features}, separators=(",", ":"))
    for char, escaped in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"), ("'", "\\u0027")):
        text = text.replace(char, escaped)
    with _features_lock:  # sessions run in threads of their own
        while len(_features) >= FEATURES_KEPT:
            _features.pop(next(iter(_features)))
        _features[key] = (countries, text)
    return text


def country_layer(countries: Mapping, fills: Mapping[str, str], notes: Mapping[str, str], highlight: bool = True) -> CountryLayer:
    """The basemap: every country outlined, shaded by fills[iso_a3] where given. highlight
    False leaves a country's look alone on hover (a script restyles them)."""
    return CountryLayer(features_json(countries, fills, notes), highlight)


def arc(start: tuple[float, float], end: tuple[float, float], bend: float = 0.12, steps: int = 24) -> list[tuple[float, float]]:
    """Points on a gentle curve from start to end, so lines sharing a capital stay apart."""
    (y0, x0), (y1, x1) = start, end
    my, mx = (y0 + y1) / 2, (x0 + x1) / 2
    cy, cx = my + (x1 - x0) * bend, mx - (y1 - y0) * bend  # control point off the midpoint, to the left
    points = []
    for i in range(steps + 1):
        t = i / steps
        lat = (1 - t) ** 2 * y0 + 2 * (1 - t) * t * cy + t**2 * y1
        lon = (1 - t) ** 2 * x0 + 2 * (1 - t) * t * cx + t**2 * x1
        points.append((round(lat, 4), round(lon, 4)))
    return points


def line_swatch(color: str, width: int, text: str, dashed: bool = False) -> str:
    style = "dashed" if dashed else "solid"
    return f'<div><span class="geopol-swatch" style="border-top:{width}px {style} {color}"></span>{esc(text)}</div>'


def box_swatch(color: str, text: str) -> str:
    return f'<div><span class="geopol-box" style="background:{color}"></span>{esc(text)}</div>'


def spread(points: dict[str, tuple[float, float]], step: float = 1.4) -> dict[str, tuple[float, float]]:
    """Actors that share a seat (Mali and the Alliance of Sahel States in Bamako) get their
    markers nudged apart, so both stay visible and clickable."""
    placed: dict[str, tuple[float, float]] = {}
    seen: dict[tuple[float, float], int] = {}
    for code, (lat, lon) in points.items():
        key = (round(lat, 1), round(lon, 1))
        n = seen.get(key, 0)
        seen[key] = n + 1
        angle = math.radians(225 + 60 * (n - 1))
        placed[code] = (lat, lon) if n == 0 else (lat + step * math.sin(angle), lon + step * math.cos(angle))
    return placed


def tie_weight(events: int) -> float:
    return round(min(14.0, 2.0 + 3.0 * math.log2(1 + events)), 1)


def short_name(code: str, name: str) -> str:
    """A long name (Economic Community of West African States) is labelled by its code."""
    return name if len(name) <= 14 else code


def quantity_text(quantity: object, unit: object) -> str:
    if quantity is None or pd.isna(quantity):  # type: ignore[call-overload]
        return ""
    return f"{int(float(quantity)):,} {unit or ''}".strip()  # type: ignore[arg-type]


def beside(start: tuple[float, float], end: tuple[float, float]) -> str:
    """The side of an arrow its arc bulges to (left of travel), so labels of crossing arrows part."""
    dlat, dlon = end[0] - start[0], end[1] - start[1]
    normal_lat, normal_lon = dlon, -dlat  # travel turned a quarter to the left
    if abs(normal_lon) >= abs(normal_lat):
        return "right" if normal_lon > 0 else "left"
    return "above" if normal_lat > 0 else "below"
