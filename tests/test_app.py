"""The app, headless (streamlit.testing AppTest): every page runs, filters narrow the table and
travel in the URL, downloads hold exactly the filtered rows, the article view highlights the
event's sentence, uploads add events to one session only, and hostile text stays text.
(The replay, the "What changed" page and the timeline's selections: test_app_pages.py.)"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from streamlit.runtime.media_file_manager import MediaFileManager
from streamlit.testing.v1 import AppTest

from tests.dashboard_fixtures import (
    APP,
    HOSTILE_TAGS,
    PAGES,
    ROOT,
    empty_store,
    event_ids,
    hostile_store,
    query,
    read_csv,
    shipped_store,
)

TITLES = {
    "views/alliances.py": "Alliances",
    "views/changes.py": "What changed",
    "views/movements.py": "Troop movements",
    "views/timeline.py": "Timeline",
    "views/events.py": "Events",
    "views/article.py": "Article view",
    "views/glossary.py": "Glossary",
}


def use_store(monkeypatch: pytest.MonkeyPatch, store: Path) -> Path:
    monkeypatch.setenv("GEOPOL_STORE", str(store))
    monkeypatch.setenv("GEOPOL_AUTOBUILD", "0")
    return store


@pytest.fixture
def shipped(monkeypatch: pytest.MonkeyPatch) -> Path:
    return use_store(monkeypatch, shipped_store())


@pytest.fixture
def hostile(monkeypatch: pytest.MonkeyPatch) -> Path:
    return use_store(monkeypatch, hostile_store())


@pytest.fixture
def downloads(monkeypatch: pytest.MonkeyPatch) -> dict[str, Callable[[], bytes]]:
    """The download buttons' deferred files, by file name, to call as a click would."""
    made: dict[str, Callable[[], bytes]] = {}
    original = MediaFileManager.add_deferred

    def record(self, data_callable, mimetype, coordinates, file_name=None, **kwargs):
        made[str(file_name)] = data_callable
        return original(self, data_callable, mimetype, coordinates, file_name=file_name, **kwargs)

    monkeypatch.setattr(MediaFileManager, "add_deferred", record)
    return made


def app(query_params: dict | None = None) -> AppTest:
    at = AppTest.from_file(str(APP), default_timeout=90)
    at.query_params.update(query_params or {})
    return at.run()


def open_page(at: AppTest, page: str) -> AppTest:
    return at.switch_page(page).run()


def table_events(at: AppTest, key: str = "events_table") -> set[str]:
    frame = next(d for d in at.dataframe if d.key == key).value
    return set(frame["event_id"])


def no_errors(at: AppTest) -> None:
    assert not at.exception, [e.value for e in at.exception]
    assert not at.error, [e.value for e in at.error]


@pytest.mark.parametrize("page", PAGES)
def test_every_page_runs_on_the_shipped_corpus(shipped: Path, page: str) -> None:
    at = open_page(app(), page)
    no_errors(at)
    assert at.title[0].value == TITLES[page]
    assert len(at.sidebar.multiselect) >= 7  # the shared filters are there on every page


@pytest.mark.parametrize("store", [empty_store, hostile_store], ids=["no events", "hostile text"])
@pytest.mark.parametrize("page", PAGES)
def test_every_page_runs_on_an_empty_and_on_a_hostile_store(monkeypatch: pytest.MonkeyPatch, store, page: str) -> None:
    use_store(monkeypatch, store())
    at = open_page(app(), page)
    no_errors(at)
    assert at.title[0].value == TITLES[page]


def test_headline_figures_count_the_store(shipped: Path) -> None:
    at = app()
    figures = {m.label: m.value for m in at.metric}
    assert figures["Events"] == str(len(event_ids(shipped)))
    assert figures["Articles"] == str(query(shipped, "SELECT count(DISTINCT article_id) FROM event_sources")[0][0])


def test_a_filter_narrows_the_table_to_the_expected_events(shipped: Path) -> None:
    at = open_page(app(), "views/events.py")
    everything = table_events(at)
    assert everything == event_ids(shipped)
    at.multiselect(key="f_actors").set_value(["RUS"]).run()
    no_errors(at)
    expected = event_ids(shipped, "actor_code = 'RUS'")
    assert expected and len(expected) < len(everything)
    assert table_events(at) == expected
    assert at.query_params.get("actor") == "RUS"  # the URL carries the filter


