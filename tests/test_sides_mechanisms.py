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
     [("displaced", None, "Indian", "active")]),
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
     [("displaced", None, None, "active")]),
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


@pytest.mark.parametrize(("text", "expected"), [
    # "held" people: hostages where an armed party holds them, by kidnappers, or in a hostage
    # story; detainees in prison, without charge, by police or a state
    ("Two Nepali students are still being held in Gaza, their embassy said.",
     [("hostages", 2, "Nepali", "passive")]),
    ("Four French aid workers have been held by jihadists in northern Mali since March.",
     [("hostages", 4, "French", "passive")]),
    ("An American journalist has been held in Evin prison for more than a year.",
     [("detained", 1, "American", "passive")]),
    ("Police held 12 suspects overnight for questioning.", [("detained", 12, None, "active")]),
    ("The two men were held without charge for eight months.",
     [("detained", 2, None, "passive")]),
    ("Hezbollah has held two Israeli soldiers since the raid.",
     [("hostages", 2, "Israeli", "active")]),
    # other senses of "hold"
    ("Talks were held in Doha on Sunday.", []),
    ("The officers were held responsible for the deaths.", []),
    ("She held her dying son in her arms.", []),
    ("The army held the town for three days.", []),
])
def test_holding_people_captive(nlp: Any, text: str, expected: list[Row]) -> None:
    assert _rows(nlp, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a captive word predicated of the subject, or parsed as a verb with its people
    ("Dozens of Israelis remain held captive in Gaza.",
     [("hostages", None, "Israeli", "passive")]),
    ("More than 100 people remain hostage in the hands of the gang.",
     [("hostages", 100, None, "none")]),
    ("Three of the sailors are still hostages.", [("hostages", 3, None, "none")]),
    ("The gang held 17 missionaries hostage for two months.",
     [("hostages", 17, None, "active")]),
    # "a prisoner of the militia": the militia holds, it is not held
    ("The rebels are holding 40 soldiers as prisoners of war.",
     [("detained", 40, None, "active")]),
])
def test_captive_words_as_complements(nlp: Any, text: str, expected: list[Row]) -> None:
    assert _rows(nlp, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # the people right after a harm verb that the parse made a second subject of a speech verb
    ("Rebels have detained at least 20 local employees of aid groups, the UN chief said on "
     "Monday.", [("detained", 20, None, "active")]),
    # the person after "and" the parse made the subject of the speech verb (the speaker being
    # its apposition), or the speaker's apposition on a conjunct
    ("Rockets struck a home in Nahariya, injuring a man in his 70s and his wife, paramedics "
     "said.", [("injured", 2, "Israeli", "active")]),
    ("A drone hit a car near Nabatieh, killing a man and his son, Lebanon's health ministry "
     "said.", [("killed", 2, "Lebanese", "active")]),
    # people set in apposition to a fronted place
    ("In Kherson, an elderly man and his wife were killed when a shell hit their house.",
     [("killed", 2, "Ukrainian", "passive")]),
    ("In Rafah, two brothers and their cousin were killed overnight.",
     [("killed", 3, "Palestinian", "passive")]),
])
def test_victims_the_parse_hung_elsewhere(nlp: Any, text: str, expected: list[Row]) -> None:
    assert _rows(nlp, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a list set in apposition to uncounted victims gives their count (and their sides)
    ("The victims, a retired nurse and her grandson, died of smoke inhalation.",
     [("killed", 2, None, "none")]),
    ("The victims, two Kenyan guards and a driver, were shot dead.",
     [("killed", 3, "Kenyan", "passive")]),
    ("The hostages, an Israeli soldier and two Thai workers, were freed.",
     [("hostages", 1, "Israeli", "none"), ("hostages", 2, "Thai", "none")]),
    ("Israeli hostages Eli Sharabi and Or Levy were freed after 491 days in captivity.",
     [("hostages", 2, "Israeli", "none")]),
    # a person's two nationalities are one person, not two groups
    ("A British-Israeli woman and her two daughters were killed in a shooting attack.",
     [("killed", 3, "British", "passive")]),
])
def test_listed_victims(nlp: Any, text: str, expected: list[Row]) -> None:
    assert _rows(nlp, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a name whose title split the sentence restates the person noun before it
    ("An Israeli reservist, Sgt. First Class Eitan Mor, 24, was killed in southern Lebanon.",
     [("killed", 1, "Israeli", "passive")]),
    # a rank is a soldier's; a hyphenated name the parse split is one person
    ("Lt. Col. Salman Habaka was killed in Beit Hanoun.", [("killed", 1, "Israeli", "passive")]),
    ("Dr. Adnan al-Bursh, a senior surgeon, died in Israeli detention, his colleagues said.",
     [("killed", 1, "Palestinian", "none")]),
])
def test_titles_and_names(nlp: Any, text: str, expected: list[Row]) -> None:
    assert _rows(nlp, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # people of a status harmed otherwise are victims of that harm, not a status mention
    ("The strike on the border town killed nine Lebanese citizens and three Syrian refugees.",
     [("killed", 9, "Lebanese", "active"), ("killed", 3, "Syrian", "active")]),
    ("Four Afghan refugees drowned when their boat capsized off the Turkish coast.",
     [("killed", 4, "Afghan", "none")]),
    ("The deaths of three Palestinian detainees in Israeli custody prompted calls for an "
     "inquiry.", [("killed", 3, "Palestinian", "none")]),
    # but a release of hostages and prisoners is two mentions
    ("The swap frees 20 hostages and some 600 prisoners.",
     [("hostages", 20, None, "none"), ("detained", 600, None, "none")]),
])
def test_status_of_victims_harmed_otherwise(nlp: Any, text: str, expected: list[Row]) -> None:
    assert _rows(nlp, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # many people moved out of harm's way are displaced, also in an elided clause
    ("Local officials said six people had been killed and more than 40,000 evacuated.",
     [("killed", 6, None, "passive"), ("displaced", 40000, None, "passive")]),
    ("Authorities evacuated 40,000 residents of coastal villages as the cyclone approached.",
     [("displaced", 40000, None, "active")]),
    # not people evacuated safely, the wounded taken for care, nor one soldier
    ("All 240 workers at the refinery were evacuated safely after the explosion.", []),
    ("The Ukrainian soldier, who was wounded in the leg, was evacuated by his comrades.",
     [("injured", 1, "Ukrainian", "passive")]),
    ("Medics evacuated dozens of wounded to hospitals in Khan Younis.",
     [("injured", None, "Palestinian", "none")]),
])
def test_evacuations(nlp: Any, text: str, expected: list[Row]) -> None:
    assert _rows(nlp, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # bodies found or handled, or of people, are the dead
    ("Investigators have exhumed 447 bodies from a mass grave outside the town.",
     [("killed", 447, None, "none")]),
    ("The bodies of 11 Ethiopian migrants were recovered off the coast of Djibouti.",
     [("killed", 11, "Ethiopian", "none")]),
    # not bodies that are no people, nor bodies named without a count
    ("Two UN bodies called for an independent inquiry into the strike.", []),
    ("Streets were strewn with bodies after the attack.", []),
])
def test_bodies(nlp: Any, text: str, expected: list[Row]) -> None:
    assert _rows(nlp, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a harm participle right after its people, the parse having made it a clause
    ("Israel freed 90 Palestinian prisoners and about 1,100 Gazans detained during the war.",
     [("detained", 90, "Palestinian", "none"), ("detained", 1100, "Palestinian", "passive")]),
    ("Officials put the number of Rohingya uprooted by the fighting at more than 60,000.",
     [("displaced", 60000, "Burmese", "passive")]),
    # not a clause whose object is elsewhere
    ("Boko Haram fighters killed at least 40 farmers harvesting rice.",
     [("killed", 40, "Nigerian", "active")]),
    ("Border police shot and wounded a Palestinian assailant in the Old City.",
     [("injured", 1, "Palestinian", "active")]),
])
def test_reduced_relatives(nlp: Any, text: str, expected: list[Row]) -> None:
    assert _rows(nlp, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # displaced people named by a harm adjective, refuge sought (also as the parse's modifier)
    ("Hundreds of thousands of displaced Sudanese have crossed into Chad since April.",
     [("displaced", None, "Sudanese", "none")]),
    ("Entire families were slain in their homes, and hundreds more sought refuge at a Russian "
     "air base.", [("killed", None, None, "passive"), ("displaced", None, None, "none")]),
    # where the displaced went says nothing of whose they are
    ("Thousands of people fled to Chad after the attack.", [("displaced", None, None, "none")]),
    ("Thousands of Sudanese fled to Chad after the attack on El Geneina.",
     [("displaced", None, "Sudanese", "none")]),
])
def test_displacement_and_destinations(nlp: Any, text: str, expected: list[Row]) -> None:
    assert _rows(nlp, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # flight that is the moment of a killing is no displacement
    ("Hezbollah rockets killed two cousins and a neighbour as they fled toward a shelter.",
     [("killed", 3, "Israeli", "active")]),
    ("RSF fighters executed scores of men and boys as they fled.",
     [("killed", None, "Sudanese", "active")]),
    # flight of other people at that moment is
    ("Two people were killed as thousands fled the city.",
     [("killed", 2, None, "passive"), ("displaced", None, None, "none")]),
])
def test_fleeing_victims(nlp: Any, text: str, expected: list[Row]) -> None:
    assert _rows(nlp, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a plural pronoun stands for the people named before it: their count and side; the same
    # harm again on them is no new mention
    ("Gunmen abducted 30 villagers and later killed them.",
     [("hostages", 30, None, "active"), ("killed", 30, None, "active")]),
    ("Police stopped two men at a checkpoint and shot them dead.",
     [("killed", 2, None, "active")]),
    ("The gang kidnapped 17 missionaries and held them for two months.",
     [("hostages", 17, None, "active")]),
    ("Volunteers buried four Sudanese refugees, adding that they had died of cholera.",
     [("killed", 4, "Sudanese", "none")]),
])
def test_plural_pronouns(nlp: Any, text: str, expected: list[Row]) -> None:
    assert _rows(nlp, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a participle coordinated with the complement of a verb that harms nobody has no voice
    ("The tornado left at least 11 people dead and more than 40 injured.",
     [("killed", 11, None, "none"), ("injured", 40, None, "none")]),
    ("Armenia put its losses at 60 soldiers dead and several hundred wounded.",
     [("killed", 60, "Armenian", "none"), ("injured", None, "Armenian", "none")]),
    ("Shelling had left two people dead and several more wounded in Kursk.",
     [("killed", 2, "Russian", "none"), ("injured", None, "Russian", "none")]),
    # but one coordinated with a harm verb's complement keeps that verb's passive
    ("Three people were shot dead and five wounded at a checkpoint.",
     [("killed", 3, None, "passive"), ("injured", 5, None, "passive")]),
])
def test_outcome_lists(nlp: Any, text: str, expected: list[Row]) -> None:
    assert _rows(nlp, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # "on the X side", "on their side of the border" (their: the speaker before)
    ("Cross-border fire killed 480 people in Lebanon, while on the Israeli side at least 50 "
     "soldiers and civilians have been killed.",
     [("killed", 480, "Lebanese", "active"), ("killed", 50, "Israeli", "passive")]),
    ("Cambodian officials said nine people had died on their side of the border.",
     [("killed", 9, "Cambodian", "none")]),
    # a count with its own place, coordinated with a phrase of the verb, is its own group
    ("Shelling killed eight people on the Ukrainian side of the front and four in the Russian "
     "region of Belgorod.",
     [("killed", 8, "Ukrainian", "active"), ("killed", 4, "Russian", "active")]),
    # a bare count object of a coordinated harm verb: the side of the people before it
    ("Iranian missiles killed 28 people in Israel and wounded more than 3,000.",
     [("killed", 28, "Israeli", "active"), ("injured", 3000, "Israeli", "active")]),
])
def test_sides_of_a_front(nlp: Any, text: str, expected: list[Row]) -> None:
    assert _rows(nlp, text) == expected


@pytest.mark.parametrize(("text", "side"), [
    # a city possessing the place of harm; accents; a border's name is no place of harm
    ("Twenty-three people died when a fire tore through a market on Lagos's Broad Street.",
     "Nigerian"),
    ("In Port-au-Prince's Cité Soleil, a dozen people were mowed down by gunmen.", "Haitian"),
    ("Three people were shot on Chicago's South Side.", "American"),
])
def test_possessive_and_accented_places(nlp: Any, text: str, side: str) -> None:
    assert [row[2] for row in _rows(nlp, text)] == [side]


@pytest.mark.parametrize(("context", "text", "side"), [
    # a border named after a place does not put the harm in that place
    ("The attack took place at a festival near the Gaza border, where thousands of young "
     "Israelis had gathered", "Two of his friends were murdered.", "Israeli"),
    # a kibbutz is an Israeli community
    ("Gunmen stormed a kibbutz near the fence at dawn", "Dozens of residents were killed.",
     "Israeli"),
    # a country's own police, in no two-sided conflict, speak of their own country
    ("Kenyan police said the attack on the village began before dawn",
     "By noon, nine villagers were dead.", "Kenyan"),
    # two places of two sides named together: either side's
    ("A powerful earthquake struck southern Turkey and northern Syria before dawn",
     "More than 5,000 people were confirmed dead by the evening.", None),
    # but attackers named together are not the places of harm
    ("US and UK warplanes strike targets in Yemen", "The group said five people were killed.",
     "Yemeni"),
])
def test_context_places(nlp: Any, context: str, text: str, side: str | None) -> None:
    assert [row[2] for row in _rows(nlp, text, context)] == [side]


