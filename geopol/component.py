"""The coder as a spaCy pipeline component: an article's Doc in, its events in doc._.events.

Reads a Doc of an article's clean text (and, in doc.user_data["geopol_article"], the
Article with its id and publication date); adds doc._.events, a list of Event records with
dates and places. The CLI, the build and the app code through this component:

    import spacy, geopol.component
    nlp = spacy.blank("en")
    nlp.add_pipe("geopol_coder")
    doc = nlp("Chad expelled the French ambassador on Monday.")
    doc._.events
"""

from __future__ import annotations

import logging
import re
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span

from geopol.actors import ArticleContext, actor_kind, choose_entry, dominant_group, ranked_states, region_words
from geopol.code import code_sentence
from geopol.dictionaries import cached_dictionaries
from geopol.geocode import (
    WHERE,
    PlaceMention,
    in_background_phrase,
    locate,
    object_places,
    place_mentions,
    refine_article,
)
from geopol.nlp import (
    Analysis,
    Matchers,
    acronyms_of,
    analyse,
    long_names,
    matchers_for,
    parse_sentences,
    prefer_article_readings,
    preprocessor,
)
from geopol.paths import DATA_DIR
from geopol.published import redate, reference_date
from geopol.records import MATERIAL, Actor, Article, Event

ARTICLE_KEY = "geopol_article"
LOG = logging.getLogger("geopol")
# "NIAMEY, Niger (AP) —": where and by whom a story was filed, never an actor of it.
MAX_HEADLINE = 200  # characters
DATELINE_END = re.compile(r"\s*[A-Z][A-Z .'’-]{2,40}(?:,\s*[A-Z][\w .'’-]{1,40})?\s*(?:\([^)]{1,30}\))?\s*(?:—|–|--|-)\s*")
# "Kinshasa, DR Congo —": a city and a country in title case, then a dash between spaces
DATELINE_MIXED = re.compile(r"\s*[A-Z][\w'’.-]+(?: [A-Z][\w'’.-]+){0,2}, [A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){0,3} (?:—|–|--|-) ")
MAX_HEAD_LINES = 3  # headline, byline, a label such as "Analysis"
# an armed group is the story's own when named in its first sentences or in this many
LEAD_SENTENCES, RECURRING = 3, 3

if not Doc.has_extension("events"):
    Doc.set_extension("events", default=None)


@Language.factory("geopol_coder", default_config={"data_dir": None})
def make_coder(nlp: Language, name: str, data_dir: str | None) -> EventCoder:
    """The coder with the dictionaries of data_dir (default: the shipped ones); the parser is
    the one GEOPOL_MODEL_DIR names (default: the shipped one)."""
    return EventCoder(Path(data_dir) if data_dir else DATA_DIR)


