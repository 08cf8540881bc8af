import { fail, type ActionFailure } from '@sveltejs/kit';
import { readStudyForm, valuesFromSettings, type FormArea, type StudyFormValues } from '$lib/components/studies/study-form';
import { sortedByPosition, type FrameworkDocument } from '$lib/domain/framework/model';
import { AppError } from '$lib/server/errors';
import { getFramework, listFrameworks } from '$lib/server/frameworks/get-framework';
import type { FormFailure } from '$lib/server/http/forms';
import { DEFAULT_CONSENSUS, DEFAULT_GROUPS, DEFAULT_HORIZONS, DEFAULT_OPEN_QUESTIONS } from '$lib/server/studies/settings';
import type { TenantContext } from '$lib/server/tenant';

/** The framework's areas and competences as checkboxes (archived ones cannot be chosen). */
export function formAreas(document: FrameworkDocument): FormArea[] {
	return sortedByPosition(document.areas)
		.filter((area) => !area.archived)
		.map((area) => ({
			code: area.code,
			title_de: area.title_de,
			title_en: area.title_en,
			competences: sortedByPosition(area.competences)
				.filter((c) => !c.archived)
				.map((c) => ({ code: c.code, title_de: c.title_de, title_en: c.title_en }))
		}))
		.filter((area) => area.competences.length > 0);
}

/**
 * The frameworks to choose from and the chosen one's areas: `requested` (from ?rahmen=) if it is
 * one of them, else `fallback`, else the organisation's own newest, else the shipped one.
 */
export async function frameworkChoice(ctx: TenantContext, requested: string | null, fallback?: string) {
	const frameworks = await listFrameworks(ctx);
	if (!frameworks.length) throw new AppError('not_found', 'Es gibt keinen Kompetenzrahmen. Bitte legen Sie zuerst einen an.');
	const ids = frameworks.map((f) => f.id);
	const own = frameworks.filter((f) => !f.shipped).at(-1);
	const chosenId = [requested, fallback, own?.id, frameworks[0].id].find((id): id is string => Boolean(id && ids.includes(id)))!;
	const framework = await getFramework(ctx, chosenId);
	return {
		frameworks: frameworks.map((f) => ({ id: f.id, name_de: f.name_de, name_en: f.name_en, shipped: f.shipped, competenceCount: f.competenceCount })),
		framework: { id: framework.id, areas: formAreas(framework.document) }
	};
}

export function defaultValues(frameworkId: string, areas: readonly FormArea[]): StudyFormValues {
	return valuesFromSettings({
		title: '',
		introduction: '',
		frameworkId,
		competences: areas.flatMap((a) => a.competences.map((c) => c.code)),
		groups: DEFAULT_GROUPS,
		horizons: DEFAULT_HORIZONS,
		measureProficiency: true,
		openQuestions: DEFAULT_OPEN_QUESTIONS,
		minGroupSize: 5,
		consensus: DEFAULT_CONSENSUS,
		quantileType: 7,
		rounds: 1,
		lateJoinersAllowed: false,
		opensOn: null,
		closesOn: null
	});
}

function echo(form: FormData, competences: string[]): Record<string, string> {
	const values: Record<string, string> = {};
	for (const [key, value] of form) {
		if (typeof value !== 'string' || ['areas', 'areasBefore', 'competences'].includes(key)) continue;
		values[key] = value.slice(0, 5000);
	}
	values.competences = competences.join(' ');
	return values;
}

/**
 * Reads the settings form and hands the settings to `save` (createStudy or updateStudy). Problems —
 * the form's own and the use case's — come back per field, with everything entered kept.
 */
export async function submitStudyForm<T>(ctx: TenantContext, request: Request, save: (settings: Record<string, unknown>) => Promise<T>): Promise<{ ok: true; result: T } | { ok: false; failure: ActionFailure<FormFailure> }> {
	let form: FormData;
	try {
		form = await request.formData();
	} catch {
		return { ok: false, failure: fail(400, { errors: {}, message: 'Das Formular konnte nicht gelesen werden. Bitte laden Sie die Seite neu.', values: {} }) };
	}
	const frameworkId = form.get('frameworkId');
	let areas: FormArea[] | null = null;
	const preErrors: Record<string, string> = {};
	try {
		areas = formAreas((await getFramework(ctx, typeof frameworkId === 'string' ? frameworkId : '')).document);
	} catch (cause) {
		if (!(cause instanceof AppError)) throw cause;
		preErrors.frameworkId = 'Bitte wählen Sie einen Kompetenzrahmen Ihrer Organisation.';
	}
	const reading = readStudyForm(form, areas);
	const competences = reading.settings.competences as string[];
	const errors = { ...preErrors, ...reading.errors };
	if (Object.keys(errors).length) return { ok: false, failure: fail(422, { errors, values: echo(form, competences) }) };
	try {
		return { ok: true, result: await save(reading.settings) };
	} catch (cause) {
		if (!(cause instanceof AppError)) throw cause;
		const fieldErrors: Record<string, string> = {};
		for (const detail of cause.details) {
			const { field, message } = reading.fieldOf(detail.path ?? 'form', detail.message);
			fieldErrors[field] ??= message;
		}
		return { ok: false, failure: fail(cause.status, { errors: fieldErrors, message: cause.message, values: echo(form, competences) }) };
	}
}
