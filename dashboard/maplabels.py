"""What the maps write and point with, sized in screen pixels whatever the zoom: text labels
that step aside or hide rather than overlap, arrowheads, and the collapsible legend.

A label is a Leaflet marker holding a <span>; a small script in the map page places every
label, most important first, on the first side of its point (right, left, above, below) where
it overlaps no label already placed and no marker (base, actor, capital), crosses no tie or
arrow, and stays inside the map; failing that, on the first side that only crosses a line; and
hides it when no side is free; it runs again after every zoom, pan and layer change.
Arrowheads are SVG triangles turned to the direction of the line on screen (Web Mercator keeps
angles, so the turn is the same at every zoom).
"""

from __future__ import annotations

import math
from typing import Any

import folium
from branca.element import Element, MacroElement
from jinja2 import Template

from dashboard import bulk
from dashboard.safe import esc

SIDES = ("right", "left", "above", "below")
LABEL_CSS = """
<style>
.geopol-label-icon { background: none; border: none; }
.geopol-label { position: absolute; font: 600 11px/1.15 sans-serif; color: #1f2328; white-space: nowrap;
  text-shadow: 0 0 3px #fff, 0 0 3px #fff, 0 0 3px #fff; pointer-events: none; }
.geopol-label.side-right { left: var(--gap, 8px); top: -7px; }
.geopol-label.side-left { right: var(--gap, 8px); top: -7px; }
.geopol-label.side-above { bottom: var(--gap, 8px); left: 0; transform: translateX(-50%); }
.geopol-label.side-below { top: var(--gap, 8px); left: 0; transform: translateX(-50%); }
.geopol-label.minor { font-weight: 400; color: #3d4248; }
.geopol-label.hidden { visibility: hidden; }
.geopol-arrowhead { background: none; border: none; }
details.geopol-legend > summary { cursor: pointer; font-weight: 600; list-style: revert; }
</style>
"""

# Places every .geopol-label of the map, highest data-priority first (see the module docstring).
DECLUTTER = Template(
    """
{% macro script(this, kwargs) %}
(function () {
    var map = {{ this._parent.get_name() }};
    var sides = ["right", "left", "above", "below"];
    var MARKS = ".geopol-base, .geopol-armed, .geopol-mark";  // markers a label must not cover
    function overlaps(a, b) {
        return !(a.right < b.left || b.right < a.left || a.bottom < b.top || b.bottom < a.top);
    }
    function segments(frame) {  // the ties and arrows on screen, as [x1, y1, x2, y2] in page pixels
        var found = [];
        map.eachLayer(function (layer) {
            if (!(layer instanceof L.Polyline) || layer instanceof L.Polygon) { return; }
            var points = layer.getLatLngs();
            if (!L.LineUtil.isFlat(points)) { points = [].concat.apply([], points); }
            for (var i = 1; i < points.length; i++) {
                var a = map.latLngToContainerPoint(points[i - 1]), b = map.latLngToContainerPoint(points[i]);
                found.push([a.x + frame.left, a.y + frame.top, b.x + frame.left, b.y + frame.top]);
            }
        });
        return found;
    }
    function crosses(s, box) {  // does the segment pass through the box? (Liang-Barsky clipping)
        var t0 = 0, t1 = 1, dx = s[2] - s[0], dy = s[3] - s[1];
        var p = [-dx, dx, -dy, dy], q = [s[0] - box.left, box.right - s[0], s[1] - box.top, box.bottom - s[1]];
        for (var i = 0; i < 4; i++) {
            if (p[i] === 0) { if (q[i] < 0) { return false; } continue; }
            var t = q[i] / p[i];
            if (p[i] < 0) { t0 = Math.max(t0, t); } else { t1 = Math.min(t1, t); }
            if (t0 > t1) { return false; }
        }
        return true;
    }
    function declutter() {
        var frame = map.getContainer().getBoundingClientRect();
        var lines = segments(frame);
        var labels = Array.prototype.slice.call(map.getContainer().querySelectorAll(".geopol-label"));
        labels.sort(function (a, b) { return (+b.dataset.priority || 0) - (+a.dataset.priority || 0); });
        var legend = document.querySelector("details.geopol-legend");
        var placed = legend ? [legend.getBoundingClientRect()] : [];  // the legend is not to be written over
        var marks = Array.prototype.map.call(map.getContainer().querySelectorAll(MARKS), function (m) {
            return m.getBoundingClientRect();
        });
        labels.forEach(function (label) {
            // The label's own point may carry a marker wider than the usual gap: step past it.
            var at = label.parentElement.getBoundingClientRect(), gap = 8;
            marks.forEach(function (m) {
                if (m.left <= at.left && at.left <= m.right && m.top <= at.top && at.top <= m.bottom) {
                    gap = Math.max(gap, 3 + Math.max(at.left - m.left, m.right - at.left, at.top - m.top, m.bottom - at.top));
                }
            });
            label.style.setProperty("--gap", Math.ceil(gap) + "px");
            var order = [label.dataset.side].concat(sides.filter(function (s) { return s !== label.dataset.side; }));
            label.classList.remove("hidden");
            // first a side clear of the lines too; failing that, one that only crosses lines
            var found = false;
            for (var pass = 0; pass < 2 && !found; pass++) {
                for (var i = 0; i < order.length && !found; i++) {
                    sides.forEach(function (s) { label.classList.remove("side-" + s); });
                    label.classList.add("side-" + order[i]);
                    var box = label.getBoundingClientRect();
                    var inside = box.left >= frame.left && box.right <= frame.right &&
                        box.top >= frame.top && box.bottom <= frame.bottom;
                    var free = inside && placed.every(function (other) { return !overlaps(box, other); }) &&
                        marks.every(function (other) { return !overlaps(box, other); }) &&
                        (pass > 0 || lines.every(function (line) { return !crosses(line, box); }));
                    if (free) { placed.push(box); found = true; }
                }
            }
            if (!found) { label.classList.add("hidden"); }
        });
    }
    var pending = null;
    function later() { if (pending) { clearTimeout(pending); } pending = setTimeout(declutter, 30); }
    map.on("zoomend moveend layeradd layerremove resize", later);
    map.whenReady(later);
    var legend = document.querySelector("details.geopol-legend");
    if (legend) {
        if (map.getContainer().clientWidth < 600) { legend.removeAttribute("open"); }  // a phone: the map first
        legend.addEventListener("toggle", later);
    }
})();
{% endmacro %}
"""
)


