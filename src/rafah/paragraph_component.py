"""A spaCy component, run before the parser, that starts a sentence after every paragraph
break, so that no sentence (and no parse) crosses a blank line. Imported only by
`rafah.nlp.load_pipeline` (it imports spaCy)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


@Language.component("rafah_paragraphs")
def paragraph_starts(doc: Doc) -> Doc:
    """Mark the first token after a blank line as a sentence start."""
    for token in doc[:-1]:
        if token.is_space and "\n\n" in token.text:
            doc[token.i + 1].is_sent_start = True
    return doc
