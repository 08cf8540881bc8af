import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { frameworks, frameworkVersions, participationCounters, studies } from '../db/schema';
import { AppError, toErrorDetails, type ErrorDetail } from '../errors';
import { readableBy } from '../frameworks/scope';
import { frameworkDocumentOfStudy } from '../frameworks/pinned-document';
import { SUBMISSION_LOCK_CLASS } from '../db/advisory-locks';
import type { TenantContext } from '../tenant';
import { countClosedRound } from './counters';
import { studySettingsSchema, type StudySettingsInput } from './settings';

export type Study = typeof studies.$inferSelect;
export type StudyStatus = Study['status'];

const notFound = () => new AppError('not_found', 'Diese Analyse gibt es nicht.');

export function parseStudySettings(input: unknown) {
	const result = studySettingsSchema.safeParse(input);
	if (!result.success) throw new AppError('validation_failed', 'Die Angaben zur Analyse sind unvollständig oder ungültig.', toErrorDetails(result.error.issues));
	return result.data;
}

import type { Db } from '../db/client';

/** Checks the settings against the organisation's framework and pins its newest version (freezing it). */
async function studyFields(tx: Db, ctx: TenantContext, settings: ReturnType<typeof parseStudySettings>) {
	const [framework] = await tx.select({ id: frameworks.id }).from(frameworks).where(and(eq(frameworks.id, settings.frameworkId), readableBy(ctx)));
	if (!framework) throw new AppError('validation_failed', 'Diesen Kompetenzrahmen gibt es nicht.', [{ path: 'frameworkId', message: 'Bitte wählen Sie einen Kompetenzrahmen Ihrer Organisation.' }]);
	const [version] = await tx.select().from(frameworkVersions).where(eq(frameworkVersions.frameworkId, framework.id)).orderBy(desc(frameworkVersions.number)).limit(1).for('update');
	const available = version.document.areas.filter((a) => !a.archived).flatMap((a) => a.competences.filter((c) => !c.archived).map((c) => c.code));
	const chosen = settings.competences ?? available;
	const unknown = chosen.filter((code) => !available.includes(code));
	if (unknown.length) {
		throw new AppError('validation_failed', 'Einige Kompetenzen gibt es im Kompetenzrahmen nicht.', unknown.map((code) => ({ path: 'competences', message: `„${code}“ ist nicht im Rahmen (oder archiviert).` })));
	}
	if (chosen.length === 0) throw new AppError('validation_failed', 'Bitte wählen Sie mindestens eine Kompetenz.', [{ path: 'competences', message: 'Mindestens eine Kompetenz ist nötig.' }]);
	if (!version.frozenAt) await tx.update(frameworkVersions).set({ frozenAt: sql`now()` }).where(eq(frameworkVersions.id, version.id));
	return {
		title: settings.title,
		introduction: settings.introduction,
		frameworkVersionId: version.id,
		competences: available.filter((code) => chosen.includes(code)),
		horizons: settings.horizons,
		measureProficiency: settings.measureProficiency,
		openQuestions: settings.openQuestions,
		groups: settings.groups,
		minGroupSize: settings.minGroupSize,
		consensus: settings.consensus,
		quantileType: settings.quantileType,
		rounds: settings.rounds,
		lateJoinersAllowed: settings.lateJoinersAllowed,
		opensOn: settings.opensOn,
		closesOn: settings.closesOn
	};
}

/** Creates a draft study pinned to the framework's newest version; that version is frozen from now on. */
export async function createStudy(ctx: TenantContext, input: StudySettingsInput | unknown): Promise<{ id: string }> {
	const settings = parseStudySettings(input);
	return ctx.db.transaction(async (tx) => {
		const fields = await studyFields(tx, ctx, settings);
		const [study] = await tx.insert(studies).values({ ...fields, orgId: ctx.org.orgId, createdBy: ctx.actor.userId }).returning({ id: studies.id });
		return study;
	});
}

export async function getStudy(ctx: TenantContext, studyId: string): Promise<Study & { frameworkId: string; frameworkVersionNumber: number }> {
	if (!/^[0-9a-f-]{36}$/i.test(studyId)) throw notFound();
	const [row] = await ctx.db
		.select({ study: studies, frameworkId: frameworkVersions.frameworkId, frameworkVersionNumber: frameworkVersions.number })
		.from(studies)
		.innerJoin(frameworkVersions, eq(frameworkVersions.id, studies.frameworkVersionId))
		.where(and(eq(studies.id, studyId), eq(studies.orgId, ctx.org.orgId)));
	if (!row) throw notFound();
	return { ...row.study, frameworkId: row.frameworkId, frameworkVersionNumber: row.frameworkVersionNumber };
}

