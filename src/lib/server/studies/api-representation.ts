import { z } from 'zod';
import { AppError, toErrorDetails } from '../errors';
import { MAX_BATCH } from '../../schemas/studies';
import type { TenantContext } from '../tenant';
import { getProgressByGroup } from './get-progress-by-group';
import { getStudy } from './get-study';
import type { listStudies } from './list-studies';

type StudyDetail = Awaited<ReturnType<typeof getStudy>>;

export interface GroupProgress {
	key: string;
	label: string;
	invited: number;
	started: number;
	finished: number;
}

/** The measures a study asks for: importance per horizon, and proficiency (today only, horizon null). */
export function studyMeasures(study: Pick<StudyDetail, 'horizons' | 'measureProficiency'>) {
	return [
		...study.horizons.map((h) => ({ measure: 'importance' as const, horizon: h.key as string | null })),
		...(study.measureProficiency ? [{ measure: 'proficiency' as const, horizon: null }] : [])
	];
}

/** What the API document and the organiser's study page both show of a study, named alike. */
export function studyFacts(study: StudyDetail) {
	return {
		id: study.id,
		title: study.title,
		introduction: study.introduction,
		status: study.status,
		round: study.currentRound,
		rounds: study.rounds,
		frameworkId: study.frameworkId,
		frameworkVersion: study.frameworkVersionNumber,
		groups: study.groups.map((g) => ({ key: g.key, label: g.label })),
		horizons: study.horizons.map((h) => ({ key: h.key, label: h.label, years: h.years })),
		minGroupSize: study.minGroupSize,
		quantileType: study.quantileType,
		consensus: { maxIqr: study.consensus.maxIqr, minAgreement: study.consensus.minAgreement },
		openQuestions: study.openQuestions.map((q) => ({ key: q.key, label: q.label })),
		lateJoinersAllowed: study.lateJoinersAllowed,
		opensOn: study.opensOn,
		closesOn: study.closesOn,
		reminderDays: study.reminderDays,
		reasonMode: study.reasonMode,
		openLinkActive: study.openLinkHash !== null
	};
}

/** GET /api/v1/studies/{id}: camelCase, English enum values, ISO dates. */
export function studyJson(study: StudyDetail, progress: readonly GroupProgress[]) {
	return {
		...studyFacts(study),
		competences: study.competences,
		measures: studyMeasures(study),
		createdAt: study.createdAt.toISOString(),
		progress: progress.map((p) => ({ group: p.key, invited: p.invited, started: p.started, finished: p.finished }))
	};
}

/** A study with its progress, as GET /api/v1/studies/{id} and the status and round endpoints answer. */
export async function studyDocument(ctx: TenantContext, studyId: string) {
	const study = await getStudy(ctx, studyId);
	return studyJson(study, await getProgressByGroup(ctx, study.id));
}

/** One line of GET /api/v1/studies. */
export function studySummaryJson(s: Awaited<ReturnType<typeof listStudies>>[number]) {
	return { id: s.id, title: s.title, status: s.status, round: s.currentRound, rounds: s.rounds, finished: s.finishedThisRound, createdAt: s.createdAt.toISOString() };
}

const measuresSchema = z
	.array(z.enum(['importance', 'proficiency'], { message: 'Erlaubt sind „importance“ und „proficiency“.' }), { message: 'Die Messgrößen müssen eine Liste sein, z. B. ["importance", "proficiency"].' })
	.refine((list) => list.includes('importance'), 'Die Wichtigkeit („importance“) wird immer erfragt.');

/**
 * The body of POST /api/v1/studies as the settings schema reads it. The API may name the measures
 * (`"measures": ["importance", "proficiency"]`) instead of `measureProficiency`.
 */
export function settingsFromApiBody(body: unknown): unknown {
	if (typeof body !== 'object' || body === null || Array.isArray(body)) {
		throw new AppError('validation_failed', 'Der Inhalt muss ein JSON-Objekt sein, z. B. {"title": "…", "frameworkId": "…"}.', [{ path: '', message: 'Ein JSON-Objekt wird erwartet.' }]);
	}
	const { measures, ...rest } = body as Record<string, unknown>;
	if (measures === undefined) return rest;
	const parsed = measuresSchema.safeParse(measures);
	if (!parsed.success) throw new AppError('validation_failed', 'Die Angaben zur Analyse sind unvollständig oder ungültig.', toErrorDetails(parsed.error.issues.map((issue) => ({ path: ['measures', ...issue.path], message: issue.message }))));
	return { ...rest, measureProficiency: parsed.data.includes('proficiency') };
}

export const statusBodySchema = z.object({
	status: z.enum(['open', 'closed', 'published'], { message: 'Erlaubt sind „open“, „closed“ und „published“. Die nächste Runde startet POST /api/v1/studies/{id}/rounds.' })
});

export const invitationBodySchema = z.object({
	group: z.string({ message: 'Bitte nennen Sie den Schlüssel einer Gruppe der Analyse, z. B. „verwaltung“.' }).min(1, 'Bitte nennen Sie den Schlüssel einer Gruppe der Analyse, z. B. „verwaltung“.').max(40, 'Gruppenschlüssel haben höchstens 40 Zeichen.'),
	count: z
		.number({ message: `Die Anzahl muss eine ganze Zahl von 1 bis ${MAX_BATCH} sein.` })
		.int(`Die Anzahl muss eine ganze Zahl von 1 bis ${MAX_BATCH} sein.`)
		.min(1, `Die Anzahl muss eine ganze Zahl von 1 bis ${MAX_BATCH} sein.`)
		.max(MAX_BATCH, `Höchstens ${MAX_BATCH} Links auf einmal.`)
});
