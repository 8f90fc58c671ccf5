"""Casualty mechanisms of round 2, on sentences written for the purpose (real spaCy pipeline).

Each case lists every figure the text must give as (kind, value, vague); an empty list means no
casualty figure. Links (part_of / restates) are checked where the case is about them.
"""

from __future__ import annotations

from collections import Counter

import pytest

from rafah.extract.registry import analyse_doc

pytestmark = pytest.mark.model

CASES: list[tuple[str, list[tuple[str, int | None, bool]]]] = [
    # age phrases as the victim's head, alone or listed
    ("A 3-year-old drowned in the hotel pool on Sunday.", [("killed", 1, False)]),
    ("Police said a 19-year-old man was stabbed outside the stadium.", [("injured", 1, False)]),
    ("A 4-month-old in Ohio, a 6-year-old in Texas and a 9-year-old in Utah died in the "
     "heat wave.", [("killed", 3, False)]),
    ("The 7-year-old smiled as her grandmother opened the gift.", []),
    # a demonym used as a noun, also where the parser hung it on a plural noun
    ("Soldiers opened fire at a checkpoint, killing a Syrian and wounding others.",
     [("killed", 1, False)]),
    ("Police arrested a Lebanese at the border crossing.", [("detained", 1, False)]),
    # relative and participial clauses, appositives of names
    ("Mourners honoured the firefighter who died in the blaze.", [("killed", 1, False)]),
    ("She met the teacher who was wounded in the attack.", [("injured", 1, False)]),
    ("The gunman, who killed two guards, escaped.", [("killed", 2, False)]),
    ("Maria Lopez, a veteran nurse, was killed when the roof collapsed.",
     [("killed", 1, False)]),
    ("Maria Lopez was killed when the roof collapsed.", []),
    ("Officials named the engineer detained in Tehran last month.", [("detained", 1, False)]),
    ("The family demanded the photographer's release after the photographer's detention.",
     [("detained", 1, False)]),
    # harm adverbs, forced relocation, bodies
    ("A farmer was fatally shot near the village.", [("killed", 1, False)]),
    ("More than 5,000 refugees were forcibly returned across the border last year.",
     [("displaced", 5000, False)]),
    ("The ministry recorded 2,400 forced deportations in March.",
     [("displaced", 2400, False)]),
    ("About 300 refugees returned home voluntarily.", []),
    ("Fishermen spotted a body near the pier.", [("killed", 1, False)]),
    # blocked: attempts, generic conditions, dates after the number
    ("Investigators studied the attempted assassination of the mayor.", []),
    ("Whenever a climber dies on the mountain, the park closes the trail.", []),
    ("On 4 March 2023, troops killed 6 fighters.", [("killed", 6, False)]),
    # companions, bracketed parts, set-off partitives, totals
    ("Gunmen executed the village chief along with 3 relatives.",
     [("killed", 1, False), ("killed", 3, False)]),
    ("The raid killed at least 9 Yemenis (a woman and 4 children).",
     [("killed", 9, False), ("killed", 1, False), ("killed", 4, False)]),
    ("Health officials counted 40 heat deaths this summer – 12 in July alone.",
     [("killed", 40, False), ("killed", 12, False)]),
    ("Shelling killed 4 people. Drones killed 2 more. Total confirmed fatalities 6.",
     [("killed", 4, False), ("killed", 2, False), ("killed", 6, False)]),
    # vague amounts
    ("The war has claimed so many lives.", [("killed", None, True)]),
    ("At least five people died and scores more were hurt.",
     [("killed", 5, False), ("injured", None, True)]),
    ("A storm left 30 people dead and millions without power.", [("killed", 30, False)]),
    ("Many families were hurt by the price rises.", []),
    # round 3: a harm adjective before a single person noun
    ("An injured boy waited outside the clinic with his aunt.", [("injured", 1, False)]),
    ("Ahmed Saleh, a displaced teacher from Rafah, spoke to reporters.",
     [("displaced", 1, False)]),
    ("A tired boy waited outside the clinic with his aunt.", []),
    # a bare person noun coordinated after a single shares its determiner
    ("The pilot died in the crash alongside his son and nephew.",
     [("killed", 1, False), ("killed", 2, False)]),
    ("A farmer and his tractor were swept away by the flood.", []),
    # a single inside an "including" list, or naming someone, is inside the count
    ("Eleven people died, including the two attackers and a guard.",
     [("killed", 11, False), ("killed", 2, False)]),
    ("Eight reporters are detained abroad, including Ana Ruiz, a photographer who was "
     "arrested in May.", [("detained", 8, False)]),
    # a harm verb coordinated with the victim's verb makes it a harm clause
    ("A guard was assaulted and wounded at the gate.", [("injured", 1, False)]),
    ("A guard was assaulted and questioned at the gate.", []),
    # a named "one of" is a person, not a count
    ("Rivera is one of 14 sailors detained by the coastguard.", [("detained", 14, False)]),
    ("One of the 14 sailors detained by the coastguard died in custody.",
     [("detained", 14, False), ("killed", 1, False)]),
    # a number word counting people is a count even when tagged as a date
    ("Forty villagers were killed in the attack.", [("killed", 40, False)]),
    ("The attack happened forty years ago.", []),
    # an elided passive auxiliary in a coordination
    ("Forty villagers were killed and 12 others kidnapped by the militia.",
     [("killed", 40, False), ("hostages", 12, False)]),
    ("Forty villagers were rescued and the militia kidnapped 12 others.",
     [("hostages", 12, False)]),
    # a relative clause set off after an "including" list is about the whole count
    ("Nine miners, including three brothers, who were trapped underground died.",
     [("killed", 9, False), ("killed", 3, False)]),
    ("Nine miners, including three brothers who were hurt, attended the hearing.",
     [("injured", 3, False)]),
    # animals are never casualty counts; refuge and round-ups are
    ("The outbreak forced farmers to kill 40,000 chickens.", []),
    ("Soldiers shot dead 200 cattle during the raid.", []),
    ("Thousands have taken refuge in schools since the shelling began.",
     [("displaced", None, True)]),
    ("Police rounded up 35 protesters outside parliament.", [("detained", 35, False)]),
    # round 4: nouns that always name two people
    ("The couple were stabbed in their shop overnight.", [("injured", 2, False)]),
    ("A storm killed 9 campers, including his parents.",
     [("killed", 9, False), ("killed", 2, False)]),
    ("Her parents were detained at the airport.", [("detained", 2, False)]),
    ("The twins were wounded by shrapnel.", [("injured", 2, False)]),
    ("A couple hours later the twins went home.", []),
    ("His parents attended the memorial for the victims.", []),
    # "another" standing for one more victim
    ("One guard was killed and another wounded in the riot.",
     [("killed", 1, False), ("injured", 1, False)]),
    ("One miner died, another was hurt.", [("killed", 1, False), ("injured", 1, False)]),
    ("One official resigned and another stabbed a colleague.", [("injured", 1, False)]),
    # a release does not undo captivity: the people freed were hostages
    ("Commandos rescued five hostages from a farmhouse.", [("hostages", 5, False)]),
    ("The militia freed 12 hostages at dawn.", [("hostages", 12, False)]),
    ("Volunteers rescued 40 people from the flood.", []),
    ("The deal could free 25 hostages next month.", []),
    # harm verbs of general knowledge
    ("Guards tortured three prisoners in the cellar.", [("injured", 3, False)]),
    ("Attackers strangled a nurse in her home.", [("killed", 1, False)]),
    ("Rebels slaughtered 30 villagers.", [("killed", 30, False)]),
    ("The chef strangled the dough into knots.", []),
    # a status noun of imprisonment
    ("Six inmates were stabbed during the riot.", [("injured", 6, False)]),
    ("The court ordered the resentencing of four inmates.", [("detained", 4, False)]),
    # the topic of a noun ("information about X") is not governed by the verb above it
    ("Gunmen killed a reporter who was gathering information about the mayor and his parents.",
     [("killed", 1, False)]),
    # a tally that changes: its new value, with the tally's kind
    ("The storms raised the number of people displaced in the province from 8,000 to 11,000.",
     [("displaced", 11000, False)]),
    ("The clashes raised the number of injured from 120 to 175.", [("injured", 175, False)]),
    ("The festival raised the number of visitors from 2,000 to 3,000.", []),
]

