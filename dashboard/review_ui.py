"""Reviewing in the app: the sidebar's unlock, an event's verdict and correction form, and the
form that adds an event the coder missed.

Reads the operator's review password (GEOPOL_REVIEW_PASSWORD, or the Streamlit secret
review_password; without one the app is read-only and shows no control that changes data) and
one event's rows; appends the analyst's review to the store's reviews file, after which every
page reads the store again with the review applied.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date

import pandas as pd
import streamlit as st

from dashboard import queries, ui
from dashboard.data import View
from dashboard.review_values import (
    PRECISIONS,
    Correction,
    PlaceFound,
    added_values,
    changed_values,
    password_matches,
    review_password,
    wanted_values,
)
from dashboard.safe import esc, md
from geopol.records import CATEGORIES
from geopol.review import append_review, capped_note, new_review, reset, reviews_path

STATUS_WORDS = {
    "confirmed": "✓ confirmed",
    "corrected": "✎ corrected",
    "rejected": "✗ rejected",
    "added": "+ added by an analyst",
}


def secrets() -> Mapping[str, object] | None:
    """The app's Streamlit secrets, or None when it has no secrets file."""
    try:
        return dict(st.secrets)
    except Exception:  # no secrets.toml: Streamlit raises rather than returning nothing
        return None


def enabled() -> bool:
    """Reviewing is on only when the operator set a password."""
    return bool(review_password(secrets()))


def can_review() -> bool:
    return enabled() and st.session_state.get("review_unlocked") is True


def sidebar() -> None:
    """The sidebar's box to start reviewing (password) or to say who reviews; nothing at all
    when reviewing is off."""
    if not enabled():
        return
    with st.sidebar.expander("Review events", expanded=not can_review(), icon=":material/rate_review:"):
        if can_review():
            st.text_input("Your name, kept with your reviews", key="reviewer", max_chars=100)
            if st.button("Stop reviewing", key="review_lock"):
                st.session_state["review_unlocked"] = False
                st.rerun()
            return
        with st.form("review_unlock", border=False):
            given = st.text_input("Review password", type="password", key="review_password_input")
            if st.form_submit_button("Start reviewing"):
                if password_matches(given, review_password(secrets())):
                    st.session_state["review_unlocked"] = True
                    st.rerun()
                st.error("That is not the review password.")


def status_html(row: Mapping[str, object]) -> str:
    """An event's review in words, every piece of it escaped."""
    status = str(row.get("review_status") or "unreviewed")
    if status == "unreviewed":
        return '<p class="geopol-review">Not reviewed yet: as the coder made it.</p>'
    who = f" by {esc(row.get('reviewer'))}" if row.get("reviewer") else ""
    parts = [f"<b>{esc(STATUS_WORDS.get(status, status))}</b>{who} · {esc(row.get('reviewed_at') or '')}"]
    coder = {k: v for k, v in reset(row).items() if k in queries.REVIEW_SHOWN and v != row.get(k)}
    if coder:
        said = "; ".join(f"{esc(k)} {esc(v if v not in (None, '') else '(none)')}" for k, v in coder.items())
        parts.append(f"The coder said: {said}")
    if row.get("review_note"):
        parts.append(f"Note: {esc(row.get('review_note'))}")
    return '<div class="geopol-review">' + "<br>".join(parts) + "</div>"


def place_finder(name: str) -> PlaceFound | None:
    """A base or airport of the facilities dictionary, a country, or a city of the gazetteer."""
    wanted = name.strip().casefold()
    for f in ui.facilities():
        if f.name.casefold() == wanted:
            return PlaceFound(f.name, f.lat, f.lon, f.kind if f.kind in ("facility", "city") else "region", f.country)
    for code, state in ui.states().items():
        if wanted in (state.name.casefold(), code.casefold()) and state.lat is not None and state.lon is not None:
            return PlaceFound(state.name, state.lat, state.lon, "country", code)
    from geopol.gazetteer import find_city

    city = find_city(name.strip())
    return PlaceFound(city.name, city.lat, city.lon, "city", city.country) if city else None


def save(view: View, action: str, row: Mapping[str, object], note: str, values: Mapping[str, object] | None = None) -> None:
    """Append the review to the store's reviews file, then run the page again to show it."""
    kept, cut = capped_note(note)
    target = str(row.get("review_id") or "") if row.get("review_status") == "added" else ""
    review = new_review(action, row, kept, str(st.session_state.get("reviewer") or ""), values, target=target)
    append_review(reviews_path(view.store.path), review)
    said = f"Saved: event {row['event_id']} is {review.status}." if row.get("event_id") else "Saved: the event is added."
    st.session_state["review_message"] = f"{said} {cut}".strip()
    st.rerun()


def message() -> None:
    found = st.session_state.pop("review_message", None)
    if found:
        st.success(md(found), icon=":material/check_circle:")