@pytest.mark.parametrize(("text", "expected"), [
    # "their adult son": kin of the victims before, not of the agent
    ("Palestinian gunmen opened fire on a car, killing a couple in their sixties and "
     "seriously wounding their adult son.",
     [("killed", 2, "Israeli", "active"), ("injured", 1, "Israeli", "active")]),
    # a participle after a subordinate clause of people belongs to the main clause
    ("A rocket fired by Hamas struck a kindergarten shortly after the children had gone "
     "inside, lightly wounding a teacher.", [("injured", 1, "Israeli", "active")]),
    # first-person victims are the speaker's, "theirs" the speaker's opponent's
    ("'We lost 14 of our men in the ambush, and we killed at least 30 of theirs,' a Ukrainian "
     "commander said.", [("killed", 14, "Ukrainian", "none"), ("killed", 30, "Russian", "active")]),
    ("'They killed our children in front of us,' a Sudanese mother told Reuters.",
     [("killed", None, "Sudanese", "active")]),
    # a state that executes harms its own people
    ("Saudi Arabia executed seven men on drug charges.", [("killed", 7, "Saudi", "active")]),
    ("Russian troops executed five soldiers who had surrendered.",
     [("killed", 5, "Ukrainian", "active")]),
])
def test_whose_by_reference_and_speaker(nlp: Any, text: str, expected: list[Row]) -> None:
    assert _rows(nlp, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # losing one's own people (not to a rival, not a party's members)
    ("The battalion lost three of its soldiers in the assault.", [("killed", 3, None, "none")]),
    ("The police force lost two of its officers to a rival agency.", []),
    ("The club lost three of its best players to rival teams over the summer.", []),
    # person nouns WordNet lacks
    ("Tank fire killed a Reuters videographer near the border.", [("killed", 1, None, "active")]),
    ("A popular influencer was shot dead in Mexico City.",
     [("killed", 1, "Mexican", "passive")]),
    # care sought for injuries; treatment given by others is not
    ("More than 550 others sought medical help for gunshot wounds and burns.",
     [("injured", 550, None, "none")]),
    ("Nurses provided treatment for injuries at a field clinic.", []),
    # the pronoun "us" is not the United States
    ("They shot at us as we ran, and two of my friends were wounded.",
     [("injured", 2, None, "passive")]),
])
def test_vocabulary_of_people(nlp: Any, text: str, expected: list[Row]) -> None:
    assert _rows(nlp, text) == expected


@pytest.mark.parametrize("text", [
    # harm of anybody at all, proportions
    "The law would impose a life sentence on anyone convicted of murdering a police officer.",
    "Children account for roughly one in three of the dead, the analysis found.",
    "The study estimates that one in five displaced households is headed by a widow.",
    "The strike killed one in three residents of the block.",
])
def test_generic_and_proportional_harm_is_no_mention(nlp: Any, text: str) -> None:
    assert _rows(nlp, text) == []


@pytest.mark.parametrize(("text", "expected"), [
    # pairs named with a determiner or possessive; an ordinal anaphor as an elided subject
    ("Settlers set fire to a house, wounding an elderly couple.",
     [("injured", 2, "Palestinian", "active")]),
    ("A mother and her newborn twins were among those killed in the strike on Nuseirat.",
     [("killed", 3, "Palestinian", "passive")]),
    ("Two Chinese nationals were killed and a third injured when gunmen attacked their convoy.",
     [("killed", 2, "Chinese", "passive"), ("injured", 1, "Chinese", "passive")]),
    # a count the parse made an adverb of a coordinated verb
    ("The floods have left more than 1,000 people dead and displaced 500,000 across Pakistan.",
     [("killed", 1000, "Pakistani", "none"), ("displaced", 500000, "Pakistani", "active")]),
    # "with thousands more wounded", an absolute clause the parse set off with "with"
    ("More than 700 civilians have been killed in Khartoum, with thousands more wounded.",
     [("killed", 700, "Sudanese", "passive"), ("injured", None, "Sudanese", "none")]),
    # a participle coordinated with a passive verb shares it
    ("More than 60 Afghan men were detained by Iranian police and deported across the border.",
     [("detained", 60, "Afghan", "passive"), ("displaced", 60, "Afghan", "passive")]),
    # deaths whose number rose to a figure
    ("Fatalities from the heatwave rose to 14 on Tuesday.", [("killed", 14, None, "none")]),
])
def test_counts_of_pairs_ellipses_and_tallies(nlp: Any, text: str, expected: list[Row]) -> None:
    assert _rows(nlp, text) == expected


@pytest.mark.parametrize(("context", "text", "expected"), [
    # victims referred to as part of hostages named before: hostages' side, not the place's
    ("Hamas released a video of three hostages on Sunday",
     "The army said two of the three had since been killed in an airstrike in Khan Younis.",
     [("killed", 2, "Israeli", "passive")]),
    # hostages named in the sentence before give the side of those still held
    ("The families of Israelis abducted on October 7 held a vigil in Tel Aviv",
     "Fifty-nine captives are still being held, the forum said.",
     [("hostages", 59, "Israeli", "passive")]),
])
def test_hostages_named_before(nlp: Any, context: str, text: str, expected: list[Row]) -> None:
    assert _rows(nlp, text, context) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # one harm told again: an injury that ended in death, captivity after an abduction, the
    # same people of an aside of the mention before
    ("A woman in her 70s died after being stabbed in Holon.", [("killed", 1, "Israeli", "none")]),
    ("Two Nepali students who were abducted on October 7 remain in captivity in Gaza.",
     [("hostages", 2, "Nepali", "passive")]),
    ("Israel freed 183 Palestinian detainees, many of them held for months without charge.",
     [("detained", 183, "Palestinian", "none")]),
    # hostages in a place of captivity by an armed party; not where a domestic conflict is
    ("Two hostages were killed in an airstrike in Khan Younis, the army said.",
     [("killed", 2, "Israeli", "passive")]),
    ("In Manipur's Jiribam district, six people were taken captive by armed men.",
     [("hostages", 6, "Indian", "passive")]),
    # a crew held has no side of its own; a ship's name is no person
    ("Pirates took the 25 crew members hostage off Somalia.",
     [("hostages", 25, None, "active")]),
    # "in Israeli detention": the captors, not the dead
    ("A Palestinian surgeon died in Israeli detention, his colleagues said.",
     [("killed", 1, "Palestinian", "none")]),
    ("A prisoner died in Israeli custody.", [("killed", 1, "Palestinian", "none")]),
    # "were forcibly disappeared": a passive, though the verb is often intransitive
    ("Dozens of migrants have been forcibly disappeared, rights groups say.",
     [("missing", None, None, "passive")]),
])
def test_restatements_and_captivity(nlp: Any, text: str, expected: list[Row]) -> None:
    assert _rows(nlp, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # the victims after a fronted participle ("Killed in the strike were ...")
    ("Killed in the strike were a doctor, his wife and their three children.",
     [("killed", 5, None, "passive")]),
    # headline style: a participle right after its people
    ("Two soldiers killed, three hurt in ambush in Balochistan",
     [("killed", 2, "Pakistani", "passive"), ("injured", 3, "Pakistani", "passive")]),
    # a rank in a series restates the victim before it
    ("The journalist was killed on Tuesday, the third reporter to die in Gaza this week.",
     [("killed", 1, "Palestinian", "passive")]),
    # status people counted by "thousands of"
    ("Thousands of Ukrainian refugees have crossed into Poland since Friday.",
     [("displaced", None, "Ukrainian", "none")]),
    ("Dozens of detainees were released on Monday.", [("detained", None, None, "none")]),
    # but not a count of events
    ("Gunmen abducted 280 schoolchildren, in one of the largest mass kidnappings in years.",
     [("hostages", 280, None, "active")]),
])
def test_fronted_ranked_and_counted_people(nlp: Any, text: str, expected: list[Row]) -> None:
    assert _rows(nlp, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a person possessing a harm noun is its victim; a group possessing it, its agent
    ("Her son's killing by police in Nanterre sparked riots across France.",
     [("killed", 1, "French", "none")]),
    ("The boy's death was confirmed by doctors in Gaza City.",
     [("killed", 1, "Palestinian", "none")]),
    ("Hamas's killing of civilians was condemned.", [("killed", None, "Israeli", "none")]),
    # not a pronoun's wounds a death came of
    ("A journalist died of his injuries in hospital.", [("killed", 1, None, "none")]),
    # a sentence to prison or years in it is custody; other sentences are not
    ("More than 500 people were sentenced to prison over the protests in Bangladesh.",
     [("detained", 500, "Bangladeshi", "passive")]),
    ("The court sentenced four activists to five years in prison.",
     [("detained", 4, None, "active")]),
    ("The man was sentenced to community service.", []),
])
def test_possessors_and_sentences(nlp: Any, text: str, expected: list[Row]) -> None:
    assert _rows(nlp, text) == expected


def test_countries_that_condemn_are_no_place(nlp: Any) -> None:
    assert _rows(nlp, "Britain and France condemned the attack that killed 12 people in "
                      "Kabul.") == [("killed", 12, "Afghan", "active")]


@pytest.mark.parametrize(("text", "expected"), [
    # a count the parse hung elsewhere, right before an intransitive harm verb
    ("At least 70 people were killed, including 10 women, and more than 6,000 fled.",
     [("killed", 70, None, "passive"), ("displaced", 6000, None, "none")]),
    # a town naming the attack says where, a demonym who (not one the attacker came from)
    ("The Kerman bombings killed 95 people at a memorial.", [("killed", 95, "Iranian", "active")]),
    ("A car-ramming attack by a Palestinian from Hebron injured seven people.",
     [("injured", 7, "Israeli", "active")]),
    # a harm noun that is the subject of a modal verb is unreal; a negated verb is not its
    ("At least 31 people died, and officials fear the toll could rise into the hundreds.",
     [("killed", 31, None, "none")]),
    ("The abduction of two aid workers has not been claimed by any group.",
     [("hostages", 2, None, "none")]),
])
def test_stray_subjects_attack_places_and_modal_tolls(nlp: Any, text: str,
                                                       expected: list[Row]) -> None:
    assert _rows(nlp, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a breakdown may have a part of no side, when another names one: each its own mention
    ("The strike killed 13 aid workers, 10 of them Palestinian and three foreign nationals.",
     [("killed", 10, "Palestinian", "active"), ("killed", 3, None, "active")]),
    # an aside for most of the victims names their side; one for a few of them does not
    ("Police detained 40 people, most of them Afghan refugees, in raids across Karachi.",
     [("detained", 40, "Afghan", "active")]),
    ("Twenty people were wounded, two of them Russian tourists.",
     [("injured", 20, None, "passive")]),
])
def test_breakdowns_and_asides(nlp: Any, text: str, expected: list[Row]) -> None:
    assert _rows(nlp, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # "US" is a country, not the pronoun "us" of a quote
    ("Six people, including two US citizens, who were found dead inside a hotel room in "
     "Bangkok drank from cups laced with cyanide, Thai police said.",
     [("killed", 2, "American", "none")]),
    # a name's describing apposition names the side; a clause "which" is no person's
    ("Ahmed Ali, a Palestinian paramedic, was shot dead near the camp.",
     [("killed", 1, "Palestinian", "passive")]),
    ("The meeting between Schumer and Biden, which was held at a beach house, was cordial.", []),
    # things counted are no people held or evacuated
    ("At least 30 homes and a nursing facility were evacuated in the county.", []),
    ("The Asia's 50 Best Bars ceremony was held in Seoul on Tuesday.", []),
    # "still believed to be held": the hostages the participle describes
    ("The pressure grew to secure the release of more than 100 hostages still believed to be "
     "held by Hamas.", [("hostages", 100, "Israeli", "passive")]),
    # a sentence in absentia holds nobody
    ("Darya Velkova was sentenced in absentia to eight years in prison.", []),
])
def test_precision_on_real_prose(nlp: Any, text: str, expected: list[Row]) -> None:
    assert _rows(nlp, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a name inside a longer place is that place's ("New Mexico" is no Mexico)
    ("He is now being held in a detention center in New Mexico, his lawyer said.",
     [("detained", 1, "American", "passive")]),
    # a relative clause with its own subject is no reduced passive
    ("The views Hale held before he became a senator were anti-Reyes.", []),
    # "fatally shot" is a killing
    ("The man was fatally shot by police on Tuesday in Chicago.",
     [("killed", 1, "American", "passive")]),
])
def test_places_relatives_and_fatal_adverbs(nlp: Any, text: str, expected: list[Row]) -> None:
    assert _rows(nlp, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a passive verb of fear or belief hedges a report; an active one is intent
    ("At least 11 people are feared killed in the landslide, officials said.",
     [("killed", 11, None, "passive")]),
    ("Officials fear hundreds could be killed.", []),
    ("The militants threatened to kill the hostages.", []),
    # a reflexive object is the victim
    ("A soldier killed himself at a base near Tel Aviv, the army said.",
     [("killed", 1, "Israeli", "active")]),
    ("He threatened to kill himself.", []),
    # "those killed included ...": the people included
    ("Those killed included a 6-month-old baby and her grandmother.",
     [("killed", 2, None, "passive")]),
])
def test_hedges_reflexives_and_inclusions(nlp: Any, text: str, expected: list[Row]) -> None:
    assert _rows(nlp, text) == expected


@pytest.mark.parametrize(("context", "text", "side"), [
    # a party that acts (its subject) is the attacker, not the victims' side
    ("Israeli settlers rampaged through the village of Turmus Ayya", "One man was shot dead.",
     "Palestinian"),
    ("Settlers torched cars in a village near Nablus", "Two men were wounded.", "Palestinian"),
    # but a party that speaks is no attacker
    ("The army said Hezbollah had fired 40 rockets at Metula", "Two soldiers were wounded.",
     "Israeli"),
])
def test_acting_parties_in_context(nlp: Any, context: str, text: str, side: str) -> None:
    assert [row[2] for row in _rows(nlp, text, context)] == [side]


