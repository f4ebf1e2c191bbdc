"""The coder is a spaCy pipeline component: any English pipeline gains doc._.events."""

from __future__ import annotations

from datetime import date

import spacy

import geopol.component  # registers the "geopol_coder" factory
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


def test_a_sentence_the_coder_cannot_read_is_left_out_with_a_warning_and_the_rest_coded(monkeypatch, caplog):
    real = geopol.component.code_sentence

    def fails_on_the_first(doc, *args, **kwargs):
        if "Togo" in doc.text:
            raise RecursionError("maximum recursion depth exceeded")
        return real(doc, *args, **kwargs)

    monkeypatch.setattr(geopol.component, "code_sentence", fails_on_the_first)
    nlp = spacy.blank("en")
    nlp.add_pipe("geopol_coder")
    doc = nlp("Togo expelled the Malian ambassador. Chad expelled the French ambassador on Monday.")
    assert [(e.category, e.sources[0].code, e.recipients[0].code) for e in doc._.events] == [("SANCTION", "TCD", "FRA")]
    assert "sentence 1 left uncoded (RecursionError" in caplog.text
