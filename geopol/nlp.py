"""Sentences, tokens and lemmas, the dictionary matches in them, and the parse of the
sentences that can hold an event.

Reads an article's clean text; adds a spaCy Doc (blank English tokenizer, sentence splitter,
lookup lemmas in lower case) and, per token span, the actor names, anaphors, role nouns,
event cues, modifiers and places that the data/ dictionaries list. Sentences that hold a cue
and an actor candidate are parsed by the project's own trained model (models/parser/):
tags, morphology and a dependency tree, one sentence Doc each.
"""

from __future__ import annotations

import calendar
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import cached_property, lru_cache
from pathlib import Path
from typing import cast

import numpy
import spacy
from spacy.attrs import DEP, HEAD
from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.pipeline import Lemmatizer
from spacy.symbols import ORTH
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc, Span, Token
from spacy.vocab import Vocab

from geopol.dictionaries import ActorEntry, CueRule, Dictionaries, Facility, Role, cached_dictionaries
from geopol.paths import MODEL_DIR
from geopol.syntax import OBJECT_CONTROL, case_of, is_verb, marks, objects, obliques

PARSE_BATCH = 64  # sentences per parser batch: big enough for matrix work, small for memory


@Language.component("paragraph_breaks")
def paragraph_breaks(doc: Doc) -> Doc:
    """A line break ends a sentence: titles and list items carry no full stop."""
    for token in doc[:-1]:
        if token.is_space and "\n" in token.text:
            doc[token.i + 1].is_sent_start = True
    return doc


@Language.component("lower_lemmas")
def lower_lemmas(doc: Doc) -> Doc:
    """token.lemma_ in lower case, the attribute every cue pattern is matched on (the token's
    norm stays spaCy's own: the parser was trained on it)."""
    for token in doc:
        if token.text in ("'s", "’s"):
            token.lemma_ = "'s"
        elif token.text in ("’", "‘"):
            token.lemma_ = "'"
        else:
            token.lemma_ = (token.lemma_ or token.text).lower()
    return doc


# ranks and titles written with a full stop that the tokenizer would read as a sentence's end
TITLE_ABBREVIATIONS = (
    "Capt.", "Col.", "Lt.", "Maj.", "Sgt.", "Cpl.", "Pvt.", "Cmdr.", "Adm.", "Brig.", "Gen.", "Amb.", "Pres.", "Lt.-Col.",
)  # fmt: skip


@lru_cache(maxsize=1)
def preprocessor() -> Language:
    """Blank English with the sentence splitter and the lookup lemmatizer of spacy-lookups-data,
    sharing the trained parser's vocabulary (its labels are strings of that vocabulary)."""
    nlp = spacy.blank("en", vocab=parser().vocab)
    tokenizer = cast(Tokenizer, nlp.tokenizer)
    for title in TITLE_ABBREVIATIONS:  # "Capt. Ibrahim Traore" is one sentence
        tokenizer.add_special_case(title, [{ORTH: title}])
    nlp.add_pipe("paragraph_breaks")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    nlp.initialize()
    lemmatizer = cast(Lemmatizer, nlp.get_pipe("lemmatizer"))
    table = lemmatizer.lookups.get_table("lemma_lookup")

    def lookup_lowercase(token):  # the table is keyed by surface form: "Held" misses "hold"
        found = table.get(token.text) or table.get(token.lower_) or regular_singular(token.text)
        return [found]

    lemmatizer.lemmatize = lookup_lowercase  # type: ignore[method-assign]
    nlp.add_pipe("lower_lemmas")
    return nlp


def regular_singular(word: str) -> str:
    """A plain plural the table does not know ("warplanes"), else the word as it is."""
    plain = len(word) > 5 and word.isalpha() and word.islower()
    if plain and word.endswith("s") and not word.endswith(("ss", "us", "is", "ics")):
        return word[:-1]
    return word


class ModelMissing(RuntimeError):
    """The trained parser is not where the pipeline looks for it."""


@lru_cache(maxsize=1)
def parser(model_dir: Path = MODEL_DIR) -> Language:
    """The trained tagger, morphologizer and dependency parser, loaded once per process."""
    if not (model_dir / "meta.json").exists():
        raise ModelMissing(f"no trained parser in {model_dir}: train one with scripts/train_parser.py --install")
    return spacy.load(model_dir)


def parse_sentences(
    sentences: Iterable[Span],
    acronyms: frozenset[str] = frozenset(),
    leading: Iterable[int] = (),
    names: Iterable[list[tuple[int, int]]] = (),
) -> list[Doc]:
    """Each sentence as its own Doc, tagged and parsed as one sentence. acronyms: names in
    capitals ("ECOWAS") that the parser reads as a common proper noun (see STAND_IN).
    leading: per sentence, how many first words (a dateline: "NIAMEY, Niger (AP) —") to keep
    out of the parse; they hang on the root afterwards. names: per sentence, the spans (in
    the sentence's own token offsets) of names the parser reads as one word (see long_names)."""
    nlp = parser()
    sentences = list(sentences)
    skips = list(leading) or [0] * len(sentences)
    runs = list(names) or [[] for _ in sentences]
    docs, originals = [], []
    for sentence, skip, spans in zip(sentences, skips, runs, strict=True):
        words = [t.text for t in sentence]
        spaces = [bool(t.whitespace_) for t in sentence]
        lemmas = [t.lemma_ for t in sentence]
        firsts = read_positions(len(words), skip, [(s, e) for s, e in spans if s >= skip])
        originals.append((words, spaces, lemmas, skip, firsts))
        plain = read_plainly([STAND_IN if word in acronyms else word for word in words])
        read_as = [STAND_IN if firsts[i + 1] - first > 1 else plain[first] for i, first in enumerate(firsts[:-1])]
        read_spaces = [spaces[nxt - 1] for nxt in firsts[1:]]
        read_lemmas = [lemmas[first] for first in firsts[:-1]]
        starts: list[bool | int | None] = [True, *([False] * (len(read_as) - 1))]  # one tree per sentence
        docs.append(Doc(nlp.vocab, words=read_as, spaces=read_spaces, lemmas=read_lemmas, sent_starts=starts))
    parsed = nlp.pipe(docs, batch_size=PARSE_BATCH)
    return [repair(restore(doc, *original)) for doc, original in zip(parsed, originals, strict=True)]


def read_positions(count: int, skip: int, names: list[tuple[int, int]]) -> list[int]:
    """Where each word the parser reads starts among the sentence's count words, then count:
    the words after the first `skip`, each name of names (start, end) read as one."""
    ends = {start: end for start, end in names if end <= count}
    firsts, i = [], skip
    while i < count:
        firsts.append(i)
        i = ends.get(i, i + 1)
    return [*firsts, count]


# An acronym in capitals ("ECOWAS", "JNIM") is rare in the treebanks and often read as a verb;
# the parser reads a common proper noun in its place, and the tree keeps the real word.
STAND_IN = "Ghana"

# French terms of diplomacy the treebanks never saw ("summoned Brazil's charge d'affaires" read
# "d'affaires" as a verb): the parser reads plain English words of the same role in their place
PLAIN_WORDS = {("charge", "d'affaires"): ("top", "envoy"), ("chargé", "d'affaires"): ("top", "envoy")}


def read_plainly(words: list[str]) -> list[str]:
    read = list(words)
    for i in range(len(read) - 1):
        plain = PLAIN_WORDS.get((read[i].lower(), read[i + 1].lower()))
        if plain is not None:
            read[i], read[i + 1] = plain
    return read


def acronyms_of(dictionaries: Dictionaries) -> frozenset[str]:
    """The one-word actor names written in capitals, four letters or more ("ECOWAS", "NATO"),
    and those of international bodies written as a word ("Ecowas", read as "was" after "Eco")."""
    names = ((e.text, e.kind) for e in dictionaries.actor_names)
    return frozenset(n for n, kind in names if len(n) >= 4 and n.isalpha() and (n.isupper() or (kind == "igo" and n.istitle())))


def restore(doc: Doc, words: list[str], spaces: list[bool], lemmas: list[str], skip: int, firsts: list[int]) -> Doc:
    """The parsed doc with the sentence's own words back in place of any stand-ins: the words
    kept out of the parse hung on its root, a name's later words on its first ("flat")."""
    if skip == 0 and len(firsts) == len(words) + 1 and all(t.text == w for t, w in zip(doc, words, strict=True)):
        return doc
    root = firsts[next((t.i for t in doc if t.head.i == t.i), 0)]
    outside = words[:skip]
    tags = ["NNP" if w.isalpha() else "," for w in outside]
    pos = ["PROPN" if w.isalpha() else "PUNCT" for w in outside]
    morphs, heads, deps = [""] * skip, [root] * skip, ["dep"] * skip
    for token, first, following in zip(doc, firsts, firsts[1:], strict=False):
        tags.append(token.tag_)
        pos.append(token.pos_)
        morphs.append(str(token.morph))
        heads.append(firsts[token.head.i])
        deps.append(token.dep_)
        for k in range(first + 1, following):  # "Republic of Congo": the rest of the name
            word = words[k].isalpha()
            tags.append("NNP" if word else "HYPH")
            pos.append("PROPN" if word else "PUNCT")
            morphs.append("")
            heads.append(first)
            deps.append("flat" if word else "punct")
    return Doc(doc.vocab, words=words, spaces=spaces, tags=tags, pos=pos, morphs=morphs, lemmas=lemmas, heads=heads, deps=deps)


def repair(doc: Doc) -> Doc:
    """Put back the misreadings that break the events of news sentences, one repair after
    another (each a pass over the sentence's tree)."""
    for step in (
        repair_adjective_subject,
        repair_subject_on_auxiliary,
        repair_past_after_plural,
        repair_predicate_past,
        repair_modified_verb,
        repair_role_read_as_verb,
        repair_joined_modifier,
        repair_name_after_object,
        repair_false_passive,
        repair_denial_read_as_noun,
        repair_verb_subject,
        repair_tied_subject,
        repair_noun_before_verb,
        repair_past_modifier,
        repair_verb_joined_to_noun,
        repair_name_after_relative,
        repair_subject_before_relative,
        repair_subject_after_subordinator,
        repair_signed_after_and,
        repair_verb_after_paired_names,
        repair_agent_after_place,
        repair_intent_after_time,
        repair_gerund_read_as_adjective,
        repair_plural_read_as_verb,
        repair_plural_subject_read_as_verb,
        repair_verb_read_as_plural,
        repair_participle_after_comma,
        repair_guest_from,
        repair_noun_after_model_name,
        repair_names_joined_to_time,
        repair_participle_after_apposition,
        repair_second_saying,
        repair_reported_participle,
        repair_own_subject,
        repair_perfect,
        repair_perfect_modifier,
        repair_shared_object,
        repair_conjoined_accusation,
        repair_expletive,
        repair_neighbouring,
        repair_between,
        repair_like_conjuncts,
        repair_past_noun,
        repair_noun_with_arguments,
        repair_listed_apposition,
        repair_trailing_modifier,
        repair_nearest_conjunct,
        repair_paired_subject,
        repair_verbless,
        repair_named_relative,
        repair_subjectless,
        repair_clause_opener,
        repair_opened_participle,
        repair_conjoined_clause,
        repair_relative_conjunct,
        repair_after_quote,
        repair_second_subject,
        repair_bare_relative,
        repair_inverted_relative,
        repair_participle_subject,
        repair_agent_of_active,
        repair_marked_root,
        repair_time_of_name,
        repair_predicative_conjunct,
        repair_reported_clause,
        repair_remark_participle,
        repair_abbreviation_punct,
        repair_border_with,
        repair_double_subject,
        repair_joined_names,
        repair_case_subject,
        repair_adjective_object,
        repair_opener_apposition,
        repair_opener_joined_subject,
        repair_adverb_verb,
        repair_listed_past_verb,
        repair_controlled_infinitive,
        repair_second_clause_subject,
        repair_verb_before_possessor,
        repair_object_across_and,
        repair_past_before_name,
        repair_event_then_cause,
        repair_name_read_as_verb,
        repair_clause_read_as_phrase,
        repair_clause_read_as_modifier,
    ):
        before = doc.to_array([HEAD, DEP])
        doc = step(doc)
        after = doc.to_array([HEAD, DEP])
        if not numpy.array_equal(before, after) and cyclic(after[:, 0]):
            # a repair that would leave a word its own ancestor is undone (the array is spaCy's own)
            doc.from_array([HEAD, DEP], before)  # type: ignore[arg-type]
    return doc


def cyclic(head_offsets: numpy.ndarray) -> bool:
    """Does a word of the tree (heads as offsets, spaCy's HEAD array) reach itself going up?
    Such a tree would loop for ever in spaCy's subtree walks."""
    heads = [i + int(offset) for i, offset in enumerate(head_offsets.astype("int64"))]
    done = [False] * len(heads)
    for start in range(len(heads)):
        path: set[int] = set()
        word = start
        while not done[word] and heads[word] != word:
            if word in path:
                return True
            path.add(word)
            word = heads[word]
        for visited in path:
            done[visited] = True
    return False


# what follows a verb's object and belongs to the verb: "... and announced ...", "..., after ..."
LATE_DEPS = frozenset({"conj", "cc", "punct", "obl", "advcl", "parataxis"})


def repair_verb_before_possessor(doc: Doc) -> Doc:
    """ "Algeria's foreign ministry on Monday summoned France's charge d'affaires and announced ..."
    read as one noun phrase with "summoned" an adjective of "France": a past form right before a
    possessor, after the sentence's subject, is the sentence's verb."""
    for word in doc:
        after = doc[word.i + 1] if word.i + 1 < len(doc) else word
        past = word.tag_ in ("VBD", "VBN") or (word.tag_ == "JJ" and word.lower_.endswith("ed"))
        if word.dep_ != "amod" or not past or after.dep_ != "nmod:poss" or word.head not in (after, after.head):
            continue
        top = after.head  # "summoned Spain's charge", read with "summoned" on "Spain" or on "charge"
        while top.dep_ in ("compound", "flat") and top.head.i > top.i:
            top = top.head
        subject = next((t for t in doc[: word.i] if t.dep_.startswith("nsubj") and t.head in top.subtree), None)
        root = top.head if top.dep_ == "appos" else top
        if top.dep_ == "appos" and root.dep_ == "ROOT" and root.i < word.i:
            subject = root  # "Morocco's foreign ministry on Tuesday summoned Spain's ..." read as an apposition
        if root.dep_ != "ROOT" or subject is None:
            continue
        late = [c for c in (*top.children, *root.children) if c.i > word.i and c.dep_ in LATE_DEPS and c != top]
        word.pos_, word.tag_ = "VERB", "VBD"
        promote(word, subject, obj=top)
        for child in late:
            child.head = word
    return doc


def repair_past_before_name(doc: Doc) -> Doc:
    """ "The Kremlin rejected the claims and blamed Poland", "Vucic then blamed Kurti" read with
    the past form as an adjective of the name after it: a verb form that opens a noun phrase
    whose first word after it is a name is a verb, joined by "and" to the verb before, or the
    predicate of a sentence left without one."""
    for word in doc:
        if word.dep_ != "amod" or not past_form(word) or word.i + 1 >= len(doc) or doc[word.i + 1].pos_ != "PROPN":
            continue
        top = word.head
        while top.dep_ in ("compound", "flat", "nmod:poss") and top.head.i > top.i:
            top = top.head
        phrase = set(top.subtree)
        if any(t not in phrase for t in doc[word.i : top.i + 1]):
            continue
        if subject_in_phrase(word, top):  # "started after Caracas accused Guyana of ..."
            continue
        if opens_phrase(doc[word.i - 1], phrase):
            continue
        joined = top.head.head if top.dep_ == "conj" and top.head.dep_ in ("obj", "obl") else None
        if doc[word.i - 1].lower_ in ("and", "but") and joined is not None and joined.pos_ == "VERB" and joined.i < word.i:
            word.head, word.dep_, word.pos_, word.tag_ = joined, "conj", "VERB", "VBD"
            top.head, top.dep_ = word, "obj"
            doc[word.i - 1].head = word
            continue
        if joined_subject(word, top):  # "..., and Lukashenko in turn blamed Poland's government"
            continue
        root = top if top.dep_ == "ROOT" else top.head
        if root.dep_ != "ROOT" or root.pos_ not in ("NOUN", "PROPN") or any(t.pos_ in ("VERB", "AUX") for t in doc[: word.i]):
            continue
        subject = next((c for c in root.children if c.dep_ == "nsubj" and c.i < word.i), root if root.i < word.i else None)
        if subject is None or subject.pos_ not in ("PROPN", "NOUN", "PRON"):
            continue
        late = [c for c in root.children if c.i > word.i and c != top and c != subject]
        before = [c for c in root.children if c.i < word.i and c != subject] if root != subject else []
        word.pos_, word.tag_ = "VERB", "VBD"
        promote(word, subject, obj=top)
        for child in late:
            child.head = word
        for child in before:  # "in turn"
            child.head, child.dep_ = word, "obl" if child.pos_ == "NOUN" else child.dep_
        if root not in (subject, top):
            root.head, root.dep_ = word, "obl"
    return doc