export async function listStudies(ctx: TenantContext) {
	const rows = await ctx.db.select().from(studies).where(eq(studies.orgId, ctx.org.orgId)).orderBy(desc(studies.createdAt));
	if (!rows.length) return [];
	const finished = await ctx.db
		.select({ studyId: participationCounters.studyId, round: participationCounters.round, finished: sql<number>`sum(${participationCounters.finished})::int` })
		.from(participationCounters)
		.where(inArray(participationCounters.studyId, rows.map((r) => r.id)))
		.groupBy(participationCounters.studyId, participationCounters.round);
	return rows.map((study) => ({
		...study,
		finishedThisRound: finished.find((f) => f.studyId === study.id && f.round === study.currentRound)?.finished ?? 0
	}));
}

export interface TextCorrections {
	title?: string;
	introduction?: string;
	groupLabels?: Record<string, string>;
	horizonLabels?: Record<string, string>;
	openQuestionLabels?: Record<string, string>;
	closesOn?: string | null;
}

const LABEL_LIMITS = { groupLabels: 120, horizonLabels: 120, openQuestionLabels: 300 } as const;

/** Every rule for corrected texts, for the form and the API alike; a label sent empty is missing. */
function textProblems(study: Study, texts: TextCorrections): ErrorDetail[] {
	const problems: ErrorDetail[] = [];
	const title = texts.title?.trim();
	if (title !== undefined && title.length < 3) problems.push({ path: 'title', message: 'Der Titel muss mindestens 3 Zeichen lang sein.' });
	if (title !== undefined && title.length > 200) problems.push({ path: 'title', message: 'Der Titel darf höchstens 200 Zeichen lang sein.' });
	if (texts.introduction !== undefined && texts.introduction.trim().length > 4000) problems.push({ path: 'introduction', message: 'Die Einleitung darf höchstens 4.000 Zeichen lang sein.' });
	const items = { groupLabels: study.groups, horizonLabels: study.horizons, openQuestionLabels: study.openQuestions };
	for (const kind of Object.keys(LABEL_LIMITS) as (keyof typeof LABEL_LIMITS)[]) {
		for (const item of items[kind]) {
			const label = texts[kind]?.[item.key];
			if (label === undefined) continue;
			if (!label.trim()) problems.push({ path: `${kind}.${item.key}`, message: 'Die Bezeichnung fehlt.' });
			else if (label.trim().length > LABEL_LIMITS[kind]) problems.push({ path: `${kind}.${item.key}`, message: `Höchstens ${LABEL_LIMITS[kind]} Zeichen.` });
		}
	}
	if (texts.closesOn && !/^\d{4}-\d{2}-\d{2}$/.test(texts.closesOn)) problems.push({ path: 'closesOn', message: 'Bitte ein Datum wie 18.03.2027 angeben.' });
	else if (texts.closesOn && study.opensOn && texts.closesOn < study.opensOn) problems.push({ path: 'closesOn', message: 'Das Ende darf nicht vor dem Beginn liegen.' });
	return problems;
}

/**
 * A draft can change everything; once opened, only texts that do not change what answers mean
 * (titles, labels, introduction) and the closing date may be corrected.
 */
export async function updateStudy(ctx: TenantContext, studyId: string, change: { settings?: unknown; texts?: TextCorrections }): Promise<void> {
	const study = await getStudy(ctx, studyId);
	if (change.settings !== undefined) {
		if (study.status !== 'draft') {
			throw new AppError('conflict', 'Die Analyse ist schon geöffnet. Jetzt lassen sich nur noch Texte korrigieren – Fragen, Gruppen und Skalen bleiben, damit alle Antworten vergleichbar sind.');
		}
		const settings = parseStudySettings(change.settings);
		await ctx.db.transaction(async (tx) => {
			const fields = await studyFields(tx, ctx, settings);
			await tx.update(studies).set(fields).where(and(eq(studies.id, studyId), eq(studies.orgId, ctx.org.orgId), eq(studies.status, 'draft')));
		});
		return;
	}
	const texts = change.texts ?? {};
	const problems = textProblems(study, texts);
	if (problems.length) throw new AppError('validation_failed', problems.length === 1 ? problems[0].message : 'Die Texte sind unvollständig oder ungültig.', problems);
	const relabel = <T extends { key: string; label: string }>(items: T[], labels?: Record<string, string>) =>
		items.map((item) => {
			const label = labels?.[item.key]?.trim();
			return label ? { ...item, label } : item;
		});
	const title = texts.title?.trim();
	await ctx.db
		.update(studies)
		.set({
			title: title ?? study.title,
			introduction: texts.introduction?.trim() ?? study.introduction,
			groups: relabel(study.groups, texts.groupLabels),
			horizons: relabel(study.horizons, texts.horizonLabels),
			openQuestions: relabel(study.openQuestions, texts.openQuestionLabels),
			closesOn: texts.closesOn === undefined ? study.closesOn : texts.closesOn
		})
		.where(and(eq(studies.id, studyId), eq(studies.orgId, ctx.org.orgId)));
}

