"""Harm mentions: harm nouns ("death toll", "the massacre of", "in custody") and the people
they are about.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rafah.extract.casualty_lexicon import lexicon
from rafah.extract.harm_adjectives import _former
from rafah.extract.harm_captivity import _hostage_story
from rafah.extract.harm_lexicon import harm_lexicon
from rafah.extract.harm_people import _SUBJECTS
from rafah.extract.harm_tokens import _children, _Harm, _is_count, _is_verb, _lemma, _person_noun
from rafah.extract.harm_values import _listed_people
from rafah.extract.harm_verbs import _verb_harm
from rafah.extract.harm_victim_nouns import _count, _counted, _is_person, _of_people
from rafah.extract.harm_voice import _COPULAS, _agent_of, _passive, _subjects
from rafah.extract.sides import noun_core, side_lexicon, words_side

if TYPE_CHECKING:
    from spacy.tokens import Token


def _toll_value(noun: Token) -> tuple[int | None, Token | None]:
    """The count a toll is put at: "rose to 1,200", "put its toll at 49", "the toll is 31",
    "revised the toll down to 84 from 103", "rose from 80 to 95" (not the count it was before:
    "from")."""
    head = noun.head
    places = [c for c in head.children if c.dep_ in ("prep", "attr", "dobj") and c.i > noun.i]
    places += [p for a in _children(head, "advmod") if a.i > noun.i
               for p in _children(a, "prep")]
    places += [p for c in places if c.lower_ == "from" for p in _children(c, "prep")]
    for child in sorted(places, key=lambda c: (c.lower_ == "from", c.i)):
        target = _children(child, "pobj")[0] if _children(child, "pobj") else child
        if _is_count(target):
            return _count(target), target
    return None, None


def _noun_harm(token: Token) -> _Harm | None:
    """"31,000 deaths", "the death toll rose to 1,200", "the massacre of families", "taken to
    hospital with injuries", "the shooting of three men" (a noun of an act names people only
    with "of": data of_people_nouns; "35 school shootings" counts acts)."""
    lemma = _lemma(token)
    entry = _noun_entry(token)
    if entry is None:
        return None
    kind, verb = _fatal_kind(token, entry[0]), entry[1]
    if lemma == "toll" or _rising_tally(token):
        value, target = _toll_value(token)
        return _Harm(token, kind, verb, "none", [target], value=value) if target else None
    if token.dep_ == "dobj" and _lemma(token.head) in harm_lexicon().bearing_verbs:
        return _Harm(token, kind, verb, "none", _subjects(token.head))
    if lemma in harm_lexicon().remains and not _found_remains(token):
        return None
    if lemma in harm_lexicon().of_people_nouns:
        return _of_people_harm(token, kind, verb)
    counted = _counted_harm_noun(token)
    if counted:
        return _Harm(token, kind, verb, "none", counted)
    victims = _noun_people(token, kind)
    return _Harm(token, kind, verb, "none", victims, _by_phrase(token)) if victims else None


def _fatal_kind(noun: Token, kind: str) -> str:
    """"the fatal stabbing of two people", "sustained fatal injuries": an injury a fatal
    modifier (the casualty lexicon's) makes a killing."""
    return "killed" if kind == "injured" and any(
        lexicon().has("fatal_modifiers", c.lower_) for c in _children(noun, "amod")) else kind


def _of_people_harm(noun: Token, kind: str, verb: str) -> _Harm | None:
    """"the flight of 2,000 villagers", "the shooting of three men": a harm noun whose own
    count or owner is of something else ("2,000 flights were canceled", "the airline's
    flights") or that names an act ("35 school shootings") harms only the people after "of"
    (data: of_people_nouns)."""
    victims = _of_people(noun)
    return _Harm(noun, kind, verb, "none", victims, _by_phrase(noun)) if victims else None


def _counted_harm_noun(noun: Token) -> list[Token]:
    """A harm noun that counts its victims itself ("31,000 deaths", "the hostages, a soldier
    and two workers"), or people counted by the count before "of" ("thousands of refugees";
    not events: "one of the largest kidnappings")."""
    if any(c.dep_ == "nummod" and _is_count(c) for c in noun.children) or \
            _listed_people(noun):
        return _counted_demonym(noun) or [noun]
    count = noun.head.head
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and _is_count(count) and \
            count.i < noun.i and (_person_noun(noun) or
                                  _lemma(noun) in harm_lexicon().captive_nouns):
        return [count]
    return []


def _counts_itself(noun: Token) -> bool:
    """A harm noun whose own count (or a counted demonym sharing it) counts its victims."""
    counted = _counted_harm_noun(noun)
    return bool(counted) and counted in ([noun], _counted_demonym(noun))


def _counted_demonym(noun: Token) -> list[Token]:
    """"103 Ukrainian and 103 Russian prisoners": a counted demonym (no noun of its own: not
    "30 Palestinians and 12 hostages") coordinated before a counted harm noun, whose noun it
    shares: the victims are the demonym and its conjuncts."""
    head = noun.head
    if noun.dep_ != "conj" or head.i > noun.i or head.tag_ in ("NNS", "NNPS") or \
            head.pos_ not in ("ADJ", "PROPN") or \
            not any(c.dep_ == "nummod" and _is_count(c) for c in head.children):
        return []
    return [head] if words_side([head], index=False)[0] else []


def _noun_people(noun: Token, kind: str) -> list[Token]:
    """The people of an uncounted harm noun: "the massacre of families" (not the captors of
    "a prisoner of the militia"), "taken to hospital with injuries", "injuries to 20 people",
    "her son's killing" (not
    for displacement: "another carrier's flight")."""
    captive = _lemma(noun) in harm_lexicon().captive_nouns
    return (_of_people(noun) if not captive else []) or \
        (_with_injuries(noun) or _injured_people(noun) if kind == "injured" else []) or \
        (_possessor_victims(noun) if kind != "displaced" else []) or \
        ([noun] if captive and _captives_subject(noun) else [])


def _injured_people(noun: Token) -> list[Token]:
    """"caused injuries to 20 people": the people after "to" of an injury noun (or of the verb
    it is the object of)."""
    phrases = _children(noun, "prep") + (_children(noun.head, "prep") if noun.dep_ == "dobj"
                                         else [])
    return [o for p in phrases if p.lower_ == "to" and p.i > noun.i
            for o in _children(p, "pobj") if _is_person(o)]


def _captives_subject(noun: Token) -> bool:
    """"the remaining hostages were moved", "Israeli hostages are held in tunnels": uncounted
    captives (a plural captive noun, "the" or a side word before it) that are a subject (not
    of a verb of release: "the hostages were freed")."""
    return noun.dep_ in _SUBJECTS and noun.tag_ == "NNS" and \
        not lexicon().has("release_verbs", _lemma(noun.head)) and any(
        (c.dep_ == "det" and c.lower_ == "the") or words_side([c], index=False)[0]
        for c in noun.children if c.i < noun.i)


def _possessor_victims(noun: Token) -> list[Token]:
    """"her son's killing", "the boy's death": a person whose harm a noun names (a noun, not a
    pronoun: "died of his wounds" is no mention of its own; nor a group: "Hamas's killing")."""
    if _lemma(noun) in harm_lexicon().captive_nouns:
        return []
    return [p for p in _children(noun, "poss") if p.pos_ in ("NOUN", "PROPN") and
            _is_person(p) and p.ent_type_ not in ("GPE", "ORG", "NORP")]


def _found_remains(noun: Token) -> bool:
    """"exhumed 447 bodies", "the bodies of three men were found", "pulled 14 survivors and
    three bodies from": a noun of the dead counted when it is found, recovered or handled (the
    casualty lexicon's body verbs), not "two UN bodies", "a museum houses the bodies of two
    pharaohs"; also counted or repatriated: data body_verbs)."""
    while noun.dep_ == "conj" and noun.head.i < noun.i:
        noun = noun.head
    verb = noun.head.head if noun.dep_ == "pobj" else noun.head
    return _lemma(verb) in lexicon().sets["body_verbs"] or _lemma(verb) in harm_lexicon().body_verbs


def _holding_word(token: Token) -> bool:
    """"held", "kept", "taken" (also as the adjective the tagger made of them)."""
    holding = harm_lexicon().holding
    return _lemma(token) in holding or any(
        token.lower_ == form for form in ("held", "kept", "taken"))


def _status_harm(token: Token) -> _Harm | None:
    """"remain hostage", "are still hostages", "remain held captive", "has been a prisoner of
    the militia", "are among the hostages": a captive word predicated of the subject of a
    copula (passive when a participle of holding comes with it)."""
    lex = harm_lexicon()
    kind = lex.captive_nouns.get(_lemma(token))
    among = token.dep_ == "pobj" and token.head.lower_ == "among"
    if kind is None or (token.dep_ not in ("attr", "acomp", "oprd") and not among) or \
            _children(token, "nummod"):
        return None
    head = token.head.head if among else token.head
    held = any(_holding_word(c) for c in _children(token, "amod", "acl"))
    if head.dep_ == "acomp" and _holding_word(head):
        head, held = head.head, True
    if _lemma(head) not in _COPULAS:
        return None
    return _Harm(token, kind, _lemma(token), "passive" if held else "none", _subjects(head))


def _rising_tally(noun: Token) -> bool:
    """"Fatalities from the heatwave rose to 14", "deaths have climbed to 300", "deaths passed
    1,000" (a verb of reaching a count, data: tally_verbs; of deaths or injuries, not "when
    daily arrests reach 2,500"): an uncounted
    plural harm noun that is the subject of a verb of change (the casualty lexicon's toll
    verbs and prepositions)."""
    verb = noun.head
    tolled = harm_lexicon().nouns.get(_lemma(noun), ("",))[0] in ("killed", "injured",
                                                                   "casualties")
    return noun.dep_ == "nsubj" and noun.tag_ == "NNS" and not _children(noun, "nummod") and \
        any((c.dep_ == "prep" and lexicon().has("toll_target_prepositions", c.lower_)) or
            (c.dep_ == "dobj" and _is_count(c) and tolled and
             _lemma(verb) in harm_lexicon().tally_verbs)
            for c in verb.children if c.i > noun.i)


def _custody_harm(token: Token) -> _Harm | None:
    """"remain in detention", "was taken into custody", "returned from captivity", "put behind
    bars": a state of being held (data: custody_nouns; some only after their preposition,
    custody_prepositions) after a preposition harms the people of the verb the preposition
    hangs on, the verb's objects else its subjects (not those of a harm verb: "died in
    custody"; nor animals "bred in captivity": data rearing_verbs)."""
    kind = harm_lexicon().custody.get(_lemma(token)) or _condition_kind(token)
    verb = token.head.head
    if kind is None or token.dep_ != "pobj" or token.head.dep_ != "prep" or \
            not _is_verb(verb) or _verb_harm(verb) is not None or not _held_state(token, verb):
        return None
    objects = _children(verb, "dobj")
    voice = "active" if objects else "passive" if _passive(verb) else "none"
    victims = objects or _subjects(verb)
    kind = next((harm_lexicon().captive_nouns[_lemma(w)] for v in victims for w in v.subtree
                 if _lemma(w) in harm_lexicon().captive_nouns),
                _story_kind(token, kind, victims))
    return _Harm(token, kind, _lemma(token), voice, victims, _agent_of(verb, voice))


def _held_state(state: Token, verb: Token) -> bool:
    """Whether a state noun after its preposition holds people: after the preposition it needs
    ("behind bars"), not of animals reared ("bred in captivity")."""
    only = harm_lexicon().custody_prepositions.get(_lemma(state))
    return (only is None or state.head.lower_ in only) and \
        _lemma(verb) not in harm_lexicon().rearing


def _condition_kind(state: Token) -> str | None:
    """"are in critical condition", "remains in intensive care": a grave state of health
    (data: condition_states) that people are in (a verb of being) is an injury."""
    grades = harm_lexicon().conditions_of_health.get(_lemma(state), ())
    graded = any(c.lower_ in grades for c in _children(state, "amod", "compound"))
    return "injured" if graded and _lemma(state.head.head) in _COPULAS else None


def _story_kind(state: Token, kind: str, victims: list[Token]) -> str:
    """"Eight Thais remain in captivity", "the three remain in captivity" after a sentence on
    an abduction: hostages (not a state's captivity: "returned from Russian captivity"; nor
    soldiers, prisoners of war, unless the story tells of hostages)."""
    if _lemma(state) not in harm_lexicon().captivity or \
            words_side(noun_core(state), index=False)[0]:
        return kind
    soldiers = side_lexicon().soldiers
    if any(_lemma(_counted(v)[1]) in soldiers for v in victims) and not _hostage_story(state):
        return kind
    return "hostages"


def _noun_entry(token: Token) -> tuple[str, str] | None:
    """(kind, verb) of a harm noun: not a modifier of another ("death toll"), nor one of people
    no longer harmed ("former prisoners")."""
    lex = harm_lexicon()
    entry = lex.nouns.get(_lemma(token)) or _gerund(token)
    if token.pos_ != "NOUN" or entry is None or _former(token) or \
            (token.dep_ == "compound" and _lemma(token.head) in lex.nouns):
        return None
    return entry


def _gerund(noun: Token) -> tuple[str, str] | None:
    """"the wounding of three paramedics", "the jailing of": (kind, verb) of a noun in -ing
    made of a harm verb."""
    word = noun.lower_
    if not word.endswith("ing") or noun.tag_ != "NN":
        return None
    stem = word[:-3]
    verbs = harm_lexicon().verbs
    for verb in (stem, stem + "e", stem[:-1] if stem[-2:-1] == stem[-1:] else ""):
        if verb in verbs:
            return verbs[verb], verb
    return None


def _by_phrase(noun: Token) -> list[Token]:
    """"the killing of 1,200 people by Hamas", "Hamas's killing of civilians": the agent of a
    harm noun (a group or state possessing it, when it has people of its own), who, as a
    passive's, says whose the victims are not."""
    for prep in _children(noun, "prep"):
        objects = _children(prep, "pobj")
        if prep.lower_ == "by" and objects:
            return noun_core(objects[0])
    return [t for p in _children(noun, "poss") if p.ent_type_ in ("GPE", "ORG", "NORP")
            and _of_people(noun) for t in noun_core(p)]


def _with_injuries(noun: Token) -> list[Token]:
    """"19 were rescued with injuries": the subjects of the verb the phrase hangs from."""
    if noun.head.dep_ != "prep" or noun.head.lower_ not in ("with", "for"):
        return []
    governor = _governing_verb(noun.head)
    return _subjects(governor) if governor is not None else []


def _governing_verb(token: Token) -> Token | None:
    """The verb a prepositional phrase hangs from ("taken to hospital with injuries"), also past
    the object of a verb of getting care ("sought treatment for wounds")."""
    current = token.head
    while not _is_verb(current) and (current.dep_ in ("pobj", "prep") or _care(current)) and \
            current.head.i != current.i:
        current = current.head
    return current if _is_verb(current) else None


def _care(noun: Token) -> bool:
    """"sought medical help for gunshot wounds", "received treatment for burns": the object of
    a verb whose subject is the patient (data: care_verbs)."""
    return noun.dep_ == "dobj" and _lemma(noun.head) in harm_lexicon().care_verbs