def repair_event_then_cause(doc: Doc) -> Doc:
    """ "The row erupted after Maduro accused the US military ..." read as "the row erupted
    after Maduro" accusing: a past form describing the subject, with a name opened by "after",
    "when" or "as" right before the main verb, is the main verb, and the name the subject of
    the clause it opens."""
    for verb in doc:
        if verb.dep_ != "ROOT" or verb.pos_ != "VERB":
            continue
        subject = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i), None)
        told = next((c for c in subject.children if c.dep_ == "acl" and c.tag_ in ("VBD", "VBN")), None) if subject else None
        if subject is None or told is None or any(c.dep_ == "obj" for c in told.children):
            continue
        name = doc[verb.i - 1]
        while name.dep_ in ("compound", "flat") and name.head.i < verb.i and name.head.i > name.i:
            name = name.head
        marker = next((c for c in name.children if c.lower_ in SUBORDINATORS and c.i < name.i), None)
        if marker is None or name.head not in (told, verb) or not told.i < marker.i:
            continue
        told.head, told.dep_ = told, "ROOT"
        subject.head = told
        verb.head, verb.dep_ = told, "advcl"
        name.head, name.dep_ = verb, "nsubj"
        marker.head, marker.dep_ = verb, "mark"
        for late in [c for c in verb.children if c.dep_ == "punct" and c.i == len(doc) - 1]:
            late.head = told
    return doc


def subject_in_phrase(word: Token, top: Token) -> bool:
    """ "after Caracas accused Guyana" read as one phrase of a preposition: the name before the
    past form is its subject, and the clause it opens hangs on the verb the phrase did."""
    doc = word.doc
    subject = doc[word.i - 1]
    marker = next((c for c in top.children if c.dep_ == "case" and c.lower_ in SUBORDINATORS), None)
    if subject.pos_ != "PROPN" or subject.dep_ != "compound" or marker is None or marker.i != subject.i - 1:
        return False
    if top.dep_ not in ("obl", "nmod") or top.head.pos_ != "VERB" or subject.head not in (top, word):
        return False
    word.head, word.dep_, word.pos_, word.tag_ = top.head, "advcl", "VERB", "VBD"
    subject.head, subject.dep_ = word, "nsubj"
    marker.head, marker.dep_ = word, "mark"
    top.head, top.dep_ = word, "obj"
    return True


def joined_subject(word: Token, top: Token) -> bool:
    """The past form made a clause joined to the verb before it, with the name joined by "and"
    right before it (an adverbial aside: "in turn", "then") as its subject."""
    doc = word.doc
    i = word.i - 1
    while i > 0 and word.i - i <= ASIDE_WORDS and (doc[i].pos_ in ("ADV", "ADP", "PUNCT") or doc[i - 1].pos_ == "ADP"):
        i -= 1
    subject = doc[i]
    if subject.pos_ != "PROPN" or subject.dep_ != "conj" or not any(c.dep_ == "cc" for c in subject.children):
        return False
    verb = subject.head
    while verb.pos_ != "VERB" and verb.head.i != verb.i:
        verb = verb.head
    if verb.pos_ != "VERB" or verb.i > subject.i:
        return False
    aside = [t for t in doc[subject.i + 1 : word.i] if not (subject.i < t.head.i < word.i)]
    for child in [c for c in subject.children if c.dep_ in ("cc", "punct") and c.i < subject.i]:
        child.head = word
    word.head, word.dep_, word.pos_, word.tag_ = verb, "conj", "VERB", "VBD"
    subject.head, subject.dep_ = word, "nsubj"
    for t in aside:
        t.head, t.dep_ = word, "obl" if t.pos_ == "NOUN" else t.dep_
    top.head, top.dep_ = word, "obj"
    return True


ASIDE_WORDS = 4  # "in turn", ", for its part,"


def past_form(word: Token) -> bool:
    """ "blamed", "summoned": a lower-case verb form the parser may read as an adjective."""
    verb_form = word.lower_.endswith("ed") and word.lemma_ != word.lower_
    return word.is_lower and verb_form and word.tag_ in ("VBD", "VBN", "JJ", "NNP")


def opens_phrase(before: Token, phrase: set[Token]) -> bool:
    """Does the word before a past form belong to its noun phrase ("the exiled opposition")?"""
    return before in phrase and before.dep_ not in ("cc", "punct", "advmod", "nsubj", "obl") and before.head.dep_ != "nsubj"


def repair_second_clause_subject(doc: Doc) -> Doc:
    """ "Goita met Putin, and the two sides signed agreements" read with "the two sides" joined to
    the first verb and "signed" as an adjective of "agreements": the noun after "and" is the
    subject of the past verb right after it, a second clause."""
    for word in doc:
        subject, thing = doc[word.i - 1] if word.i else word, word.head
        if (
            word.dep_ != "amod"
            or word.tag_ not in ("VBD", "VBN")
            or subject.dep_ != "conj"
            or subject.pos_ not in ("NOUN", "PROPN")
        ):
            continue
        verb = subject.head
        if verb.pos_ != "VERB" or thing.dep_ != "obj" or thing.head != subject or thing.i < word.i:
            continue
        word.head, word.dep_, word.pos_, word.tag_ = verb, "conj", "VERB", "VBD"
        subject.head, subject.dep_ = word, "nsubj"
        thing.head = word
        for joiner in [c for c in subject.children if c.dep_ in ("cc", "punct") and c.i < subject.i]:
            joiner.head = word
    return doc


# verbs whose object is called in by the subject, who then acts: "summoned the envoy to protest"
CALLING_IN = frozenset({"summon", "convene"})


def repair_controlled_infinitive(doc: Doc) -> Doc:
    """ "urged Western allies to impose sanctions" read with "to impose" as a modifier of
    "allies": the infinitive completes the verb that asks its object to act; "summoned India's
    top diplomat to protest the killing": the one who summons does what the summons is for."""
    for verb in doc:
        noun = verb.head
        if verb.dep_ != "acl" or not any(c.dep_ == "mark" and c.lower_ == "to" for c in verb.children):
            continue
        if noun.dep_ != "obj" or noun.head.pos_ != "VERB":
            continue
        if noun.head.lemma_ in OBJECT_CONTROL:
            verb.head, verb.dep_ = noun.head, "xcomp"
        elif noun.head.lemma_ in CALLING_IN:
            verb.head, verb.dep_ = noun.head, "advcl"
    return doc


def repair_listed_past_verb(doc: Doc) -> Doc:
    """ "Niger's junta, which seized power, expelled French troops and ended security agreements
    ..., has struggled" read with "expelled French troops" as an apposition: a past verb that
    opens a phrase after a comma, with a verb after "and" next, is one of the listed acts."""
    for word in doc:
        noun = word.head
        if word.dep_ != "amod" or word.tag_ not in ("VBD", "VBN") or noun.dep_ != "appos" or word.i == 0:
            continue
        if doc[word.i - 1].text != "," or min(t.i for t in noun.subtree) != word.i:
            continue
        end = max(t.i for t in noun.subtree)
        after = doc[end + 2] if end + 2 < len(doc) and doc[end + 1].lower_ == "and" else None
        root = noun.head
        if after is None and root.dep_ == "ROOT" and root.pos_ in ("NOUN", "PROPN"):
            word.pos_, word.tag_ = "VERB", "VBD"
            promote(word, root, obj=noun)  # "Niger's junta, which seized power in 2023, expelled French troops."
            continue
        if after is None or after.dep_ != "conj" or after.tag_ not in ("VBD", "VBN") or after.head.pos_ != "VERB":
            continue
        word.head, word.dep_, word.pos_, word.tag_ = after.head, "conj", "VERB", "VBD"
        noun.head, noun.dep_ = word, "obj"
    return doc


def repair_adverb_verb(doc: Doc) -> Doc:
    """ "Egypt and Turkey back the army" read with "back" as an adverb: a word with a subject
    and an object of its own is the verb."""
    for word in doc:
        has_subject = any(c.dep_ == "nsubj" and c.i < word.i for c in word.children)
        if word.pos_ == "ADV" and has_subject and any(c.dep_ == "obj" for c in word.children):
            word.pos_, word.tag_ = "VERB", "VBP"
    return doc


def repair_opener_apposition(doc: Doc) -> Doc:
    """ "After talks in Kigali, Rwandan President Paul Kagame said ..." read with the name as an
    apposition of the place: a name after the opening phrase's comma, right before a verb that
    has no subject, is that verb's subject."""
    for verb in doc:
        if verb.tag_ not in FINITE or verb.pos_ not in ("VERB", "AUX") or any(c.dep_ in SUBJECTS for c in verb.children):
            continue
        name = next((t for t in doc[: verb.i] if t.dep_ == "appos" and max(d.i for d in t.subtree) == verb.i - 1), None)
        if name is None or name.pos_ != "PROPN" or verb not in name.ancestors:
            continue
        first = min(d.i for d in name.subtree if d.text != ",")
        if first == 0 or doc[first - 1].text != "," or any(t.text == "," for t in doc[first : verb.i]):
            continue
        name.head, name.dep_ = verb, "nsubj"
    return doc


def repair_opener_joined_subject(doc: Doc) -> Doc:
    """ "In a joint statement issued in Doha, the government and the rebels announced a truce"
    read with "the government" an apposition of the opening phrase and "the rebels" alone the
    subject: the noun after the opener's comma and before "and" is the first of the subjects."""
    for subject in doc:
        verb = subject.head
        if not subject.dep_.startswith("nsubj") or verb.i < subject.i:
            continue
        joiner = next((c for c in subject.children if c.dep_ == "cc" and c.i < subject.i), None)
        first = doc[joiner.i - 1] if joiner is not None and joiner.i > 0 else None
        if first is None or first.dep_ != "appos" or first.head.i > first.i or verb not in first.ancestors:
            continue
        start = min(d.i for d in first.subtree if not d.is_punct)
        if start == 0 or doc[start - 1].text != "," or first.pos_ not in ("NOUN", "PROPN"):
            continue
        first.head, first.dep_ = verb, subject.dep_
        subject.head, subject.dep_ = first, "conj"
    return doc


def repair_adjective_object(doc: Doc) -> Doc:
    """ "arrested a French national accused of spying" read with "national" as an adjective of
    "accused": an adjective with its own article before a participle is the noun the participle
    describes, and the object of the verb above."""
    for word in doc:
        participle = word.head
        has_article = any(c.dep_ == "det" and c.lower_ in ("a", "an", "the") for c in word.children)
        if word.dep_ != "amod" or word.tag_ != "JJ" or not has_article or participle.tag_ != "VBN":
            continue
        verb = participle.head
        if participle.dep_ not in ("xcomp", "ccomp") or participle.i != word.i + 1 or verb.pos_ != "VERB" or objects(verb):
            continue
        word.head, word.dep_, word.pos_, word.tag_ = verb, "obj", "NOUN", "NN"
        participle.head, participle.dep_ = word, "acl"
    return doc


def repair_adjective_subject(doc: Doc) -> Doc:
    """ "Ukrainian drones struck a refinery" read with "Ukrainian" as the subject of "drones":
    a noun with no copula has no subject, so an adjective right before it is its modifier."""
    for word in doc:
        noun = word.head
        if (
            word.dep_ == "nsubj"
            and (word.pos_ == "ADJ" or (word.pos_ == "NOUN" and word.is_title))  # "Azerbaijani" read as a noun
            and noun.i == word.i + 1
            and noun.pos_ in ("NOUN", "PROPN")
            and not any(c.dep_ == "cop" for c in noun.children)
        ):
            word.dep_ = "amod"
        elif (  # "verified half a dozen JNIM attacks": a name before a noun that is an object names its owner
            word.dep_ == "nsubj"
            and word.pos_ == "PROPN"
            and noun.i == word.i + 1
            and noun.pos_ == "NOUN"
            and noun.dep_ in ("obj", "obl", "nmod")
            and not any(c.dep_ == "cop" for c in noun.children)
        ):
            word.dep_ = "compound"
    return doc


def repair_subject_on_auxiliary(doc: Doc) -> Doc:
    """ "Mali's junta has forbidden the mission ..." read with "junta" the subject of "has" and
    "forbidden" an adjective: a subject belongs to the verb its auxiliary serves, and a form
    after "has" is a participle."""
    for word in doc:
        helper = word.head
        if word.dep_ == "nsubj" and helper.dep_ == "aux" and helper.head.i > helper.i:
            word.head = helper.head
            if helper.head.tag_ == "JJ" and helper.lower_ in ("has", "have", "had"):
                helper.head.pos_, helper.head.tag_ = "VERB", "VBN"
    return doc


def repair_past_after_plural(doc: Doc) -> Doc:
    """ "Armenian and Azerbaijani soldiers clashed along the border ..., as Armenia closed ..."
    read as one noun phrase rooting the sentence, or as a second subject of "closed": a past
    form with complements of its own, right after that plural noun, is its verb."""
    for word in doc:
        noun = word.head
        clause = noun.head
        subordinate = noun.dep_ == "nsubj" and clause.dep_ == "ROOT" and any(c.dep_ == "mark" for c in clause.children)
        subordinate = subordinate and any(c.dep_ == "nsubj" and c != noun for c in clause.children)
        after_root = word.dep_ == "amod" and (noun.dep_ == "ROOT" or subordinate) and word.i == noun.i + 1
        if not after_root or noun.tag_ not in ("NNS", "NNPS") or not word.lower_.endswith("ed"):
            continue
        if not any(c.dep_ in ("obl", "advmod", "obj") for c in word.children):
            continue
        late = [c for c in noun.children if c.i > word.i]
        word.pos_, word.tag_ = "VERB", "VBD"
        promote(word, noun)
        for child in late:
            child.head = word
        if subordinate:  # the clause read as the main one hangs on the verb found
            clause.head, clause.dep_ = word, "advcl"
            for child in [c for c in clause.children if c.dep_ == "punct" and c.i == len(doc) - 1]:
                child.head = word
    return doc


def repair_predicate_past(doc: Doc) -> Doc:
    """ "Thai and Cambodian troops clashed along their border, with ..." read with "clashed" an
    adjective: a past form with a subject before it and no copula is the clause's verb."""
    for word in doc:
        if word.tag_ != "JJ" or not word.lower_.endswith("ed") or word.dep_ not in ("ROOT", "conj", "ccomp"):
            continue
        children = list(word.children)
        if any(c.dep_ in ("cop", "aux", "aux:pass") for c in children):
            continue
        if any(c.dep_ == "nsubj" and c.i < word.i and c.pos_ in ("NOUN", "PROPN", "PRON") for c in children):
            word.pos_, word.tag_ = "VERB", "VBD"
    return doc


def repair_modified_verb(doc: Doc) -> Doc:
    """ "Iranian and U.S. envoys met in Muscat" read with "envoys" as the verb and "met" below it:
    a present verb with an adjective of its own is a plural noun, and the verb after it, the
    sentence's verb with that noun as its subject."""
    for word in doc:
        if word.tag_ != "VBZ" or word.dep_ != "ROOT" or not any(c.dep_ == "amod" and c.i < word.i for c in word.children):
            continue
        verb = doc[word.i + 1] if word.i + 1 < len(doc) else None
        if verb is None or verb.head != word or verb.tag_ not in ("VBD", "VBN") or verb.dep_ not in ("xcomp", "ccomp", "conj"):
            continue
        late = [c for c in word.children if c.i > verb.i]
        word.pos_, word.tag_ = "NOUN", "NNS"
        promote(verb, word)
        verb.pos_, verb.tag_ = "VERB", "VBD"
        for child in late:
            child.head = verb
    return doc


# plural nouns of people that English never uses as verbs, so that a present verb so spelt
# is a misreading: "Niger met ECOWAS envoys" read with "envoys" as a verb and ECOWAS its subject
PEOPLE_NOUNS = frozenset(
    """envoys diplomats officials ministers ambassadors delegates delegations soldiers troops officers
    leaders presidents commanders advisers advisors instructors mercenaries peacekeepers militants
    fighters rebels representatives counterparts negotiators mediators""".split()
)


def repair_role_read_as_verb(doc: Doc) -> Doc:
    """ "met ECOWAS envoys in Niamey" read with "envoys" a verb whose subject is "ECOWAS": the
    noun is the object of the verb before it, and the name its modifier."""
    for word in doc:
        if word.tag_ != "VBZ" or word.lower_ not in PEOPLE_NOUNS or word.dep_ not in ("ccomp", "xcomp", "conj"):
            continue
        name = doc[word.i - 1] if word.i > 0 else None
        if name is None or name.head != word or not name.dep_.startswith("nsubj") or name.pos_ != "PROPN":
            continue
        if not is_verb(word.head) or any(c.dep_ == "obj" for c in word.head.children):
            continue
        for child in [c for c in word.children if c.i > word.i]:
            child.head = word.head  # "in Niamey" is where they met
        word.pos_, word.tag_, word.dep_ = "NOUN", "NNS", "obj"
        name.dep_ = "compound"
    return doc


