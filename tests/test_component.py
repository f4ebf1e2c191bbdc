"""The coder is a spaCy pipeline component: any English pipeline gains doc._.events."""

from __future__ import annotations

from datetime import date

import spacy

import geopol.component  # noqa: F401  (registers the "geopol_coder" factory)
from geopol.component import ARTICLE_KEY
from geopol.records import Article


def test_a_blank_pipeline_with_the_component_codes_events():
    nlp = spacy.blank("en")
    nlp.add_pipe("geopol_coder")
    doc = nlp("Chad expelled the French ambassador on Monday.")
    assert [(e.category, [a.code for a in e.sources], [a.code for a in e.recipients]) for e in doc._.events] == [
        ("SANCTION", ["TCD"], ["FRA"])
    ]
    (event,) = doc._.events
    assert doc.text[event.sentence_start + event.cue_start : event.sentence_start + event.cue_end] == "expelled"


def test_the_article_s_publication_date_dates_the_events():
    nlp = spacy.blank("en")
    nlp.add_pipe("geopol_coder")
    doc = nlp.make_doc("Chad expelled the French ambassador on Monday.")
    doc.user_data[ARTICLE_KEY] = Article("a1", "a1.txt", doc.text, published=date(2025, 3, 12), published_precision="day")
    (event,) = nlp(doc)._.events
    assert event.article_id == "a1"
    assert event.date is not None and event.date.value == date(2025, 3, 10) and event.date.precision == "day"


def test_a_sentence_without_an_event_gives_an_empty_list():
    nlp = spacy.blank("en")
    nlp.add_pipe("geopol_coder")
    assert nlp("The weather in Niamey was hot on Monday.")._.events == []
