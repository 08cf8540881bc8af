import { tagsFromKeys, type Area, type Competence, type FrameworkDocument } from './model';
import { CHARTER_SOURCE, type CompetenceType, type TagKey } from './vocabulary';

/*
 * The framework Stadtwissen ships with. The principles, dimensions, levels and fields come from the
 * New Leipzig Charter; the areas and competences are Stadtwissen's own texts. German descriptions
 * follow the product's plain-language rules: one short sentence, active voice, addressed with "Sie",
 * understandable for clerks, local politicians and city makers alike.
 */

interface Texts {
	title: string;
	description: string;
}

type CompetenceEntry = Omit<Competence, 'position'>;
type AreaEntry = Omit<Area, 'position' | 'competences'> & { competences: CompetenceEntry[] };

function competence(code: string, type: CompetenceType, tags: TagKey[], de: Texts, en: Texts): CompetenceEntry {
	return {
		code,
		title_de: de.title,
		title_en: en.title,
		description_de: de.description,
		description_en: en.description,
		type,
		tags: tagsFromKeys(tags),
		archived: false
	};
}

function area(code: string, de: Texts, en: Texts, competences: CompetenceEntry[]): AreaEntry {
	return {
		code,
		title_de: de.title,
		title_en: en.title,
		description_de: de.description,
		description_en: en.description,
		archived: false,
		competences
	};
}

