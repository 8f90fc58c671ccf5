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
    # a tally that grows: its old and new values, with the tally's kind
    ("The storms raised the number of people displaced in the province from 8,000 to 11,000.",
     [("displaced", 8000, False), ("displaced", 11000, False)]),
    ("The clashes raised the number of injured from 120 to 175.",
     [("injured", 120, False), ("injured", 175, False)]),
    ("The festival raised the number of visitors from 2,000 to 3,000.", []),
    # round 5: a noun is a tally only if it is one ("the wreckage of three drones ... that
    # killed nine" counts no drones)
    ("Investigators examined the wreckage of three drones launched in an attack that killed "
     "nine people.", [("killed", 9, False)]),
    # deaths by disease, also with the subject on the first conjunct
    ("Cholera is treatable but still killed 4,000 people in Yemen last year.", []),
    ("The storm was weak but still killed 12 people.", [("killed", 12, False)]),
    # a near miss is no harm; a hedge on the number is
    ("A cyclist was nearly killed by a falling tree in Oslo.", []),
    ("Nearly 300 people were killed in the quake in Herat.", [("killed", 300, False)]),
    # planned, prevented or hypothetical harm, also stated by a harm noun
    ("A judge halted the planned execution of a prisoner in Oklahoma.", []),
    ("The court blocked the state from deporting 40 asylum seekers.", []),
    ("The executions of 12 prisoners were carried out on Monday in Riyadh.",
     [("killed", 12, False)]),
    ("The dam's collapse could cause the deaths of 10,000 people downstream.", []),
    ("Whenever it involves the death of a child, the agency opens an inquiry.", []),
    ("Officials plan to investigate the deaths of 14 migrants off Lampedusa.",
     [("killed", 14, False)]),
    ("Incidents are counted as long as at least one person is shot.", []),
    ("Incidents are included if they occurred at a school and at least one person was shot.",
     []),
    # participles hung on the victim, whatever their tag, and their coordinated verbs
    ("Mourners gathered for the pilot who was captured and executed by rebels.",
     [("killed", 1, False)]),
    ("Friends remembered Ana Ruiz – the 40-year-old teacher shot and killed at the market.",
     [("killed", 1, False)]),
    # a fatal act of a single common-noun victim is a killing; of a named one, nothing
    ("Protests followed the deadly beating of a taxi driver by police in Nairobi.",
     [("killed", 1, False)]),
    ("Investigators reviewed the shooting of a teenager in Memphis.", []),
    ("The fatal stabbing of Maria Lopez shocked the town.", []),
    # a possessive noun phrase determines a single; "another" introduces one
    ("The governor's son was kidnapped outside his school in Kaduna.",
     [("hostages", 1, False)]),
    ("Ahmed's parents were detained at the border.", [("detained", 2, False)]),
    ("The farmer's dog was killed by a leopard.", []),
    ("Gunmen stabbed another guard at the prison in Lima.", [("injured", 1, False)]),
    ("One miner was killed and another injured, the company said.",
     [("killed", 1, False), ("injured", 1, False)]),
    ("One bus was hit and another damaged, the company said.", []),
    # the objects of a subset verb take the kind of its subject's count
    ("The four suspects detained on Friday include a farmer and two foreign nationals.",
     [("detained", 4, False), ("detained", 2, False)]),
    ("The delegation included two doctors and three nurses.", []),
    # a pronoun: never its own clause's subject; a named subject before it, or after it in
    # its sentence, is who it stands for, and a pronoun for a named person is no figure
    ("Tom Reed was found at his home. Another resident had stabbed him, police said.", []),
    ("Daniel Okafor was charged over the shooting of an intruder. He was sentenced to 18 "
     "months in prison.", []),
    ("Before she was shot, Maria Lopez had called the police twice.", []),
    ("A man stabbed her 17 times in her kitchen.", [("injured", 1, False)]),
    ("He called her several times.", []),
    ("A neighbour had stabbed a woman in Leeds.", [("injured", 1, False)]),
    # people who take refuge are displaced; a release keeps the captivity a victim's own
    # participle states; participles introduce a victim, not a known one
    ("Hundreds took refuge at the former school in Nuseirat.", [("displaced", None, True)]),
    ("Soldiers freed a kidnapped schoolgirl in Borno.", [("hostages", 1, False)]),
    ("An abducted priest was found in Enugu.", [("hostages", 1, False)]),
    ("He advised the detained journalist to stay calm.", []),
    # shooting a person, and a person hit by a projectile or in a body part, is an injury
    ("A man was shot in Leeds. He died in hospital.",
     [("injured", 1, False), ("killed", 1, False)]),
    ("Police shot three protesters during the march in Nairobi.", [("injured", 3, False)]),
    ("One of my friends got hit by a rubber bullet in the leg.", [("injured", 1, False)]),
    ("A girl was struck by a car in Lagos.", [("injured", 1, False)]),
    ("The crew shot three videos in Gaza.", []),
    ("Troops shot down two drones.", []),
    ("The hurricane hit 3 million people in Florida.", []),
    # "many" is a vague amount, but not in a hedge or a question
    ("Many residents fled the fighting in Khartoum.", [("displaced", None, True)]),
    ("As many as 40 residents were hurt.", [("injured", 40, False)]),
    ("How many people died is unclear.", []),
    # an infinitive its subject undergoes; not an intention, not an act on others
    ("Thousands of residents began to flee the city.", [("displaced", None, True)]),
    ("Hundreds of migrants plan to flee the camp.", []),
    ("Twelve soldiers began to kill civilians in the square.", []),
    # partitives set off after a place, mixed predicates, gapped passives, parallel clauses
    ("Troops arrested 14 men across Hebron, six of them in the old city.",
     [("detained", 14, False), ("detained", 6, False)]),
    ("John Smith, 45, was arrested in Leeds.", []),
    ("The rebels said they had killed or captured 45 soldiers near Goma.",
     [("casualties", 45, False)]),
    ("Police said 30 people were detained and two officers hurt in Santiago.",
     [("detained", 30, False), ("injured", 2, False)]),
    ("Four of the injured were firefighters and six were nurses.",
     [("injured", 4, False), ("injured", 6, False)]),
    ("Five people were arrested and two were released later.", [("detained", 5, False)]),
    # nouns naming two; places that say what happened to the people in them
    ("The duo were arrested in Lyon.", [("detained", 2, False)]),
    ("At least 40 protesters remain in custody, lawyers said.", [("detained", 40, False)]),
    ("Two men died in prison last year.", [("killed", 2, False)]),
    ("Egypt is among the worst jailers of reporters, with at least 22 behind bars.",
     [("detained", 22, False)]),
    ("The team won, with 12 in the final.", []),
    # round 6: the body of a person is that person, counted once
    ("Rescuers recovered the body of a fisherman off Mombasa on Sunday.",
     [("killed", 1, False)]),
    ("Divers recovered the body of Ana Ruiz from the lake.", []),
    ("Volunteers carried the body to a tent behind the stands.", [("killed", 1, False)]),
    # a partitive's own predicate beats the kind of its set
    ("Three of the wounded died later in hospital.", [("killed", 3, False)]),
    ("Two of the hostages were killed in the raid.", [("killed", 2, False)]),
    ("Five of the injured were taken to hospital.", [("injured", 5, False)]),
    # a victim's own adjective is not shared with the people coordinated with it; a name's
    # coordinated appositives are one person
    ("An injured woman and a boy waited outside the clinic.", [("injured", 1, False)]),
    ("A farmer and his son were killed when the bridge collapsed.", [("killed", 2, False)]),
    ("He and a colleague were shot outside a bar in Cali, police said.",
     [("injured", 1, False)]),
    ("Maria Lopez, a nurse and a mother of two, was killed when the roof collapsed.",
     [("killed", 1, False)]),
    ("Walt Kessing, the father of a star and a former player himself, has died.", []),
    ("A mother of three was stabbed in Bristol.", [("injured", 1, False)]),
    ("A family of six was killed in the strike.", [("killed", 6, False)]),
    # an arrest of people, a release from captivity; an arrest only ordered or expected is
    # none
    ("The report described the arrest of a teacher and his parents in Minsk.",
     [("detained", 3, False)]),
    ("The army ordered the arrest of 30 protesters.", []),
    ("The arrest of a suspect is expected soon.", []),
    ("Two citizens were questioned and released from custody on Friday.",
     [("detained", 2, False)]),
    ("Police released 40 protesters on Friday.", []),
    # round 7: a count coordinated with the verb after its object; a partitive of a set no
    # harm defines is no part of anything
    ("An airstrike killed a commander of the group and two of his aides.",
     [("killed", 1, False), ("killed", 2, False)]),
    ("Forty villagers were killed and 12 others kidnapped by the militia.",
     [("killed", 40, False), ("hostages", 12, False)]),
    # people who lose their lives, counted once
    ("At least 19 people lost their lives when a bus plunged into a ravine in Himachal.",
     [("killed", 19, False)]),
    ("A firefighter lost his life battling the blaze in Evia.", [("killed", 1, False)]),
    ("The company lost its life savings in the crash.", []),
    # a negated set, a ratio, a rate per unit of time
    ("None of the 40 passengers were injured, the airline said.", []),
    ("One in four of those killed was a child.", []),
    ("The clinic treats 200 wounded patients a day.", []),
    ("Israeli strikes killed 5 people a week ago.", [("killed", 5, False)]),
    ("The strike killed 50 people in a day.", [("killed", 50, False)]),
    # "fatally" after a set-off count; "both" names two; "half a million"
    ("Over the weekend, 14 people were shot in Chicago, three fatally.",
     [("injured", 14, False), ("killed", 3, False)]),
    ("Both pilots died in the crash near Nairobi.", [("killed", 2, False)]),
    ("Both sides lost ground in the fighting.", []),
    ("Half a million people have fled the region.", [("displaced", 500000, False)]),
    # round 8: a toll's new value where the parser made the clause an adjective; bodies lying
    ("The army said a soldier was killed in Rafah, bringing its death toll in the ground "
     "offensive to 326.", [("killed", 1, False), ("killed", 326, False)]),
    ("Residents said at least 15 bodies lay in the streets of Wad Madani.",
     [("killed", 15, False)]),
    # a single and its appositive are one person
    ("Police said the suspect, a 23-year-old man, was arrested at his home.",
     [("detained", 1, False)]),
    # the objects of "included" with a harm set that has no count of its own
    ("The dead included a baby and his mother, medics in Deir al-Balah said.",
     [("killed", 2, False)]),
    ("Those wounded include 12 children, the hospital said.", [("injured", 12, False)]),
    ("The 18 dead included a baby.", [("killed", 18, False)]),
    ("The delegation included a doctor and two nurses.", []),
    # an ordinal standing for one more victim, not a fraction; the whole of a fraction or
    # percentage is no count of the harmed
    ("Two children were killed by a drone strike in Khan Younis, while a third was injured.",
     [("killed", 2, False), ("injured", 1, False)]),
    ("A third of the population was displaced by the floods.", []),
    ("Almost 90% of Gaza's 2.2 million people have been displaced.", []),
    ("Most of the 300 passengers died in the crash.", []),
    ("About 70 percent of the 1,200 people killed were civilians.", [("killed", 1200, False)]),
    # fleeing a scene or the police is an escape; one person's flight displaces only from a
    # home or a war
    ("The driver fled the scene and remains at large.", []),
    ("Three suspects fled the scene in a stolen car.", []),
    ("A mother of five fled her village in Darfur last year.", [("displaced", 1, False)]),
    ("Over 100,000 people fled to Chad.", [("displaced", 100000, False)]),
    # a count coordinated with an intransitive verb after its subject; a hedge parsed as
    # the verb's preposition
    ("Nine people died in Lviv and four in Kharkiv.",
     [("killed", 9, False), ("killed", 4, False)]),
    ("The fighting has killed more than 300 people and injured over 1,000.",
     [("killed", 300, False), ("injured", 1000, False)]),
    ("Gunmen killed two guards and fled.", [("killed", 2, False)]),
    ("The ceremony ran over 20 minutes.", []),
    # a toll's target and a subset hung on a clause inside the predicate's
    ("Officials said 14 people died overnight, bringing the total since the floods began "
     "to 212.", [("killed", 14, False), ("killed", 212, False)]),
    ("Police said the march began at noon and moved to Trafalgar Square.", []),
    ("Hundreds of protesters have been arrested since the unrest started, including 40 "
     "students.", [("detained", None, True), ("detained", 40, False)]),
    ("The festival has grown since it began, including 40 new stages.", []),
    # round 9: a single victim and a count of their kin are one figure
    ("Shelling killed a farmer and his three sons near Kherson.", [("killed", 4, False)]),
    ("A woman and two of her children died when fire tore through their flat in Lyon.",
     [("killed", 3, False)]),
    ("A soldier and 12 civilians were killed.", [("killed", 1, False), ("killed", 12, False)]),
    # a count of one and its appositive are one person; a pronoun restating a victim of its
    # own sentence with the same kind adds nothing
    ("Officials said one of the injured, a 60-year-old man, died overnight.",
     [("killed", 1, False)]),
    ("A boy was pulled from the river and flown to hospital, where he remains in critical "
     "condition.", [("injured", 1, False)]),
    ("A woman was shot by police and she died later.",
     [("injured", 1, False), ("killed", 1, False)]),
    # a verb coordinated with a relative clause; a participle read as an adjective
    ("Aid workers assisted 60 people who lived near the river and were displaced by the "
     "floods.", [("displaced", 60, False)]),
    ("Twelve people who gathered at the mosque and prayed for peace were honoured.", []),
    ("A register showed 51 students unaccounted for.", [("missing", 51, False)]),
    # an act whose agent comes before its "of"
    ("The 2014 kidnapping by Boko Haram of 276 schoolgirls shocked the world.",
     [("hostages", 276, False)]),
    # treated for harm; survived with injuries (survival alone is no harm)
    ("More than 40 people were treated for smoke inhalation.", [("injured", 40, False)]),
    ("Doctors treated her for cancer.", []),
    ("The pilot survived with minor injuries.", [("injured", 1, False)]),
    ("Three passengers survived the crash.", []),
    # a pronoun partitive of the sentence before; people who remain after a count of people
    # held are still held (not after a count of the dead)
    ("The hospital received 58 bodies on Tuesday. Many of them were elderly.",
     [("killed", 58, False), ("killed", None, True)]),
    ("The storm killed 12 people. A week later, thousands are still waiting for power.",
     [("killed", 12, False)]),
    ("Gunmen abducted some 90 villagers in March. About 40 remain in the forest.",
     [("hostages", 90, False), ("hostages", 40, False)]),
    ("The storm killed 12 people. About 300 remain without power.", [("killed", 12, False)]),
    # a toll's target hung on a clause inside the tally's own clause
    ("A police officer died on Monday, bringing the number of officers killed since the "
     "protests started to 14.", [("killed", 1, False), ("killed", 14, False)]),
    # a toll's target under the clauses of the moved tally, the object of its verb
    ("Two more soldiers died, bringing the number of troops killed in the war to 140.",
     [("killed", 2, False), ("killed", 140, False)]),
    ("Two more soldiers died, bringing the number of troops killed since January to 140.",
     [("killed", 2, False), ("killed", 140, False)]),
    ("The new deaths pushed the toll to 57.", [("killed", 57, False)]),
    ("The company brought the number of stores to 140.", []),
    # shooting someone somewhere; fleeing on foot is a flight all the same
    ("Soldiers shot a teenager at the checkpoint.", [("injured", 1, False)]),
    ("Thousands fled on foot to the border.", [("displaced", None, True)]),
    # round 10: a person's possessive determines a single, an organisation's names a title;
    # a name the parser missed in the possessive is known from elsewhere in the text
    ("Israel killed the group's leader in a strike on Beirut.", []),
    ("The militia's commander was arrested.", []),
    ("The farmer's son was abducted.", [("hostages", 1, False)]),
    ("Maria Lopez was questioned on Monday. Lopez's husband was arrested on Tuesday.",
     [("detained", 1, False)]),
    # a conjunct verb shares its head's modal
    ("A new offensive could empty the south and displace hundreds of thousands of people.",
     []),
    ("The strike hit the camp and killed 12 people.", [("killed", 12, False)]),
    # discharged from hospital: hospitalised for harm
    ("The 17-year-old victim has been discharged from hospital.", [("injured", 1, False)]),
    # a pronoun for a victim the text then names is a figure again (it restates the first)
    ("A teenager was stabbed to death in Leeds. The boy has been named by police as Tom "
     "Reed. He was pronounced dead at the scene.", [("killed", 1, False), ("killed", 1, False)]),
    # plants are not people; "-ness"/"-ess" nouns are no person nouns
    ("Many fruit trees died after the floods.", []),
    ("Officials said a business was hit by a rocket.", []),
    # a pronoun partitive of an earlier sentence only where it has no clause of its own
    ("Police said 12 people were arrested. One of them, a student, shouted at reporters.",
     [("detained", 12, False)]),
    ("Israeli forces detained 25 people overnight. Eleven of them in Jenin.",
     [("detained", 25, False), ("detained", 11, False)]),
    # round 11: a phrase after the counted noun, or the verb's, saying what happened to them
    ("Medics treated 18 people with gunshot wounds over the weekend.",
     [("injured", 18, False)]),
    ("Police said 40 protesters in custody went on hunger strike.", [("detained", 40, False)]),
    ("She met 12 people with disabilities.", []),
    # a person shot in a verb coordinated with the one that has the person as subject
    ("A guard was tied up and shot by the gang.", [("injured", 1, False)]),
    ("A guard was tied up and questioned by the gang.", []),
    # a title in a harm clause is a single victim, also where the text names the person
    ("Former Governor Ann Keller spoke at the county fair. The former governor was shot in "
     "her left arm.", [("injured", 1, False)]),
    ("Sheriff's Deputy Mark Ellery fired three times. The deputy was arrested on Wednesday.",
     [("detained", 1, False)]),
    ("Deputy Mark Ellery fired three times. Ellery was arrested on Wednesday.", []),
    ("The president was shot in 1981.", [("injured", 1, False)]),
    # "remain" keeps a count held only with a custody, captivity or place complement
    ("Police arrested 30 protesters on Monday. Twelve remain free.", [("detained", 30, False)]),
    ("Militants seized 40 villagers. Nine remain at large.", [("hostages", 40, False)]),
    ("Police arrested 30 protesters on Monday. Twelve remain in custody.",
     [("detained", 30, False), ("detained", 12, False)]),
    # a status phrase after a counted person only for a subject of being, harm or treatment
    ("Two doctors in hospital said the situation was calm.", []),
    ("The team has three players with injuries ahead of the final.", []),
    ("Eighteen people with gunshot wounds were treated at the clinic.",
     [("injured", 18, False)]),
    # shooting with a camera: said by its subject or by what it is for
    ("The photographer shot the president at the summit.", []),
    ("The filmmaker shot two actors for a documentary.", []),
    # "many" counts people or a harm set, or nothing named
    ("There are many reasons why people die young.", []),
    ("Many children died in the floods.", [("killed", None, True)]),
    # a flight from the authorities is an escape
    ("Two suspects fled the authorities after the raid.", []),
    # a participle of a verb said of its own victim is no killing before a noun
    ("A starved child was brought to the clinic.", []),
    ("Fishermen found a drowned man near the pier.", [("killed", 1, False)]),
    # session 4: a partitive of bodies verified by its own predicate
    ("Rescuers said 40 of the bodies were pulled from the river near the dam.",
     [("killed", 40, False)]),
    ("By noon, 12 of the bodies had been identified by relatives in Kasese.",
     [("killed", 12, False)]),
    ("Five of the lives were saved by the surgeons.", []),
    # an age in apposition to one person; a count in apposition to a counted plural
    ("She said the strike killed her cousin, 23, and wounded her uncle.",
     [("killed", 1, False), ("injured", 1, False)]),
    ("A neighbour, 67, said the water rose within minutes.", []),
    # a particle makes another verb of a weak harm verb
    ("Around 40 students held up banners outside the ministry.", []),
    ("Gunmen seized 12 passengers from a bus in Zamfara.", [("hostages", 12, False)]),
    # a coordinated participle with its own quantifier does not share the count
    ("Nine people were killed and several injured when the bus overturned in Kenya.",
     [("killed", 9, False)]),
    ("Police said 14 people were killed and many injured in the blast in Quetta.",
     [("killed", 14, False), ("injured", None, True)]),
    ("Six miners were killed and 20 injured in the collapse.",
     [("killed", 6, False), ("injured", 20, False)]),
    # a pronoun partitive's own status phrase, after a count of people
    ("Thirty people are being treated at the clinic, eight of them in critical condition.",
     [("injured", 8, False)]),
    ("The ward holds 300 beds, 120 of them in intensive care.", []),
    # a sentence that opens with its set: "Of the deaths, 19 ..."
    ("Of the deaths, 14 were caused by gunfire and the rest remain unexplained.",
     [("killed", 14, False)]),
    ("Among the dead, six were police officers, the governor said.",
     [("killed", 6, False)]),
    ("Of the candidates, 12 were women, the commission said.", []),
    # "cases of" a harm noun count that harm; cases of a disease do not
    ("Medics reported 85 cases of injury in Oromia.", [("injured", 85, False)]),
    ("The authority examined 40 deaths and 300 cases of injury in six counties.",
     [("killed", 40, False), ("injured", 300, False)]),
    ("Doctors recorded 1,468 suspected cholera cases in the district.", []),
    # the body of a counted person is that count, not another single victim
    ("Divers recovered the body of one of the three missing fishermen near Mombasa.",
     [("killed", 1, False), ("missing", 3, False)]),
    # "a boy of seven" is an age; "a family of four" a count
    ("A girl of about six was pulled alive from the rubble in Hatay.", []),
    ("Among the dead was a family of five from Sylhet.", [("killed", 5, False)]),
    # counts of places are not counts of people
    ("Raids on dozens of villages left 80 people dead in Zamfara.", [("killed", 80, False)]),
    ("Shelling hit three towns, killing 14.", [("killed", 14, False)]),
    # a range is one count, its low end
    ("Officials said 20 to 30 people were wounded in the clashes in Tripoli.",
     [("injured", 20, False)]),
    ("Police said 15-20 protesters were detained in Dhaka.", [("detained", 15, False)]),
    ("The toll was revised from 45 to 38 after a recount, and 12 fans were hurt.",
     [("injured", 12, False)]),
    # people taken by armed men are abducted
    ("Bandits took 40 villagers from a market in Zamfara on Sunday.", [("hostages", 40, False)]),
    ("Armed men took 12 passengers from a bus near Kaduna.", [("hostages", 12, False)]),
    ("Rebels took the town after a week of fighting.", []),
    ("Twenty pupils took the bus to Kano.", []),
    # an inverted tally: "brought to N the number of dead"
    ("The strike brought to 14 the number of dead in the town.", [("killed", 14, False)]),
    ("The floods raised to at least 60 the number of people displaced in Sindh.",
     [("displaced", 60, False)]),
    ("The number of players with injuries is three.", []),
    # people treated with wounds are injured
    ("The clinic treated 18 people with gunshot wounds over the weekend in Port-au-Prince.",
     [("injured", 18, False)]),
    ("The coach has three players with injuries before the final.", []),
    # homicides are deaths
    ("Police recorded 75 homicides in the city last year.", [("killed", 75, False)]),
    # the earlier value of a tally that grew was a count; a revised-down one was not
    ("Floods pushed the number of displaced from 2,000 to 15,000 within a week.",
     [("displaced", 2000, False), ("displaced", 15000, False)]),
    ("A recount put the number of people killed at 38, down from 45.",
     [("killed", 38, False)]),
    # a toll put at a number the tagger read as a date
    ("Officials put the death toll at 27, with 14 more missing.",
     [("killed", 27, False), ("missing", 14, False)]),
    # a bare number coordinated with its own adjective keeps its own kind
    ("The cyclone left 30 dead and 5,000 homeless in Mozambique.",
     [("killed", 30, False), ("displaced", 5000, False)]),
    # a bare number after a harm label that opens its sentence
    ("The quake struck at dawn. Deaths: 12. Injured: 40.",
     [("killed", 12, False), ("injured", 40, False)]),
    ("Population: 2,000. Villages: 14.", []),
    # counted charges are not tallies
    ("He faces three counts of attempted murder and two counts of kidnapping.", []),
    ("The count of dead rose to 40 in Sumatra.", [("killed", 40, False)]),
    # a number word the tokenizer split at its hyphen is one number
    ("Fifty-eight people were injured when the stand collapsed.", [("injured", 58, False)]),
    ("Police said twenty-five protesters were detained in Nairobi.",
     [("detained", 25, False)]),
    ("Twenty to thirty people were hurt, officials said.", [("injured", 20, False)]),
    # "listed as missing": the harm word after "as"
    ("Authorities still list 12 fishermen as missing off Kerala.", [("missing", 12, False)]),
    ("Seven soldiers were declared as dead after the battle.", [("killed", 7, False)]),
    ("The report lists 40 people as witnesses.", []),
    # an infinitive of purpose states an aim, not a harm
    ("Troops were deployed to evacuate 5,000 residents from the valley.", []),
    ("Police moved into the district to arrest 30 suspects.", []),
    ("Residents woke to find at least 12 bodies lying in the streets.", [("killed", 12, False)]),
    ("Soldiers stormed the building to free 12 hostages.", [("hostages", 12, False)]),
    ("Services were held to remember the 300 people who died in the invasion.",
     [("killed", 300, False)]),
    # people lost in a deadly event were killed
    ("The village lost 14 men in the attack on the market.", [("killed", 14, False)]),
    ("A farmer who lost three of his sons in the floods spoke to reporters.",
     [("killed", 3, False)]),
    ("The party lost 12 seats in the election.", []),
    ("The club lost three players to injury before the final.", []),
    # a bare count after a comparison has the kind of the figure before it
    ("The morgue recorded 102 deaths this week, compared with 40 in the same week last year.",
     [("killed", 102, False), ("killed", 40, False)]),
    ("Police arrested 40 people on Saturday, up from 12 a week earlier.",
     [("detained", 40, False), ("detained", 12, False)]),
    ("The mayor met 40 residents, compared with 20 last year.", []),
    # recaptured people are detained
    ("Police recaptured 12 escaped prisoners near Kumasi on Monday.",
     [("detained", 12, False)]),
    # taking shelter or refuge is displacement only in a context of violence or disaster
    ("About 2,000 residents took shelter in schools as the fighting reached the town.",
     [("displaced", 2000, False)]),
    ("Hundreds of villagers sought refuge in the church after gunmen attacked.",
     [("displaced", None, True)]),
    ("Fifty tourists took shelter from the rain in a cafe.", []),
    # a counted case noun is a count of cases, not a legal matter that blocks its conjuncts
    ("Officials recorded 1,468 suspected typhoid cases and 11 deaths since March.",
     [("killed", 11, False)]),
    ("The ministry has confirmed 2,300 measles cases and 40 deaths in the northern provinces.",
     [("killed", 40, False)]),
    ("Police registered 3 fraud cases after the audit.", []),
    # "the other nine", "the remaining two": the rest of the dead counted before
    ("Rescuers recovered 14 bodies from the rubble on Monday. The other six were pulled out "
     "overnight.", [("killed", 14, False), ("killed", 6, False)]),
    ("Twelve miners died in the blast. The remaining three were found on Friday near the shaft.",
     [("killed", 12, False), ("killed", 3, False)]),
    ("Three hikers were killed. The other two were found alive.", [("killed", 3, False)]),
    ("Three hikers were killed. The other two escaped unhurt.", [("killed", 3, False)]),
    # a counted plural of an abduction or disappearance noun counts the people it happened to
    ("Police reported 120 abductions in the province last year.",
     [("hostages", 120, False)]),
    ("Rights groups documented 45 forced disappearances in 2019.", [("missing", 45, False)]),
    ("He faces kidnapping charges in two states.", []),
    # a possessive before the first conjunct owns a bare counted conjunct: one figure of all
    ("Officials named a Syrian man whose wife and two sons drowned in the crossing.",
     [("killed", 3, False)]),
    ("A teacher whose husband and two children were wounded spoke to reporters.",
     [("injured", 3, False)]),
    ("A man and two police officers were killed.", [("killed", 1, False), ("killed", 2, False)]),
    # left without shelter or homes: displaced
    ("A wildfire swept through the camp, leaving more than 9,000 people without shelter.",
     [("displaced", 9000, False)]),
    ("The cyclone left 2,500 villagers without shelter and food.", [("displaced", 2500, False)]),
    ("The strike left 9,000 passengers without trains.", []),
    # a named person's plain death, also in a relative clause and dated, is an obituary
    ("He said his father John Miles, who died in 1998, had built the house.", []),
    ("She recalled that her aunt Rosa Lima, who died on a Sunday in 2004, loved gardens.", []),
    ("His uncle Ravi Das, who died in the bombing, was a teacher.", [("killed", 1, False)]),
    # care for a part of the body is care for an injury
    ("A cyclist was admitted for a broken arm after the collision.", [("injured", 1, False)]),
    ("The bus driver was being treated for a fractured leg.", [("injured", 1, False)]),
    ("Hospitals treated 12 miners for back pain.", []),
    # a rescue blocks itself, not the hospital stay coordinated with it
    ("Firefighters found a man who was rescued from the river and taken to hospital.",
     [("injured", 1, False)]),
    ("They met a girl who was rescued from the rubble and reunited with her family.", []),
    # a verb coordinated with a blocked predicate states its own harm
    ("Two fishermen have never been found and are presumed dead.", [("killed", 2, False)]),
    ("Twenty miners were rescued and taken to hospital.", [("injured", 20, False)]),
    ("Three sailors were not found and the search was called off.", []),
    # "N or more" under a verb in the simple present defines a category, it counts no one
    ("The law covers safety violations that result in the death of two or more people.", []),
    ("The agency counts any attack that kills 10 or more civilians.", []),
    ("Witnesses said the gunman killed three or more people before fleeing.",
     [("killed", 3, False)]),
    # an infinitive of purpose under a passive verb with a thing as subject is an aim
    ("Checkpoints were set up to detain a suspect who escaped from the prison.", []),
    ("Police said two men were arrested and searches were launched to arrest a third man.",
     [("detained", 2, False)]),
    ("Buses were sent to evacuate 400 residents from the flooded town.", []),
    # a stay in hospital for a check-up is no harm (the tokenizer splits "check-up")
    ("A farmer's wife was killed in the flood. He was in the hospital that night for a heart "
     "check-up.", [("killed", 1, False)]),
    ("A man was shot in the market. He was in the hospital for a week.",
     [("injured", 1, False), ("injured", 1, False)]),
    # harm by illness ("hospitalized with" a disease) is no incident; an injury noun suffered
    ("A neighbour was hospitalized with pneumonia last week.", []),
    ("The grandmother was hospitalized with heart failure in May.", []),
    ("A woman was hospitalized with burns after the blast.", [("injured", 1, False)]),
    ("Two miners suffered concussions when the tunnel collapsed.", [("injured", 2, False)]),
    ("A referee suffered concussion after being struck by a bottle.", [("injured", 1, False)]),
    # a custody sentence handed to the counted people (verb + the object's compound)
    ("Three protesters were given jail sentences on Monday.", [("detained", 3, False)]),
    ("The court said six smugglers had been handed prison sentences.",
     [("detained", 6, False)]),
    ("Two officials were handed murder charges.", []),
    # evacuation to a safe place named by the preposition's object
    ("About 300 villagers were moved to higher ground as the river rose.",
     [("displaced", 300, False)]),
    ("Some 120 residents were relocated to temporary shelters after the earthquake.",
     [("displaced", 120, False)]),
    ("The 12 players were moved to a temporary facility while the stadium was repaired.", []),
    # a definite age phrase for the named person of the sentence before is a single victim
    ("Maria Lopez runs the bakery. On Sunday the 41-year-old was stabbed outside her shop. "
     "She died on Monday.", [("injured", 1, False), ("killed", 1, False)]),
    ("A man was stabbed on Friday near the home of Tom Reyes. The 34-year-old died in "
     "hospital.", [("injured", 1, False), ("killed", 1, False)]),
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
    ("Ana Silva, a teacher, was killed in the blast. She died instantly, her brother said.",
     [("killed", 1, None)]),
    ("A teacher was shot in Kumasi. She died in hospital. Police said she died of "
     "blood loss.", [("injured", 1, None), ("killed", 1, None), ("killed", 1, "restates")]),
    ("A boy was injured by a car. Doctors said he died later. The boy was 8.",
     [("injured", 1, None), ("killed", 1, None)]),
    ("Officials said 25 miners were killed, including 4 foreigners, and 9 others were hurt.",
     [("killed", 25, None), ("killed", 4, "part"), ("injured", 9, None)]),
    ("The 40 people killed in the floods in Assam included 12 children.",
     [("killed", 40, None), ("killed", 12, "part")]),
    ("An airstrike killed a commander of the group and two of his aides.",
     [("killed", 1, None), ("killed", 2, None)]),
    ("At least 30 people were killed. Eight of the dead were women.",
     [("killed", 30, None), ("killed", 8, "part")]),
    ("Officials said 14 people died overnight, bringing the total since the floods began "
     "to 212.", [("killed", 14, "part"), ("killed", 212, None)]),
    # session 4: a count of people (or a bare number) right after a subset word
    ("More than 200 migrants have drowned off Libya this year, including 45 in a single "
     "week in March.", [("killed", 200, None), ("killed", 45, "part")]),
    ("Twenty bodies were pulled from the rubble, among them six children, rescuers said.",
     [("killed", 20, None), ("killed", 6, "part")]),
    ("At least 60 people were hurt in the stampede, including 14 in critical condition.",
     [("injured", 60, None), ("injured", 14, "part")]),
    ("The army said 25 soldiers were killed and its chief met 200 relatives, including 30 "
     "widows.", [("killed", 25, None)]),
]

