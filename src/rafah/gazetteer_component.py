"""A spaCy component, run after `ner`, that applies the domain gazetteer to the entities.

A gazetteer match relabels the model's entity when it covers that entity (apart from a leading
determiner or a trailing possessive), so "Rafah" tagged PERSON becomes GPE and "the Rafah
Crossing" tagged PERSON becomes FAC. A model entity that is longer than the match
("the Hamas Ministry of Health") is kept. Matches where the model found nothing are added.
The entities and the matches are both in text order, so one sweep over the two lists applies
every match: the time grows with the length of the text, never with its square.
Imported only by `rafah.nlp.load_pipeline` (it imports spaCy).
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from rafah.gazetteer import load_entries

_FRINGE = {"DET", "PUNCT", "PART"}


def longer(entity: Span, match: Span) -> bool:
    """Whether the model's entity holds content words outside the match."""
    outside = [t for t in entity if t.i < match.start or t.i >= match.end]
    return any(t.pos_ not in _FRINGE and t.text not in ("'s", "\u2019s") for t in outside)


def apply_matches(entities: Sequence[Span], matches: Sequence[Span]) -> list[Span]:
    """The entities after applying the matches (both non-overlapping, in text order).

    A match joins with the entities it overlaps into one span with the match's label, unless
    one of them is `longer` than the match. Each entity is looked at a bounded number of
    times, so this is linear in len(entities) + len(matches).
    """
    result: list[Span] = []
    index = 0
    for match in matches:
        while index < len(entities) and entities[index].end <= match.start:
            result.append(entities[index])
            index += 1
        overlapping = []
        if result and result[-1].end > match.start:
            overlapping.append(result[-1])
        following = index
        while following < len(entities) and entities[following].start < match.end:
            overlapping.append(entities[following])
            following += 1
        if any(longer(e, match) for e in overlapping):
            continue
        if result and overlapping and overlapping[0] is result[-1]:
            result.pop()
        index = following
        start = min([match.start] + [e.start for e in overlapping])
        end = max([match.end] + [e.end for e in overlapping])
        result.append(Span(match.doc, start, end, label=match.label_))
    result.extend(entities[index:])
    return result


class GazetteerFixer:
    """Relabels and adds entities from the gazetteer."""

    def __init__(self, nlp: Language, gazetteers: list[str]) -> None:
        self.matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        for entry in load_entries(tuple(gazetteers)):
            self.matcher.add(f"{entry.type}\t{entry.name}",
                             [nlp.make_doc(s) for s in entry.surfaces])

    def __call__(self, doc: Doc) -> Doc:
        found = []
        for match_id, start, end in self.matcher(doc):
            label = doc.vocab.strings[match_id].split("\t", 1)[0]
            found.append(Span(doc, start, end, label=label))
        if not found:
            return doc
        matches = sorted(filter_spans(found), key=lambda s: s.start)
        doc.ents = filter_spans(apply_matches(list(doc.ents), matches))
        return doc


@Language.factory("rafah_gazetteer", default_config={"gazetteers": []})
def make_gazetteer_fixer(nlp: Language, name: str, gazetteers: list[str]) -> GazetteerFixer:
    """spaCy factory for the gazetteer component."""
    return GazetteerFixer(nlp, gazetteers)