def repair_joined_modifier(doc: Doc) -> Doc:
    """ "Iranian and U.S. officials" read with "U.S." a compound of "officials" and "and" left on
    it: a name after "and" that follows an adjective of the same noun is joined to the adjective."""
    for name in doc:
        if name.dep_ != "compound" or name.pos_ != "PROPN" or name.i < 2:
            continue
        joiner, modifier = doc[name.i - 1], doc[name.i - 2]
        joined = joiner.lower_ == "and" and joiner.head in (name, name.head)
        if not joined or modifier.dep_ != "amod" or modifier.head != name.head:
            continue
        name.head, name.dep_ = modifier, "conj"
        joiner.head = name
    return doc


def repair_name_after_object(doc: Doc) -> Doc:
    """ "left the regional bloc ECOWAS and strengthened ties" read with "ECOWAS" as the subject of
    "strengthened": a name right after an object noun and right before "and" and a verb that
    shares the sentence's subject names that object."""
    for name in doc:
        if name.dep_ != "nsubj" or name.pos_ != "PROPN" or name.i == 0 or name.i + 2 >= len(doc):
            continue
        noun, joiner, verb = doc[name.i - 1], doc[name.i + 1], doc[name.i + 2]
        if noun.dep_ != "obj" or noun.pos_ != "NOUN" or joiner.lower_ != "and" or verb != name.head or verb.dep_ != "conj":
            continue
        if below(noun, name):
            continue
        name.head, name.dep_ = noun, "appos"
    return doc


def repair_false_passive(doc: Doc) -> Doc:
    """ "It also mediated in a dispute" read with "It" as a passive subject: a past tense with no
    passive auxiliary has an active subject."""
    for word in doc:
        verb = word.head
        if word.dep_ != "nsubj:pass" or any(c.dep_ == "aux:pass" for c in verb.children):
            continue
        # "the army and allied militia killed 223 villagers": a participle with an object is active
        # "Hamas militants stormed across the border": a participle with no auxiliary that moves somewhere
        moved = not any(c.dep_.startswith("aux") for c in verb.children) and bool(obliques(verb, MOTION_CASES))
        if verb.tag_ == "VBD" or (verb.tag_ == "VBN" and (objects(verb) or moved) and word.i < verb.i):
            word.dep_ = "nsubj"
            verb.tag_ = "VBD"
    return doc


MOTION_CASES = ("across", "into", "through", "towards", "toward", "onto")


DENIALS = frozenset({"denies", "rejects", "disputes", "dismisses", "contests"})  # the forms the tagger reads as nouns
CLAIM_WORDS = frozenset({"charge", "claim", "accusation", "allegation"})


def repair_denial_read_as_noun(doc: Doc) -> Doc:
    """ "..., a charge Cotonou denies" read with "denies" a plural noun and "Cotonou" its
    modifier: the name denies the charge (a relative clause with its pronoun left out)."""
    for word in doc:
        name = doc[word.i - 1] if word.i else word
        if word.lower_ not in DENIALS or word.pos_ != "NOUN" or name.pos_ != "PROPN" or name.head != word:
            continue
        held = [c for c in word.children if c.dep_ == "compound" and c.lemma_ in CLAIM_WORDS and c.i < name.i]
        claim = word.head if word.head.lemma_ in CLAIM_WORDS else (held[0] if held else None)
        if claim is None:
            continue
        if claim.head == word:  # "a claim Cotonou denies" read as one noun "denies": the claim takes its place
            claim.head, claim.dep_ = (claim if word.head == word else word.head), word.dep_
        for modifier in [c for c in word.children if c.dep_ in ("det", "amod") and c.i < claim.i]:
            modifier.head = claim  # "a charge Niamey dismisses": the article is the charge's
        word.pos_, word.tag_, word.dep_, word.head = "VERB", "VBZ", "acl:relcl", claim
        name.dep_ = "nsubj"
    return doc


def repair_object_across_and(doc: Doc) -> Doc:
    """ "Goita met Russian President Vladimir Putin at the Kremlin and signed agreements" read
    with "Putin" a modifier of "agreements": a name before "and" hung on the object of the verb
    after it is the object of the verb before."""
    for name in doc:
        thing = name.head
        verb = thing.head
        if name.dep_ != "compound" or name.pos_ != "PROPN" or thing.dep_ != "obj" or verb.dep_ != "conj":
            continue
        if any(c.dep_ == "compound" and c.pos_ == "PROPN" and c.i > name.i for c in thing.children):
            continue  # the last name of the phrase only
        first = verb.head
        joiner = next((c for c in verb.children if c.dep_ == "cc" and name.i < c.i < verb.i), None)
        if joiner is None or not first.i < name.i or first.pos_ != "VERB" or objects(first):
            continue
        name.head, name.dep_ = first, "obj"
    return doc


def repair_verb_subject(doc: Doc) -> Doc:
    """ "Meanwhile, Ukrainian drones struck a depot" read with "drones" as a verb whose subject
    is "Ukrainian": a verb is never a plain subject of a later verb, so it is a noun, and the
    words before it that it took as its subject are its modifiers."""
    for word in doc:
        if word.dep_ == "nsubj" and word.pos_ == "VERB" and word.head.pos_ == "VERB" and word.head.i > word.i:
            word.pos_, word.tag_ = "NOUN", "NNS" if word.lower_.endswith("s") else "NN"
            for child in list(word.children):
                if child.dep_ == "nsubj" and child.i < word.i:
                    child.dep_ = "amod" if child.pos_ == "ADJ" else "compound"
                elif child.dep_ in ("advmod", "punct") and child.i < word.i:
                    child.head = word.head  # "Meanwhile," belongs to the clause
    return doc


# "fighters linked to al-Qaida": a body tied to another (read by the actors and the coder too)
TIED = frozenset({"linked", "affiliated", "allied", "loyal", "tied", "aligned", "close"})


def repair_tied_subject(doc: Doc) -> Doc:
    """ "Gunmen affiliated with the Islamic State killed 12 villagers" read as "gunmen (are)
    affiliated", with "killed" hung below: the later verb is the clause, "affiliated ..." a
    modifier of its subject."""
    for word in doc:
        subject = next((c for c in word.children if c.dep_ == "nsubj" and c.i < word.i), None)
        if word.dep_ != "ROOT" or word.lower_ not in TIED or subject is None:
            continue
        verb = next((c for c in word.rights if c.dep_ in ("advcl", "ccomp", "parataxis", "conj") and c.pos_ == "VERB"), None)
        if verb is None or any(c.dep_.startswith("nsubj") for c in verb.children):
            continue
        verb.head, verb.dep_ = verb, "ROOT"
        subject.head = verb
        word.head, word.dep_ = subject, "acl"
        for child in list(word.rights):
            if child.i > verb.i:
                child.head = verb  # the final full stop
    return doc


def repair_noun_before_verb(doc: Doc) -> Doc:
    """ "army warplanes bombed RSF positions" read with "warplanes" as the verb and "bombed"
    as an adjective of its object: the past form is the verb, the plural before it its subject."""
    for noun in doc:
        verb = doc[noun.i + 1] if noun.i + 1 < len(doc) else None
        if noun.tag_ != "VBZ" or verb is None or verb.tag_ not in ("VBD", "VBN") or verb.dep_ != "amod":
            continue
        thing = verb.head
        if thing.head != noun or thing.dep_ != "obj" or any(c.dep_.startswith("aux") for c in noun.children):
            continue
        if noun.head == noun:
            verb.head, verb.dep_ = verb, "ROOT"
        else:
            verb.head, verb.dep_ = noun.head, noun.dep_
        for child in list(noun.children):
            if child.dep_ == "nsubj":
                child.dep_ = "compound"
            elif child.i > noun.i or child.dep_ in ("mark", "advmod", "punct"):
                child.head = verb
        noun.head, noun.dep_ = verb, "nsubj"
        noun.pos_, noun.tag_ = "NOUN", "NNS"
        verb.pos_, verb.tag_ = "VERB", "VBD"
        thing.dep_ = "obj"
    return doc


def repair_past_modifier(doc: Doc) -> Doc:
    """ "said its aircraft bombed RSF positions" read as a noun "positions" with "aircraft" as
    its subject and "bombed" as its adjective: a noun with no copula has no subject, so the past
    form between them is the verb, the subject its own, the noun its object."""
    for verb in doc:
        thing = verb.head
        if verb.dep_ != "amod" or verb.tag_ not in ("VBD", "VBN") or thing.pos_ not in ("NOUN", "PROPN"):
            continue
        subject = next((c for c in thing.children if c.dep_ == "nsubj" and c.i < verb.i), None)
        named = next((c for c in thing.children if c.dep_ == "compound" and c.pos_ == "PROPN" and c.i == verb.i - 1), None)
        if subject is None and named is not None and thing.dep_ == "ROOT":  # "The RSF seized control of El Fasher"
            subject = named
            for det in [c for c in thing.children if c.dep_ == "det" and c.i < named.i]:
                det.head = named
            named.dep_ = "nsubj"
        if subject is None or any(c.dep_ == "cop" for c in thing.children) or below(verb, subject):
            continue
        if thing.head == thing:
            verb.head, verb.dep_ = verb, "ROOT"
        else:
            verb.head, verb.dep_ = thing.head, thing.dep_
        subject.head = verb
        for child in list(thing.children):
            if child.dep_ in ("mark", "punct") and child.i < verb.i:
                child.head = verb
        thing.head, thing.dep_ = verb, "obj"
        verb.pos_, verb.tag_ = "VERB", "VBD"
    return doc


def repair_verb_joined_to_noun(doc: Doc) -> Doc:
    """ "thanked Russia for its stance and accused France of ..." read with "accused" joined to
    the noun "stance" and "France" as the noun's object: a noun takes no object, so the past
    form is a second verb of the clause, and what follows it is its own."""
    for verb in doc:
        noun = verb.head
        if verb.dep_ != "conj" or verb.tag_ not in ("VBD", "VBN") or noun.pos_ != "NOUN":
            continue
        late = [c for c in noun.children if c.i > verb.i]
        clause = next((a for a in noun.ancestors if a.pos_ == "VERB"), None)
        takes_object = any(c.dep_ == "obj" for c in [*late, *verb.children])  # "and cancelled a visit"
        if clause is None or not takes_object or below(clause, verb):
            continue
        verb.head = clause
        for child in late:
            child.head = verb
    return doc


def repair_name_after_relative(doc: Doc) -> Doc:
    """ "Malaysia, which chairs the bloc ASEAN, offered to mediate" read with ASEAN as the subject
    of "offered" and the whole as one noun phrase: the past verb after the relative clause and
    its comma is the sentence's, with the name before the clause as its subject."""
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None or root.pos_ not in ("PROPN", "NOUN"):
        return doc
    relative = next((c for c in root.children if c.dep_ == "acl:relcl"), None)
    for verb in relative.subtree if relative is not None else ():
        subject = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i), None)
        after_comma = any(t.text == "," for t in doc[max(0, verb.i - 2) : verb.i])  # "..., ASEAN, offered"
        if verb.tag_ != "VBD" or verb.dep_ != "acl" or subject is None or not after_comma:
            continue
        name_of = verb.head
        promote(verb, root)
        subject.head, subject.dep_ = name_of, "appos"
        return doc
    return doc


def repair_subject_before_relative(doc: Doc) -> Doc:
    """ "Qatar said there were no casualties, and Trump, who called the response weak, thanked
    Iran" read with "Trump" joined to "casualties" and "thanked" without a subject: a name after
    "and" whose relative clause ends right before the verb's comma is that verb's subject."""
    for verb in doc:
        if verb.dep_ != "conj" or verb.tag_ != "VBD" or verb.i < 3 or doc[verb.i - 1].text != ",":
            continue
        if any(c.dep_.startswith("nsubj") for c in verb.children):
            continue
        relative = next((t for t in doc[verb.i - 2].ancestors if t.dep_ == "acl:relcl"), None)
        if doc[verb.i - 2].dep_ == "acl:relcl":
            relative = doc[verb.i - 2]
        name = relative.head if relative is not None else None
        if name is None or relative is None or relative.right_edge.i != verb.i - 2:
            continue
        joiner = next((c for c in name.children if c.dep_ == "cc" and c.i < name.i), None)
        if name.pos_ != "PROPN" or name.dep_ != "conj" or joiner is None or name.head.i > verb.i:
            continue
        holder = name.head  # "attacked Israel and the United States, which ..., seized a ship": an object of the
        while holder.dep_ in ("conj", "appos", "nmod", "compound", "flat") and holder.head != holder:
            holder = holder.head  # verb "seized" is joined to, whose subject it shares
        if holder.head == verb.head and holder.dep_ in ("obj", "iobj", "obl"):
            continue
        name.head, name.dep_ = verb, "nsubj"
        for child in [c for c in name.children if c.dep_ in ("cc", "punct") and c.i < name.i]:
            child.head = verb
    return doc


SUBORDINATORS = frozenset({"as", "while", "when", "after", "before", "since", "because", "until"})


def repair_subject_after_subordinator(doc: Doc) -> Doc:
    """ "The strike came as Lebanese President Joseph Aoun was in Paris for talks" read with
    "as" a preposition of "Aoun" and "was in Paris" a clause without a subject: the name is the
    subject of the clause that follows it, and the phrases after that clause belong to it."""
    for name in doc:
        marker = next((c for c in name.children if c.dep_ == "case" and c.lower_ in SUBORDINATORS), None)
        if marker is None or name.dep_ not in ("obl", "nmod") or name.pos_ not in ("PROPN", "NOUN"):
            continue
        after = name.right_edge.i + 1
        if after >= len(doc) or doc[after].dep_ not in ("cop", "aux", "aux:pass"):
            continue
        clause = doc[after].head
        if clause.i < after or any(c.dep_.startswith("nsubj") for c in clause.children) or clause.head != name.head:
            continue
        main = name.head
        name.head, name.dep_ = clause, "nsubj"
        marker.head, marker.dep_ = clause, "mark"
        if clause.dep_ not in ("advcl", "conj"):
            clause.dep_ = "advcl"
        for late in [c for c in main.children if c.i > clause.right_edge.i and c.dep_ in ("obl", "nmod")]:
            late.head = clause  # "... was in Paris for talks with Macron"
    return doc


SIGNING = frozenset({"sign", "ink", "seal", "initial", "conclude"})
# what a state acts on ("and deepened ties with France", "and lifted sanctions"): not a thing
# an adjective describes
TIES_AND_PACTS = frozenset("tie relation agreement accord deal pact treaty sanction cooperation partnership".split())


def repair_signed_after_and(doc: Doc) -> Doc:
    """ "visited Niamey and signed agreements" read with "signed agreements" as a noun phrase
    joined to "Niamey": the participle after "and" is a second verb of the clause, with the
    noun as its object."""
    for verb in doc:
        noun = verb.head
        after_and = verb.i >= 1 and doc[verb.i - 1].lower_ == "and"
        acted_on = verb.lemma_ in SIGNING or (verb.tag_ in ("VBD", "VBN") and noun.lemma_ in TIES_AND_PACTS)
        if verb.dep_ != "amod" or not acted_on or not after_and or noun.dep_ != "conj":
            continue
        first = noun.head.head
        if noun.head.dep_ not in ("obj", "obl") or first.pos_ != "VERB" or first.i > verb.i:
            continue
        verb.head, verb.dep_ = first, "conj"
        verb.pos_, verb.tag_ = "VERB", "VBD"
        noun.head, noun.dep_ = verb, "obj"
        doc[verb.i - 1].head = verb
    return doc


def repair_verb_after_paired_names(doc: Doc) -> Doc:
    """ "Russia and Mali signed agreements on Tuesday ..., as Moscow deepens ..." read as a list
    of three nouns, "signed" describing the last: a past form right after names joined by "and",
    describing a noun joined to the same list, is the names' verb and the noun its object."""
    for word in doc:
        noun = word.head
        before = doc[word.i - 1]
        first = before.head
        if word.dep_ != "amod" or word.tag_ not in ("VBD", "VBN") or noun.i <= word.i or word.i == 0:
            continue
        if before.pos_ != "PROPN" or before.dep_ != "conj" or first.pos_ != "PROPN" or first.i > before.i:
            continue
        if not (word.lemma_ in SIGNING or noun.lemma_ in TIES_AND_PACTS):
            continue
        clause = first.head
        if noun.dep_ == "conj" and noun.head == first and first.dep_ == "ROOT":
            word.head, word.dep_ = word, "ROOT"
            first.head, first.dep_ = word, "nsubj"
            for late in [c for c in first.children if c.i > noun.i and c.dep_ == "punct"]:
                late.head = word
        elif noun.dep_ == "conj" and noun.head == first and first.dep_ == "nsubj" and clause.i > noun.i and marks(clause):
            promote(word, first)
            clause.head, clause.dep_ = word, "advcl"
            for late in [c for c in clause.children if c.dep_ == "punct" and c.i == len(doc) - 1]:
                late.head = word
        elif clause == noun and noun.dep_ == "ROOT" and first.dep_ in ("compound", "nmod"):  # "Iran" read as the noun's
            word.head, word.dep_ = word, "ROOT"
            first.head, first.dep_ = word, "nsubj"
            for late in [c for c in noun.children if c.i > noun.i and c.dep_ in ("punct", "advcl", "parataxis")]:
                late.head = word
        else:
            continue
        word.pos_, word.tag_ = "VERB", "VBD"
        noun.head, noun.dep_ = word, "obj"
        for late in [c for c in noun.children if c.dep_ == "nmod" and any(g.dep_ == "case" for g in c.children)]:
            late.head, late.dep_ = word, "obl"
    return doc


