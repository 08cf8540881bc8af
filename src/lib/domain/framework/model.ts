import { z } from 'zod';
import {
	COMPETENCE_TYPE_KEYS,
	DIMENSION_KEYS,
	FIELD_OF_ACTION_KEYS,
	PRINCIPLE_KEYS,
	SPATIAL_LEVEL_KEYS,
	TAG_KEYS,
	type CompetenceType,
	type TagKey,
	type DimensionKey,
	type FieldOfActionKey,
	type PrincipleKey,
	type SpatialLevelKey
} from './vocabulary';

export const LANGUAGES = ['de', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/**
 * What a document is an instrument for: a competence framework (areas and competences, rated for
 * importance and proficiency) or a conditions catalogue for the Rahmenbedingungen self-check
 * (dimensions and conditions, rated "So ist es bei uns heute"). Absent means `competences`, so every
 * document written before the field existed keeps its meaning.
 */
export const INSTRUMENT_KINDS = ['competences', 'conditions'] as const;
export type InstrumentKind = (typeof INSTRUMENT_KINDS)[number];

export interface CompetenceTags {
	principles: PrincipleKey[];
	dimensions: DimensionKey[];
	levels: SpatialLevelKey[];
	fields: FieldOfActionKey[];
}

interface BilingualItem {
	code: string;
	title_de: string;
	title_en: string;
	description_de: string;
	description_en: string;
	/** Order among siblings, ascending; unique within the parent. */
	position: number;
	archived: boolean;
}

export interface Competence extends BilingualItem {
	type: CompetenceType;
	tags: CompetenceTags;
	/** A concept URI from ESCO, e.g. http://data.europa.eu/esco/skill/<uuid>. */
	escoUri?: string;
	/** Practical first steps towards this item (used by conditions catalogues); JSON only. */
	firstSteps_de?: string;
	firstSteps_en?: string;
	/** Where this item comes from, e.g. „Neue Leipzig-Charta 2020; BauGB § 11“; JSON only. */
	source_de?: string;
	source_en?: string;
}

export interface Area extends BilingualItem {
	competences: Competence[];
}

export interface FrameworkMeta {
	/** Identifier of the framework as a whole (Moodle's framework "ID number"). */
	code: string;
	name_de: string;
	name_en: string;
	description_de: string;
	description_en: string;
	/** Where the framework's content comes from, e.g. a citation of the Charter. */
	source_de: string;
	source_en: string;
	/** Languages whose titles and names are complete; the other language's texts may be empty. */
	languages: Language[];
	/** Absent means `competences`; see {@link instrumentKindOf}. */
	kind?: InstrumentKind;
}

export interface FrameworkDocument {
	meta: FrameworkMeta;
	areas: Area[];
}

export const CODE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]*(\.[A-Za-z0-9_-]+)*$/;
export const MAX_CODE_LENGTH = 100;
export const MAX_TITLE_LENGTH = 200;
export const MAX_DESCRIPTION_LENGTH = 2000;
export const ESCO_URI_PATTERN = /^http:\/\/data\.europa\.eu\/esco\/skill\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const germanNumber = new Intl.NumberFormat('de-DE');

const LANGUAGE_ADJECTIVE: Record<Language, string> = { de: 'deutsche', en: 'englische' };

const TYPE_NAMES: Record<string, string> = {
	string: 'ein Text',
	number: 'eine Zahl',
	boolean: 'true oder false',
	int: 'eine ganze Zahl',
	array: 'eine Liste',
	object: 'ein Objekt'
};

