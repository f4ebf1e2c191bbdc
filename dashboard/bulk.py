"""Many map layers of one kind drawn by one script from a list of items.

folium makes two or three elements for each line, marker or label (the layer, its icon, its
tooltip) and branca renders every element through a template of its own; a map of a hundred
ties and labels took half a second to build on every replay step. A Bulk element holds plain
items (positions, styles, and HTML that the map builders have already escaped) and one fixed
script per kind, ours, never data, draws them all in the browser. Items reach the page as
JSON through Jinja's tojson, which also escapes <, >, & and ' for the script tag.
"""

from __future__ import annotations

from typing import Any

from branca.element import Element, MacroElement
from jinja2 import Template

# Leaflet code per kind; `item` is one entry of the list, `group` the layer it joins.
DRAW = {
    "line": """
        var layer = L.polyline(item.points, item.style).addTo(group);
        if (item.tooltip) { layer.bindTooltip(item.tooltip, {sticky: true}); }
        if (item.popup) { layer.bindPopup(item.popup, {maxWidth: item.width || 420}); }""",
    "circle": """
        var layer = L.circleMarker(item.at, item.style).addTo(group);
        if (item.tooltip) { layer.bindTooltip(item.tooltip); }
        if (item.popup) { layer.bindPopup(item.popup, {maxWidth: item.width || 320}); }""",
    "icon": """
        var icon = L.divIcon({html: item.html, className: item.className, iconSize: item.size, iconAnchor: item.anchor});
        var layer = L.marker(item.at, {icon: icon, interactive: !!(item.tooltip || item.popup)}).addTo(group);
        if (item.tooltip) { layer.bindTooltip(item.tooltip); }
        if (item.popup) { layer.bindPopup(item.popup, {maxWidth: item.width || 320}); }""",
}


class Verbatim(Element):
    """Text of the map's page as it is. (branca puts an element's rendered script into the page
    as a new template, which Jinja compiles: 20 ms for the world's borders, more for a hundred
    ties with their popups, on every run.)"""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text

    def render(self, **kwargs: Any) -> str:
        return self.text


class Script(MacroElement):
    """An element that is only a script (its template has a script macro and no header or
    html), put into the page verbatim: data in it is never read as a template again."""

    def render(self, **kwargs: Any) -> str:
        script = self._template.module.__dict__["script"]
        self.get_root().script.add_child(Verbatim(script(self, kwargs)), name=self.get_name())  # type: ignore[attr-defined]
        for child in self._children.values():
            child.render(**kwargs)
        return ""


class Bulk(Script):
    """Items of one kind (line, circle, icon) added to the group this element is a child of."""

    _template = Template(
        """
{% macro script(this, kwargs) %}
(function (group, items) {
    items.forEach(function (item) { {{ this.draw }} });
})({{ this._parent.get_name() }}, {{ this.items|tojson }});
{% endmacro %}
"""
    )

    def __init__(self, kind: str) -> None:
        super().__init__()
        self._name = f"Bulk{kind.title()}"
        self.kind = kind
        self.draw = DRAW[kind]
        self.items: list[dict[str, Any]] = []

    def add(self, item: dict[str, Any]) -> None:
        self.items.append(item)

    def __len__(self) -> int:
        return len(self.items)


def line(points: list[tuple[float, float]], color: str, weight: float, tooltip: str = "", popup: str = "", **style: Any) -> dict:
    """A polyline item: (lat, lon) points, Leaflet path style, escaped tooltip and popup HTML."""
    return {
        "points": [list(p) for p in points],
        "style": {"color": color, "weight": weight, **style},
        "tooltip": tooltip,
        "popup": popup,
    }


def circle(at: tuple[float, float], tooltip: str = "", popup: str = "", **style: Any) -> dict:
    return {"at": list(at), "style": style, "tooltip": tooltip, "popup": popup}


def icon(
    at: tuple[float, float], html: str, class_name: str, size: tuple[int, int], anchor: tuple[int, int], tooltip: str = ""
) -> dict:
    return {"at": list(at), "html": html, "className": class_name, "size": list(size), "anchor": list(anchor), "tooltip": tooltip}