@pytest.mark.parametrize("text", [
    # other senses of "held", an intent put to someone, a negated habit, a precaution
    "We are held to a different standard.",
    "He was also asked to start a forest fire and kill someone.",
    "The government wouldn't go around hurting and shooting students.",
    "Passengers were evacuated from the terminal as a precaution.",
])
def test_no_harm_in_real_prose(nlp: Any, text: str) -> None:
    assert _rows(nlp, text) == []


@pytest.mark.parametrize(("text", "expected"), [
    # the wounded counted by those who died are no mention of their own
    ("Two of the wounded later died in hospital, bringing the toll to 14.",
     [("killed", 2, None, "none"), ("killed", 14, None, "none")]),
    # a part of the victims after "among them" is not their count
    ("The injured, among them three children, were taken to hospitals in Tyre.",
     [("injured", None, "Lebanese", "none")]),
    # one wounded who then died is one death
    ("A woman who was wounded in the attack died of her injuries on Sunday.",
     [("killed", 1, None, "none")]),
])
def test_one_mention_per_harmed_people(nlp: Any, text: str, expected: list[Row]) -> None:
    assert _rows(nlp, text) == expected


def test_hostages_killed_by_the_other_party_keep_their_side(nlp: Any) -> None:
    assert _rows(nlp, "Three hostages were mistakenly shot dead by Israeli troops in "
                      "Shejaiya.") == [("killed", 3, "Israeli", "passive")]


@pytest.mark.parametrize(("context", "text", "expected"), [
    # people named again by a definite noun: the side they were named with
    ("Gunmen ambushed a convoy of Chinese engineers in Karachi",
     "Two of the engineers were killed and a Pakistani guard was wounded.",
     [("killed", 2, "Chinese", "passive"), ("injured", 1, "Pakistani", "passive")]),
    # the speaker of the harm's clause says which opponent of the attacker was harmed
    (None, "Israel said one of its soldiers was killed in southern Lebanon, while Lebanon's "
           "health ministry said Israeli strikes killed 12 people.",
     [("killed", 1, "Israeli", "passive"), ("killed", 12, "Lebanese", "active")]),
])
def test_repeated_nouns_and_clause_speakers(nlp: Any, context: str | None, text: str,
                                            expected: list[Row]) -> None:
    assert _rows(nlp, text, context) == expected


def test_a_demonym_with_an_article_is_one_person(nlp: Any) -> None:
    assert _rows(nlp, "A Palestinian stabbed two Israelis at a bus stop in Jerusalem before "
                      "being shot by police.") == [("injured", 2, "Israeli", "active"),
                                                   ("injured", 1, "Palestinian", "passive")]


@pytest.mark.parametrize(("text", "expected"), [
    # "its soldiers": the owner is not the one who killed them, but the one who lost them is
    ("The Israeli army said Hamas had killed four of its soldiers.",
     [("killed", 4, "Israeli", "active")]),
    ("Russia's defence ministry said Ukraine had lost 1,500 of its troops.",
     [("killed", 1500, "Ukrainian", "none")]),
    # men lost by an armed unit are dead; a company's men are not
    ("A Russian officer said his unit lost 40 men.", [("killed", 40, "Russian", "none")]),
    ("The company lost 300 men in the restructuring.", []),
])
def test_losses_and_owners(nlp: Any, text: str, expected: list[Row]) -> None:
    assert _rows(nlp, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # bare harm adjectives a party reports
    ("Both sides reported dead and wounded after the overnight assault.",
     [("killed", None, None, "none"), ("injured", None, None, "none")]),
    ("Officials reported heavy rain.", []),
    # captives counted by their own noun and described by "held": the noun is the mention
    ("Under the deal, Hamas is to free the 20 living Israeli hostages still held in Gaza.",
     [("hostages", 20, "Israeli", "none")]),
    ("Among the captives still held in Gaza are nine Israeli civilians.",
     [("hostages", 9, "Israeli", "passive")]),
])
def test_reported_adjectives_and_described_captives(nlp: Any, text: str,
                                                    expected: list[Row]) -> None:
    assert _rows(nlp, text) == expected


@pytest.mark.parametrize(("context", "text", "expected"), [
    # a pronoun object is not the subject of its own verb
    (None, "A Palestinian gunman killed two Israeli soldiers before troops shot him dead.",
     [("killed", 2, "Israeli", "active"), ("killed", 1, "Palestinian", "active")]),
    # claims under investigation are not reported harm
    (None, "The military said it was investigating claims that civilians had been killed.", []),
    # foreigners keep no side, even beside victims of one
    ("Hezbollah fired an anti-tank missile at the community of Shtula",
     "A foreign worker was killed and two Israelis were wounded.",
     [("killed", 1, None, "passive"), ("injured", 2, "Israeli", "passive")]),
])
def test_pronoun_objects_doubted_claims_and_foreigners(nlp: Any, context: str | None, text: str,
                                                       expected: list[Row]) -> None:
    assert _rows(nlp, text, context) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # "the dead" said to be listed people: their count
    ("The dead were named as three Kenyan aid workers, the agency said.",
     [("killed", 3, "Kenyan", "none")]),
    ("The wounded, two boys and their mother, were taken to a hospital in Sidon.",
     [("injured", 3, "Lebanese", "none")]),
    ("The dead were a bus driver and four passengers, police said.",
     [("killed", 5, None, "none")]),
    ("The dead were buried in Homs on Friday.", [("killed", None, "Syrian", "none")]),
    # a second active harm verb the parse made a modifier of its object
    ("Shelling killed three civilians in Kherson and injured 14 others, the governor said.",
     [("killed", 3, "Ukrainian", "active"), ("injured", 14, "Ukrainian", "active")]),
    ("The blast killed two soldiers and wounded several, the army said.",
     [("killed", 2, None, "active"), ("injured", None, None, "active")]),
    ("Police arrested two men and injured protesters were taken to hospital.",
     [("detained", 2, None, "active"), ("injured", None, None, "none")]),
    # a participle whose form is its base ("hurt") with an elided auxiliary
    ("Three miners were killed and two others badly hurt in the collapse.",
     [("killed", 3, None, "passive"), ("injured", 2, None, "passive")]),
    # a part of the victims ("among them") is no subject of its own
    ("Eight people died, two children among them, and 40 were injured when the bus overturned.",
     [("killed", 8, None, "none"), ("injured", 40, None, "passive")]),
    # a participle a verb of leaving takes, after its count
    ("The earthquake left 57 dead and about 300 injured in Nepal.",
     [("killed", 57, "Nepali", "none"), ("injured", 300, "Nepali", "none")]),
    ("The strike left the hospital damaged.", []),
])
def test_listed_dead_and_misread_coordination(nlp: Any, text: str, expected: list[Row]) -> None:
    assert _rows(nlp, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a count the parse hung on a nationality modifier ("Three Thai agricultural workers")
    ("Five Filipino domestic workers were injured in the blast in Beirut.",
     [("injured", 5, "Filipino", "passive")]),
    # the object and the people the parse made the subject of a leaving verb's complement
    ("The ambush left four Malian soldiers and two Russian mercenaries dead.",
     [("killed", 4, "Malian", "none"), ("killed", 2, "Russian", "none")]),
    ("The shooting, carried out by a former employee, left four co-workers dead and another "
     "critically wounded.", [("killed", 4, None, "none"), ("injured", 1, None, "none")]),
    # a counted harm adjective coordinated with the object of a leaving verb
    ("The fighting left 12 Sudanese and 3 Chadians dead.",
     [("killed", 12, "Sudanese", "none"), ("killed", 3, "Chadian", "none")]),
    # a person whose possessive refers back continues the list of victims
    ("Militants abducted three engineers, their driver and two guards in Balochistan.",
     [("hostages", 6, "Pakistani", "active")]),
    ("The blast killed five people, two Germans and three Nepalis.",
     [("killed", 2, "German", "active"), ("killed", 3, "Nepali", "active")]),
])
def test_counted_modifiers_and_continued_lists(nlp: Any, text: str, expected: list[Row]) -> None:
    assert _rows(nlp, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a year is no count of people
    ("Militants kidnapped 14 passengers during the 2019 raid.",
     [("hostages", 14, None, "active")]),
    ("Gunmen killed 12 villagers and abducted 30 others in the 2021 massacre in Zamfara.",
     [("killed", 12, "Nigerian", "active"), ("hostages", 30, "Nigerian", "active")]),
    # a count with a place of its own coordinated with the harm verb
    ("Four days of storms killed at least 30 people in Nepal and 12 in India, officials said.",
     [("killed", 30, "Nepali", "active"), ("killed", 12, "Indian", "active")]),
    # the count a tally of a harm adjective or participle is put at
    ("The number of injured climbed to 340 overnight.", [("injured", 340, None, "none")]),
    ("The ministry said the number of dead could rise as rescuers search the rubble.", []),
    ("Officials put the number displaced at 25,000.", [("displaced", 25000, None, "passive")]),
    # a counted part of the people a harm adjective stands for
    ("Five of the injured were children, medics in Gaza said.",
     [("injured", 5, "Palestinian", "none")]),
    ("Two of the wounded later died in hospital.", [("killed", 2, None, "none")]),
    # a stray count subject past its auxiliary and adverbs
    ("The storm displaced 3,000 families and 12 remain missing in Bicol.",
     [("displaced", None, None, "active"), ("missing", 12, None, "none")]),
])
def test_years_places_tallies_and_parts(nlp: Any, text: str, expected: list[Row]) -> None:
    assert _rows(nlp, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # harming particle verbs: "cut down", "carried off"
    ("Two aid workers were cut down by sniper fire in El Fasher.",
     [("killed", 2, "Sudanese", "passive")]),
    ("Bandits stormed the school in Kebbi and carried off 80 pupils.",
     [("hostages", 80, "Nigerian", "active")]),
    ("The company carried off three awards.", []),
    # losing a limb is an injury
    ("A boy lost both legs when the shell hit his home in Kherson.",
     [("injured", 1, "Ukrainian", "none")]),
    # falling to one's death
    ("Two climbers plunged to their deaths on K2.", [("killed", 2, None, "none")]),
    ("Stock prices fell to their lowest level.", []),
    # "or" joins killing and wounding into casualties, not killing and abducting
    ("Dozens of villagers were abducted or killed by the militants in Ituri.",
     [("hostages", None, "Congolese", "passive"), ("killed", None, "Congolese", "passive")]),
])
def test_particles_limbs_falls_and_disjuncts(nlp: Any, text: str, expected: list[Row]) -> None:
    assert _rows(nlp, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # an active harm clause coordinated with a verb of leaving is no complement of it
    ("The storm left two fishermen dead, and the coast guard rescued 40 others.",
     [("killed", 2, None, "none")]),
    ("The raid left three men dead, and soldiers arrested 12 others in Jenin.",
     [("killed", 3, "Palestinian", "none"), ("detained", 12, "Palestinian", "active")]),
    # "an unknown number of" counts nobody
    ("Gunmen killed an unknown number of villagers in Ituri.",
     [("killed", None, "Congolese", "active")]),
    # the count an aside gives a quantifier's people
    ("Most of the town's residents, about 8,000 people, fled across the border.",
     [("displaced", 8000, None, "none")]),
    # a perpetrator's flight, or flight from the scene, is no displacement
    ("Three people were stabbed before the attacker fled, police in Leeds said.",
     [("injured", 3, "British", "passive")]),
    ("A motorist hit two children and fled the scene.", []),
    ("Thousands of residents fled the fighting in Khartoum.",
     [("displaced", None, "Sudanese", "none")]),
])
def test_leaving_clauses_quantifiers_and_escapes(nlp: Any, text: str,
                                                 expected: list[Row]) -> None:
    assert _rows(nlp, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # the count a toll is revised to, not the one it was
    ("The death toll rose from 80 to 95 in Derna.", [("killed", 95, "Libyan", "none")]),
    # people of a harm participle of their own are no conjunct of the victims before
    ("Officials said 300 people were injured and thousands driven from their homes in Sindh.",
     [("injured", 300, "Pakistani", "passive"), ("displaced", None, "Pakistani", "passive")]),
    # an outcome word the parse made a preposition
    ("Soldiers shot dead two protesters in Mandalay.", [("killed", 2, "Burmese", "active")]),
    # a place the entity recogniser took for a person is no victim
    ("Rebels seized Goma after days of fighting.", []),
    # a harm noun that is the subject of a harm verb of its kind
    ("The massacre at the market in Bunia killed 12 traders.",
     [("killed", 12, "Congolese", "active")]),
    # a pronoun object restating the victims of the verb before
    ("Police arrested a blogger in Minsk and have held him without charge since May.",
     [("detained", 1, "Belarusian", "active")]),
    ("Gunmen abducted 30 villagers and later killed them.",
     [("hostages", 30, None, "active"), ("killed", 30, None, "active")]),
])
def test_tolls_places_and_restated_victims(nlp: Any, text: str, expected: list[Row]) -> None:
    assert _rows(nlp, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a bare count with a place of its own coordinated with the victims is its own group
    ("The storm killed 12 people in Vietnam and five in Laos.",
     [("killed", 12, "Vietnamese", "active"), ("killed", 5, "Laotian", "active")]),
    ("Eighteen soldiers and policemen were killed.", [("killed", 18, None, "passive")]),
    # "a third" standing for one more person, with an elided auxiliary
    ("Two Israeli soldiers were killed and a third wounded in Gaza.",
     [("killed", 2, "Israeli", "passive"), ("injured", 1, "Israeli", "passive")]),
    ("He came third in the race.", []),
])
def test_placed_counts_and_ordinals(nlp: Any, text: str, expected: list[Row]) -> None:
    assert _rows(nlp, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a town the entity recogniser took for an organisation, after a locative preposition or
    # after "of" a place's part
    ("The bodies of three men were found in a ditch outside Bucha.",
     [("killed", 3, "Ukrainian", "none")]),
    ("Gunmen killed seven passengers on the outskirts of Bunia.",
     [("killed", 7, "Congolese", "active")]),
    # places "above", "below", "within" a town
    ("A mudslide in the hills above Kalimpong killed nine people.",
     [("killed", 9, "Indian", "active")]),
])
def test_untagged_towns(nlp: Any, text: str, expected: list[Row]) -> None:
    assert _rows(nlp, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a person after "a" the parse made a modifier of the counted people after it
    ("The wounded included a paramedic and two journalists.", [("injured", 3, None, "none")]),
    ("Five police and army officers were killed.", [("killed", 5, None, "passive")]),
    # a pair noun standing for two people
    ("The duo were arrested in Lagos.", [("detained", 2, "Nigerian", "passive")]),
    ("A pair of boots was stolen.", []),
])
def test_modifier_conjuncts(nlp: Any, text: str, expected: list[Row]) -> None:
    assert _rows(nlp, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a harm participle that is the complement of a verb of being
    ("Four Nepali students remain held in Gaza.", [("hostages", 4, "Nepali", "passive")]),
    ("Three journalists remain detained in a prison near Minsk.",
     [("detained", 3, "Belarusian", "passive")]),
    ("The men remained held responsible for the loss.", []),
])
def test_copula_complements(nlp: Any, text: str, expected: list[Row]) -> None:
    assert _rows(nlp, text) == expected


