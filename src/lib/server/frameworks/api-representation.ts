import type { Area, Competence, FrameworkDocument } from '../../domain/framework';
import type { FrameworkListItem, FrameworkVersionSummary } from './get-framework';

const bilingual = (item: Record<string, unknown>, field: string) => ({ de: String(item[`${field}_de`] ?? ''), en: String(item[`${field}_en`] ?? '') });

const version = (v: FrameworkVersionSummary) => ({
	number: v.number,
	status: v.status,
	frozen: v.frozen,
	createdAt: v.createdAt.toISOString(),
	publishedAt: v.publishedAt?.toISOString() ?? null
});

export function frameworkSummaryJson(item: FrameworkListItem) {
	return {
		id: item.id,
		shipped: item.shipped,
		kind: item.kind,
		name: { de: item.name_de, en: item.name_en },
		competenceCount: item.competenceCount,
		currentVersion: version(item.current)
	};
}

function competenceJson(competence: Competence) {
	return {
		code: competence.code,
		title: bilingual({ ...competence }, 'title'),
		description: bilingual({ ...competence }, 'description'),
		type: competence.type,
		tags: competence.tags,
		escoUri: competence.escoUri ?? null,
		firstSteps: competence.firstSteps_de === undefined && competence.firstSteps_en === undefined ? null : bilingual({ ...competence }, 'firstSteps'),
		source: competence.source_de === undefined && competence.source_en === undefined ? null : bilingual({ ...competence }, 'source'),
		position: competence.position,
		archived: competence.archived
	};
}

function areaJson(area: Area) {
	return {
		code: area.code,
		title: bilingual({ ...area }, 'title'),
		description: bilingual({ ...area }, 'description'),
		position: area.position,
		archived: area.archived,
		competences: [...area.competences].sort((a, b) => a.position - b.position).map(competenceJson)
	};
}

export function frameworkDetailJson(item: FrameworkListItem, document: FrameworkDocument) {
	return {
		...frameworkSummaryJson(item),
		code: document.meta.code,
		description: bilingual({ ...document.meta }, 'description'),
		source: bilingual({ ...document.meta }, 'source'),
		languages: document.meta.languages,
		areas: [...document.areas].sort((a, b) => a.position - b.position).map(areaJson)
	};
}