/** Plain German for the structural problems zod finds on its own (wrong types, unknown fields). */
const germanStructureErrors: z.core.$ZodErrorMap = (issue) => {
	switch (issue.code) {
		case 'invalid_type':
			return issue.input === undefined
				? 'Das Feld fehlt.'
				: `Hier wird ${TYPE_NAMES[issue.expected] ?? issue.expected} erwartet.`;
		case 'unrecognized_keys':
			return `Unbekanntes Feld: ${issue.keys.map((key) => `„${key}“`).join(', ')}.`;
		case 'invalid_value':
			return `Ungültiger Wert. Erlaubt sind: ${issue.values.map(String).join(', ')}.`;
		case 'too_small':
			return issue.origin === 'number' ? 'Die Zahl darf nicht negativ sein.' : undefined;
		default:
			return undefined;
	}
};

function tagList<const Keys extends readonly string[]>(keys: Keys) {
	return z.array(
		z.enum(keys, {
			error: (issue) =>
				`Das Schlagwort „${String(issue.input)}“ gibt es hier nicht. Erlaubt sind: ${keys.join(', ')}.`
		})
	);
}

const position = z.number().int().nonnegative();

const competenceSchema = z.strictObject({
	code: z.string(),
	title_de: z.string(),
	title_en: z.string(),
	description_de: z.string(),
	description_en: z.string(),
	type: z.enum(COMPETENCE_TYPE_KEYS, {
		error: (issue) => `Die Art „${String(issue.input)}“ gibt es nicht. Erlaubt sind: ${COMPETENCE_TYPE_KEYS.join(', ')}.`
	}),
	tags: z.strictObject({
		principles: tagList(PRINCIPLE_KEYS),
		dimensions: tagList(DIMENSION_KEYS),
		levels: tagList(SPATIAL_LEVEL_KEYS),
		fields: tagList(FIELD_OF_ACTION_KEYS)
	}),
	escoUri: z.string().optional(),
	firstSteps_de: z.string().optional(),
	firstSteps_en: z.string().optional(),
	source_de: z.string().optional(),
	source_en: z.string().optional(),
	position,
	archived: z.boolean()
});

const areaSchema = z.strictObject({
	code: z.string(),
	title_de: z.string(),
	title_en: z.string(),
	description_de: z.string(),
	description_en: z.string(),
	position,
	archived: z.boolean(),
	competences: z.array(competenceSchema)
});

const metaSchema = z.strictObject({
	code: z.string(),
	name_de: z.string(),
	name_en: z.string(),
	description_de: z.string(),
	description_en: z.string(),
	source_de: z.string(),
	source_en: z.string(),
	languages: z.array(z.enum(LANGUAGES, { error: 'Erlaubt sind die Sprachen de und en.' })),
	kind: z.enum(INSTRUMENT_KINDS, { error: 'Erlaubt sind die Arten „competences“ (Kompetenzrahmen) und „conditions“ (Rahmenbedingungen).' }).optional()
});

export type IssuePath = (string | number)[];

export interface FrameworkIssue {
	path: IssuePath;
	message: string;
}

function checkCode(code: string, path: IssuePath, issues: FrameworkIssue[]): void {
	if (code.trim() === '') {
		issues.push({ path, message: 'Der Code fehlt.' });
	} else if (code.length > MAX_CODE_LENGTH) {
		issues.push({ path, message: `Der Code ist zu lang: erlaubt sind höchstens ${MAX_CODE_LENGTH} Zeichen.` });
	} else if (!CODE_PATTERN.test(code)) {
		issues.push({
			path,
			message:
				`Der Code „${code}“ ist ungültig. Erlaubt sind Buchstaben, Ziffern, Binde- und Unterstriche, ` +
				'getrennt durch Punkte, zum Beispiel „A3.2“.'
		});
	}
}

function checkSingleLineText(
	text: string,
	noun: 'Titel' | 'Name',
	language: Language,
	required: boolean,
	path: IssuePath,
	issues: FrameworkIssue[]
): void {
	const label = `Der ${LANGUAGE_ADJECTIVE[language]} ${noun}`;
	if (required && text.trim() === '') {
		issues.push({ path, message: `${label} fehlt.` });
	} else if (text.length > MAX_TITLE_LENGTH) {
		issues.push({
			path,
			message: `${label} ist zu lang: ${germanNumber.format(text.length)} Zeichen, erlaubt sind höchstens ${MAX_TITLE_LENGTH}.`
		});
	} else if (/[\r\n]/.test(text)) {
		issues.push({ path, message: `${label} darf keinen Zeilenumbruch enthalten.` });
	}
}

