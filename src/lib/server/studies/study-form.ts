import { readStudyForm, valuesFromSettings, withOpenQuestion, type FormArea, type StudyFormValues } from '../../domain/study/settings-form';
import { sortedByPosition, type FrameworkDocument, type InstrumentKind } from '../../domain/framework/model';
import { AppError } from '../errors';
import { getFramework, listFrameworks } from '../frameworks/get-framework';
import { echoForm, type FormReading } from '../http/forms';
import { DEFAULT_CONSENSUS, DEFAULT_GROUPS, DEFAULT_HORIZONS, DEFAULT_OPEN_QUESTIONS, SELF_CHECK_GROUPS, SELF_CHECK_HORIZONS, SELF_CHECK_OPEN_QUESTIONS } from './settings';
import type { TenantContext } from '../tenant';
import { getStudy } from './get-study';
import type { TextCorrections } from './update-study';
import { statementForReuse, type StatementReference } from '../werkstatt/get-statement-for-reuse';

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
		frameworks: frameworks.map((f) => ({ id: f.id, name_de: f.name_de, name_en: f.name_en, shipped: f.shipped, kind: f.kind, competenceCount: f.competenceCount, version: f.current.number, status: f.current.status })),
		framework: { id: framework.id, kind: framework.kind, areas: formAreas(framework.document) }
	};
}

/** A new study's form: every item ticked; a self-check (conditions catalogue) gets its own groups, the one horizon „heute“ and its open question. */
export function defaultValues(frameworkId: string, areas: readonly FormArea[], kind: InstrumentKind = 'competences'): StudyFormValues {
	const selfCheck = kind === 'conditions';
	return valuesFromSettings({
		title: '',
		introduction: '',
		frameworkId,
		competences: areas.flatMap((a) => a.competences.map((c) => c.code)),
		groups: selfCheck ? SELF_CHECK_GROUPS : DEFAULT_GROUPS,
		horizons: selfCheck ? SELF_CHECK_HORIZONS : DEFAULT_HORIZONS,
		measureProficiency: true,
		openQuestions: selfCheck ? SELF_CHECK_OPEN_QUESTIONS : DEFAULT_OPEN_QUESTIONS,
		minGroupSize: 5,
		consensus: DEFAULT_CONSENSUS,
		quantileType: 7,
		rounds: 1,
		lateJoinersAllowed: false,
		opensOn: null,
		closesOn: null
	});
}

/**
 * The new-study form: the chosen framework's defaults, and — when started from a Werkstatt item
 * (`reference`, a link on the board) — that question or statement as one more open question.
 */
export async function newStudyForm(ctx: TenantContext, requestedFramework: string | null, reference: StatementReference = { werkstatt: null, statement: null }) {
	const [choice, item] = await Promise.all([frameworkChoice(ctx, requestedFramework), statementForReuse(ctx, reference)]);
	const initial = defaultValues(choice.framework.id, choice.framework.areas, choice.framework.kind);
	return { ...choice, initial: item ? withOpenQuestion(initial, item.text) : initial, fromWerkstatt: item?.werkstattTitle ?? null };
}

/** A framework of the organisation, or null when the form names none of them. */
async function chosenAreas(ctx: TenantContext, frameworkId: FormDataEntryValue | null): Promise<FormArea[] | null> {
	try {
		return formAreas((await getFramework(ctx, typeof frameworkId === 'string' ? frameworkId : '')).document);
	} catch (cause) {
		if (cause instanceof AppError && cause.code === 'not_found') return null;
		throw cause;
	}
}

/**
 * The settings form read against the chosen framework's areas, for createStudy/updateStudy (which
 * validate). Problems — the form's own and the use case's — come back per field, with everything
 * entered kept (the ticked competences as one list).
 */