const AREAS: AreaEntry[] = [
	area(
		'A1',
		{
			title: 'Gemeinwohl und öffentliche Werte',
			description:
				'Stadtentwicklung dient allen Menschen in der Stadt. In diesem Bereich geht es um öffentliche Werte, faire Abwägung und den Blick auf morgen.'
		},
		{
			title: 'Common good and public values',
			description:
				'Urban development serves everyone in the city. This area is about public values, fair balancing of interests and looking ahead.'
		},
		[
			competence(
				'A1.1',
				'knowledge',
				['P1', 'just', 'city'],
				{
					title: 'Gemeinwohl verstehen',
					description: 'Sie wissen, was Gemeinwohl in der Stadtentwicklung bedeutet und woran Sie es im Alltag erkennen.'
				},
				{
					title: 'Understanding the common good',
					description: 'You know what the common good means in urban development and how to recognise it in daily work.'
				}
			),
			competence(
				'A1.2',
				'skill',
				['P1', 'P3', 'just', 'city'],
				{
					title: 'Interessen fair abwägen',
					description: 'Sie wägen unterschiedliche Interessen offen ab und begründen, warum eine Lösung allen dient.'
				},
				{
					title: 'Balancing interests fairly',
					description: 'You weigh different interests openly and explain why a solution serves everyone.'
				}
			),
			competence(
				'A1.3',
				'skill',
				['P1', 'P3', 'city'],
				{
					title: 'Entscheidungen nachvollziehbar machen',
					description: 'Sie legen offen, wer was entschieden hat und warum, damit alle es nachvollziehen können.'
				},
				{
					title: 'Making decisions transparent',
					description: 'You make clear who decided what and why, so that everyone can follow it.'
				}
			),
			competence(
				'A1.4',
				'skill',
				['P1', 'just', 'green', 'city', 'region'],
				{
					title: 'Langfristig denken',
					description: 'Sie bedenken, welche Folgen heutige Entscheidungen für die Menschen in zehn oder zwanzig Jahren haben.'
				},
				{
					title: 'Thinking long-term',
					description: "You consider what today's decisions will mean for people in ten or twenty years."
				}
			)
		]
	),
	area(
		'A2',
		{
			title: 'Integriert und ressortübergreifend arbeiten',
			description:
				'Gute Lösungen entstehen, wenn Fachbereiche, Politik und Stadtgesellschaft zusammen denken. In diesem Bereich geht es um Arbeit über Zuständigkeiten hinweg.'
		},
		{
			title: 'Integrated, cross-departmental working',
			description:
				'Good solutions emerge when departments, politics and civil society think together. This area is about working across responsibilities.'
		},
		[
			competence(
				'A2.1',
				'knowledge',
				['P2', 'P5', 'neighbourhood', 'city'],
				{
					title: 'Integrierte Konzepte kennen',
					description: 'Sie wissen, wie ein integriertes Stadtentwicklungskonzept entsteht und wie es die Fachplanungen verbindet.'
				},
				{
					title: 'Knowing integrated strategies',
					description: 'You know how an integrated urban development strategy is made and how it links the sectoral plans.'
				}
			),
			competence(
				'A2.2',
				'skill',
				['P2', 'city'],
				{
					title: 'Über Fachgrenzen zusammenarbeiten',
					description: 'Sie arbeiten mit anderen Fachbereichen an gemeinsamen Zielen, auch wenn die Zuständigkeiten getrennt sind.'
				},
				{
					title: 'Working across departments',
					description: 'You work towards shared goals with other departments, even when responsibilities are separate.'
				}
			),
			competence(
				'A2.3',
				'skill',
				['P2', 'just', 'green', 'productive', 'city'],
				{
					title: 'In Zusammenhängen denken',
					description: 'Sie erkennen, wie soziale, ökologische und wirtschaftliche Fragen zusammenhängen und sich gegenseitig beeinflussen.'
				},
				{
					title: 'Thinking in systems',
					description: 'You see how social, environmental and economic questions are connected and affect each other.'
				}
			),
			competence(
				'A2.4',
				'skill',
				['P1', 'P2', 'city'],
				{
					title: 'Ziele setzen und Wirkung prüfen',
					description: 'Sie vereinbaren mit anderen klare Ziele und prüfen regelmäßig, ob die Maßnahmen wirken.'
				},
				{
					title: 'Setting goals and checking impact',
					description: 'You agree clear goals with others and check regularly whether the measures work.'
				}
			),
			competence(
				'A2.5',
				'skill',
				['P2', 'P4', 'productive', 'neighbourhood', 'city'],
				{
					title: 'Fördermittel bündeln',
					description: 'Sie finden passende Förderprogramme und verbinden Geld aus verschiedenen Quellen für ein gemeinsames Vorhaben.'
				},
				{
					title: 'Combining funding',
					description: 'You find suitable funding programmes and combine money from different sources for a joint project.'
				}
			)
		]
	),
	area(
		'A3',
		{
			title: 'Beteiligung und Koproduktion',
			description:
				'Stadt wird gemeinsam gemacht. In diesem Bereich geht es darum, Menschen früh einzubeziehen und mit Stadtmacher*innen auf Augenhöhe zu arbeiten.'
		},
		{
			title: 'Participation and co-production',
			description:
				'The city is made together. This area is about involving people early and working with city makers as equals.'
		},
		[
			competence(
				'A3.1',
				'knowledge',
				['P3'],
				{
					title: 'Stufen der Beteiligung kennen',
					description: 'Sie kennen den Unterschied zwischen Information, Mitsprache, Mitentscheidung und gemeinsamer Umsetzung.'
				},
				{
					title: 'Knowing the levels of participation',
					description: 'You know the difference between informing, consulting, deciding together and delivering together.'
				}
			),
			competence(
				'A3.2',
				'skill',
				['P3', 'just', 'neighbourhood', 'city'],
				{
					title: 'Beteiligung wirksam planen',
					description: 'Sie planen Beteiligung so, dass sie früh beginnt und ihre Ergebnisse Entscheidungen wirklich verändern können.'
				},
				{
					title: 'Planning meaningful participation',
					description: 'You plan participation so that it starts early and its results can really change decisions.'
				}
			),
			competence(
				'A3.3',
				'skill',
				['P1', 'P3', 'just', 'neighbourhood'],
				{
					title: 'Wenig gehörte Menschen erreichen',
					description: 'Sie erreichen auch Menschen, die sich selten beteiligen, zum Beispiel Jugendliche oder Menschen mit wenig Zeit.'
				},
				{
					title: 'Reaching seldom-heard people',
					description: 'You also reach people who rarely take part, such as young people or people with little time.'
				}
			),
			competence(
				'A3.4',
				'skill',
				['P3', 'productive', 'neighbourhood'],
				{
					title: 'Mit Stadtmacher*innen koproduzieren',
					description: 'Sie entwickeln Projekte mit Initiativen, Kulturschaffenden und Unternehmen als gleichberechtigte Partner*innen.'
				},
				{
					title: 'Co-producing with city makers',
					description: 'You develop projects with initiatives, cultural workers and businesses as equal partners.'
				}
			),
			competence(
				'A3.5',
				'skill',
				['P2', 'P3'],
				{
					title: 'Verantwortung klar teilen',
					description: 'Sie vereinbaren mit allen Beteiligten, wer was entscheidet, wer was tut und wer welches Risiko trägt.'
				},
				{
					title: 'Sharing responsibility clearly',
					description: 'You agree with everyone involved who decides what, who does what and who carries which risk.'
				}
			),
			competence(
				'A3.6',
				'skill',
				['P1', 'P3', 'just'],
				{
					title: 'Engagement anerkennen und stärken',
					description: 'Sie würdigen freiwilliges Engagement und räumen Hürden wie lange Formulare oder fehlende Räume aus dem Weg.'
				},
				{
					title: 'Recognising and supporting engagement',
					description: 'You value voluntary engagement and remove obstacles such as long forms or a lack of rooms.'
				}
			)
		]
	),
	area(
		'A4',
		{
			title: 'Übersetzen und eine gemeinsame Sprache finden',
			description:
				'Verwaltung, Politik und Zivilgesellschaft denken, arbeiten und sprechen unterschiedlich. In diesem Bereich geht es darum, zwischen diesen Welten zu vermitteln und voneinander zu lernen.'
		},
		{
			title: 'Translating and finding a common language',
			description:
				'Administration, politics and civil society think, work and speak differently. This area is about bridging these worlds and learning from each other.'
		},
		[
			competence(
				'A4.1',
				'skill',
				['P3', 'just'],
				{
					title: 'Verständlich kommunizieren',
					description: 'Sie schreiben und sprechen so klar, dass Menschen ohne Fachwissen Sie gut verstehen.'
				},
				{
					title: 'Communicating clearly',
					description: 'You write and speak so clearly that people without expert knowledge understand you well.'
				}
			),
			competence(
				'A4.2',
				'knowledge',
				['P2', 'P3'],
				{
					title: 'Unterschiedliche Arbeitsweisen kennen',
					description: 'Sie wissen, wie Verwaltung, Politik, Initiativen, Kulturschaffende und Wirtschaft jeweils arbeiten und entscheiden.'
				},
				{
					title: 'Knowing different ways of working',
					description: 'You know how administration, politics, initiatives, cultural workers and businesses each work and decide.'
				}
			),
			competence(
				'A4.3',
				'skill',
				['P3'],
				{
					title: 'Zwischen Welten übersetzen',
					description: 'Sie übersetzen Anliegen von Initiativen in die Sprache der Verwaltung und Verwaltungsregeln in verständliche Worte.'
				},
				{
					title: 'Translating between worlds',
					description: 'You translate the concerns of initiatives into administrative language and administrative rules into plain words.'
				}
			),
			competence(
				'A4.4',
				'skill',
				['P1', 'P3', 'just'],
				{
					title: 'Konflikte konstruktiv lösen',
					description: 'Sie erkennen Konflikte früh und helfen den Beteiligten, eine Lösung zu finden, die trägt.'
				},
				{
					title: 'Resolving conflicts constructively',
					description: 'You spot conflicts early and help those involved to find a solution that lasts.'
				}
			),
			competence(
				'A4.5',
				'skill',
				['P2', 'P3'],
				{
					title: 'Von Stadtmacher*innen lernen',
					description: 'Sie lernen gezielt von Stadtmacher*innen, zum Beispiel, indem Sie einige Tage in einer Initiative mitarbeiten.'
				},
				{
					title: 'Learning from city makers',
					description: 'You learn from city makers on purpose, for example by working alongside an initiative for a few days.'
				}
			),
			competence(
				'A4.6',
				'skill',
				['P2', 'P3'],
				{
					title: 'Wissen sichern und weitergeben',
					description: 'Sie halten Erfahrungen aus Projekten fest und geben sie an Kolleg*innen und Partner*innen weiter.'
				},
				{
					title: 'Keeping and sharing knowledge',
					description: 'You record what projects have taught you and pass it on to colleagues and partners.'
				}
			)
		]
	),
	area(
		'A5',
		{
			title: 'Über Ebenen hinweg und ortsbezogen handeln',
			description:
				'Keine Stadt handelt allein, und jeder Ort ist anders. In diesem Bereich geht es um Zusammenarbeit mit Umland, Land, Bund und Europa und um den genauen Blick auf den Ort.'
		},
		{
			title: 'Working across levels and place-based action',
			description:
				'No city acts alone, and every place is different. This area is about cooperation with the surrounding region, the federal state, the national government and Europe, and about looking closely at each place.'
		},
		[
			competence(
				'A5.1',
				'knowledge',
				['P4', 'city', 'region'],
				{
					title: 'Zuständigkeiten der Ebenen kennen',
					description: 'Sie wissen, welche Aufgaben Kommune, Land, Bund und Europäische Union in der Stadtentwicklung haben.'
				},
				{
					title: 'Knowing who is responsible at which level',
					description:
						'You know which tasks the municipality, the federal state, the national government and the European Union have in urban development.'
				}
			),
			competence(
				'A5.2',
				'skill',
				['P4', 'P5', 'green', 'productive', 'region'],
				{
					title: 'Mit dem Umland zusammenarbeiten',
					description: 'Sie arbeiten mit Nachbarkommunen an gemeinsamen Themen wie Wohnen, Verkehr oder Gewerbeflächen.'
				},
				{
					title: 'Cooperating with the surrounding region',
					description: 'You work with neighbouring municipalities on shared topics such as housing, transport or business land.'
				}
			),
			competence(
				'A5.3',
				'skill',
				['P5', 'neighbourhood'],
				{
					title: 'Orte genau erkunden',
					description: 'Sie erkunden einen Ort mit seinen Menschen, seiner Geschichte und seinen Stärken, bevor Sie planen.'
				},
				{
					title: 'Exploring places closely',
					description: 'You explore a place, its people, its history and its strengths before you plan.'
				}
			),
			competence(
				'A5.4',
				'knowledge',
				['P5', 'just', 'neighbourhood', 'city', 'digital'],
				{
					title: 'Daten über Quartiere lesen',
					description: 'Sie lesen Karten und Zahlen zur Lage in den Quartieren und erkennen, wo Unterstützung am dringendsten ist.'
				},
				{
					title: 'Reading data about neighbourhoods',
					description: 'You read maps and figures about neighbourhoods and see where support is needed most.'
				}
			),
			competence(
				'A5.5',
				'skill',
				['P3', 'P5', 'just', 'neighbourhood'],
				{
					title: 'Quartiere gemeinsam stärken',
					description: 'Sie entwickeln Angebote im Quartier gemeinsam mit den Menschen, die dort wohnen und arbeiten.'
				},
				{
					title: 'Strengthening neighbourhoods together',
					description: 'You develop local services together with the people who live and work in the neighbourhood.'
				}
			)
		]
	),
	area(
		'A6',
		{
			title: 'Gerechte, grüne und produktive Stadt',
			description:
				'Die Charta nennt drei Ziele für die Stadt von morgen: gerecht, grün und produktiv. In diesem Bereich geht es um Wissen und Handeln für Teilhabe, Klima und Arbeit.'
		},
		{
			title: 'The just, green and productive city',
			description:
				'The Charter names three goals for the city of tomorrow: just, green and productive. This area is about knowledge and action for inclusion, climate and work.'
		},
		[
			competence(
				'A6.1',
				'skill',
				['P1', 'just', 'neighbourhood', 'city'],
				{
					title: 'Teilhabe für alle sichern',
					description: 'Sie sorgen dafür, dass alle Menschen guten Zugang zu Bildung, Gesundheit, Kultur und öffentlichen Räumen haben.'
				},
				{
					title: 'Ensuring access for all',
					description: 'You make sure that everyone has good access to education, health, culture and public spaces.'
				}
			),
			competence(
				'A6.2',
				'knowledge',
				['P1', 'P5', 'just', 'neighbourhood', 'city', 'land'],
				{
					title: 'Bezahlbares Wohnen sichern',
					description: 'Sie kennen Wege, bezahlbaren Wohnraum zu schaffen und Verdrängung aus dem Quartier zu verhindern.'
				},
				{
					title: 'Securing affordable housing',
					description: 'You know ways to create affordable housing and to prevent people from being pushed out of their neighbourhood.'
				}
			),
			competence(
				'A6.3',
				'skill',
				['P2', 'green', 'city', 'region'],
				{
					title: 'Klima schützen und Folgen bewältigen',
					description: 'Sie planen so, dass die Stadt weniger Treibhausgase ausstößt und Hitze und Starkregen besser verkraftet.'
				},
				{
					title: 'Protecting the climate and adapting',
					description: 'You plan so that the city emits fewer greenhouse gases and copes better with heat and heavy rain.'
				}
			),
			competence(
				'A6.4',
				'skill',
				['P1', 'P5', 'just', 'green', 'neighbourhood'],
				{
					title: 'Grün und Wasser in die Stadt bringen',
					description: 'Sie schaffen und schützen Parks, Bäume und Wasserflächen, die alle Menschen gut erreichen können.'
				},
				{
					title: 'Bringing green and blue spaces into the city',
					description: 'You create and protect parks, trees and water that everyone can reach easily.'
				}
			),
			competence(
				'A6.5',
				'skill',
				['P2', 'just', 'green', 'city', 'region'],
				{
					title: 'Mobilität neu denken',
					description: 'Sie fördern Wege zu Fuß, mit dem Rad und mit Bus und Bahn, damit alle gut unterwegs sind.'
				},
				{
					title: 'Rethinking mobility',
					description: 'You promote walking, cycling and public transport so that everyone can get around well.'
				}
			),
			competence(
				'A6.6',
				'skill',
				['P2', 'P5', 'productive', 'neighbourhood', 'city'],
				{
					title: 'Lokale Wirtschaft und gemischte Quartiere stärken',
					description: 'Sie unterstützen Handwerk, Handel und Kreativwirtschaft und holen Arbeit zurück in gemischte Quartiere.'
				},
				{
					title: 'Strengthening the local economy and mixed neighbourhoods',
					description: 'You support crafts, retail and the creative economy and bring work back into mixed neighbourhoods.'
				}
			)
		]
	),
	area(
		'A7',
		{
			title: 'Boden und digitale Transformation gestalten',
			description:
				'Boden und Daten entscheiden mit darüber, wem die Stadt nützt. In diesem Bereich geht es um eine aktive Bodenpolitik und eine digitale Stadt im Dienst des Gemeinwohls.'
		},
		{
			title: 'Shaping land policy and the digital transformation',
			description:
				'Land and data help decide whom the city serves. This area is about active land policy and a digital city that serves the common good.'
		},
		[
			competence(
				'A7.1',
				'knowledge',
				['P1', 'just', 'productive', 'city', 'land'],
				{
					title: 'Werkzeuge der Bodenpolitik kennen',
					description: 'Sie kennen Werkzeuge der Bodenpolitik, etwa das Vorkaufsrecht oder das Erbbaurecht, und wissen, wann sie helfen.'
				},
				{
					title: 'Knowing land policy instruments',
					description:
						'You know land policy instruments such as the municipal right of first refusal or long-term leasehold, and when they help.'
				}
			),
			competence(
				'A7.2',
				'skill',
				['P1', 'P5', 'just', 'neighbourhood', 'city', 'land'],
				{
					title: 'Grundstücke nach der besten Idee vergeben',
					description: 'Sie vergeben städtische Grundstücke nach dem besten Konzept für das Quartier, nicht nur nach dem höchsten Preis.'
				},
				{
					title: 'Allocating land to the best idea',
					description: 'You allocate municipal land to the best concept for the neighbourhood, not only to the highest bid.'
				}
			),
			competence(
				'A7.3',
				'skill',
				['P5', 'green', 'city', 'region', 'land'],
				{
					title: 'Flächen sparsam nutzen',
					description: 'Sie nutzen Brachen und leere Gebäude, bevor am Stadtrand neue Flächen bebaut werden.'
				},
				{
					title: 'Using land sparingly',
					description: 'You reuse brownfield sites and empty buildings before new land on the edge of town is built on.'
				}
			),
			competence(
				'A7.4',
				'skill',
				['P1', 'P2', 'city', 'digital'],
				{
					title: 'Digitale Werkzeuge für das Gemeinwohl einsetzen',
					description: 'Sie wählen digitale Werkzeuge so aus, dass sie den Menschen nützen und ihre Daten geschützt bleiben.'
				},
				{
					title: 'Using digital tools for the common good',
					description: 'You choose digital tools that benefit people and keep their data protected.'
				}
			),
			competence(
				'A7.5',
				'skill',
				['P1', 'P3', 'city', 'digital'],
				{
					title: 'Offene Daten nutzen und teilen',
					description: 'Sie veröffentlichen Daten der Stadt offen und nutzen sie gemeinsam mit anderen für bessere Entscheidungen.'
				},
				{
					title: 'Using and sharing open data',
					description: "You publish the city's data openly and use it together with others to make better decisions."
				}
			),
			competence(
				'A7.6',
				'skill',
				['P1', 'P3', 'just', 'city', 'digital'],
				{
					title: 'Digitale Teilhabe sichern',
					description: 'Sie sorgen dafür, dass digitale Angebote barrierefrei sind und niemand ohne Internet ausgeschlossen wird.'
				},
				{
					title: 'Ensuring digital inclusion',
					description: 'You make sure that digital services are accessible and that no one without internet access is left out.'
				}
			)
		]
	),
	area(
		'A8',
		{
			title: 'Experimentieren und Rahmenbedingungen schaffen',
			description:
				'Neues entsteht, wenn man es ausprobieren darf. In diesem Bereich geht es um Zwischennutzung, Reallabore und die Regeln, Räume und Mittel, die gute Zusammenarbeit braucht.'
		},
		{
			title: 'Experimenting and creating the right conditions',
			description:
				'New things emerge when people are allowed to try them out. This area is about interim use, real-world labs and the rules, spaces and resources that good cooperation needs.'
		},
		[
			competence(
				'A8.1',
				'skill',
				['P3', 'P5', 'productive', 'neighbourhood', 'land'],
				{
					title: 'Zwischennutzungen ermöglichen',
					description: 'Sie helfen, leere Gebäude und Flächen zeitweise für Kultur, Initiativen oder Gründungen zu öffnen.'
				},
				{
					title: 'Enabling interim use',
					description: 'You help to open up empty buildings and sites temporarily for culture, initiatives or start-ups.'
				}
			),
			competence(
				'A8.2',
				'skill',
				['P2', 'P5', 'neighbourhood'],
				{
					title: 'In Reallaboren erproben',
					description: 'Sie testen neue Lösungen für eine begrenzte Zeit im echten Stadtleben und lernen offen aus Erfolgen und Fehlern.'
				},
				{
					title: 'Testing in real-world labs',
					description: 'You test new solutions for a limited time in real city life and learn openly from successes and failures.'
				}
			),
			competence(
				'A8.3',
				'knowledge',
				['P2', 'P4', 'neighbourhood', 'city'],
				{
					title: 'Rechtliche Spielräume kennen',
					description: 'Sie kennen die Spielräume im Bau-, Ordnungs- und Veranstaltungsrecht, die Experimente und Zwischennutzungen möglich machen.'
				},
				{
					title: 'Knowing the legal room for manoeuvre',
					description: 'You know the room for manoeuvre in building, public order and events law that makes experiments and interim use possible.'
				}
			),
			competence(
				'A8.4',
				'skill',
				['P2', 'P3', 'city'],
				{
					title: 'Rahmenbedingungen für Zusammenarbeit schaffen',
					description: 'Sie sorgen für feste Ansprechpersonen, ein Budget zum Ausprobieren und kurze Wege durch die Verwaltung.'
				},
				{
					title: 'Creating the conditions for cooperation',
					description: 'You provide fixed contact persons, a budget for trying things out and short paths through the administration.'
				}
			),
			competence(
				'A8.5',
				'skill',
				['P2', 'P3', 'city'],
				{
					title: 'Veränderung in der Organisation begleiten',
					description: 'Sie bringen neue Arbeitsweisen in Ihre Organisation und nehmen Ihre Kolleg*innen dabei mit.'
				},
				{
					title: 'Guiding change in the organisation',
					description: 'You bring new ways of working into your organisation and take your colleagues along.'
				}
			)
		]
	)
];

