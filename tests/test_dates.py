"""Dates: relative expressions resolved against the publication date, with precision and
the words they came from; publication dates from manifests, datelines and page headers."""

from __future__ import annotations

from datetime import date

import pytest

from geopol.dates import PartialDate, event_date, find_dates, parse_partial_date, resolve
from geopol.pipeline import publication_date

WEDNESDAY = PartialDate(date(2024, 3, 27), "day")
MID_MAY = PartialDate(date(2024, 5, 15), "day")


def resolved(text: str, ref: PartialDate) -> tuple[date, str] | None:
    found = find_dates(text)
    assert found, f"no date found in {text!r}"
    value = resolve(found[0], ref)
    return (value.value, value.precision) if value else None


@pytest.mark.parametrize(
    ("text", "ref", "expected"),
    [
        ("talks on Tuesday", WEDNESDAY, (date(2024, 3, 26), "day")),
        ("talks on Wednesday", WEDNESDAY, (date(2024, 3, 27), "day")),
        ("arrived on April 10", MID_MAY, (date(2024, 4, 10), "day")),
        ("arrived on December 10", MID_MAY, (date(2023, 12, 10), "day")),
        ("Last month, the envoy left", MID_MAY, (date(2024, 4, 1), "month")),
        ("Earlier this month, delegates came", WEDNESDAY, (date(2024, 3, 1), "month")),
        ("a visit in January", MID_MAY, (date(2024, 1, 1), "month")),
        ("the coup last July", MID_MAY, (date(2023, 7, 1), "month")),
        ("talks in late January", MID_MAY, (date(2024, 1, 1), "month")),
        ("a delegation in mid-March", WEDNESDAY, (date(2024, 3, 1), "month")),
        ("In December, a delegation", WEDNESDAY, (date(2023, 12, 1), "month")),
        ("Back in October 2023, the minister", MID_MAY, (date(2023, 10, 1), "month")),
        ("signed on 3 August 2023", MID_MAY, (date(2023, 8, 3), "day")),
        ("elections last year", MID_MAY, (date(2023, 1, 1), "year")),
        ("the envoy left yesterday", MID_MAY, (date(2024, 5, 14), "day")),
    ],
)
def test_relative_dates(text, ref, expected):
    assert resolved(text, ref) == expected


def test_weekday_against_a_month_only_reference_keeps_month_precision():
    assert resolved("talks on Tuesday", PartialDate(date(2023, 12, 1), "month")) == (date(2023, 12, 1), "month")


@pytest.mark.parametrize("text", ["Niger may expel the envoy", "the July coup ousted him", "Africa Today News reported"])
def test_words_that_are_not_event_dates(text):
    assert event_date(text, (0, len(text)), (), None) == (None, "")


def test_event_without_a_date_takes_the_publication_date():
    when, words = event_date("Mali expelled the envoy.", (0, 24), (), MID_MAY)
    assert when is not None and (when.value, when.basis, words) == (date(2024, 5, 15), "publication", "")


def test_background_clause_does_not_date_the_main_event():
    sentence = "Following a visit to Moscow in January, the two countries agreed to cooperate."
    main = (sentence.index("the two"), len(sentence))
    when, _ = event_date(sentence, main, (), MID_MAY)
    assert when is not None and when.basis == "publication"


def test_dateline_is_the_filing_date_not_the_event_date():
    sentence = "Niamey, May 15 (RHC)-- Niger's prime minister criticised the decision."
    when, _ = event_date(sentence, (0, len(sentence)), (), MID_MAY)
    assert when is not None and when.basis == "publication"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2024", PartialDate(date(2024, 1, 1), "year")),
        ("2024-03", PartialDate(date(2024, 3, 1), "month")),
        ("2024-03-27", PartialDate(date(2024, 3, 27), "day")),
        ("27 March 2024", PartialDate(date(2024, 3, 27), "day")),
        ("2024-02-30", None),
        ("soon", None),
    ],
)
def test_manifest_dates(text, expected):
    assert parse_partial_date(text) == expected


def test_dateline_completes_a_year_only_manifest_date():
    found, method = publication_date(PartialDate(date(2024, 1, 1), "year"), "Dakar, June 3 (AFP) -- Senegal ...", ())
    assert (found, method) == (PartialDate(date(2024, 6, 3), "day"), "dateline")


def test_header_date_is_taken_from_the_last_date_line_before_the_body():
    header = ("Tuesday, June 24, 2025", "Home News", "A headline", "March 27, 2024", "in News")
    assert publication_date(None, "Body text.", header) == (PartialDate(date(2024, 3, 27), "day"), "header")


def test_dateline_without_year_takes_the_year_after_the_latest_date_written():
    text = "BAMAKO, June 17 (Reuters) - Mali asked the UN to leave. France left in August 2022."
    assert publication_date(None, text, ()) == (PartialDate(date(2023, 6, 17), "day"), "dateline, year inferred")


def test_web_page_metadata_date():
    assert publication_date(None, "Chad ended the pact.", (), "2024-12-02T09:00:00Z") == (
        PartialDate(date(2024, 12, 2), "day"),
        "page metadata",
    )


def test_undated_article_with_no_corroboration_takes_the_latest_date_it_writes():
    from geopol.records import Article
    from tests.coding import run_articles

    (article,), _ = run_articles(
        [Article("u", "u.txt", "Mali expelled the French ambassador in January 2022. Last month it acted.")]
    )
    assert (article.published, article.published_precision, article.published_method) == (
        date(2022, 1, 1),
        "month",
        "latest date in text",
    )


def test_iso_dates_in_the_text_resolve_and_date_an_undated_article():
    from geopol.records import Article
    from tests.coding import run_articles

    assert resolved("a statement dated 2025-01-31", MID_MAY) == (date(2025, 1, 31), "day")
    (article,), events = run_articles(
        [Article("u", "u.txt", "Mali expelled the French ambassador on 2025-01-31, state television said.")]
    )
    assert (article.published, article.published_precision) == (date(2025, 1, 1), "month")
    assert [(e.category, [a.code for a in e.sources], [a.code for a in e.recipients]) for e in events] == [
        ("SANCTION", ["MLI"], ["FRA"])
    ]
    assert events[0].date is not None and events[0].date.value == date(2025, 1, 31)