class EventCoder:
    """Codes one article Doc: dictionary matches, then the parse and the coder on the
    sentences that hold a cue and an actor candidate, then dates and places."""

    def __init__(self, data_dir: Path = DATA_DIR) -> None:
        self.data_dir = data_dir
        self.dictionaries = cached_dictionaries(data_dir)
        self.matchers = matchers_for(data_dir)
        self.acronyms = acronyms_of(self.dictionaries)
        self.government_side = frozenset(c for c, info in self.dictionaries.actors.items() if info.sector == "MIL")
        self.regions = region_words(self.dictionaries)
        self.capitals: dict[str, set[str]] = {}  # capital's name -> codes, for datelines
        for entry in self.dictionaries.actor_names:
            if entry.kind == "capital":
                self.capitals.setdefault(entry.text, set()).add(entry.code)

    def __call__(self, doc: Doc) -> Doc:
        article = doc.user_data.get(ARTICLE_KEY) or Article("doc", "", doc.text)
        own = doc if doc.vocab is preprocessor().vocab and doc.has_annotation("SENT_START") else preprocessor()(doc.text)
        doc._.events = self.code(article, own)
        return doc

    def story_group(self, analysis: Analysis, group: Actor | None, states: tuple[Actor, ...], ends: int) -> Actor | None:
        """The armed group that "the assailants" and "the militants" of the story are: one at
        home in the story's state, named in its lead or named again and again; not a war next
        door told in a paragraph of background ("Chad borders Sudan, where the army has been at
        war with the Rapid Support Forces")."""
        if group is None:
            return None
        entry = self.dictionaries.actors.get(group.code)
        home = entry is not None and bool(states) and (entry.home or entry.country) == states[0].code
        doc = analysis.doc
        sentences = [doc[s].sent for s, _, entries in analysis.actors if entries[0].code == group.code]
        lead = [s for s in doc.sents if s.end_char > ends and s.text.strip()][:LEAD_SENTENCES]
        in_lead = any(s.start in {sent.start for sent in lead} for s in sentences)
        return group if home or in_lead or len({s.start for s in sentences}) >= RECURRING else None

    def dateline_codes(self, dateline: str) -> frozenset[str]:
        """The state a dateline's city is the capital of ("KINSHASA, Congo (Reuters) -": the
        Democratic Republic), to read the article's ambiguous names by."""
        codes = self.capitals.get(dateline.strip().split(",")[0].strip().title(), set())
        return frozenset(codes) if len(codes) == 1 else frozenset()

    def code(self, article: Article, doc: Doc) -> list[Event]:
        ends = dateline_end(doc.text)
        analysis = prefer_article_readings(analyse(doc, self.matchers), self.dateline_codes(doc.text[:ends]))
        states = ranked_states(analysis, ends)
        known = self.dictionaries.actors
        group, insurgents = dominant_group(analysis), dominant_group(analysis, self.government_side)
        group, insurgents = (self.story_group(analysis, g, states, ends) for g in (group, insurgents))
        home = known[insurgents.code].home if insurgents is not None and insurgents.code in known else ""
        dominant = states[0] if states else None
        context = ArticleContext(dominant, states, group, insurgents, home, self.government_side, regions=self.regions)
        context.mentions.update(entries[0].code for _, _, entries in analysis.actors)
        ref = reference_date(article)
        year = article.published.year if article.published else None
        sentences = [s for s in doc.sents if s.text.strip()]
        windows = [analysis.window(s.start, s.end) for s in sentences]
        chosen = [i for i, w in enumerate(windows) if sentences[i].end_char > ends and can_hold_event(w, sentences[i])]
        leading = [sum(1 for t in sentences[i] if t.idx < ends) for i in chosen]  # the dateline's words
        names = [long_names(windows[i], sentences[i].start, sentences[i].end) for i in chosen]
        parsed = dict(zip(chosen, parse_sentences([sentences[i] for i in chosen], self.acronyms, leading, names), strict=True))
        events: list[Event] = []
        mentions: dict[int, list[PlaceMention]] = {}
        story = tuple(a.code for a in states)
        for index, (sentence, window) in enumerate(zip(sentences, windows, strict=True)):
            mentions[index] = place_mentions(window, sentence.start, sentence.end, self.dictionaries.actors, story)
            if index not in parsed:
                remember_unparsed(context, window, year)
                continue
            sentence_doc = parsed[index]
            local = window.moved(sentence_doc, sentence.start)
            here = [m for m in mentions[index] if m.place.country and m.prep in WHERE]
            countries = {m.token - sentence.start: m.place.country for m in here}
            acts = material_words(local, self.matchers)
            struck = object_places(sentence_doc, local, place_hints(local, context), set(countries), sentence.start, acts)
            named_here = sorted([*mentions[index], *struck], key=lambda m: m.start)
            mentions[index] = in_background_phrase(sentence_doc, named_here, sentence.start)
            first = first_token(sentence_doc, sentence.start_char, ends)
            try:
                found = code_sentence(
                    sentence_doc,
                    local,
                    self.matchers,
                    context,
                    year,
                    article.article_id,
                    index,
                    sentence.start_char,
                    countries,
                    first,
                    {m.token - sentence.start: m.place.country for m in struck},
                )
            except Exception as error:  # one sentence the coder cannot read never costs the article or the build
                LOG.warning("%s: sentence %d left uncoded (%s: %s)", article.article_id, index + 1, type(error).__name__, error)
                continue
            for event in found:
                events.append(locate(redate(event, ref), mentions[index], self.dictionaries.actors))
        return refine_article(events, mentions)


