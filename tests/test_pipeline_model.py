"""The spaCy pipeline rafah builds (model tests)."""

from __future__ import annotations

import pytest

from rafah.nlp import load_pipeline, resolve_model


@pytest.mark.model
def test_no_sentence_crosses_a_paragraph_break() -> None:
    nlp = load_pipeline(resolve_model())
    text = ("\u201cWe will not leave,\u201d she said\n\n"
            "Strikes killed 12 people overnight, officials said\n\n"
            "a quote without an end\n\nAnother paragraph begins here. It has two sentences.")
    doc = nlp(text)
    for sent in doc.sents:
        assert "\n\n" not in sent.text.strip(), sent.text
    starts = {s.start_char for s in doc.sents}
    for paragraph_start in (text.index("Strikes"), text.index("a quote"), text.index("Another")):
        assert paragraph_start in starts