def test_filters_combine_and_the_search_is_plain_text(shipped: Path) -> None:
    at = open_page(app(), "views/events.py")
    at.multiselect(key="f_categories").set_value(["CONSULT", "AGREE"]).run()
    at.text_input(key="f_text").set_value("moscow").run()
    expected = event_ids(
        shipped, "event_type IN ('CONSULT', 'AGREE') AND (lower(sentence) LIKE '%moscow%' OR lower(place) LIKE '%moscow%')"
    )
    assert expected
    assert table_events(at) == expected
    at.text_input(key="f_text").set_value("%").run()  # a LIKE wildcard matches nothing literal here
    assert table_events(at) == event_ids(shipped, "event_type IN ('CONSULT', 'AGREE') AND strpos(sentence, '%') > 0")


def test_a_shared_link_opens_with_its_filters(shipped: Path) -> None:
    at = app({"actor": ["NER", "NOT-AN-ACTOR"], "recipient": "USA", "sources": "2"})
    no_errors(at)
    assert at.multiselect(key="f_actors").value == ["NER"]  # an unknown code is dropped, not an error
    assert at.multiselect(key="f_recipients").value == ["USA"]
    at = open_page(at, "views/events.py")
    assert table_events(at) == event_ids(shipped, "actor_code = 'NER' AND recipient_code = 'USA' AND source_count >= 2")
    assert at.query_params == {"actor": "NER", "recipient": "USA", "sources": "2"}


def test_filter_values_the_data_no_longer_has_are_dropped(shipped: Path) -> None:
    at = app()
    at.session_state["f_actors"] = ["RUS", "GONE"]  # as after a rebuild without GONE
    at.session_state["f_dates"] = (date(1999, 1, 1), date(2999, 1, 1))
    at.run()
    no_errors(at)
    assert at.multiselect(key="f_actors").value == ["RUS"]
    assert at.date_input(key="f_dates").value == (
        min(query(shipped, "SELECT min(date) FROM events")[0]),
        max(query(shipped, "SELECT max(date) FROM events")[0]),
    )


def test_csv_download_holds_exactly_the_filtered_rows(shipped: Path, downloads) -> None:
    at = open_page(app(), "views/events.py")
    at.multiselect(key="f_recipients").set_value(["NER"]).run()
    rows = read_csv(downloads["events.csv"]().decode("utf-8"))
    expected = query(shipped, "SELECT event_id, actor_code, recipient_code FROM events WHERE recipient_code = 'NER'")
    assert sorted((r["event_id"], r["actor_code"], r["recipient_code"]) for r in rows) == sorted(expected)
    assert {r["event_id"] for r in rows} == table_events(at)
    features = downloads["events.geojson"]().decode("utf-8")
    assert '"FeatureCollection"' in features and all(r["event_id"] in features for r in rows)


def test_csv_download_is_formula_safe(hostile: Path, downloads) -> None:
    at = open_page(app(), "views/events.py")
    no_errors(at)
    rows = read_csv(downloads["events.csv"]().decode("utf-8"))
    outlets = {r["outlet"] for r in rows}
    assert '\'=HYPERLINK("http://x")' in outlets
    assert not any(value.startswith(("=", "+", "@")) for r in rows for value in r.values())


def test_the_article_view_highlights_the_events_sentence(shipped: Path) -> None:
    event_id, article_id, sentence = query(
        shipped,
        "SELECT event_id, article_id, sentence FROM event_sources WHERE article_id = '004' ORDER BY sentence_index DESC LIMIT 1",
    )[0]
    at = app({"article": article_id, "event": event_id})
    at = open_page(at, "views/article.py")
    no_errors(at)
    assert at.selectbox(key="article_choice").value == article_id
    page = at.get("html")[0].value
    selected = page.split('data-selected="true">', 1)[1].split("</mark>", 1)[0]
    assert strip_tags(selected) == html_text(sentence)
    assert page.count("<mark") == len(
        {r[0] for r in query(shipped, "SELECT sentence_start FROM event_sources WHERE article_id = ?", [article_id])}
    )


def strip_tags(fragment: str) -> str:
    return fragment.replace("<b>", "").replace("</b>", "")


def html_text(text: str) -> str:
    import html

    return html.escape(text, quote=True).replace("`", "&#96;").replace("$", "&#36;")


def test_hostile_article_text_is_shown_as_text(hostile: Path) -> None:
    at = app({"article": "syn-000000"})
    at = open_page(at, "views/article.py")
    no_errors(at)
    page = at.get("html")[0].value
    assert "&lt;script&gt;" in page
    assert not any(tag in page for tag in HOSTILE_TAGS)
    markdown = [m.value for m in (*at.markdown, *at.caption, *at.subheader)]
    assert not any("<script" in m.replace("\\<", "") for m in markdown)  # backslash-escaped for Markdown
    assert any("\\<script\\>" in m for m in markdown)  # the title is there, as text


