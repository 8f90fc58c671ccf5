"""Implicit single victims: "killing a farmer", "a boy was killed", "shot him dead".

A person noun in the singular with a determiner (or an age phrase: "a 2-month-old", or a
nominal demonym: "a Palestinian"), or a personal pronoun, governed by a harm predicate counts
one; coordinated singles count together ("a father and his daughter" = 2). The harm may also be
stated by a relative or participial clause ("the fire chief who died", "a journalist detained in
Russia") or by a harm noun the victim possesses ("the reporter's detention"). A bare proper
name is never a figure, nor a single introduced by "including" / "among"; a common noun in
apposition to a name is ("Naomi Pomeroy, renowned chef, died"). A pronoun ("she died", "shot
him") counts unless the person of its gender mentioned last before it is named.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from rafah.extract.casualty_kinds import (
    clause_kind,
    governing,
    is_agent,
    is_blocked,
    lemma,
    shared_subject_kinds,
    verified,
)
from rafah.extract.casualty_lexicon import lexicon

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

_NOMINAL_DEPS = ("nsubj", "nsubjpass", "dobj", "pobj", "conj", "appos", "attr")


@dataclass(frozen=True)
class Single:
    """Coordinated single victims governed by one harm predicate."""

    first: Token
    head: Token
    last: Token
    count: int
    kinds: tuple[str, ...]
    definite: bool
    parent: int | None = None


@dataclass
class Antecedents:
    """The people mentioned so far in a text, for pronouns: (token index, unnamed, gender),
    an unnamed person being a common noun ("the child"), a named one a person's name."""

    mentions: list[tuple[int, bool, str | None]] = field(default_factory=list)
    names: set[str] | None = None

    def note(self, token: Token) -> None:
        """Record ``token`` if it mentions one person; a common noun in apposition to a name
        ("Kurmasheva, a mother of two") is that name."""
        if self.names is None:
            self.names = {e[-1].text for e in token.doc.ents if e.label_ == "PERSON"}
        if _is_source(token):
            return
        if token.pos_ == "PRON" and lexicon().has("victim_pronouns", token.lower_):
            gender = lexicon().kind("pronoun_genders", token.lower_)
            self.mentions.append((token.i, self.unnamed(token), gender))
        elif token.pos_ != "PRON" and _is_single(token):
            named = token.dep_ == "appos" and self._is_name(token.head)
            self.mentions.append((token.i, not named, _gender(token)))
        elif self._is_name(token):
            self.mentions.append((token.i, False, None))

    def _is_name(self, token: Token) -> bool:
        """A person's name (its last word), also where the tagger missed it elsewhere."""
        return token.pos_ == "PROPN" and token.dep_ != "compound" and (
            token.ent_type_ == "PERSON" or token.text in (self.names or ()))

    def unnamed(self, pronoun: Token) -> bool:
        """Whether the pronoun's nearest earlier person of its gender is unnamed; with none at
        all, an object counts ("shot him dead") and a subject does not ("He was killed")."""
        gender = lexicon().kind("pronoun_genders", pronoun.lower_)
        earlier = [unnamed for i, unnamed, g in self.mentions
                   if i < pronoun.i and g in (None, gender)]
        return earlier[-1] if earlier else pronoun.dep_ == "dobj"


def _gender(token: Token) -> str | None:
    lex = lexicon()
    word = lemma(token)
    if lex.has("female_nouns", word):
        return "female"
    return "male" if lex.has("male_nouns", word) else None


def _is_source(token: Token) -> bool:
    """ "Prosecutor Bradley Billhimer said", "a nurse told her", "according to Smith", "per
    the governor": a person cited as a source, not one the reported clause is about."""
    head = token.head
    if token.dep_ == "nsubj" and lexicon().has("reporting_verbs", lemma(head)):
        return True
    return token.dep_ == "pobj" and (head.lower_ == "per" or
                                      head.lower_ == "to" and head.head.lower_ == "according")


def _determiner(token: Token) -> Token | None:
    if _stranded(token):
        return token.doc[token.i - 1]
    return next((c for c in token.children if c.dep_ in ("det", "poss")), None)


def _age_head(token: Token) -> bool:
    """ "a 2-month-old", "the 5-year-old": "old" heading an age phrase names a person."""
    return token.lower_ == "old" and any(
        c.dep_ == "npadvmod" and lexicon().has("age_units", lemma(c)) for c in token.children)


