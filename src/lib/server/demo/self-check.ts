import type { QuestionnaireItem } from '../../domain/study/questionnaire';
import type { Db } from '../db/client';
import { ensureConditionsCatalogue } from '../frameworks/default-framework';
import { changeStudyStatus } from '../studies/change-study-status';
import { createStudy } from '../studies/create-study';
import { answerDemoStudy, seeded } from '../studies/demo';
import { SELF_CHECK_GROUPS } from '../studies/settings';
import type { TenantContext } from '../tenant';

/*
 * Last year's Rahmenbedingungen self-check of the demo city (issue 16), closed, on the shipped
 * conditions catalogue: the administration rates what exists clearly better than the city makers
 * do — most of all the contact point (R1.1, about 4 against about 2), the answer time (R1.2) and
 * interim use (R3.1) — so the results show where the sides see their city differently. Kultur
 * stays below the minimum group size on purpose. Answers come from the demo's seeded generator.
 */

export const SELF_CHECK_TITLE = 'Rahmenbedingungen-Selbstcheck Altenburg 2025';

const PARTICIPANTS: Record<string, number> = { verwaltung: 14, zivilgesellschaft: 11, politik: 6, wirtschaft: 5, kultur: 3 };

/** How much higher than its usual tendency a group rates how things are today, per condition (default: the group's `other`). */
const TODAY: Record<string, { other: number; conditions: Record<string, number> }> = {
	verwaltung: { other: 0.3, conditions: { 'R1.1': 1.0, 'R1.2': 0.9, 'R3.1': 0.8, 'R5.2': 0.7 } },
	zivilgesellschaft: { other: 0.2, conditions: { 'R1.1': 0.3, 'R1.2': -0.2, 'R3.1': 0, 'R5.2': -0.2, 'R6.1': 0.9 } },
	politik: { other: 0.2, conditions: { 'R4.2': 1.0 } },
	wirtschaft: { other: 0, conditions: {} },
	kultur: { other: 0, conditions: {} }
};

export async function loadSelfCheckDemo(db: Db, ctx: TenantContext, baseUrl: string): Promise<{ selfCheckStudyId: string }> {
	const { id } = await createStudy(ctx, {
		title: SELF_CHECK_TITLE,
		introduction:
			'Was hilft Verwaltung und Stadtmacher*innen, gut zusammenzuarbeiten – und was gibt es bei uns schon? Bitte schätzen Sie ein, wie es bei uns heute ist und wie wichtig es Ihnen ist.',
		frameworkId: await ensureConditionsCatalogue(db),
		groups: SELF_CHECK_GROUPS
	});
	await changeStudyStatus(ctx, id, 'open');
	const random = seeded(2025);
	// One group after another, so each side's view of today can be set per condition.
	for (const [group, count] of Object.entries(PARTICIPANTS)) {
		const today = TODAY[group];
		const lift = (item: QuestionnaireItem) => (item.measure === 'proficiency' ? (today.conditions[item.competence] ?? today.other) : 0.4);
		await answerDemoStudy(db, ctx, id, baseUrl, { participants: { [group]: count }, random, lift });
	}
	await changeStudyStatus(ctx, id, 'closed');
	return { selfCheckStudyId: id };
}
