import { z } from 'zod';
import { COMPETENCE_TYPE_KEYS, DIMENSION_KEYS, FIELD_OF_ACTION_KEYS, PRINCIPLE_KEYS, SPATIAL_LEVEL_KEYS } from '../domain/framework';
import type { AreaFields, CompetenceFields, MetaFields } from '../domain/framework/editing';

export const EXCHANGE_FORMATS = ['json', 'moodle-csv', 'csv'] as const;
export type ExchangeFormat = (typeof EXCHANGE_FORMATS)[number];

const format = z.enum(EXCHANGE_FORMATS, { message: 'Möglich sind json, moodle-csv und csv.' });
const language = z.enum(['de', 'en'], { message: 'Möglich sind de und en.' });

/** ?format=&language= of a framework export. */
export const frameworkExportQuery = z.object({ format: format.default('json'), language: language.default('de') });

/** The fields of an import upload besides the file. */
export const frameworkUploadFields = z.object({ format, language: language.default('de') });

const text = (max: number, message: string) => z.string().trim().max(max, message).default('');
const title = (language: string, required: boolean) =>
	required
		? z.string().trim().min(1, `Bitte geben Sie den ${language} Titel ein.`).max(200, 'Der Titel darf höchstens 200 Zeichen lang sein.')
		: text(200, 'Der Titel darf höchstens 200 Zeichen lang sein.');

const code = z
	.string()
	.trim()
	.min(1, 'Bitte geben Sie einen Code ein, z. B. A3.2.')
	.max(100, 'Der Code darf höchstens 100 Zeichen lang sein.')
	.regex(/^[A-Za-z0-9][A-Za-z0-9_-]*(\.[A-Za-z0-9_-]+)*$/, 'Der Code darf Buchstaben, Ziffern, Binde- und Unterstriche enthalten, getrennt durch Punkte, z. B. A3.2.');

const description = text(2000, 'Die Beschreibung darf höchstens 2.000 Zeichen lang sein.');
const firstSteps = z.string().trim().max(2000, 'Die ersten Schritte dürfen höchstens 2.000 Zeichen lang sein.');

export const areaFormSchema: z.ZodType<AreaFields> = z.object({
	code,
	title_de: title('deutschen', true),
	title_en: title('englischen', false),
	description_de: description,
	description_en: description
});

export const metaFormSchema: z.ZodType<MetaFields> = z.object({
	name_de: z.string().trim().min(1, 'Bitte geben Sie einen deutschen Namen ein.').max(200, 'Der Name darf höchstens 200 Zeichen lang sein.'),
	name_en: text(200, 'Der Name darf höchstens 200 Zeichen lang sein.'),
	description_de: description,
	description_en: description
});

/** Checkbox groups arrive as repeated form fields; `form.getAll` gives them as arrays. */
export function competenceFormSchema() {
	const tags = <K extends string>(keys: readonly K[]) => z.array(z.enum(keys as [K, ...K[]], { message: 'Unbekanntes Schlagwort.' })).default([]);
	return z.object({
		area: z.string().min(1, 'Bitte wählen Sie einen Bereich.'),
		code,
		title_de: title('deutschen', true),
		title_en: title('englischen', false),
		description_de: description,
		description_en: description,
		type: z.enum(COMPETENCE_TYPE_KEYS as ['knowledge', 'skill'], { message: 'Bitte wählen Sie, ob es um Wissen oder um eine Fähigkeit geht.' }),
		principles: tags(PRINCIPLE_KEYS),
		dimensions: tags(DIMENSION_KEYS),
		levels: tags(SPATIAL_LEVEL_KEYS),
		fields: tags(FIELD_OF_ACTION_KEYS),
		escoUri: z
			.string()
			.trim()
			.max(200)
			.regex(/^(http:\/\/data\.europa\.eu\/esco\/skill\/[0-9a-f-]{36})?$/, 'Die ESCO-Adresse hat die Form http://data.europa.eu/esco/skill/<Kennung>.')
			.default(''),
		// Only a conditions catalogue's form has them; absent keeps the condition's first steps.
		firstSteps_de: firstSteps.optional(),
		firstSteps_en: firstSteps.optional()
	});
}

export function toCompetenceFields(data: z.infer<ReturnType<typeof competenceFormSchema>>): CompetenceFields {
	return {
		code: data.code,
		title_de: data.title_de,
		title_en: data.title_en,
		description_de: data.description_de,
		description_en: data.description_en,
		type: data.type,
		tags: { principles: data.principles, dimensions: data.dimensions, levels: data.levels, fields: data.fields },
		...(data.escoUri ? { escoUri: data.escoUri } : {}),
		...(data.firstSteps_de === undefined ? {} : { firstSteps_de: data.firstSteps_de }),
		...(data.firstSteps_en === undefined ? {} : { firstSteps_en: data.firstSteps_en })
	};
}

/** The frameworks page: copy one, or start an empty one. */
export const copyFrameworkForm = z.object({ frameworkId: z.string().min(1) });
export const emptyFrameworkForm = z.object({
	name_de: z.string().trim().min(1, 'Bitte geben Sie einen Namen ein.').max(200, 'Der Name darf höchstens 200 Zeichen lang sein.'),
	name_en: z.string().trim().max(200, 'Der Name darf höchstens 200 Zeichen lang sein.').default('')
});

const itemCode = z.object({ code: z.string().min(1).max(100) });
export const moveItemForm = itemCode.extend({ direction: z.enum(['up', 'down']) });
export const archiveItemForm = itemCode.extend({ archived: z.enum(['true', 'false']).transform((value) => value === 'true') });

/** Checkbox groups of the competence form. */
export const TAG_GROUPS = ['principles', 'dimensions', 'levels', 'fields'];
