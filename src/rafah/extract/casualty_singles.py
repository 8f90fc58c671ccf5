"""Implicit single victims: "killing a farmer", "a boy was killed", "shot him dead".

A person noun in the singular with a determiner (also a person's possessive: "Smith's wife";
or an age phrase: "a 2-month-old", or a nominal demonym: "a Palestinian"), or a personal
pronoun, governed by a harm predicate counts one; singles coordinated under one harm predicate
count together ("a father and his daughter" = 2), a victim's own adjective is its own ("an
injured woman and a girl" = 1). The harm may also be stated by a relative or participial
clause ("the fire chief who died", "a journalist detained in Russia"), by a harm noun the victim
possesses ("the reporter's detention") or by an adjective or participle introducing the victim
("a kidnapped girl"). A bare proper name is never a figure, nor a single introduced by
"including" / "among", nor a pronoun that stands for a named person ("Smith was shot. She
died later"). A pronoun for an unnamed person ("a man was shot; he died"), a title
("cinematographer Lena Marsh"), a description or a kin word is a single victim, also where the
text names the person ("Paul Ruiz, an American detained in Russia"): the same harm of the same
person said again restates it. A pronoun stands for the nearest earlier person of its gender
in its sentence (never its own clause's subject), else in the last sentence with one, a person
of its own gender first and then a subject; a name takes the gender of the pronouns that stand
for it, of its title and of a gendered appositive.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from rafah.extract.casualty_kinds import (
    NONE,
    clause_kind,
    fled_home,
    governing,
    harm_first,
    is_agent,
    is_blocked,
    lemma,
    only_released,
    person_harm,
    person_verb_kind,
    shared_subject_kinds,
    verified,
)
from rafah.extract.casualty_lexicon import lexicon

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

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
    covers: frozenset[int] = frozenset()
    """The tokens this figure accounts for (not read again as victims of their own)."""


@dataclass(frozen=True)
class Mention:
    """One earlier mention of a person: where, its gender, its sentence and whether it is a
    subject."""

    i: int
    unnamed: bool
    gender: str | None
    sentence: int
    subject: bool


@dataclass
class Antecedents:
    """The people mentioned so far in a text (common nouns, pronouns and names), for the
    pronouns that stand for them."""

    mentions: list[Mention] = field(default_factory=list)
    names: set[str] | None = None
    sentence: int = 0
    """The first token of the sentence being read."""

    subject_name: int | None = None
    """The token of the name that is the subject of the sentence's main verb (or of the
    clause it reports), if any."""

    def begin(self, sent: Span) -> None:
        """Start reading a sentence."""
        self.sentence = sent.start
        root = sent.root
        clauses = [root] + [c for c in root.children if c.dep_ == "ccomp"]
        names = [c.i for v in clauses for c in v.children
                 if c.dep_ in ("nsubj", "nsubjpass") and self._is_name(c)]
        self.subject_name = names[0] if names else None

    def note(self, token: Token) -> None:
        """Record ``token`` if it mentions one person."""
        if self.names is None:
            self.names = set(person_names(token.doc))
        if _is_source(token):
            return
        gender = lexicon().kind("pronoun_genders", token.lower_)
        if token.pos_ == "PRON" and gender is not None:
            self._learn_gender(token, gender)
        if token.pos_ == "PRON" and lexicon().has("victim_pronouns", token.lower_):
            self._add(token, self.unnamed(token), gender)
        elif token.pos_ != "PRON" and _is_single(token):
            named = token.dep_ == "appos" and self._is_name(token.head)
            self._add(token, not named, _gender(token))
        elif self._is_name(token):
            self._add(token, False, _name_gender(token))

    def _add(self, token: Token, unnamed: bool, gender: str | None) -> None:
        subject = token.dep_ in ("nsubj", "nsubjpass")
        self.mentions.append(Mention(token.i, unnamed, gender, self.sentence, subject))

    def unnamed(self, pronoun: Token) -> bool:
        """Whether the person a pronoun stands for is unnamed (see ``_antecedent``; a
        description in apposition to a name is that name); a named subject of the sentence's
        main verb after the pronoun is who it stands for ("Before her body was found, Brandt
        attended a wedding"); with no antecedent at all, an object counts ("shot him dead")
        and a subject does not ("He was killed")."""
        found = self._antecedent(pronoun)
        in_sentence = found is not None and found.sentence == self.sentence
        if self.subject_name is not None and self.subject_name > pronoun.i and not in_sentence:
            return False
        return found.unnamed if found is not None else pronoun.dep_ == "dobj"

    def _is_name(self, token: Token) -> bool:
        """A person's name (its last word), also where the tagger missed it elsewhere."""
        return token.pos_ == "PROPN" and token.dep_ != "compound" and (
            token.ent_type_ == "PERSON" or token.text in (self.names or ()))

    def _learn_gender(self, pronoun: Token, gender: str) -> None:
        """The person a gendered pronoun stands for has that gender ("Maria Lopez was stabbed
        by her neighbour. He was arrested": he is not Maria Lopez)."""
        found = self._antecedent(pronoun)
        if found is None:
            return
        token = pronoun.doc[found.i]
        same = {found.i, token.head.i} if token.dep_ == "appos" else {found.i}
        for index in range(len(self.mentions) - 1, -1, -1):
            mention = self.mentions[index]
            if mention.i < min(same):
                break
            if mention.i in same and mention.gender is None:
                self.mentions[index] = replace(mention, gender=gender)

    def counted_here(self, pronoun: Token, counted: dict[int, tuple[str, ...]],
                     kinds: tuple[str, ...]) -> bool:
        """Whether a pronoun stands for a victim already counted with the same kinds in its
        own sentence ("his son was flown to the hospital, where he was listed in critical
        condition"; not "she was shot and she died": a new kind is a new figure), or with
        any kind where the pronoun only owns the harm noun ("a girl died of her injuries")."""
        found = self._antecedent(pronoun)
        if found is None or found.sentence != self.sentence or found.i not in counted:
            return False
        return pronoun.dep_ == "poss" or set(kinds) <= set(counted[found.i])

    def _antecedent(self, pronoun: Token) -> Mention | None:
        """The earlier mention a pronoun stands for: the nearest earlier person of its gender
        in its sentence (never the subject of its own verb: "X stabbed him"), else in the last
        sentence that has one, where a person of the pronoun's own gender comes first and then
        a subject."""
        gender = lexicon().kind("pronoun_genders", pronoun.lower_)
        candidates: list[Mention] = []
        for mention in reversed(self.mentions):
            if candidates and mention.sentence != candidates[0].sentence:
                break
            if mention.i < pronoun.i and mention.gender in (None, gender) and \
                    not _own_subject(pronoun, mention.i):
                candidates.append(mention)
        if not candidates or candidates[0].sentence == self.sentence:
            return candidates[0] if candidates else None
        return max(candidates, key=lambda m: (m.gender is not None, m.subject, m.i))


def _own_subject(pronoun: Token, i: int) -> bool:
    """Whether token ``i`` is the subject of the clause the pronoun is an object in ("X
    stabbed him", "X fired toward her, striking her": X is someone else); a non-finite
    clause's subject is its governing verb's."""
    if pronoun.dep_ not in ("dobj", "dative", "pobj"):
        return False
    verb = pronoun.head.head if pronoun.dep_ == "pobj" else pronoun.head
    for _ in range(3):
        subjects = [c.i for c in verb.children if c.dep_ == "nsubj"]
        if subjects or verb.dep_ not in ("advcl", "xcomp", "pcomp") or verb.tag_ not in \
                ("VBG", "VB", "VBN"):
            return i in subjects
        verb = verb.head.head if verb.dep_ == "pcomp" else verb.head
    return False


def _name_gender(name: Token) -> str | None:
    """A name's gender from its title ("Mrs. Lopez") or a gendered appositive ("Smith, a father
    of two")."""
    for child in name.children:
        if child.dep_ == "compound" and child.i < name.i and child.pos_ == "PROPN":
            gender = lexicon().kind("title_genders", child.lower_)
            if gender:
                return gender
        if child.dep_ == "appos" and _gender(child):
            return _gender(child)
    return None


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


def _single_determiner(determiner: Token) -> bool:
    """ "a", "the", "his", or a person's possessive ("Smith's wife", "the guru's son"; not an
    organisation's: "the group's leader" is a title)."""
    if lexicon().has("single_determiners", determiner.lower_):
        return True
    if determiner.dep_ != "poss" or not any(c.dep_ == "case" for c in determiner.children):
        return False
    if determiner.pos_ == "PROPN":
        return determiner.ent_type_ == "PERSON" or determiner.text in person_names(determiner.doc)
    return determiner.pos_ == "NOUN" and lexicon().is_person(determiner) and \
        not lexicon().has("group_nouns", lemma(determiner)) and \
        not lexicon().has("collective_nouns", lemma(determiner))


_NAMES_KEY = "rafah.casualty_singles.names"
def person_names(doc: Doc) -> frozenset[str]:
    """The last words of the person names of a Doc (worked out once per Doc)."""
    names = doc.user_data.get(_NAMES_KEY)
    if names is None:
        names = doc.user_data[_NAMES_KEY] = frozenset(
            e[-1].text for e in doc.ents if e.label_ == "PERSON")
    return frozenset(names)


def _age_head(token: Token) -> bool:
    """ "a 2-month-old", "the 5-year-old": "old" heading an age phrase names a person."""
    return token.lower_ == "old" and any(
        c.dep_ == "npadvmod" and lexicon().has("age_units", lemma(c)) for c in token.children)


def _is_pronoun_victim(token: Token) -> bool:
    """ "she died", "shot him", "his detention", "her death": a personal pronoun the harm is
    stated of, also one owning the harm noun (not injuries a preposition ties to another
    predicate, whose subject is the victim: "Kovalenko died of his injuries")."""
    lex = lexicon()
    if token.dep_ == "poss" and lex.kind("pronoun_genders", token.lower_) is not None:
        kinds = _possessed_kind(token)
        return bool(kinds) and not (kinds == ["injured"] and token.head.dep_ == "pobj")
    return lex.has("victim_pronouns", token.lower_) and \
        (token.dep_ in ("dobj", "nsubj", "nsubjpass") or _counted_blows(token))


def _counted_blows(token: Token) -> bool:
    """ "stabbing her multiple times" parsed with "her" owning "times": the pronoun is the
    object of the verb the count of blows goes with."""
    head = token.head
    return token.dep_ == "poss" and lexicon().has("frequency_nouns", head.lower_) and \
        head.dep_ in ("dobj", "npadvmod") and head.head.pos_ == "VERB"


def _argument(token: Token) -> Token:
    """The token whose place in the clause says what happened to the victim."""
    return token.head if _stranded(token) or _counted_blows(token) or _titles_name(token) \
        else token


def _titles_name(token: Token) -> bool:
    """ "cinematographer Lena Marsh", "American journalist Tomas Brandt": a common
    person noun set before a person's name as its title (the name's phrase is the victim)."""
    head = token.head
    return token.dep_ == "compound" and token.pos_ == "NOUN" and token.i < head.i and \
        head.pos_ == "PROPN" and token.ent_type_ != "PERSON" and \
        (head.ent_type_ == "PERSON" or head.text in person_names(token.doc))


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
    """ "Ines Calder, renowned chef": a common noun in apposition to a person's name (also
    one coordinated with such a noun: "Walt Kessing, the father of ... and a former player")."""
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    return token.dep_ == "appos" and token.head.ent_type_ == "PERSON"


def is_pair(token: Token) -> bool:
    """ "his parents", "the couple", "the twins": a determined noun that always names two
    (an argument, not a measure: "a couple hours later"); "both pilots": a plural person noun
    determined by "both"."""
    if token.tag_ == "NNS" and lexicon().is_person(token) and any(
            c.dep_ in ("det", "predet") and c.lower_ == "both" for c in token.children):
        return True
    if not lexicon().has("pair_nouns", token.lower_) or token.pos_ != "NOUN" or \
            token.dep_ not in _NOMINAL_DEPS:
        return False
    determiner = _determiner(token)
    return determiner is not None and _single_determiner(determiner) \
        and not any(c.dep_ in ("nummod", "quantmod", "prep") for c in token.children)


def _is_elided(token: Token) -> bool:
    """ "one was killed and another wounded", "a second was hurt": a pronoun or an ordinal
    standing for one more victim (not a fraction: "a third of the population")."""
    if not lexicon().has("elided_singles", token.lower_) or \
            token.pos_ not in ("PRON", "DET", "ADJ", "NOUN") or \
            token.pos_ == "NOUN" and any(c.dep_ == "prep" and c.lower_ == "of"
                                         for c in token.children):
        return False
    return token.dep_ in ("nsubj", "nsubjpass", "dobj") or \
        token.dep_ == "det" and (token.head.pos_ == "VERB" or _elided_harm(token) is not None)


def _elided_harm(token: Token) -> Token | None:
    """ "one was killed and another injured, police said" parsed with "another" on a harm
    word after it (or on the noun that word was hung on): that word is the gapped clause."""
    doc = token.doc
    if token.i + 1 >= len(doc) or token.i == 0:
        return None
    before, after = doc[token.i - 1], doc[token.i + 1]
    if not (before.dep_ == "cc" or before.text in (",", ";")):
        return None
    if after.i != token.head.i and after.head.i != token.head.i:
        return None
    return after if after.tag_ in ("VBN", "VBD", "JJ") and clause_kind(after) else None


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
    if token.pos_ in ("PRON", "DET", "NOUN", "ADJ") and _is_elided(token):
        return True
    if token.pos_ == "PRON":
        return _is_pronoun_victim(token)
    if is_pair(token):
        return True
    if not _person_head(token):
        return False
    determiner = _determiner(token)
    if (determiner is None or not _single_determiner(determiner)) \
            and not _names_appositive(token) and not _titles_name(token):
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
        single and lexicon().kind("nouns", lemma(token)) == "killed" and verified(token) and \
        not _owned_by_person(token) and not _lost_by_subject(token)


def _lost_by_subject(life: Token) -> bool:
    """ "a firefighter lost his life": the one who lost it is the victim, counted as such."""
    verb = life.head
    return life.dep_ == "dobj" and lemma(verb) == "lose" and \
        any(c.dep_ == "nsubj" for c in verb.children)


def _owned_by_person(body: Token) -> bool:
    """ "the body of the 4-year-old", "the body of Smith", "the body of one of the miners": the
    body is that person's, who is counted (or, named, not) as such."""
    return any(o.dep_ == "pobj" and (o.pos_ == "PROPN" or lexicon().is_person(o) or
                                     _age_head(o) or o.like_num)
               for p in body.children if p.dep_ == "prep" and p.lower_ == "of"
               for o in p.children)


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
    if _titles_name(token):
        token = token.head
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
    return token.pos_ == "PRON" or (determiner is not None and
                                    determiner.lower_ not in ("a", "an", "another"))


def _harm_predicate(predicate: Token | None) -> bool:
    """A harm verb or adjective, also one coordinated with the victim's verb ("was attacked
    and injured"), or a harm noun ("the death of a nurse"); not a toll."""
    return predicate is not None and (predicate.pos_ == "NOUN" or bool(clause_kind(predicate))
                                      or bool(shared_subject_kinds(predicate))
                                      or bool(person_harm(predicate))
                                      or lexicon().has("subset_verbs", lemma(predicate)))


def _attributive_kind(token: Token) -> list[str]:
    """ "an injured woman", "a displaced man": a harm adjective before the person noun; a
    harm verb's participle too where the person is introduced ("a kidnapped girl"), not
    where a known one is described again ("the detained journalist"); never a title before a
    name ("missing teenager Owen Pryce": a description, not a report)."""
    if _titles_name(token):
        return []
    lex = lexicon()
    first_mention = not _definite(token)
    kinds = [lex.kind("adjectives", c.lower_) or (_participle_kind(c) if first_mention else None)
             for c in token.children if c.dep_ == "amod" and c.i < token.i]
    return [k for k in kinds if k]


def _participle_kind(word: Token) -> str | None:
    """The kind of a harm verb's past participle, also one tagged as an adjective
    ("abducted", "kidnapped"); not a killing said by its subject's verb ("a starved child" is
    not dead; "drowned" says so as an adjective)."""
    lower = word.lower_
    if word.tag_ not in ("VBN", "JJ") or not lower.endswith("ed"):
        return None
    lex = lexicon()
    stems = (lemma(word), lower[:-1], lower[:-2], lower[:-3])
    kind = next((lex.kind("verbs", s) for s in stems if lex.kind("verbs", s)), None)
    if kind == "killed" and any(lex.has("subject_victim_verbs", s) for s in stems):
        return None
    return kind


def _group(token: Token) -> Token:
    """A noun and the appositives or the name it titles naming the same person share one
    group head."""
    return token.head if token.dep_ == "appos" or _titles_name(token) else token


def _owner(clause: Token) -> Token:
    """The person a relative clause is about: "who" needs a person, so a clause attached to
    an organisation or place belongs to the nearest person noun above it."""
    node = clause.head
    while not (lexicon().is_person(node) or node.ent_type_ == "PERSON") and node.head.i != node.i:
        node = node.head
    return _group(node)


def _clause_victim_kind(clause: Token) -> str | None:
    """The kind a relative or participial clause states of the noun it modifies; a rescue
    blocks only itself ("who was rescued from the coach and taken to hospital": injured)."""
    if is_blocked(clause):
        return "injured" if only_released(clause) and \
            "injured" in shared_subject_kinds(clause) else None
    if clause.dep_ == "acl":
        return _own_or_shared(clause) if _participle(clause) else None
    subjects = [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not subjects or subjects[0].tag_ not in ("WP", "WDT"):
        return None
    if subjects[0].dep_ == "nsubj" and is_agent(subjects[0], clause):
        return None
    return _own_or_shared(clause)


def _own_or_shared(clause: Token) -> str | None:
    """The kind of a clause's verb, or of a verb coordinated with it ("shot and killed")."""
    kinds = harm_first([k for k in [clause_kind(clause)] if k] + shared_subject_kinds(clause))
    return kinds[0] if kinds else person_verb_kind(clause)


def _participle(clause: Token) -> bool:
    """A past participle modifying a noun, also one tagged as a past tense ("the man shot and
    killed at the rally"): an adnominal clause has no subject or object of its own."""
    return clause.tag_ == "VBN" or clause.tag_ == "VBD" and not any(
        c.dep_ in ("nsubj", "dobj") for c in clause.children)


def _relative_kinds(token: Token) -> list[str]:
    """Kinds stated by the relative clauses about ``token`` ("the commander ..., who was
    killed") and its participles ("a journalist detained in Russia")."""
    group = _group(token)
    kinds = []
    for clause in group.subtree:
        if clause.dep_ == "relcl" and _owner(clause).i == group.i or \
                clause.dep_ == "acl" and clause.head.i == _argument(token).i:
            kind = _clause_victim_kind(clause)
            if kind:
                kinds.append(kind)
    return kinds


def _possessed_kind(token: Token) -> list[str]:
    """ "the reporter's detention", "the nurse's death", "his arrest": the victim owns the harm
    noun (not one attempted or planned: "his attempted assassination", "her scheduled
    execution"; not a person of a status: "the group's hostages" are held by the group; a
    body or a life is counted as such)."""
    lex = lexicon()
    head = token.head
    if token.dep_ != "poss" or head.pos_ != "NOUN" or is_blocked(head) or \
            lex.has("status_nouns", lemma(head)) and lex.is_person(head):
        return []
    kind = lex.kind("nouns", lemma(head))
    if kind is None or kind == "killed" and lex.has("verification_nouns", lemma(head)):
        return []
    return [kind]


def _kinds(token: Token) -> tuple[tuple[str, ...], bool]:
    """The harm kinds stated about one single victim, or () when none or blocked, and
    whether the clause states them (shared by the victims coordinated with it: "a man and
    his son were killed") rather than the victim's own words ("an injured woman and a
    girl")."""
    if _is_body(token):
        return ("killed",), True
    if token.dep_ == "det":
        verb = _elided_harm(token) or token.head
        kind = None if is_blocked(verb) else clause_kind(verb)
        return ((kind,) if kind else ()), True
    argument = _argument(token)
    governed = governing(argument)
    if _topic_of(argument, governed.predicate):
        governed = NONE
    if _named_natural_death(token, governed.predicate):
        return (), True
    predicate = governed.predicate
    if governed.kinds and predicate is not None and _harm_predicate(predicate) and \
            not is_blocked(predicate):
        return tuple(governed.kinds) if fled_home(predicate) else (), True
    kinds = tuple(dict.fromkeys(_relative_kinds(token) + _possessed_kind(token) +
                                _attributive_kind(token)))
    if governed.predicate is not None and is_blocked(governed.predicate):
        return _held_on(governed.predicate, kinds), False
    return kinds, False


def _topic_of(token: Token, predicate: Token | None) -> bool:
    """ "held negative opinions of the former president", "a portrait of a soldier": a person
    after "of" on a noun naming neither a person nor a harm is that noun's topic, not an
    argument of the verb above it."""
    head = token.head
    if token.dep_ != "pobj" or head.lower_ != "of" or head.head.pos_ != "NOUN":
        return False
    noun = head.head
    lex = lexicon()
    return predicate is not None and predicate.i != noun.i and not lex.is_person(noun) and \
        not lex.has("collective_nouns", lemma(noun)) and not lex.has("group_nouns", lemma(noun))


def _held_on(release: Token, kinds: tuple[str, ...]) -> tuple[str, ...]:
    """ "refused to release another jailed citizen", "freed a kidnapped girl", "rescued a
    wounded girl": a release (done or not) blocks its own predicate, not the captivity or
    wound the victim's own words state."""
    if not lexicon().has("release_verbs", lemma(release)):
        return ()
    return tuple(k for k in kinds if k in ("hostages", "detained", "injured"))


def _named_natural_death(token: Token, predicate: Token | None) -> bool:
    """ "Walt Kessing, the father of ..., has died", "her mother Edna Farrow, who died in 2010":
    a person the article names dying a plain death, stated by the clause or by a relative
    clause about them."""
    if not (_names_appositive(token) or _titles_name(token) or
            any(c.dep_ == "appos" and c.ent_type_ == "PERSON" for c in token.children)):
        return False
    group = _group(token)
    return _natural_death(predicate) or any(
        _natural_death(c) for c in group.subtree
        if c.dep_ == "relcl" and _owner(c).i == group.i)


def _natural_death(predicate: Token | None) -> bool:
    """ "Walt Kessing, the father of ..., has died": an obituary, a plain "died" with no cause,
    incident or circumstance ("died in a tubing accident", "died after being shot"; a date is
    none: "died in 2010"); also a plain "death" ("following the death of predecessor Luis
    Mena in 2011"; not "the stabbing death of library worker Ann Lee")."""
    lex = lexicon()
    if predicate is None or not (lex.has("obituary_verbs", lemma(predicate)) or
                                 predicate.pos_ == "NOUN" and
                                 lex.has("plain_death_nouns", lemma(predicate))):
        return False
    return not any(c.dep_ in ("advcl", "agent", "acomp", "oprd", "amod", "compound", "nmod") or
                   c.dep_ == "prep" and lex.has("cause_prepositions", c.lower_) and
                   not _dated(c) and not (predicate.pos_ == "NOUN" and c.lower_ == "of")
                   for c in predicate.children)


def _dated(prep: Token) -> bool:
    """ "died in 2010", "died on Monday": the phrase dates the death, it names no incident."""
    objects = [o for o in prep.children if o.dep_ == "pobj"]
    return bool(objects) and all(o.ent_type_ in ("DATE", "TIME") for o in objects)


def _parent(token: Token) -> int | None:
    """ "killing 3 persons (a woman and her daughter)": the singles are part of the count."""
    head = token.head
    if token.dep_ == "appos" and head.tag_ in ("NNS", "NNPS"):
        return head.i
    return _including_parent(token)


def _single(token: Token) -> Single | None:
    if _is_source(_argument(token)):
        return None
    kinds, shared = _kinds(token)
    if not kinds:
        return None
    counted, covers = _members(token, shared)
    start = min([token.i] + [c.i for c in token.lefts if c.dep_ in ("det", "poss", "amod",
                                                                   "compound", "npadvmod")])
    count = sum(2 if is_pair(t) else 1 for t in counted)
    return Single(token.doc[start], token, max(counted, key=lambda t: t.i), count, kinds,
                  _definite(token), _parent(token), covers)


def _members(token: Token, shared: bool) -> tuple[list[Token], frozenset[int]]:
    """The victims one figure counts (the singles coordinated with ``token`` when the clause
    states the harm of all; one person when they describe one name), and the tokens it
    accounts for (also appositives naming the same people)."""
    chain = _chain(token)
    one_person = _names_appositive(token)
    counted = chain if shared and not one_person else [token]
    same = [c for t in counted for c in t.children if c.dep_ == "appos" and _is_single(c)]
    return counted, frozenset(t.i for t in (chain if shared or one_person else counted) + same)


def _may_be_victim(token: Token) -> bool:
    """A single person, a pair or a body, not one listed inside a count ("including")."""
    if _introduced_as_part(token) and not is_pair(token):
        return False
    return _is_single(token) or _is_body(token)


def single_victims(sent: Span, taken: set[int], antecedents: Antecedents | None = None
                   ) -> list[Single]:
    """The single victims of a sentence, skipping tokens already part of a counted figure.
    ``antecedents`` carries the people of earlier sentences and is updated."""
    antecedents = antecedents if antecedents is not None else Antecedents()
    if antecedents.names is None:
        antecedents.names = set(person_names(sent.doc))
    antecedents.begin(sent)
    found = []
    skipped: set[int] = set()
    counted: dict[int, tuple[str, ...]] = {}
    for token in sent:
        antecedents.note(token)
        if token.i in taken or token.i in skipped or not _may_be_victim(token):
            continue
        if token.pos_ == "PRON" and not _is_elided(token) and not antecedents.unnamed(token):
            continue
        single = _single(token)
        if single is None or token.pos_ == "PRON" and \
                antecedents.counted_here(token, counted, single.kinds):
            continue
        skipped.update(single.covers)
        counted.update(dict.fromkeys(single.covers, single.kinds))
        found.append(single)
    return found