@pytest.mark.parametrize(("context", "text", "expected"), [
    # captivity after an abduction is that of hostages; a state's captivity is detention
    ("Gunmen kidnapped two Italian engineers in Niger last year", "Both remain in captivity.",
     [("hostages", 2, "Italian", "none")]),
    (None, "Forty Ukrainian soldiers returned from Russian captivity on Friday.",
     [("detained", 40, "Ukrainian", "none")]),
])
def test_story_of_captivity(nlp: Any, context: str | None, text: str,
                            expected: list[Row]) -> None:
    assert _rows(nlp, text, context) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # bodies coordinated with the object of a verb of handling them
    ("Rescuers pulled 14 survivors and three bodies from the collapsed building in Lagos.",
     [("killed", 3, "Nigerian", "none")]),
    ("The museum houses a throne and two bodies.", []),
    # a state whose outcome is death
    ("Two climbers were found frozen to death on Everest.", [("killed", 2, None, "none")]),
    ("The lake was frozen solid.", []),
])
def test_bodies_and_fatal_states(nlp: Any, text: str, expected: list[Row]) -> None:
    assert _rows(nlp, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # more people that the rise of a toll counts are no mention of their own
    ("The death toll rose to 40 after three more bodies were found in Derna.",
     [("killed", 40, "Libyan", "none")]),
    ("The death toll rose to 30 after a strike killed eight people in Gaza City.",
     [("killed", 30, "Palestinian", "none"), ("killed", 8, "Palestinian", "active")]),
])
def test_toll_increments(nlp: Any, text: str, expected: list[Row]) -> None:
    assert _rows(nlp, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a part of people whose possessive refers back continues the list of victims
    ("Gunmen killed a farmer, three of his sons and a neighbour in Plateau state.",
     [("killed", 5, "Nigerian", "active")]),
    # a harm adjective coordinated with another complement of a verb of leaving
    ("The raids left dozens of homes destroyed and 15 people dead.",
     [("killed", 15, None, "none")]),
])
def test_continued_parts_and_left_complements(nlp: Any, text: str,
                                              expected: list[Row]) -> None:
    assert _rows(nlp, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # "X were among N killed": the count the victims are part of
    ("Two nurses were among 11 killed in a strike on a clinic in Khan Younis.",
     [("killed", 11, "Palestinian", "passive")]),
    ("Among the dead were a doctor and his wife.", [("killed", 2, None, "none")]),
    # a counted harm adjective after "among the"
    ("Her son is among the 40 hurt in the collapse in Lagos.",
     [("injured", 40, "Nigerian", "none")]),
])
def test_counted_groups_after_among(nlp: Any, text: str, expected: list[Row]) -> None:
    assert _rows(nlp, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a second subject set off by commas restates the first; age decades are no count
    ("The pair, both in their 80s, were killed when the bridge collapsed in Genoa.",
     [("killed", 2, "Italian", "passive")]),
    ("Six Polish hikers, three couples from Krakow, were found dead in the Tatras.",
     [("killed", 6, "Polish", "none")]),
    # a number word the parse took for an adjective
    ("Fourteen Afghan labourers were killed and at least 30 wounded in Kabul.",
     [("killed", 14, "Afghan", "passive"), ("injured", 30, "Afghan", "passive")]),
    # "half a million"
    ("Monsoon floods have displaced half a million people in Assam.",
     [("displaced", 500000, "Indian", "active")]),
])
def test_counts_of_subjects(nlp: Any, text: str, expected: list[Row]) -> None:
    assert _rows(nlp, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # the object the parse made the subject of an -ing clause of the verb
    ("A drone strike killed three boys playing football near Deir al-Balah.",
     [("killed", 3, "Palestinian", "active")]),
    ("Troops shot a shepherd grazing his flock near Hebron.",
     [("injured", 1, "Palestinian", "active")]),
    # a noun a person noun in apposition describes names a person
    ("Gunmen killed the headmaster, a father of four, in Quetta.",
     [("killed", 1, "Pakistani", "active")]),
    ("The shelling destroyed the clinic, a lifeline for families.", []),
])
def test_objects_of_harm_verbs(nlp: Any, text: str, expected: list[Row]) -> None:
    assert _rows(nlp, text) == expected


@pytest.mark.parametrize(("context", "text", "expected"), [
    # a plural pronoun takes the count of the people named in the sentence before
    ("The two hikers left their hotel in Zermatt on Monday",
     "They were found dead on Thursday.", [("killed", 2, "Swiss", "none")]),
    ("A farmer and his wife were driving home near Kharkiv",
     "They were killed when a drone hit their car.", [("killed", 2, "Ukrainian", "passive")]),
    ("The couple had lived in the village for 40 years",
     "They were reported missing on Sunday.", [("missing", 2, None, "none")]),
])
def test_pronoun_counts_from_context(nlp: Any, context: str, text: str,
                                     expected: list[Row]) -> None:
    assert _rows(nlp, text, context) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # "wounded a third": an ordinal with "a" is one more person; "a third of" a share
    ("Militants killed two policemen and wounded a third in Peshawar.",
     [("killed", 2, "Pakistani", "active"), ("injured", 1, "Pakistani", "active")]),
    ("A third of the residents of Mariupol were displaced.",
     [("displaced", None, "Ukrainian", "passive")]),
    # forced into shelters or camps is displacement; into vans is not
    ("The cyclone forced 40,000 Bangladeshi families into relief camps.",
     [("displaced", None, "Bangladeshi", "active")]),
    ("Police forced the protesters into vans.", []),
    # places coordinated with people are no people; "their families" keep the count
    ("Over 5,000 residents of Sumy and nearby villages were forced to leave their homes.",
     [("displaced", 5000, "Ukrainian", "passive")]),
    ("The floods displaced 3,000 farmers and their families in Sindh.",
     [("displaced", 3000, "Pakistani", "active")]),
    ("Soldiers killed 14 fighters and their commanders.", [("killed", None, None, "active")]),
])
def test_ordinals_refuges_and_dependants(nlp: Any, text: str, expected: list[Row]) -> None:
    assert _rows(nlp, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # people held by armed men are hostages; by police, detainees
    ("Two aid workers are being held by unidentified armed men in Darfur.",
     [("hostages", 2, "Sudanese", "passive")]),
    ("Three journalists were held by police in Minsk.",
     [("detained", 3, "Belarusian", "passive")]),
    # a relative clause after a part set off by commas is said of the whole group
    ("Rescuers found 12 miners, including two teenagers, who had died in the shaft.",
     [("killed", 12, None, "none")]),
    ("Rescuers reached the miners including two teenagers who had died in the shaft.",
     [("killed", 2, None, "none")]),
])
def test_captors_and_relative_clauses(nlp: Any, text: str, expected: list[Row]) -> None:
    assert _rows(nlp, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # uncounted captives that are a subject are held people; freed ones are not
    ("Filipino hostages were moved to a camp in Jolo.",
     [("hostages", None, "Filipino", "none")]),
    ("The hostages were freed on Sunday.", []),
    ("The hostages' families held a rally in Tel Aviv.", []),
    # a count of people named by a pronoun is people
    ("Police said 30 of them were detained in Dhaka.",
     [("detained", 30, "Bangladeshi", "passive")]),
    ("Engineers said 12 of them were held up by delays.", []),
])
def test_uncounted_captives_and_counted_pronouns(nlp: Any, text: str,
                                                 expected: list[Row]) -> None:
    assert _rows(nlp, text) == expected


@pytest.mark.parametrize(("context", "text", "expected"), [
    # local police named with their town say where the harm they speak of was
    ("Police in Denver said the gunman opened fire in a supermarket.",
     "Three shoppers were killed and two were wounded.",
     [("killed", 3, "American", "passive"), ("injured", 2, "American", "passive")]),
    ("Israeli police said the attacker was shot at the scene.",
     "Two people were wounded.", [("injured", 2, None, "passive")]),
])
def test_local_police_in_context(nlp: Any, context: str, text: str,
                                 expected: list[Row]) -> None:
    assert _rows(nlp, text, context) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # the place an attack came from is the attackers' side
    ("Rocket fire from Gaza injured four people, medics said.",
     [("injured", 4, "Israeli", "active")]),
    ("Gunmen from Zamfara killed 12 villagers.", [("killed", 12, "Nigerian", "active")]),
])
def test_attack_origins(nlp: Any, text: str, expected: list[Row]) -> None:
    assert _rows(nlp, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a harm adjective after the people it describes; a tally of them
    ("Rescuers searched for residents unaccounted for after the mudslide in Freetown.",
     [("missing", None, "Sierra Leonean", "none")]),
    ("The number of those unaccounted for in Derna has fallen to 80.",
     [("missing", 80, "Libyan", "none")]),
    ("The costs unaccounted for rose to 5 million.", []),
    # a count the parse gave to the time phrase before the people
    ("By Tuesday 12 Chadian soldiers had died of their wounds.",
     [("killed", 12, "Chadian", "none")]),
    ("In 2014 soldiers were killed.", [("killed", None, None, "passive")]),
])
def test_described_people_and_stranded_counts(nlp: Any, text: str,
                                              expected: list[Row]) -> None:
    assert _rows(nlp, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a backer named before "-backed" is not the agent
    ("Rwandan-backed M23 rebels executed 15 civilians near Goma.",
     [("killed", 15, "Congolese", "active")]),
    ("Iran executed four men convicted of spying.", [("killed", 4, "Iranian", "active")]),
])
def test_backers_of_agents(nlp: Any, text: str, expected: list[Row]) -> None:
    assert _rows(nlp, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # "a family of four whose ...": the count a clause the parse hung on it keeps
    ("The dead included a family of four whose house was flattened in Jableh.",
     [("killed", 4, "Syrian", "none")]),
    ("The dead included a family of four.", [("killed", 4, None, "none")]),
])
def test_counted_families_with_clauses(nlp: Any, text: str, expected: list[Row]) -> None:
    assert _rows(nlp, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # attackers harmed take no side from their victims
    ("Three Kenyan police officers were killed in the raid, and four attackers were also killed.",
     [("killed", 3, "Kenyan", "passive"), ("killed", 4, None, "passive")]),
    ("A Thai teacher was stabbed and the assailant was arrested, police said.",
     [("injured", 1, "Thai", "passive"), ("detained", 1, None, "passive")]),
])
def test_attackers_take_no_side(nlp: Any, text: str, expected: list[Row]) -> None:
    assert _rows(nlp, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a count of households is no count of people
    ("Some 800 Somali families fled the drought in Gedo region.",
     [("displaced", None, "Somali", "none")]),
    ("About 450 households were uprooted by the floods in Sindh.",
     [("displaced", None, "Pakistani", "passive")]),
    # the count after "of" is of people
    ("A family of five fled their village near Mosul.", [("displaced", 5, "Iraqi", "none")]),
])
def test_household_counts(nlp: Any, text: str, expected: list[Row]) -> None:
    assert _rows(nlp, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # "N of those held": the count of the uncounted people a harm participle names
    ("Twelve of those detained were freed on bail, the lawyers said.",
     [("detained", 12, None, "passive")]),
    ("Three of the men abducted in Zamfara escaped on Monday.",
     [("hostages", 3, "Nigerian", "passive")]),
])
def test_partitive_of_harmed(nlp: Any, text: str, expected: list[Row]) -> None:
    assert _rows(nlp, text) == expected


def test_partitive_inside_another_phrase_keeps_no_count(nlp: Any) -> None:
    rows = _rows(nlp, "The brother of one of those arrested in Izmir spoke to reporters.")
    assert [row[1] for row in rows] == [None]


@pytest.mark.parametrize(("text", "expected"), [
    # an infinitive after an adjective, a harm adjective as object: the mood of the verb above
    ("The decree would make it simpler to arrest journalists, lawyers warned.", []),
    ("Engineers warn a dam failure could leave 20,000 dead.", []),
    ("The quake left 900 dead in Herat province.", [("killed", 900, "Afghan", "none")]),
])
def test_mood_of_infinitives_and_objects(nlp: Any, text: str, expected: list[Row]) -> None:
    assert _rows(nlp, text) == expected