def repair_agent_after_place(doc: Doc) -> Doc:
    """ "The deals were signed in Moscow by Russia's energy minister and Mali's economy
    minister" read with the "by" phrase on "Moscow", or the second minister joined to "Moscow"
    or made a clause of its own: a "by" phrase after a passive verb's place is the verb's agent,
    and a noun joined after it by "and" is the agent's partner."""
    for verb in doc:
        if not any(c.dep_ == "aux:pass" for c in verb.children):
            continue
        places = [c for c in verb.children if c.dep_ == "obl" and c.pos_ == "PROPN"]
        for place in places:
            for doer in [c for c in place.children if c.dep_ == "nmod" and c.i > place.i]:
                if any(c.dep_ == "case" and c.lower_ == "by" for c in doer.children):
                    doer.head, doer.dep_ = verb, "obl:agent"
        agent = next((c for c in verb.children if c.dep_ == "obl:agent"), None)
        if agent is None or not places or agent.i < places[0].i:
            continue
        end = max(t.i for t in agent.subtree)
        joined = [c for p in (verb, *places) for c in p.children if c.dep_ == "conj" and c.i > end + 1]
        partner = min(joined, key=lambda t: t.i, default=None)
        if partner is None or doc[end + 1].lower_ != "and" or partner.pos_ not in ("NOUN", "PROPN"):
            continue
        partner.head = agent
        for child in list(partner.children):
            if child.dep_ == "nsubj":
                child.dep_ = "compound"
            elif child.dep_ == "obl" and child.i > partner.i:  # "during a visit": the signing's
                child.head = verb
        for second in [c for c in verb.children if c.dep_ == "obl:agent" and c != agent and c.left_edge.i > 0]:
            noun = doc[second.left_edge.i - 1]
            if noun.dep_ == "obl" and noun.head == verb:  # "during a visit by a Malian delegation"
                second.head, second.dep_ = noun, "nmod"
    return doc


# nouns of an intent whose "to" infinitive says what it is: "Mali's decision in August to cut ties"
INTENTS = frozenset("decision plan move bid attempt threat order call pledge promise offer refusal".split())


def repair_intent_after_time(doc: Doc) -> Doc:
    """ "condemned Mali's decision in August to cut ties with Kyiv", "Mali's decision last week
    to expel" read with "to cut" the verb's purpose: an infinitive right after an intent noun
    and a short phrase of time or place says what the intent is."""
    for verb in doc:
        head = verb.head
        if verb.dep_ != "advcl" or not any(c.dep_ == "mark" and c.lower_ == "to" and c.i == verb.i - 1 for c in verb.children):
            continue
        intent = next((c for c in head.children if c.dep_ == "obj" and c.lemma_ in INTENTS and c.i < verb.i), None)
        if intent is None:
            continue
        between = [c for c in head.children if intent.i < c.i < verb.i]
        if len(between) != 1 or not between[0].dep_.startswith("obl") or max(t.i for t in between[0].subtree) != verb.i - 2:
            continue
        verb.head, verb.dep_ = intent, "acl"
        between[0].head, between[0].dep_ = intent, "nmod"
    return doc


def repair_gerund_read_as_adjective(doc: Doc) -> Doc:
    """ "retaliated by imposing tariffs on Canada" read with "imposing" an adjective of "tariffs":
    a verb's -ing form right after "by", "after", "before" or "without" is a clause of its own,
    the noun after it its object (not after the "by" of a passive: "shut by striking workers")."""
    for word in doc:
        noun, before = word.head, doc[word.i - 1] if word.i > 0 else word
        if word.dep_ != "amod" or not word.lower_.endswith("ing") or word.lemma_ == word.lower_ or noun.i <= word.i:
            continue
        if before.lower_ not in GERUND_MARKS or before.dep_ != "case" or before.head != noun or noun.head == noun:
            continue
        if before.lower_ == "by" and (noun.dep_ == "obl:agent" or any(c.dep_ == "aux:pass" for c in noun.head.children)):
            continue  # "were shut by striking workers": who did it, not how
        word.head, word.dep_, word.pos_, word.tag_ = noun.head, "advcl", "VERB", "VBG"
        before.head, before.dep_ = word, "mark"
        noun.head, noun.dep_ = word, "obj"
    return doc


GERUND_MARKS = frozenset({"by", "after", "before", "without"})


def repair_plural_read_as_verb(doc: Doc) -> Doc:
    """ "Turkey delivered Bayraktar drones to Burkina Faso" read with "drones" a verb whose subject
    is "Bayraktar": a plural right after a name, as the clause of a verb of giving or buying that
    has no object, is that verb's object, named by the name."""
    for word in doc:
        verb = word.head
        if word.tag_ != "VBZ" or word.dep_ != "ccomp" or verb.lemma_ not in TRANSFERS or not word.lower_.endswith("s"):
            continue
        name = next((c for c in word.children if c.dep_ == "nsubj" and c.i == word.i - 1 and c.pos_ == "PROPN"), None)
        clausal = any(c.dep_ in ("obj", "ccomp", "xcomp", "mark", "aux") for c in word.children)
        if name is None or clausal or any(c.dep_ == "obj" for c in verb.children):
            continue
        word.head, word.dep_, word.pos_, word.tag_ = verb, "obj", "NOUN", "NNS"
        name.dep_ = "compound"
        for late in [c for c in word.children if c.dep_ == "obl" and c.i > word.i]:
            late.head = verb  # "to Burkina Faso's army": where the drones went
    return doc


TRANSFERS = frozenset("deliver send supply provide sell ship give transfer donate buy purchase acquire receive order".split())


def repair_plural_subject_read_as_verb(doc: Doc) -> Doc:
    """ "US warplanes struck Houthi targets" read with "warplanes" a verb and "struck" its
    participle: a plural after a name, with no object of its own, followed at once by a past
    form that has an object, is that verb's subject."""
    for word in doc:
        if word.tag_ != "VBZ" or not word.lower_.endswith("s") or word.dep_ not in ("ROOT", "ccomp", "conj"):
            continue
        name = next((c for c in word.children if c.dep_ == "nsubj" and c.i == word.i - 1 and c.pos_ in ("PROPN", "ADJ")), None)
        after = doc[word.i + 1] if word.i + 1 < len(doc) else None
        if name is None or after is None or after.head != word or after.tag_ not in ("VBN", "VBD"):
            continue
        own_clause = any(c.dep_ in ("obj", "aux", "aux:pass", "cop") for c in word.children)
        if own_clause or not any(c.dep_ == "obj" for c in after.children):
            continue
        root = word.dep_ == "ROOT"
        after.head, after.dep_ = (after if root else word.head), ("ROOT" if root else word.dep_)
        after.tag_, after.pos_ = "VBD", "VERB"
        for child in [c for c in word.children if c.i > after.i]:
            child.head = after  # the time, the place, the final full stop
        word.head, word.dep_, word.tag_, word.pos_ = after, "nsubj", "NNS", "NOUN"
        name.dep_ = "compound" if name.pos_ == "PROPN" else "amod"
    return doc


def repair_verb_read_as_plural(doc: Doc) -> Doc:
    """ "as his army fights Boko Haram" read with "fights" a plural noun: a word heading a clause,
    with a subject before it and an object after it, is a verb."""
    for word in doc:
        if word.tag_ != "NNS" or word.dep_ not in ("ROOT", "ccomp", "advcl", "conj", "parataxis"):
            continue
        children = list(word.children)
        if any(c.dep_ in ("det", "cop", "case") for c in children):
            continue
        subject = any(c.dep_ == "nsubj" and c.i < word.i and c.pos_ in ("NOUN", "PROPN", "PRON") for c in children)
        if subject and any(c.dep_ == "obj" and c.i > word.i for c in children):
            word.pos_, word.tag_ = "VERB", "VBZ"
    return doc


def repair_participle_after_comma(doc: Doc) -> Doc:
    """ "expanding its presence across Africa, reopening embassies in Burkina Faso" read with
    "reopening" describing "embassies", the object of the verb before the comma: a form in -ing
    right after a comma opens a clause of that verb, with the noun as its object."""
    for word in doc:
        noun = word.head
        if word.tag_ != "VBG" or word.dep_ != "amod" or word.i == 0 or doc[word.i - 1].text != ",":
            continue
        verb = next((t for t in noun.ancestors if is_verb(t)), None)
        if noun.i != word.i + 1 or noun.dep_ not in ("obj", "obl", "nmod") or verb is None or verb.i > word.i:
            continue
        word.head, word.dep_ = verb, "advcl"
        word.pos_ = "VERB"
        noun.head, noun.dep_ = word, "obj"
        doc[word.i - 1].head = word
        for late in [c for c in verb.children if c.dep_ == "obl" and c.i > noun.i]:  # "reopening embassies in Niger"
            late.head = word
    return doc


HOSTING = frozenset({"host", "meet", "receive", "welcome", "greet"})
GUESTS = frozenset(
    "counterpart delegation envoy minister official leader president delegate representative ambassador chief".split()
)


def repair_guest_from(doc: Doc) -> Doc:
    """ "hosted his counterpart from Niger's military government" read with "from" on the
    verb: right after a guest, a "from" phrase says where the guest comes from."""
    for place in doc:
        verb = place.head
        if place.dep_ != "obl" or verb.lemma_ not in HOSTING or case_of(place) != "from":
            continue
        guest = next((c for c in verb.children if c.dep_ == "obj" and c.lemma_ in GUESTS), None)
        if guest is not None and place.left_edge.i == guest.i + 1:
            place.head, place.dep_ = guest, "nmod"
    return doc


def repair_noun_after_model_name(doc: Doc) -> Doc:
    """ "a new batch of Bayraktar TB2 drones to Mali's army" read with "drones" a verb left
    unattached: a plural form in -s right after a name, hung nowhere, is the noun that name
    describes ("TB2 drones")."""
    for word in doc:
        name = doc[word.i - 1] if word.i else word
        if word.dep_ != "dep" or word.tag_ != "VBZ" or not word.lower_.endswith("s") or name.pos_ != "PROPN":
            continue
        if name.head == word or name.dep_ not in ("nmod", "obj", "obl", "compound", "conj") or name.head.i > word.i:
            continue
        word.head, word.dep_ = name.head, name.dep_
        word.pos_, word.tag_ = "NOUN", "NNS"
        for child in [c for c in name.children if c.dep_ == "case"]:
            child.head = word
        name.head, name.dep_ = word, "compound"
        for late in [c for c in word.children if c.dep_ in ("obl", "nmod")]:
            if word.head.head != word.head and is_verb(word.head.head):  # "to Mali's army": the delivery's
                late.head, late.dep_ = word.head.head, "obl"
    return doc


def repair_names_joined_to_time(doc: Doc) -> Doc:
    """ "In September 2023, Mali, Burkina Faso and Niger signed a pact" read with the names
    joined to the date: names after the opening time phrase's comma are the verb's subject."""
    for verb in doc:
        if not is_verb(verb) or any(c.dep_.startswith("nsubj") for c in verb.children):
            continue
        time = next((c for c in verb.children if c.dep_ == "obl" and c.i < verb.i and c.text in TIME_NAMES), None)
        if time is None:
            continue
        names = [c for c in time.children if c.dep_ == "conj" and c.pos_ == "PROPN"]
        if not names or doc[names[0].i - 1].text != "," or max(t.i for t in names[-1].subtree) != verb.i - 1:
            continue
        first = names[0]
        first.head, first.dep_ = verb, "nsubj"
        for other in names[1:]:
            other.head = first
        for mark in [c for c in time.children if c.dep_ in ("cc", "punct") and c.i > first.i]:
            mark.head = next((n for n in names if n.i > mark.i), first)
    return doc


def repair_participle_after_apposition(doc: Doc) -> Doc:
    """ "threatened to withdraw from the task force, a regional force set up to fight the
    jihadists, complaining that ..." read with "complaining" inside the apposition: a clause in
    -ing after the comma that closes an apposition belongs to the verb before it."""
    for word in doc:
        if word.tag_ != "VBG" or word.dep_ != "advcl" or word.i == 0 or doc[word.i - 1].text != ",":
            continue
        apposition = next((a for a in word.ancestors if a.dep_ == "appos"), None)
        verb = next((a for a in apposition.ancestors if is_verb(a)), None) if apposition is not None else None
        while verb is not None and verb.dep_ == "xcomp":  # "threatened to withdraw ...": the threat's
            verb = verb.head
        if verb is not None and apposition is not None and verb.i < apposition.i:
            word.head = verb
    return doc


SPEECH_ACTS = frozenset({"deny", "insist", "add", "warn", "reject", "dismiss", "vow", "pledge", "stress", "deplore"})


def repair_second_saying(doc: Doc) -> Doc:
    """ "Ramaphosa said the government had not confiscated any land and denied that farmers were
    persecuted" read with "denied" joined to what he said: a second verb of saying with no
    subject of its own, after "and", is the speaker's."""
    for verb in doc:
        if verb.dep_ != "conj" or verb.lemma_ not in SPEECH_ACTS or any(c.dep_.startswith("nsubj") for c in verb.children):
            continue
        if not any(c.dep_ == "ccomp" for c in verb.children):
            continue  # "said Hamas had rejected the proposal and insisted on ...": Hamas insisted; "and denied that ..." speaks
        # what was said may hold clauses of its own ("said it would watch whether troops were deployed")
        told = next((a for a in list(verb.ancestors)[:3] if a.dep_ == "ccomp" and a.head.lemma_ in SAYING), None)
        if told is None or told.i > verb.i or told.head.i > told.i:
            continue  # "Xi met ... and pledged ..., state media reported": not the media's pledge
        verb.head = told.head
    return doc


def repair_reported_participle(doc: Doc) -> Doc:
    """ "Representatives of Congo's government and the M23 group signed a declaration ...,
    Qatari officials said" read with the representatives a second subject of "said" and
    "signed" describing the group: the past form with an object is what the officials said,
    with the representatives its subject."""
    for said in doc:
        subjects = [c for c in said.children if c.dep_ == "nsubj"]
        if said.lemma_ not in SAYING or len(subjects) < 2 or subjects[0].i > said.i:
            continue
        first = subjects[0]
        verb = next((t for t in first.subtree if t.dep_ == "acl" and t.tag_ in ("VBD", "VBN") and objects(t)), None)
        if verb is None:
            continue
        verb.head, verb.dep_ = said, "ccomp"
        verb.pos_, verb.tag_ = "VERB", "VBD"
        first.head, first.dep_ = verb, "nsubj"
        for late in [c for c in first.children if c.dep_ == "punct" and c.i > verb.i]:
            late.head = verb
    return doc


def repair_own_subject(doc: Doc) -> Doc:
    """ "The EU imposed sanctions on Mali" read with "imposed" as an adjective of "sanctions":
    a past verb with a subject of its own heads the noun it was hung on, as its object."""
    for verb in doc:
        noun = verb.head
        if (
            verb.dep_ == "amod"
            and verb.tag_ in ("VBD", "VBN")
            and noun.i > verb.i
            and any(c.dep_ == "nsubj" and c.i < verb.i for c in verb.children)
        ):
            top, relation = noun.head, noun.dep_
            noun.head, noun.dep_ = verb, "obj"
            if top.i == noun.i:
                verb.head, verb.dep_ = verb, "ROOT"
            else:
                verb.head, verb.dep_ = top, relation
    return doc


FINITE = frozenset({"VBD", "VBZ", "VBP"})


def repair_perfect(doc: Doc) -> Doc:
    """ "Security forces have tortured scores of refugees" read with "have" as the verb and
    "tortured" as an adjective of its object: the participle is the verb, "have" its auxiliary."""
    for have in [t for t in doc if t.dep_ == "ROOT" and t.lower_ in ("have", "has", "had") and t.i + 1 < len(doc)]:
        verb = doc[have.i + 1]
        noun = verb.head
        if verb.tag_ != "VBN" or verb.dep_ != "amod" or noun.head != have or noun.dep_ != "obj":
            continue
        verb.head, verb.dep_ = verb, "ROOT"
        for child in list(have.children):
            child.head = verb
        noun.head, noun.dep_ = verb, "obj"
        have.head, have.dep_ = verb, "aux"
    return doc


def repair_perfect_modifier(doc: Doc) -> Doc:
    """ "Captain Ibrahim Traore, who seized power, has repeatedly accused Ivory Coast of ..." read
    as one noun phrase, with "has accused" an adjective of the name: a participle with its own
    "has" is a verb, the sentence's opening noun its subject and the noun after it its object."""
    for verb in doc:
        noun, root = verb.head, verb.sent.root
        has = [c for c in verb.children if c.dep_ == "aux" and c.lower_ in ("has", "have", "had")]
        if verb.dep_ != "amod" or verb.tag_ not in ("VBN", "VBD") or not has or noun.i < verb.i:
            continue
        if root.pos_ not in ("NOUN", "PROPN") or root.i > verb.i or noun.head != root or noun.dep_ not in ("appos", "conj"):
            continue
        late = [c for c in root.children if c.i > noun.i]
        promote(verb, root, obj=noun)
        for child in late:
            child.head = verb
    return doc


