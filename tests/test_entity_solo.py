"""Forms that make an entity alone skip the merge: the rows must be exactly those the merge of
every form gives (no model)."""

from __future__ import annotations

from collections import Counter

import numpy as np
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rafah.records import Acronym, Analysis, Article, Mention
from rafah.reports.entities import Entity, build_entities
from rafah.reports.entity_solo import ONE_WORD, solo_mask
from rafah.reports.entity_votes import vote_arrays

# Names chosen to collide the way news names do: surnames and first names that are also
# one-word names, places or organisations; a group, a formal country name, a storm, a
# gazetteer name and its acronym, a hyphenated pair of surnames, junk, written variants.
NAMES = (
    ("Joe Biden", "PERSON"), ("Biden", "PERSON"), ("Hunter Biden", "PERSON"),
    ("Kamala Harris", "PERSON"), ("Harris", "PERSON"), ("Kamala", "PERSON"),
    ("Harris", "GPE"), ("Joseph R. Biden", "PERSON"), ("Donald Trump", "PERSON"),
    ("Trump", "PERSON"), ("Trump", "ORG"), ("Biden-Harris", "PERSON"),
    ("Jordan", "GPE"), ("Michael Jordan", "PERSON"), ("Jordan", "PERSON"),
    ("Velor Manit", "PERSON"), ("Manit", "GPE"), ("Qorvath", "GPE"), ("Qorvath", "PERSON"),
    ("Zentari Agency", "ORG"), ("Zentari", "ORG"), ("United Airlines", "ORG"),
    ("United", "ORG"), ("Israeli", "NORP"), ("Israelis", "NORP"),
    ("the State of Israel", "ORG"), ("Israel", "GPE"), ("Hurricane Beryl", "EVENT"),
    ("Beryl", "PERSON"), ("United States", "GPE"), ("US", "GPE"),
    ("Centre for Plain Study", "ORG"), ("CPS", "ORG"), ("Gaza", "GPE"), ("Rafah", "GPE"),
    ("Monday", "PERSON"), ("Brelmor Tisk", "PERSON"), ("BRELMOR TISK", "PERSON"),
    ("Tisk", "LOC"), ("Yarrow Pell", "PERSON"), ("Pell", "FAC"), ("Ostrava Vale", "GPE"),
    # written otherwise than cleaned: an accent, capitals, an article, a known place
    ("Qorvath", "LOC", "Qorv\u00e1th"), ("Velor Manit", "PERSON", "VELOR MANIT"),
    ("Zentari Vale", "LOC", "the Zentari Vale"), ("Manit", "GPE", "Gaza"),
)


def _article(index: int) -> Article:
    day = None if index % 5 == 4 else f"2024-07-{10 + index % 9}"  # some undated
    return Article(id=f"a{index}.txt", path=f"a{index}.txt", date=day,
                   date_source="header", title=None, paragraphs=["x"], text_hash=f"h{index}")


def _analysis(picks: list[int], acronym: bool) -> Analysis:
    found = [Mention(NAMES[i][0], NAMES[i][1], 0, 1, 0, (*NAMES[i], "")[2]) for i in picks]
    acronyms = [Acronym(long="Centre for Plain Study", short="CPS")] if acronym else []
    return Analysis(mentions=found, acronyms=acronyms)


def _rows(entities: list[Entity]) -> list[tuple[object, ...]]:
    return [(e.to_record(), sorted(e.keys), sorted(e.surfaces), sorted(e.by_article.items()))
            for e in entities]


corpora = st.lists(st.tuples(st.lists(st.integers(0, len(NAMES) - 1), max_size=8),
                             st.booleans()), min_size=1, max_size=7)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(corpora, st.booleans())
def test_solo_forms_give_the_rows_of_the_full_merge(corpus: list[tuple[list[int], bool]],
                                                      geo: bool) -> None:
    articles = [_article(i) for i in range(len(corpus))]
    analyses = {f"h{i}": _analysis(picks, acronym) for i, (picks, acronym) in enumerate(corpus)}
    fast = build_entities(articles, analyses, geo=geo)
    full = build_entities(articles, analyses, geo=geo, solo=False)
    assert _rows(fast) == _rows(full)


def test_a_name_nothing_else_touches_stands_alone() -> None:
    articles = [_article(0), _article(1)]
    analyses = {"h0": _analysis([15, 0, 1], False), "h1": _analysis([15, 15], False)}
    entities = {e.name: e for e in build_entities(articles, analyses, geo=False)}
    assert entities["Velor Manit"].mentions == 3 and entities["Velor Manit"].articles == 2
    assert entities["Joe Biden"].mentions == 2  # "Biden" joined it: merged, not alone


def _facts(rows: list[tuple[int, ...]]) -> np.ndarray:
    return np.array([(0,) * 10, *rows], dtype=np.int64)


def test_the_mask_keeps_in_the_merge_what_another_form_may_touch() -> None:
    # name ids: 1 "velor manit", 2 "manit", 3 "velor", 4 "qorvath", 5 "other"
    facts = _facts([
        (1, 1, 2, 3, 0, 0, 1, 0, 0, 0),          # 1: person Velor Manit
        (2, 0, 0, 0, 0, ONE_WORD, 3, 0, 0, 0),   # 2: one-word "Manit" (GPE): a surname
        (4, 0, 0, 0, 0, ONE_WORD, 3, 0, 0, 0),   # 3: one-word "Qorvath", nobody's name part
        (4, 0, 0, 0, 0, ONE_WORD, 1, 0, 0, 0),   # 4: "Qorvath" as a person: same key as 3
        (5, 5, 0, 0, 0, 0, 0, 0, 0, 0),          # 5: type code 0: the merge decides
    ])
    forms = np.array([1, 2, 3, 4, 5])
    assert solo_mask(facts, forms, np.array([], dtype=np.int64)).tolist() == \
        [True, False, False, False, False]
    assert solo_mask(facts, forms, np.array([1])).tolist() == [False] * 5  # a dominant target
    assert solo_mask(facts, np.array([1, 3]), np.array([], dtype=np.int64),
                     joined_keys=[4]).tolist() == [True, False]


def test_votes_count_every_form_and_need_eighty_percent() -> None:
    # forms: two people with surname id 2 (signatures 1 and 6), one much more mentioned
    facts = _facts([(1, 1, 2, 3, 0, 0, 1, 0, 0, 0), (6, 6, 2, 7, 0, 0, 1, 0, 0, 0)])
    votes = vote_arrays(facts, np.array([1, 2]), np.array([9, 1]), 8)
    assert votes.surnames.count[2] == 2 and votes.surnames.dominant[2] == 1
    votes = vote_arrays(facts, np.array([1, 2]), np.array([7, 3]), 8)
    assert votes.surnames.dominant[2] == 0
    assert Counter(votes.targets(np.array([2, 3, 7])).tolist()) == Counter({1: 1, 6: 1})


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(corpora)
def test_triplets_read_in_small_chunks_give_the_same_rows(
        corpus: list[tuple[list[int], bool]]) -> None:
    from rafah.reports import entity_arrays

    articles = [_article(i) for i in range(len(corpus))]
    analyses = {f"h{i}": _analysis(picks, acronym) for i, (picks, acronym) in enumerate(corpus)}
    whole = build_entities(articles, analyses, geo=False)
    size = entity_arrays.CHUNK_ANALYSES
    entity_arrays.CHUNK_ANALYSES = 2
    try:
        chunked = build_entities(articles, analyses, geo=False)
    finally:
        entity_arrays.CHUNK_ANALYSES = size
    assert _rows(chunked) == _rows(whole)
