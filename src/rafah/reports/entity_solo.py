"""Forms that make an entity alone ("solo"), found without one Python step per form.

Most distinct forms of a large corpus (241,000 of 285,000 at 200,000 synthetic articles)
join no other form: the merge would make each an entity of one form, named by its cleaned
text, typed by the cue of its words, with no place. Whether a form is such a form depends

- on the form alone (`may_stand_alone`, derived once with the form and stored): no gazetteer
  entry, no group, formal-country, storm or hyphenated name, no junk, no organisation label
  (organisation names join by their distinctive words), no NORP type, no article target of
  a one-word name, and for a place a name no gazetteer knows;
- on the other forms of the selection (`solo_mask`, NumPy over name ids): no other form has
  its key or signature, no one-word form of the selection can stand for it (its surname,
  first name or organisation head is no one-word form's key), and, for a one-word form, no
  longer form votes for it (it is no surname, first name or organisation head of the
  selection), nor any key the merge joins by name (acronyms, group, formal-country and
  storm names of the other forms).

Everything else runs through the merge of `rafah.reports.entities` as before; the solo forms
are never given to it, and it never asks about them (every question the merge asks of a
form's key, signature or vote is answered by forms the tests above keep in the merge).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from rafah.reports.entity_lexicon import Lexicon, spaced
from rafah.reports.entity_merge import CAPS_KEY_MARK, PLACE_LABELS, FormFacts, Known, name_key

TYPES = ("PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "EVENT", "PRODUCT", "WORK_OF_ART",
         "LAW", "LANGUAGE")
"""The entity types a solo form may have (its index + 1 is its type code; 0: not solo)."""
PLACE_TYPES = PLACE_LABELS
ONE_WORD = 1
"""A flag of the stored facts: the cleaned form is one word."""
NAME_JOINS = 2
"""A flag of the stored facts: the merge joins the key to another by name (a group, a
formal country name, a storm: `joined_names`)."""
FACTS = 10
"""The stored facts of a form: the name ids of its key, signature, surname, first name and
organisation head, its flags, its type code and the name ids of its article targets."""


def solo_type(label: str, facts: FormFacts) -> str:
    """The type of an entity of this form alone: the cue of its words, else its label."""
    return (facts.person_cue if label == "PERSON" else facts.cue) or label


def _no_place(key: str, cleaned: str, written: str, label: str, kind: str,
              lex: Lexicon) -> bool:
    """Whether the form names no place the gazetteers know: it would be placed, vote for a
    country or be retyped otherwise."""
    from rafah.places import country_of, lookup

    if label in PLACE_TYPES and " " not in key and country_of(key):
        return False
    if kind not in PLACE_TYPES:
        return True
    if cleaned.casefold() in lex.unmapped or (kind == "GPE" and label in ("ORG", "PERSON")):
        return False
    return not lookup(cleaned) and not lookup(written)


def _plain_name(key: str, cleaned: str, lex: Lexicon) -> bool:
    """No name the merge joins, drops or renames by its words alone."""
    if lex.group_key(key) or lex.formal_country_rest(key) is not None:
        return False
    if key.startswith(spaced(lex.event_first)) or "-" in key or key.endswith(CAPS_KEY_MARK):
        return False
    name = name_key(cleaned)
    return not (name in lex.junk or all(word in lex.junk for word in name.split()))


def may_stand_alone(form: tuple[str, ...], facts: FormFacts, known: Known,
                    lex: Lexicon) -> int:
    """The type code of the entity the form makes when nothing in the selection joins it
    (see the module), 0 when the merge must decide."""
    key, cleaned, written, label, surname, first, org = form
    kind = solo_type(label, facts)
    if kind not in TYPES or kind == "NORP" or label == "ORG":
        return 0
    if key in known.by_key or (facts.signature and facts.signature in known.by_key):
        return 0
    if len(cleaned.split()) == 1 and (surname or first or org):
        return 0
    if not _plain_name(key, cleaned, lex) or not _no_place(key, cleaned, written, label, kind,
                                                          lex):
        return 0
    return TYPES.index(kind) + 1


def solo_mask(facts: Any, forms: Any, targets: Any, joined_keys: Iterable[int] = ()) -> Any:
    """Which of ``forms`` (form ids) make an entity alone in a selection of exactly these
    forms. ``facts``: per form id (key, signature, surname, first name, organisation head,
    flags, type code, and the article's surname, first-name and organisation targets of a
    one-word form) as name ids (0: none); ``targets``: name ids a one-word form of the
    selection may stand for (`rafah.reports.entity_votes.VoteArrays.targets`, with the
    article targets added here); ``joined_keys``: name ids the merge joins by name
    (acronyms, group, formal-country and storm names of the selection)."""
    import numpy as np

    key, signature, surname, first, head, flags, code = (facts[forms, i] for i in range(7))
    size = int(facts.max(initial=0)) + 1
    own_signature = (signature > 0) & (signature != key)
    nodes = np.bincount(np.concatenate([key, signature[own_signature]]), minlength=size)
    one_word = (flags & ONE_WORD) > 0
    aimed = np.zeros(size, dtype=bool)
    aimed[targets] = True
    aimed[facts[forms[one_word], 7:10].ravel()] = True
    voted = np.zeros(size, dtype=bool)
    for ids in (surname, first, head):
        voted[ids] = True
    for chosen in (aimed, voted):
        chosen[0] = False
    aimed[[i for i in joined_keys if 0 < i < size]] = True
    solo = (code > 0) & (nodes[key] == 1) & ~aimed[key]
    solo &= ~own_signature | ((nodes[signature] == 1) & ~aimed[signature])
    solo &= ~(one_word & voted[key])
    return solo


def read_facts(connection: Any) -> Any:
    """The stored facts of every form, one row per form id (row 0 and gaps: zeros)."""
    import numpy as np

    (blob,) = connection.execute(
        "SELECT CAST(group_concat(facts, x'') AS BLOB) FROM "
        "(SELECT facts FROM entity_forms ORDER BY id)").fetchone()
    if not blob:
        return np.zeros((1, FACTS), dtype=np.int64)
    rows = np.frombuffer(blob, dtype="<i4").reshape(-1, FACTS + 1).astype(np.int64)
    facts = np.zeros((int(rows[:, 0].max()) + 1, FACTS), dtype=np.int64)
    facts[rows[:, 0]] = rows[:, 1:]
    return facts


def name_ids(connection: Any, keys: Iterable[str]) -> dict[str, int]:
    """The stored name ids of those ``keys`` that have one."""
    return dict(connection.execute(
        "SELECT key, id FROM entity_names WHERE key IN (SELECT value FROM json_each(?))",
        (json.dumps(list(dict.fromkeys(keys))),)))


def joins_by_name(key: str, lex: Lexicon) -> bool:
    """Whether `joined_names` finds a name for ``key``."""
    return bool(joined_names([key], lex))


def joined_names(keys: Iterable[str], lex: Lexicon) -> set[str]:
    """The keys the merge may join to these keys by name: their group name, the country of
    a formal name, the one-word name of a storm."""
    found: set[str] = set()
    storms = spaced(lex.event_first)
    for key in keys:
        group = lex.group_key(key)
        if group:
            found.add(group)
        rest = lex.formal_country_rest(key)
        if rest is not None:
            found.add(name_key(rest))
        if key.startswith(storms):
            found.add(key.split()[-1])
    return found