def repair_shared_object(doc: Doc) -> Doc:
    """ "vessels blocked and fired water cannons at ships" read with "and fired" as an
    adjective of "cannons": the second verb joins the first and takes the object."""
    for verb in doc:
        noun = verb.head
        first = noun.head
        if (
            verb.dep_ == "amod"
            and verb.tag_ in ("VBD", "VBN")
            and verb.i > 0
            and doc[verb.i - 1].lower_ in ("and", "or")
            and noun.dep_ == "obj"
            and first.i < verb.i
            and first.tag_ in ("VBD", "VBN")
        ):
            verb.head, verb.dep_ = first, "conj"
            noun.head = verb
            doc[verb.i - 1].head, doc[verb.i - 1].dep_ = verb, "cc"
    return doc


def repair_conjoined_accusation(doc: Doc) -> Doc:
    """ "said it had foiled a coup and accused Ivory Coast of ..." read with "accused" as an
    adjective of the name joined to the first verb's object: a past verb after "and" does not
    describe a name; it joins the verb above and takes the name as its object."""
    for verb in doc:
        name = verb.head
        if not (
            verb.dep_ == "amod"
            and verb.pos_ == "VERB"
            and verb.tag_ in ("VBD", "VBN")
            and verb.i > 0
            and doc[verb.i - 1].lower_ == "and"
            and doc[verb.i - 1].head == name
            and name.pos_ == "PROPN"
            and name.dep_ == "conj"
            and name.i > verb.i
        ):
            continue
        first = next((a for a in name.ancestors if a.pos_ == "VERB"), None)
        if first is None:
            continue
        verb.head, verb.dep_ = first, "conj"
        name.head, name.dep_ = verb, "obj"
        doc[verb.i - 1].head, doc[verb.i - 1].dep_ = verb, "cc"
        for clause in [c for c in name.children if c.i > name.i and c.dep_ == "acl"]:
            clause.head, clause.dep_ = verb, "advcl"
    return doc


def repair_like_conjuncts(doc: Doc) -> Doc:
    """ "accused Algeria of harbouring terrorists and summoned its ambassador" read with
    "summoned" joined to "harbouring": a finite verb joins the finite verb above the gerund
    or infinitive it was hung on."""
    for verb in doc:
        below = verb.head
        bare_participle = verb.tag_ == "VBN" and not any(c.dep_ in ("aux", "aux:pass") for c in verb.children)
        if verb.dep_ != "conj" or not (verb.tag_ in FINITE or bare_participle):
            continue
        if below.tag_ not in ("VBG", "VB") or below.i > verb.i:
            continue
        tags = FINITE if bare_participle else {verb.tag_}  # "urged ... to speed up ... and called on": a past tense
        if verb.tag_ == "VBD":
            tags = {"VBD", "VBN"}  # "junta accused Benin of allowing ... and closed": "accused" read as a participle
        finite = next((a for a in below.ancestors if a.tag_ in tags and a.pos_ == "VERB"), None)
        if finite is not None and not any(c.dep_ in SUBJECTS for c in verb.children):
            verb.head = finite
    return doc


def repair_nearest_conjunct(doc: Doc) -> Doc:
    """ "broke off ties after police stormed the embassy and arrested a former minister" read
    with "arrested" joined to "broke": a verb joined by "and" (no comma) right after an
    adverbial clause that has its own subject belongs to that clause."""
    for verb in doc:
        if verb.dep_ != "conj" or verb.tag_ not in FINITE or any(c.dep_ in SUBJECTS for c in verb.children):
            continue
        joiner = next((c for c in verb.children if c.dep_ == "cc" and c.lower_ == "and"), None)
        if joiner is None or joiner.i == 0 or doc[joiner.i - 1].text == ",":
            continue
        ends = joiner.i - 1
        inner = [a for a in verb.head.children if a.dep_ == "advcl" and a.i < verb.i and max(t.i for t in a.subtree) == ends]
        if inner and any(c.dep_ in SUBJECTS for c in inner[0].children):
            verb.head = inner[0]
    return doc


def repair_trailing_modifier(doc: Doc) -> Doc:
    """ "Tuareg rebels and fighters from JNIM" read with "from JNIM" shared by both: when the
    first noun is named by a modifier of its own, a "from/of" phrase after the last noun is
    that noun's ("soldiers and police from Mali" stays shared)."""
    for noun in doc:
        if noun.dep_ == "conj" or not any(c.dep_ == "conj" for c in noun.children):
            continue
        late = [c for c in noun.conjuncts if c.i > noun.i]
        if not late or not any(c.dep_ in ("compound", "amod") and c.is_title for c in noun.children):
            continue
        last = late[-1]
        end = max(t.i for t in last.subtree)
        for phrase in [c for c in noun.children if c.dep_ == "nmod" and c.i > end]:
            case = next((c for c in phrase.children if c.dep_ == "case"), None)
            if case is not None and case.lower_ in ("from", "of") and case.i == end + 1 and not below(last, phrase):
                phrase.head = last
    return doc


def repair_past_noun(doc: Doc) -> Doc:
    """ "Russia, which has sought a base ..., vetoed a resolution" with "vetoed" read as a noun
    beside the name: a past form with an object of its own, hung on a root name, is the verb."""
    for word in doc:
        root = word.head.head if word.head.dep_ == "acl:relcl" else word.head  # "..., which has courted Khartoum, vetoed"
        if word.tag_ not in ("NN", "NNS") or not word.lower_.endswith("ed") or root.dep_ != "ROOT" or root.pos_ != "PROPN":
            continue
        obj = next((c for c in word.children if c.dep_ == "obj"), None)
        if word.dep_ in ("parataxis", "appos", "conj") and obj is not None and root.i < word.i:
            word.pos_, word.tag_ = "VERB", "VBD"
            promote(word, root, obj=obj)
    return doc


def repair_noun_with_arguments(doc: Doc) -> Doc:
    """ "Chad tore up its agreements" with "tore" tagged a noun: a word with a subject, an object
    and a verb's particle of its own is the verb."""
    for word in doc:
        deps = {c.dep_ for c in word.children}
        if word.tag_ in ("NN", "NNS") and {"nsubj", "obj", "compound:prt"} <= deps:
            word.pos_, word.tag_ = "VERB", "VBD"
    return doc


def below(word: Token, top: Token) -> bool:
    """Is the word top itself or inside its phrase? Hanging top on it would make a loop."""
    return word == top or top in word.ancestors


def repair_case_subject(doc: Doc) -> Doc:
    """ "Russian mercenaries fighting for commander Khalifa Haftar planted mines" read with
    Haftar as a second subject: a subject opened by a preposition is a phrase of the verb
    before it."""
    for noun in doc:
        if noun.dep_ != "nsubj":
            continue
        verb = noun.head
        first = noun.left_edge.i
        if doc[first].dep_ != "case" or doc[first].pos_ != "ADP":
            continue
        if doc[first].lower_ == "at" and first + 1 < len(doc) and doc[first + 1].lower_ in ("least", "most"):
            continue  # "killing at least 10 soldiers, an officer said": a count, not a phrase
        before = next((t for t in reversed(doc[:first]) if t.pos_ == "VERB"), None)
        if before is None or before == verb or below(before, noun):
            continue
        if any(c.dep_ == "nsubj" and c != noun for c in verb.children):
            noun.head, noun.dep_ = before, "obl"
    return doc


def repair_listed_apposition(doc: Doc) -> Doc:
    """ "Mali, Burkina Faso and Niger" read with Burkina Faso as an apposition of Mali: a name
    set off by a comma between a name and its "and" conjunct is one more item of the list."""
    for name in doc:
        head = name.head
        if name.dep_ != "appos" or name.pos_ != "PROPN" or head.pos_ != "PROPN" or head.i > name.i:
            continue
        later = [c for c in head.children if c.dep_ == "conj" and c.pos_ == "PROPN" and c.i > name.i]
        if later and name.i > 0 and doc[name.i - 1].text == ",":
            name.dep_ = "conj"
    return doc


def repair_paired_subject(doc: Doc) -> Doc:
    """ "Putin and Tiani discussed ..." read with Tiani as an oblique of the verb: a name
    between "X and" and X's verb is X's partner in the subject."""
    for first in doc:
        verb = first.head
        if first.dep_ != "nsubj" or verb.i <= first.i:
            continue
        end = max(t.i for t in first.subtree)
        if end + 2 >= verb.i or doc[end + 1].lower_ not in ("and", "&"):
            continue
        second = next((t for t in doc[end + 2 : verb.i] if t.head == verb), None)
        if second is None or second.pos_ not in ("PROPN", "NOUN") or second.dep_ in SUBJECTS | {"conj"}:
            continue
        if max(t.i for t in second.subtree) != verb.i - 1 and doc[verb.i - 1].dep_ not in ("aux", "aux:pass"):
            continue
        second.head, second.dep_ = first, "conj"
        doc[end + 1].head, doc[end + 1].dep_ = second, "cc"
    return doc


# "it is ready to send troops": these adjectives say something of a doer, so "it" is their
# subject, unlike the "it" of "it is easy to see"
AGENT_ADJECTIVES = frozenset(
    "ready willing prepared able unable determined eager keen reluctant unwilling poised set happy open committed".split()
)


def repair_expletive(doc: Doc) -> Doc:
    for word in doc:
        adjective = word.head
        if word.dep_ == "expl" and word.lower_ == "it" and adjective.lower_ in AGENT_ADJECTIVES and adjective.i > word.i:
            word.dep_ = "nsubj"
            for clause in adjective.children:
                if clause.dep_ == "csubj":
                    clause.dep_ = "xcomp"
    return doc


SUBJECTS = frozenset({"nsubj", "nsubj:pass", "expl", "csubj", "csubj:pass"})
ALONG_WITH = frozenset({"with", "alongside"})


def repair_subjectless(doc: Doc) -> Doc:
    """ "In a move signalling solidarity, Niger, along with Mali, announced ..." read with
    Niger as an apposition inside the opening phrase: a finite main verb with no subject
    takes the name set off by commas just before it, and the "along with" phrase follows it."""
    for verb in doc:
        if verb.dep_ != "ROOT" or verb.tag_ not in ("VBD", "VBZ", "VBP") or any(c.dep_ in SUBJECTS for c in verb.children):
            continue
        name = next((t for t in reversed(doc[: verb.i]) if t.dep_ == "appos" and t.pos_ == "PROPN"), None)
        if name is None or name.head.i > name.i or not any(t.text == "," for t in doc[name.i : verb.i]):
            continue
        old_head = name.head
        name.head, name.dep_ = verb, "nsubj"
        for partner in [t for t in old_head.children if name.i < t.i < verb.i]:
            if any(c.dep_ == "case" and c.lower_ in ALONG_WITH for c in partner.children):
                partner.head = name
    return doc


CLAUSE_OPENERS = frozenset({"after", "before", "since", "until", "as", "once", "when", "because"})


def repair_clause_opener(doc: Doc) -> Doc:
    """ "... after juntas in Mali and Niger expelled its forces" read with "after juntas" as a
    phrase and "expelled" joined to the main verb: the noun is the subject of a clause that
    "after" opens. A subject the verb had before that phrase goes back to the main verb."""
    for verb in doc:
        if verb.dep_ not in ("conj", "ccomp", "advcl", "xcomp") or verb.tag_ not in FINITE:
            continue
        if any(c.dep_ == "cc" for c in verb.children):
            continue
        noun = next((t for t in doc[: verb.i] if opened_phrase(t) and max(d.i for d in t.subtree) == verb.i - 1), None)
        if noun is None or noun in verb.ancestors or any(c.dep_ in SUBJECTS and c.i > noun.i for c in verb.children):
            continue
        if verb.dep_ == "advcl" and any(c.dep_ in SUBJECTS for c in verb.children):
            continue
        main = verb.head
        for old in [c for c in verb.children if c.dep_ in SUBJECTS]:
            has_object = any(c.dep_ == "obj" for c in main.children)
            old.head, old.dep_ = main, ("obl" if has_object else "obj")
        opener = next(c for c in noun.children if c.dep_ == "case" and c.lower_ in CLAUSE_OPENERS)
        noun.head, noun.dep_ = verb, "nsubj"
        opener.head, opener.dep_ = verb, "mark"
        verb.dep_ = "advcl"  # "after Bamako accused it": an adverbial clause that lacked its subject
    return doc


def repair_opened_participle(doc: Doc) -> Doc:
    """ "until Ethiopian troops invaded in 2006" read as "until troops (who were) invaded": a
    verb right after a named doer that "until", "after" ... opens is that doer's clause. Only
    named doers ("after talks held in Doha" is a phrase) and never with "by" ("after an attack
    claimed by JNIM")."""
    for verb in doc:
        noun = verb.head
        if verb.dep_ != "acl" or verb.tag_ not in ("VBD", "VBN") or noun.dep_ not in ("obl", "nmod") or not opened_phrase(noun):
            continue
        opener = next(c for c in noun.children if c.dep_ == "case" and c.lower_ in CLAUSE_OPENERS)
        before = [t.i for t in noun.subtree if t.i < verb.i]
        if opener.lower_ == "as" or max(before) != verb.i - 1 or not named_doer(noun):
            continue
        if any(c.dep_ in ("aux", "aux:pass", "obl:agent") or case_of(c) == "by" for c in verb.children):
            continue
        main = noun.head
        while main.pos_ not in ("VERB", "AUX") and main.head != main:  # "held the capital until ...": held
            main = main.head
        verb.head, verb.dep_ = main, "advcl"
        noun.head, noun.dep_ = verb, "nsubj"
        opener.head, opener.dep_ = verb, "mark"
    return doc


def named_doer(noun: Token) -> bool:
    """A name ("Russia") or a noun a name or nationality modifies ("Ethiopian troops")."""
    named = (c for c in noun.children if c.dep_ in ("amod", "compound", "nmod:poss") and c.i < noun.i)
    return noun.pos_ == "PROPN" or any(c.is_title for c in named)


def repair_conjoined_clause(doc: Doc) -> Doc:
    """ "Bamako cut ties with Kyiv and Niger followed suit" read with Niger joined to Kyiv and
    "followed" hung on "cut" (as a conjunct, a complement or a clause of its own): a name
    after "and" right before a finite verb that lacks a subject is that verb's subject, and
    the verb a second clause joined by the "and"."""
    for verb in doc:
        if verb.dep_ not in ("ccomp", "conj", "parataxis", "advcl", "xcomp") or verb.tag_ not in FINITE or verb.head.i > verb.i:
            continue
        if any(c.dep_ in SUBJECTS or c.dep_ in ("cc", "mark") for c in verb.children) or verb.i == 0:
            continue
        name = doc[verb.i - 1]
        while name.dep_ == "flat" and name.head.i < name.i:
            name = name.head  # "... and U.S. Secretary of State Antony Blinken spoke"
        if name.pos_ != "PROPN" or name.dep_ != "conj" or name.head.i >= name.i:
            continue
        start = min(t.i for t in name.subtree if t.dep_ not in ("cc", "punct"))
        joiner = next((c for c in name.children if c.dep_ == "cc" and c.lower_ == "and" and c.i == start - 1), None)
        if joiner is None or verb.head not in name.ancestors:
            continue
        name.head, name.dep_ = verb, "nsubj"
        joiner.head = verb
        verb.dep_ = "conj"
    return doc


CLOSING_QUOTES = frozenset({"”", "''", '"'})


def repair_after_quote(doc: Doc) -> Doc:
    """'Bazoum said, "I write this as a hostage" and urged the U.S. to help' read with
    "urged" joined to the quoted verb: a verb joined after the closing quote is the
    speaker's, joined to the verb of saying."""
    for verb in doc:
        quoted = verb.head
        if verb.dep_ != "conj" or quoted.dep_ != "ccomp" or quoted.head.i > quoted.i or verb.i < quoted.i:
            continue
        closing = [t for t in doc[quoted.i + 1 : verb.i] if t.text in CLOSING_QUOTES]
        opening = [t for t in doc[quoted.head.i + 1 : quoted.i] if t.text in ("“", "``", '"')]
        if closing and opening and not any(c.dep_ in SUBJECTS for c in verb.children):
            verb.head = quoted.head
    return doc