function checkLongText(text: string, label: string, path: IssuePath, issues: FrameworkIssue[]): void {
	if (text.length > MAX_DESCRIPTION_LENGTH) {
		issues.push({
			path,
			message:
				`${label} ist zu lang: ${germanNumber.format(text.length)} Zeichen, ` +
				`erlaubt sind höchstens ${germanNumber.format(MAX_DESCRIPTION_LENGTH)}.`
		});
	}
}

function checkBilingualItem(
	item: BilingualItem,
	languages: readonly Language[],
	path: IssuePath,
	issues: FrameworkIssue[]
): void {
	checkCode(item.code, [...path, 'code'], issues);
	for (const language of LANGUAGES) {
		const required = languages.includes(language);
		checkSingleLineText(item[`title_${language}`], 'Titel', language, required, [...path, `title_${language}`], issues);
		checkLongText(
			item[`description_${language}`],
			`Die ${LANGUAGE_ADJECTIVE[language]} Beschreibung`,
			[...path, `description_${language}`],
			issues
		);
	}
}

function checkUniquePositions(items: readonly BilingualItem[], path: IssuePath, issues: FrameworkIssue[]): void {
	const seen = new Set<number>();
	items.forEach((item, index) => {
		if (seen.has(item.position)) {
			issues.push({ path: [...path, index, 'position'], message: `Die Position ${item.position} ist doppelt vergeben.` });
		}
		seen.add(item.position);
	});
}

function checkCompetenceDetails(competence: Competence, path: IssuePath, issues: FrameworkIssue[]): void {
	for (const [category, keys] of Object.entries(competence.tags)) {
		const seen = new Set<string>();
		for (const key of keys) {
			if (seen.has(key)) {
				issues.push({ path: [...path, 'tags', category], message: `Das Schlagwort „${key}“ ist doppelt angegeben.` });
			}
			seen.add(key);
		}
	}
	for (const field of ['firstSteps_de', 'firstSteps_en', 'source_de', 'source_en'] as const) {
		const text = competence[field];
		if (text !== undefined) checkLongText(text, `Das Feld „${field}“`, [...path, field], issues);
	}
	if (competence.escoUri !== undefined && !ESCO_URI_PATTERN.test(competence.escoUri)) {
		issues.push({
			path: [...path, 'escoUri'],
			message: `Die ESCO-Adresse „${competence.escoUri}“ ist ungültig. Sie hat die Form http://data.europa.eu/esco/skill/<Kennung>.`
		});
	}
}

function checkMeta(meta: FrameworkMeta, issues: FrameworkIssue[]): void {
	if (meta.languages.length === 0) {
		issues.push({ path: ['meta', 'languages'], message: 'Mindestens eine Sprache muss angegeben sein.' });
	}
	if (new Set(meta.languages).size !== meta.languages.length) {
		issues.push({ path: ['meta', 'languages'], message: 'Jede Sprache darf nur einmal angegeben sein.' });
	}
	checkCode(meta.code, ['meta', 'code'], issues);
	for (const language of LANGUAGES) {
		const adjective = LANGUAGE_ADJECTIVE[language];
		const required = meta.languages.includes(language);
		checkSingleLineText(meta[`name_${language}`], 'Name', language, required, ['meta', `name_${language}`], issues);
		checkLongText(meta[`description_${language}`], `Die ${adjective} Beschreibung`, ['meta', `description_${language}`], issues);
		checkLongText(meta[`source_${language}`], `Die ${adjective} Quellenangabe`, ['meta', `source_${language}`], issues);
	}
}