def material_words(window: Analysis, matchers: Matchers) -> frozenset[int]:
    """The words of the cues of material acts in a sentence."""
    return frozenset(k for c in window.cues if matchers.cue_rules[c.index].category in MATERIAL for k in range(c.start, c.end))


def place_hints(window: Analysis, context: ArticleContext) -> tuple[str, ...]:
    """The countries a city name is most likely in: those the sentence and the article name."""
    named = [entry.code for _, _, entries in window.actors for entry in entries[:1]]
    return tuple(dict.fromkeys([*named, *(a.code for a in context.states)]))


def dateline_end(text: str) -> int:
    """Where the dateline ("NIAMEY, Niger (AP) —", "Kinshasa, DR Congo —") ends: at the start
    of the text, or after a headline and a byline, lines set apart by blank lines (which, like
    the dateline, code nothing)."""
    start = 0
    for _ in range(MAX_HEAD_LINES + 1):
        found = DATELINE_END.match(text, start) or DATELINE_MIXED.match(text, start)
        if found:
            return found.end()
        head, gap, _rest = text[start:].partition("\n\n")
        line = head.strip()
        if not gap or not 0 < len(line) <= MAX_HEADLINE or "\n" in line or line.endswith((".", "!", "?", '"', "”")):
            return 0
        start += len(head) + len(gap)
    return 0


def can_hold_event(window: Analysis, sentence: Span) -> bool:
    """A cue and something that can name an actor: a dictionary name, a role, an anaphor or
    a capitalised word inside the sentence. Only these sentences are parsed."""
    if not window.cues:
        return False
    if window.actors or window.roles or window.anaphors:
        return True
    return any(t.is_title and t.i > sentence.start for t in sentence) or bool(window.places)


def first_token(doc: Doc, sentence_char: int, dateline_end: int) -> int:
    """The first token after a dateline in the article's first sentence."""
    if dateline_end <= sentence_char:
        return 0
    return next((t.i for t in doc if sentence_char + t.idx >= dateline_end), len(doc))


def remember_unparsed(context: ArticleContext, window: Analysis, year: int | None) -> None:
    """A sentence with no event still names actors that later pronouns may stand for."""
    named = [(s, e, choose_entry(entries, year)) for s, e, entries in window.actors]
    actors = [Actor(entry.text, entry.code, entry.sector, actor_kind(entry)) for _, _, entry in named if entry.kind != "capital"]
    for _, _, entry in named:  # "Gustavo Petro spoke in Bogota", later just "Petro"
        if entry.kind == "person":
            context.know_person(Actor(entry.text, entry.code, entry.sector, actor_kind(entry)))
    first = actors[:1]
    focus = next((s for s, _, kind in window.anaphors if kind == "dominant_state"), None)
    if context.dominant is not None and focus is not None and (not named or focus < named[0][0]):
        first = [context.dominant]  # "The junta's announcement ...": the subject is the junta
    context.remember(actors, tuple(first), listed_group(window.doc, named))


def listed_group(doc: Doc, named: list) -> tuple[Actor, ...]:
    """ "Mali, Niger, and Burkina Faso": names joined only by commas and "and"."""
    best: list = []
    run: list = []
    for start, end, entry in named:
        gap = {t.lower_ for t in doc[run[-1][1] : start]} if run else set()
        if run and gap <= {",", "and", "&"}:
            run.append((start, end, entry))
        else:
            run = [(start, end, entry)]
        if len({e.code for _, _, e in run}) > 1 and len(run) >= len(best):
            best = list(run)
    return tuple(Actor(e.text, e.code, e.sector, actor_kind(e)) for _, _, e in best)
