"""A spaCy component, run after `ner`, that applies the domain gazetteer to the entities.

A gazetteer match relabels the model's entity when it covers that entity (apart from a leading
determiner or a trailing possessive), so "Rafah" tagged PERSON becomes GPE and "the Rafah
Crossing" tagged PERSON becomes FAC. A model entity that is longer than the match
("the Hamas Ministry of Health") is kept. Matches where the model found nothing are added.
Imported only by `rafah.nlp.load_pipeline` (it imports spaCy).
"""

from __future__ import annotations

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from rafah.gazetteer import load_entries

_FRINGE = {"DET", "PUNCT", "PART"}


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
        entities = list(doc.ents)
        for span in filter_spans(found):
            overlapping = [e for e in entities if e.start < span.end and span.start < e.end]
            if any(self._longer(e, span) for e in overlapping):
                continue
            start = min([span.start] + [e.start for e in overlapping])
            end = max([span.end] + [e.end for e in overlapping])
            entities = [e for e in entities if e not in overlapping]
            entities.append(Span(doc, start, end, label=span.label_))
        doc.ents = filter_spans(entities)
        return doc

    @staticmethod
    def _longer(entity: Span, match: Span) -> bool:
        """Whether the model's entity holds content words outside the match."""
        outside = [t for t in entity if t.i < match.start or t.i >= match.end]
        return any(t.pos_ not in _FRINGE and t.text not in ("'s", "\u2019s") for t in outside)


@Language.factory("rafah_gazetteer", default_config={"gazetteers": []})
def make_gazetteer_fixer(nlp: Language, name: str, gazetteers: list[str]) -> GazetteerFixer:
    """spaCy factory for the gazetteer component."""
    return GazetteerFixer(nlp, gazetteers)
