"""Harm mentions and victim sides: one purpose-written sentence per mechanism."""

from __future__ import annotations

from typing import Any

import pytest

from rafah.extract.context import ExtractContext
from rafah.extract.harm_mentions import harm_mentions
from rafah.extract.sides import place_side

pytestmark = pytest.mark.model

Row = tuple[str, int | None, str | None, str]


@pytest.fixture(scope="module")
def nlp():  # noqa: ANN201
    from rafah.nlp import load_pipeline, resolve_model

    return load_pipeline(resolve_model(None))


def _rows(nlp: Any, text: str, context: str | None = None) -> list[Row]:
    """(kind, value, side, voice) of the mentions in ``text`` (after its context)."""
    prefix = f"{context}.\n\n" if context else ""
    doc = nlp(prefix + text)
    found = harm_mentions(doc, context=ExtractContext.for_doc(doc))
    return [(m.kind, m.value, m.side, m.voice) for m in found if m.start >= len(prefix)]


@pytest.mark.parametrize(("text", "expected"), [
    # "another", "two others": the side of the victims named before them
    ("Two soldiers were killed and another was wounded in a Hezbollah attack near Metula.",
     [("killed", 2, "Israeli", "passive"), ("injured", 1, "Israeli", "passive")]),
    ("Three Ukrainian civilians died and two others were missing after the strike.",
     [("killed", 3, "Ukrainian", "none"), ("missing", 2, "Ukrainian", "none")]),
    # a domestic force harms its own country's people
    ("Nigerian police shot dead three protesters during a march.",
     [("killed", 3, "Nigerian", "active")]),
    # the count of a tally of the victims, of a collective noun
    ("The number of journalists killed in Sudan has risen to 12.",
     [("killed", 12, "Sudanese", "passive")]),
    ("A family of five was killed in Rafah.", [("killed", 5, "Palestinian", "passive")]),
    # animals are no victims; denied harm is no mention
    ("Dozens of sheep were killed by the blast.", []),
    ("Officials denied claims that any civilians had been killed.", []),
    # "killed or injured" is one count of casualties
    ("Forty people were killed or injured in the blast in Karachi.",
     [("casualties", 40, "Pakistani", "passive")]),
    ("Hundreds of families were forced from their homes in Khan Younis.",
     [("displaced", None, "Palestinian", "passive")]),
    # euphemisms of killing
    ("The army said it had eliminated 12 gunmen in Tulkarm.",
     [("killed", 12, "Palestinian", "active")]),
    # a party harming on its own ground harms the other party
    ("A Hamas gunman killed two people in Tel Aviv.", [("killed", 2, "Israeli", "active")]),
    # a harm adjective standing for its victims
    ("Hospitals in Gaza City received 60 wounded overnight.",
     [("injured", 60, "Palestinian", "none")]),
    ("Clashes between the army and Hamas fighters in Jabalia left 9 dead.",
     [("killed", 9, "Palestinian", "none")]),
    # "among them": a part of the victims, not more of them
    ("The strike killed five people in Odesa and wounded 20, among them three children.",
     [("killed", 5, "Ukrainian", "active"), ("injured", 20, "Ukrainian", "active")]),
])
def test_mechanisms(nlp: Any, text: str, expected: list[Row]) -> None:
    assert _rows(nlp, text) == expected


@pytest.mark.parametrize(("context", "text", "side"), [
    # a country that attacks, the origin of the weapons: the attacker, not the place of harm
    ("Russia fired 40 missiles at Kyiv overnight", "Three people died.", "Ukrainian"),
    ("Drones launched from Yemen hit the port of Eilat", "Two people were wounded.", "Israeli"),
])
def test_context_attacker(nlp: Any, context: str, text: str, side: str) -> None:
    assert [row[2] for row in _rows(nlp, text, context)] == [side]


