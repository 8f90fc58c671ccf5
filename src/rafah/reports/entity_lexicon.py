"""Word lists the entity report weighs its evidence with (data files, loaded once)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from rafah.gazetteer import GazetteerEntry, parse_entries
from rafah.resources import json_data, read_text, word_list

_DEMONYM_SUFFIX = re.compile(r"(?:an|ans|ian|ians|ese|ish|i|is|ic|ist|ists|ite|ites|er|ers)$")


_STEM_SUFFIXES = ("ians", "ian", "ans", "an", "ites", "ite", "is", "i", "ese", "ns", "n")


@cache
def spaced(prefixes: tuple[str, ...]) -> tuple[str, ...]:
    """Each prefix followed by a space: one `str.startswith` tests a name for all."""
    return tuple(prefix + " " for prefix in prefixes)


def fold_word(word: str) -> str:
    """A word as the lexicons hold it: lower case, curly apostrophes straightened."""
    return word.replace("\u2019", "'").casefold()


@dataclass(frozen=True)
class Lexicon:
    """Demonyms, group words, junk words, nicknames and type cues."""

    demonym_country: dict[str, str]
    groups: frozenset[str]
    irregular: dict[str, str]
    junk: frozenset[str]
    nicknames: dict[str, str]
    law_last: frozenset[str]
    place_last: dict[str, str]
    event_first: tuple[str, ...]
    event_last: frozenset[str]
    formal_country: tuple[str, ...]
    org_words: frozenset[str]
    unmapped: frozenset[str]

    def group_form(self, text: str) -> str | None:
        """The singular lexicon form of a group name ("Yazidis" → "yazidi"), else None."""
        folded = fold_word(text)
        for form in (folded, folded.removesuffix("s"), folded.removesuffix("es")):
            if form in self.groups or form in self.demonym_country or form in self.irregular:
                return form
        return None

    def is_group(self, text: str) -> bool:
        """Whether a name is a national, religious, ethnic or political group: the whole
        name is one ("Iraqi Yazidis", "South Koreans") or each word is one."""
        if self.group_form(text):
            return True
        words = text.replace("-", " ").split()
        return len(words) > 1 and all(self.group_form(w) for w in words)

    def looks_like_group(self, text: str) -> bool:
        """A group by the lexicon or by a demonym's ending ("Gazans", "Yemeni")."""
        return self.is_group(text) or bool(_DEMONYM_SUFFIX.search(fold_word(text.split()[-1])))

    def group_key(self, text: str) -> str | None:
        """The plural group name a form joins ("Jewish" → "jews", "Israeli" → "israelis")."""
        form = self.group_form(text)
        if form is None:
            return None
        return self.irregular.get(form, form if form.endswith("s") else form + "s")

    def demonym_stems(self, text: str) -> list[str]:
        """The place names a demonym may be made from ("Illinoisans" → "Illinois")."""
        word = text.split()[-1] if text.split() else ""
        return [word[: -len(suffix)] for suffix in _STEM_SUFFIXES
                if word.casefold().endswith(suffix) and len(word) > len(suffix) + 2]

    def country_of_demonym(self, word: str) -> str | None:
        """The ISO country code of a demonym ("Palestinian" → "PS")."""
        form = fold_word(word)
        return self.demonym_country.get(form) or self.demonym_country.get(form.removesuffix("s"))

    def formal_country_rest(self, text: str) -> str | None:
        """"the Kingdom of Saudi Arabia" → "Saudi Arabia"; None when not a formal name."""
        folded = fold_word(text).removeprefix("the ")
        if not folded.startswith(spaced(self.formal_country)):
            return None  # one test for all the prefixes (most names have none)
        for prefix in self.formal_country:
            if folded.startswith(prefix + " ") and len(folded) > len(prefix) + 1:
                return text[len(text) - len(folded) + len(prefix) + 1:]
        return None

    def formal_first_name(self, word: str) -> str:
        """The formal given name of a nickname ("Bernie" → "bernard")."""
        folded = fold_word(word).rstrip(".")
        return self.nicknames.get(folded, folded)


@cache
def lexicon() -> Lexicon:
    """The shipped lexicons (read on first use)."""
    groups = json_data("entity_groups.json")
    demonyms = {fold_word(form): code for code, forms in groups["demonyms"].items()
                for form in forms}
    irregular = {fold_word(form): fold_word(name) for name, forms in groups["irregular"].items()
                 for form in forms}
    cues = json_data("entity_cues.json")
    return Lexicon(
        demonym_country=demonyms,
        groups=frozenset(fold_word(g) for g in groups["groups"]),
        irregular=irregular,
        junk=word_list("entity_junk.txt"),
        nicknames=dict(json_data("entity_nicknames.json")["nicknames"]),
        law_last=frozenset(cues["law_last"]),
        place_last=dict(cues["place_last"]),
        event_first=tuple(cues["event_first"]),
        event_last=frozenset(cues["event_last"]),
        formal_country=tuple(cues["formal_country"]),
        org_words=word_list("org_words.txt"),
        unmapped=frozenset(cues["unmapped"]),
    )


@cache
def variants() -> tuple[GazetteerEntry, ...]:
    """Names of general knowledge with their variants and types (gazetteer format)."""
    return tuple(parse_entries(read_text("entity_variants.jsonl"), "(entity variants)"))
