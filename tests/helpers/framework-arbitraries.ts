import fc from 'fast-check';
import type { Area, Competence, FrameworkDocument, Language } from '../../src/lib/domain/framework/model';
import { COMPETENCE_TYPE_KEYS, DIMENSION_KEYS, FIELD_OF_ACTION_KEYS, PRINCIPLE_KEYS, SPATIAL_LEVEL_KEYS } from '../../src/lib/domain/framework/vocabulary';

/** Characters that break naive CSV, HTML and spreadsheet handling, plus German letters. */
const TRICKY_UNITS = [
	'a', 'Z', 'ß', 'ä', 'ö', 'ü', 'Ä', 'Ö', 'Ü', 'é', '€', '–', '„', '“', '"', "'", ',', ';', ' ', '\t',
	'<', '>', '&', '&amp;', '<br>', '&#13;', '=', '+', '-', '@', '\\', '*', '1', '🙂'
];
const LINE_BREAKS = ['\n', '\r\n', '\r'];

export const singleLineText = fc
	.string({ unit: fc.constantFrom(...TRICKY_UNITS), minLength: 1, maxLength: 40 })
	.filter((text) => text.trim() !== '' && text.length <= 200);

export const multiLineText = fc
	.string({ unit: fc.constantFrom(...TRICKY_UNITS, ...LINE_BREAKS), maxLength: 80 })
	.filter((text) => text.length <= 2000);

const escoUri = fc.uuid().map((uuid) => `http://data.europa.eu/esco/skill/${uuid}`);

const competenceContent = fc.record(
	{
		title_de: singleLineText,
		title_en: singleLineText,
		description_de: multiLineText,
		description_en: multiLineText,
		type: fc.constantFrom(...COMPETENCE_TYPE_KEYS),
		tags: fc.record({
			principles: fc.subarray([...PRINCIPLE_KEYS]),
			dimensions: fc.subarray([...DIMENSION_KEYS]),
			levels: fc.subarray([...SPATIAL_LEVEL_KEYS]),
			fields: fc.subarray([...FIELD_OF_ACTION_KEYS])
		}),
		escoUri,
		archived: fc.boolean()
	},
	{ requiredKeys: ['title_de', 'title_en', 'description_de', 'description_en', 'type', 'tags', 'archived'] }
);

const areaContent = fc.record({
	title_de: singleLineText,
	title_en: singleLineText,
	description_de: multiLineText,
	description_en: multiLineText,
	archived: fc.boolean(),
	competences: fc.array(competenceContent, { maxLength: 5 })
});

const CODE_PREFIXES = ['A', 'B', 'Bereich_', 'x-', 'K'];

/** Valid frameworks with unique codes; positions have gaps so that they are not just array indexes. */
export const frameworkArbitrary: fc.Arbitrary<FrameworkDocument> = fc
	.record({
		codePrefix: fc.constantFrom(...CODE_PREFIXES),
		positionStep: fc.integer({ min: 1, max: 3 }),
		meta: fc.record({
			code: fc.constantFrom('RAHMEN', 'stadt-2030', 'NLC.2020'),
			name_de: singleLineText,
			name_en: singleLineText,
			description_de: multiLineText,
			description_en: multiLineText,
			source_de: multiLineText,
			source_en: multiLineText,
			languages: fc.constantFrom<Language[]>(['de'], ['en'], ['de', 'en'], ['en', 'de'])
		}),
		areas: fc.array(areaContent, { maxLength: 4 })
	})
	.map(({ codePrefix, positionStep, meta, areas }) => ({
		meta,
		areas: areas.map(
			(area, areaIndex): Area => ({
				...area,
				code: `${codePrefix}${areaIndex + 1}`,
				position: areaIndex * positionStep,
				competences: area.competences.map(
					(competence, competenceIndex): Competence => ({
						...competence,
						code: `${codePrefix}${areaIndex + 1}.${competenceIndex + 1}`,
						position: competenceIndex * positionStep
					})
				)
			})
		)
	}));

/** What the CSV formats carry of a framework: active items in order, with their codes and texts. */
export function activeOutline(framework: FrameworkDocument) {
	const byPosition = <Item extends { position: number; archived: boolean }>(items: Item[]) =>
		items.filter((item) => !item.archived).sort((a, b) => a.position - b.position);
	return byPosition(framework.areas).map((area) => ({
		code: area.code,
		title_de: area.title_de,
		title_en: area.title_en,
		description_de: area.description_de,
		description_en: area.description_en,
		competences: byPosition(area.competences).map((competence) => ({
			code: competence.code,
			title_de: competence.title_de,
			title_en: competence.title_en,
			description_de: competence.description_de,
			description_en: competence.description_en,
			type: competence.type,
			tags: competence.tags
		}))
	}));
}
