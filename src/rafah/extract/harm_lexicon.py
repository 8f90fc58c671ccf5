"""Harm mentions: the harm vocabulary (data/sides.json "harm", "not_harm"; the kinds of
harm verbs, nouns and adjectives from data/casualty_lexicon.json), loaded once.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from rafah.resources import json_data


@dataclass(frozen=True)
class HarmLexicon:
    """Harm vocabulary and the cues of unreal harm (data/sides.json; the kinds of harm verbs,
    nouns and adjectives from data/casualty_lexicon.json)."""

    verbs: dict[str, str]
    outcome_verbs: dict[str, dict[str, str]]
    noun_forms: dict[str, str]
    negated_fates: dict[str, str]
    series: frozenset[str]
    """Words that make a harm noun the newest of a series, the event the sentence told
    ("the latest abduction of foreign workers")."""
    particle_fates: dict[str, dict[str, str]]
    """Verbs with a particle whose harm befalls their subject ("passed away")."""
    """Verbs whose negation is a harm to their subject ("did not survive")."""
    """Forms of outcome verbs the tagger takes for nouns ("A settler shot dead a man")."""
    holding: dict[str, str]
    forcing: dict[str, str]
    losing: dict[str, dict[str, str]]
    adjectives: dict[str, tuple[str, str]]
    nouns: dict[str, tuple[str, str]]
    captive_nouns: dict[str, str]
    flee_verbs: frozenset[str]
    home_nouns: frozenset[str]
    bearing_verbs: frozenset[str]
    tally_nouns: frozenset[str]
    anaphors: frozenset[str]
    not_people: frozenset[str]
    modals: frozenset[str]
    intent_verbs: frozenset[str]
    negations: frozenset[str]
    negative_subjects: frozenset[str]
    conditions: frozenset[str]
    people: frozenset[str]
    not_outcome_verbs: frozenset[str]
    particle_verbs: dict[str, dict[str, str]]
    life_verbs: frozenset[str]
    subset_verbs: frozenset[str]
    pair_collectives: frozenset[str]
    """Collective nouns that always name two people ("couple")."""
    pairs: frozenset[str]
    """Nouns that name two people with a determiner ("the twins", "her parents")."""
    groups: frozenset[str]
    outcome_words: frozenset[str]
    age_units: frozenset[str]
    fates: dict[str, dict[str, str]]
    bereaving: frozenset[str]
    kin: frozenset[str]
    leaving: frozenset[str]
    intent_nouns: frozenset[str]
    false_words: frozenset[str]
    former_words: frozenset[str]
    custody: dict[str, str]
    """States of being held and their kinds ("in detention", "into custody")."""
    remainder: frozenset[str]
    """Nouns for the uncounted rest of people named before ("the rest")."""
    extra_people: frozenset[str]
    """Person nouns the WordNet list lacks ("influencer", "videographer")."""
    person_endings: tuple[str, ...]
    """Endings of nouns that name a person ("-grapher", "-woman")."""
    comrades: frozenset[str]
    """Nouns of one's own people whose loss is their death ("lost 14 of our men")."""
    units: frozenset[str]
    """Military units whose lost men are dead ("his unit lost 40 men")."""
    judicial: frozenset[str]
    """Verbs of putting to death by a state ("executed", "hanged")."""
    doubting: frozenset[str]
    """Verbs whose object's report is not taken as fact ("investigating claims that")."""
    hedging: frozenset[str]
    """Verbs whose passive hedges a report ("are feared killed", "are believed to have died")."""
    generic_people: frozenset[str]
    """Pronouns of anybody at all, whose harm is no event ("anyone convicted of kidnapping")."""
    sentencing: dict[str, dict[str, str]]
    """Verbs whose term after "to" puts people in custody ("sentenced to prison")."""
    not_custody: frozenset[str]
    """Words of a sentence that puts nobody in custody ("sentenced in absentia")."""
    care_verbs: frozenset[str]
    """Verbs of getting care whose subjects are the injured ("sought help for wounds")."""
    evacuating: frozenset[str]
    """Verbs whose many people moved out of harm's way are displaced ("120,000 evacuated")."""
    safe_words: frozenset[str]
    """Words that say the people moved came to no harm or were moved for care ("evacuated
    safely", "evacuated to hospital")."""
    remains: frozenset[str]
    """Nouns of the dead's bodies, a mention only when found or handled ("exhumed 447
    bodies")."""
    moments: frozenset[str]
    """Conjunctions of a clause telling the moment of a harm ("as they fled")."""
    destinations: frozenset[str]
    """Prepositions of where the displaced went ("fled to Chad")."""
    not_holding: frozenset[str]
    """Complements of "hold" in another sense ("held responsible", "held in high regard")."""
    hostage_takers: frozenset[str]
    households: frozenset[str]
    mourners: frozenset[str]
    trapping: frozenset[str]
    """Verbs (and the adjectives the tagger makes of them) whose people still held by them are
    missing ("are still trapped under rubble")."""
    """Bereaving verbs whose kin are dead only when people do it ("we buried my father"; not
    "the mudslide buried her sons")."""
    """Nouns whose count is of households, not of people ("1,200 families fled")."""
    """Holders whose captives are hostages ("kidnappers", "jihadists", "Hamas")."""
    custody_places: frozenset[str]
    """Where the held are detainees ("held in prison", "held in a cell")."""
    naming: frozenset[str]
    """Verbs whose passive says who people are ("the dead were identified as ...")."""
    falling: frozenset[str]
    """Verbs of falling whose subject dies "to his death" ("fell to his death")."""
    fugitives: frozenset[str]
    """People whose flight is an escape, no displacement ("the suspect fled")."""
    escapes: frozenset[str]
    """What people flee in escaping, not being displaced ("fled the scene")."""
    captivity: frozenset[str]
    """States of being held whose kind the story tells ("remain in captivity" after an
    abduction: hostages)."""
    refuges: frozenset[str]
    """Where people are forced to live away from home ("forced 300,000 into shelters")."""
    dependants: frozenset[str]
    """Uncounted people who go with counted ones ("1,200 herders and their families")."""
    labelling: frozenset[str]
    """Verbs that call people something ("described as prisoners"), no harm of theirs."""
    arresting_verbs: frozenset[str]
    """Verbs of taking (a subset of ``taking``) that are an abduction by armed men but an arrest
    by police ("seized")."""
    arresting_nouns: frozenset[str]
    """Holders (besides the domestic forces of sides.json) whose seizing is an arrest."""
    cover: frozenset[str]
    """Nouns of refuge that also name cover from a danger ("sought shelter from the rain")."""
    likelihood: frozenset[str]
    """Adjectives of likelihood: their subject is their infinitive's ("are likely to have
    died"); compared, a statistic of risk ("more likely to die")."""
    comparatives: frozenset[str]
    """Words comparing a likelihood ("more", "less", "twice")."""
    particles: frozenset[str]
    """The particles of the phrasal harm verbs ("away", "up")."""
    dying: frozenset[str]
    """Verbs whose "to death" is the death of their subject ("froze to death")."""
    lemmas: dict[str, str]
    """Harm words the lemmatiser gets wrong ("corpses" → "corps")."""
    tally_verbs: frozenset[str]
    """Verbs of a running tally reaching a count ("deaths passed 1,000")."""
    custody_prepositions: dict[str, list[str]]
    """States of being held only after their preposition ("behind bars", not "in a bar")."""
    rushing: frozenset[str]
    """Verbs of carrying people to hospital, whose people are injured ("rushed to hospital")."""
    hospitals: frozenset[str]
    """Places of emergency care ("hospital")."""
    not_care: frozenset[str]
    """Words of a hospital stay for no injury ("for checks", "as a precaution")."""
    conditions_of_health: dict[str, list[str]]
    """States of health and the grades that make them an injury ("in critical condition")."""
    body_verbs: frozenset[str]
    """Verbs of handling the dead's bodies besides the casualty lexicon's ("counted 27
    bodies")."""
    longing: frozenset[str]
    """Verbs of dying that with an infinitive tell a wish ("dying to see")."""
    rearing: frozenset[str]
    """Verbs of rearing animals, whose captivity holds nobody ("bred in captivity")."""
    fate_clauses: dict[str, dict[str, str]]
    """Fate verbs and the fighting their subjects died in ("fell defending the town")."""
    of_people_nouns: frozenset[str]
    """Harm nouns that name people only after "of": nouns whose own count is of something else
    ("2,000 flights"; "the flight of 2,000 villagers") and nouns of a harmful act ("35 school
    shootings" counts acts; "the shooting of three men")."""
    taking: frozenset[str]
    """Verbs of taking that harm only people ("captured the town" takes nobody)."""
    object_senses: frozenset[str]
    """Harm verbs of their subject that mean something else with an object ("missed a
    flight")."""
    addressed: frozenset[str]
    """Pronouns of the person addressed, whose harm is a threat or a warning ("I'll shoot
    you")."""
    requests: frozenset[str]
    """Verbs of asking or wishing whose complement is not done ("called on them to deport",
    "wished for his death")."""
    frequency: frozenset[str]
    """Adverbs of a habit that make a present harm generic ("often hurts")."""
    universal: frozenset[str]
    """Determiners of everybody that make a present harm generic ("hurts every farmer")."""
    near_miss: frozenset[str]
    """Adverbs of harm that did not happen ("was nearly killed")."""
    generic_marks: frozenset[str]
    """Conjunctions of a generic present clause ("when somebody dies")."""
    rate_modifiers: frozenset[str]
    """Words of a number of people a harm noun is counted against ("deaths per 100,000",
    "for every 1,000 births")."""
    averages: frozenset[str]
    """Words of a unit of time that make a harm a rate ("in the average year", "on
    average")."""
    improbable: frozenset[str]
    """Predicates that say a harm clause they are said of is not a fact ("hostages being held
    by civilians is unlikely")."""
    trends: frozenset[str]
    """Nouns of a change in a number, whose harm noun is a trend, no event ("a rise in
    deaths")."""
    activities: frozenset[str]
    """Nouns of an activity or a body one takes part in, whose leaving is no flight ("forced
    to leave the show", "investors fled the market")."""
    rooms: frozenset[str]
    """Nouns of a room or a part of a building: refuge taken in one is shelter from a danger,
    no displacement ("sought refuge in the basement")."""
    illnesses: frozenset[str]
    """Nouns of an illness (general words, and the casualty lexicon's disease_nouns): people
    hospitalized with one are not injured ("hospitalized with pneumonia")."""