def repair_second_subject(doc: Doc) -> Doc:
    """ "A team led by Kenya's foreign minister Musalia Mudavadi met ..." read with two
    subjects: a name right after a noun of the first subject is that noun's name (also "fighters
    working for eastern commander Khalifa Haftar shelled ...")."""
    for verb in doc:
        subjects = [c for c in verb.children if c.dep_ == "nsubj"]
        if len(subjects) < 2:
            continue
        first, name = subjects[0], subjects[1]
        start = min([name.i, *(c.i for c in name.children if c.dep_ in ("compound", "flat") and c.i < name.i)])
        noun = doc[start - 1] if start > 0 else None  # before the whole name ("Khalifa Haftar")
        if noun is None:
            continue
        if name.pos_ == "PROPN" and noun.pos_ == "NOUN" and noun in first.subtree and not below(noun, name):
            name.head, name.dep_ = noun, "appos"
        elif name.pos_ == "PROPN" and noun == first and first.pos_ == "PROPN":
            name.head, name.dep_ = first, "flat"  # "President Irfaan Ali called": one name
        elif name.pos_ == "PROPN" and first.pos_ == "PROPN":
            edge = min(t.i for t in name.subtree if not t.is_punct)  # "Saudi Arabia, the United Arab Emirates and Bahrain"
            comma = doc[edge - 1]
            last = max(t.i for t in first.subtree)
            if comma.text == "," and last == comma.i - 1:  # "South Africa, Malawi and Tanzania have sent troops": one list
                name.head, name.dep_ = first, "conj"
                comma.head = name
    return doc


# Verbs that take an object and a clause of what was said: "told reporters it had ended"
TELLING = frozenset("tell inform warn assure remind notify persuade convince show teach promise advise ask write brief".split())


def repair_bare_relative(doc: Doc) -> Doc:
    """ "lifted the sanctions it had imposed on Niger" read with "it had imposed" as a clause
    of "lifted": a clause right after the object (or a noun of a phrase: "withdrew from a
    committee it had formed"), with its own subject and no object or "that", is a relative
    clause of the noun before it."""
    for clause in doc:
        verb = clause.head
        if clause.dep_ != "ccomp" or verb.pos_ != "VERB" or verb.lemma_ in TELLING or clause.tag_ not in ("VBD", "VBN"):
            continue
        first = clause.left_edge
        obj = next((c for c in verb.children if c.dep_ in ("obj", "obl") and c.i < first.i), None)
        if obj is None or first.i == 0 or not any(c.dep_ == "nsubj" and c.i == first.i for c in clause.children):
            continue
        noun = doc[first.i - 1]
        if noun.pos_ not in ("NOUN", "PROPN") or noun.i not in {t.i for t in obj.subtree}:
            continue
        if any(c.dep_ in ("obj", "ccomp", "xcomp", "mark") for c in clause.children):
            continue
        clause.head, clause.dep_ = noun, "acl:relcl"
    return doc


def repair_inverted_relative(doc: Doc) -> Doc:
    """ "The bloc lifted the sanctions it imposed on Niger" read the other way round, with "it
    imposed" as the main clause and "lifted" a clause of it: a root whose one-word subject
    follows a noun of the earlier clause's phrase, and which has no object of its own (the noun
    is its object), is a relative clause of that noun."""
    for root in doc:
        if root.dep_ != "ROOT" or root.pos_ != "VERB" or root.tag_ not in ("VBD", "VBN"):
            continue
        subject = next((c for c in root.children if c.dep_ == "nsubj"), None)
        if subject is None or subject.i == 0 or subject.left_edge != subject or subject.right_edge != subject:
            continue
        noun = doc[subject.i - 1]
        clause = next((c for c in root.children if c.dep_ in ("advcl", "ccomp") and c.i < subject.i), None)
        if clause is None or clause.tag_ != "VBD" or noun.pos_ not in ("NOUN", "PROPN") or clause not in noun.ancestors:
            continue
        if any(c.dep_ in ("mark", "obj", "ccomp", "xcomp") for c in root.children):
            continue  # a relative clause lacks the object its noun stands for
        if any(c.dep_ == "mark" for c in clause.children) or not any(c.dep_ == "nsubj" for c in clause.children):
            continue
        clause.head, clause.dep_ = clause, "ROOT"
        root.head, root.dep_ = noun, "acl:relcl"
        for late in [c for c in root.children if c.dep_ == "punct" and c.i == root.right_edge.i]:
            late.head = clause
    return doc


def repair_participle_subject(doc: Doc) -> Doc:
    """ "The bloc's leaders meeting in Abuja slapped Niger with sanctions" read with "meeting"
    as the verb and "slapped" a clause of it: a participle right after its subject, with no
    auxiliary, followed by a past verb with neither subject nor mark of its own, describes the
    subject of that verb."""
    for participle in doc:
        if participle.tag_ != "VBG" or participle.i == 0 or {c.dep_ for c in participle.children} & {"aux", "mark"}:
            continue
        subject = doc[participle.i - 1]
        as_verb = participle.dep_ == "ROOT" and subject.head == participle and subject.dep_ == "nsubj"
        # "ministers" read as the root, "meeting" hung on it
        as_noun = subject.dep_ == "ROOT" and participle.head == subject and participle.dep_ in ("xcomp", "acl")
        verb = next((c for c in participle.children if c.dep_ == "advcl" and c.tag_ == "VBD" and c.i > participle.i), None)
        if not (as_verb or as_noun) or subject.pos_ not in ("NOUN", "PROPN") or verb is None:
            continue
        if any(c.dep_ in ("nsubj", "mark", "nsubj:pass") for c in verb.children):
            continue
        openers = [c for c in subject.children if c.i < subject.i and c.dep_ in ("advmod", "obl", "obl:tmod", "punct")]
        promote(verb, subject)
        participle.head, participle.dep_ = subject, "acl"
        for moved in [*openers, *(c for c in participle.children if c.i > verb.i)]:
            moved.head = verb  # "Weeks later, ...": the verb's, as the end of the sentence is
    return doc


def repair_agent_of_active(doc: Doc) -> Doc:
    """ "The 39 Palestinians freed by Israel, ..., were released" read with "freed" as an active
    verb of "Palestinians": a verb with an agent ("by Israel"), no object and no auxiliary is a
    passive participle, its subject the one acted on."""
    for verb in doc:
        deps = {c.dep_ for c in verb.children}
        if verb.pos_ != "VERB" or "obl:agent" not in deps or deps & {"obj", "aux", "aux:pass", "nsubj:pass"}:
            continue
        # a noun right before it, as a participle follows what it describes, and the sentence's own
        # verb after it ("were released"): "it stood by Somalia", "Hungary stood by Israel" are active
        subject = next((c for c in verb.children if c.dep_ == "nsubj" and c.i == verb.i - 1), None)
        agent = next(c for c in verb.children if c.dep_ == "obl:agent")
        later = any(
            c.dep_ in ("ccomp", "conj", "parataxis") and c.pos_ in ("VERB", "AUX") and c.i > agent.i for c in verb.children
        )
        if subject is not None and subject.pos_ in ("NOUN", "PROPN") and later:
            subject.dep_, verb.tag_ = "nsubj:pass", "VBN"
    return doc


def repair_marked_root(doc: Doc) -> Doc:
    """ "The Alliance of Sahel States, as the three countries call their grouping, rejected the
    transition" read with "call" as the main verb of both subjects and "rejected" joined to it:
    a clause opened by "as" is an aside; the first subject's verb is the one after it."""
    for root in doc:
        if root.dep_ != "ROOT" or root.pos_ not in ("VERB", "AUX"):
            continue
        mark = next((c for c in root.children if c.dep_ == "mark" and c.lower_ in ASIDE_MARKS), None)
        subjects = [c for c in root.children if c.dep_ == "nsubj"]
        if mark is None or len(subjects) < 2 or not subjects[0].i < mark.i < subjects[1].i < root.i:
            continue
        verb = next((c for c in root.children if c.dep_ == "conj" and c.pos_ == "VERB" and c.i > root.i), None)
        if verb is None or any(c.dep_.startswith("nsubj") for c in verb.children):
            continue
        promote(verb, subjects[0])
        root.head, root.dep_ = verb, "advcl"
    return doc


ASIDE_MARKS = frozenset({"as"})


def repair_reported_clause(doc: Doc) -> Doc:
    """ "Jihadist fighters killed 28 soldiers ..., the army said" read as "fighters (who were)
    killed", with both nouns the subjects of "said": a participle with an object is the verb of
    the reported clause, and "the army said" a remark on it."""
    for verb in doc:
        noun = verb.head
        said = noun.head
        if verb.dep_ != "acl" or verb.tag_ not in ("VBD", "VBN") or noun.dep_ != "nsubj" or said.pos_ != "VERB":
            continue
        end = verb.right_edge.i
        speaker = next((c for c in said.children if c.dep_ == "nsubj" and c.i > end), None)
        if speaker is None or said.i < end or not any(c.dep_ == "obj" for c in verb.children):
            continue
        root = said.head if said.head != said else verb
        verb.head, verb.dep_ = root, said.dep_ if root != verb else "ROOT"
        noun.head = verb
        said.head, said.dep_ = verb, "parataxis"
        for late in [c for c in said.children if c.dep_ == "punct" and c.i > said.i]:
            late.head = verb
    return doc


def repair_clause_read_as_phrase(doc: Doc) -> Doc:
    """ "a day after Israeli warplanes struck a compound" read with "after Israeli warplanes" a
    phrase and "struck" hung elsewhere: a past verb right after the phrase, with no subject of
    its own, is the clause the subordinator opens, with the phrase's noun its subject."""
    for noun in doc:
        marker = next((c for c in noun.children if c.dep_ == "case" and c.lower_ in EARLIER_OPENERS and c.i < noun.i), None)
        end = max(t.i for t in noun.subtree)
        verb = doc[end + 1] if end + 1 < len(doc) else None
        if marker is None or verb is None or verb.tag_ not in ("VBD", "VBN") or noun.pos_ not in ("NOUN", "PROPN"):
            continue
        subjects = [c for c in verb.children if c.dep_.startswith("nsubj")]
        # "weeks after Niger, Mali and Burkina Faso announced" read with "weeks" the subject
        span = subjects == [noun.head] and noun.head.lemma_ in TIME_SPANS
        if (subjects and not span) or (verb in noun.ancestors and not span):
            continue
        if span:
            noun.head.dep_ = "obl:unmarked"  # the verb keeps its place; the time word measures it
        else:
            verb.head, verb.dep_ = noun.head, "advcl"
        noun.head, noun.dep_ = verb, "nsubj"
        marker.head, marker.dep_ = verb, "mark"
    return doc


TIME_SPANS = frozenset({"day", "week", "month", "year", "hour", "minute"})


# the openers of a clause told before the main one, whose verb a parse may cut off ("a day after ... struck")
EARLIER_OPENERS = CLAUSE_OPENERS - {"as", "once", "when", "because"}


def repair_clause_read_as_modifier(doc: Doc) -> Doc:
    """ "since Captain Ibrahim Traore seized power" read with "seized" describing "power" and
    the name hung on "seized": the past verb is the clause "since" opens, the name its subject
    and the noun its object."""
    for verb in doc:
        noun = verb.head
        opener = [c for c in noun.children if c.dep_ == "case"] + [c for c in verb.children if c.dep_ == "mark"]
        marker = next((c for c in opener if c.lower_ in EARLIER_OPENERS and c.i < verb.i), None)
        name = next((c for c in verb.children if c.i < verb.i and c.pos_ == "PROPN" and c.dep_.endswith("unmarked")), None)
        if verb.dep_ != "amod" or verb.tag_ not in ("VBD", "VBN") or marker is None or name is None or noun.i < verb.i:
            continue
        verb.head, verb.dep_ = noun.head, "advcl"
        noun.head, noun.dep_ = verb, "obj"
        name.dep_ = "nsubj"
        marker.head, marker.dep_ = verb, "mark"
    return doc


def repair_name_read_as_verb(doc: Doc) -> Doc:
    """ "He flew to Moscow the following day for talks" read with "Moscow" an infinitive and
    "the following day" its object: a name after "to" is where the verb above goes, and what
    hung on it hangs on that verb."""
    for name in doc:
        verb = name.head
        to = next((c for c in name.children if c.dep_ in ("mark", "case") and c.lower_ == "to" and c.i == name.i - 1), None)
        if name.tag_ not in ("NNP", "NNPS") or name.dep_ not in ("advcl", "xcomp") or to is None or verb.i > name.i:
            continue
        to.dep_ = "case"
        name.dep_ = "obl"
        for child in list(name.children):
            if child.i > name.i and child.dep_ in ("obj", "obl", "advcl", "advmod", "obl:tmod", "obl:unmarked"):
                child.head = verb
                child.dep_ = "obl:unmarked" if child.dep_ == "obj" else child.dep_
    return doc


def repair_abbreviation_punct(doc: Doc) -> Doc:
    """ "Nine days later, U.S. B-2 bombers struck ..." read with "U.S." as punctuation: a word
    with letters is a name, here a part of the noun phrase it opens."""
    for word in doc[:-1]:
        after = doc[word.i + 1]
        if word.dep_ != "punct" or not any(ch.isalpha() for ch in word.text) or after.pos_ not in ("PROPN", "NOUN", "ADJ"):
            continue
        noun = after
        while noun.dep_ in ("compound", "amod", "flat", "nmod:desc") and noun.head.i > noun.i:
            noun = noun.head
        word.head, word.dep_ = noun, "compound"
        word.pos_, word.tag_ = "PROPN", "NNP"
    return doc


def repair_joined_names(doc: Doc) -> Doc:
    """ "Ethiopian Prime Minister Abiy Ahmed and Somali President Hassan Sheikh Mohamud said"
    read with the first name as a part of the last: a name joined by "and" to a second one
    that ends after it is not a part of that second name; the two are the subjects."""
    for first in doc:
        last = first.head
        if first.dep_ != "compound" or first.pos_ != "PROPN" or last.pos_ != "PROPN" or last.i < first.i:
            continue
        second = next((c for c in first.children if c.dep_ == "conj" and first.i < c.i < last.i), None)
        if second is None or not any(c.dep_ == "cc" for c in second.children):
            continue
        first.head, first.dep_ = (first, "ROOT") if last.head == last else (last.head, last.dep_)
        for child in [c for c in last.children if c.i > last.i]:
            child.head = first if child.dep_ != "punct" else child.head
        last.head, last.dep_ = second, "flat"
    return doc


def repair_double_subject(doc: Doc) -> Doc:
    """ "..., killing at least 10 Somali soldiers, a military officer said" read with the
    soldiers as a second subject of "said": a verb has one subject, and the first one, right
    after a verb with no object, is that verb's object."""
    for said in doc:
        subjects = [c for c in said.children if c.dep_ == "nsubj"]
        if len(subjects) < 2:
            continue
        first = subjects[0]
        start = first.left_edge.i
        verb = next((t for t in reversed(doc[max(0, start - 2) : start]) if t.pos_ == "VERB"), None)
        if verb is None or verb == said or any(c.dep_ == "obj" for c in verb.children):
            continue
        first.head, first.dep_ = verb, "obj"
    return doc


BORDERS = frozenset({"border", "frontier", "boundary"})  # read by the coder too


def repair_border_with(doc: Doc) -> Doc:
    """ "ambushed a patrol near the border with Algeria" read with "with Algeria" hung on the
    verb: "with" right after "border" names the other side of that border."""
    for word in doc:
        case = next((c for c in word.children if c.dep_ == "case" and c.lower_ == "with"), None)
        if case is None or case.i == 0 or word.dep_ not in ("obl", "nmod"):
            continue
        border = doc[case.i - 1]
        if border.lemma_ in BORDERS and word.head != border and border.pos_ == "NOUN":
            word.head, word.dep_ = border, "nmod"
    return doc


REMARKS = frozenset({"say", "report", "add", "confirm", "state"})
SAYING = REMARKS | {"tell", "claim", "allege", "write", "declare"}  # whoever is their subject speaks


def repair_remark_participle(doc: Doc) -> Doc:
    """ "missiles hit buildings in Haifa, emergency services said, killing three people" read
    with "killing" hung on "said": a remark of who said it carries no act of its own, so the
    participle after it belongs to the clause it remarks on."""
    for said in doc:
        if said.lemma_ not in REMARKS or said.pos_ != "VERB":
            continue
        told = remarked_on(said)
        if told is None:
            continue
        if said.dep_ == "conj":
            said.dep_ = "parataxis"  # a remark, not a second act
        for late in [c for c in said.children if c.dep_ == "advcl" and c.tag_ == "VBG" and c.i > said.i]:
            late.head = told
    return doc


def remarked_on(said: Token) -> Token | None:
    """The clause before "..., officials said": the reported one hung below "said", or the one
    "said" was joined to."""
    if said.dep_ in ("conj", "parataxis") and said.head.i < said.i:
        if any(c.dep_ in ("obj", "ccomp", "xcomp") for c in said.children):
            return None
        return said.head
    before = [c for c in said.children if c.dep_ == "ccomp" and c.i < said.i and c.pos_ == "VERB"]
    return before[0] if said.dep_ == "ROOT" and len(before) == 1 else None