def test_harm_adjective_object_of_intent_is_real(nlp: Any) -> None:
    rows = _rows(nlp, "Two medics were shot dead while trying to reach the injured in Tulkarem.")
    assert ("injured", None, "Palestinian", "none") in rows


@pytest.mark.parametrize(("text", "expected"), [
    # a coordinated clause with its own agent and place is no ellipsis of the one before
    ("Hamas rockets killed two people in Ashdod, and Israeli strikes killed 30 in Khan Younis.",
     [("killed", 2, "Israeli", "active"), ("killed", 30, "Palestinian", "active")]),
    ("Russian shelling wounded six in Kherson, and Ukrainian drones injured four in Belgorod.",
     [("injured", 6, "Ukrainian", "active"), ("injured", 4, "Russian", "active")]),
    # a clause with no subject of its own still continues the victims before
    ("The blast killed 12 people in Quetta and wounded 40.",
     [("killed", 12, "Pakistani", "active"), ("injured", 40, "Pakistani", "active")]),
])
def test_coordinated_clauses_with_own_agents(nlp: Any, text: str, expected: list[Row]) -> None:
    assert _rows(nlp, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # "remains" are the dead's bodies: a mention only when found or handled
    ("Forensic teams recovered the remains of 12 hikers in Arizona.",
     [("killed", 12, "American", "none")]),
    ("The remains of nine soldiers were exhumed near Bakhmut.",
     [("killed", 9, "Ukrainian", "none")]),
    ("The museum displays the remains of two Roman soldiers.", []),
    ("The ceasefire remains fragile, officials in Gaza said.", []),
])
def test_found_remains(nlp: Any, text: str, expected: list[Row]) -> None:
    assert _rows(nlp, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # counted demonyms coordinated before a counted harm noun share it
    ("The deal freed 25 Armenian and 25 Azerbaijani prisoners on Friday.",
     [("detained", 25, "Armenian", "none"), ("detained", 25, "Azerbaijani", "none")]),
    # a plural people noun has a noun of its own
    ("The exchange freed 30 Palestinians and 12 hostages.", [("hostages", 12, None, "none")]),
])
def test_counted_demonyms_share_the_noun(nlp: Any, text: str, expected: list[Row]) -> None:
    assert _rows(nlp, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # kin that people bury are dead; kin a disaster buries are not told dead
    ("Families in Deir al-Balah buried their children on Friday.",
     [("killed", None, "Palestinian", "none")]),
    ("'I buried my wife and my daughter,' a farmer in Darfur said.",
     [("killed", 2, "Sudanese", "none")]),
    ("The mudslide buried her two sons, but rescuers pulled them out alive.", []),
])
def test_people_burying_their_kin(nlp: Any, text: str, expected: list[Row]) -> None:
    assert _rows(nlp, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # people still trapped are missing; people trapped and freed, or trapped once, are not
    ("Twenty villagers remain trapped under the mud in Kerala.",
     [("missing", 20, "Indian", "passive")]),
    ("Hundreds are still trapped under collapsed buildings in Antakya, rescuers said.",
     [("missing", None, "Turkish", "passive")]),
    ("Rescuers freed all 12 miners trapped underground in Chile.", []),
    ("Firefighters are still trying to reach residents trapped on the upper floors.", []),
])
def test_still_trapped_are_missing(nlp: Any, text: str, expected: list[Row]) -> None:
    assert _rows(nlp, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # the object the parse hung on the outcome word of "shot dead"
    ("A gunman shot dead his wife, police said.", [("killed", 1, None, "active")]),
    ("A man shot dead his neighbour and her son in Lyon, prosecutors said.",
     [("killed", 2, "French", "active")]),
])
def test_object_of_outcome_complement(nlp: Any, text: str, expected: list[Row]) -> None:
    assert _rows(nlp, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a bare count with a place of its own after a passive or intransitive harm verb
    ("At least 40 civilians were wounded in Kharkiv and 12 in Sumy, the governor said.",
     [("injured", 40, "Ukrainian", "passive"), ("injured", 12, "Ukrainian", "passive")]),
    ("Nine people died in Aleppo and four in Idlib after the quake.",
     [("killed", 9, "Syrian", "none"), ("killed", 4, "Syrian", "none")]),
    # a state is no place
    ("Five people were killed and 20 in critical condition in Lagos.",
     [("killed", 5, "Nigerian", "passive")]),
])
def test_gapped_subjects(nlp: Any, text: str, expected: list[Row]) -> None:
    assert _rows(nlp, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a count before a participle modifying the people, parsed as its subject
    ("Troops detained 30 wanted men in Jenin.", [("detained", 30, "Palestinian", "active")]),
    ("Police arrested 12 suspected militants in a raid near Peshawar.",
     [("detained", 12, "Pakistani", "active")]),
    # a count after "and" coordinated with the person noun the parse made a modifier
    ("Soldiers arrested a nurse and two ambulance drivers at the checkpoint in Nablus.",
     [("detained", 3, "Palestinian", "active")]),
    ("Israeli soldiers detained a paramedic and two ambulance drivers in Jenin.",
     [("detained", 3, "Palestinian", "active")]),
])
def test_misparsed_counted_objects(nlp: Any, text: str, expected: list[Row]) -> None:
    assert _rows(nlp, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a part of people with a harm participle of its own is not the coordinated harm's
    ("Twenty of the migrants on the boat drowned, and 40 remain missing, the coast guard said.",
     [("killed", 20, None, "none"), ("missing", 40, None, "none")]),
    ("Sixteen of those on board drowned, and 28 remain unaccounted for.",
     [("killed", 16, None, "none"), ("missing", 28, None, "none")]),
])
def test_part_harmed_apart(nlp: Any, text: str, expected: list[Row]) -> None:
    assert _rows(nlp, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a tally parsed as the subject of the participle before the verb of change
    ("The number of people confirmed dead in Antakya rose to 1,200.",
     [("killed", 1200, "Turkish", "none")]),
    ("The number of people confirmed dead in Derna rose to 4,300 as searchers dug.",
     [("killed", 4300, "Libyan", "none")]),
    # no count the tally is put at
    ("The number of people confirmed dead in Gaza City rose sharply on Monday.",
     [("killed", None, "Palestinian", "none")]),
])
def test_tally_subject_of_participle(nlp: Any, text: str, expected: list[Row]) -> None:
    assert _rows(nlp, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a quantifier opening an aside is not the subject
    ("At least 21 Syrian men, some with their hands bound, were found executed in a field.",
     [("killed", 21, "Syrian", "passive")]),
    ("Nine hostages, several in poor health, were found dead in a tunnel.",
     [("killed", 9, None, "none")]),
    # a past tense the parse hung on people as a clause is a participle
    ("The mother of one of the three journalists gunned down in Veracruz spoke.",
     [("killed", 3, "Mexican", "passive")]),
    # not when the parse cut the verb off its object
    ("Bandits abducted at least 30 villagers in Zamfara.",
     [("hostages", 30, "Nigerian", "active")]),
])
def test_subjects_past_asides(nlp: Any, text: str, expected: list[Row]) -> None:
    assert _rows(nlp, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # "shot" tagged a noun, the subject of the outcome word with the people shot as object
    ("A settler shot dead a shepherd near Hebron.", [("killed", 1, "Palestinian", "active")]),
    ("A settler shot dead a 24-year-old man near the village of Sinjil.",
     [("killed", 1, "Palestinian", "active")]),
    # the noun "shot"
    ("A warning shot was fired near the crowd.", []),
])
def test_shot_tagged_as_noun(nlp: Any, text: str, expected: list[Row]) -> None:
    assert _rows(nlp, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a count with a harm participle after a harm adjective counted by a verb harming nobody
    ("Rescuers counted 23 dead and 40 wounded in Kandahar.",
     [("killed", 23, "Afghan", "none"), ("injured", 40, "Afghan", "none")]),
    ("Officials put the toll at 12 dead and 30 injured in Aden.",
     [("killed", 12, "Yemeni", "none"), ("injured", 30, "Yemeni", "none")]),
    # a participle coordinated with a passive shares its auxiliary
    ("Three people were confirmed dead and 50 others injured in Karachi.",
     [("killed", 3, "Pakistani", "none"), ("injured", 50, "Pakistani", "passive")]),
])
def test_listed_outcome_voice(nlp: Any, text: str, expected: list[Row]) -> None:
    assert _rows(nlp, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a harm adjective modifying the object of a verb of leaving shares its mood
    ("A cyclone could leave a million people homeless in Bangladesh.", []),
    ("The floods left 30,000 people homeless in Sindh.",
     [("displaced", 30000, "Pakistani", "none")]),
    # the doer fleeing after his deed is no displacement
    ("A man stabbed three people in Solingen before he fled on foot.",
     [("injured", 3, "German", "active")]),
    ("Gunmen killed two cousins as they fled toward a shelter in Rafah.",
     [("killed", 2, "Palestinian", "active")]),
])
def test_unreal_leaving_and_doer_flight(nlp: Any, text: str, expected: list[Row]) -> None:
    assert _rows(nlp, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # an armed group speaking of the men it lost
    ("Hezbollah said it had lost eight fighters in Israeli strikes.",
     [("killed", 8, "Lebanese", "none")]),
    ("The Houthis said they had lost 12 fighters near Marib.",
     [("killed", 12, "Yemeni", "none")]),
    ("The company said it had lost eight employees in the blast.", []),
    # a harm adjective that is the head of a passive clause
    ("Four fishermen have been unaccounted for since the storm hit Kerala.",
     [("missing", 4, "Indian", "none")]),
    ("The ship has been missing since Friday.", []),
])
def test_lost_fighters_and_adjective_heads(nlp: Any, text: str, expected: list[Row]) -> None:
    assert _rows(nlp, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # euphemisms of death: "passed away", "did not survive"
    ("Three climbers passed away on the descent from K2.", [("killed", 3, None, "none")]),
    ("A 70-year-old woman passed away after the heatwave in Seville.",
     [("killed", 1, "Spanish", "none")]),
    ("A baby born in the tent camp in Mawasi did not survive the cold.",
     [("killed", 1, "Palestinian", "none")]),
    ("Doctors fear he may not survive.", []),
    ("The building did not survive the quake.", []),
    ("Police rounded up 40 protesters in Tehran.", [("detained", 40, "Iranian", "active")]),
])
def test_euphemisms_of_death(nlp: Any, text: str, expected: list[Row]) -> None:
    assert _rows(nlp, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # where hostages are held says nothing of whose they are
    ("Hamas is holding 101 people captive in Gaza.", [("hostages", 101, "Israeli", "active")]),
    ("Gunmen are holding 30 pupils captive in a forest in Zamfara.",
     [("hostages", 30, "Nigerian", "active")]),
    # the participle with its agent that the parse made the subject's verb says who struck
    ("Rockets fired by Hezbollah injured a man in his 40s.",
     [("injured", 1, "Israeli", "active")]),
    ("Shells fired by Russian forces killed three people in Kherson.",
     [("killed", 3, "Ukrainian", "active")]),
])
def test_held_place_and_agent_participle(nlp: Any, text: str, expected: list[Row]) -> None:
    assert _rows(nlp, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a proportion whose first number and "in" the parse made modifiers of the second
    ("Roughly one in five people infected with the virus dies, the WHO said.", []),
    ("One in ten children in Gaza is wounded, UNICEF said.", []),
    # the newest of a series restates the harm told before it
    ("Gunmen shot dead a Sikh shopkeeper in Peshawar, the latest killing of a member of the "
     "minority.", [("killed", 1, "Pakistani", "active")]),
    ("Two Indian engineers were kidnapped near Kandahar, in the latest abduction of foreign "
     "workers.", [("hostages", 2, "Indian", "passive")]),
    ("The latest killing of a journalist in Mexico shocked the press corps.",
     [("killed", 1, "Mexican", "none")]),
])
def test_ratios_and_latest_of_series(nlp: Any, text: str, expected: list[Row]) -> None:
    assert _rows(nlp, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # many people an evacuation participle describes are displaced; patients moved for care not
    ("Thousands of families evacuated from Kherson are living in shelters.",
     [("displaced", None, "Ukrainian", "passive")]),
    ("Two patients evacuated to hospital in Rafah died.", [("killed", 2, "Palestinian", "none")]),
])
def test_evacuated_people_described(nlp: Any, text: str, expected: list[Row]) -> None:
    assert _rows(nlp, text) == expected


@pytest.mark.parametrize(("text", "agent"), [
    # the agent of a relative clause is the noun its "who" stands for
    ("The militants, who had kidnapped 13 policemen in Bannu, released them on Sunday.",
     "The militants"),
    ("Rockets fired by Hamas injured a man in his 40s, medics said.", "Rockets fired by Hamas"),
])
def test_agent_of_relative_and_participle(nlp: Any, text: str, agent: str) -> None:
    doc = nlp(text)
    found = harm_mentions(doc, context=ExtractContext.for_doc(doc))
    assert found[0].agent == agent


