import type { Area, Competence, CompetenceTags, FrameworkDocument, FrameworkMeta } from './model';
import { sortedByPosition } from './model';
import type { CompetenceType } from './vocabulary';

/** What an organiser edits; position and archived state are changed by their own operations. */
export interface AreaFields {
	code: string;
	title_de: string;
	title_en: string;
	description_de: string;
	description_en: string;
}

export interface CompetenceFields extends AreaFields {
	type: CompetenceType;
	tags: CompetenceTags;
	escoUri?: string;
	/** A condition's first steps (conditions catalogue only): undefined keeps them, '' removes them. */
	firstSteps_de?: string;
	firstSteps_en?: string;
}

export type MetaFields = Pick<FrameworkMeta, 'name_de' | 'name_en' | 'description_de' | 'description_en'>;

export type EditResult = { ok: true; document: FrameworkDocument } | { ok: false; field: string; message: string };

const sameCode = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

function codeTaken(document: FrameworkDocument, code: string, except?: string): boolean {
	return document.areas.some(
		(area) =>
			(sameCode(area.code, code) && !(except && sameCode(area.code, except))) ||
			area.competences.some((competence) => sameCode(competence.code, code) && !(except && sameCode(competence.code, except)))
	);
}

const nextPosition = (items: readonly { position: number }[]) => items.reduce((max, item) => Math.max(max, item.position + 1), 0);

export function findArea(document: FrameworkDocument, code: string): Area | undefined {
	return document.areas.find((area) => sameCode(area.code, code));
}

export function findCompetence(document: FrameworkDocument, code: string): { area: Area; competence: Competence } | undefined {
	for (const area of document.areas) {
		const competence = area.competences.find((candidate) => sameCode(candidate.code, code));
		if (competence) return { area, competence };
	}
	return undefined;
}

/** The next free code in an area, e.g. A3.5 after A3.4; organisers may type another. */
export function suggestCompetenceCode(document: FrameworkDocument, areaCode: string): string {
	const area = findArea(document, areaCode);
	const used = new Set(area?.competences.map((c) => c.code.toLowerCase()) ?? []);
	let n = (area?.competences.length ?? 0) + 1;
	while (used.has(`${areaCode}.${n}`.toLowerCase())) n++;
	return `${areaCode}.${n}`;
}

export function suggestAreaCode(document: FrameworkDocument): string {
	let n = document.areas.length + 1;
	while (codeTaken(document, `A${n}`)) n++;
	return `A${n}`;
}

export function updateMeta(document: FrameworkDocument, fields: MetaFields): FrameworkDocument {
	return { ...document, meta: { ...document.meta, ...fields } };
}

/** Adds an area (no `originalCode`) or changes the one with `originalCode`. */
export function saveArea(document: FrameworkDocument, fields: AreaFields, originalCode?: string): EditResult {
	if (codeTaken(document, fields.code, originalCode)) {
		return { ok: false, field: 'code', message: `Der Code „${fields.code}“ ist in diesem Rahmen schon vergeben.` };
	}
	if (originalCode === undefined) {
		const area: Area = { ...fields, position: nextPosition(document.areas), archived: false, competences: [] };
		return { ok: true, document: { ...document, areas: [...document.areas, area] } };
	}
	if (!findArea(document, originalCode)) return { ok: false, field: 'code', message: 'Diesen Bereich gibt es nicht (mehr).' };
	return {
		ok: true,
		document: { ...document, areas: document.areas.map((area) => (sameCode(area.code, originalCode) ? { ...area, ...fields } : area)) }
	};
}