/** Rules about content; they run once the document has the right shape. */
export function findContentIssues(framework: FrameworkDocument): FrameworkIssue[] {
	const issues: FrameworkIssue[] = [];
	checkMeta(framework.meta, issues);
	const { languages } = framework.meta;
	const firstUseOfCode = new Map<string, string>();
	const checkUnique = (code: string, path: IssuePath) => {
		const normalized = code.toLowerCase();
		const earlier = firstUseOfCode.get(normalized);
		if (earlier !== undefined && code.trim() !== '') {
			issues.push({ path, message: `Der Code „${code}“ kommt mehrfach vor. Jeder Code darf nur einmal vergeben sein.` });
		}
		firstUseOfCode.set(normalized, earlier ?? code);
	};

	checkUniquePositions(framework.areas, ['areas'], issues);
	framework.areas.forEach((area, areaIndex) => {
		const areaPath: IssuePath = ['areas', areaIndex];
		checkBilingualItem(area, languages, areaPath, issues);
		checkUnique(area.code, [...areaPath, 'code']);
		checkUniquePositions(area.competences, [...areaPath, 'competences'], issues);
		area.competences.forEach((competence, competenceIndex) => {
			const competencePath: IssuePath = [...areaPath, 'competences', competenceIndex];
			checkBilingualItem(competence, languages, competencePath, issues);
			checkUnique(competence.code, [...competencePath, 'code']);
			checkCompetenceDetails(competence, competencePath, issues);
		});
	});
	return issues;
}

export const frameworkDocumentSchema: z.ZodType<FrameworkDocument> = z
	.strictObject({ meta: metaSchema, areas: z.array(areaSchema) })
	.superRefine((framework, context) => {
		for (const issue of findContentIssues(framework)) {
			context.addIssue({ code: 'custom', path: issue.path, message: issue.message });
		}
	});

export type FrameworkValidation = { ok: true; framework: FrameworkDocument } | { ok: false; issues: FrameworkIssue[] };

export function validateFramework(input: unknown): FrameworkValidation {
	const result = frameworkDocumentSchema.safeParse(input, { error: germanStructureErrors });
	if (result.success) return { ok: true, framework: result.data };
	return {
		ok: false,
		issues: result.error.issues.map((issue) => ({
			path: issue.path.map((segment) => (typeof segment === 'number' ? segment : String(segment))),
			message: issue.message
		}))
	};
}

/** Sorts tag keys into their categories, in the vocabulary's order and without duplicates. */
export function tagsFromKeys(keys: readonly string[]): CompetenceTags {
	const present = new Set(keys);
	return {
		principles: PRINCIPLE_KEYS.filter((key) => present.has(key)),
		dimensions: DIMENSION_KEYS.filter((key) => present.has(key)),
		levels: SPATIAL_LEVEL_KEYS.filter((key) => present.has(key)),
		fields: FIELD_OF_ACTION_KEYS.filter((key) => present.has(key))
	};
}

/** All tag keys of a competence in the vocabulary's order. */
export function tagKeysOf(tags: CompetenceTags): TagKey[] {
	const present = new Set<string>([...tags.principles, ...tags.dimensions, ...tags.levels, ...tags.fields]);
	return TAG_KEYS.filter((key) => present.has(key));
}

/** The instrument a document describes; documents without `meta.kind` are competence frameworks. */
export function instrumentKindOf(document: Pick<FrameworkDocument, 'meta'>): InstrumentKind {
	return document.meta.kind ?? 'competences';
}

export function sortedByPosition<Item extends { position: number }>(items: readonly Item[]): Item[] {
	return [...items].sort((a, b) => a.position - b.position);
}

/** The items that are not archived, in position order: what the CSV exports contain. */
export function activeInOrder<Item extends { position: number; archived: boolean }>(items: readonly Item[]): Item[] {
	return sortedByPosition(items.filter((item) => !item.archived));
}

export function emptyTags(): CompetenceTags {
	return { principles: [], dimensions: [], levels: [], fields: [] };
}