@pytest.mark.parametrize(("text", "expected"), [
    # lists of tolls by place: each count with its own place is a mention of its own
    ("At least 30 people died in Punjab, 12 in Sindh and nine in Khyber Pakhtunkhwa.",
     [("killed", 30, "Pakistani", "none"), ("killed", 12, "Pakistani", "none"),
      ("killed", 9, "Pakistani", "none")]),
    ("Three people were killed in Kharkiv, two in Sumy and one in Odesa.",
     [("killed", 3, "Ukrainian", "passive"), ("killed", 2, "Ukrainian", "passive"),
      ("killed", 1, "Ukrainian", "passive")]),
    ("Israeli strikes killed 40 people in Gaza, 12 in Lebanon and three in Syria.",
     [("killed", 40, "Palestinian", "active"), ("killed", 12, "Lebanese", "active"),
      ("killed", 3, "Syrian", "active")]),
    # a part of the victims is no toll of its own
    ("The strike killed 20 people in Kharkiv, six of them children.",
     [("killed", 20, "Ukrainian", "active")]),
])
def test_lists_of_tolls_by_place(nlp: Any, text: str, expected: list[Row]) -> None:
    assert _rows(nlp, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # people a holding verb takes to care are held by nobody
    ("Hamas took 250 people hostage on October 7.", [("hostages", 250, "Israeli", "active")]),
    ("Soldiers took the wounded shepherd to a hospital in Hebron.",
     [("injured", 1, "Palestinian", "none")]),
])
def test_taken_for_care_is_no_captivity(nlp: Any, text: str, expected: list[Row]) -> None:
    assert _rows(nlp, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a capital speaking of "its" soldiers names their side
    ("Armenia said two of its soldiers were killed, while Baku said one of its servicemen was "
     "wounded.", [("killed", 2, "Armenian", "passive"), ("injured", 1, "Azerbaijani", "passive")]),
    ("Kyiv said three of its soldiers were killed near Bakhmut.",
     [("killed", 3, "Ukrainian", "passive")]),
])
def test_capital_possessor_side(nlp: Any, text: str, expected: list[Row]) -> None:
    assert _rows(nlp, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # people a participle with "still" says are still trapped are missing
    ("Families of the 19 miners still trapped underground in Zacatecas gathered at the mine.",
     [("missing", 19, "Mexican", "passive")]),
    ("Rescuers are trying to reach dozens of people still trapped under the rubble in Hatay.",
     [("missing", None, "Turkish", "passive")]),
])
def test_people_still_trapped_described(nlp: Any, text: str, expected: list[Row]) -> None:
    assert _rows(nlp, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a count after "with" whose participle the parse hung on it is passive
    ("The blast killed 12 people in Quetta, with 40 injured.",
     [("killed", 12, "Pakistani", "active"), ("injured", 40, "Pakistani", "passive")]),
    ("Hospitals in Gaza City received 60 wounded overnight.",
     [("injured", 60, "Palestinian", "none")]),
])
def test_with_count_participle_voice(nlp: Any, text: str, expected: list[Row]) -> None:
    assert _rows(nlp, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a fate verb with a clause of fighting: its subjects died (not "fell while walking")
    ("Two Israeli reservists fell fighting in southern Gaza, the army said.",
     [("killed", 2, "Israeli", "none")]),
    ("A Kurdish commander fell defending Kobani.", [("killed", 1, "Syrian", "none")]),
    ("Three hikers fell while walking near Zermatt.", []),
])
def test_fell_fighting(nlp: Any, text: str, expected: list[Row]) -> None:
    assert _rows(nlp, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # any verb that makes people captives "as" a captive word; not a verb of freeing or calling
    ("Gunmen led away 30 villagers as captives in Zamfara.",
     [("hostages", 30, "Nigerian", "active")]),
    ("They were described as prisoners of conscience.", []),
    ("The two women were freed as hostages last year.", []),
    # seizing is an arrest when the police do it or suspects are seized, else an abduction
    ("Security forces seized three suspects in a raid in Peshawar.",
     [("detained", 3, "Pakistani", "active")]),
    ("Two opposition leaders were snatched by plainclothes police in Dhaka.",
     [("detained", 2, "Bangladeshi", "passive")]),
    ("Gunmen seized two police officers near Kandahar.", [("hostages", 2, "Afghan", "active")]),
    # captivity holds hostages, but soldiers in it are prisoners of war
    ("Four aid workers remain in captivity in Mali.", [("hostages", 4, "Malian", "none")]),
    ("Twelve Ukrainian soldiers remain in captivity.", [("detained", 12, "Ukrainian", "none")]),
    ("The pandas were born in captivity in Chengdu.", []),
    # phrasal verbs whose particle the parse made an adverb; custody after its preposition
    ("Hamas militants spirited away two Israeli children to Gaza.",
     [("hostages", 2, "Israeli", "active")]),
    ("The trucks hauled away the rubble.", []),
    ("The Taliban locked up three aid workers in Kabul.", [("detained", 3, "Afghan", "active")]),
    ("They locked up the shop and left.", []),
    ("Three journalists were put behind bars in Cairo.",
     [("detained", 3, "Egyptian", "passive")]),
    ("Four men were drinking in a bar in Belfast.", []),
])
def test_captives_by_phrase_and_holder(nlp: Any, text: str, expected: list[Row]) -> None:
    assert _rows(nlp, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # refuge found away from home, not cover from a danger; abandoned homes
    ("Some 3,000 families found shelter in schools in Sidon.",
     [("displaced", None, None, "none")]),
    ("Residents sought shelter from the rain under a bridge in London.", []),
    ("Thousands abandoned their homes in Kherson.", [("displaced", None, "Ukrainian", "none")]),
    ("The company abandoned its plans.", []),
])
def test_refuge_and_abandoned_homes(nlp: Any, text: str, expected: list[Row]) -> None:
    assert _rows(nlp, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # verbless headlines: "N killed" after a bare count, "N dead" beside the event
    ("Train collision in Bihar: 12 killed, 50 injured",
     [("killed", 12, "Indian", "passive"), ("injured", 50, "Indian", "passive")]),
    ("Six killed him.", [("killed", 1, None, "active")]),
    ("Israeli strike on Gaza school: 25 dead", [("killed", 25, "Palestinian", "none")]),
    ("Quake in Herat province - 1,000 injured", [("injured", 1000, "Afghan", "none")]),
    ("Ferry disaster, 30 missing", [("missing", 30, None, "none")]),
    ("Gunmen stormed a hotel in Mogadishu; 9 dead, 10 hurt.",
     [("killed", 9, "Somali", "none"), ("injured", 10, "Somali", "none")]),
    ("Storm batters coast: 4 dead, 2 missing",
     [("killed", 4, None, "none"), ("missing", 2, None, "none")]),
    ("The strike left 9 dead.", [("killed", 9, None, "none")]),
    ("4,000 dead, 10,000 missing", [("killed", 4000, None, "none"),
                                    ("missing", 10000, None, "none")]),
    ("Some 70 people are feared drowned.", [("killed", 70, None, "none")]),
    ("Two dead men were found in Ohio.", [("killed", 2, "American", "none")]),
])
def test_headline_counts(nlp: Any, text: str, expected: list[Row]) -> None:
    assert _rows(nlp, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a compared likelihood is a statistic of risk; a plain one hedges a report
    ("Children in Gaza are twice as likely to be injured as adults, the study found.", []),
    ("Older drivers are less likely to be killed in crashes.", []),
    ("Hundreds are likely to have died in the flood in Derna.",
     [("killed", None, "Libyan", "none")]),
    # hyphenated place names of five tokens; holy cities the place index gives to US towns
    ("Fatalities in Port-au-Prince climbed to 85 over the weekend.",
     [("killed", 85, "Haitian", "none")]),
    ("Seven pilgrims died of heatstroke in Mecca.", [("killed", 7, "Saudi", "none")]),
    # a running tally reaching a count (not a record)
    ("Deaths in the cholera outbreak in Yemen have passed 4,000.",
     [("killed", 4000, "Yemeni", "none")]),
    ("Deaths reached a record high in Chicago.", []),
    # the lemmatiser's "corps" of "corpses" (not an army corps)
    ("Rescuers recovered the corpses of 15 migrants off Lampedusa.",
     [("killed", 15, None, "none")]),
    ("The army corps built a bridge in Kherson.", []),
])
def test_odds_places_tallies_and_lemmas(nlp: Any, text: str, expected: list[Row]) -> None:
    assert _rows(nlp, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # outcomes "alive" (a verb of burying without one mourns); verbs of dying "to death"
    ("The militants buried alive 12 villagers in Borno.",
     [("killed", 12, "Nigerian", "active")]),
    ("The mudslide buried 40 homes in Kerala.", []),
    ("Three migrants froze to death near the Belarus border.", [("killed", 3, None, "none")]),
    ("A boy choked to death on a sweet in Leeds.", [("killed", 1, "British", "none")]),
    ("A family of five was burned to death in Manipur.", [("killed", 5, "Indian", "passive")]),
    # the injury of people who died is no mention of its own
    ("Two wounded Palestinians died in hospital in Jenin.",
     [("killed", 2, "Palestinian", "none")]),
    ("A man shot in Chicago on Friday died on Sunday.", [("killed", 1, "American", "none")]),
    # "shot" the tagger made a noun; "shot to fame" harms nobody
    ("A teenager shot in Philadelphia was taken to hospital.",
     [("injured", 1, "American", "passive")]),
    ("The singer shot to fame in Lagos in 2019.", []),
    ("The party shot to the top of the polls in Berlin.", []),
    # people rushed to hospital are injured; not for checks, an illness or once freed
    ("Five Israelis were rushed to hospital after the stabbing in Jerusalem.",
     [("injured", 5, "Israeli", "passive")]),
    ("Three children were airlifted to hospital in Bristol after the collapse.",
     [("injured", 3, "British", "passive")]),
    ("The survivors were taken to hospital for checks.", []),
    ("The king was rushed to hospital after falling ill.", []),
    ("The freed Thai workers were taken to hospital.", []),
])
def test_ways_of_dying_and_injury(nlp: Any, text: str, expected: list[Row]) -> None:
    assert _rows(nlp, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # grave states of health that people are in; not of things, not restating the injured
    ("Two Israeli civilians are in critical condition after the rocket strike on Nahariya.",
     [("injured", 2, "Israeli", "none")]),
    ("Three soldiers remain in intensive care in Haifa.", [("injured", 3, "Israeli", "none")]),
    ("The bridge is in critical condition, engineers said.", []),
    ("Four people were injured and two were in critical condition in Lagos.",
     [("injured", 4, "Nigerian", "passive")]),
    ("The journalist was placed under arrest in Moscow.",
     [("detained", 1, "Russian", "passive")]),
    # more verbs of going missing, eviction and injury
    ("Four climbers vanished on Denali last week.", [("missing", 4, None, "none")]),
    ("The report vanished from the website.", []),
    ("Thousands of jobs disappeared in Detroit.", []),
    ("Settlers evicted a Palestinian family in Silwan.",
     [("displaced", None, "Palestinian", "active")]),
    ("The landlord evicted the company from the office.", []),
    ("Five protesters were blinded by rubber bullets in Tehran.",
     [("injured", 5, "Iranian", "passive")]),
])
def test_states_of_health_and_more_verbs(nlp: Any, text: str, expected: list[Row]) -> None:
    assert _rows(nlp, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # an injury with a fatal adverb is a killing
    ("An Israeli reservist was mortally wounded in Khan Younis.",
     [("killed", 1, "Israeli", "passive")]),
    ("A gunman fatally injured two guards in Dallas.", [("killed", 2, "American", "active")]),
    ("Three people were seriously wounded in Kharkiv.", [("injured", 3, "Ukrainian", "passive")]),
    # seizing things, comparing risks and sheltering money harm nobody
    ("Customs officers seized 200 kilograms of cocaine in Rotterdam.", []),
    ("Gunmen seized 12 passengers from a bus in Zamfara.",
     [("hostages", 12, "Nigerian", "active")]),
    ("Women are more likely than men to be hurt in such crashes.", []),
    ("Investors sought shelter in gold as markets tumbled.", []),
    ("Thousands sought shelter in Rafah.", [("displaced", None, "Palestinian", "none")]),
])
def test_fatal_injuries_and_things_seized(nlp: Any, text: str, expected: list[Row]) -> None:
    assert _rows(nlp, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # people struck by projectiles, burned badly, moved by force; not things
    ("Two paramedics were hit by shrapnel in Khan Younis.",
     [("injured", 2, "Palestinian", "passive")]),
    ("The house was hit by a rocket in Sderot.", []),
    ("Three children were badly burned in the fire in Karachi.",
     [("injured", 3, "Pakistani", "passive")]),
    ("The school was badly burned in the fire.", []),
    ("Israel forcibly transferred 200 Palestinians from Masafer Yatta.",
     [("displaced", 200, "Palestinian", "active")]),
    ("The files were forcibly removed from the office.", []),
    ("Police nabbed three suspects in Lagos.", [("detained", 3, "Nigerian", "active")]),
    ("The bullet grazed the wall.", []),
    # a caption's opening harm adjective taken for a name; a vague many evacuated
    ("Wounded Ukrainians arrive at a hospital in Zaporizhzhia.",
     [("injured", None, "Ukrainian", "none")]),
    ("Missing Persons Bureau opens in Kyiv.", []),
    ("Many had been evacuated from Kiryat Shmona for months.",
     [("displaced", None, "Israeli", "passive")]),
])
def test_projectiles_force_and_captions(nlp: Any, text: str, expected: list[Row]) -> None:
    assert _rows(nlp, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # bodies counted, repatriated or dug out are the dead's
    ("Medics said they had counted 27 bodies in Khan Younis.",
     [("killed", 27, "Palestinian", "none")]),
    ("The remains of 17 soldiers were repatriated to Ukraine.",
     [("killed", 17, "Ukrainian", "none")]),
    ("Rescuers dug out 14 bodies from the rubble in Adiyaman.",
     [("killed", 14, "Turkish", "none")]),
    ("A museum houses the bodies of two pharaohs.", []),
])
def test_more_handled_bodies(nlp: Any, text: str, expected: list[Row]) -> None:
    assert _rows(nlp, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # people among the captives, the subject of a verb of being
    ("Three Americans are among the hostages.", [("hostages", 3, "American", "none")]),
    ("Two Britons remain among the detainees in Evin prison.",
     [("detained", 2, "British", "none")]),
    ("He spoke among the hostages.", []),
])
def test_among_the_captives(nlp: Any, text: str, expected: list[Row]) -> None:
    assert _rows(nlp, text) == expected