def event_panel(view: View, event_id: str, key: str) -> None:
    """An event's review, and when this session may review, the form to give one."""
    rows = queries.reviewable_rows(view, event_id)
    message()
    if not rows:
        st.caption("Events of an uploaded article live in this session only and are not reviewed.")
        return
    row = rows[0]
    st.html(status_html(row))
    if not can_review():
        if enabled():
            st.caption("Start reviewing in the sidebar to confirm, reject or correct this event.")
        return
    with st.form(f"{key}_{event_id}", border=True):
        wanted = correction_fields(row, f"{key}_{event_id}")
        note = st.text_area("Note (why)", key=f"{key}_{event_id}_note", height=80)
        left, middle, right = st.columns(3)
        confirm = left.form_submit_button("Confirm", icon=":material/check:")
        reject = middle.form_submit_button("Reject", icon=":material/close:")
        correct = right.form_submit_button("Save correction", icon=":material/edit:", type="primary")
    if confirm or reject:
        save(view, "confirm" if confirm else "reject", row, note)
    if correct:
        try:
            values = changed_values(reset(row), wanted_values(wanted, ui_names(view), place_finder))
        except ValueError as error:
            st.error(md(str(error)))
            return
        if not values:
            st.warning("Nothing differs from the coder's values: use Confirm to say the event is right.")
            return
        save(view, "correct", row, note, values)


def ui_names(view: View) -> dict[str, str]:
    return {**ui.state_names(), **queries.actor_names(view)}


def correction_fields(row: Mapping[str, object], key: str) -> Correction:
    """The form's fields, filled with the event's current values."""
    categories = list(CATEGORIES)
    current = str(row.get("event_type") or "")
    one, two = st.columns(2)
    category = one.selectbox(
        "Category", categories, index=categories.index(current) if current in categories else 0, key=f"{key}_category"
    )
    place = two.text_input("Place", value=str(row.get("place") or ""), key=f"{key}_place", max_chars=120)
    source = one.text_input("Source (actor code)", value=str(row.get("actor_code") or ""), key=f"{key}_source", max_chars=20)
    target = two.text_input(
        "Recipient (actor code)", value=str(row.get("recipient_code") or ""), key=f"{key}_target", max_chars=20
    )
    day = one.date_input("Date", value=as_date(row.get("date")), key=f"{key}_date", min_value=date(1900, 1, 1))
    precision_now = str(row.get("date_precision") or "day")
    precision = two.selectbox(
        "Date precision", PRECISIONS, index=PRECISIONS.index(precision_now) if precision_now in PRECISIONS else 0, key=f"{key}_p"
    )
    quantity = one.number_input(
        "Quantity (people, where the event moves them)", min_value=0, step=1, value=as_int(row.get("quantity")), key=f"{key}_q"
    )
    return Correction(category, source, target, day if isinstance(day, date) else None, precision, place, quantity)


def as_date(value: object) -> date | None:
    if value is None or (not isinstance(value, date) and pd.isna(value)):  # type: ignore[call-overload]
        return None
    return value.date() if isinstance(value, pd.Timestamp) else value if isinstance(value, date) else None


def as_int(value: object) -> int | None:
    try:
        return None if value is None or pd.isna(value) else int(value)  # type: ignore[call-overload]
    except (TypeError, ValueError):
        return None


SENTENCE_END = re.compile(r"(?<=[.!?…])[\"'”’)]*\s+|\n+")


def sentences(text: str) -> list[tuple[int, str]]:
    """The article's sentences with their offsets: a plain split at full stops and line ends,
    enough to point at the sentence of a missed event."""
    found = []
    start = 0
    for match in SENTENCE_END.finditer(text):
        piece = text[start : match.start() + len(match.group(0).rstrip())].strip()
        if piece:
            found.append((text.index(piece, start), piece))
        start = match.end()
    tail = text[start:].strip()
    if tail:
        found.append((text.index(tail, start), tail))
    return found


def add_panel(view: View, article_id: str, text: str, chosen_start: int | None) -> None:
    """Add an event the coder missed: pick its sentence, say what happened."""
    if not can_review():
        return
    found = sentences(text)
    if not found:
        return
    starts = [s for s, _ in found]
    index = starts.index(chosen_start) if chosen_start in starts else 0
    with st.form(f"add_{article_id}", border=True):
        st.markdown("**Add an event the coder missed**")
        number = st.selectbox(
            "Sentence",
            range(len(found)),
            index=index,
            format_func=lambda i: f"[{i + 1}] {found[i][1][:110]}",
            key=f"add_{article_id}_sentence",
        )
        blank = {"event_type": "CONSULT", "date_precision": "day"}
        wanted = correction_fields(blank, f"add_{article_id}")
        note = st.text_area("Note (why)", key=f"add_{article_id}_note", height=80)
        submitted = st.form_submit_button("Add event", icon=":material/add:", type="primary")
    if submitted:
        start, sentence = found[number]
        row = {"article_id": article_id, "sentence": sentence, "sentence_start": start, "sentence_index": number}
        try:
            values = added_values(wanted_values(wanted, ui_names(view), place_finder))
        except ValueError as error:
            st.error(md(str(error)))
            return
        save(view, "add", row, note, values)