export const DEFAULT_FRAMEWORK_CODE = 'STADTWISSEN-NLC';

const DEFAULT_FRAMEWORK: FrameworkDocument = {
	meta: {
		code: DEFAULT_FRAMEWORK_CODE,
		name_de: 'Integrierte Stadtentwicklung nach der Neuen Leipzig-Charta',
		name_en: 'Integrated urban development under the New Leipzig Charter',
		description_de:
			'Was Verwaltung, Kommunalpolitik und Stadtgesellschaft wissen und können sollten, um ihre Stadt gemeinsam, gemeinwohlorientiert und integriert zu entwickeln.',
		description_en:
			'What administration, local politics and civil society should know and be able to do to develop their city together, integrated and for the common good.',
		source_de: `Grundsätze, Dimensionen, räumliche Ebenen und Handlungsfelder: ${CHARTER_SOURCE.citation_de} Bereiche und Kompetenzen: eigene Texte von Stadtwissen.`,
		source_en: `Principles, dimensions, spatial levels and fields of action: ${CHARTER_SOURCE.citation_en} Areas and competences: Stadtwissen's own texts.`,
		languages: ['de', 'en']
	},
	areas: AREAS.map((entry, areaPosition) => ({
		...entry,
		position: areaPosition,
		competences: entry.competences.map((item, competencePosition) => ({ ...item, position: competencePosition }))
	}))
};

/** A fresh copy of the shipped framework; callers may change it freely. */
export function createDefaultFramework(): FrameworkDocument {
	return structuredClone(DEFAULT_FRAMEWORK);
}
