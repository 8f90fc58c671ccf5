"""The casualty lexicon: trigger words and cues read from data/casualty_lexicon.json.

Every top-level key of the JSON file is read here (a test checks it), so the data file holds
no dead entries.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from rafah.resources import json_data, word_list

if TYPE_CHECKING:
    from spacy.tokens import Token


_SETS = ("people", "reporting_verbs", "authority_nouns", "subject_victim_verbs", "status_nouns",
         "verification_nouns", "body_verbs", "tally_nouns", "light_verbs", "suffer_verbs",
         "life_verbs", "victim_pronouns", "single_determiners", "irrealis_governors",
         "negators", "former_modifiers", "safe_complements", "release_verbs", "ratio_words",
         "subset_prepositions", "subset_verbs", "partitive_pronouns", "change_prepositions",
         "excluded_entities", "currency", "percent", "age_words", "source_pronouns", "ratio_links",
         "event_subjects", "age_units", "fatal_adverbs", "additive_words",
         "along_prepositions", "month_names", "vague_quantifiers", "collective_nouns",
         "female_nouns", "male_nouns", "attempt_modifiers", "relocation_words",
         "forced_modifiers", "set_off_marks", "animal_nouns",
         "pair_nouns", "elided_singles", "topic_prepositions", "status_kinds",
         "cause_prepositions", "obituary_verbs", "definite_determiners",
         "toll_target_prepositions", "toll_raising_verbs", "frequency_nouns", "rate_prepositions",
         "legal_nouns",
         "group_nouns", "recording_nouns", "fatal_modifiers",
         "rate_units", "disease_nouns", "generic_marks",
         "vague_scale_modifiers", "near_miss_adverbs",
         "prevention_verbs", "causation_verbs",
         "undergoer_phrases", "impact_verbs", "projectile_nouns", "body_parts",
         "condition_heads", "quantifier_blockers", "parent_nouns",
         "victim_nouns", "time_units", "rate_articles", "time_anchors",
         "fraction_words", "escape_objects", "flight_places",
         "hedge_prepositions", "remain_verbs", "held_places", "holding_places",
         "treatment_verbs",
         "camera_operators", "purpose_objects",
         "person_suffix_exceptions", "plant_nouns", "case_nouns",
         "remainder_words",
         "place_nouns", "captor_nouns", "disaster_nouns",
         "sheltering_phrases", "personal_subjects", "offender_nouns",
         "custody_places", "plain_death_nouns")
_MAPS = ("verbs", "weak_verbs", "nouns", "of_nouns", "adjectives", "captivity_complements",
         "toll_nouns", "toll_modifiers", "phrases", "pronoun_genders",
         "person_verbs", "status_phrases", "title_genders", "counted_event_nouns")
_TUPLES = ("person_suffixes", "age_suffixes")
_HEDGES = ("hedges_low", "hedges_high", "hedges_neutral")
READ_KEYS = frozenset(_SETS + _MAPS + _TUPLES + _HEDGES + ("cumulative_patterns",))
"""The top-level keys of the data file this module reads (all of them)."""


@dataclass(frozen=True)
class Lexicon:
    """Trigger words and cues (see the data file for what each entry means)."""

    sets: dict[str, frozenset[str]]
    maps: dict[str, dict[str, str]]
    tuples: dict[str, tuple[str, ...]]
    hedges: tuple[tuple[str, str], ...]
    cumulative: tuple[re.Pattern[str], ...]
    hedge_pattern: re.Pattern[str]
    person_nouns: frozenset[str] = frozenset()
    """Nouns whose most frequent sense is a person (from WordNet: data/person_nouns.txt)."""
    demonyms: frozenset[str] = frozenset()
    """Lower-cased demonyms of every country (data/entity_groups.json): "cypriot"."""

    def has(self, name: str, word: str) -> bool:
        """Whether ``word`` is in the word set ``name``."""
        return word in self.sets[name]

    def kind(self, name: str, word: str) -> str | None:
        """The kind the map ``name`` gives ``word``, or None."""
        return self.maps[name].get(word)

    def is_person(self, token: Token) -> bool:
        """Whether a noun names people: a demonym, a listed person noun, or a person suffix."""
        lower, lemma = token.lower_, token.lemma_.lower()
        people = self.sets["people"]
        if token.ent_type_ == "NORP" or lemma in people or lower in people:
            return True
        if token.pos_ == "NOUN" and lemma in self.person_nouns:
            return True
        if token.tag_ in ("NNS", "NNPS") and lower.endswith("s") and lower[:-1] in self.demonyms:
            return True
        if lower.endswith("s") and lower[:-1] in people:
            return True
        return token.pos_ == "NOUN" and lemma not in self.sets["person_suffix_exceptions"] and \
            any(lemma.endswith(suffix) and len(lemma) >= len(suffix) + 4
                for suffix in self.tuples["person_suffixes"])


def _hedges(data: dict) -> list[tuple[str, str]]:
    pairs = [(h, bound) for key, bound in zip(_HEDGES, ("low", "high", "neutral"), strict=True)
             for h in data[key]]
    pairs.sort(key=lambda pair: len(pair[0]), reverse=True)
    return pairs


@cache
def lexicon() -> Lexicon:
    """The shipped casualty lexicon."""
    data = json_data("casualty_lexicon.json")
    hedges = _hedges(data)
    alternatives = "|".join(re.escape(h) for h, _ in hedges)
    return Lexicon(
        sets={name: frozenset(data[name]) for name in _SETS},
        maps={name: dict(data[name]) for name in _MAPS},
        tuples={name: tuple(data[name]) for name in _TUPLES},
        hedges=tuple(hedges),
        cumulative=tuple(re.compile(p, re.I) for p in data["cumulative_patterns"]),
        hedge_pattern=re.compile(rf"(?:^|[\s(\u2014-])({alternatives})\s*$", re.I),
        person_nouns=word_list("person_nouns.txt"),
        demonyms=frozenset(d.lower() for forms in json_data("entity_groups.json")["demonyms"]
                           .values() for d in forms),
    )
