import { defineMessages } from './fragment';

/**
 * The words of the conditions instrument (Rahmenbedingungen self-check, issue 16). A competence
 * framework keeps the words it always had; `domain/study/instrument-words.ts` picks per instrument
 * kind which message stands for each role, so templates never branch on the kind themselves.
 */
export const instrumentMessages = defineMessages(
	{
		'instrument.competences.name': 'Kompetenzrahmen',
		'instrument.competences.item': 'Kompetenz',
		'instrument.competences.items': 'Kompetenzen',
		'instrument.competences.area': 'Kompetenzbereich',
		'instrument.competences.areas': 'Kompetenzbereiche',
		'instrument.conditions.name': 'Rahmenbedingungen-Selbstcheck',
		'instrument.conditions.item': 'Bedingung',
		'instrument.conditions.items': 'Bedingungen',
		'instrument.conditions.area': 'Dimension',
		'instrument.conditions.areas': 'Dimensionen',
		'instrument.conditions.count': '{count} Bedingungen',
		'instrument.conditions.howTo1': 'Auf jeder Seite steht eine Dimension mit einigen Bedingungen für gute Zusammenarbeit.',
		'instrument.conditions.howTo2': 'Sie schätzen ein, wie es bei Ihnen heute ist: von 1 (trifft gar nicht zu) bis 5 (trifft voll zu).',
		'instrument.conditions.howTo3': 'Und Sie schätzen ein, wie wichtig Ihnen die Bedingung ist.',
		'instrument.conditions.importance': 'So wichtig ist es uns:',
		'instrument.conditions.proficiency': 'So ist es bei uns heute:',
		'instrument.conditions.scaleProficiency1': '1 – trifft gar nicht zu',
		'instrument.conditions.scaleProficiency5': '5 – trifft voll zu',
		'instrument.conditions.firstSteps': 'Erste Schritte',
		'instrument.conditions.template': 'Vorlage für den Selbstcheck',
		'instrument.conditions.templateHint': 'Verwaltung und Stadtgesellschaft schätzen ein, was es bei Ihnen schon gibt. Der Selbstcheck ist eine Analyse mit diesem Katalog.',
		'instrument.conditions.start': 'Selbstcheck anlegen',
		'instrument.conditions.importanceLabel': 'So wichtig ist es uns',
		'instrument.conditions.proficiencyLabel': 'So ist es bei uns heute',
		'instrument.conditions.itemsTitle': 'Alle Bedingungen im Einzelnen',
		'instrument.conditions.areaOf': 'Dimension: {area}'
	},
	{
		'instrument.competences.name': 'Competence framework',
		'instrument.competences.item': 'Competence',
		'instrument.competences.items': 'Competences',
		'instrument.competences.area': 'Competence area',
		'instrument.competences.areas': 'Competence areas',
		'instrument.conditions.name': 'Framework conditions self-check',
		'instrument.conditions.item': 'Condition',
		'instrument.conditions.items': 'Conditions',
		'instrument.conditions.area': 'Dimension',
		'instrument.conditions.areas': 'Dimensions',
		'instrument.conditions.count': '{count} conditions',
		'instrument.conditions.howTo1': 'Each page shows one dimension with a few conditions for good cooperation.',
		'instrument.conditions.howTo2': 'You rate how things are for you today: from 1 (not true at all) to 5 (fully true).',
		'instrument.conditions.howTo3': 'And you rate how important the condition is to you.',
		'instrument.conditions.importance': 'This is how important it is to us:',
		'instrument.conditions.proficiency': 'This is how it is for us today:',
		'instrument.conditions.scaleProficiency1': '1 – not true at all',
		'instrument.conditions.scaleProficiency5': '5 – fully true',
		'instrument.conditions.firstSteps': 'First steps',
		'instrument.conditions.template': 'Template for the self-check',
		'instrument.conditions.templateHint': 'Administration and civil society rate what you already have in place. The self-check is an analysis with this catalogue.',
		'instrument.conditions.start': 'Create a self-check',
		'instrument.conditions.importanceLabel': 'How important it is to us',
		'instrument.conditions.proficiencyLabel': 'How it is for us today',
		'instrument.conditions.itemsTitle': 'All conditions in detail',
		'instrument.conditions.areaOf': 'Dimension: {area}'
	}
);