def test_javascript_urls_never_become_links(hostile: Path) -> None:
    at = open_page(app(), "views/events.py")
    frame = next(d for d in at.dataframe if d.key == "events_table").value
    links = [u for u in frame["original"] if isinstance(u, str) and u]
    assert links and all(u.startswith("https://") for u in links)
    assert not any(isinstance(u, str) and u.startswith("javascript") for u in frame["original"])


UPLOAD = (
    b"Niamey, March 26, 2024 -- Russian President Vladimir Putin and Niger's leader Abdourahamane Tiani "
    b"discussed security cooperation by telephone on Tuesday, the Kremlin said.\n\n"
    b"The two leaders agreed to strengthen their military cooperation.\n"
)


LATE_UPLOAD = (
    b"Niamey, December 12, 2024 -- Niger's leader Abdourahamane Tiani received a Russian military delegation "
    b"in Niamey on Thursday.\n"
)


def upload(at: AppTest, name: str, content: bytes) -> AppTest:
    at = open_page(at, "views/article.py")
    at.file_uploader(key="article_upload").upload(name, content, "text/plain").run()
    no_errors(at)
    assert at.success, "the upload was not coded"
    return at


def test_uploading_an_article_adds_its_events_to_this_session_only(shipped: Path) -> None:
    at = upload(app(), "../../etc/my article.txt", LATE_UPLOAD)
    uploaded = at.session_state["uploads"].article_ids[0]
    assert at.selectbox(key="article_choice").value == uploaded
    assert "<mark" in at.get("html")[0].value  # its coded sentences are highlighted
    at = open_page(at, "views/events.py")
    assert len(table_events(at)) == len(event_ids(shipped)) + 1
    other = open_page(app(), "views/article.py")  # another session does not see it
    assert uploaded not in other.selectbox(key="article_choice").options


def test_an_upload_after_the_last_date_is_not_hidden_by_the_old_end_date(shipped: Path) -> None:
    at = upload(app(), "late.txt", LATE_UPLOAD)
    assert at.date_input(key="f_dates").value[1] == date(2024, 12, 12)  # the range grew with the data
    at = open_page(at, "views/events.py")
    assert "events where" not in at.caption[0].value  # no filter nobody set
    frame = next(d for d in at.dataframe if d.key == "events_table").value
    assert frame["date"].iloc[0] == "2024-12-12"
    assert frame["actors"].iloc[0] == "RUS → NER"


def test_a_narrowed_end_date_stays_when_an_upload_moves_the_last_date(shipped: Path) -> None:
    at = app()
    at.date_input(key="f_dates").set_value((date(2023, 7, 1), date(2024, 1, 31))).run()
    at = upload(at, "late.txt", LATE_UPLOAD)
    assert at.date_input(key="f_dates").value == (date(2023, 7, 1), date(2024, 1, 31))


def test_an_uploaded_report_of_a_stored_event_corroborates_it(shipped: Path) -> None:
    call = "ev-eab37054b3d7"  # the Tiani-Putin phone call of 26 March 2024, in three articles
    stored = query(shipped, "SELECT max(source_count) FROM events WHERE event_id = ?", [call])[0][0]
    at = upload(app(), "call.txt", UPLOAD)
    at = open_page(at, "views/events.py")
    frame = next(d for d in at.dataframe if d.key == "events_table").value
    assert (frame["event_id"] == call).sum() == 1  # no second copy of the call
    added = set(frame["event_id"]) - event_ids(shipped)  # the upload's other events are new ones
    assert len(frame) == len(event_ids(shipped)) + len(added)
    assert int(frame.loc[frame["event_id"] == call, "sources"].iloc[0]) == stored + 1
    uploaded = at.session_state["uploads"].article_ids[0]
    assert uploaded in set(query_sources(at, call))


def query_sources(at: AppTest, event_id: str) -> list[str]:
    from dashboard import queries

    view = at.session_state["context"].view
    return list(queries.sources(view, [event_id])["article_id"])


def test_an_oversized_upload_is_refused_with_a_message(shipped: Path) -> None:
    at = open_page(app(), "views/article.py")
    at.file_uploader(key="article_upload").upload("big.txt", b"x" * 1_200_000, "text/plain").run()
    assert any("limit is 1 MB" in e.value for e in at.error)
    assert "uploads" not in at.session_state