def test_speaker_and_beneficiary_are_no_place(nlp: Any) -> None:
    rows = _rows(nlp, "Egyptian police arrested 30 people accused of smuggling for Libya.")
    assert rows == [("detained", 30, "Egyptian", "active")]


def test_place_with_a_suffix() -> None:
    assert place_side("Kherson district")[0] == "Ukrainian"


# the parties of a conflict: who speaks, whose soldiers, which context
def _sides(nlp: Any, text: str, context: str | None = None) -> list[tuple[str, str | None]]:
    """(kind, side) of the mentions in ``text`` (after its context)."""
    prefix = f"{context}.\n\n" if context else ""
    doc = nlp(prefix + text)
    found = harm_mentions(doc, context=ExtractContext.for_doc(doc))
    return [(m.kind, m.side) for m in found if m.start >= len(prefix)]


@pytest.mark.parametrize(("text", "expected"), [
    # an army reporting its soldiers' harm: the army's side, not the place's
    ("Ukraine's army said three soldiers were wounded near Belgorod on Friday.",
     [("injured", "Ukrainian")]),
    # "the military said it killed ...": the pronoun agent is the speaker
    ("The Israeli military said it killed eight gunmen in Tubas.",
     [("killed", "Palestinian")]),
    # soldiers of no named side in an area where one army operates
    ("Three conscripts were killed in Khan Younis, the military said.",
     [("killed", "Israeli")]),
    # soldiers beside a named force of the sentence
    ("Israeli troops arrested 12 men in Nablus after a sniper injured a soldier at a roadblock.",
     [("detained", "Palestinian"), ("injured", "Israeli")]),
    # a place near the victims says where, not who: the attacker on its own ground
    ("Hezbollah fighters wounded five soldiers near Bint Jbeil.", [("injured", "Israeli")]),
    # a local armed group named with its country
    ("Pakistani Taliban militants killed four policemen in Peshawar.",
     [("killed", "Pakistani")]),
    # one count of many nationalities, and foreigners whose country is not the place's
    ("Nine engineers from France, Japan, India and Kenya were killed when the dam collapsed.",
     [("killed", None)]),
    ("Twelve tourists were injured when a bus overturned in Hebron.", [("injured", None)]),
    # a bare conjunct shares the count of the noun before it
    ("Twelve guards and drivers died in the ambush near Mosul.", [("killed", "Iraqi")]),
    # people from a settlement
    ("A woman from a settlement near Ramallah was stabbed to death.", [("killed", "Israeli")]),
])
def test_party_mechanisms(nlp: Any, text: str, expected: list[tuple[str, str | None]]) -> None:
    assert _sides(nlp, text) == expected


@pytest.mark.parametrize(("context", "text", "side"), [
    # "others" in the next sentence: the victims named just before
    ("A Russian soldier was killed in Kherson on Tuesday", "Four others were wounded.",
     "Russian"),
    # the victims of the sentence before weigh more than its places
    ("Ukraine's military says soldiers were killed in Kursk",
     "The three paratroopers died when a mine exploded.", "Ukrainian"),
    # two opposing parties named together: either side's
    ("Armenia and Azerbaijan exchanged fire along the border", "Two people were killed.", None),
    # a country that advances on another's ground: the ground's people are harmed
    ("Russia pushed deeper into Ukraine's Sumy region", "Six civilians were killed.",
     "Ukrainian"),
])
def test_context_parties(nlp: Any, context: str, text: str, side: str | None) -> None:
    assert [s for _, s in _sides(nlp, text, context)] == [side]