LINKS: list[tuple[str, list[tuple[str, int, str | None]]]] = [
    # (kind, value, "part" / "restates" / None)
    ("The raid killed at least 9 Yemenis (a woman and 4 children).",
     [("killed", 9, None), ("killed", 1, "part"), ("killed", 4, "part")]),
    ("Shelling killed 4 people. Drones killed 2 more. Total confirmed fatalities 6.",
     [("killed", 4, "part"), ("killed", 2, "part"), ("killed", 6, None)]),
    ("A strike killed 3 people in Rafah. 3 fatalities were reported.",
     [("killed", 3, None), ("killed", 3, "restates")]),
    ("A strike killed 3 people in Rafah. Another 3 were killed in Khan Younis.",
     [("killed", 3, None), ("killed", 3, None)]),
    ("A man was stabbed at the market. He died in hospital.",
     [("injured", 1, None), ("killed", 1, None)]),
    ("A boy was injured by a car. Doctors said he died later. The boy was 8.",
     [("injured", 1, None), ("killed", 1, None)]),
]

PRONOUNS: list[tuple[str, list[tuple[str, int, bool]]]] = [
    ("A toddler was found in a hot car. She died at the scene.", [("killed", 1, False)]),
    ("John Smith was found in his car. He died at the scene.", []),
    ("A nurse said the patient was stable. Later, she was stabbed by a visitor.",
     [("injured", 1, False)]),
    ("He was wounded in 2004.", []),
]


@pytest.fixture(scope="module")
def nlp():  # noqa: ANN201
    from rafah.nlp import load_pipeline, resolve_model

    return load_pipeline(resolve_model(None))


def _figures(nlp, text: str) -> list:  # noqa: ANN001
    return list(analyse_doc(nlp(text)).casualties)


@pytest.mark.parametrize(("text", "expected"), CASES + PRONOUNS)
def test_figures(nlp, text: str, expected: list) -> None:  # noqa: ANN001
    found = Counter((f.kind, None if f.vague else f.value, f.vague) for f in _figures(nlp, text))
    assert found == Counter(expected)


@pytest.mark.parametrize(("text", "expected"), LINKS)
def test_links(nlp, text: str, expected: list) -> None:  # noqa: ANN001
    figures = _figures(nlp, text)

    def link(f) -> str | None:  # noqa: ANN001
        return "part" if f.part_of is not None else "restates" if f.restates is not None \
            else None

    found = Counter((f.kind, f.value, link(f)) for f in figures if not f.vague)
    assert found == Counter(expected)


def test_vague_quantifier_is_a_placeholder_never_a_count(nlp) -> None:  # noqa: ANN001
    (figure,) = _figures(nlp, "The war has claimed so many lives.")
    assert figure.vague and figure.low == figure.value and figure.high is None
