"""The kind of harm a predicate states about the people it governs, read from the parse.

A harm predicate beats a status noun ("the bodies of three hostages" → killed), a disjunction of
kinds is a mixed count ("killed or captured" → casualties), and a clause that is negated,
hypothetical, future or about people set free is no figure at all.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from rafah.extract.casualty_lexicon import lexicon
from rafah.extract.numbers import parse_number

if TYPE_CHECKING:
    from spacy.tokens import Token

ARGUMENT_DEPS = ("dobj", "nsubjpass", "nsubj", "attr", "oprd", "npadvmod", "dep", "obj",
                 "advmod", "appos")
COMPLEMENT_DEPS = ("acomp", "oprd", "xcomp")
MIXED = "casualties"


@dataclass(frozen=True)
class Governed:
    """What governs a counted noun: the kinds stated, the predicate, whether it is a toll."""

    kinds: list[str] = field(default_factory=list)
    predicate: Token | None = None
    total: bool = False


NONE = Governed()


def lemma(token: Token) -> str:
    """Lower-cased lemma."""
    return token.lemma_.lower()


def _is_verb(token: Token) -> bool:
    return token.pos_ in ("VERB", "AUX") or token.tag_ in ("VBN", "VBD", "VBG")


def _phrase_kind(verb: Token) -> str | None:
    """Verb + preposition (+ object) phrases: "forced from", "taken to hospital", "to death",
    "in critical condition", "went missing" (the object's first modifier may be part of the
    phrase)."""
    lex = lexicon()
    for child in verb.children:
        if child.dep_ not in ("prep", "dative", "prt", "dobj", "oprd", "advcl"):
            continue
        objects: list[Token | None] = [o for o in child.children if o.dep_ == "pobj"] or [None]
        for obj in objects:
            for key in _phrase_keys(verb, child, obj):
                kind = lex.kind("phrases", key)
                if kind and (not lex.has("sheltering_phrases", key) or _harm_context(verb)):
                    return kind
            if _treated_body_part(verb, child, obj):
                return "injured"
    return None


def _treated_body_part(verb: Token, link: Token, obj: Token | None) -> bool:
    """ "treated for a fractured leg", "admitted for a broken arm": care for a part of the
    body is care for an injury."""
    lex = lexicon()
    return obj is not None and link.lower_ == "for" and \
        lex.has("treatment_verbs", lemma(verb)) and lex.has("body_parts", lemma(obj))


def _harm_context(verb: Token) -> bool:
    """ "took shelter in schools as the fighting reached the town", "sought refuge after their
    homes were shelled": a clause or phrase under the verb names violence or a disaster (not
    "took shelter from the rain")."""
    lex = lexicon()
    for child in verb.children:
        if child.dep_ not in ("advcl", "prep", "npadvmod"):
            continue
        for token in child.subtree:
            word = lemma(token)
            if lex.has("event_subjects", word) or lex.has("disaster_nouns", word) or \
                    lex.has("flight_places", word) or \
                    token.pos_ == "VERB" and lex.kind("verbs", word) is not None or \
                    word in ("shell", "bomb", "attack", "strike", "shoot"):
                return True
    return False


def _phrase_keys(verb: Token, link: Token, obj: Token | None) -> list[str]:
    """The lexicon keys a verb, its preposition or particle and that one's object may form
    (and a verb with its object's compound: "handed prison sentences")."""
    word = lemma(obj) if obj is not None else ""
    modifier = next((f"{m.lower_} " for m in obj.children if m.dep_ == "amod"), "") \
        if obj is not None else ""
    keys = (f"{lemma(verb)} {link.lower_} {word}", f"{lemma(verb)} {link.lower_}",
            f"{link.lower_} {word}", f"{link.lower_} {modifier}{word}")
    compounds = [f"{lemma(verb)} {m.lower_} {lemma(link)}" for m in link.children
                 if link.dep_ == "dobj" and m.dep_ == "compound"]
    return [key.strip() for key in keys] + compounds


def _complement_kind(verb: Token) -> str | None:
    """Adjective complements: "shot dead", "left 12 missing", "were found dead"."""
    lex = lexicon()
    for child in verb.children:
        if child.dep_ in COMPLEMENT_DEPS and lex.kind("adjectives", child.lower_):
            return lex.kind("adjectives", child.lower_)
    return None


def _among_kind(prep: Token) -> str | None:
    """ "were among the dead", "among those killed"."""
    lex = lexicon()
    for obj in prep.children:
        if obj.dep_ != "pobj":
            continue
        found = lex.kind("adjectives", obj.lower_) or lex.kind("nouns", lemma(obj))
        if found:
            return found
        for modifier in obj.children:
            if modifier.dep_ in ("acl", "relcl", "amod"):
                kind = predicate_kind(modifier)
                if kind:
                    return kind
    return None


def _light_verb_kind(verb: Token) -> str | None:
    """Light verbs whose complement carries the harm: "is dead", "suffered wounds"."""
    lex = lexicon()
    word = lemma(verb)
    if not lex.has("light_verbs", word):
        return None
    for child in verb.children:
        if child.dep_ in ("attr", "ccomp", "dobj") and lex.kind("adjectives", child.lower_):
            return lex.kind("adjectives", child.lower_)
        if child.dep_ in ("dobj", "attr") and lex.has("suffer_verbs", word) and \
                lex.kind("nouns", lemma(child)):
            return lex.kind("nouns", lemma(child))
        if child.dep_ == "prep" and child.lower_ == "among":
            kind = _among_kind(child)
            if kind:
                return kind
        if child.dep_ == "prep" and (status_phrase(child) or _as_kind(child)):
            return status_phrase(child) or _as_kind(child)
    return None


def _as_kind(prep: Token) -> str | None:
    """ "listed as missing", "declared as dead": the harm word after "as"."""
    if prep.lower_ != "as":
        return None
    lex = lexicon()
    return next((lex.kind("adjectives", o.lower_) for o in prep.children
                 if o.dep_ in ("pobj", "pcomp", "amod", "acomp") and
                 lex.kind("adjectives", o.lower_)), None)


def status_phrase(prep: Token) -> str | None:
    """ "in custody", "behind bars", "in captivity", "in hospital": a place that says what
    happened to the people in it (after "be", "remain", or a bare number)."""
    lex = lexicon()
    for obj in (o for o in prep.children if o.dep_ == "pobj"):
        keys = [f"{prep.lower_} {lemma(obj)}"] + [f"{prep.lower_} {m.lower_} {lemma(obj)}"
                                                  for m in obj.children if m.dep_ == "amod"]
        kind = next((lex.kind("status_phrases", k) for k in keys
                     if lex.kind("status_phrases", k)), None)
        if kind:
            return kind
    return None


def _fatal_kind(verb: Token) -> str | None:
    """ "fatally shot", "mortally wounded": the adverb makes any harm verb a killing."""
    if any(c.dep_ == "advmod" and lexicon().has("fatal_adverbs", c.lower_)
           for c in verb.children):
        return "killed"
    return None


def _forced(token: Token) -> bool:
    """ "forcibly returned", "forced returns": a relocation people did not choose."""
    lex = lexicon()
    return lex.has("relocation_words", lemma(token)) and any(
        c.dep_ in ("advmod", "amod") and lex.has("forced_modifiers", c.lower_)
        for c in token.children)


def forced_kind(token: Token) -> str | None:
    """Displacement stated by a forced relocation verb or noun."""
    return "displaced" if _forced(token) else None


def _release_kind(verb: Token) -> str | None:
    """ "released from custody", "freed from captivity": a release from a place of captivity
    says the people were held there; "survived with minor injuries": they were hurt."""
    if not lexicon().has("release_verbs", lemma(verb)):
        return None
    keys = [f"{'in' if p.lower_ == 'from' else p.lower_} {lemma(o)}" for p in verb.children
            if p.dep_ == "prep" and p.lower_ in ("from", "with")
            for o in p.children if o.dep_ == "pobj"]
    return next((lexicon().kind("status_phrases", k) for k in keys
                 if lexicon().kind("status_phrases", k)), None)


def _verb_kind(verb: Token) -> str | None:
    return (_release_kind(verb) or _fatal_kind(verb) or forced_kind(verb) or _phrase_kind(verb)
            or lexicon().kind("verbs", lemma(verb)) or _complement_kind(verb)
            or _light_verb_kind(verb))


def _disjunction(verb: Token, kind: str) -> str:
    """ "killed or wounded", "killed or captured": a count that mixes kinds."""
    others = []
    if verb.dep_ == "conj" and _has_or(verb.head):
        others.append(verb.head)
    if _has_or(verb):
        others += [c for c in verb.children if c.dep_ == "conj"]
    for other in others:
        other_kind = _verb_kind(other) or weak_kind(other)
        if other_kind and other_kind != kind:
            return MIXED
    return kind


def _has_or(verb: Token) -> bool:
    return any(c.dep_ == "cc" and c.lower_ == "or" for c in verb.children)


def predicate_kind(token: Token) -> str | None:
    """Kind from a verb or adjective ("killed", "dead", "forced from") and its complements."""
    if _is_verb(token):
        kind = _verb_kind(token) or (lexicon().kind("adjectives", token.lower_)
                                     if token.tag_ == "VBN" else None)
        return _disjunction(token, kind) if kind else None
    if token.pos_ == "ADJ":
        return lexicon().kind("adjectives", token.lower_)
    return None


def weak_kind(token: Token) -> str | None:
    """Verbs that mean harm only in some uses: "held (hostage)", "taken captive"."""
    lex = lexicon()
    word = lemma(token)
    if lex.kind("weak_verbs", word) is None or token.pos_ != "VERB":
        return None
    complements = [lex.kind("captivity_complements", c.lower_) for c in token.children]
    captive = next((c for c in complements if c), None)
    if captive:
        return captive
    if word == "hold" and _held_in_custody(token):
        return "detained"
    if word == "take" and _captor_taking(token):
        return "hostages"
    if word == "take" or (word == "hold" and token.tag_ != "VBN") or _other_phrasal(token):
        return None
    return lex.kind("weak_verbs", word)


def _held_in_custody(verb: Token) -> bool:
    """ "held behind bars", "held in a detention center", "held in a state prison": a
    holding in a place of custody is a detention, not a hostage-taking."""
    lex = lexicon()
    return any(lex.has("held_places", p.lower_) and lex.has("custody_places", lemma(w))
               for p in verb.children if p.dep_ == "prep"
               for o in p.children if o.dep_ == "pobj"
               for w in [o, *(c for c in o.children if c.dep_ == "compound")])


def _captor_taking(verb: Token) -> bool:
    """ "gunmen took 20 boys from the school": people taken by armed men, an abduction (not
    "the boys took the bus", "rebels took the town")."""
    lex = lexicon()
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    captor = any(lex.has("captor_nouns", lemma(s)) or
                 any(a.dep_ == "amod" and a.lower_ == "armed" for a in s.children)
                 for s in subjects)
    return captor and any(lex.is_person(o) or o.like_num for o in objects)


def _other_phrasal(verb: Token) -> bool:
    """ "held up photographs", "seized on the remark": a particle makes another verb, unless
    the phrase is itself listed ("round up")."""
    return any(c.dep_ == "prt" and not lexicon().kind("phrases", f"{lemma(verb)} {c.lower_}")
               for c in verb.children)


def clause_kind(verb: Token) -> str | None:
    """The kind a clause's verb states, strong or weak ("killed or captured": mixed)."""
    kind = predicate_kind(verb)
    if kind:
        return kind
    weak = weak_kind(verb)
    return _disjunction(verb, weak) if weak else None


def _has_modal(verb: Token) -> bool:
    """ "could kill", "will displace"; also a conjunct with no auxiliary of its own after a
    modal verb ("could empty the south and displace thousands")."""
    auxiliaries = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if not auxiliaries and verb.dep_ == "conj" and verb.head.i != verb.i and \
            _is_verb(verb.head):
        auxiliaries = [c for c in verb.head.children if c.dep_ in ("aux", "auxpass")]
    return any(a.tag_ == "MD" for a in auxiliaries) and (
        not any(lemma(a) == "have" for a in auxiliaries) or _personal_doubt(verb))


def _personal_doubt(verb: Token) -> bool:
    """ "I may have murdered her", "he might have hit someone": a modal perfect about what a
    person may have done is doubt, not a report ("the strikes may have killed 300" is an
    estimate)."""
    return any(c.dep_ in ("nsubj", "nsubjpass") and
               lexicon().has("personal_subjects", c.lower_) for c in verb.children)


def _negated(verb: Token) -> bool:
    return any(c.dep_ == "neg" for c in verb.children)


def _conditional(verb: Token) -> bool:
    """ "if 500 die", "whenever..."; "when a citizen is missing, ..." in the present: a
    general case, not an event."""
    lex = lexicon()
    if verb.dep_ == "advcl" and lex.has("condition_heads", verb.head.lower_):
        return True
    if verb.dep_ == "conj" and verb.head.i != verb.i and _conditional(verb.head):
        return True
    return any(c.dep_ in ("mark", "advmod") and (
        lex.has("irrealis_governors", c.lower_) or
        lex.has("generic_marks", c.lower_) and _present(verb)) for c in verb.children)


def _present(verb: Token) -> bool:
    """A verb in the simple present ("is", "dies", "are killed")."""
    return verb.tag_ in ("VBZ", "VBP") or any(
        c.dep_ in ("aux", "auxpass") and c.tag_ in ("VBZ", "VBP") for c in verb.children)


def _disease(predicate: Token) -> bool:
    """ "malaria killed 608,000 people", "died of cancer", "hospitalized with kidney failure",
    "in hospital for a check-up": harm by disease or care with no incident."""
    lex = lexicon()
    causes = _subjects(predicate) + [
        o for p in predicate.children
        if p.dep_ == "prep" and p.lower_ in ("of", "from", "with", "for")
        for o in p.children if o.dep_ == "pobj"]
    return any(lex.has("disease_nouns", lemma(c)) or
               lex.has("disease_nouns", f"{c.doc[c.i - 1].lower_} {lemma(c)}") or
               lex.has("disease_nouns", _hyphened(c)) for c in causes)


def _hyphened(word: Token) -> str:
    """ "check-up" split by the tokenizer into "check", "-", "up": the whole word."""
    doc = word.doc
    if word.i < 2 or doc[word.i - 1].text != "-":
        return word.lower_
    return f"{doc[word.i - 2].lower_}-{word.lower_}"


def _prevented(verb: Token) -> bool:
    """ "blocked the state from executing an inmate", "kept them from being deported": the
    harm a prevention verb stopped did not happen."""
    prep = verb.head
    return verb.dep_ == "pcomp" and prep.lower_ == "from" and \
        lexicon().has("prevention_verbs", lemma(prep.head))


def _subjects(verb: Token) -> list[Token]:
    """The active subjects of a verb, or, for a conjunct with none of its own, its head's
    ("malaria is curable but still killed 608,000")."""
    own = [c for c in verb.children if c.dep_ == "nsubj"]
    if own or verb.dep_ != "conj" or verb.head.i == verb.i:
        return own
    return [c for c in verb.head.children if c.dep_ == "nsubj"]


def _clause_verb(noun: Token) -> Token | None:
    """The verb a harm noun is an argument of: "cause the deaths", "result in deaths"."""
    head = noun.head
    if noun.dep_ == "pobj" and head.dep_ == "prep":
        head = head.head
    elif noun.dep_ not in ("dobj", "nsubj", "nsubjpass", "attr"):
        return None
    return head if head.pos_ in ("VERB", "AUX") else None


def _irrealis_noun(noun: Token) -> bool:
    """A harm noun in a generic or conditional clause ("when it involves the death of a
    citizen"), planned or expected ("the arrest of a suspect is expected") or caused only
    hypothetically ("could cause the deaths of 10,000"); a clause that presupposes the harm
    ("could investigate the deaths") blocks nothing."""
    verb = _clause_verb(noun) if noun.pos_ == "NOUN" else None
    if verb is None:
        return False
    return _conditional(verb) or lexicon().has("irrealis_governors", lemma(verb)) or \
        lexicon().has("causation_verbs", lemma(verb)) and is_irrealis(verb)


def _purpose(verb: Token) -> bool:
    """ "police moved in to arrest the owner", "troops were sent in to evacuate 500": an
    infinitive of purpose states an aim (not a release, whose hostages are held, nor a
    discovery: "arrived to find 12 bodies")."""
    lex = lexicon()
    word = lemma(verb)
    harm = lex.kind("verbs", word) or lex.kind("weak_verbs", word)
    aim = verb.dep_ == "advcl" or verb.dep_ == "xcomp" and _impersonal_passive(verb.head)
    return bool(harm) and aim and verb.tag_ == "VB" and \
        not lex.has("release_verbs", word) and not lex.has("body_verbs", word) and \
        any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _impersonal_passive(verb: Token) -> bool:
    """ "raids were conducted to arrest the owner": a passive verb whose subject is a thing
    (no person to be "forced to flee"), so an infinitive under it is a purpose."""
    subjects = [c for c in verb.children if c.dep_ == "nsubjpass"]
    return bool(subjects) and all(s.pos_ == "NOUN" and not lexicon().is_person(s)
                                  and not any(c.dep_ == "nummod" for c in s.children)
                                  for s in subjects)


def is_irrealis(predicate: Token) -> bool:
    """Negated, hypothetical, future or intended: "could kill", "plans to evacuate"."""
    lex = lexicon()
    node = predicate
    if _irrealis_noun(predicate) or _purpose(predicate):
        return True
    for _ in range(3):
        if _negated(node) or _has_modal(node) or _conditional(node) or _prevented(node):
            return True
        if node.dep_ != "xcomp" and (node.dep_ != "acl" or node.tag_ != "VB"):
            return False
        if lex.has("irrealis_governors", lemma(node.head)):
            return True
        node = node.head
    return False


def _legal_matter(predicate: Token) -> bool:
    """ "murder charges", "a murder trial": the harm word names a legal matter (also where the
    parser read "to murder charges" as a verb and its object)."""
    lex = lexicon()
    if predicate.dep_ == "compound" and lex.has("legal_nouns", lemma(predicate.head)):
        return True
    return predicate.pos_ == "VERB" and any(
        c.dep_ == "dobj" and lex.has("legal_nouns", lemma(c)) and not _counted_cases(c)
        and not _custodial(predicate, c) for c in predicate.children)


def _custodial(verb: Token, obj: Token) -> bool:
    """ "handed prison sentences", "given jail sentences": a legal noun whose compound and
    verb form a custody phrase is a jailing, not a mere legal matter."""
    lex = lexicon()
    return any(lex.kind("phrases", f"{lemma(verb)} {m.lower_} {lemma(obj)}") is not None
               for m in obj.children if m.dep_ == "compound")


def _counted_cases(noun: Token) -> bool:
    """ "reported 85 cases of injury", "recorded 1,468 cholera cases": a count of cases of
    something (a case noun counted needs no "of"), not a legal case."""
    return any(c.dep_ == "nummod" for c in noun.children) and (
        lexicon().has("case_nouns", lemma(noun)) or
        any(c.dep_ == "prep" and c.lower_ == "of" for c in noun.children))


def _recorded(predicate: Token) -> bool:
    """ "captured on video": a recording, not a capture."""
    return any(c.dep_ == "prep" and c.lower_ == "on" and any(
        o.dep_ == "pobj" and lexicon().has("recording_nouns", lemma(o)) for o in c.children)
        for c in predicate.children)


def is_blocked(predicate: Token | None) -> bool:
    """A predicate that makes no figure: irrealis, a release ("freed 33"), found alive, a
    harm noun naming a legal matter ("murder charges against a deputy")."""
    if predicate is None:
        return False
    lex = lexicon()
    if is_irrealis(predicate) or _mere_release(predicate) or _attempt(predicate) or \
            _escape(predicate):
        return True
    if _legal_matter(predicate) or _recorded(predicate) or _disease(predicate):
        return True
    return lemma(predicate) != "be" and any(
        c.dep_ in COMPLEMENT_DEPS and lex.has("safe_complements", c.lower_)
        for c in predicate.children)


def _flight(verb: Token) -> bool:
    """A verb whose subject leaves: "flee"."""
    return lexicon().kind("verbs", lemma(verb)) == "displaced" and \
        lexicon().has("subject_victim_verbs", lemma(verb))


def _fled_from(verb: Token) -> list[Token]:
    """What a verb of flight leaves: its object or the object of its preposition."""
    if not _flight(verb):
        return []
    return [c for c in verb.children if c.dep_ == "dobj"] + [
        o for p in verb.children if p.dep_ == "prep" for o in p.children if o.dep_ == "pobj"]


def _escape(predicate: Token) -> bool:
    """ "fled the scene", "fled on foot", "fled custody", "the two suspects fled": an escape,
    not a displacement (an offender fleeing is never one)."""
    lex = lexicon()
    return any(lex.has("escape_objects", lemma(o)) for o in _fled_from(predicate)) or \
        _flight(predicate) and any(c.dep_ == "nsubj" and lex.has("offender_nouns", lemma(c))
                                   for c in predicate.children)


def fled_home(predicate: Token) -> bool:
    """ "fled her village", "fled the fighting": a flight that displaced the one who fled
    (what a single person's flight must say to be a displacement: "the suspect fled" is
    not)."""
    return not _flight(predicate) or \
        any(lexicon().has("flight_places", lemma(o)) for o in _fled_from(predicate))


def _mere_release(predicate: Token) -> bool:
    """ "freed 33", "rescued 20": a release, not one from a place of captivity ("released
    from custody") nor a forced one ("forcibly returned")."""
    return lexicon().has("release_verbs", lemma(predicate)) and not _forced(predicate) and \
        not _release_kind(predicate)


def _attempt(predicate: Token) -> bool:
    """ "the attempted assassination", "the planned execution", "nearly killed"."""
    return any(c.dep_ == "amod" and lexicon().has("attempt_modifiers", c.lower_)
               for c in predicate.children) or _near_miss(predicate)


def _near_miss(predicate: Token) -> bool:
    """ "was nearly killed", "almost drowned": an adverb before the verb says the harm did not
    happen ("nearly 40 were killed" is a hedge on the number, not on the verb)."""
    doc = predicate.doc
    return any(c.dep_ == "advmod" and lexicon().has("near_miss_adverbs", c.lower_) and
               c.i < predicate.i and not doc[c.i + 1].like_num for c in predicate.children)


def only_released(predicate: Token | None) -> bool:
    """ "troops rescued four hostages": a release, and nothing else, blocks the predicate;
    the people it frees were held, so a captivity noun still counts them."""
    if predicate is None or is_irrealis(predicate):
        return False
    lex = lexicon()
    return lex.has("release_verbs", lemma(predicate)) and not _forced(predicate)


def toll_kind(token: Token) -> str | None:
    """The kind a toll counts ("death toll" → killed, "the number of injured" → injured)."""
    lex = lexicon()
    word = lemma(token)
    if _counted_tally(token):
        return None
    if lex.kind("toll_nouns", word):
        words = " ".join(c.lower_ for c in token.children
                         if c.dep_ in ("compound", "amod", "nmod"))
        found = [kind for stem, kind in lex.maps["toll_modifiers"].items() if stem in words]
        return found[0] if found else lex.kind("toll_nouns", word)
    if lex.has("tally_nouns", word):
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                for obj in child.children:
                    if obj.dep_ == "pobj":
                        return lex.kind("adjectives", obj.lower_) or \
                            lex.kind("nouns", lemma(obj))
    return None


def _counted_tally(token: Token) -> bool:
    """ "three counts of murder", "two tallies": a plural tally noun that is itself counted."""
    return token.tag_ == "NNS" and any(c.dep_ == "nummod" for c in token.children)


def is_tally(token: Token) -> bool:
    """A toll or tally noun ("toll", "total", "number"); not one that is itself counted
    ("three counts of murder")."""
    lex = lexicon()
    if _counted_tally(token):
        return False
    return bool(lex.kind("toll_nouns", lemma(token))) or lex.has("tally_nouns", lemma(token))


def _subject_toll(verb: Token) -> Governed | None:
    """ "the death toll rose to 31,184", "casualties reached 1,200": the subject's kind."""
    lex = lexicon()
    for child in verb.children:
        if child.dep_ not in ("nsubj", "nsubjpass", "dobj"):
            continue
        kind = _tally_kind(child)
        if kind:
            return Governed([kind], verb, total=True)
        if is_tally(child):
            return Governed([], verb, total=True)
        own_number = any(c.like_num for c in child.children)
        if child.dep_ == "nsubj" and lex.kind("nouns", lemma(child)) and not own_number:
            return Governed([lex.kind("nouns", lemma(child)) or ""], verb,
                            total=has_tally_modifier(child))
    return None


def has_tally_modifier(noun: Token) -> bool:
    """ "Total fatalities", "total confirmed fatalities": a noun marked as a total by a word
    of its own phrase."""
    return any(c.dep_ in ("amod", "compound") and is_tally(c) for c in noun.children) or \
        any(is_tally(t) and t.pos_ == "ADJ" for t in noun.doc[noun.left_edge.i: noun.i])


def verified(noun: Token) -> bool:
    """Whether a noun that counts only in some uses ("bodies", "lives") is governed by harm
    or by a recovery verb ("retrieved 26 bodies")."""
    governed = governing(noun)
    if governed.kinds:
        return True
    predicate = governed.predicate
    lex = lexicon()
    return predicate is not None and lex.has("body_verbs", lemma(predicate)) or any(
        c.dep_ == "acl" and lex.has("body_verbs", lemma(c)) for c in noun.children)


def _nominal_kind(noun: Token) -> str | None:
    """The kind of a harm noun, or of a harm noun coordinated with it ("the kidnap, rape and
    murder of a woman")."""
    if noun.pos_ != "NOUN":
        return None
    lex = lexicon()
    coordinated = [noun] + [c for c in noun.children if c.dep_ == "conj"] + \
        ([noun.head] if noun.dep_ == "conj" else [])
    kinds = [lex.kind("nouns", lemma(t)) for t in coordinated if t.pos_ == "NOUN"]
    return next((k for k in kinds if k), None)


def _member_set_kind(one: Token) -> Governed:
    """ "one of 12 people detained": the participle the parser hung on "one" defines the set."""
    participle = next((c for c in one.children if c.dep_ in ("acl", "relcl")), None)
    kind = predicate_kind(participle) if participle is not None else None
    if participle is None or not kind or is_blocked(participle):
        return NONE
    return Governed([kind], participle)


def _counted(obj: Token) -> bool:
    """ "four instructors", "30": a number or a noun with a number."""
    return obj.like_num or any(c.dep_ == "nummod" for c in obj.children)


def _act_kind(noun: Token) -> str | None:
    """ "the stabbing of four instructors" (injured), "the fatal shooting of two people"
    (killed): a noun naming a harmful act, read only with the "of" of counted victims (the
    shooting of "a president" is an event, not a count) or with a fatal act's."""
    lex = lexicon()
    kind = lex.kind("of_nouns", lemma(noun)) if noun.pos_ == "NOUN" else None
    if kind and any(c.dep_ == "amod" and lex.has("fatal_modifiers", c.lower_)
                    for c in noun.children):
        return "killed"
    return kind


def _fatal_act(noun: Token) -> bool:
    """ "the fatal shooting of a cinematographer": a harmful act said to have killed is a
    killing whoever its object is."""
    return noun.pos_ == "NOUN" and bool(lexicon().kind("of_nouns", lemma(noun))) and any(
        c.dep_ == "amod" and lexicon().has("fatal_modifiers", c.lower_) for c in noun.children)


def _act_of_agent(governor: Token) -> Token:
    """ "the kidnapping by the group of 276 girls": the act an agent's "of" belongs to."""
    if governor.dep_ == "pobj" and governor.head.lower_ == "by" and \
            governor.head.head.pos_ == "NOUN":
        return governor.head.head
    return governor


def _of_kind(governor: Token, obj: Token) -> Governed | None:
    """ "the deaths of 3", "the bodies of three hostages", "the wounding of 12" (also "the
    kidnapping by the group of 276 girls", parsed with "of" on the agent)."""
    lex = lexicon()
    governor = _act_of_agent(governor)
    word = lemma(governor)
    if governor.pos_ == "VERB":
        return NONE
    if governor.like_num or governor.pos_ == "NUM":
        return _member_set_kind(governor)
    kind = _nominal_kind(governor) or (_act_kind(governor) if _counted(obj) or
                                       _fatal_act(governor) else None)
    if not kind or lex.has("status_nouns", word) and not lex.kind("of_nouns", word):
        return None
    if lex.has("verification_nouns", word) and not lex.kind("of_nouns", word) and \
            not verified(governor):
        return NONE
    return Governed([kind], governor)


def _toll_target(governor: Token, preposition: str) -> Governed | None:
    """ "a toll of 23", "the toll rose to 31,184", "has risen above 38,000" (also where the
    parser made the clause's head an adjective, "bringing the toll in the offensive to 326",
    or hung the target on a clause inside: "bringing the total since the war began to N",
    "bringing the number of troops killed in the war to N")."""
    if toll_kind(governor) and lexicon().kind("toll_nouns", lemma(governor)):
        return Governed([toll_kind(governor) or ""], governor, total=True)
    if lexicon().has("toll_target_prepositions", preposition) and \
            (_is_verb(governor) or governor.pos_ == "ADJ"):
        toll = _subject_toll(governor)
        if toll is None and governor.dep_ == "advcl":
            toll = _clause_tally(governor.head)
        return toll if toll is not None else object_tally(governor)
    return None


def object_tally(node: Token) -> Governed | None:
    """The tally a "to N" hung on a clause under it belongs to, the object of a verb that
    moves a tally ("bringing the number of troops killed in the war to 140"): N has the
    tally's kind (data: toll_raising_verbs)."""
    for _ in range(6):
        if node.head.i == node.i:
            return None
        if is_tally(node) and node.dep_ == "dobj" and \
                lexicon().has("toll_raising_verbs", lemma(node.head)):
            kind = _tally_kind(node)
            return Governed([kind], node, total=True) if kind else None
        node = node.head
    return None


def _clause_tally(node: Token) -> Governed | None:
    """The toll a "to N" hung on a clause inside it belongs to: "bringing the number of troops
    killed since the offensive began to 330"."""
    if _is_verb(node):
        toll = _subject_toll(node)
        if toll is not None:
            return toll
    tally = _tally_above(node)
    kind = _tally_kind(tally) if tally is not None else None
    return Governed([kind], tally, total=True) if kind and tally is not None else None


def _tally_kind(tally: Token) -> str | None:
    """A tally's kind, also one stated by a clause on its counted people ("the number of
    people displaced"), or, as parsed, on the tally itself."""
    kind = toll_kind(tally)
    if kind or not is_tally(tally):
        return kind
    objects = [o for p in tally.children if p.dep_ == "prep" and p.lower_ == "of"
               for o in p.children if o.dep_ == "pobj"]
    if not objects:
        return None
    lex = lexicon()
    return _clauses_kind([objects[0], tally]) or lex.kind("nouns", lemma(objects[0])) or \
        lex.kind("adjectives", objects[0].lower_)


def inverted_tally_kind(noun: Token) -> str | None:
    """ "brought to at least five the number of dead": a number the parser hung on a definite
    tally ("the number of people killed") is the tally's value."""
    definite = any(c.dep_ == "det" and c.lower_ == "the" for c in noun.children)
    return _tally_kind(noun) if definite and lexicon().has("tally_nouns", lemma(noun)) else None


def _clauses_kind(nouns: list[Token]) -> str | None:
    """The first kind the relative or participial clauses of ``nouns`` state."""
    clauses = [c for t in nouns for c in t.children if c.dep_ in ("acl", "relcl")]
    kinds = [clause_kind(c) for c in clauses if not is_blocked(c)]
    return next((k for k in kinds if k), None)


def _in_change_pair(prep: Token) -> bool:
    """Whether ``prep`` is one end of a "from … to …" pair."""
    lex = lexicon()
    if prep.lower_ != "to" and not lex.has("change_prepositions", prep.lower_):
        return False
    pair = [prep.head, prep.head.head] + \
        [c for c in [*prep.head.children, *prep.children] if c.dep_ == "prep"] + \
        [c for o in prep.children for c in o.children if c.dep_ == "prep"]
    return any(c.lower_ == "to" or lex.has("change_prepositions", c.lower_)
               for c in pair if c.i != prep.i)


def _tally_above(node: Token) -> Token | None:
    """The tally noun a "from … to …" pair belongs to: an ancestor, or a verb's argument."""
    for _ in range(6):
        if is_tally(node):
            return node
        arguments = [c for c in node.children
                     if c.dep_ in ("nsubj", "nsubjpass", "dobj") and is_tally(c)]
        if arguments:
            return arguments[0]
        node = node.head
    return None


def _changed_tally(prep: Token) -> Governed | None:
    """ "raised the number of people displaced from 1.7 million to 1.9 million": the new
    value of a changing tally counts with the tally's kind; the old one is replaced."""
    if not _in_change_pair(prep):
        return None
    tally = _tally_above(prep.head)
    if tally is None:
        return None
    kind = _tally_kind(tally)
    if kind and (prep.lower_ == "to" or _grown_from(prep)):
        return Governed([kind], tally, total=True)
    return NONE


def _grown_from(prep: Token) -> bool:
    """ "increased the number displaced from 1.7 million to 1.9 million": the earlier value of
    a tally that grew was itself a count; a revised-down one ("from 45 to 38") was not."""
    if prep.lower_ != "from":
        return False
    pair = [prep.head] + list(prep.head.children) + list(prep.children) + \
        [c for o in prep.children for c in o.children]
    targets = [o for t in pair if t.dep_ == "prep" and t.lower_ == "to" for o in _numbers(t)]
    sources = _numbers(prep)
    if not targets or not sources:
        return False
    low, high = parse_number(_numeral(sources[0])), parse_number(_numeral(targets[0]))
    return low is not None and high is not None and low.value < high.value


def _numbers(prep: Token) -> list[Token]:
    """The number objects of a preposition."""
    return [o for o in prep.children if o.dep_ == "pobj" and o.like_num]


def _numeral(token: Token) -> str:
    """The text of a number with its scale words ("1.7 million")."""
    words = [c for c in token.children if c.dep_ in ("compound", "quantmod") and c.like_num]
    return " ".join(t.text for t in sorted([token, *words], key=lambda t: t.i))


def _is_along(prep: Token) -> bool:
    """ "along with", "together with", "alongside"."""
    lex = lexicon()
    return lex.has("along_prepositions", prep.lower_) or \
        prep.lower_ == "with" and lex.has("along_prepositions", prep.head.lower_)


def _along_kinds(target: Token) -> Governed:
    """ "executed the leader along with 2 others": the companions share the predicate."""
    if _is_verb(target):
        kind = clause_kind(target)
        return Governed([kind] if kind else [], target)
    return governing(target) if target.head.i != target.i else NONE


def _topic(obj: Token, prep: Token) -> Governed | None:
    """ "information about the shooter and his parents": the topic of a noun is no victim."""
    if lexicon().has("topic_prepositions", prep.lower_) and not (obj.like_num or
                                                                 obj.pos_ == "NUM"):
        return NONE
    return None


def _tally_or_topic(obj: Token, prep: Token) -> Governed | None:
    """A toll's or changing tally's count, or a topic (no victim); None otherwise."""
    return _toll_target(prep.head, prep.lower_) or _changed_tally(prep) or _topic(obj, prep)


def _prep_kinds(obj: Token, prep: Token) -> Governed | None:
    """Kinds for the object of a preposition, or None to keep walking up."""
    lex = lexicon()
    governor = prep.head
    word = prep.lower_
    if word == "of" and _not_counted_whole(governor):
        return NONE
    toll = _tally_or_topic(obj, prep) or _hedge_as_preposition(obj, prep) or \
        _injury_kinds(obj, prep)
    if toll:
        return toll
    if lex.has("change_prepositions", word) and any(
            c.dep_ == "prep" and c.lower_ == "to" for c in governor.children):
        return NONE
    if word == "of":
        return _of_kind(governor, obj)
    if word == "by" and predicate_kind(governor):
        return NONE
    if _is_along(prep):
        return _along_kinds(governor if word != "with" else governor.head)
    return _subset_kinds(prep)


def _injury_kinds(obj: Token, prep: Token) -> Governed | None:
    """ "injuries to two others": injured, governed by the injury noun."""
    injury = _injury_to(prep.head, obj) if prep.lower_ == "to" else None
    return Governed(["injured"], injury) if injury is not None else None


def _injury_to(governor: Token, obj: Token) -> Token | None:
    """ "severe injuries to two others", "caused injuries to 14 people" (the "to" hung on the
    verb, or on a harm noun before it: "the death of one and injuries to two"): the nearest
    harm noun before "to" is an injury and "to" names counted people (not "to two ribs") or
    one person ("an injury to the former president")."""
    lex = lexicon()
    people = obj.like_num or lex.is_person(obj)
    if not (_counted(obj) and people or obj.tag_ == "NN" and lex.is_person(obj)):
        return None
    if governor.pos_ != "NOUN" and not _is_verb(governor):
        return None
    harms = [t for t in governor.subtree if governor.i <= t.i < obj.head.i and
             t.pos_ == "NOUN" and lex.kind("nouns", lemma(t))]
    nearest = max(harms, key=lambda t: t.i, default=None)
    return nearest if nearest is not None and \
        lex.kind("nouns", lemma(nearest)) == "injured" else None


def _subset_kinds(prep: Token) -> Governed | None:
    """ "were among the dead", "were killed, including 12 women": a predicate's subset
    preposition (also hung on a clause inside the predicate's: "have been detained since the
    war began, including 300 children")."""
    governor = prep.head
    if not lexicon().has("subset_prepositions", prep.lower_) or \
            governor.pos_ not in ("VERB", "ADJ", "AUX"):
        return None
    kind = predicate_kind(governor)
    if not kind and governor.dep_ == "advcl" and _is_verb(governor.head):
        governor = governor.head
        kind = predicate_kind(governor)
    return Governed([kind] if kind else [], governor)


def _hedge_as_preposition(obj: Token, prep: Token) -> Governed | None:
    """ "injured over 1,000" parsed with "over" a preposition of the verb: the number right
    after it is the verb's object."""
    verb = prep.head
    if not obj.like_num or prep.i != obj.i - 1 or not _is_verb(verb) or \
            not lexicon().has("hedge_prepositions", prep.lower_):
        return None
    kind = clause_kind(verb)
    return Governed([kind], verb) if kind and not is_blocked(verb) else None


def _not_counted_whole(governor: Token) -> bool:
    """ "none of the 40 passengers", "90% of the 2.2 million people": the count after "of" is
    a whole of which none or only a share was harmed."""
    lex = lexicon()
    return lex.has("negators", governor.lower_) or lex.has("fraction_words", governor.lower_)


def _elided_passive(verb: Token) -> bool:
    """ "300 were killed and 40 others kidnapped": a conjunct with no object and no auxiliary
    of its own after a passive verb is passive too (its "were" is elided)."""
    return verb.dep_ == "conj" and verb.tag_ in ("VBD", "VBN", "VBP") and \
        any(c.dep_ == "auxpass" for c in verb.head.children) and \
        not any(c.dep_ in ("dobj", "aux", "auxpass") for c in verb.children)


def is_agent(current: Token, head: Token) -> bool:
    """ "Rockets killed 12", "she captured video": the subject of an active harm verb (a weak
    one when it has an object) is the agent, not the victim."""
    lex = lexicon()
    harm = bool(lex.kind("verbs", lemma(head)) or lex.kind("person_verbs", lemma(head))) or \
        bool(lex.kind("weak_verbs", lemma(head)) or lex.has("impact_verbs", lemma(head))) \
        and any(c.dep_ == "dobj" for c in head.children)
    return current.dep_ == "nsubj" and head.pos_ == "VERB" and harm and \
        not lex.has("subject_victim_verbs", lemma(head)) and _active(head) and \
        not _elided_passive(head) and not _undergoer_phrase(head)


def _undergoer_phrase(verb: Token) -> bool:
    """ "took refuge": a verb and object whose subject is the one displaced."""
    return any(c.dep_ == "dobj" and lexicon().has("undergoer_phrases",
                                                   f"{lemma(verb)} {c.lower_}")
               for c in verb.children)


def _active(verb: Token) -> bool:
    """Not a bare past participle: "killed", "kills", or a perfect ("had stabbed"); a verb
    hung on a noun with no object of its own is a participle whatever its tag ("Halvorsen
    – the man shot and killed at the fair")."""
    if verb.dep_ == "acl" and not any(c.dep_ == "dobj" for c in verb.children):
        return False
    return verb.tag_ != "VBN" or any(c.dep_ == "aux" and lemma(c) == "have"
                                     for c in verb.children)


def shared_subject_kinds(verb: Token) -> list[str]:
    """Kinds of verbs coordinated with ``verb`` (or, as parsed, with its complement: "taken
    captive and executed") that share its subject: "were identified and were killed", "were
    taken hostage and murdered"; not one negated or hypothetical of its own ("was loved and
    will be missed", "was hurt but not killed")."""
    kinds: list[str] = []
    if _has_or(verb):
        return kinds
    complements = [c for c in verb.children if c.dep_ in COMPLEMENT_DEPS]
    for child in (c for h in [verb, *complements] for c in h.children):
        if _sharing_conjunct(child) and not is_irrealis(child):
            kind = clause_kind(child)
            kinds += [kind] if kind else shared_subject_kinds(child)
    return kinds


def unblocked_conjunct_kind(verb: Token | None) -> str | None:
    """ "have never been found and are presumed dead", "were rescued and taken to hospital":
    the kind of a verb coordinated with a blocked one, sharing its subject and not blocked
    itself."""
    if verb is None or _has_or(verb):
        return None
    kinds = [clause_kind(c) for c in verb.children if _sharing_conjunct(c) and not is_blocked(c)]
    return next((k for k in kinds if k), None)


def _sharing_conjunct(child: Token) -> bool:
    """A verb coordinated with its head that has no subject or object of its own (so shares
    the head's subject): "were tried and (were) convicted and sent to prison"."""
    return child.dep_ == "conj" and child.pos_ in ("VERB", "AUX") and not any(
        c.dep_ in ("nsubj", "nsubjpass", "dobj", "dep", "npadvmod") or
        c.lower_ in ("another", "others") or
        c.i < child.i and lexicon().has("vague_scale_modifiers", c.lower_)
        for c in child.children)


def _lost_in_event(current: Token, head: Token) -> bool:
    """ "lost two of her pupils in the disaster", "lost 14 men in the attack": people lost in
    a deadly event (not "lost 12 seats in the election")."""
    lex = lexicon()
    if lemma(head) != "lose" or current.dep_ != "dobj":
        return False
    people = lex.is_person(current) or current.like_num and any(
        lex.is_person(o) for o in _objects(current, ("of",)))
    return people and any(lex.has("event_subjects", lemma(o)) or
                          lex.has("disaster_nouns", lemma(o))
                          for o in _objects(head, ("in", "to")))


def _objects(token: Token, prepositions: tuple[str, ...]) -> list[Token]:
    """The objects of ``token``'s prepositions among ``prepositions``."""
    return [o for p in token.children if p.dep_ == "prep" and p.lower_ in prepositions
            for o in p.children if o.dep_ == "pobj"]


def _argument_kinds(current: Token, head: Token) -> Governed:
    """Kinds for a subject, object or attribute of ``head``."""
    lex = lexicon()
    if lemma(current) == "life" and lex.has("life_verbs", lemma(head)) or \
            _lost_in_event(current, head):
        return Governed(["killed"], head)
    if is_agent(current, head) or (current.dep_ == "dobj" and
                                  lex.has("subject_victim_verbs", lemma(head))):
        return Governed([], head)
    kind = clause_kind(head)
    if not kind and current.dep_ in ("dobj", "attr", "oprd"):
        toll = _subject_toll(head)
        if toll:
            return toll
    return Governed(harm_first(list(dict.fromkeys(_other_kinds(current, head, kind)))), head)


def _other_kinds(current: Token, head: Token, kind: str | None) -> list[str]:
    """The kinds a subject or object has besides its verb's own: of the verbs coordinated
    with it or the infinitive it controls, of the harm set a subset verb's subject is, or of a
    verb that is harm only to a person."""
    kinds = [kind] if kind else []
    if current.dep_ in ("nsubjpass", "nsubj"):
        kinds += shared_subject_kinds(head) + _controlled_kinds(head)
    if not kinds and current.dep_ == "dobj" and lexicon().has("subset_verbs", lemma(head)):
        kinds = [k for k in [_uncounted_set_kind(head)] if k]
    if not kinds and _undergoer(current) and _person(current):
        kind = person_verb_kind(head) or (person_harm(head) if current.dep_ == "nsubjpass"
                                          else None)
        kinds = [kind] if kind else []
    return kinds


def person_harm(verb: Token) -> str | None:
    """The kind a verb that harms only a person states, itself or through a verb coordinated
    with it that shares its subject ("was tied up and shot")."""
    verbs = [verb] + [c for c in verb.children if _sharing_conjunct(c)]
    return next((k for v in verbs for k in [person_verb_kind(v)] if k), None)


def _uncounted_set_kind(verb: Token) -> str | None:
    """ "The dead included a baby and his mother", "Those wounded include 12 children": the
    kind of a harm set with no count of its own that includes the object (a counted set,
    "the 18 dead included ...", is read where its count is)."""
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not subjects or any(c.dep_ == "nummod" for c in subjects[0].children) or \
            lexicon().has("verification_nouns", lemma(subjects[0])):
        return None
    return _set_kind(subjects[0])


def _set_kind(noun: Token) -> str | None:
    """The kind a set is defined by: "the dead", "the casualties", "those wounded"."""
    lex = lexicon()
    kind = lex.kind("adjectives", noun.lower_) or (
        lex.kind("nouns", lemma(noun)) if noun.pos_ == "NOUN" else None)
    clauses = [c for c in noun.children if c.dep_ in ("acl", "relcl")]
    return kind or next((k for c in clauses for k in [predicate_kind(c)] if k), None)


def _controlled_kinds(verb: Token) -> list[str]:
    """ "had to die", "were forced to flee", "began to starve": the infinitive a verb's
    subject controls says what happened to it (not "plan to flee", "want to leave")."""
    lex = lexicon()
    if lex.has("irrealis_governors", lemma(verb)) or is_irrealis(verb):
        return []
    clauses = [c for c in verb.children if c.dep_ == "xcomp" and c.tag_ == "VB" and
               not is_blocked(c) and not any(s.dep_ == "nsubj" for s in c.children) and
               (lex.has("subject_victim_verbs", lemma(c)) or
                not any(o.dep_ == "dobj" for o in c.children))]
    return [k for c in clauses for k in [predicate_kind(c)] if k]


def _undergoer(current: Token) -> bool:
    """The one a verb does something to: its object or passive subject ("got hit": the
    subject of "get")."""
    return current.dep_ in ("dobj", "nsubjpass") or current.dep_ == "nsubj" and any(
        lemma(c) == "get" for c in current.head.children if c.dep_ in ("aux", "auxpass")) or \
        current.dep_ == "nsubj" and lemma(current.head) == "get"


def _person(token: Token) -> bool:
    """A person noun or a personal pronoun, or a number of persons ("one of my friends");
    not a bare number ("shot 3" says nothing)."""
    lex = lexicon()
    if token.like_num:
        return any(o.dep_ == "pobj" and lex.is_person(o) for p in token.children
                   if p.dep_ == "prep" and p.lower_ == "of" for o in p.children)
    return lex.is_person(token) or lex.has("victim_pronouns", token.lower_)


def person_verb_kind(verb: Token) -> str | None:
    """Harm verbs whose object must be a person ("shot a man", "grazed him"), and verbs of
    impact said of a person with a projectile or a body part ("was hit by a bullet", "struck
    her in the face"); never "shot at", "shot down", "shot a video"."""
    lex = lexicon()
    word = lemma(verb)
    if verb.pos_ != "VERB" or is_irrealis(verb):
        return None
    has_object = any(c.dep_ == "dobj" for c in verb.children)
    if any(c.dep_ in ("prt", "prep") and c.lower_ in ("down", "up") or
           c.dep_ == "prep" and c.lower_ == "at" and not has_object for c in verb.children):
        return None
    if lex.kind("person_verbs", word):
        return None if _photo_shoot(verb) else lex.kind("person_verbs", word)
    return "injured" if lex.has("impact_verbs", word) and _impact(verb) else None


def _photo_shoot(verb: Token) -> bool:
    """ "the photographer shot the president", "shot her for a magazine cover": shooting
    with a camera, said by its subject or by what it is for."""
    lex = lexicon()
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    heads = [verb] + [c for c in verb.children if c.dep_ == "dobj"]
    purposes = [o for h in heads for p in h.children if p.dep_ == "prep" and p.lower_ == "for"
                for o in p.children if o.dep_ == "pobj"]
    return any(lex.has("camera_operators", lemma(s)) for s in subjects) or any(
        lex.has("purpose_objects", lemma(o)) or o.ent_type_ in ("ORG", "WORK_OF_ART")
        for o in purposes)


def _impact(verb: Token) -> bool:
    """ "hit by a rubber bullet", "a stone struck her", "struck her once in the face"."""
    lex = lexicon()
    heads = [verb] + [c for c in verb.children if c.dep_ == "advmod"]
    objects = [o for h in heads for p in h.children if p.dep_ in ("prep", "agent")
               for o in p.children if o.dep_ == "pobj"]
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    return any(lex.has("projectile_nouns", lemma(o)) for o in objects + subjects) or \
        any(lex.has("body_parts", lemma(o)) and o.head.lower_ == "in" for o in objects)


def harm_first(kinds: list[str]) -> list[str]:
    """ "were taken hostage and murdered": a killing beats the statuses the same people had
    on the way (held, detained, missing, displaced); injuries stay their own kind."""
    if "killed" not in kinds:
        return kinds
    return [k for k in kinds if not lexicon().has("status_kinds", k)]


def _coordination_root(token: Token) -> Token:
    """The first member of a coordination or apposition chain ("9 Yemenis (a woman and 4
    children)": the children are governed where the Yemenis are)."""
    current = token
    for _ in range(3):
        if current.dep_ not in ("conj", "appos") or current.head.i == current.i:
            break
        if current.head.pos_ in ("VERB", "AUX") and current.pos_ in ("NUM", "NOUN", "PROPN") \
                and not any(c.dep_ in ("acl", "relcl") for c in current.children):
            return _object_before(current) or current
        current = current.head
    return current


def _object_before(token: Token) -> Token | None:
    """ "killed a commander and two of his aides" parsed with "two" coordinated with the
    verb: the verb's object before it is the member it is coordinated with (a member with a
    clause of its own, "and 12 others kidnapped", is governed by that clause)."""
    verb = token.head
    return next((c for c in verb.children if c.i < token.i and (
        c.dep_ in ("dobj", "nsubjpass") or c.dep_ == "nsubj" and not is_agent(c, verb))), None)


def governing(token: Token) -> Governed:
    """Walk up from a counted noun (or bare number) to the predicate that governs it."""
    current = _coordination_root(token)
    for _ in range(4):
        head = current.head
        if head.i == current.i:
            return NONE
        if current.dep_ == "pobj" and head.dep_ in ("prep", "agent"):
            found = _prep_kinds(current, head)
            if found is not None:
                return found
            current = _coordination_root(head.head) if head.head.pos_ in ("NOUN", "PROPN") \
                else head.head
            continue
        if current.dep_ in ARGUMENT_DEPS:
            return _argument_kinds(current, head)
        return NONE
    return NONE
