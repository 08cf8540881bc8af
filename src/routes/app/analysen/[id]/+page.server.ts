import { error, fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { can } from '$lib/server/auth/actor';
import { AppError } from '$lib/server/errors';
import { formFailure, parseForm } from '$lib/server/http/forms';
import { requireTenant } from '$lib/server/http/guard';
import { publicBaseUrl } from '$lib/server/studies/invitation-sheet';
import { confirmHandedOut, createInvitationBatch, createOpenLink, disableOpenLink, inviteByEmail, listBatches, MAX_BATCH, progressByGroup, remindUnfinished } from '$lib/server/studies/invitations';
import { changeStudyStatus, frameworkDocumentOf, getStudy, startNextRound } from '$lib/server/studies/manage-study';
import type { TenantContext } from '$lib/server/tenant';
import type { Actions, PageServerLoad } from './$types';

async function studyOrError(ctx: TenantContext, id: string) {
	try {
		return await getStudy(ctx, id);
	} catch (cause) {
		if (cause instanceof AppError) error(cause.status, cause.message);
		throw cause;
	}
}

const CONFIRMABLE = ['open', 'closed', 'published', 'round'] as const;

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const ctx = requireTenant(locals, 'results.read');
	const study = await studyOrError(ctx, params.id);
	const mayManage = can(locals.actor, 'org.manage');
	const document = await frameworkDocumentOf(ctx, study);
	const batches = mayManage ? await listBatches(ctx, study.id) : [];
	const confirm = url.searchParams.get('bestaetigen');
	const handOut = url.searchParams.get('ausgabe');
	return {
		study: {
			id: study.id,
			title: study.title,
			introduction: study.introduction,
			status: study.status,
			round: study.currentRound,
			rounds: study.rounds,
			frameworkId: study.frameworkId,
			frameworkName_de: document.meta.name_de,
			frameworkName_en: document.meta.name_en,
			frameworkVersion: study.frameworkVersionNumber,
			competenceCount: study.competences.length,
			groups: study.groups,
			horizons: study.horizons,
			measureProficiency: study.measureProficiency,
			openQuestions: study.openQuestions,
			minGroupSize: study.minGroupSize,
			consensus: study.consensus,
			quantileType: study.quantileType,
			lateJoinersAllowed: study.lateJoinersAllowed,
			opensOn: study.opensOn,
			closesOn: study.closesOn,
			openLinkActive: study.openLinkHash !== null
		},
		progress: await progressByGroup(ctx, study.id),
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
		notice: url.searchParams.get('hinweis'),
		highlightedBatch: url.searchParams.get('stapel'),
		confirm: mayManage && (CONFIRMABLE as readonly string[]).includes(confirm ?? '') ? (confirm as (typeof CONFIRMABLE)[number]) : null,
		confirmHandOut: mayManage && handOut && batches.some((b) => b.id === handOut && b.linksAvailable) ? handOut : null
	};
};

/** Use-case details name `group`, `count`, `emails`; the page's fields are named per form. */
function renamed(failure: ReturnType<typeof formFailure>, names: Record<string, string>) {
	const errors: Record<string, string> = {};
	for (const [field, message] of Object.entries(failure.data.errors)) errors[names[field] ?? field] = message;
	return fail(failure.status, { ...failure.data, errors });
}

const whole = (message: string) => z.string().trim().regex(/^\d{1,6}$/, message).transform(Number);

