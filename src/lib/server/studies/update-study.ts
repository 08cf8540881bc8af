import { and, eq } from 'drizzle-orm';
import { studies } from '../db/schema';
import { AppError, type ErrorDetail } from '../errors';
import type { TenantContext } from '../tenant';
import { MAX_REMINDER_DAYS } from '../../domain/study/study-dates';
import { type Study, getStudy } from './get-study';
import { REMINDER_DAYS_MESSAGE } from './settings';
import { parseStudySettings, studyFields } from './study-fields';

export interface TextCorrections {
	title?: string;
	introduction?: string;
	groupLabels?: Record<string, string>;
	horizonLabels?: Record<string, string>;
	openQuestionLabels?: Record<string, string>;
	closesOn?: string | null;
	/** Days before the closing day for the reminder (0: none); like the closing day, it does not change what answers mean. */
	reminderDays?: number;
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
	if (texts.reminderDays !== undefined && !(Number.isInteger(texts.reminderDays) && texts.reminderDays >= 0 && texts.reminderDays <= MAX_REMINDER_DAYS)) {
		problems.push({ path: 'reminderDays', message: REMINDER_DAYS_MESSAGE });
	}
	return problems;
}

/**
 * A draft can change everything; once opened, only texts that do not change what answers mean
 * (titles, labels, introduction), the closing date and the reminder's lead time may be corrected.
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
			closesOn: texts.closesOn === undefined ? study.closesOn : texts.closesOn,
			reminderDays: texts.reminderDays ?? study.reminderDays
		})
		.where(and(eq(studies.id, studyId), eq(studies.orgId, ctx.org.orgId)));
}
