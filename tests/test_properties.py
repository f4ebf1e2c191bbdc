"""Random text and random bytes through ingest and the coder: nothing escapes, offsets hold."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from geopol import pipeline
from geopol.ingest import RawArticle, read_article_file
from geopol.problems import Problem
from geopol.records import Article

# Words the coder acts on, so random sentences reach the event code, not just the tokenizer.
WORDS = st.sampled_from(
    [
        "Niger", "Russia", "France", "the United States", "Mali", "Wagner", "ECOWAS", "Tiani", "Putin",
        "expelled", "sent", "troops", "signed", "an agreement", "with", "to", "from", "Niamey", "Agadez",
        "on Tuesday", "last July", "in 2023", "200", "soldiers", "withdrew", "met", "threatened", "sanctions",
        ",", ".", "\n", "<script>", "=", "**", "$", "[x](javascript:alert(1))", "\u202e", "’s", "(", ")",
    ]
)  # fmt: skip
SENTENCES = st.lists(WORDS, min_size=1, max_size=40).map(" ".join)
TEXT = st.one_of(SENTENCES, st.text(max_size=300), st.lists(st.one_of(SENTENCES, st.text(max_size=40)), max_size=6).map("".join))
PROPERTY = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@pytest.fixture(scope="module")
def coder() -> pipeline.Coder:
    return pipeline.Coder()


def check_offsets(article: Article, events: list) -> None:
    for event in events:
        assert 0 <= event.cue_start < event.cue_end <= len(event.sentence), event
        assert 0 <= event.clause_start <= event.clause_end <= len(event.sentence), event
        assert article.text[event.sentence_start : event.sentence_start + len(event.sentence)] == event.sentence


@PROPERTY
@given(text=TEXT)
@example(text="Niger sent \n troops")  # a cue running on past the end of its sentence
def test_random_text_codes_without_error_and_offsets_point_into_the_sentence(coder: pipeline.Coder, text: str) -> None:
    article = Article("a", "a.txt", text)
    check_offsets(article, coder.code([article]))


@PROPERTY
@given(data=st.binary(max_size=2000), suffix=st.sampled_from([".txt", ".md", ".html"]))
def test_random_bytes_are_read_or_skipped_with_a_coded_reason(
    tmp_path: Path, coder: pipeline.Coder, data: bytes, suffix: str
) -> None:
    path = tmp_path / f"random{suffix}"
    path.write_bytes(data)
    raw = read_article_file(path, tmp_path)
    if isinstance(raw, Problem):
        assert raw.skips_file and str(raw)
        return
    assert isinstance(raw, RawArticle)
    article = pipeline.make_article(raw, None, coder.dictionaries)
    check_offsets(article, coder.code([article]))


@PROPERTY
@given(text=TEXT, suffix=st.sampled_from([".txt", ".md", ".html"]))
def test_random_text_files_go_through_ingest_and_coder(tmp_path: Path, coder: pipeline.Coder, text: str, suffix: str) -> None:
    path = tmp_path / f"random{suffix}"
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    corpus = pipeline.read_corpus([path], coder.dictionaries)
    assert all(isinstance(p, Problem) and str(p) for p in corpus.problems)
    for article in corpus.articles:
        check_offsets(article, coder.code([article]))
