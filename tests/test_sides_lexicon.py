"""The side lexicon: every country's demonym is a side; armed groups name where they act."""

from __future__ import annotations

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