def test_clear_filters_clears_them_and_the_address_bar(shipped: Path) -> None:
    at = app({"actor": "RUS", "category": "CONSULT"})
    assert at.multiselect(key="f_actors").value == ["RUS"]
    clear = next(b for b in at.sidebar.button if b.label == "Clear filters")
    clear.click().run()
    no_errors(at)
    assert at.multiselect(key="f_actors").value == []
    assert at.multiselect(key="f_categories").value == []
    assert at.checkbox(key="f_undated").value is True  # back to every event, undated ones too
    assert "actor" not in at.query_params and "category" not in at.query_params
    at = open_page(at, "views/events.py")
    assert table_events(at) == event_ids(shipped)


def test_a_link_names_what_it_could_not_use(shipped: Path) -> None:
    at = app({"country": ["Niger", "Atlantis"], "from": "2030", "actor": "NER"})
    no_errors(at)
    assert at.multiselect(key="f_countries").value == ["NER"]  # a country's name stands for its code
    notes = " ".join(w.value for w in at.sidebar.warning).replace("\\", "")  # Markdown escapes off
    assert "country=Atlantis" in notes and "from=2030" in notes
    assert "actor" not in notes


def test_filters_show_names_not_codes(shipped: Path) -> None:
    at = app()
    assert "NER · Niger" in at.multiselect(key="f_countries").options
    assert "verbal cooperation" in at.multiselect(key="f_quads").options
    assert "CONSULT · meet, visit or call" in at.multiselect(key="f_categories").options
    at.multiselect(key="f_actors").set_value(["RUS"]).run()
    at.multiselect(key="f_quads").set_value(["verbal_coop"]).run()
    at = open_page(at, "views/events.py")
    assert "the source is Russia (RUS)" in at.caption[0].value.replace("\\", "")
    assert "verbal cooperation" in at.caption[0].value and "verbal_coop" not in at.caption[0].value.replace("\\", "")


def test_one_event_is_one_event(shipped: Path) -> None:
    at = open_page(app({"category": "RETREAT", "actor": "FRA"}), "views/events.py")
    assert at.caption[0].value.startswith("1 event where the source is France")


def test_dates_are_as_precise_as_the_articles(shipped: Path) -> None:
    at = open_page(app(), "views/events.py")
    frame = next(d for d in at.dataframe if d.key == "events_table").value
    withdrawal = frame.loc[frame["event_id"] == "ev-cb14ac0f56a3"].iloc[0]  # France's withdrawal, December 2023
    assert withdrawal["date"] == "2023-12"
    assert frame.loc[frame["event_id"] == "ev-eab37054b3d7", "date"].iloc[0] == "2024-03-26"
    at = open_page(app({"article": "002"}), "views/article.py")
    assert any("published December 2023" in c.value for c in at.caption)
    assert not any("01 December" in c.value for c in at.caption)


def test_empty_cells_are_empty_and_the_evidence_comes_before_the_details(shipped: Path) -> None:
    at = open_page(app(), "views/events.py")
    frame = next(d for d in at.dataframe if d.key == "events_table").value
    assert not frame.drop(columns=["original"]).isna().any().any()
    assert not (frame.astype(str) == "None").any().any()
    columns = list(frame.columns)
    assert columns.index("sentence") < columns.index("place") < columns.index("sources")


def test_one_sided_events_are_in_the_table_and_marked(shipped: Path) -> None:
    one_sided = event_ids(shipped, "coalesce(actor_code, '') = '' OR coalesce(recipient_code, '') = ''")
    assert one_sided
    at = open_page(app(), "views/events.py")
    frame = next(d for d in at.dataframe if d.key == "events_table").value
    marked = set(frame.loc[frame["actors"].str.contains("one-sided"), "event_id"])
    assert marked == one_sided


def test_first_run_builds_the_missing_store(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    corpus = Path(shutil.copytree(ROOT / "corpus", tmp_path / "corpus"))
    store = tmp_path / "store" / "geopol.duckdb"
    monkeypatch.setenv("GEOPOL_STORE", str(store))
    monkeypatch.setenv("GEOPOL_CORPUS_DIR", str(corpus))
    monkeypatch.setenv("GEOPOL_AUTOBUILD", "1")
    at = app()
    no_errors(at)
    assert store.exists()
    assert {m.label: m.value for m in at.metric}["Events"] == str(len(event_ids(store)))


def test_a_download_does_not_rerun_the_page_so_the_other_file_stays_valid(shipped: Path) -> None:
    """A rerun after a click replaces both buttons' files; a second click before the browser has
    the new ones asked for a file that was gone (MediaFileStorageError)."""
    at = open_page(app(), "views/events.py")
    buttons = at.get("download_button")
    assert [b.proto.label for b in buttons] == ["Download CSV", "Download GeoJSON"]
    assert all(b.proto.ignore_rerun for b in buttons)
