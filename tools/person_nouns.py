"""Build ``src/rafah/data/person_nouns.txt`` from a WordNet 3.x database folder.

    python tools/person_nouns.py WORDNET_DICT_DIR > src/rafah/data/person_nouns.txt

A noun names a person when its most frequent sense (the first synset of ``index.noun``) is in
the lexicographer file ``noun.person`` (number 18). Proper names (the synset spells the word
with a capital), multi-word entries and senses glossed as slurs or offensive are left out.
The output keeps WordNet's copyright notice, as its licence asks.
"""

from __future__ import annotations

import sys
from pathlib import Path

PERSON_FILE = 18
NOTICE = """# Nouns whose most frequent sense names a person, derived from WordNet 3.1 by
# tools/person_nouns.py. WordNet 3.0 Copyright 2006 by Princeton University. All rights
# reserved. THIS SOFTWARE AND DATABASE IS PROVIDED "AS IS" AND PRINCETON UNIVERSITY MAKES NO
# REPRESENTATIONS OR WARRANTIES, EXPRESS OR IMPLIED. The name of Princeton University or
# Princeton may not be used in advertising or publicity pertaining to distribution of the
# software and/or database."""


def synsets(folder: Path) -> dict[str, tuple[int, list[str], str]]:
    """Synset offset → (lexicographer file, its words as spelled, gloss)."""
    found = {}
    for line in (folder / "data.noun").read_text(encoding="latin-1").splitlines():
        if line.startswith("  "):
            continue
        head, _, gloss = line.partition(" | ")
        parts = head.split()
        count = int(parts[3], 16)
        words = [parts[4 + 2 * i] for i in range(count)]
        found[parts[0]] = (int(parts[1]), words, gloss)
    return found


def person_nouns(folder: Path) -> list[str]:
    """Single-word common nouns whose first sense is a person."""
    known = synsets(folder)
    nouns = []
    for line in (folder / "index.noun").read_text(encoding="latin-1").splitlines():
        if line.startswith("  "):
            continue
        parts = line.split()
        lemma, senses, pointers = parts[0], int(parts[2]), int(parts[3])
        first = parts[4 + pointers + 2: 4 + pointers + 2 + senses][0]
        lexfile, words, gloss = known[first]
        if lexfile != PERSON_FILE or not lemma.replace("-", "").isalpha():
            continue
        if lemma not in words or "slur" in gloss or "offensive" in gloss:
            continue
        nouns.append(lemma)
    return sorted(nouns)


def main() -> None:
    print(NOTICE)
    print("\n".join(person_nouns(Path(sys.argv[1]))))


if __name__ == "__main__":
    main()
