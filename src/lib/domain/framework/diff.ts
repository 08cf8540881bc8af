import {
	LANGUAGES,
	sortedByPosition,
	type Area,
	type Competence,
	type CompetenceTags,
	type FrameworkDocument,
	type FrameworkMeta
} from './model';

export type MetaField = keyof FrameworkMeta;
export type TextFieldName = 'title_de' | 'title_en' | 'description_de' | 'description_en';
/** `position` means the order among the siblings that exist in both versions changed. */
export type AreaField = TextFieldName | 'position';
export type CompetenceField = AreaField | 'area' | 'type' | keyof CompetenceTags | 'escoUri';

export interface ChangedItem<Field> {
	code: string;
	fields: Field[];
}

/** Codes per kind of change; an item that was archived and edited appears in both lists. */
export interface ItemChanges<Field> {
	added: string[];
	removed: string[];
	archived: string[];
	restored: string[];
	changed: ChangedItem<Field>[];
}

export interface FrameworkDiff {
	meta: MetaField[];
	areas: ItemChanges<AreaField>;
	competences: ItemChanges<CompetenceField>;
}

const TEXT_FIELDS: TextFieldName[] = LANGUAGES.flatMap((language) => [`title_${language}`, `description_${language}`] as const);
const TAG_CATEGORIES: (keyof CompetenceTags)[] = ['principles', 'dimensions', 'levels', 'fields'];

const sameSet = (a: readonly string[], b: readonly string[]) =>
	a.length === b.length && new Set(a).size === new Set([...a, ...b]).size;

function metaChanges(before: FrameworkMeta, after: FrameworkMeta): MetaField[] {
	const fields: MetaField[] = ['code', 'name_de', 'name_en', 'description_de', 'description_en', 'source_de', 'source_en'];
	const changed = fields.filter((field) => before[field] !== after[field]);
	return sameSet(before.languages, after.languages) ? changed : [...changed, 'languages'];
}

interface Placed<Item> {
	item: Item;
	parent: string;
}

/** Rank of each item among the siblings that exist, under the same parent, in the other version too. */
function ranksAmongShared<Item extends { code: string; position: number }>(
	placed: Map<string, Placed<Item>>,
	isShared: (code: string) => boolean
): Map<string, number> {
	const byParent = new Map<string, Item[]>();
	for (const { item, parent } of placed.values()) {
		if (isShared(item.code)) byParent.set(parent, [...(byParent.get(parent) ?? []), item]);
	}
	const ranks = new Map<string, number>();
	for (const siblings of byParent.values()) {
		sortedByPosition(siblings).forEach((item, rank) => ranks.set(item.code, rank));
	}
	return ranks;
}

function compareItems<Item extends Area | Competence, Field extends string>(
	before: Map<string, Placed<Item>>,
	after: Map<string, Placed<Item>>,
	detailChanges: (before: Placed<Item>, after: Placed<Item>) => Field[]
): ItemChanges<AreaField | Field> {
	const changes: ItemChanges<AreaField | Field> = { added: [], removed: [], archived: [], restored: [], changed: [] };
	const sharedUnderSameParent = (code: string) => before.get(code)?.parent === after.get(code)?.parent;
	const ranksBefore = ranksAmongShared(before, sharedUnderSameParent);
	const ranksAfter = ranksAmongShared(after, sharedUnderSameParent);

	for (const [code, { item: old }] of before) {
		if (!after.has(code)) changes.removed.push(code);
		else if (!old.archived && after.get(code)?.item.archived) changes.archived.push(code);
		else if (old.archived && !after.get(code)?.item.archived) changes.restored.push(code);
	}
	for (const [code, current] of after) {
		const previous = before.get(code);
		if (previous === undefined) {
			changes.added.push(code);
			continue;
		}
		const fields: (AreaField | Field)[] = TEXT_FIELDS.filter((field) => previous.item[field] !== current.item[field]);
		if (sharedUnderSameParent(code) && ranksBefore.get(code) !== ranksAfter.get(code)) fields.push('position');
		fields.push(...detailChanges(previous, current));
		if (fields.length > 0) changes.changed.push({ code, fields });
	}
	return changes;
}

function competenceDetailChanges(
	{ item: before, parent: areaBefore }: Placed<Competence>,
	{ item: after, parent: areaAfter }: Placed<Competence>
): CompetenceField[] {
	const fields: CompetenceField[] = [];
	if (areaBefore !== areaAfter) fields.push('area');
	if (before.type !== after.type) fields.push('type');
	fields.push(...TAG_CATEGORIES.filter((category) => !sameSet(before.tags[category], after.tags[category])));
	if (before.escoUri !== after.escoUri) fields.push('escoUri');
	return fields;
}

function placeAreas(framework: FrameworkDocument): Map<string, Placed<Area>> {
	return new Map(sortedByPosition(framework.areas).map((area) => [area.code, { item: area, parent: '' }]));
}

function placeCompetences(framework: FrameworkDocument): Map<string, Placed<Competence>> {
	return new Map(
		sortedByPosition(framework.areas).flatMap((area) =>
			sortedByPosition(area.competences).map((competence) => [competence.code, { item: competence, parent: area.code }] as const)
		)
	);
}

/** What changed from `before` to `after`, matched by code; lists follow the order of the frameworks. */
export function diffFrameworks(before: FrameworkDocument, after: FrameworkDocument): FrameworkDiff {
	return {
		meta: metaChanges(before.meta, after.meta),
		areas: compareItems(placeAreas(before), placeAreas(after), (): AreaField[] => []),
		competences: compareItems(placeCompetences(before), placeCompetences(after), competenceDetailChanges)
	};
}

export function hasChanges(diff: FrameworkDiff): boolean {
	const itemChanges = [diff.areas, diff.competences];
	return (
		diff.meta.length > 0 ||
		itemChanges.some(
			(changes) =>
				changes.added.length + changes.removed.length + changes.archived.length + changes.restored.length + changes.changed.length > 0
		)
	);
}
