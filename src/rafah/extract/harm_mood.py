"""Harm mentions: hypothetical, future, negated and intended harm, which is no harm mention
("could kill", "nobody was hurt").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rafah.extract.casualty_lexicon import lexicon
from rafah.extract.harm_fates import _left_activity, _verb_trigger
from rafah.extract.harm_lexicon import harm_lexicon
from rafah.extract.harm_people import _SUBJECTS
from rafah.extract.harm_tokens import _children, _Harm, _is_verb, _lemma
from rafah.extract.harm_victim_nouns import _is_person
from rafah.extract.harm_voice import _passive, _reduced_relative, _subjects

if TYPE_CHECKING:
    from spacy.tokens import Token


def _unreal(harm: _Harm) -> bool:
    """Hypothetical, future or negated harm: "could kill", "threatened to kill", "if ...",
    "nobody was hurt", "no casualties", "the toll could rise" (a harm noun that is the subject
    of an unreal verb), "anyone convicted of kidnapping a child" (harm of anybody at all),
    proportions."""
    if _unreal_as_told(harm):
        return True
    current = _mood_start(harm.trigger)
    if _reduced_relative(current) is not None and not _existential(current):
        return any(_unreal_cue(child) for child in current.children)
    if _modal_subject(current):
        return True
    for _ in range(4):
        if any(_unreal_cue(child) for child in current.children) or \
                _generic_present(current, harm.victims):
            return True
        if current.head.i == current.i:
            return False
        if _unreal_governor(current):
            return True
        if not _shares_mood(current):
            return False
        current = current.head
    return False


def _longing(verb: Token) -> bool:
    """"Voters are dying to see change": a verb of dying in its progressive with an infinitive
    (data: longing_verbs) tells a wish, no death (not "died to save his comrades")."""
    return _lemma(verb) in harm_lexicon().longing and verb.tag_ == "VBG" and any(
        _children(c, "aux") and c.tag_ == "VB" for c in _children(verb, "xcomp", "advcl"))


def _unreal_as_told(harm: _Harm) -> bool:
    """Harm its own words or victims say is not done: denied, intended, of nobody, an escape,
    a proportion or a rate, of the person addressed, nearly done, asked for or a trend, asked
    or claimed with a present "do", a wish ("dying to see"), the object of a generic present
    ("when it involves the death of a citizen")."""
    trigger = harm.trigger
    return _denied(trigger) or _intended(trigger) or _no_victims(harm) or \
        _no_displacement(harm) or _proportion(harm) or _addressed(harm) or \
        _near_miss(trigger) or _unreal_noun(trigger) or _rate_phrase(trigger, harm.victims) or \
        _present_do(trigger) or _longing(trigger) or \
        (trigger.pos_ == "NOUN" and trigger.dep_ == "dobj" and
         _generic_present(trigger.head, harm.victims))


def _mood_start(trigger: Token) -> Token:
    """The word whose mood a harm word has: itself, or for a harm adjective modifying the
    object of a verb of leaving, that verb ("could leave 200,000 people homeless")."""
    noun = trigger.head
    if trigger.dep_ == "amod" and trigger.i > noun.i and noun.dep_ == "dobj" and \
            _lemma(noun.head) in harm_lexicon().leaving:
        return noun.head
    return trigger


def _shares_mood(clause: Token) -> bool:
    """Whether a clause shares the mood of the word it hangs on (a complement, a conjunct, a
    phrase, a bare participle clause, an infinitive after an adjective: "would make it easier
    to detain", a harm adjective that is the object of a verb of leaving: "could leave 900
    dead")."""
    return clause.dep_ in ("xcomp", "ccomp", "conj", "acomp", "oprd", "pobj", "prep", "pcomp") \
        or _bare_participle(clause) or (_infinitive(clause) and clause.head.pos_ == "ADJ") or \
        (clause.dep_ == "dobj" and clause.pos_ == "ADJ" and
         _lemma(clause.head) in harm_lexicon().leaving) or _borne(clause) or _existential(clause)


def _existential(clause: Token) -> bool:
    """"there haven't been any troops dying", "there could be hundreds killed": a participle
    of the noun an existential "there" introduces, and that noun, share the mood of "be"."""
    noun = clause.head if clause.dep_ == "acl" else clause
    return clause.dep_ in ("acl", "attr") and noun.dep_ == "attr" and \
        bool(_children(noun.head, "expl"))


def _borne(noun: Token) -> bool:
    """"will suffer burns", "could sustain injuries": a harm noun that is the object of a
    verb of bearing, whose mood it has."""
    return noun.dep_ == "dobj" and _lemma(noun.head) in harm_lexicon().bearing_verbs


def _bare_participle(clause: Token) -> bool:
    """"would not go around hurting people": a participle clause with no conjunction of its
    own, under the verb whose mood it shares."""
    return clause.dep_ == "advcl" and clause.tag_ == "VBG" and \
        not _children(clause, "mark", *_SUBJECTS)


def _modal_subject(noun: Token) -> bool:
    """A harm noun that is the subject of a verb with a modal auxiliary ("the toll could
    rise")."""
    modals = harm_lexicon().modals
    return noun.pos_ == "NOUN" and noun.dep_ in _SUBJECTS and any(
        c.dep_ in ("aux", "auxpass") and _plain(c) in modals for c in noun.head.children)


def _plain(word: Token) -> str:
    """A word in lower case with a typographic apostrophe made plain ("\u2019ll" → "'ll")."""
    return word.lower_.replace("\u2019", "'")


def _unreal_governor(clause: Token) -> bool:
    """A clause under a verb of intent ("threatened to kill", "was asked to kill"; not a
    passive verb of fear or belief that hedges a report: "are feared killed"), or describing
    anybody at all ("anyone convicted of kidnapping")."""
    lex = harm_lexicon()
    head = clause.head
    intent = _lemma(head) in lex.intent_verbs or _lemma(head) in lex.requests
    if intent and (clause.dep_ in ("xcomp", "ccomp") or _infinitive(clause) or
                   _bare_conjunct(clause)) and \
            not (_lemma(head) in lex.hedging and _children(head, "auxpass", "nsubjpass")):
        return True
    return (clause.dep_ in ("acl", "relcl") and head.lower_ in lex.generic_people) or \
        _improbable(clause) or _conditional_relative(clause) or _compared_odds(clause)


def _conditional_relative(clause: Token) -> bool:
    """"if the person who dies is the sole owner": a relative clause in the simple present of a
    noun in a condition is what would happen, no event."""
    governor = clause.head.head
    return clause.dep_ == "relcl" and _simple_present(clause) and any(
        c.dep_ == "mark" and c.lower_ in harm_lexicon().conditions for c in governor.children)


def _improbable(clause: Token) -> bool:
    """"civilians being killed in such a strike is unlikely", "it is rare that ...": a clause
    that is the subject or complement of a copula with a predicate of improbability (data:
    improbable_words)."""
    return clause.dep_ in ("csubj", "csubjpass", "ccomp") and _lemma(clause.head) == "be" and \
        any(c.lower_ in harm_lexicon().improbable for c in _children(clause.head, "acomp"))


def _bare_conjunct(clause: Token) -> bool:
    """"was planning to kill him and then kill himself": a bare infinitive the parse
    coordinated with the verb of intent rather than with its infinitive."""
    return clause.dep_ == "conj" and clause.tag_ == "VB" and bool(_children(clause.head, "xcomp"))


def _addressed(harm: _Harm) -> bool:
    """"I'll shoot you", "this can kill you": harm of the person addressed is a threat or a
    warning, no event (data: addressed_pronouns)."""
    addressed = harm_lexicon().addressed
    return bool(harm.victims) and all(v.lower_ in addressed for v in harm.victims)


def _near_miss(trigger: Token) -> bool:
    """"where he was nearly assassinated", "narrowly escaped being killed": a harm verb that an
    adverb before it says did not happen (data: near_miss_adverbs)."""
    return _is_verb(trigger) and any(c.i < trigger.i and c.lower_ in harm_lexicon().near_miss
                                     for c in _children(trigger, "advmod"))


def _simple_present(verb: Token) -> bool:
    """"dies", "hurt", "is wounded": a verb in the simple present, active or passive (not a
    perfect: "has been killed")."""
    if any(_lemma(a) == "have" for a in _children(verb, "aux")):
        return False
    return verb.tag_ in ("VBZ", "VBP") or (verb.tag_ == "VBN" and any(
        a.tag_ in ("VBZ", "VBP") for a in _children(verb, "auxpass")))


def _generic_present(verb: Token, victims: list[Token]) -> bool:
    """A harm told as what happens, not as an event: a present clause of a habit ("often hurt
    the people they mean to help"), of everybody ("hurts every farmer"), or of any time
    ("when a citizen is missing") (data: frequency_adverbs, universal_determiners,
    generic_marks)."""
    lex = harm_lexicon()
    if not _simple_present(verb):
        return False
    marks = {c.lower_ for c in _children(verb, "advmod", "mark")}
    every = any(c.dep_ == "det" and c.lower_ in lex.universal for v in victims
                for c in v.children) and not _passive(verb)
    return bool(marks & (lex.frequency | lex.generic_marks)) or every or \
        _rate_phrase(verb, [])


def _present_do(verb: Token) -> bool:
    """"how does the drought hurt farmers", "why do migrants die": a bare verb under a present
    "do" asks or claims what happens, no event (not the past "did")."""
    present = ("VBZ", "VBP")
    return verb.tag_ in ("VB", "VBP") and any(_lemma(a) == "do" and a.tag_ in present
                                              for a in _children(verb, "aux"))


def _rate_phrase(verb: Token, victims: list[Token]) -> bool:
    """"in the average year", "on average", "a typical week": a unit of time of an average,
    of the verb or its victims, which makes the harm a rate (data: average_words, the casualty
    lexicon's time_units; not "every year", which news tells of real deaths)."""
    units, averages = lexicon().sets["time_units"], harm_lexicon().averages
    times = [*(t for w in (verb, *victims) for t in _children(w, "npadvmod")),
             *(o for p in _children(verb, "prep") for o in p.children)]
    return any((_lemma(t) in units and any(c.lower_ in averages for c in t.children)) or
               (t.lower_ in averages and t.head.lower_ == "on") for t in times)


def _unreal_noun(noun: Token) -> bool:
    """A harm noun that tells of no harm done: wished or asked for ("called for the arrest
    of", "wished for his death"), denied ("no reports of injuries"), a rate ("30 deaths per
    100,000", "deaths for every 1,000 births") or a trend ("increases in deaths")."""
    if noun.pos_ != "NOUN" or noun.dep_ != "pobj":
        return False
    lex, prep = harm_lexicon(), noun.head
    governor = prep.head
    if prep.lower_ == "for" and (_lemma(governor) in lex.requests or
                                 _lemma(governor) in lex.intent_verbs):
        return True
    if prep.lower_ == "of" and any(c.dep_ == "det" and c.lower_ in lex.negations
                                   for c in governor.children):
        return True
    return prep.lower_ == "in" and _lemma(governor) in lex.trends and \
        not _children(noun, "nummod")


def _per_rate(noun: Token) -> bool:
    """"204 deaths for every 100,000 women", "30 injuries per 1,000 workers": a harm noun
    counted against a number of people is a rate, no count of victims."""
    rates, doc = harm_lexicon().rate_modifiers, noun.doc
    after = [t.lower_ for t in doc[noun.i + 1: noun.i + 3]]
    return noun.pos_ == "NOUN" and bool(after) and \
        (after[0] == "per" or (after[0] == "for" and len(after) > 1 and after[1] in rates))


def _compared_odds(clause: Token) -> bool:
    """"Men are four times more likely than women to die", "the young are less likely to be
    hurt": a harm infinitive under an adjective of likelihood that is compared, a statistic
    of risk, no event (not "are likely to have died": a hedged report)."""
    lex = harm_lexicon()
    head = clause.head
    return clause.dep_ in ("xcomp", "advcl", "prep") and _lemma(head) in lex.likelihood and \
        any(w.lower_ in lex.comparatives for w in head.subtree if w.i < head.i)


def _proportion(harm: _Harm) -> bool:
    """"one in three of the dead", "one in five displaced households": a harm told as a
    proportion ("N in M", "N out of M") is no count of people."""
    chain, current = [], harm.trigger
    for _ in range(4):
        chain.append(current)
        current = current.head
    chain += [t for v in harm.victims for t in [v, *v.children] if t.i == v.i or
              t.dep_ == "nummod"]
    return any(_in_ratio(t) for t in chain) or _per_rate(harm.trigger)


def _in_ratio(count: Token) -> bool:
    """A number of a proportion: "one" or "three" in "one in three", "nine out of ten"."""
    if not count.like_num:
        return False
    head = count.head
    second = head.lower_ in ("in", "of") and head.head.like_num and head.head.i < count.i
    return second or _ratio_modifiers(count) or any(p.lower_ in ("in", "out") and any(
        o.like_num for o in p.subtree if o.i != p.i) for p in _children(count, "prep"))


def _ratio_modifiers(count: Token) -> bool:
    """"one in five people": the second number of a proportion, whose first number and "in"
    the parse made its modifiers."""
    mods = _children(count, "quantmod")
    return any(m.lower_ in ("in", "out") for m in mods) and any(m.like_num for m in mods)


def _fleeing_victims(harm: _Harm) -> bool:
    """"killed two cousins as they fled toward a shelter", "shot while fleeing": flight of the
    victims (a pronoun, or no subject) that is the moment of another harm, not a displacement
    of its own (not "died ... while thousands of families have fled")."""
    verb, lex = harm.trigger, harm_lexicon()
    if harm.kind != "displaced" or verb.dep_ != "advcl" or \
            not any(c.dep_ == "mark" and c.lower_ in lex.moments for c in verb.children) or \
            any(s.pos_ != "PRON" for s in _children(verb, *_SUBJECTS)):
        return False
    found = _verb_trigger(verb.head) if _is_verb(verb.head) else None
    return found is not None and found[0] != "displaced"


def _no_displacement(harm: _Harm) -> bool:
    """Flight that displaces nobody: the victims' flight at another harm, an escape."""
    return _fleeing_victims(harm) or _escape(harm)


def _escape(harm: _Harm) -> bool:
    """"the suspect fled", "the driver fled the scene": the flight of a perpetrator or from
    the scene of a deed, an escape and no displacement."""
    lex, verb = harm_lexicon(), harm.trigger
    if harm.kind != "displaced" or _lemma(verb) not in lex.flee_verbs:
        return False
    fleeing = [_lemma(s) for s in _children(verb, *_SUBJECTS)]
    return any(f in lex.fugitives for f in fleeing) or \
        any(_lemma(o) in lex.escapes for o in _children(verb, "dobj")) or _doer_fled(verb) or \
        _left_activity(verb)


def _doer_fled(verb: Token) -> bool:
    """"a gunman killed seven people before he fled": a "he" or "she" fleeing in a clause of
    an active harm verb whose subject is one person, the doer."""
    harm = verb.head
    if verb.dep_ != "advcl" or not _is_verb(harm) or _verb_trigger(harm) is None or \
            _passive(harm) or not any(s.lower_ in ("he", "she") for s in _children(verb, "nsubj")):
        return False
    return any(s.tag_ in ("NN", "NNP") and s.dep_ == "nsubj" and _is_person(s)
               for s in _subjects(harm))


def _no_victims(harm: _Harm) -> bool:
    """"nobody was hurt", "no civilians were killed"."""
    lex = harm_lexicon()
    return any(v.lower_ in lex.negative_subjects or
               any(c.dep_ == "det" and c.lower_ in lex.negations for c in v.children)
               for v in harm.victims)


def _intended(trigger: Token) -> bool:
    """"could prevent 40,000 deaths": a harm noun that is the object of a verb of intent; "a
    plot to kidnap soldiers": an infinitive after a noun of intent."""
    lex = harm_lexicon()
    if trigger.pos_ == "NOUN" and trigger.dep_ == "dobj" and \
            (_lemma(trigger.head) in lex.intent_verbs or _lemma(trigger.head) in lex.requests):
        return True
    to = [a for a in _children(trigger, "aux") if a.lower_ == "to"]
    return bool(to) and to[0].i > 0 and _lemma(trigger.doc[to[0].i - 1]) in lex.intent_nouns


def _infinitive(verb: Token) -> bool:
    """"threatened on Monday to kill": an infinitive the parse made an adverbial clause."""
    return verb.dep_ == "advcl" and any(a.lower_ == "to" for a in _children(verb, "aux"))


def _denied(trigger: Token) -> bool:
    """"denied reports that any soldiers had been killed", "investigating claims that civilians
    were killed": harm told by a noun that is the object of a verb of denial, intent or doubt;
    "reports that soldiers had died were false": by one that is the subject of a word of
    falsity."""
    noun, lex = trigger.head, harm_lexicon()
    if trigger.dep_ not in ("acl", "ccomp", "relcl"):
        return False
    if trigger.dep_ == "relcl" and not any(c.dep_ == "mark" and c.lower_ == "that"
                                           for c in trigger.children):
        return False
    if noun.dep_ == "dobj" and trigger.dep_ == "acl":
        return _lemma(noun.head) in lex.intent_verbs | lex.doubting
    return noun.dep_ in _SUBJECTS and any(c.dep_ in ("acomp", "attr") and c.lower_ in
                                          lex.false_words for c in noun.head.children)


def _unreal_cue(child: Token) -> bool:
    """A negation, a modal or a condition among a verb's dependents."""
    lex = harm_lexicon()
    return child.dep_ == "neg" or (child.dep_ in ("aux", "auxpass") and
                                   _plain(child) in lex.modals) or \
        (child.dep_ in ("mark", "advmod") and child.lower_ in lex.conditions)
