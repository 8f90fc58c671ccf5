"""The side lexicon: every country's demonym is a side; armed groups name where they act."""

from __future__ import annotations

import pytest

from rafah.extract.sides import side_lexicon
from rafah.resources import json_data


def test_every_demonym_names_a_side() -> None:
    lex = side_lexicon()
    demonyms = json_data("entity_groups.json")["demonyms"]
    assert set(demonyms) <= set(lex.code_side)
    assert lex.words["vietnamese"] == ("Vietnamese", None)
    assert lex.words["ugandans"] == ("Ugandan", None)
    assert lex.code_side["VN"] == ("Vietnamese", "Vietnam")


def test_armed_groups_are_local_actors() -> None:
    lex = side_lexicon()
    assert lex.local_actors["janjaweed"] == "Sudanese"
    assert lex.local_actors["boko haram"] == "Nigerian"
    assert lex.local_actors["al shabaab"] == "Somali"
    groups = json_data("armed_groups.json")["groups"]
    assert len({name for names in groups.values() for name in names}) >= 50


@pytest.mark.parametrize(("name", "side"), [("Enga province", "Papua New Guinean"),
                                            ("Khyber Pakhtunkhwa province", "Pakistani"),
                                            ("Kharkiv region", "Ukrainian")])
def test_a_division_named_with_its_suffix_gives_its_country(name: str, side: str) -> None:
    from rafah.extract.sides import place_side

    assert place_side(name)[0] == side