@pytest.mark.parametrize(("text", "expected"), [
    # every country's demonym is a side (entity_groups.json), not only the curated ones
    ("Three Ugandan peacekeepers were killed in an ambush.",
     [("killed", 3, "Ugandan", "passive")]),
    ("Indonesian authorities detained 30 Malaysian fishermen.",
     [("detained", 30, "Malaysian", "active")]),
    # a province or state with its suffix; where hostages were taken outside a two-sided war
    ("Gunmen killed 12 villagers in Katsina state.", [("killed", 12, "Nigerian", "active")]),
    ("Four engineers were kidnapped in Kaduna state.",
     [("hostages", 4, "Nigerian", "passive")]),
    # a place inside the agent's phrase says where it struck, not whose it is
    ("Landslides in Assam have displaced 3,000 families.",
     [("displaced", 3000, "Indian", "active")]),
    # an armed group's victims are of the country where it acts (data/armed_groups.json)
    ("Fano militiamen killed seven farmers.", [("killed", 7, "Ethiopian", "active")]),
    ("Abu Sayyaf gunmen abducted three fishermen.", [("hostages", 3, "Filipino", "active")]),
    # the count of "took N people hostage" belongs to the people, not to "hostage"
    ("Pirates took 18 sailors hostage off the coast.", [("hostages", 18, None, "active")]),
    # any verb "to death", its object after the phrase
    ("Attackers clubbed to death four herders.", [("killed", 4, None, "active")]),
    # a hyphenated person noun
    ("A passer-by was killed by a stray bullet.", [("killed", 1, None, "passive")]),
    # a counted harm participle standing for its victims
    ("Ambulances carried 25 wounded to the hospital.", [("injured", 25, None, "none")]),
    # "dead" predicated of an object
    ("The ministry declared 12 of the miners dead.", [("killed", 12, None, "none")]),
    # each conjunct its own side and count; a noun coordinated with people is a person
    ("Three Nepali workers and a Kenyan guard were wounded.",
     [("injured", 3, "Nepali", "passive"), ("injured", 1, "Kenyan", "passive")]),
    # an elliptical count: the side of the victims before it, the voice of the elided verb
    ("Six Afghan police officers were killed and four wounded in the attack.",
     [("killed", 6, "Afghan", "passive"), ("injured", 4, "Afghan", "passive")]),
    ("Three climbers died and two are missing.",
     [("killed", 3, None, "none"), ("missing", 2, None, "none")]),
    ("Two guards were shot dead and a driver wounded in the ambush.",
     [("killed", 2, None, "passive"), ("injured", 1, None, "passive")]),
    # a counted harm adjective as the object of a report
    ("Local media reported 14 dead in the floods.", [("killed", 14, None, "none")]),
    # "to death" that is no killing
    ("The man was sentenced to death in 2019.", []),
])
def test_general_mechanisms(nlp: Any, text: str, expected: list[Row]) -> None:
    assert _rows(nlp, text) == expected


def test_place_with_a_state_suffix() -> None:
    assert place_side("Sokoto state") == ("Nigerian", "Nigeria")