def _is_pronoun_victim(token: Token) -> bool:
    lex = lexicon()
    return lex.has("victim_pronouns", token.lower_) and \
        token.dep_ in ("dobj", "nsubj", "nsubjpass")


def _person_head(token: Token) -> bool:
    """A singular noun naming a person: a person noun, a nominal demonym, an age phrase."""
    if _age_head(token):
        return True
    if token.tag_ == "JJ":
        return token.ent_type_ == "NORP" and (token.dep_ in _NOMINAL_DEPS or _stranded(token))
    if token.tag_ not in ("NN", "NNP") or token.like_num:
        return False
    if token.pos_ == "PROPN" and token.ent_type_ != "NORP" or \
            lexicon().has("collective_nouns", lemma(token)):
        return False
    return lexicon().is_person(token)


def _stranded(token: Token) -> bool:
    """ "killing a Palestinian and injuring others": "a" cannot determine the plural noun the
    parser hung the demonym on, so the demonym is a noun of its own."""
    if token.dep_ != "amod" or token.i == 0 or token.head.tag_ not in ("NNS", "NNPS"):
        return False
    article = token.doc[token.i - 1]
    return article.lower_ in ("a", "an") and article.head.i == token.head.i


def _names_appositive(token: Token) -> bool:
    """ "Naomi Pomeroy, renowned chef": a common noun in apposition to a person's name."""
    return token.dep_ == "appos" and token.head.ent_type_ == "PERSON"


def is_pair(token: Token) -> bool:
    """ "his parents", "the couple", "the twins": a determined noun that always names two."""
    if not lexicon().has("pair_nouns", token.lower_) or token.pos_ != "NOUN":
        return False
    determiner = _determiner(token)
    return determiner is not None and lexicon().has("single_determiners", determiner.lower_) \
        and not any(c.dep_ in ("nummod", "quantmod", "prep") for c in token.children)


def _is_elided(token: Token) -> bool:
    """ "one was killed and another wounded", "a second was hurt": a pronoun or an ordinal
    standing for one more victim."""
    if not lexicon().has("elided_singles", token.lower_) or \
            token.pos_ not in ("PRON", "DET", "ADJ", "NOUN"):
        return False
    return token.dep_ in ("nsubj", "nsubjpass", "dobj") or \
        token.dep_ == "det" and token.head.pos_ == "VERB"


_SINGLE_KEY = "rafah.casualty_singles.single"


def _is_single(token: Token) -> bool:
    """A singular person noun with a determiner ("a nurse", "his son"), a pronoun, or a noun
    naming a pair ("her parents"). Worked out once per token of a Doc (it is asked again by
    the antecedent tracker and by the reading of each sentence)."""
    key = f"{_SINGLE_KEY}.{token.i}"
    known = token.doc.user_data.get(key)
    if known is None:
        known = token.doc.user_data[key] = _reads_as_single(token)
    return bool(known)


def _reads_as_single(token: Token) -> bool:
    if token.pos_ in ("PRON", "DET") and _is_elided(token):
        return True
    if token.pos_ == "PRON":
        return _is_pronoun_victim(token)
    if is_pair(token):
        return True
    if not _person_head(token):
        return False
    determiner = _determiner(token)
    if (determiner is None or not lexicon().has("single_determiners", determiner.lower_)) \
            and not _names_appositive(token):
        return False
    return not any(c.dep_ in ("nummod", "quantmod") for c in token.children)


def _is_body(token: Token) -> bool:
    """ "spotted a body", "his body was recovered", "a man's body was carried out": one dead
    person."""
    determiner = _determiner(token)
    single = determiner is not None and (
        lexicon().has("single_determiners", determiner.lower_) or
        determiner.dep_ == "poss" and determiner.pos_ == "NOUN" and _is_single(determiner))
    return lexicon().has("verification_nouns", lemma(token)) and token.tag_ == "NN" and \
        single and lexicon().kind("nouns", lemma(token)) == "killed" and verified(token)


def _named_owner(body: Token, antecedents: Antecedents) -> bool:
    """ "her body was found" where the woman last mentioned is named: the named person's."""
    owner = _determiner(body)
    return owner is not None and owner.pos_ == "PRON" and \
        lexicon().kind("pronoun_genders", owner.lower_) is not None and \
        not antecedents.unnamed(owner)


