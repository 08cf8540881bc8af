/**
 * The vocabulary of the New Leipzig Charter (Neue Leipzig-Charta, 30 November 2020) that every
 * competence is tagged with: five principles of good urban governance, three dimensions, three
 * spatial levels and two fields of action. Keys are stable identifiers used in files and the
 * database; `charterCode` is the short code from the team's reference table.
 */

export const PRINCIPLES = [
	{ key: 'P1', charterCode: 'P1', de: 'Gemeinwohlorientierung', en: 'orientation towards the common good' },
	{ key: 'P2', charterCode: 'P2', de: 'Integrierter Ansatz', en: 'integrated approach' },
	{ key: 'P3', charterCode: 'P3', de: 'Beteiligung und Koproduktion', en: 'participation and co-creation' },
	{ key: 'P4', charterCode: 'P4', de: 'Mehrebenenansatz / Mehrebenenkooperation', en: 'multi-level governance' },
	{ key: 'P5', charterCode: 'P5', de: 'Ortsbezogener Ansatz', en: 'place-based approach' }
] as const;

export const DIMENSIONS = [
	{ key: 'just', charterCode: 'D-J', de: 'Die gerechte Stadt', en: 'the just city' },
	{ key: 'green', charterCode: 'D-G', de: 'Die grüne Stadt', en: 'the green city' },
	{ key: 'productive', charterCode: 'D-P', de: 'Die produktive Stadt', en: 'the productive city' }
] as const;

export const SPATIAL_LEVELS = [
	{ key: 'neighbourhood', charterCode: 'L-Q', de: 'Quartier', en: 'neighbourhood' },
	{ key: 'city', charterCode: 'L-K', de: 'Kommune / Gesamtstadt', en: 'local authority / city as a whole' },
	{
		key: 'region',
		charterCode: 'L-R',
		de: 'Funktional zusammenhängende Räume / Stadtregion',
		en: 'functional area / urban region'
	}
] as const;

export const FIELDS_OF_ACTION = [
	{ key: 'land', charterCode: 'F-B', de: 'Aktive und strategische Bodenpolitik', en: 'active and strategic land policy' },
	{ key: 'digital', charterCode: 'F-D', de: 'Gestaltung der digitalen Transformation', en: 'shaping the digital transformation' }
] as const;

/** ESCO distinguishes knowledge from skills and competences (`skillType`); `esco` is ESCO's own value. */
export const COMPETENCE_TYPES = [
	{ key: 'knowledge', esco: 'knowledge', de: 'Wissen', en: 'knowledge' },
	{ key: 'skill', esco: 'skill/competence', de: 'Fähigkeit / Kompetenz', en: 'skill / competence' }
] as const;

export type PrincipleKey = (typeof PRINCIPLES)[number]['key'];
export type DimensionKey = (typeof DIMENSIONS)[number]['key'];
export type SpatialLevelKey = (typeof SPATIAL_LEVELS)[number]['key'];
export type FieldOfActionKey = (typeof FIELDS_OF_ACTION)[number]['key'];
export type CompetenceType = (typeof COMPETENCE_TYPES)[number]['key'];
export type TagKey = PrincipleKey | DimensionKey | SpatialLevelKey | FieldOfActionKey;

export const PRINCIPLE_KEYS = PRINCIPLES.map((entry) => entry.key);
export const DIMENSION_KEYS = DIMENSIONS.map((entry) => entry.key);
export const SPATIAL_LEVEL_KEYS = SPATIAL_LEVELS.map((entry) => entry.key);
export const FIELD_OF_ACTION_KEYS = FIELDS_OF_ACTION.map((entry) => entry.key);
export const COMPETENCE_TYPE_KEYS = COMPETENCE_TYPES.map((entry) => entry.key);

/** All tag keys in their canonical order: principles, dimensions, levels, fields. */
export const TAG_KEYS: readonly TagKey[] = [
	...PRINCIPLE_KEYS,
	...DIMENSION_KEYS,
	...SPATIAL_LEVEL_KEYS,
	...FIELD_OF_ACTION_KEYS
];