@pytest.mark.parametrize(("text", "expected"), [
    # a partitive aside between the count and its verb keeps the count
    ("Nine Kenyan miners, most of them from one town, were killed when the shaft collapsed.",
     [("killed", 9, "Kenyan", "passive")]),
    ("Bandits abducted 30 Nigerian villagers, many of them children, near Katsina.",
     [("hostages", 30, "Nigerian", "active")]),
    # "among them ..." is no addition to the victims
    ("Police detained 40 Kenyan students, among them two reporters and a lecturer.",
     [("detained", 40, "Kenyan", "active")]),
    # a bare collective conjunct is counted with the count before it
    ("All 89 passengers and crew were killed when the plane crashed.",
     [("killed", 89, None, "passive")]),
    # harm by a verb and its object or particle
    ("The flood claimed the lives of 40 Indonesian villagers.",
     [("killed", 40, "Indonesian", "active")]),
    ("Soldiers rounded up 60 Burkinabe herders in a dawn raid.",
     [("detained", 60, "Burkinabe", "active")]),
    # harm verbs of the broad vocabulary
    ("A Kenyan man was lynched by a mob and two of his friends were badly beaten.",
     [("killed", 1, "Kenyan", "passive"), ("injured", 2, "Kenyan", "passive")]),
    ("Gunmen seized three Nigerian engineers outside Kaduna.",
     [("hostages", 3, "Nigerian", "active")]),
    # a harm adjective after its people, a small clause
    ("The cyclone hit the coast of Mozambique, leaving 20 fishermen dead.",
     [("killed", 20, "Mozambican", "none")]),
    # shooting down drones harms no one; a threat is no harm
    ("The army said it shot down 40 of the 50 drones launched overnight.", []),
    ("The militia threatened on Sunday to kill the hostages it holds.", []),
    # a breakdown by nationality that adds up to the count: one mention per people
    ("Five aid workers, three Britons and two Malawians, were killed in the strike.",
     [("killed", 3, "British", "passive"), ("killed", 2, "Malawian", "passive")]),
    ("Rebels killed 12 peacekeepers, ten of them Tanzanian and two Malawian, in Beni.",
     [("killed", 10, "Tanzanian", "active"), ("killed", 2, "Malawian", "active")]),
    # two peoples counted on one noun: each its own side
    ("The shelling killed four Iraqi and two Turkish soldiers on Tuesday.",
     [("killed", 4, "Iraqi", "active"), ("killed", 2, "Turkish", "active")]),
    # the victims' own demonym, not their employer's
    ("The blast wounded three Indian employees of a Saudi contractor.",
     [("injured", 3, "Indian", "active")]),
    # "the dead included ...": one mention per people listed
    ("The dead included a Jordanian doctor and two Egyptian nurses.",
     [("killed", 1, "Jordanian", "none"), ("killed", 2, "Egyptian", "none")]),
    # "were among those killed": the subject
    ("Three Nepali students were among those killed in the attack.",
     [("killed", 3, "Nepali", "passive")]),
])
def test_long_sentence_mechanisms(nlp: Any, text: str, expected: list[Row]) -> None:
    """Mechanisms of long wire-news sentences: counts, vocabulary, breakdowns, sides."""
    assert _rows(nlp, text) == expected


@pytest.mark.parametrize(("text", "side"), [
    # "two of his colleagues", "two other staff": the side of the victims named before
    ("A Kenyan guard was shot dead and two of his colleagues were wounded near the border.",
     "Kenyan"),
    ("A Nigerian nurse was stabbed to death and two other staff were injured by an intruder.",
     "Nigerian"),
    # a participle with its agent says who struck: "rockets fired by Hezbollah"
    ("A rocket fired by Hezbollah hit a house, killing three people.", "Israeli"),
])
def test_side_of_related_victims(nlp: Any, text: str, side: str) -> None:
    """Every mention of the sentence has the side of the victims named first (or the
    opponent of the agent)."""
    assert {row[2] for row in _rows(nlp, text)} == {side}