def _listed(token: Token, coordinated: bool) -> list[Token]:
    """Singles misattached as appositives inside ``token``'s phrase when the victims form a
    coordinated list: "a 2-month-old in New Jersey, a 2-year-old in Arizona and a 5-year-old
    in Nebraska"."""
    found = []
    for prep in (c for c in token.children if c.dep_ == "prep"):
        for obj in (c for c in prep.children if c.dep_ == "pobj"):
            for item in (c for c in obj.children if c.dep_ == "appos" and _is_single(c)):
                more = _chain(item)
                if coordinated or len(more) > 1:
                    found += more
    return found


def _shares_determiner(token: Token) -> bool:
    """ "his wife and child": a bare singular person noun coordinated after a single shares
    its determiner."""
    return token.dep_ == "conj" and _person_head(token) and token.tag_ == "NN" and \
        _determiner(token) is None and \
        not any(c.dep_ in ("nummod", "quantmod", "amod") for c in token.children)


def _chain(token: Token) -> list[Token]:
    """``token`` and the single victims coordinated with it."""
    members = [token]
    for child in token.children:
        if child.dep_ == "conj" and (_is_single(child) or _shares_determiner(child)):
            members += _chain(child)
    return members + _listed(token, len(members) > 1)


def _introduced_as_part(token: Token) -> bool:
    """ "12 people, including a child", "including three gunmen and a guard", "including
    Smith, a reporter", "among them a newborn": the single, alone, in a list or naming
    someone, is inside the count; so is the subject of "was among the nine people killed"."""
    if any(c.dep_ == "prep" and c.i < token.i and lexicon().has("subset_prepositions", c.lower_)
           for c in token.children):
        return True
    while token.dep_ in ("conj", "appos") and token.head.i != token.i:
        token = token.head
    head = token.head
    if token.dep_ in ("nsubj", "nsubjpass"):
        return any(_counted_set(prep) for prep in head.children if prep.dep_ == "prep")
    return token.dep_ == "pobj" and lexicon().has("subset_prepositions", head.lower_)


def _counted_set(prep: Token) -> bool:
    """ "among the nine people killed": a subset preposition whose object is counted."""
    return lexicon().has("subset_prepositions", prep.lower_) and any(
        c.dep_ == "nummod" for o in prep.children if o.dep_ == "pobj" for c in o.children)


def _including_parent(token: Token) -> int | None:
    """ "killed 38 people, including his parents": the set a pair is counted inside."""
    head = token.head
    if token.dep_ == "pobj" and lexicon().has("subset_prepositions", head.lower_):
        return head.head.i
    return None


def _definite(token: Token) -> bool:
    determiner = _determiner(token)
    return token.pos_ == "PRON" or (determiner is not None and determiner.lower_ != "a"
                                    and determiner.lower_ != "an")


def _harm_predicate(predicate: Token | None) -> bool:
    """A harm verb or adjective, also one coordinated with the victim's verb ("was attacked
    and injured"), or a harm noun ("the death of a nurse"); not a toll."""
    return predicate is not None and (predicate.pos_ == "NOUN" or bool(clause_kind(predicate))
                                      or bool(shared_subject_kinds(predicate)))


def _attributive_kind(token: Token) -> list[str]:
    """ "an injured woman", "a displaced man": a harm adjective before the person noun."""
    lex = lexicon()
    kinds = [lex.kind("adjectives", c.lower_) for c in token.children
             if c.dep_ == "amod" and c.i < token.i]
    return [k for k in kinds if k]


def _group(token: Token) -> Token:
    """A noun and the appositives naming the same person share one group head."""
    return token.head if token.dep_ == "appos" else token


def _owner(clause: Token) -> Token:
    """The person a relative clause is about: "who" needs a person, so a clause attached to
    an organisation or place belongs to the nearest person noun above it."""
    node = clause.head
    while not (lexicon().is_person(node) or node.ent_type_ == "PERSON") and node.head.i != node.i:
        node = node.head
    return _group(node)