export async function readStudySettings(form: FormData, ctx: TenantContext): Promise<FormReading<Record<string, unknown>>> {
	const areas = await chosenAreas(ctx, form.get('frameworkId'));
	const reading = readStudyForm(form, areas);
	const values = echoForm(form, ['areas', 'areasBefore', 'competences']);
	values.competences = (reading.settings.competences as string[]).join(' ');
	return {
		input: reading.settings,
		errors: { ...(areas ? {} : { frameworkId: 'Bitte wählen Sie einen Kompetenzrahmen Ihrer Organisation.' }), ...reading.errors },
		values,
		fieldFor: (path) => reading.fieldOf(path, '').field,
		explain: (path, message) => reading.fieldOf(path, message).message
	};
}

const LABEL_FIELDS = { groupLabels: 'groupLabel', horizonLabels: 'horizonLabel', openQuestionLabels: 'questionLabel' } as const;

/** "18.03.2027" or "2027-03-18" → ISO; anything else is passed on for the use case to refuse. */
function isoDay(value: string): string {
	const german = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(value.trim());
	return german ? `${german[3]}-${german[2].padStart(2, '0')}-${german[1].padStart(2, '0')}` : value.trim();
}

/** The texts form of an opened study: title, introduction, closing day and a field per label (`groupLabel_<key>` …). */
export function readStudyTexts(form: FormData): FormReading<TextCorrections> {
	const text = (name: string) => {
		const value = form.get(name);
		return typeof value === 'string' ? value : '';
	};
	const labels = (prefix: string) =>
		Object.fromEntries([...form.keys()].filter((key) => key.startsWith(`${prefix}_`)).map((key) => [key.slice(prefix.length + 1), text(key)]));
	return {
		input: {
			title: text('title'),
			introduction: text('introduction'),
			closesOn: isoDay(text('closesOn')) || null,
			// Empty keeps the study's lead time; anything but a whole number from 0 to 30 is refused by updateStudy.
			reminderDays: text('reminderDays').trim() === '' ? undefined : Number(text('reminderDays').trim().replace(',', '.')),
			groupLabels: labels(LABEL_FIELDS.groupLabels),
			horizonLabels: labels(LABEL_FIELDS.horizonLabels),
			openQuestionLabels: labels(LABEL_FIELDS.openQuestionLabels)
		},
		errors: {},
		values: echoForm(form),
		fieldFor: (path) => {
			const [kind, key] = path.split('.');
			return kind in LABEL_FIELDS && key ? `${LABEL_FIELDS[kind as keyof typeof LABEL_FIELDS]}_${key}` : kind;
		}
	};
}

/** The edit page: a draft's whole settings form; an opened study's texts only. */
export async function studyEditing(ctx: TenantContext, studyId: string, requestedFramework: string | null, reference: StatementReference = { werkstatt: null, statement: null }) {
	const [study, item] = await Promise.all([getStudy(ctx, studyId), statementForReuse(ctx, reference)]);
	const summary = {
		id: study.id,
		title: study.title,
		introduction: study.introduction,
		status: study.status,
		groups: study.groups,
		horizons: study.horizons,
		openQuestions: study.openQuestions,
		opensOn: study.opensOn,
		closesOn: study.closesOn,
		reminderDays: study.reminderDays
	};
	if (study.status !== 'draft') {
		if (item) throw new AppError('conflict', 'Diese Analyse ist schon geöffnet: Neue offene Fragen gehen nur in einen Entwurf. Bitte wählen Sie einen Entwurf oder eine neue Analyse.');
		return { study: summary, editable: 'texts' as const, fromWerkstatt: null };
	}
	const choice = await frameworkChoice(ctx, requestedFramework, study.frameworkId);
	const sameFramework = choice.framework.id === study.frameworkId;
	const initial = valuesFromSettings({
		...study,
		frameworkId: choice.framework.id,
		competences: sameFramework ? study.competences : choice.framework.areas.flatMap((a) => a.competences.map((c) => c.code))
	});
	return { study: summary, editable: 'settings' as const, ...choice, initial: item ? withOpenQuestion(initial, item.text) : initial, fromWerkstatt: item?.werkstattTitle ?? null };
}