/** Adds a competence to `areaCode`, or changes (and possibly moves) the one with `originalCode`. */
export function saveCompetence(document: FrameworkDocument, areaCode: string, fields: CompetenceFields, originalCode?: string): EditResult {
	const target = findArea(document, areaCode);
	if (!target) return { ok: false, field: 'area', message: 'Bitte wählen Sie einen vorhandenen Bereich.' };
	if (codeTaken(document, fields.code, originalCode)) {
		return { ok: false, field: 'code', message: `Der Code „${fields.code}“ ist in diesem Rahmen schon vergeben.` };
	}
	const existing = originalCode === undefined ? undefined : findCompetence(document, originalCode);
	if (originalCode !== undefined && !existing) return { ok: false, field: 'code', message: 'Diese Kompetenz gibt es nicht (mehr).' };
	const { escoUri, firstSteps_de: newStepsDe, firstSteps_en: newStepsEn, ...rest } = fields;
	const stays = existing && existing.area === target;
	// Sources are not on the edit form: editing keeps them. First steps are on a conditions catalogue's form; elsewhere they stay as they were.
	const { firstSteps_de, firstSteps_en, source_de, source_en } = existing?.competence ?? {};
	const steps = { firstSteps_de: newStepsDe ?? firstSteps_de, firstSteps_en: newStepsEn ?? firstSteps_en };
	const kept = Object.fromEntries(Object.entries({ ...steps, source_de, source_en }).filter(([, text]) => text !== undefined && text !== ''));
	const competence: Competence = {
		...rest,
		...(escoUri ? { escoUri } : {}),
		...kept,
		position: stays ? existing.competence.position : nextPosition(target.competences),
		archived: existing?.competence.archived ?? false
	};
	const areas = document.areas.map((area) => {
		const without = existing && area === existing.area ? area.competences.filter((c) => c !== existing.competence) : area.competences;
		if (area !== target) return without === area.competences ? area : { ...area, competences: without };
		const competences = stays ? area.competences.map((c) => (c === existing.competence ? competence : c)) : [...without, competence];
		return { ...area, competences };
	});
	return { ok: true, document: { ...document, areas } };
}

function swapWithNeighbour<Item extends { code: string; position: number }>(items: readonly Item[], code: string, direction: 'up' | 'down'): Item[] | null {
	const ordered = sortedByPosition(items);
	const index = ordered.findIndex((item) => sameCode(item.code, code));
	const neighbour = direction === 'up' ? index - 1 : index + 1;
	if (index < 0 || neighbour < 0 || neighbour >= ordered.length) return null;
	const [a, b] = [ordered[index], ordered[neighbour]];
	return items.map((item) => (item === a ? { ...item, position: b.position } : item === b ? { ...item, position: a.position } : item));
}

/** Moves an area or a competence one place up or down among its siblings; at the edge nothing changes. */
export function move(document: FrameworkDocument, code: string, direction: 'up' | 'down'): FrameworkDocument {
	if (findArea(document, code)) return { ...document, areas: swapWithNeighbour(document.areas, code, direction) ?? document.areas };
	const found = findCompetence(document, code);
	if (!found) return document;
	const competences = swapWithNeighbour(found.area.competences, code, direction);
	if (!competences) return document;
	return { ...document, areas: document.areas.map((area) => (area === found.area ? { ...area, competences } : area)) };
}

/** Archived items stay in the version (studies may refer to them) but are no longer offered. */
export function setArchived(document: FrameworkDocument, code: string, archived: boolean): FrameworkDocument {
	return {
		...document,
		areas: document.areas.map((area) => ({
			...area,
			archived: sameCode(area.code, code) ? archived : area.archived,
			competences: area.competences.map((c) => (sameCode(c.code, code) ? { ...c, archived } : c))
		}))
	};
}

export function emptyFramework(meta: Pick<FrameworkMeta, 'code' | 'name_de' | 'name_en'>): FrameworkDocument {
	return {
		meta: { ...meta, description_de: '', description_en: '', source_de: '', source_en: '', languages: meta.name_en ? ['de', 'en'] : ['de'] },
		areas: []
	};
}

export function activeCompetenceCount(document: FrameworkDocument): number {
	return document.areas.filter((a) => !a.archived).reduce((sum, area) => sum + area.competences.filter((c) => !c.archived).length, 0);
}