def repair_predicative_conjunct(doc: Doc) -> Doc:
    """ "has kept its border closed and accused Cotonou of ..." read with "accused" joined to
    "closed" and "Cotonou" as the object of "closed": a word that says how the object is left
    takes no object after a verb joined to it; the later verb joins the main one and takes them."""
    for verb in doc:
        state = verb.head
        if verb.dep_ != "conj" or state.dep_ != "xcomp" or verb.tag_ not in ("VBD", "VBN"):
            continue
        if any(c.dep_ not in ("cc", "advmod") for c in verb.children):
            continue
        later = [c for c in state.children if c.i > verb.i and c.dep_ in ("obj", "obl", "advcl", "ccomp", "xcomp", "iobj")]
        held = any(c.dep_ == "obj" and c.i < state.i for c in state.head.children)  # "kept its border closed"
        if not held or not any(c.dep_ == "obj" for c in later):
            continue
        verb.head = state.head
        for child in later:
            child.head = verb
    return doc


TIME_NAMES = frozenset({*calendar.month_name[1:], *calendar.day_name})


def repair_time_of_name(doc: Doc) -> Doc:
    """ "visited Niamey in January" read with "in January" as a part of the name: a month or a
    day after a name that a verb takes is when the verb's act happened."""
    for when in doc:
        name, verb = when.head, when.head.head
        if when.dep_ != "nmod" or when.text not in TIME_NAMES or name.pos_ != "PROPN" or name.i > when.i:
            continue
        if name.dep_ in ("obj", "obl") and verb.pos_ == "VERB" and any(c.dep_ == "case" for c in when.children):
            when.head, when.dep_ = verb, "obl"
    return doc


def listed_first(root: Token, name: Token) -> bool:
    """Is the name the next of a list that the root name opens ("Burkina Faso, Mali and ...")?"""
    doc = root.doc
    end = root.i
    while end + 1 < len(doc) and doc[end + 1].head == root and doc[end + 1].dep_ == "flat":
        end += 1
    first = min(t.i for t in name.subtree if t.text != ",")
    return root.pos_ == "PROPN" and end + 2 < len(doc) and doc[end + 1].text == "," and first == end + 2


def opened_phrase(token: Token) -> bool:
    return token.pos_ in ("NOUN", "PROPN") and any(c.dep_ == "case" and c.lower_ in CLAUSE_OPENERS for c in token.children)


def repair_relative_conjunct(doc: Doc) -> Doc:
    """ "Orban, who visited Moscow in July, spoke with Putin" read with "spoke" joined to (or
    hung under) the relative clause and the name as the root: the verb after the closing comma is the
    sentence's predicate and the name its subject."""
    for root in [t for t in doc if t.dep_ == "ROOT" and t.pos_ in ("NOUN", "PROPN")]:
        clause = next((c for c in root.children if c.dep_ == "acl:relcl" and c.i > root.i), None)
        # "Russia's ambassador to Niger, who attended ...": a "who" clause hung on the place is the envoy's
        inner = [c for n in root.children if n.dep_ == "nmod" for c in n.children if c.dep_ == "acl:relcl"]
        clause = clause or next((c for c in inner if any(w.lower_ == "who" for w in c.children)), None)
        if clause is None:
            continue
        main = next((c for c in clause.children if c.dep_ in ("conj", "advcl", "acl") and c.tag_ in FINITE), None)
        if main is None:  # "Russia and Iran, which have forces in Syria, called on ..." hung on "forces"
            main = next((c for c in clause.subtree if c.dep_ == "acl" and c.tag_ in ("VBD", "VBN") and c.head != clause), None)
        if main is None or any(c.dep_ in (*SUBJECTS, "cc", "mark") for c in main.children) or doc[main.i - 1].text != ",":
            continue
        clause.head = root
        main.head, main.dep_ = main, "ROOT"
        root.head, root.dep_ = main, "nsubj"
        for late in [c for c in (*root.children, *clause.children) if c.i > main.i]:
            late.head = main  # "..., signed a pact and delivered arms": the second verb joins the first
    return doc


def repair_between(doc: Doc) -> Doc:
    """ "the suspension of cooperation between Algeria and Morocco was a mistake" read with
    Morocco as the subject of a new clause: "between" takes both, and the noun phrase that
    holds them is the subject of the verb that had taken Morocco."""
    for first in doc:
        if not any(c.dep_ == "case" and c.lower_ == "between" for c in first.children):
            continue
        if any(c.dep_ == "conj" for c in first.children):
            continue
        end = max(t.i for t in first.subtree)
        if end + 2 >= len(doc) or doc[end + 1].lower_ not in ("and", "&"):
            continue
        second = next((t for t in doc[end + 2 : end + 6] if t.dep_ == "nsubj"), None)
        if second is None or second.pos_ not in ("PROPN", "NOUN") or second.head.i < second.i:
            continue
        verb = second.head
        holder = first
        while holder.head != holder and holder.head.i < first.i and holder.dep_ not in ("obj", "nsubj"):
            holder = holder.head
        conjunction = doc[end + 1]
        second.head, second.dep_ = first, "conj"
        conjunction.head, conjunction.dep_ = second, "cc"
        if holder.dep_ == "obj" and holder.head.i < first.i and verb.dep_ == "conj" and verb.head == holder.head:
            verb.dep_ = "ccomp"  # "said [the suspension ... was a mistake]"
            holder.head, holder.dep_ = verb, "nsubj"
    return doc


NEIGHBOURING = {"neighboring", "neighbouring", "bordering"}
NOMINAL_RELATION = {"advcl": "obl", "xcomp": "obj", "ccomp": "obj", "csubj": "nsubj"}


def repair_neighbouring(doc: Doc) -> Doc:
    """ "France, Togo and neighboring Nigeria" read with "neighboring" as a verb taking
    Nigeria as its object: the country takes the verb's place and "neighboring" describes it."""
    for word in doc:
        if word.lower_ not in NEIGHBOURING or word.pos_ != "VERB" or word.dep_ in ("ROOT", "amod"):
            continue
        place = next((c for c in word.children if c.dep_ == "obj" and c.i == word.i + 1 and c.pos_ == "PROPN"), None)
        if place is None:
            continue
        top, relation = word.head, NOMINAL_RELATION.get(word.dep_, word.dep_)
        listed = listed_before(word)
        if relation == "conj" and listed is not None:
            top = listed  # "to France, Togo and neighboring Nigeria": the last of a list of names
        if relation == "obl" and top.i == word.i - 1 and top.pos_ == "VERB" and not any(c.dep_ == "obj" for c in top.children):
            relation = "obj"  # "accused neighboring Rwanda of sending troops"
            for clause in [c for c in word.children if c.dep_ == "advcl"]:
                clause.head = top
        for child in [c for c in word.children if c != place]:
            child.head = place
            if child.dep_ == "mark":
                child.dep_ = "case"  # "from neighboring Chad": a preposition, not a conjunction
        place.head, place.dep_ = top, relation
        word.head, word.dep_ = place, "amod"
    return doc


def listed_before(word: Token) -> Token | None:
    """The first name of the list that "and <word>" ends ("France, Togo and ..."), if any."""
    doc = word.doc
    if word.i < 2 or doc[word.i - 1].lower_ not in ("and", "or") or doc[word.i - 2].pos_ != "PROPN":
        return None
    last = doc[word.i - 2]
    while last.dep_ in ("flat", "compound") and last.head.i > last.i - 3 and last.head != last:
        last = last.head
    return last.head if last.dep_ == "conj" else last


def repair_verbless(doc: Doc) -> Doc:
    """ "Army chiefs from the bloc finalized plans ..." read as one long noun phrase: in a
    sentence with no verb of its own, a past verb hung as an adjective on a later noun is the
    predicate, the root noun its subject and that noun its object."""
    for root in [t for t in doc if t.dep_ == "ROOT" and t.pos_ in ("NOUN", "PROPN")]:
        clause = list(root.subtree)
        # verbs below an adjective or clause verb ("crossed into Iraq to pursue rebels") are its own,
        # and so are verbs joined to the noun ("Kurti accused Serbia of ... and said ...")
        joined = [c for c in root.children if c.dep_ == "conj" and c.pos_ == "VERB" and c.i > root.i]
        below = {d.i for t in clause if t.dep_ in ("amod", "acl") or t in joined for d in t.subtree if d.i != t.i}
        if any(is_own_verb(t) and t.i not in below and t not in joined for t in clause):
            continue
        promote_past_verb(root, clause)
        predicate = next((t for t in doc if t.dep_ == "ROOT"), root)
        for verb in joined if predicate != root else []:
            verb.head = predicate  # "... and said": joined to the verb now found
    return doc


def promote_past_verb(root: Token, clause: list[Token]) -> None:
    """The verb a verbless reading hid, made the predicate (see repair_verbless)."""
    verb = next((t for t in clause if t.i > root.i and t.dep_ == "amod" and t.tag_ in ("VBD", "VBN")), None)
    if verb is not None and object_after(verb, root):
        promote(verb, root, obj=verb.head)
        return
    named = name_after(verb, root) if verb is not None else None
    if verb is not None and named is not None:
        promote(verb, root, obj=named)
        for late in [c for c in root.children if c.i > named.i]:
            late.head = named if late.dep_ == "conj" else verb  # "... and Rwandan President Paul Kagame to talks"
            if late.dep_ == "nmod":
                late.dep_ = "obl"
        return
    # "Thousands of protesters rallied in Bamako": the verb hung on the root as a clause of it
    heads = [root, *(c for c in root.children if c.dep_ == "conj")]  # "Spain and the EU called on ..."
    verb = next((t for h in heads for t in h.children if t.dep_ == "acl" and t.tag_ in ("VBD", "VBN") and t.i > h.i), None)
    if verb is not None and not any(c.dep_ in ("obl:agent", "nsubj", "mark") for c in verb.children):
        promote(verb, root)
        for late in [c for c in root.children if c.i > verb.i]:
            late.head = verb  # "drones struck Kyiv overnight, killing ..." with "Kyiv" as the noun's subject
            if late.dep_ == "nsubj":
                late.dep_ = "obj"
        return
    past = [c for c in root.children if c.dep_ == "amod" and (c.tag_ in ("VBD", "VBN") or c.lower_.endswith("ed"))]
    after = next((c for c in past if c.i == root.i + 1), None)
    if after is not None and any(c.dep_ in ("obl", "obj") for c in after.children):
        promote(after, root)  # "Sudanese troops clashed with Ethiopian forces": the word right after the noun
        return
    if not name_then_past(root):
        named_before_verb(root)


def repair_named_relative(doc: Doc) -> Doc:
    """ "A delegation led by Nigeria's former ruler Abdulsalami Abubakar met Tiani" and
    "... ministry spokesperson Lin Jian said" read with the name's verb as a relative clause of
    the noun before the name: a finite verb with no relative word, whose subject is the name
    right after that noun, is the predicate of a sentence whose root is a noun."""
    for root in [t for t in doc if t.dep_ == "ROOT" and t.pos_ in ("NOUN", "PROPN")]:
        for verb in list(root.subtree):
            if verb.dep_ != "acl:relcl" or verb.tag_ not in FINITE or verb.i < root.i:
                continue
            if any(c.tag_ in ("WDT", "WP", "WP$") or c.lower_ == "that" for c in verb.children):
                continue
            noun = verb.head
            name = next((c for c in verb.children if c.dep_ == "nsubj" and c.pos_ == "PROPN"), None)
            if name is not None and noun == root and listed_first(root, name):
                promote(verb, root)  # "Burkina Faso, Mali and Niger formed ..." with the first name as the root
                for other in [name, *(c for c in name.children if c.dep_ == "conj")]:
                    other.head, other.dep_ = root, "conj"
                for early in [c for c in root.children if c.i < root.i and c.dep_ not in NAME_PARTS]:
                    early.head = verb  # "Last year, ..."
                break
            if name is None or min(t.i for t in name.subtree) != noun.i + 1:
                continue
            if noun == root and noun.pos_ == "NOUN":  # "spokesperson Lin Jian said": the noun is the name's title
                promote(verb, name)
                noun.head, noun.dep_ = name, "compound"
            else:
                name.head, name.dep_ = noun, "appos"
                promote(verb, root)
            break
    return doc


def is_own_verb(word: Token) -> bool:
    """A verb that makes a sentence a clause: not an adjective or a participle of a noun, nor
    a participle phrase hung on the sentence ("..., killing three people")."""
    if word.pos_ not in ("VERB", "AUX") or word.dep_ in ("amod", "acl"):
        return False
    return not (word.dep_ == "advcl" and word.tag_ == "VBG")


def name_then_past(root: Token) -> bool:
    """ "Senegal summoned Ukraine's ambassador" read as one noun phrase with "summoned" as an
    adjective: a word in -ed right after the name that opens a verbless sentence is its verb."""
    doc = root.doc
    names = 0
    while names < root.i and doc[names].pos_ == "PROPN":
        names += 1
    if names == 0 or names >= root.i:
        return False
    verb = doc[names]
    if not verb.lower_.endswith("ed") or verb.pos_ not in ("ADJ", "VERB") or verb.dep_ != "amod":
        return False
    verb.pos_, verb.tag_ = "VERB", "VBD"
    promote(verb, doc[names - 1], obj=root)
    for name in doc[: names - 1]:
        if name.head.i >= names:
            name.head, name.dep_ = doc[names - 1], "compound"
    return True


def object_after(verb: Token, root: Token) -> bool:
    """ "NATO aircraft bombed Serbian positions": the noun the past verb was hung on follows it,
    with only its own modifiers between, and hangs on the root."""
    noun = verb.head
    between = noun.doc[verb.i + 1 : noun.i]
    return (
        noun.i > verb.i
        and noun.head == root
        and noun.dep_ in ("nmod", "appos", "obj", "parataxis", "dep")
        and all(t.head == noun and t.dep_ in ("amod", "compound", "det", "nummod") for t in between)
    )


NAME_PARTS = frozenset({"compound", "flat", "nmod:desc", "amod"})


def name_after(verb: Token, root: Token) -> Token | None:
    """ "Angolan President Joao Lourenco, the AU's mediator, invited Congolese President Felix
    Tshisekedi and ... to talks" read with "invited" inside the next name, joined to the root:
    the whole name after the past verb, which hangs on the root."""
    top = verb.head
    while top.dep_ in NAME_PARTS and top.head.i > top.i:
        top = top.head
    if top.i <= verb.i or top.head != root or top.dep_ not in ("conj", "appos") or top.pos_ != "PROPN":
        return None
    inside = {t.i for t in top.subtree}
    if not all(t.i in inside for t in root.doc[verb.i + 1 : top.i]) or root.doc[verb.i - 1].text != ",":
        return None
    return top


def named_before_verb(root: Token) -> None:
    """ "Amnesty International accused Malian troops of ..." read as one noun phrase ("the
    accused troops") with the name as its first part: the name is the subject."""
    verb = next((t for t in root.children if t.dep_ == "amod" and t.tag_ in ("VBD", "VBN") and t.i < root.i), None)
    if verb is None:
        return
    before = [c for c in root.children if c.i < verb.i]
    if not before or any(c.dep_ == "det" for c in before) or not all(c.pos_ == "PROPN" for c in before):
        return
    subject = before[-1]
    for other in before[:-1]:
        other.head = subject
    promote(verb, subject, obj=root)


def promote(verb: Token, subject: Token, obj: Token | None = None) -> None:
    """Make `verb` the sentence's predicate with `subject` (and `obj`) as its arguments."""
    verb.head, verb.dep_ = verb, "ROOT"
    subject.head, subject.dep_ = verb, "nsubj"
    if obj is not None:
        obj.head, obj.dep_ = verb, "obj"
    last = obj if obj is not None else verb
    for late in [c for c in subject.children if c.i > last.i and c.dep_ == "punct"]:
        late.head = verb


def lemma_of(word: str) -> str:
    doc = preprocessor()(word)
    return doc[0].lemma_ if len(doc) == 1 else word.lower()


CLAUSE_PUNCTUATION = [",", ";", ":", ".", "!", "?", "(", ")", "“", "”", '"', "—", "–"]


# a cue's words may stand on either side of a quotation mark ("called the strike a "cowardly" attack")
GAP_STOPS = [p for p in CLAUSE_PUNCTUATION if p not in ('"', "“", "”")]

# words of a share before a cue's noun, which its gap does not count
SHARES = ["most", "some", "all", "part", "much", "many", "several", "parts", "half", "remainder", "rest"]
# what may not stand between the share and the noun: "closed most of the schools along the border"
# is not closing the border
SHARE_GAP_STOPS = [*CLAUSE_PUNCTUATION, "-", "along", "in", "on", "at", "near", "with", "from", "to", "of", "for", "by", "across"]