class Declutter(MacroElement):
    """The label-placing script, added to a map once."""

    _template = DECLUTTER


def prepare(figure: folium.Map) -> None:
    """Add the label styles and the label-placing script to a map."""
    page: Any = figure.get_root()  # a branca Figure: header, html and script parts
    page.header.add_child(Element(LABEL_CSS), name="geopol_label_css")
    figure.add_child(Declutter())


def label(location: tuple[float, float], text: str, side: str = "right", priority: int = 0, minor: bool = False) -> dict:
    """A text label beside a point (an item for a bulk.Bulk("icon")); side is the first side
    tried, priority who keeps its place when labels crowd (a higher one wins)."""
    side = side if side in SIDES else "right"
    kind = "geopol-label minor" if minor else "geopol-label"
    html = f'<span class="{kind} side-{side}" data-side="{side}" data-priority="{int(priority)}">{esc(text)}</span>'
    return bulk.icon(location, html, "geopol-label-icon", (0, 0), (0, 0))


def mercator(point: tuple[float, float]) -> tuple[float, float]:
    """(lat, lon) in degrees -> Web Mercator (x, y), up to scale."""
    lat = max(-85.0, min(85.0, point[0]))
    return math.radians(point[1]), math.log(math.tan(math.pi / 4 + math.radians(lat) / 2))


def screen_angle(start: tuple[float, float], end: tuple[float, float]) -> float:
    """The direction from start to end on the map, in degrees clockwise from east (screen y points down)."""
    (x0, y0), (x1, y1) = mercator(start), mercator(end)
    return math.degrees(math.atan2(-(y1 - y0), x1 - x0))


def arrowhead(points: list[tuple[float, float]], color: str, size: int = 14, tooltip: str = "") -> dict:
    """An arrowhead of size pixels at the last point, along the last segment of the line (an
    item for a bulk.Bulk("icon"))."""
    angle = screen_angle(points[-2], points[-1])
    half = size // 2
    svg = (
        f'<svg width="{size}" height="{size}" viewBox="0 0 10 10" style="transform:rotate({angle:.1f}deg);display:block">'
        f'<path d="M10,5 L0,0.5 L2.2,5 L0,9.5 Z" fill="{esc(color)}" stroke="#fff" stroke-width="0.6"/></svg>'
    )
    return bulk.icon(points[-1], svg, "geopol-arrowhead", (size, size), (half, half), tooltip)


def legend(title: str, rows: list[str], open_: bool = True) -> Element:
    """A legend box that folds to its title (folded from the start on a narrow map); rows are
    HTML written by the map builders, never data."""
    opened = " open" if open_ else ""
    body = f'<div class="geopol-legend-rows">{"".join(rows)}</div>'
    return Element(f'<details class="geopol-legend"{opened}><summary>{esc(title)}</summary>{body}</details>')


class LegendRows(bulk.Script):
    """Writes the legend's rows from a layer: the browser keeps a map's base, legend included,
    while only its layers change, so rows that follow the controls travel with the layers.
    The box stays, folded or open as the reader left it."""

    _template = Template(
        """
{% macro script(this, kwargs) %}
(function (rows) {
    var box = document.querySelector("details.geopol-legend .geopol-legend-rows");
    if (box && box.innerHTML !== rows) { box.innerHTML = rows; }
})({{ this.rows|tojson }});
{% endmacro %}
"""
    )

    def __init__(self, rows: list[str]) -> None:
        super().__init__()
        self._name = "LegendRows"
        self.rows = "".join(rows)
