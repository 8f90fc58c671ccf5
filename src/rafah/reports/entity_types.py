"""The type of a merged entity: a vote of the model's labels weighed with other evidence.

Evidence, strongest first: the gazetteer; the words of the name (a group or demonym is NORP,
"... Agreement" is LAW, "Hurricane ..." or "... Fire" is EVENT, "... Camp" or "... Coast" is a
place when the model said organisation or person); then the model's labels, where a PERSON
label counts for little on a name usually written with "the" ("the Biden-Harris") or holding a
possessive, and a NORP label for little on a name that is no group ("Windows").
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence

from rafah.reports.entity_lexicon import Lexicon, fold_word, spaced
from rafah.reports.entity_merge import Occurrence, name_key

TYPE_PRIORITY = ["PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "EVENT", "PRODUCT", "LAW",
                 "WORK_OF_ART", "LANGUAGE"]
WEAK = 0.25
_ARTICLE = re.compile(r"^(?:the|a|an)\s", re.I)
_INNER_POSSESSIVE = re.compile(r"\w(?:'s|\u2019s)\s")
_OVERRIDABLE = frozenset({"ORG", "PERSON", "NORP"})


def _model_vote(members: Sequence[Occurrence], lex: Lexicon, name: str) -> str:
    """The weighted vote of the model's labels (ties: ``TYPE_PRIORITY``)."""
    if len({m.label for m in members}) == 1:
        return members[0].label  # one label wins whatever its weight
    weights: dict[str, float] = defaultdict(float)
    with_article = sum(m.count for m in members if _ARTICLE.match(m.written))
    person_weight = WEAK if 2 * with_article >= sum(m.count for m in members) else 1.0
    if _INNER_POSSESSIVE.search(name):
        person_weight = 0.0
    norp_weight = WEAK
    if any(m.label == "NORP" for m in members) and lex.looks_like_group(name):
        norp_weight = 1.0
    for member in members:
        weight = {"PERSON": person_weight, "NORP": norp_weight}.get(member.label, 1.0)
        weights[member.label] += weight * member.count
    best = max(weights.values())
    tied = [label for label, weight in weights.items() if weight == best]
    return min(tied, key=lambda t: TYPE_PRIORITY.index(t) if t in TYPE_PRIORITY else 99)


def _is_event(name: str, words: list[str], voted: str, lex: Lexicon) -> bool:
    """A storm or fire named like a person or a place ("Hurricane Beryl", "Park Fire")."""
    if name.casefold().startswith(spaced(lex.event_first)):
        return True
    return len(words) >= 2 and words[-1] in lex.event_last and voted != "ORG"


def _is_group(name: str, words: list[str], voted: str, lex: Lexicon) -> bool:
    """A group named as a person or as an organisation ("Iraqi Yazidis", "Democrats")."""
    if voted not in _OVERRIDABLE or not lex.is_group(name):
        return False
    return voted != "ORG" or len(words) == 1


def cue_type(name: str, voted: str, lex: Lexicon) -> str | None:
    """The type the words of a name impose, if any."""
    words = [fold_word(w) for w in name.split()]
    if not words:
        return None
    if _is_event(name, words, voted, lex):
        return "EVENT"
    if _is_group(name, words, voted, lex):
        return "NORP"
    last = words[-1] if len(words) >= 2 else ""
    if last in lex.law_last and voted in _OVERRIDABLE | {"EVENT", "PRODUCT", "WORK_OF_ART"}:
        return "LAW"
    if last in lex.place_last and voted in _OVERRIDABLE:
        return lex.place_last[last]
    return None


def _formal_country(members: Sequence[Occurrence], lex: Lexicon) -> bool:
    """Whether the entity joined a country's formal name to its short name."""
    keys = {m.key for m in members}
    if len(keys) == 1:
        return False  # a formal name's rest is shorter than its key
    rests = (lex.formal_country_rest(key) for key in keys)
    return any(rest is not None and name_key(rest) in keys for rest in rests)


def vote_type(members: Sequence[Occurrence], name: str, lex: Lexicon) -> str:
    """The type of an entity that is not in the gazetteer."""
    if _formal_country(members, lex):
        return "GPE"
    voted = _model_vote(members, lex, name)
    return cue_type(name, voted, lex) or voted