@pytest.mark.parametrize(("context", "text", "expected"), [
    # the context's people named by a demonym outrank a demonym of a thing
    ("A Turkish ship rescued Afghan migrants in the Aegean", "Twelve of them drowned.",
     [("killed", 12, "Afghan", "none")]),
    ("The boat left the Tunisian coast carrying Sudanese refugees",
     "Some 30 people remain unaccounted for, the coast guard said.",
     [("missing", 30, "Sudanese", "none")]),
])
def test_context_people_demonym(nlp: Any, context: str, text: str,
                                expected: list[Row]) -> None:
    assert _rows(nlp, text, context) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # injuries done to people; people none of whom survived
    ("The explosion caused injuries to 20 people in Beirut.",
     [("injured", 20, "Lebanese", "none")]),
    ("The storm caused damage to 300 homes.", []),
    ("None of the 72 passengers survived the crash in Pokhara.",
     [("killed", 72, "Nepali", "none")]),
    ("Nobody survived the crash.", []),
    # dying "to" do something is a wish; dying to save others a death
    ("Voters are dying to see change in Lagos.", []),
    ("He died to save his comrades in Bakhmut.", [("killed", 1, "Ukrainian", "none")]),
    ("None of the passengers could survive without help.", []),
])
def test_injuries_to_and_none_survived(nlp: Any, text: str, expected: list[Row]) -> None:
    assert _rows(nlp, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # nouns of harmful acts with their people after "of" (not things: "the shooting of the film")
    ("The shooting of three Palestinians near Nablus prompted an inquiry.",
     [("injured", 3, "Palestinian", "none")]),
    ("The shooting of the film in Morocco took months.", []),
    ("The imprisonment of 12 activists in Cairo was condemned.",
     [("detained", 12, "Egyptian", "none")]),
    ("The hanging of paintings took hours.", []),
    ("Two people were hurt in the shooting in Memphis.",
     [("injured", 2, "American", "passive")]),
])
def test_nouns_of_harmful_acts(nlp: Any, text: str, expected: list[Row]) -> None:
    assert _rows(nlp, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a state that lost its soldiers lost them dead (not players, wickets or officers retired)
    ("India lost 20 soldiers in the clash in Galwan.", [("killed", 20, "Indian", "none")]),
    ("Pakistan lost five wickets before lunch in Lahore.", []),
    ("Ukraine lost three players to injury.", []),
])
def test_state_lost_its_soldiers(nlp: Any, text: str, expected: list[Row]) -> None:
    assert _rows(nlp, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # more weapons' verbs and "run over" (people only)
    ("Three commuters were knifed at a station in Tokyo.",
     [("injured", 3, "Japanese", "passive")]),
    ("Two Palestinians were run over by a settler near Hebron.",
     [("injured", 2, "Palestinian", "passive")]),
    ("The project ran over budget in Leeds.", []),
])
def test_weapons_and_run_over(nlp: Any, text: str, expected: list[Row]) -> None:
    assert _rows(nlp, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a count of acts is no count of people; a fatal act kills; a complement clause's count
    ("There have been at least 35 school shootings in the United States so far this year.", []),
    ("The fatal stabbing of two people at a compound in southern China ignited debate.",
     [("killed", 2, "Chinese", "none")]),
    ("The officer sustained fatal injuries in the crash in Ohio.",
     [("killed", 1, "American", "none")]),
    ("The assault saw more than 250 captured and taken hostage in Gaza.",
     [("hostages", 250, "Israeli", "passive")]),
    ("The order freezes asylum processing when daily arrests reach 2,500.", []),
    ("A student was fatally struck by a police patrol vehicle in Seattle.",
     [("killed", 1, "American", "passive")]),
])
def test_acts_counted_and_fatal(nlp: Any, text: str, expected: list[Row]) -> None:
    assert _rows(nlp, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a harm noun whose own count is of something else counts people only after "of"
    ("Airlines scrapped more than 900 flights on Monday as a snowstorm hit Denver.", []),
    ("About 1,200 flights were delayed at Heathrow after a radar failure.", []),
    ("Delta canceled 700 more flights on Tuesday, the airline said.", []),
    ("The flight of 5,000 villagers from the border area began after the shelling.",
     [("displaced", 5000, None, "none")]),
    ("The exodus of 20,000 residents from Sumy continued on Friday.",
     [("displaced", 20000, "Ukrainian", "none")]),
])
def test_counted_things_are_no_people(nlp: Any, text: str, expected: list[Row]) -> None:
    assert _rows(nlp, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a verb of taking takes people, not places; captives keep their captive word's kind
    ("Azerbaijan captured Shusha, the Lachin corridor and the Kalbajar district in 2020.", []),
    ("Ukrainian forces seized the Kinburn spit, the village of Krynky and the island of "
     "Zmiinyi.", []),
    ("Ukrainian troops captured 40 Russian soldiers near Kursk.",
     [("detained", 40, "Russian", "active")]),
    ("Houthi fighters seized 25 crew members of a cargo ship.",
     [("hostages", 25, None, "active")]),
    ("Two hostages who had been captured by militants in Burkina Faso appeared in a video.",
     [("hostages", 2, "Burkinabe", "passive")]),
])
def test_taking_places_and_captives(nlp: Any, text: str, expected: list[Row]) -> None:
    assert _rows(nlp, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # "miss" with an object is longing or failing to catch, not going missing
    ("Residents say they miss the old market.", []),
    ("Many fans missed the opening goal.", []),
    ("The delegation missed the deadline for filing the appeal.", []),
    ("Three fishermen have been missing since Tuesday off the coast of Kerala.",
     [("missing", 3, "Indian", "none")]),
    ("Two climbers went missing on Mount Everest.", [("missing", 2, None, "none")]),
])
def test_miss_with_an_object(nlp: Any, text: str, expected: list[Row]) -> None:
    assert _rows(nlp, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # threats: the person addressed, a typographic "'ll"; a bare infinitive after intent
    ("\u201cMove and I shoot you,\u201d the guard shouted.", []),
    ("\u201cI\u2019ll kill them all,\u201d the suspect wrote online.", []),
    ("Prosecutors said she intended to poison her husband and then kill herself.", []),
    ("\u201cThey shot my brother,\u201d she said.", [("injured", 1, None, "active")]),
    ("\u201cThey killed my son,\u201d she said.", [("killed", 1, None, "active")]),
    ("He stabbed his wife and then killed himself, police said.",
     [("injured", 1, None, "active"), ("killed", 1, None, "active")]),
])
def test_threats_and_intents(nlp: Any, text: str, expected: list[Row]) -> None:
    assert _rows(nlp, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # generic present: "when" clauses, habits, everybody; requests; near misses; bearing verbs
    ("When a child dies in custody, the state must open an inquiry.", []),
    ("When a soldier is wounded, the unit calls a medic.", []),
    ("Air pollution often kills the poorest residents first.", []),
    ("Floods in Sindh often displace thousands of families.", []),
    ("The tax hurts every farmer in the country.", []),
    ("The minister called on police to arrest the protest leaders.", []),
    ("Lawmakers pressed the government to deport the men.", []),
    ("The governor was nearly killed when his convoy was ambushed.", []),
    ("The reporter was almost kidnapped outside the hotel in Port-au-Prince.", []),
    ("Workers could suffer serious burns if the valve fails.", []),
    ("Passengers may sustain injuries in a hard landing.", []),
    ("Four people died when a bus plunged into a gorge in Himachal Pradesh.",
     [("killed", 4, "Indian", "none")]),
    ("A nurse was killed when a shell hit the clinic in Kherson.",
     [("killed", 1, "Ukrainian", "passive")]),
    ("Israeli strike kills 20 in Gaza.", [("killed", 20, "Palestinian", "active")]),
    ("Consulates usually act when a case involves the death of a citizen abroad.", []),
    ("The agency often handles the deaths of migrants at sea.", []),
    ("The toll includes the deaths of 20 children in Rafah.",
     [("killed", 20, "Palestinian", "none")]),
    ("Police arrested the protest leaders, the minister said.",
     [("detained", None, None, "active")]),
    ("Nearly 50 people were killed in the attack in Borno.",
     [("killed", 50, "Nigerian", "passive")]),
    ("Three firefighters suffered burns in the blaze in Athens.",
     [("injured", 3, "Greek", "none")]),
    ("Two miners sustained injuries in the collapse.", [("injured", 2, None, "none")]),
])
def test_generic_requested_and_near_harm(nlp: Any, text: str, expected: list[Row]) -> None:
    assert _rows(nlp, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a relative clause with its own subject is active: "the views X held" holds nobody
    ("Yet critics noted the strongly anti-war views Brannick held before he joined the race.",
     []),
    ("She pointed out the fiercely anti-union positions Walker held before he became a "
     "governor: \u201cIf you go back, you will see it.\u201d", []),
    ("Two journalists held by rebels in Syria were shown in a video.",
     [("hostages", 2, "Syrian", "passive")]),
    # a pair noun owned by one person is two people
    ("The gunman's parents were arrested in Ohio on Tuesday.",
     [("detained", 2, "American", "passive")]),
    ("Ahmed's parents were killed in an airstrike in Deir al-Balah.",
     [("killed", 2, "Palestinian", "passive")]),
    ("The victims' parents were injured in the stampede in Hathras.",
     [("injured", None, "Indian", "passive")]),
])
def test_own_subject_relative_and_owned_pairs(nlp: Any, text: str,
                                              expected: list[Row]) -> None:
    assert _rows(nlp, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # things seized are no people; averages over time and rates of people (not a count
    # "every year", "in a day"); harm asked for; trends
    ("Police seized over 2 tonnes of heroin in Karachi on Sunday.", []),
    ("Customs officers seized 300 kilograms of cocaine at the port of Antwerp.", []),
    ("On average, 20 climbers die on the mountain each year.", []),
    ("Lightning kills dozens of farmers in Bangladesh in a typical year.", []),
    ("The report found 12 injuries for every 1,000 workers in the mines of Katanga.", []),
    ("The opposition leader called for the arrest of the army chief.", []),
    ("Protesters demanded the execution of the killers.", []),
    ("Doctors warned of a sharp rise in deaths from heatstroke in Karachi.", []),
    ("Two soldiers were killed a day after the ceasefire began in Donetsk.",
     [("killed", 2, "Ukrainian", "passive")]),
    ("There were 12 deaths among the 300 passengers.", [("killed", 12, None, "none")]),
    ("Floods killed 40 people in a single day in Sylhet.",
     [("killed", 40, "Bangladeshi", "active")]),
    ("Cholera kills about 2,000 people in Somalia every year.",
     [("killed", 2000, "Somali", "active")]),
    ("Israeli troops arrested 20 Palestinians in Jenin, the army said, amid a surge in "
     "arrests in the West Bank.", [("detained", 20, "Palestinian", "active")]),
])
def test_things_rates_requests_and_trends(nlp: Any, text: str, expected: list[Row]) -> None:
    assert _rows(nlp, text) == expected


@pytest.mark.parametrize(("text", "not_side"), [
    # a people's war noun (invasion, siege, ambush) names the attackers, not the victims
    ("Thousands of civilians died during the Russian invasion.", "Russian"),
    ("Church services remembered the 3,000 people who died in the Turkish invasion.",
     "Turkish"),
    ("Dozens of villagers were killed in an Ethiopian ambush near the border.", "Ethiopian"),
])
def test_war_nouns_name_the_attackers(nlp: Any, text: str, not_side: str) -> None:
    rows = _rows(nlp, text)
    assert len(rows) == 1 and rows[0][2] != not_side


@pytest.mark.parametrize(("text", "expected"), [
    # a harm clause said to be unlikely or rare is no fact (not "likely", "clear")
    ("Civilians being killed in such a strike is unlikely, the general said.", []),
    ("Journalists being detained at the border is rare in Kenya, the union said.", []),
    ("Twelve Israeli soldiers were killed in the invasion of Lebanon.",
     [("killed", 12, "Israeli", "passive")]),
    ("It is clear that 40 civilians were killed in the strike on Kharkiv.",
     [("killed", 40, "Ukrainian", "passive")]),
    ("It is likely that dozens of soldiers were killed in the raid on Avdiivka, officials said.",
     [("killed", None, "Ukrainian", "passive")]),
])
def test_improbable_harm(nlp: Any, text: str, expected: list[Row]) -> None:
    assert _rows(nlp, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # an aircraft or a ship shot down or hit is no victim (its crew are)
    ("Four crew members of the tanker were wounded in the attack off Hodeidah.",
     [("injured", 4, None, "passive")]),
    ("A boat carrying 40 migrants capsized off Lampedusa, and 12 people drowned.",
     [("killed", 12, None, "none")]),
])
def test_craft_are_no_victims(nlp: Any, text: str, expected: list[Row]) -> None:
    assert _rows(nlp, text) == expected


def test_flight_shot_down_is_no_victim(nlp: Any) -> None:
    rows = _rows(nlp, "Relatives of crew killed when Air Sahara Flight 25 was shot down over "
                      "Darfur gathered in Khartoum on Monday.")
    assert [r[0] for r in rows] == ["killed"]


