import { SEED_COMPETENCES } from '../catalogue/demo';
import { changeStudyStatus } from '../studies/change-study-status';
import { createStudy } from '../studies/create-study';
import { answerDemoStudy, seeded } from '../studies/demo';
import type { Db } from '../db/client';
import { defaultFrameworkId } from '../frameworks/default-framework';
import type { TenantContext } from '../tenant';

/*
 * The follow-up of the demo's closed study „Wissensbedarf Altenburg 2027“ on the same framework,
 * closed, so "Was hat sich verändert?" has something to show: the competences of the seed module
 * „Macht Stadt gemeinsam!“ (catalogue/demo.ts) are rated visibly better mastered, the rest as
 * before up to chance. Fewer people answer than the first time; Wissenschaft stays below k.
 */

export const FOLLOW_UP_TITLE = 'Wissensbedarf Altenburg 2029 – Folgebefragung';

const PARTICIPANTS: Record<string, number> = { verwaltung: 16, politik: 6, zivilgesellschaft: 12, kultur: 5, wirtschaft: 8, wissenschaft: 2 };

const TRAINED = new Set<string>(SEED_COMPETENCES.map((c) => c.code));

export async function loadFollowUpDemo(db: Db, ctx: TenantContext, baseUrl: string): Promise<{ followUpStudyId: string }> {
	const { id } = await createStudy(ctx, {
		title: FOLLOW_UP_TITLE,
		introduction:
			'Zwei Jahre nach der ersten Befragung und dem Modul „Macht Stadt gemeinsam!“ fragen wir noch einmal: Wie wichtig sind die Kompetenzen heute, morgen und übermorgen, und wie gut beherrscht die Verwaltung sie inzwischen?',
		frameworkId: (await defaultFrameworkId(db))!,
		openQuestions: []
	});
	await changeStudyStatus(ctx, id, 'open');
	await answerDemoStudy(db, ctx, id, baseUrl, {
		participants: PARTICIPANTS,
		random: seeded(2029),
		lift: (item) => (item.measure === 'proficiency' && TRAINED.has(item.competence) ? 1.2 : 0)
	});
	await changeStudyStatus(ctx, id, 'closed');
	return { followUpStudyId: id };
}