export const actions: Actions = {
	status: async ({ locals, params, request }) => {
		const ctx = requireTenant(locals, 'org.manage');
		const parsed = await parseForm(request, z.object({ status: z.enum(['open', 'closed', 'published'], { message: 'Unbekannter Status.' }) }));
		if (!parsed.ok) return parsed.failure;
		try {
			await changeStudyStatus(ctx, params.id, parsed.data.status);
		} catch (cause) {
			return formFailure(cause);
		}
		redirect(303, `/app/analysen/${params.id}?hinweis=${parsed.data.status}#status`);
	},
	nextRound: async ({ locals, params }) => {
		const ctx = requireTenant(locals, 'org.manage');
		try {
			await startNextRound(ctx, (await studyOrError(ctx, params.id)).id);
		} catch (cause) {
			return formFailure(cause);
		}
		redirect(303, `/app/analysen/${params.id}?hinweis=round#status`);
	},
	batch: async ({ locals, params, request, url }) => {
		const ctx = requireTenant(locals, 'org.manage');
		const parsed = await parseForm(
			request,
			z.object({
				batchGroup: z.string({ message: 'Bitte wählen Sie eine Gruppe.' }).min(1, 'Bitte wählen Sie eine Gruppe.'),
				batchCount: whole(`Bitte geben Sie eine ganze Zahl von 1 bis ${MAX_BATCH} ein.`)
			})
		);
		if (!parsed.ok) return parsed.failure;
		let batchId;
		try {
			({ batchId } = await createInvitationBatch(ctx, { studyId: params.id, group: parsed.data.batchGroup, count: parsed.data.batchCount, baseUrl: publicBaseUrl(url) }));
		} catch (cause) {
			return renamed(formFailure(cause, parsed.form), { group: 'batchGroup', count: 'batchCount' });
		}
		redirect(303, `/app/analysen/${params.id}?hinweis=batch&stapel=${batchId}#stapel-${batchId}`);
	},
	handedOut: async ({ locals, params, request }) => {
		const ctx = requireTenant(locals, 'org.manage');
		const parsed = await parseForm(request, z.object({ batchId: z.uuid('Diesen Stapel gibt es nicht.') }));
		if (!parsed.ok) return parsed.failure;
		try {
			await confirmHandedOut(ctx, params.id, parsed.data.batchId);
		} catch (cause) {
			return formFailure(cause);
		}
		redirect(303, `/app/analysen/${params.id}?hinweis=handedOut&stapel=${parsed.data.batchId}#stapel-${parsed.data.batchId}`);
	},
	email: async ({ locals, params, request, url }) => {
		const ctx = requireTenant(locals, 'org.manage');
		const parsed = await parseForm(
			request,
			z.object({
				emailGroup: z.string({ message: 'Bitte wählen Sie eine Gruppe.' }).min(1, 'Bitte wählen Sie eine Gruppe.'),
				emails: z.string({ message: 'Bitte fügen Sie mindestens eine Adresse ein.' }).max(400_000, 'Das sind zu viele Adressen auf einmal.')
			})
		);
		if (!parsed.ok) return parsed.failure;
		const emails = parsed.data.emails.split(/[\s,;]+/).filter(Boolean);
		let invited;
		try {
			({ invited } = await inviteByEmail(ctx, { studyId: params.id, group: parsed.data.emailGroup, emails, baseUrl: publicBaseUrl(url) }));
		} catch (cause) {
			const failure = renamed(formFailure(cause, parsed.form), { group: 'emailGroup' });
			// Name every address that is wrong, not just the last one.
			const wrong = cause instanceof AppError ? cause.details.filter((d) => d.path === 'emails').map((d) => d.message) : [];
			if (wrong.length > 1) failure.data.errors.emails = wrong.join(' ');
			return failure;
		}
		return { emailed: invited };
	},
	remind: async ({ locals, params }) => {
		const ctx = requireTenant(locals, 'org.manage');
		try {
			return await remindUnfinished(ctx, params.id);
		} catch (cause) {
			return formFailure(cause);
		}
	},
	openLinkOn: async ({ locals, params, url }) => {
		const ctx = requireTenant(locals, 'org.manage');
		try {
			return { openLink: await createOpenLink(ctx, params.id, publicBaseUrl(url)) };
		} catch (cause) {
			return formFailure(cause);
		}
	},
	openLinkOff: async ({ locals, params }) => {
		const ctx = requireTenant(locals, 'org.manage');
		try {
			await disableOpenLink(ctx, params.id);
		} catch (cause) {
			return formFailure(cause);
		}
		redirect(303, `/app/analysen/${params.id}?hinweis=openLinkOff#offener-link`);
	}
};