@pytest.mark.parametrize(("text", "expected"), [
    # a single person coordinated with a counted conjunct: the counts add up; a place the parse
    # made the subject ("In X, ...") with the people as its apposition
    ("In Mariupol, a grandmother and her two grandsons were killed by the shelling.",
     [("killed", 3, "Ukrainian", "passive")]),
    # an outcome after the object, also one the parse made a clause of the object
    ("Bandits beat a Nigerian farmer senseless.", [("injured", 1, "Nigerian", "active")]),
    ("Militiamen beat two Sudanese traders unconscious.",
     [("injured", 2, "Sudanese", "active")]),
    # a group noun as the victim: a group of unknown size, not one person
    ("Gunmen wiped out an entire family in Zamfara.", [("killed", None, "Nigerian", "active")]),
    # an age phrase standing for a person; the age is no count of people
    ("A 12-year-old was shot dead in Kherson.", [("killed", 1, "Ukrainian", "passive")]),
    ("Two 17-year-olds were wounded in Kharkiv.", [("injured", 2, "Ukrainian", "passive")]),
    # euphemisms of death (data: fate verbs, losing verbs)
    ("Three Ukrainian marines fell in combat near Bakhmut.",
     [("killed", 3, "Ukrainian", "none")]),
    ("Two Kenyan police officers gave their lives to save the hostages.",
     [("killed", 2, "Kenyan", "none")]),
    # a harm word standing for its victims after a vague count's "of"
    ("Scores of injured were brought to the hospital in Khartoum.",
     [("injured", None, "Sudanese", "none")]),
    # "both" counts two
    ("Both women were detained at a checkpoint in Tigray.",
     [("detained", 2, "Ethiopian", "passive")]),
    # a second count in an elided coordination: its own place and side
    ("The storm killed 30 people in Bangladesh and about 200 in Myanmar.",
     [("killed", 30, "Bangladeshi", "active"), ("killed", 200, "Burmese", "active")]),
    # a bereaving verb: its person object is killed, of the side of the kin who lost them
    ("Many Sudanese mothers have lost sons in the war.", [("killed", None, "Sudanese", "none")]),
    ("Both Russian and Ukrainian soldiers were killed in the clash.",
     [("killed", None, "Russian", "passive"), ("killed", None, "Ukrainian", "passive")]),
    # displacement and abduction nouns with their people
    ("The exodus of 200,000 Sudanese to Chad strained the camps.",
     [("displaced", 200000, "Sudanese", "none")]),
    ("The abduction of 300 schoolgirls by Boko Haram shocked the world.",
     [("hostages", 300, "Nigerian", "none")]),
    # the agent of a harm noun's "by" phrase: whose the victims are not
    ("The killing of 20 civilians by Hezbollah rockets was condemned.",
     [("killed", 20, "Israeli", "none")]),
    # a percentage lost is no person
    ("The rouble lost 3% against the dollar.", []),
])
def test_places_ages_groups_and_euphemisms(nlp: Any, text: str, expected: list[Row]) -> None:
    assert _rows(nlp, text) == expected


@pytest.mark.parametrize(("context", "text", "expected"), [
    # a referring victim ("four of them", "all three", "both men") takes the side of the group
    # of people named before it, not of another party of the context
    ("Gunmen opened fire on a bus carrying Kenyan teachers near Mandera",
     "Four of them were killed.", [("killed", 4, "Kenyan", "passive")]),
    ("Police said the bodies were those of a Ukrainian volunteer and his two daughters",
     "All three had been shot.", [("injured", 3, "Ukrainian", "passive")]),
    ("The Houthis released footage of two Filipino sailors",
     "Both men were seized from a cargo ship in November.",
     [("hostages", 2, "Filipino", "passive")]),
    # a town the entity recogniser missed, after a locative preposition
    ("Ambulances raced to a market in Karmiel after the attack", "A 15-year-old was killed.",
     [("killed", 1, "Israeli", "passive")]),
    # "said they were overwhelmed": no acting party, its places count
    ("Clinics in Port Sudan said they were overwhelmed", "Hundreds of wounded waited outside.",
     [("injured", None, "Sudanese", "none")]),
])
def test_referring_victims_take_the_side_named_before(nlp: Any, context: str, text: str,
                                                      expected: list[Row]) -> None:
    assert _rows(nlp, text, context) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # "shot and killed": the injury the killing ends in is no mention of its own
    ("A 19-year-old student was shot and killed outside a bar in Houston.",
     [("killed", 1, "American", "passive")]),
    # a possessive does not override the victims' own side
    ("Three Japanese tourists and their Thai guide were injured in the crash.",
     [("injured", 3, "Japanese", "passive"), ("injured", 1, "Thai", "passive")]),
    # a partitive or a count of people set off after uncounted victims gives their count
    ("Villagers who fled the floods — some 8,000 people, by official counts — are staying in "
     "tents.", [("displaced", 8000, None, "none")]),
    # "N civilians, most of them X, had been executed": the civilians
    ("Gunmen said 200 villagers, most of them herders, had been executed in Zamfara.",
     [("killed", 200, "Nigerian", "passive")]),
    # "with hundreds missing": the absolute construction
    ("Rescuers said the toll had risen to 90, with dozens still missing.",
     [("killed", 90, None, "none"), ("missing", None, None, "none")]),
    # "after being detained": the subject of the verb the clause hangs on
    ("An Iranian blogger was sentenced to death after being detained for a year.",
     [("detained", 1, "Iranian", "passive")]),
    # "claimed N lives"
    ("The cholera outbreak has claimed 420 lives in Sudan.",
     [("killed", 420, "Sudanese", "active")]),
    # "evacuated from their homes"
    ("About 5,000 people were evacuated from their homes in Texas as the flood rose.",
     [("displaced", 5000, "American", "passive")]),
    # "left N dead and others wounded": no voice
    ("The blast left six people dead and eleven others wounded in Peshawar.",
     [("killed", 6, "Pakistani", "none"), ("injured", 11, "Pakistani", "none")]),
    # nominalisation in -ing
    ("The jailing of four Egyptian activists drew protests.",
     [("detained", 4, "Egyptian", "none")]),
])
def test_asides_absolutes_and_nominal_harms(nlp: Any, text: str, expected: list[Row]) -> None:
    assert _rows(nlp, text) == expected