const transitions: Record<StudyStatus, StudyStatus[]> = {
	draft: ['open'],
	open: ['closed'],
	closed: ['open', 'published'],
	published: []
};

/**
 * Entwurf → offen → geschlossen → (nächste Runde: offen …) → veröffentlicht. Reopening a closed
 * study is how the next Delphi round starts (see startNextRound); closing the last round deletes
 * what was kept under tokens (drafts, previous answers, e-mail addresses).
 */
export async function changeStudyStatus(ctx: TenantContext, studyId: string, next: StudyStatus): Promise<Study> {
	return ctx.db.transaction(async (tx) => {
		// Before the row lock: submissions hold this lock shared while their foreign keys lock the study row.
		if (next === 'closed') await waitForRunningSubmissions(tx, studyId);
		const [study] = await tx.select().from(studies).where(and(eq(studies.id, studyId), eq(studies.orgId, ctx.org.orgId))).for('update');
		if (!study) throw notFound();
		if (!transitions[study.status].includes(next) || (study.status === 'closed' && next === 'open')) {
			throw new AppError('conflict', statusConflictMessage(study.status, next));
		}
		const [updated] = await tx.update(studies).set({ status: next }).where(eq(studies.id, studyId)).returning();
		if (next === 'closed') await countClosedRound(tx, studyId, study.currentRound);
		// Publishing ends the study even when rounds were left: nothing may stay under its tokens.
		if ((next === 'closed' && study.currentRound >= study.rounds) || next === 'published') await forgetTokenData(tx, studyId);
		return updated;
	});
}

function statusConflictMessage(from: StudyStatus, to: StudyStatus): string {
	const names: Record<StudyStatus, string> = { draft: 'Entwurf', open: 'offen', closed: 'geschlossen', published: 'veröffentlicht' };
	if (from === to) return `Die Analyse ist bereits „${names[to]}“.`;
	if (from === 'closed' && to === 'open') return 'Eine geschlossene Runde lässt sich nicht wieder öffnen. Starten Sie stattdessen die nächste Runde.';
	return `Von „${names[from]}“ geht es nicht direkt zu „${names[to]}“.`;
}

/** Delphi: after a closed round, the next one opens; every link of the study is valid again for it. */
export async function startNextRound(ctx: TenantContext, studyId: string): Promise<Study> {
	return ctx.db.transaction(async (tx) => {
		const [study] = await tx.select().from(studies).where(and(eq(studies.id, studyId), eq(studies.orgId, ctx.org.orgId))).for('update');
		if (!study) throw notFound();
		if (study.status !== 'closed') throw new AppError('conflict', 'Die nächste Runde kann erst beginnen, wenn die aktuelle Runde geschlossen ist.');
		if (study.currentRound >= study.rounds) throw new AppError('conflict', `Die Analyse hat nur ${study.rounds} ${study.rounds === 1 ? 'Runde' : 'Runden'}.`);
		const [updated] = await tx.update(studies).set({ status: 'open', currentRound: study.currentRound + 1 }).where(eq(studies.id, studyId)).returning();
		return updated;
	});
}

/**
 * Closing waits for submissions already running (they hold the study's submission lock shared, see
 * submit_answers in drizzle/0005) and holds back new ones until it commits: those then find the round
 * closed. Nothing is counted into a round after it closed.
 */
async function waitForRunningSubmissions(tx: Db, studyId: string): Promise<void> {
	await tx.execute(sql`SELECT pg_advisory_xact_lock(${SUBMISSION_LOCK_CLASS}, submission_lock_key(${studyId}))`);
}

/** Everything kept under a token only for the running study goes when its last round closes. */
export async function forgetTokenData(tx: Db, studyId: string): Promise<void> {
	await tx.execute(sql`DELETE FROM encrypted_drafts WHERE study_id = ${studyId}`);
	await tx.execute(sql`DELETE FROM invitation_emails WHERE study_id = ${studyId}`);
	await tx.execute(sql`UPDATE invitation_batches SET pending_tokens = NULL WHERE study_id = ${studyId}`);
}

export function frameworkDocumentOf(ctx: TenantContext, study: Pick<Study, 'frameworkVersionId'>) {
	return frameworkDocumentOfStudy(ctx.db, study);
}