@pytest.mark.parametrize(("text", "expected"), [
    # an amount of money or a quantity is no victims
    ("The company executed a $2 billion share buyback last quarter.", []),
    ("The new dam displaced 2 million cubic meters of water.", []),
    ("Floods displaced 2 million people in Assam.", [("displaced", 2000000, "Indian", "active")]),
    ("A 3-year-old was killed in the strike on Kherson.", [("killed", 1, "Ukrainian", "passive")]),
])
def test_measures_are_no_victims(nlp: Any, text: str, expected: list[Row]) -> None:
    assert _rows(nlp, text) == expected


def _article_rows(nlp: Any, text: str, first: int = 0) -> list[Row]:
    """(kind, value, side, voice) of the mentions of the ``first`` sentence of a
    mini-article (the sentences after it can name its country)."""
    doc = nlp(text)
    sent = list(doc.sents)[first]
    found = harm_mentions(doc, context=ExtractContext.for_doc(doc))
    return [(m.kind, m.value, m.side, m.voice) for m in found
            if sent.start_char <= m.start < sent.end_char]


@pytest.mark.parametrize(("text", "expected"), [
    # nothing near the harm names a country: the article's own country, named most in it
    ("A retired schoolteacher has died at the age of 88, her family said. She taught for "
     "forty years in Dayton, Ohio. Her funeral will be held in Columbus on Monday.",
     [("killed", 1, "American", "none")]),
    ("Three workers died when a scaffold collapsed on Tuesday, state media said. The site in "
     "Chengdu had been inspected last month. Rescuers in Chengdu searched the rubble overnight.",
     [("killed", 3, "Chinese", "none")]),
    ("A man was shot dead outside a bar late on Saturday. The sheriff said the suspect fled. "
     "Deputies later found a car in Tulsa.",
     [("killed", 1, "American", "passive")]),
    # an article naming two opposing parties, or its country only once, gives no side
    ("Two people died on Tuesday, officials said. Envoys of Israel and Lebanon met in "
     "Naqoura. Israel and Lebanon agreed to meet again.", [("killed", 2, None, "none")]),
    ("A famous singer has died at 70, his agent said. He was born in Lyon.",
     [("killed", 1, None, "none")]),
])
def test_article_own_country(nlp: Any, text: str, expected: list[Row]) -> None:
    assert _article_rows(nlp, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a news agency named after a country is no place of the harm
    ("Five protesters were killed on Friday, Agence France-Presse reported, citing doctors.",
     [("killed", 5, None, "passive")]),
    ("Four people died in the flooding, the Deutsche Presse-Agentur news agency reported.",
     [("killed", 4, None, "none")]),
    # the place of the harm still counts
    ("Two people were killed in Lyon, Agence France-Presse reported.",
     [("killed", 2, "French", "passive")]),
])
def test_news_agency_is_no_place(nlp: Any, text: str, expected: list[Row]) -> None:
    assert _rows(nlp, text) == expected


@pytest.mark.parametrize(("context", "text", "expected"), [
    # a person the article names as a national of a country keeps that side where held
    ("Canadian businessman Daniel Moreau was charged last year",
     "Moreau has been detained in a prison in Beijing since then.",
     [("detained", 1, "Canadian", "passive")]),
    ("Tomas Lindqvist, a Swedish aid worker, travelled to the region in 2019",
     "Lindqvist was arrested in Tehran in May.", [("detained", 1, "Swedish", "passive")]),
    # no nationality named for the person: the place of detention
    ("The trial opened on Monday", "Moreau has been detained in a prison in Beijing since then.",
     [("detained", 1, "Chinese", "passive")]),
])
def test_person_keeps_own_nationality(nlp: Any, context: str, text: str,
                                      expected: list[Row]) -> None:
    assert _rows(nlp, text, context) == expected


@pytest.mark.parametrize(("context", "text", "expected"), [
    # a name of a country and of a US state: the state when the text names the US more
    ("Deputies in Portland, Oregon, had sought him for years. He had escaped from a prison in "
     "Salem, Oregon", "He was arrested in Georgia last week.",
     [("detained", 1, "American", "passive")]),
    ("The storm reached Atlanta on Monday. Schools in Savannah closed early",
     "Three people died in Georgia as trees fell on cars.", [("killed", 3, "American", "none")]),
    # the country when the text names the country, or nothing else
    ("Protests continued in Tbilisi on Sunday. Police in Tbilisi used water cannon",
     "Four protesters were detained in Georgia.", [("detained", 4, "Georgian", "passive")]),
    (None, "Four protesters were detained in Georgia.", [("detained", 4, "Georgian", "passive")]),
])
def test_homonym_place_by_article(nlp: Any, context: str | None, text: str,
                                  expected: list[Row]) -> None:
    assert _rows(nlp, text, context) == expected


_FILLER = ("The hearing lasted four hours. His lawyers asked for more time. The judge refused. "
           "Reporters waited outside. A ruling is due next month. His family has appealed for "
           "calm. ")


@pytest.mark.parametrize(("text", "expected"), [
    # "the businessman": the noun that described a person of one nationality, far before
    ("Canadian businessman Daniel Moreau went on trial on Monday. " + _FILLER +
     "The businessman has been detained in a prison in Beijing since 2022.",
     [("detained", 1, "Canadian", "passive")]),
    ("Olga Brandt, a German nurse, went on trial on Monday. " + _FILLER +
     "The nurse has been held in a jail in Tehran since May.",
     [("detained", 1, "German", "passive")]),
    # a noun no person was described with: the place
    ("Canadian businessman Daniel Moreau went on trial on Monday. " + _FILLER +
     "The driver has been detained in a prison in Beijing since 2022.",
     [("detained", 1, "Chinese", "passive")]),
])
def test_described_person_keeps_nationality(nlp: Any, text: str, expected: list[Row]) -> None:
    assert _article_rows(nlp, text, -1) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # hostages: an area whose armed party holds hostages, named elsewhere in the sentence
    ("Neighbours in Khan Younis said a doctor had kept two hostages in his home.",
     [("hostages", 2, "Israeli", "active")]),
    ("Witnesses in Nuseirat said the family kept three hostages in an upstairs room.",
     [("hostages", 3, "Israeli", "active")]),
    # not any other place
    ("Villagers in Zamfara said gunmen had kept 30 hostages in a forest camp.",
     [("hostages", 30, None, "active")]),
])
def test_hostages_in_captor_area_of_sentence(nlp: Any, text: str, expected: list[Row]) -> None:
    assert _rows(nlp, text) == expected


@pytest.mark.parametrize(("context", "text", "expected"), [
    # a hostage the article names as a national of a country keeps it where held
    ("Nepali student Bipin Joshi was taken from Alumim in October",
     "Joshi is still held captive in Gaza.", [("hostages", 1, "Nepali", "passive")]),
    ("French aid worker Claire Martin travelled to Niger in 2022",
     "Martin was abducted by gunmen near Niamey in May.",
     [("hostages", 1, "French", "passive")]),
    # a hostage named without a nationality: the captors' opponents
    (None, "Hostage Noa Levi is still held in Gaza.", [("hostages", 1, "Israeli", "passive")]),
])
def test_named_hostage_keeps_nationality(nlp: Any, context: str | None, text: str,
                                         expected: list[Row]) -> None:
    assert _rows(nlp, text, context) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # scheduled harm is not done
    ("The inmate, who had been scheduled to be executed on Thursday, was granted a stay by the "
     "court.", []),
    ("The activist had been set to be hanged on Monday in Tehran.", []),
    ("The two men are scheduled to be executed next month in Riyadh, rights groups said.", []),
    ("Two prisoners were executed at dawn in Tehran on Thursday.",
     [("killed", 2, "Iranian", "passive")]),
    # leaving an activity or a body one takes part in is no flight
    ("The veteran coach was forced to leave the club after a string of defeats.", []),
    ("Foreign investors fled the bond market as the currency slid.", []),
    ("Thousands of villagers were forced to leave their homes in Darfur.",
     [("displaced", None, "Sudanese", "passive")]),
    # captured on a recording: filmed, not seized
    ("Two gunmen were captured on security camera footage as they fled the mall in Nairobi.", []),
    ("The robbers were captured on camera leaving the bank.", []),
    ("Soldiers captured two Ukrainian fighters near Bakhmut.",
     [("detained", 2, "Ukrainian", "active")]),
    # hospitalized with an illness: no injury
    ("The senator was hospitalized with pneumonia last week in Ohio.", []),
    ("The former president was hospitalized for a heart infection in Atlanta.", []),
    ("Five workers were hospitalized with burns after the blast in Karachi.",
     [("injured", 5, "Pakistani", "passive")]),
    # existential "there": the participle has the mood of "be"
    ("There have not been any civilians killed in the district since March, the governor said.",
     []),
    ("There could be hundreds killed if the dam bursts, officials in Kherson warned.", []),
    ("There were 12 people killed in the shelling of Donetsk on Sunday.",
     [("killed", 12, "Ukrainian", "passive")]),
    # a present relative clause of a noun in a condition
    ("If a worker who dies on the job has no family, the company keeps the payout.", []),
    ("If the gunman who killed five people in Ohio is released, the families will appeal.",
     [("killed", 5, "American", "active")]),
])
def test_no_harm_done_real2(nlp: Any, text: str, expected: list[Row]) -> None:
    assert _rows(nlp, text) == expected


@pytest.mark.parametrize(("context", "text", "expected"), [
    # hostages nothing places, after text on the captors' side or its opponent
    ("Residents of the Maghazi camp described the raid on the building at dawn",
     "Two hostages were found in a basement there, the army said",
     [("hostages", 2, "Israeli", "none")]),
    ("Israeli troops pushed deeper into Khan Younis on Tuesday",
     "Three hostages were freed in the operation, the army said",
     [("hostages", 3, "Israeli", "none")]),
    # not where no captor side is in the text
    ("Gunmen stormed a school in Zamfara state on Friday",
     "More than 80 hostages are still held by the gang", [("hostages", 80, "Nigerian", "passive")]),
    ("Russian troops shelled the village overnight", "Five hostages were later released",
     [("hostages", 5, None, "none")]),
])
def test_hostages_by_captors_in_context(nlp: Any, context: str, text: str,
                                        expected: list[Row]) -> None:
    assert _rows(nlp, text, context) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # "he" after an organisation's report: the person named before, not the outlet
    ("Australian writer Mark Jones was sentenced to death in China, state broadcaster CCTV said "
     "on Monday, after he was arrested in Guangzhou in 2019.",
     [("detained", 1, "Australian", "passive")]),
    ("Reuters reported that a man from Kharkiv was injured when he was hit by shrapnel.",
     [("injured", 1, "Ukrainian", "passive")]),
    ("The Turkish news agency Anadolu said the gunman was killed after he opened fire on police "
     "in Ankara.", [("killed", 1, "Turkish", "passive")]),
])
def test_pronoun_skips_organisations(nlp: Any, text: str, expected: list[Row]) -> None:
    assert _rows(nlp, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # harm over the whole world is of no one side
    ("Road crashes kill about 1.2 million people worldwide every year, according to a UN report "
     "in Geneva.", [("killed", 1200000, None, "active")]),
    ("Tuberculosis killed 1.3 million people across the globe in 2022, a report released in New "
     "Delhi said.", [("killed", 1300000, None, "active")]),
    # "the world's" describing a place says nothing
    ("Five people were killed in a fire in Dhaka, home to some of the world's most crowded "
     "slums.", [("killed", 5, "Bangladeshi", "passive")]),
    ("Two Indian pilgrims died in Mecca, where the world's Muslims gather each year.",
     [("killed", 2, "Indian", "none")]),
])
def test_worldwide_harm_has_no_side(nlp: Any, text: str, expected: list[Row]) -> None:
    assert _rows(nlp, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # refuge in a room of a building is shelter, no displacement
    ("During the blackout, dozens of tenants sought refuge in the lobby of the building in "
     "Houston.", []),
    ("Families found refuge in basements as the storm tore through the town in Kentucky.", []),
    ("Hundreds of families sought refuge in schools in Deir al-Balah after the evacuation order.",
     [("displaced", None, "Palestinian", "none")]),
])
def test_refuge_in_a_room_is_no_displacement(nlp: Any, text: str, expected: list[Row]) -> None:
    assert _rows(nlp, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # harm placed in three countries or more is of no one side
    ("From Afghanistan to Bangladesh, India to Nepal, flash flooding and torrential rain have "
     "killed hundreds of people in recent weeks.", [("killed", None, None, "active")]),
    ("Heavy monsoon rains have killed more than 200 people in India, Nepal and Bangladesh since "
     "June.", [("killed", 200, None, "active")]),
    # two places of a cross-border attack keep the place of harm
    ("Hezbollah fired rockets from Lebanon into Israel, killing two people in Kiryat Shmona.",
     [("killed", 2, "Israeli", "active")]),
    # the places of another mention in the clause are not counted
    ("A drone launched from Iraq wounded two people in Eilat, a day after US strikes killed 12 "
     "in Yemen, officials said.",
     [("injured", 2, "Israeli", "active"), ("killed", 12, "Yemeni", "active")]),
])
def test_many_countries_have_no_side(nlp: Any, text: str, expected: list[Row]) -> None:
    assert _rows(nlp, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a harm verb under a present "do" asks or claims what happens
    ("How does the drought hurt farmers in northern Kenya?", []),
    ("Why do armed gangs kidnap so many teachers in Haiti?", []),
    # not a past "did", nor a harm clause under another verb with "do"
    ("Officials in Assam said the floods did kill at least 12 people.",
     [("killed", 12, "Indian", "active")]),
    ("Does anyone know how many people were killed in Khartoum on Monday?",
     [("killed", None, "Sudanese", "passive")]),
])
def test_present_do_is_no_event(nlp: Any, text: str, expected: list[Row]) -> None:
    assert _rows(nlp, text) == expected