def _clause_victim_kind(clause: Token) -> str | None:
    """The kind a relative or participial clause states of the noun it modifies."""
    if is_blocked(clause):
        return None
    if clause.dep_ == "acl":
        return clause_kind(clause) if clause.tag_ == "VBN" else None
    subjects = [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not subjects or subjects[0].tag_ not in ("WP", "WDT"):
        return None
    if subjects[0].dep_ == "nsubj" and is_agent(subjects[0], clause):
        return None
    return clause_kind(clause)


def _relative_kinds(token: Token) -> list[str]:
    """Kinds stated by the relative clauses about ``token`` ("the commander ..., who was
    killed") and its participles ("a journalist detained in Russia")."""
    group = _group(token)
    kinds = []
    for clause in group.subtree:
        if clause.dep_ == "relcl" and _owner(clause).i == group.i or \
                clause.dep_ == "acl" and clause.head.i == token.i:
            kind = _clause_victim_kind(clause)
            if kind:
                kinds.append(kind)
    return kinds


def _possessed_kind(token: Token) -> list[str]:
    """ "the reporter's detention", "the nurse's death": the victim owns the harm noun."""
    lex = lexicon()
    head = token.head
    if token.dep_ != "poss" or head.pos_ != "NOUN" or lex.has("status_nouns", lemma(head)):
        return []
    kind = lex.kind("nouns", lemma(head))
    return [kind] if kind and not lex.has("verification_nouns", lemma(head)) else []


def _kinds(token: Token) -> tuple[str, ...]:
    """The harm kinds stated about one single victim, or () when none or blocked."""
    if _is_body(token):
        return ("killed",)
    if token.dep_ == "det":
        kind = None if is_blocked(token.head) else clause_kind(token.head)
        return (kind,) if kind else ()
    governed = governing(token.head if _stranded(token) else token)
    if _names_appositive(token) and _natural_death(governed.predicate):
        return ()
    if governed.kinds and _harm_predicate(governed.predicate) and \
            not is_blocked(governed.predicate):
        return tuple(governed.kinds)
    if governed.predicate is not None and is_blocked(governed.predicate):
        return ()
    return tuple(dict.fromkeys(_relative_kinds(token) + _possessed_kind(token) +
                               _attributive_kind(token)))


def _natural_death(predicate: Token | None) -> bool:
    """ "Joe Bryant, the father of ..., has died": an obituary, a plain "died" with no cause,
    incident or circumstance ("died in a tubing accident", "died after being shot")."""
    if predicate is None or not lexicon().has("obituary_verbs", lemma(predicate)):
        return False
    return not any(c.dep_ in ("advcl", "agent", "acomp", "oprd") or
                   c.dep_ == "prep" and lexicon().has("cause_prepositions", c.lower_)
                   for c in predicate.children)


def _parent(token: Token) -> int | None:
    """ "killing 3 persons (a woman and her daughter)": the singles are part of the count."""
    head = token.head
    if token.dep_ == "appos" and head.tag_ in ("NNS", "NNPS"):
        return head.i
    return _including_parent(token)


def _single(token: Token, antecedents: Antecedents) -> Single | None:
    if token.pos_ == "PRON" and not _is_elided(token) and not antecedents.unnamed(token):
        return None
    if _is_source(token):
        return None
    kinds = _kinds(token)
    if not kinds:
        return None
    chain = _chain(token)
    start = min([token.i] + [c.i for c in token.lefts if c.dep_ in ("det", "poss", "amod",
                                                                   "compound", "npadvmod")])
    count = sum(2 if is_pair(t) else 1 for t in chain)
    return Single(token.doc[start], token, max(chain, key=lambda t: t.i), count, kinds,
                  _definite(token), _parent(token))


def single_victims(sent: Span, taken: set[int], antecedents: Antecedents | None = None
                   ) -> list[Single]:
    """The single victims of a sentence, skipping tokens already part of a counted figure.
    ``antecedents`` carries the unnamed victims of earlier sentences and is updated."""
    antecedents = antecedents if antecedents is not None else Antecedents()
    found = []
    skipped: set[int] = set()
    for token in sent:
        antecedents.note(token)
        if token.i in taken or token.i in skipped or \
                _introduced_as_part(token) and not is_pair(token):
            continue
        if not (_is_single(token) or _is_body(token) and not _named_owner(token, antecedents)):
            continue
        if token.dep_ == "conj" and _is_single(token.head):
            continue
        single = _single(token, antecedents)
        if single is None:
            continue
        skipped.update(t.i for t in _chain(token))
        found.append(single)
    return found

