import { randomUUID } from 'node:crypto';
import { error, fail, redirect } from '@sveltejs/kit';
import { getDatabase } from '$lib/server/db/client';
import { AppError } from '$lib/server/errors';
import { submitAnswers } from '$lib/server/studies/participate';
import { participationOrError } from '$lib/server/studies/participation-http';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const participation = await participationOrError(event);
	const { study, pages, draft } = participation;
	const total = pages.reduce((n, page) => n + page.competences.reduce((m, c) => m + c.items.length, 0), 0);
	return {
		title: study.title,
		pages,
		horizons: study.horizons,
		answers: draft.answers,
		answered: Object.keys(draft.answers).length,
		total,
		openQuestions: study.openQuestions,
		open: draft.open,
		// Created at render: a double click or a retry sends the same key and is counted once.
		idempotencyKey: randomUUID()
	};
};

export const actions: Actions = {
	default: async (event) => {
		const participation = await participationOrError(event, { forSubmission: true });
		const form = await event.request.formData().catch(() => new FormData());
		const key = String(form.get('idempotencyKey') ?? '');
		const open = Object.fromEntries(participation.study.openQuestions.map((q) => [q.key, String(form.get(`open:${q.key}`) ?? '').slice(0, 2000)]));
		const answers = Object.entries(participation.draft.answers).map(([itemKey, value]) => {
			const [competence, measure, horizon] = itemKey.split('|');
			return { competence, measure, horizon: horizon || null, value };
		});
		let receipt;
		try {
			receipt = await submitAnswers(getDatabase(), participation, key, { answers, open, reasons: participation.draft.reasons });
		} catch (cause) {
			if (cause instanceof AppError && (cause.code === 'gone' || cause.code === 'not_found')) error(cause.status, cause.message);
			if (cause instanceof AppError) return fail(cause.status, { message: cause.message, open });
			throw cause;
		}
		redirect(303, `/t/danke?beleg=${encodeURIComponent(receipt.receipt)}`);
	}
};
