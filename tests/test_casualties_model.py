"""Casualty extraction on sentences written for the purpose (real spaCy pipeline).

Each case lists every figure the sentence must give, as (kind, value, qualifier, group, source);
an empty list means the sentence holds no casualty figure at all.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rafah.extract.registry import analyse_doc

pytestmark = pytest.mark.model

CASES: list[tuple[str, list[tuple]]] = [
    # --- active, passive and nominal forms
    ("Israeli troops killed at least 60 Palestinians in the raid.",
     [("killed", 60, "at least", "Palestinians", None)]),
    ("60 Palestinians were killed in the strike, the ministry said.",
     [("killed", 60, None, "Palestinians", "ministry")]),
    ("The death toll rose to 31,184, the Gaza health ministry said on Monday.",
     [("killed", 31184, None, None, "Gaza health ministry")]),
    ("The Hamas Ministry of Health reported over 31,000 deaths.",
     [("killed", 31000, "over", None, "Hamas Ministry of Health")]),
    ("Over 34,900 Palestinians and 1,455 Israelis have suffered fatalities since the escalation.",
     [("killed", 34900, "over", "Palestinians", None), ("killed", 1455, None, "Israelis", None)]),
    ("The gunman killed 12 and injured 40 before police shot him.",
     [("killed", 12, None, None, None), ("injured", 40, None, None, None),
      ("injured", 1, None, None, None)]),
    ("Nearly 32,000 Palestinians have been killed, according to the Hamas-run Gaza health "
     "ministry.", [("killed", 32000, "nearly", "Palestinians", "Hamas-run Gaza health ministry")]),
    ("More than 1.9 million people have been displaced in Gaza, according to the UN.",
     [("displaced", 1900000, "more than", "people", "UN")]),
    ("The city is a refuge for over 1.5 million Palestinians displaced by the war.",
     [("displaced", 1500000, "over", "Palestinians", None)]),
    ("At least six people are dead following a shooting near a mosque, according to the "
     "Royal Oman Police.", [("killed", 6, "at least", "people", "Royal Oman Police")]),
    ("Another 30 Pakistanis were injured and are receiving treatment, the ministry added.",
     [("injured", 30, None, "Pakistanis", "ministry")]),
    ("At least four Pakistanis were among the dead, the foreign ministry said.",
     [("killed", 4, "at least", "Pakistanis", "foreign ministry")]),
    ("The bus plunged into a ravine, killing at least 23 people.",
     [("killed", 23, "at least", "people", None)]),
    ("Dozens of people were killed in the airstrike.",
     [("killed", 24, None, "people", None)]),
    ("Hundreds of Palestinians have been detained in the West Bank since October 7.",
     [("detained", 200, None, "Palestinians", None)]),
    ("Some 120 hostages are still held in Gaza.", [("hostages", 120, "some", None, None)]),
    ("Nearly 100 people remain missing after the flood.",
     [("missing", 100, "nearly", "people", None)]),
    ("Police arrested 45 protesters outside the convention.",
     [("detained", 45, None, "protesters", None)]),
    ("The attack left 23 dead and dozens wounded.",
     [("killed", 23, None, None, None), ("injured", 24, None, None, None)]),
    ("About 250 people were taken hostage during the October 7 attack.",
     [("hostages", 250, "about", "people", None)]),
    ("Two soldiers died and five were wounded in the ambush, the army said.",
     [("killed", 2, None, "soldiers", "army"), ("injured", 5, None, None, "army")]),
    ("The strike wounded 17 civilians, including six children.",
     [("injured", 17, None, "civilians", None), ("injured", 6, None, "children", None)]),
    ("A total of 1,200 people were killed in the attack, Israeli officials say.",
     [("killed", 1200, None, "people", "Israeli officials")]),
    ("The number of injured stands at 72,000, the ministry said.",
     [("injured", 72000, None, None, "ministry")]),
    ("Up to 300 people may have been killed, rescuers fear.",
     [("killed", 300, "up to", "people", None)]),
    ("Fewer than 50 people were injured in the blast.",
     [("injured", 50, "fewer than", "people", None)]),
    ("Around 40 migrants are missing after the boat capsized.",
     [("missing", 40, "around", "migrants", None)]),
    ("The storm killed five people and injured 12 others.",
     [("killed", 5, None, "people", None), ("injured", 12, None, "others", None)]),
    ("At least 90 people were killed in the strike on the school, which housed displaced "
     "families, civil defense officials said.",
     [("killed", 90, "at least", "people", "civil defense officials")]),
    ("An estimated 10,000 people are feared missing under the rubble.",
     [("missing", 10000, "an estimated", "people", None)]),
    ("Thousands of civilians have been displaced by the fighting.",
     [("displaced", 2000, None, "civilians", None)]),
    ("Three perpetrators were killed during the exchange, according to the police.",
     [("killed", 3, None, "perpetrators", "police")]),
    ("Eleven people were hospitalized after the attack.",
     [("injured", 11, None, "people", None)]),
    ("Authorities detained 15 suspects overnight.",
     [("detained", 15, None, "suspects", None)]),
    ("A dozen journalists have been arrested since the protests began.",
     [("detained", 12, None, "journalists", None)]),
    ("The clashes left 3 people dead.", [("killed", 3, None, "people", None)]),
    ("Gunmen abducted 20 students from a school in the north.",
     [("hostages", 20, None, "students", None)]),
    ("The quake's death toll has climbed to 2,960, officials said.",
     [("killed", 2960, None, None, "officials")]),
    # --- in the style of the development corpus (CNN)
    ("At least 23 people are dead after a bus plummeted over 650 feet into a ravine in Peru, "
     "authorities said.", [("killed", 23, "at least", "people", "authorities")]),
    ("The Israeli strike killed at least 90 people and wounded 300 more, according to the "
     "Gaza health ministry.",
     [("killed", 90, "at least", "people", "Gaza health ministry"),
      ("injured", 300, None, None, "Gaza health ministry")]),
    ("More than 38,000 people have been killed in Gaza since October 7, according to the "
     "Ministry of Health in the enclave.",
     [("killed", 38000, "more than", "people", "Ministry of Health in the enclave")]),
    ("Hamas took more than 250 hostages during its October 7 attack on Israel.",
     [("hostages", 250, "more than", None, None)]),
    ("Around 120 hostages remain in Gaza, about a third of whom are believed to be dead.",
     [("hostages", 120, "around", None, None)]),
    ("A Houthi drone attack on Tel Aviv killed one person and injured 10 others, Israeli "
     "officials said.",
     [("killed", 1, None, "person", "Israeli officials"),
      ("injured", 10, None, "others", "Israeli officials")]),
    ("Twelve children were among those killed, the agency said.",
     [("killed", 12, None, "children", "agency")]),
    ("The shooting left one attendee dead and two others critically injured.",
     [("killed", 1, None, "attendee", None), ("injured", 2, None, "others", None)]),
    ("Four people were killed and dozens were injured when the building collapsed.",
     [("killed", 4, None, "people", None), ("injured", 24, None, None, None)]),
    ("Russian strikes killed at least 41 people across Ukraine on Monday, officials said.",
     [("killed", 41, "at least", "people", "officials")]),
    # --- never a figure
    ("As the largest supplier of military aid to Israel, with $3.3 billion allocated in 2022 "
     "and an additional $14 billion requested, the US wields influence.", []),
    ("The U.S.-Israel discussions have spanned seven weeks.", []),
    ("The war is now in its fifth month.", []),
    ("A five-year-old girl was among the wounded.",
     [("injured", 1, None, "five-year-old girl", None)]),
    ("About 2.2 million people live in Gaza.", []),
    ("Hamas fighters used 500 tunnels and fired 3,000 rockets.", []),
    ("The convoy of 200 trucks crossed at Kerem Shalom.", []),
    ("Israel struck 40 schools used as shelters, the army said.", []),
    ("Unemployment rose to 45% in 2023.", []),
    ("The conflict began on October 7, 2023.", []),
    ("The 81-year-old president spoke for 30 minutes.", []),
    ("Rabin was killed in 1995 at the age of 73.", []),
    ("Some 40 countries signed the statement on the deaths of aid workers.", []),
    ("The ministry has 12 hospitals in the north.", []),
    ("The fund raised $2 million for the families of the 12 victims.", []),
    ("Biden won 14 million votes in the primaries.", []),
    ("The Israeli military said it hit 150 targets overnight.", []),
    ("It was the third attack this week.", []),
    ("The plan would cost 1.5 billion dollars over five years.", []),
    ("The stadium holds 60,000 fans.", []),
]


@pytest.fixture(scope="module")
def nlp():  # noqa: ANN201
    from rafah.nlp import load_pipeline, resolve_model

    return load_pipeline(resolve_model(None))


def test_there_are_enough_cases() -> None:
    assert len(CASES) >= 60
    assert sum(1 for _, expected in CASES if not expected) >= 15


@pytest.mark.parametrize(("sentence", "expected"), CASES, ids=[c[0][:50] for c in CASES])
def test_sentence(nlp, sentence: str, expected: list[tuple]) -> None:  # noqa: ANN001
    figures = list(analyse_doc(nlp(sentence)).casualties)
    found = [(f.kind, f.value, f.qualifier, f.group, f.source) for f in figures]
    assert found == expected


def test_hedges_set_bounds(nlp) -> None:  # noqa: ANN001
    over, nearly, about, exact, vague = (
        list(analyse_doc(nlp(s)).casualties)[0] for s in (
            "Over 100 people were killed.", "Nearly 100 people were killed.",
            "About 100 people were killed.", "100 people were killed.",
            "Dozens of people were killed."))
    assert (over.low, over.high) == (100, None)
    assert (nearly.low, nearly.high) == (None, 100)
    assert (about.low, about.high, about.qualifier) == (None, None, "about")
    assert (exact.low, exact.high, exact.qualifier) == (100, 100, None)
    assert (vague.low, vague.high, vague.vague) == (24, None, True)


def test_ranges_are_one_figure_with_bounds(nlp) -> None:  # noqa: ANN001
    for sentence, low, high in (("Officials said 20 to 30 people were wounded.", 20, 30),
                                ("Police said 15-20 protesters were detained.", 15, 20),
                                ("Between two and five people died.", 2, 5)):
        figures = list(analyse_doc(nlp(sentence)).casualties)
        assert len(figures) == 1
        assert (figures[0].value, figures[0].low, figures[0].high) == (low, low, high)
    changed = list(analyse_doc(nlp("The toll was revised from 45 to 38 after a recount."))
                   .casualties)
    assert [f.value for f in changed] in ([], [38])


def test_running_totals(nlp) -> None:  # noqa: ANN001
    def cumulative(sentence: str) -> bool:
        return list(analyse_doc(nlp(sentence)).casualties)[0].cumulative

    assert cumulative("The death toll rose to 31,184.")
    assert cumulative("More than 38,000 people have been killed since October 7.")
    assert cumulative("In total, 1,200 people were killed.")
    assert not cumulative("The strike killed 12 people on Tuesday.")


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=200))
def test_arbitrary_text_never_raises(nlp, text: str) -> None:  # noqa: ANN001
    for figure in list(analyse_doc(nlp(text)).casualties):
        assert figure.value > 0 and figure.start < figure.end
