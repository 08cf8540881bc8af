import { error, fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { valuesFromSettings } from '$lib/components/studies/study-form';
import { AppError } from '$lib/server/errors';
import { formFailure, parseForm } from '$lib/server/http/forms';
import { requireTenant } from '$lib/server/http/guard';
import { getStudy, updateStudy } from '$lib/server/studies/manage-study';
import type { TenantContext } from '$lib/server/tenant';
import { frameworkChoice, submitStudyForm } from '../../study-form.server';
import type { Actions, PageServerLoad } from './$types';

async function studyOrError(ctx: TenantContext, id: string) {
	try {
		return await getStudy(ctx, id);
	} catch (cause) {
		if (cause instanceof AppError) error(cause.status, cause.message);
		throw cause;
	}
}

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const ctx = requireTenant(locals, 'org.manage');
	const study = await studyOrError(ctx, params.id);
	const summary = {
		id: study.id,
		title: study.title,
		introduction: study.introduction,
		status: study.status,
		groups: study.groups,
		horizons: study.horizons,
		openQuestions: study.openQuestions,
		opensOn: study.opensOn,
		closesOn: study.closesOn
	};
	if (study.status !== 'draft') return { study: summary, editable: 'texts' as const };
	const choice = await frameworkChoice(ctx, url.searchParams.get('rahmen'), study.frameworkId);
	const sameFramework = choice.framework.id === study.frameworkId;
	const initial = valuesFromSettings({
		...study,
		frameworkId: choice.framework.id,
		competences: sameFramework ? study.competences : choice.framework.areas.flatMap((a) => a.competences.map((c) => c.code))
	});
	return { study: summary, editable: 'settings' as const, ...choice, initial };
};

const isoDate = z
	.string()
	.trim()
	.transform((value) => {
		const german = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(value);
		return german ? `${german[3]}-${german[2].padStart(2, '0')}-${german[1].padStart(2, '0')}` : value;
	})
	.refine((value) => value === '' || /^\d{4}-\d{2}-\d{2}$/.test(value), 'Bitte ein Datum wie 18.03.2027 angeben.');

const textsSchema = z
	.object({
		title: z.string().trim().min(3, 'Der Titel muss mindestens 3 Zeichen lang sein.').max(200, 'Der Titel darf höchstens 200 Zeichen lang sein.'),
		introduction: z.string().trim().max(4000, 'Die Einleitung darf höchstens 4.000 Zeichen lang sein.').default(''),
		closesOn: isoDate.default('')
	})
	.catchall(z.string());

export const actions: Actions = {
	settings: async ({ locals, params, request }) => {
		const ctx = requireTenant(locals, 'org.manage');
		const submitted = await submitStudyForm(ctx, request, (settings) => updateStudy(ctx, params.id, { settings }));
		if (!submitted.ok) return submitted.failure;
		redirect(303, `/app/analysen/${params.id}?hinweis=saved`);
	},
	texts: async ({ locals, params, request }) => {
		const ctx = requireTenant(locals, 'org.manage');
		const study = await studyOrError(ctx, params.id);
		const parsed = await parseForm(request, textsSchema);
		if (!parsed.ok) return parsed.failure;
		const { title, introduction, closesOn, ...rest } = parsed.data;
		const errors: Record<string, string> = {};
		const labels = (prefix: string, items: { key: string }[], max: number) =>
			Object.fromEntries(
				items.map((item) => {
					const field = `${prefix}_${item.key}`;
					const value = String(rest[field] ?? '').trim();
					if (!value) errors[field] = 'Die Bezeichnung fehlt.';
					else if (value.length > max) errors[field] = `Höchstens ${max} Zeichen.`;
					return [item.key, value];
				})
			);
		const groupLabels = labels('groupLabel', study.groups, 120);
		const horizonLabels = labels('horizonLabel', study.horizons, 120);
		const openQuestionLabels = labels('questionLabel', study.openQuestions, 300);
		if (closesOn && study.opensOn && closesOn < study.opensOn) errors.closesOn = 'Das Ende darf nicht vor dem Beginn liegen.';
		if (Object.keys(errors).length) {
			return fail(422, { errors, values: Object.fromEntries([...parsed.form].filter(([, v]) => typeof v === 'string').map(([k, v]) => [k, String(v).slice(0, 5000)])) });
		}
		try {
			await updateStudy(ctx, params.id, { texts: { title, introduction, groupLabels, horizonLabels, openQuestionLabels, closesOn: closesOn || null } });
		} catch (cause) {
			return formFailure(cause, parsed.form);
		}
		redirect(303, `/app/analysen/${params.id}?hinweis=saved`);
	}
};
