import { can } from '../auth/actor';
import type { TenantContext } from '../tenant';
import { MAX_BATCH } from '../../schemas/studies';
import { studyFacts } from './api-representation';
import { listBatches } from './list-batches';
import { getProgressByGroup } from './get-progress-by-group';
import { frameworkDocumentOf, getStudy } from './get-study';

const CONFIRMABLE = ['open', 'closed', 'published', 'round'] as const;
export type ConfirmableStep = (typeof CONFIRMABLE)[number];

/**
 * A study's page for its organisation: settings, progress per group and — for those who may
 * manage it — the link batches. `confirm`/`handOut` name a step awaiting confirmation (from the URL).
 */
export async function studyOverview(ctx: TenantContext, studyId: string, asked: { confirm: string | null; handOut: string | null }) {
	const study = await getStudy(ctx, studyId);
	const mayManage = can(ctx.actor, 'org.manage');
	const document = await frameworkDocumentOf(ctx, study);
	const batches = mayManage ? await listBatches(ctx, study.id) : [];
	return {
		study: {
			...studyFacts(study),
			frameworkName_de: document.meta.name_de,
			frameworkName_en: document.meta.name_en,
			competenceCount: study.competences.length,
			measureProficiency: study.measureProficiency
		},
		progress: await getProgressByGroup(ctx, study.id),
		batches: batches.map((b) => ({
			id: b.id,
			group: b.groupKey,
			groupLabel: study.groups.find((g) => g.key === b.groupKey)?.label ?? b.groupKey,
			count: b.count,
			kind: b.kind,
			createdAt: b.createdAt,
			handedOutAt: b.handedOutAt,
			linksAvailable: b.linksAvailable
		})),
		mayManage,
		maxBatch: MAX_BATCH,
		confirm: mayManage && (CONFIRMABLE as readonly string[]).includes(asked.confirm ?? '') ? (asked.confirm as ConfirmableStep) : null,
		confirmHandOut: mayManage && asked.handOut && batches.some((b) => b.id === asked.handOut && b.linksAvailable) ? asked.handOut : null
	};
}