def compile_pattern(pattern: str) -> list[list[dict]]:
    """Cue syntax -> spaCy Matcher token patterns on LEMMA (see data/cues.csv)."""
    variants: list[list[dict]] = [[]]
    for slot in pattern.split():
        if slot == "*":
            gap = {"ORTH": {"NOT_IN": GAP_STOPS}, "OP": "{0,4}"}
            # up to four words, one of them hyphenated: "a long-awaited peace agreement"
            short = {"ORTH": {"NOT_IN": [*CLAUSE_PUNCTUATION, "-"]}, "OP": "{0,2}"}
            # a share right before the noun does not count: "lifted most of the economic sanctions"
            before_noun = {"LOWER": {"NOT_IN": SHARE_GAP_STOPS}, "OP": "{0,4}"}
            share: list[dict] = [{"LOWER": {"IN": SHARES}}, {"LOWER": "of"}, before_noun]
            variants = [[*v, *extra] for v in variants for extra in ([gap], share, [short, {"ORTH": "-"}, short])]
            continue
        optional = slot.endswith("?") and len(slot) > 1
        slot = slot.rstrip("?") if optional else slot
        # a word matches itself and its lemma: "wound" is also the past of "wind"
        single = sorted({form for w in slot.split("|") if "_" not in w for form in (w.lower(), lemma_of(w))})
        multi = [[lemma_of(w) for w in alt.split("_")] for alt in slot.split("|") if "_" in alt]
        grown: list[list[dict]] = []
        for v in variants:
            if single and not v:
                # the first word is tried at every token: exact values are checked in C, an
                # "IN" set calls back into Python, which made matching ten times slower
                grown.extend([{"LEMMA": form}] for form in single)
            elif single:
                spec: dict = {"LEMMA": {"IN": single}}
                if optional:
                    spec["OP"] = "?"
                grown.append([*v, spec])
            for words in multi:
                grown.append(v + [{"LEMMA": w} for w in words])
            if optional and multi and not single:
                grown.append(list(v))
        variants = grown
    return variants


def pattern_words(pattern: str) -> frozenset[str]:
    """Every literal lemma a cue pattern names (its wildcards excluded)."""
    words: set[str] = set()
    for slot in pattern.split():
        if slot == "*":
            continue
        for alt in slot.rstrip("?").split("|"):
            for word in alt.split("_"):
                words.update({word.lower(), lemma_of(word)})
    return frozenset(words)


class AnchoredMatcher:
    """spaCy Matchers bucketed by the first word of their patterns: each bucket runs only on a
    short window at the tokens that carry its word, instead of every pattern at every token
    (which made cue matching the slowest step of the pipeline)."""

    WINDOW = 16  # longest cue pattern, in tokens, with its wildcards

    def __init__(self, vocab: Vocab) -> None:
        self.vocab = vocab
        self.buckets: dict[str, Matcher] = {}

    def add(self, key: str, patterns: list[list[dict]]) -> None:
        by_first: dict[str, list[list[dict]]] = {}
        for pattern in patterns:
            by_first.setdefault(pattern[0]["LEMMA"], []).append(pattern)
        for first, group in by_first.items():
            self.buckets.setdefault(first, Matcher(self.vocab)).add(key, group)

    def __call__(self, doc: Doc) -> list[tuple[int, int, int]]:
        found: list[tuple[int, int, int]] = []
        buckets = self.buckets
        for i, lemma in enumerate(t.lemma_ for t in doc):
            bucket = buckets.get(lemma)
            if bucket is None:
                continue
            window = doc[i : i + self.WINDOW]
            found.extend((key, i, i + end) for key, start, end in bucket(window) if start == 0)
        return found


def literal_count(pattern: str) -> int:
    return sum(1 for slot in pattern.split() if slot != "*")


@dataclass(frozen=True, slots=True)
class SpanMatch:
    start: int  # token index in the Doc
    end: int
    index: int  # into the matching dictionary list


@dataclass(frozen=True)
class Matchers:
    actors: PhraseMatcher
    actor_entries: dict[str, tuple[ActorEntry, ...]]
    anaphors: PhraseMatcher
    anaphor_kinds: dict[str, str]
    collectives: Matcher  # "the two neighbouring countries": labels are anaphor kinds
    roles: PhraseMatcher
    role_entries: dict[str, Role]
    cues: AnchoredMatcher
    cue_rules: tuple[CueRule, ...]
    cue_literals: tuple[int, ...]
    cue_words: tuple[frozenset[str], ...]
    violent_nouns: frozenset[str]  # one-word cues of attacks and fighting ("attack", "bombing")
    noun_categories: dict[str, str]  # one-word noun cues and their category ("expulsion": SANCTION)
    modifiers: dict[str, str]  # lemma -> kind
    places: PhraseMatcher
    place_entries: dict[str, Facility]
    states: frozenset[str] = frozenset()  # the codes of states, not of bodies or groups


def noun_categories(rules: tuple[CueRule, ...]) -> dict[str, str]:
    """The category of each one-word cue that can be a noun, from its first row ("the expulsion")."""
    found: dict[str, str] = {}
    for rule in rules:
        if rule.pos != "verb" and rule.category != "NONE" and literal_count(rule.pattern) == 1:
            for word in pattern_words(rule.pattern):
                found.setdefault(word, rule.category)
    return found


PAIR_WORDS = ["two", "2"]
GROUP_WORDS = ["three", "four", "five", "six", "seven", "eight", "nine", "ten", "3", "4", "5", "6", "7", "8", "9", "10"]
# up to three words between the number and the noun: "the two West African", "the three military-led";
# "four other countries", "two more states" are new ones, not those named before
MODIFIER_SLOTS = [{"TEXT": {"REGEX": r"^[A-Za-z][A-Za-z'’]*$|^-$"}, "LOWER": {"NOT_IN": ["other", "more", "new"]}, "OP": "?"}] * 3


def collective_matcher(vocab: Vocab, collectives: dict[str, str]) -> Matcher:
    """Phrases that name several earlier actors at once, built from the collective nouns."""
    several = [n for n, kind in collectives.items() if kind == "several"]
    bodies = [n for n, kind in collectives.items() if kind == "organisation"]
    noun = {"LOWER": {"IN": several}}
    the = {"LOWER": {"IN": ["the", "these", "those"]}, "OP": "?"}
    matcher = Matcher(vocab)
    matcher.add(
        "previous_pair",
        [
            [the, {"LOWER": {"IN": PAIR_WORDS}}, *MODIFIER_SLOTS, noun],
            [{"LOWER": "both"}, *MODIFIER_SLOTS, noun],
        ],
    )
    matcher.add(
        "previous_group",
        [
            [the, {"LOWER": {"IN": GROUP_WORDS}}, *MODIFIER_SLOTS, noun],
            [{"LOWER": {"IN": ["these", "those"]}}, *MODIFIER_SLOTS, noun],
        ],
    )
    size = {"LOWER": {"IN": ["member", "nation", "country", "state"]}}
    matcher.add(
        "previous_organisation",
        [[{"LOWER": "the"}, {"LIKE_NUM": True}, {"ORTH": "-", "OP": "?"}, size, {"LOWER": {"IN": bodies}}]],
    )
    return matcher


@lru_cache(maxsize=4)
def matchers_for(data_dir: Path) -> Matchers:
    return build_matchers(cached_dictionaries(data_dir))


def build_matchers(dictionaries: Dictionaries) -> Matchers:
    nlp = preprocessor()
    entries: dict[str, list[ActorEntry]] = {}
    for entry in dictionaries.actor_names:
        entries.setdefault(entry.text, []).append(entry)
    actors = PhraseMatcher(nlp.vocab, attr="ORTH")
    for text in entries:
        actors.add("ACTOR", [nlp.make_doc(text)])
    actors.add("NOT_ACTOR", [nlp.make_doc(t) for t in dictionaries.not_actors])

    anaphors = PhraseMatcher(nlp.vocab, attr="LOWER")
    anaphor_kinds = {a.text.lower(): a.refers_to for a in dictionaries.anaphors}
    anaphors.add("ANAPHOR", [nlp.make_doc(t) for t in anaphor_kinds])
    collectives = collective_matcher(nlp.vocab, dictionaries.collectives)

    roles = PhraseMatcher(nlp.vocab, attr="LEMMA")
    role_entries = {}
    for role in dictionaries.roles:
        doc = nlp(role.lemma)
        key = " ".join(t.lemma_ for t in doc)
        role_entries[key] = role
        roles.add("ROLE", [doc])

    cues = AnchoredMatcher(nlp.vocab)
    for i, rule in enumerate(dictionaries.cues):
        cues.add(str(i), compile_pattern(rule.pattern))

    places = PhraseMatcher(nlp.vocab, attr="ORTH")
    place_entries = {}
    for facility in dictionaries.facilities:
        for name in (facility.name, *facility.aliases):
            place_entries[name] = facility
            places.add("PLACE", [nlp.make_doc(name)])
    return Matchers(
        actors=actors,
        actor_entries={k: tuple(v) for k, v in entries.items()},
        anaphors=anaphors,
        anaphor_kinds=anaphor_kinds,
        collectives=collectives,
        roles=roles,
        role_entries=role_entries,
        cues=cues,
        cue_rules=dictionaries.cues,
        cue_literals=tuple(literal_count(r.pattern) for r in dictionaries.cues),
        cue_words=tuple(pattern_words(r.pattern) for r in dictionaries.cues),
        violent_nouns=frozenset(
            word
            for r in dictionaries.cues
            if r.category in ("ASSAULT", "FIGHT") and r.pos != "verb" and literal_count(r.pattern) == 1
            for word in pattern_words(r.pattern)
        ),
        noun_categories=noun_categories(dictionaries.cues),
        modifiers={m.lemma: m.kind for m in dictionaries.modifiers},
        places=places,
        place_entries=place_entries,
        states=frozenset(code for code, info in dictionaries.actors.items() if info.kind == "state"),
    )


@dataclass(frozen=True)
class Analysis:
    """A Doc and every dictionary match in it (token spans, sorted by start)."""

    doc: Doc
    actors: tuple[tuple[int, int, tuple[ActorEntry, ...]], ...]
    anaphors: tuple[tuple[int, int, str], ...]
    roles: tuple[tuple[int, int, Role], ...]
    cues: tuple[SpanMatch, ...]
    places: tuple[tuple[int, int, Facility], ...]

    @cached_property
    def starts(self) -> dict[str, list[int]]:
        """Start token of every match, per kind, for bisecting."""
        kinds = ("actors", "anaphors", "roles", "cues", "places")
        return {k: [m.start if isinstance(m, SpanMatch) else m[0] for m in getattr(self, k)] for k in kinds}

    def window(self, start: int, end: int) -> Analysis:
        """The matches inside tokens [start, end): one sentence's share, so that coding a
        sentence costs the same in a short article and in a long one."""

        def cut(kind: str) -> tuple:
            starts = self.starts[kind]
            inside = getattr(self, kind)[bisect_left(starts, start) : bisect_left(starts, end)]
            # a match running on past the sentence's end ("sent \n troops") is not the sentence's
            return tuple(m for m in inside if (m.end if isinstance(m, SpanMatch) else m[1]) <= end)

        return Analysis(self.doc, cut("actors"), cut("anaphors"), cut("roles"), cut("cues"), cut("places"))

    def moved(self, doc: Doc, offset: int) -> Analysis:
        """The same matches on another Doc whose token 0 is this Doc's token `offset` (a
        sentence parsed on its own)."""

        def shift(kind: str) -> tuple:
            return tuple(
                SpanMatch(m.start - offset, m.end - offset, m.index)
                if isinstance(m, SpanMatch)
                else (m[0] - offset, m[1] - offset, m[2])
                for m in getattr(self, kind)
            )

        return Analysis(doc, shift("actors"), shift("anaphors"), shift("roles"), shift("cues"), shift("places"))


def inside_name(doc: Doc, start: int, sentence_start: int) -> bool:
    """A capitalised word inside a sentence belongs to a name ("Islamic State", "Agency for
    Development and Cooperation", "in March"), not to the verbs and nouns of events."""
    token = doc[start]
    if not token.is_title or start == sentence_start:
        return False
    before = doc[start - 1]
    return before.text not in ("“", '"', "‘", ":", "(", "—", "'") and not before.is_space


NAME_ARTICLES = frozenset({"al", "el", "Al", "El"})


def family_name(doc: Doc, start: int) -> bool:
    """ "al-Sahrawi", "el-Masri": a nationality after "al-" is part of a person's name."""
    return start >= 2 and doc[start - 1].text == "-" and doc[start - 2].text in NAME_ARTICLES


def first_name_of_another(doc: Doc, span: Span, entries: tuple[ActorEntry, ...]) -> bool:
    """ "Abbas Araqchi" is not Mahmoud Abbas: a one-word name of a person followed by another
    capitalised name is someone else's first name."""
    after = doc[span.end] if span.end < len(doc) else None
    one_word = len(span) == 1 and all(e.kind == "person" for e in entries)
    if not one_word or after is None or not (after.is_title and after.is_alpha) or after.is_sent_start:
        return False
    then = doc[span.end + 1] if span.end + 1 < len(doc) else None
    return then is None or not then.is_title  # "Putin Meets Xi In Beijing" is a headline in title case


def is_verb_form(token) -> bool:
    """ "headed", "forcing": a verb form of a role noun ("head", "force") is not the noun."""
    return token.lower_ != token.lemma_ and token.lower_.endswith(("ed", "ing"))


def longest_first(spans: list[Span]) -> list[Span]:
    return sorted(spacy.util.filter_spans(spans), key=lambda s: s.start)


def sentence_starts(doc: Doc) -> list[int]:
    """Index of the first token of each token's sentence (Token.sent rebuilds a Span each time)."""
    starts = [0] * len(doc)
    for sent in doc.sents:
        starts[sent.start : sent.end] = [sent.start] * (sent.end - sent.start)
    return starts


def analyse(doc: Doc, m: Matchers) -> Analysis:
    strings = doc.vocab.strings
    actor_hits = m.actors(doc)
    actor_spans = longest_first([doc[s:e] for _, s, e in actor_hits])
    not_actor = strings["NOT_ACTOR"]
    not_actor_ranges = {(s, e) for mid, s, e in actor_hits if mid == not_actor}
    actors = tuple(
        (span.start, span.end, m.actor_entries[span.text])
        for span in actor_spans
        if (span.start, span.end) not in not_actor_ranges
        and span.text in m.actor_entries
        and not (family_name(doc, span.start) and all(e.kind == "demonym" for e in m.actor_entries[span.text]))
        and not first_name_of_another(doc, span, m.actor_entries[span.text])
    )
    anaphor_spans = [Span(doc, s, e, label=m.anaphor_kinds[doc[s:e].text.lower()]) for _, s, e in m.anaphors(doc)]
    anaphor_spans += [Span(doc, s, e, label=label) for label, s, e in m.collectives(doc)]
    anaphors = tuple((s.start, s.end, s.label_) for s in longest_first(anaphor_spans))
    roles = tuple(
        (s.start, s.end, m.role_entries[" ".join(t.lemma_ for t in s)])
        for s in longest_first([doc[s:e] for _, s, e in m.roles(doc) if not is_verb_form(doc[e - 1])])
    )
    starts = sentence_starts(doc)
    cue_matches = (SpanMatch(s, e, int(strings[mid])) for mid, s, e in m.cues(doc) if not inside_name(doc, s, starts[s]))
    cues = tuple(sorted(cue_matches, key=lambda c: c.start))
    places = tuple((s.start, s.end, m.place_entries[s.text]) for s in longest_first([doc[s:e] for _, s, e in m.places(doc)]))
    return Analysis(doc, actors, anaphors, roles, cues, places)


def long_names(window: Analysis, start: int, end: int) -> list[tuple[int, int]]:
    """The names of states and bodies in tokens [start, end) with a small word inside
    ("Democratic Republic of Congo", "Alliance of Sahel States"), as offsets from start: the
    parser reads "of" inside a name as a preposition and loses the names listed with it
    ("the foreign ministers of Democratic Republic of Congo and Uganda"), so it reads one
    word in their place; so too for a charity's name, which it may read as a clause ("Human
    Rights Watch in May accused ...")."""
    doc = window.doc
    return [
        (s - start, e - start)
        for s, e, entries in window.actors
        if e - s >= 3 and entries[0].kind in NAMED_BODIES and (inner_words(doc[s:e]) or entries[0].kind == "ngo")
    ]


NAMED_BODIES = frozenset({"state", "igo", "armed_group", "ngo", "company"})


def inner_words(name: Span) -> bool:
    """Does a name hold small words inside ("Republic of Congo", "the West African regional
    bloc"), and no possessive, which the parser reads well ("West Africa's regional bloc")?"""
    inside = name[1:-1]
    return any(t.is_lower for t in inside) and not any(t.lower_ in ("'s", "’s") for t in name)


def prefer_article_readings(analysis: Analysis, dateline: frozenset[str] = frozenset()) -> Analysis:
    """ "Congo" is the Republic of the Congo, or, in a story that also says "Kinshasa" or
    "Congolese", the Democratic Republic: a name with several readings takes the one the
    article names by an unambiguous name elsewhere, its dateline's capital included, the one
    named more often if both are (the dictionary's order otherwise)."""
    named = Counter(entries[0].code for _, _, entries in analysis.actors if len({e.code for e in entries}) == 1)
    named.update(dateline)

    def ordered(entries: tuple[ActorEntry, ...]) -> tuple[ActorEntry, ...]:
        most = max(named[e.code] for e in entries)
        if not most or all(named[e.code] == most for e in entries):
            return entries
        # "Brussels" in a story of Belgium that names the EU less: Belgium's capital, whatever the
        # kinds of the readings
        return tuple(e for e in entries if named[e.code] == most)

    actors = tuple((s, e, ordered(entries)) for s, e, entries in analysis.actors)
    return replace(analysis, actors=actors)