PRONOUNS: list[tuple[str, list[tuple[str, int, bool]]]] = [
    # a name takes the gender of the pronouns that stand for it, of its title, of its
    # gendered appositive; a pronoun of the other gender stands for someone else
    ("Maria Lopez was stabbed by her neighbour. He was arrested and she was taken to "
     "hospital.", [("detained", 1, False)]),
    ("Irena Dvorak had gone back to Serbia to see her mother in May. When she attempted "
     "to leave, she was briefly detained at the airport.", []),
    ("A woman was shot in her car in Atlanta. Police arrested Mr. John Smith, 34. She is in "
     "critical condition.", [("injured", 1, False), ("injured", 1, False)]),
    ("A toddler was found in a hot car. She died at the scene.", [("killed", 1, False)]),
    ("John Smith was found in his car. He died at the scene.", []),
    ("A nurse said the patient was stable. Later, she was stabbed by a visitor.",
     [("injured", 1, False)]),
    ("He was wounded in 2004.", []),
]

NAMED: list[tuple[str, list[tuple[str, int, bool]]]] = [
    # session 5: a description, title, kin word or age phrase in a harm clause is a single
    # victim also where it stands for a person the text names (apposition either way round,
    # a description set beside a name, the kin of a named family, a quoted "my son"); a bare
    # proper name, and a pronoun standing for a named person, are none
    ("Tomas Varga, a Hungarian aid worker held in Belarus, spoke to reporters.",
     [("hostages", 1, False)]),
    ("Colonel Ruiz said his driver Pablo Mena was abducted near the border.",
     [("hostages", 1, False)]),
    ("The senator said her chief of staff had been detained. The senator named her chief "
     "of staff Dana Cole in a statement.", [("detained", 1, False)]),
    ("Amal Haddad and Yusuf Haddad ran a bakery in Tripoli. Amal Haddad still cannot accept "
     "the death of her husband.", [("killed", 1, False)]),
    ("Kofi Mensah grew up in Accra. His mother, Ama Mensah, wept in court. \u201cThey shot "
     "my son in the back,\u201d she said.", [("injured", 1, False)]),
    ("Dara Keane moved to Cork. His aunt, Nora Keane, visited him on Friday. A few hours "
     "later, he called and said another inmate had stabbed him in the arm.", []),
    ("Pedro Alves, a fisherman from Recife, was shot dead on Sunday.", [("killed", 1, False)]),
    ("The mayor of Tula, Ivan Petrov, was kidnapped on Monday.", [("hostages", 1, False)]),
    ("Naledi Dlamini was stabbed in Durban. She died of her wounds two days later.", []),
    # a common person noun set before a name as its title is a single victim (not a title
    # of a source, nor a description that only describes: "missing teenager Owen Pryce")
    ("American journalist Tomas Brandt was sentenced to 16 years in a penal colony.",
     [("detained", 1, False)]),
    ("Police arrested construction worker Pedro Alves in Lisbon on Monday.",
     [("detained", 1, False)]),
    ("Journalist Ana Ruiz reported that two people were killed.", [("killed", 2, False)]),
    ("The body has been identified as that of missing British teenager Owen Pryce.",
     [("killed", 1, False)]),
    # a personal pronoun owning a harm noun (not an attempt, nor the injuries of a victim
    # counted in the same sentence or named as the subject of the clause)
    ("A reporter was jailed in Minsk. Friends have campaigned since his detention in March.",
     [("detained", 1, False), ("detained", 1, False)]),
    ("Varga has been held since his detention in March 2023.", []),
    ("A man was shot in Leeds. Police are investigating his killing.",
     [("injured", 1, False), ("killed", 1, False)]),
    ("Police found her body in the woods. Her death was ruled a homicide.",
     [("killed", 1, False)]),
    ("A tourist was jailed in the capital. Within two weeks of his arrest, his government "
     "called for his release.", [("detained", 1, False), ("detained", 1, False)]),
    ("The suspect's arrest came after a long manhunt.", [("detained", 1, False)]),
    ("Oleksandr Kovalenko, 52, died of his injuries in a Dnipro hospital.", []),
    ("The images show the senator since his attempted assassination.", []),
    ("A 9-year-old girl died of her injuries shortly after noon, the hospital said.",
     [("killed", 1, False)]),
    # a person after "of" on a noun naming neither a person nor a harm is its topic
    ("Many voters have deeply held negative opinions of the former president.", []),
    ("Rebels captured a portrait of a soldier in the raid.", []),
    # a named person's plain death said by a noun is an obituary too
    ("Ortega assumed the presidency following the death of predecessor Luis Mena in 2011.",
     []),
    ("Police released the name of the deceased shooter on Sunday.", [("killed", 1, False)]),
    # a description of a named person in a fatal act's "of" phrase (the bare name is none)
    ("Police released footage of the fatal police shooting of Dana Pruitt, a 41-year-old "
     "mother who had called 911.", [("killed", 1, False)]),
    ("Police released footage of the fatal shooting of Dana Pruitt.", []),
    # a holding in a place of custody is a detention
    ("The activist was still held behind bars, her lawyers said.", [("detained", 1, False)]),
    ("A farmer was held in a tunnel by the gunmen for three weeks.", [("hostages", 1, False)]),
    ("Ivan Petrov was kidnapped on Monday.", []),
    ("Police named the victim as Ivan Petrov.", []),
    ("In the recording, Paolo Rossi told officers: \u201cI may have killed my neighbour.\u201d",
     []),
    ("The three robbers fled in a stolen van, police said.", []),
    # the unnamed still count: an indefinite victim, kin of an unnamed or unrelated owner,
    # a family of one name only, a description tied to no name, a flight from home
    ("A farmer was shot dead near Kirkuk. He was 54.", [("killed", 1, False)]),
    ("Rita Osei said her son was wounded by shrapnel in the market.", [("injured", 1, False)]),
    ("Guards detained a Ukrainian journalist at the border, Anna Petrova said.",
     [("detained", 1, False)]),
    ("Lena Fischer, a nurse, treated the wounded. Later the soldier who guarded the clinic "
     "was killed.", [("killed", 1, False)]),
    ("About 300 villagers fled their homes after the gunmen attacked.",
     [("displaced", 300, False)]),
    ("The strikes may have killed 120 people, a monitoring group said.",
     [("killed", 120, False)]),
    ("A soldier was killed near the border, Ana Ruiz said.", [("killed", 1, False)]),
    ("Omar Haddad, a trader, spoke in Sidon. The 58-year-old Lebanese merchant was detained "
     "when he landed in Cyprus.", [("detained", 1, False)]),
    ("A man was stabbed in Leeds. The 29-year-old man died in hospital.",
     [("injured", 1, False), ("killed", 1, False)]),
    ("Irina Volkova spoke. Volkova, a Berlin-based reporter for the agency, was arrested in "
     "May.", [("detained", 1, False)]),
    ("Officials refused to free another jailed British citizen, Mark Doyle, last year.",
     [("detained", 1, False)]),
    # an injury noun whose "to" names counted people (also hung on the verb or on a harm
    # noun before it); not a body part
    ("The blast resulted in the death of one worker and severe injuries to two others.",
     [("killed", 1, False), ("injured", 2, False)]),
    ("The crash caused injuries to three passengers and damage to two cars.",
     [("injured", 3, False)]),
    ("The goalkeeper suffered injuries to two ribs.", [("injured", 1, False)]),
    ("The gunfire resulted in an injury to the former president and the death of one "
     "attendee.", [("injured", 1, False), ("killed", 1, False)]),
    ("The crash caused serious injuries to a cyclist near the bridge.",
     [("injured", 1, False)]),
    ("The blast caused damage to a car.", []),
    ("Kane suffered injuries to two ribs.", []),
    # people who lost their homes are displaced (households are no count of people)
    ("About 2,000 villagers have lost their homes to the mudslides, the Red Cross said.",
     [("displaced", 2000, False)]),
    ("More than 40 families lost their homes in the fire.", []),
    # a harm asked about ("whether") is no figure; a conjunct with a modal or negation of its
    # own shares no kind with its subject; "went missing" parsed as a participle clause
    ("The army is verifying whether a commander was killed in the strike.", []),
    ("Officials did not say whether 12 people were killed.", []),
    ("Police confirmed that a commander was killed in the strike.", [("killed", 1, False)]),
    ("A teacher was a beloved member of the school and will be dearly missed, the post said.",
     []),
    ("The guard was hurt but not killed.", [("injured", 1, False)]),
    ("Three hikers went missing on Friday.", [("missing", 3, False)]),
    ("Two climbers went missing from their camp near the summit.", [("missing", 2, False)]),
    ("The children went shopping with their aunt.", []),
]


@pytest.fixture(scope="module")
def nlp():  # noqa: ANN201
    from rafah.nlp import load_pipeline, resolve_model

    return load_pipeline(resolve_model(None))


def _figures(nlp, text: str) -> list:  # noqa: ANN001
    return list(analyse_doc(nlp(text)).casualties)


@pytest.mark.parametrize(("text", "expected"), CASES + PRONOUNS + NAMED)
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