def _own_kinds(extra: dict[str, Any], kinds: dict[str, str], table: str) -> dict[str, Any]:
    """The harm words sides.json gives a kind of their own: only words casualty_lexicon.json
    lacks (a word it has takes its kind from there, so the two cannot disagree)."""
    shared = sorted(extra.keys() & kinds.keys())
    if shared:
        raise ValueError(f"sides.json harm extra_{table}: {shared} have their kind in "
                         f"casualty_lexicon.json {table!r}")
    return extra


def _with_kinds(lemmas: dict[str, str], kinds: dict[str, str], extra: dict[str, list[str]],
                table: str) -> dict[str, tuple[str, str]]:
    """word → (kind, reported lemma): the kind from the casualty lexicon, the lemma from
    sides.json; then the words with a kind of their own ([kind, lemma])."""
    found = {word: (kinds[word], lemma) for word, lemma in lemmas.items()}
    found.update((word, (kind, lemma)) for word, (kind, lemma) in
                 _own_kinds(extra, kinds, table).items())
    return found


@cache
def harm_lexicon() -> HarmLexicon:
    """The shipped harm vocabulary."""
    data = json_data("sides.json")
    harm, unreal = data["harm"], data["not_harm"]
    casualty = json_data("casualty_lexicon.json")
    return HarmLexicon(
        verbs={**{verb: casualty["verbs"][verb] for verb in harm["verbs"]},
               **_own_kinds(harm["extra_verbs"], casualty["verbs"], "verbs")},
        outcome_verbs=harm["outcome_verbs"], noun_forms=harm["noun_like_past_forms"],
        negated_fates=harm["negated_fates"], series=frozenset(harm["series_words"]),
        particle_fates=harm["particle_fates"],
        holding=harm["holding_verbs"],
        forcing=harm["forcing_verbs"], losing=harm["losing_verbs"],
        adjectives=_with_kinds(harm["adjectives"], casualty["adjectives"], {}, "adjectives"),
        nouns=_with_kinds(harm["nouns"], {**casualty["of_nouns"], **casualty["nouns"]},
                          harm["extra_nouns"], "nouns"),
        captive_nouns=harm["captive_nouns"], flee_verbs=frozenset(harm["flee_verbs"]),
        home_nouns=frozenset(harm["home_nouns"]), bearing_verbs=frozenset(harm["bearing_verbs"]),
        tally_nouns=frozenset(casualty["tally_nouns"]), anaphors=frozenset(harm["anaphors"]),
        not_people=frozenset(harm["not_people"]) | frozenset(casualty["animal_nouns"]),
        modals=frozenset(unreal["modals"]),
        intent_verbs=frozenset(unreal["intent_verbs"]) | frozenset(unreal["schedule_words"]),
        negations=frozenset(casualty["negators"]),
        negative_subjects=frozenset(unreal["negative_subjects"]),
        conditions=frozenset(unreal["conditions"]),
        people=frozenset(casualty["people"]),
        not_outcome_verbs=frozenset(unreal["not_outcome_verbs"]),
        particle_verbs={**harm["particle_verbs"], **harm["particle_fates"]},
        life_verbs=frozenset(casualty["life_verbs"]) - frozenset(harm["losing_verbs"]),
        subset_verbs=frozenset(casualty["subset_verbs"]),
        pair_collectives=frozenset(casualty["pair_nouns"]) &
        frozenset(casualty["collective_nouns"]),
        pairs=frozenset(casualty["pair_nouns"]),
        groups=frozenset(casualty["group_nouns"]),
        outcome_words=frozenset(w for t in harm["outcome_verbs"].values() for w in t if w),
        age_units=frozenset(casualty["age_units"]),
        fates=harm["fate_verbs"], bereaving=frozenset(harm["bereaving_verbs"]),
        kin=frozenset(harm["kin_nouns"]),
        leaving=frozenset(harm["leaving_verbs"]), intent_nouns=frozenset(unreal["intent_nouns"]),
        false_words=frozenset(unreal["false_words"]),
        former_words=frozenset(unreal["former_words"]),
        custody=harm["custody_nouns"], remainder=frozenset(harm["remainder_nouns"]),
        not_holding=frozenset(unreal["not_holding_words"]),
        evacuating=frozenset(harm["evacuation_verbs"]),
        care_verbs=frozenset(harm["care_verbs"]),
        sentencing=harm["sentencing_verbs"],
        not_custody=frozenset(unreal["not_custody_words"]),
        generic_people=frozenset(unreal["generic_people"]),
        hedging=frozenset(unreal["hedging_verbs"]),
        doubting=frozenset(unreal["doubting_verbs"]),
        judicial=frozenset(harm["judicial_verbs"]),
        comrades=frozenset(harm["comrade_nouns"]),
        units=frozenset(harm["military_units"]),
        extra_people=frozenset(harm["person_nouns"]),
        person_endings=tuple(harm["person_endings"]),
        remains=frozenset(harm["remains_nouns"]),
        destinations=frozenset(harm["destination_prepositions"]),
        moments=frozenset(unreal["moment_conjunctions"]),
        safe_words=frozenset(unreal["not_evacuation_words"]) |
        frozenset(casualty["safe_complements"]),
        hostage_takers=frozenset(harm["hostage_takers"]),
        households=frozenset(harm["household_nouns"]),
        mourners=frozenset(harm["mourner_verbs"]),
        trapping=frozenset(harm["trapping_verbs"]),
        custody_places=frozenset(casualty["custody_places"]),
        naming=frozenset(harm["naming_verbs"]),
        falling=frozenset(harm["falling_verbs"]),
        fugitives=frozenset(harm["fugitive_nouns"]),
        escapes=frozenset(harm["escape_nouns"]),
        captivity=frozenset(harm["captivity_nouns"]),
        refuges=frozenset(harm["refuge_nouns"]),
        dependants=frozenset(harm["dependant_nouns"]),
        fate_clauses=harm["fate_clauses"],
        rearing=frozenset(unreal["rearing_verbs"]),
        longing=frozenset(unreal["longing_verbs"]),
        body_verbs=frozenset(harm["body_verbs"]),
        conditions_of_health=harm["condition_states"],
        rushing=frozenset(harm["rushing_verbs"]), hospitals=frozenset(harm["hospital_nouns"]),
        not_care=frozenset(unreal["not_care_words"]),
        custody_prepositions=harm["custody_prepositions"],
        tally_verbs=frozenset(harm["tally_verbs"]),
        lemmas=harm["lemmas"],
        dying=frozenset(harm["dying_verbs"]),
        particles=frozenset(p for table in (harm["particle_verbs"], harm["particle_fates"])
                            for kinds in table.values() for p in kinds),
        likelihood=frozenset(unreal["likelihood_adjectives"]),
        comparatives=frozenset(unreal["comparative_words"]),
        cover=frozenset(harm["cover_nouns"]),
        arresting_verbs=frozenset(harm["arresting_verbs"]),
        arresting_nouns=frozenset(harm["arresting_nouns"]),
        labelling=frozenset(unreal["labelling_verbs"]),
        of_people_nouns=frozenset(harm["of_people_nouns"]),
        taking=frozenset(harm["taking_verbs"]),
        object_senses=frozenset(harm["object_sense_verbs"]),
        addressed=frozenset(unreal["addressed_pronouns"]),
        requests=frozenset(unreal["request_verbs"]),
        frequency=frozenset(unreal["frequency_adverbs"]),
        universal=frozenset(unreal["universal_determiners"]),
        near_miss=frozenset(casualty["near_miss_adverbs"]),
        generic_marks=frozenset(casualty["generic_marks"]),
        rate_modifiers=frozenset(unreal["rate_modifiers"]),
        averages=frozenset(unreal["average_words"]),
        trends=frozenset(unreal["trend_nouns"]),
        improbable=frozenset(unreal["improbable_words"]),
        activities=frozenset(unreal["activity_nouns"]),
        illnesses=frozenset(unreal["illness_nouns"]) | frozenset(casualty["disease_nouns"]),
        rooms=frozenset(unreal["room_nouns"]),
    )