@pytest.mark.parametrize("text", [
    # the object of a verb of intent
    "The new dam could prevent thousands of deaths from flooding every year.",
    # an infinitive after a noun of intent
    "Police said they had disrupted an attempt to abduct two judges.",
    # a report called false
    "Officials said claims that 30 miners had died in the collapse were untrue.",
    # "former prisoners"
    "The group includes three former detainees who now campaign for reform.",
])
def test_intent_falsity_and_former_are_no_harm(nlp: Any, text: str) -> None:
    assert _rows(nlp, text) == []


def test_among_those_who_and_along_with(nlp: Any) -> None:
    rows = _rows(nlp, "A Ghanaian man and his Togolese wife were among those who died when "
                      "the bus overturned.")
    assert [(r[0], r[1], r[2]) for r in rows] == [("killed", 1, "Ghanaian"),
                                                   ("killed", 1, "Togolese")]


def test_shared_noun_and_dedupe(nlp: Any) -> None:
    rows = _rows(nlp, "Kenyan and Ugandan traders were among the dead.")
    assert [(r[1], r[2]) for r in rows] == [(None, "Kenyan"), (None, "Ugandan")]
    rows = _rows(nlp, "The kidnapping of three engineers, seized on a highway, shocked Mexico.")
    assert [(r[0], r[1]) for r in rows] == [("hostages", 3)]
    rows = _rows(nlp, "The swap frees 20 hostages and some 600 prisoners.")
    assert [(r[0], r[1]) for r in rows] == [("hostages", 20), ("detained", 600)]


@pytest.mark.parametrize(("text", "expected"), [
    # losing kin is a death; losing players, workers or staff is not
    ("She lost her two sons in the shelling of Kharkiv.", [("killed", 2, "Ukrainian", "none")]),
    ("The club lost two players to injury before the final.", []),
    ("The company lost 300 workers after the merger.", []),
    # a report that is the subject of a falsity word, parsed as a relative clause
    ("Reports that two guards had died were false, the ministry said.", []),
    # people "along with" the others are their own group
    ("Four Kenyans were among the dead, along with dozens of local residents.",
     [("killed", 4, "Kenyan", "none"), ("killed", None, None, "none")]),
])
def test_kin_falsity_and_accompanying_victims(nlp: Any, text: str, expected: list[Row]) -> None:
    assert _rows(nlp, text) == expected


def test_unsided_mention_takes_the_one_side_of_the_sentence(nlp: Any) -> None:
    """A harm word whose victims name no side takes the side the sentence's other harm
    words all name."""
    assert _rows(nlp, "Boko Haram fighters killed 20 farmers on Sunday, officials said, while "
                      "scores of villagers remain missing.") == [
        ("killed", 20, "Nigerian", "active"), ("missing", None, "Nigerian", "none")]


@pytest.mark.parametrize(("text", "expected"), [
    ("Venezuelan troops shot dead four protesters on Tuesday.",
     [("killed", 4, "Venezuelan", "active")]),
    ("A Burmese army airstrike killed 40 villagers on Friday.",
     [("killed", 40, "Burmese", "active")]),
])
def test_forces_of_a_country_in_no_conflict_pair_harm_its_own_people(
        nlp: Any, text: str, expected: list[Row]) -> None:
    assert _rows(nlp, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("About 3,000 villagers sought refuge in a church.", [("displaced", 3000, None, "none")]),
    ("The shelling sent hundreds of families fleeing toward the border.",
     [("displaced", None, None, "active")]),
    ("The gangs burned the market, forcing 300 families to flee.",
     [("displaced", 300, None, "active")]),
])
def test_seeking_refuge_and_caused_flight_are_displacement(
        nlp: Any, text: str, expected: list[Row]) -> None:
    assert _rows(nlp, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("The hospital treated dozens of wounded civilians overnight.",
     [("injured", None, None, "none")]),
    ("There were dead in the streets.", [("killed", None, None, "none")]),
    ("Among the 12 dead were three nurses.", [("killed", 12, None, "none")]),
    ("The ministry counted 45 Palestinian dead in Rafah over the weekend.",
     [("killed", 45, "Palestinian", "none")]),
    ("Fifteen fishermen were listed as missing.", [("missing", 15, None, "none")]),
])
def test_harm_adjectives_modifying_or_standing_for_people(
        nlp: Any, text: str, expected: list[Row]) -> None:
    assert _rows(nlp, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("A mother, her husband and their two sons were killed in Khan Younis.",
     [("killed", 4, "Palestinian", "passive")]),
    ("Gunmen killed the headmaster, who had refused to close the school, in Zamfara.",
     [("killed", 1, "Nigerian", "active")]),
    ("Pirates took several sailors hostage off Somalia.",
     [("hostages", None, "Somali", "active")]),
    ("Three dozen soldiers were killed in the ambush.", [("killed", 36, None, "passive")]),
    ("Twelve miners were rescued and the rest remain unaccounted for.",
     [("missing", None, None, "none")]),
])
def test_victim_lists_relatives_multipliers_and_the_rest(
        nlp: Any, text: str, expected: list[Row]) -> None:
    assert _rows(nlp, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("By Sunday the death toll had reached 40.", [("killed", 40, None, "none")]),
    ("Four workers suffered burns.", [("injured", 4, None, "none")]),
])
def test_toll_reached_and_suffered_burns(nlp: Any, text: str, expected: list[Row]) -> None:
    assert _rows(nlp, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("A suspect was taken into custody.", [("detained", 1, None, "passive")]),
    ("Hundreds of protesters remain in detention.", [("detained", None, None, "none")]),
    ("A prisoner died in custody.", [("killed", 1, None, "none")]),
    ("Rights groups condemned the detention of 40 activists by the police.",
     [("detained", 40, None, "none")]),
])
def test_custody_states_and_detention_are_detained(
        nlp: Any, text: str, expected: list[Row]) -> None:
    assert _rows(nlp, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Basij militiamen detained 30 students.", [("detained", 30, "Iranian", "active")]),
    ("Flooding on Sulawesi killed 14 people.", [("killed", 14, "Indonesian", "active")]),
])
def test_armed_group_and_island_data(nlp: Any, text: str, expected: list[Row]) -> None:
    assert _rows(nlp, text) == expected


def test_a_rate_is_no_count_for_either_extractor(nlp: Any) -> None:
    assert _rows(nlp, "Overdose deaths rose to 32 per 100,000 residents last year.") == []
    assert _rows(nlp, "The blast killed 40 people, per the health ministry.") == [
        ("killed", 40, None, "active")]
