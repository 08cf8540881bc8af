import { fromBerlin } from '../../format/berlin-time';
import { MAX_REGISTRATION_QUESTIONS } from '../../domain/catalogue/registration-questions';
import { COMPETENCE_LEVELS, germanFallback, MAX_FACILITATORS, MAX_PARTS } from '../../schemas/catalogue';
import type { z } from 'zod';
import { toErrorDetails } from '../errors';
import { echoForm, type FormReader, type FormReading } from '../http/forms';

/*
 * The catalogue's forms are turned into the API's JSON shape, so one schema validates both.
 * Each reader is a FormReader for the route adapter: errors come back with the form's field
 * names (`fieldFor`), and everything typed goes back into the form (`echoForm`).
 */

export const FACILITATOR_ROWS_EXTRA = 2;
export const PART_ROWS = 4;

const str = (form: FormData, name: string) => {
	const value = form.get(name);
	return typeof value === 'string' ? value : '';
};

/** "6", "3,5", "3.5" → minutes; null for empty; NaN for anything else. */
function hoursToMinutes(text: string): number | null {
	const trimmed = text.trim();
	if (!trimmed) return null;
	if (!/^\d{1,4}([.,]\d{1,2})?$/.test(trimmed)) return Number.NaN;
	return Math.round(Number(trimmed.replace(',', '.')) * 60);
}

/** "45", "45,50", "1.200,00" → cents; 0 for empty; NaN for anything else. */
function eurosToCents(text: string): number {
	const trimmed = text.trim().replace(/\s*€$/, '');
	if (!trimmed) return 0;
	if (!/^\d{1,3}(\.?\d{3})*(,\d{1,2})?$|^\d+([.,]\d{1,2})?$/.test(trimmed)) return Number.NaN;
	const normalised = /,\d{1,2}$/.test(trimmed) || /^\d{1,3}(\.\d{3})+$/.test(trimmed) ? trimmed.replace(/\./g, '').replace(',', '.') : trimmed;
	return Math.round(Number(normalised) * 100);
}

export function readModuleForm(form: FormData): FormReading<Record<string, unknown>> {
	const errors: Record<string, string> = {};
	const duration = hoursToMinutes(str(form, 'duration'));
	if (Number.isNaN(duration)) errors.duration = 'Bitte geben Sie die Dauer in Stunden als Zahl an, z. B. 6 oder 3,5.';
	const price = eurosToCents(str(form, 'price'));
	if (Number.isNaN(price)) errors.price = 'Bitte geben Sie den Preis in Euro an, z. B. 45 oder 45,50.';
	const retention = str(form, 'retentionMonths').trim();
	if (retention && !/^\d{1,3}$/.test(retention)) errors.retentionMonths = 'Bitte geben Sie ganze Monate an, z. B. 12.';

	const competences: { code: string; level: string }[] = [];
	for (const [key, value] of form) {
		if (!key.startsWith('level:') || typeof value !== 'string' || value === '') continue;
		if (!(COMPETENCE_LEVELS as readonly string[]).includes(value)) errors.competences = 'Bitte wählen Sie für jede Kompetenz eine gültige Stufe.';
		competences.push({ code: key.slice('level:'.length), level: value });
	}

	const facilitatorRows: number[] = [];
	const facilitators: Record<string, string>[] = [];
	for (let row = 0; row < MAX_FACILITATORS + FACILITATOR_ROWS_EXTRA; row++) {
		const fields = { name: str(form, `f${row}_name`), organisation: str(form, `f${row}_organisation`), sector: str(form, `f${row}_sector`), bio: str(form, `f${row}_bio`) };
		if (!fields.name.trim() && !fields.organisation.trim() && !fields.bio.trim()) continue;
		facilitatorRows.push(row);
		facilitators.push(fields);
	}

	// Own registration questions: rows rq0…, a row without text and choices is left out.
	const questionRows: number[] = [];
	const registrationQuestions: Record<string, unknown>[] = [];
	for (let row = 0; row < MAX_REGISTRATION_QUESTIONS; row++) {
		const label = str(form, `rq${row}_label`);
		const options = str(form, `rq${row}_options`)
			.split(/\r?\n/)
			.map((line) => line.trim())
			.filter(Boolean);
		if (!label.trim() && !options.length) continue;
		const kind = str(form, `rq${row}_kind`) || 'text';
		questionRows.push(row);
		registrationQuestions.push({
			...(str(form, `rq${row}_id`) ? { id: str(form, `rq${row}_id`) } : {}),
			label,
			kind,
			required: str(form, `rq${row}_required`) === 'yes',
			options: kind === 'choice' ? options : []
		});
	}

	const input = {
		title: str(form, 'title'),
		subtitle: str(form, 'subtitle'),
		description: str(form, 'description'),
		learningGoals: str(form, 'learningGoals')
			.split(/\r?\n/)
			.map((line) => line.replace(/^[-•]\s*/, '').trim())
			.filter(Boolean),
		format: str(form, 'format'),
		durationMinutes: Number.isNaN(duration) ? null : duration,
		language: str(form, 'language') || 'de',
		targetGroups: form.getAll('targetGroups').filter((v): v is string => typeof v === 'string'),
		...(str(form, 'frameworkId') ? { frameworkId: str(form, 'frameworkId') } : {}),
		competences,
		facilitators,
		priceCents: Number.isNaN(price) ? 0 : price,
		retentionMonths: retention && /^\d{1,3}$/.test(retention) ? Number(retention) : null,
		registrationQuestions,
		notifyOnRegistration: str(form, 'notifyOnRegistration') === 'yes'
	};
	const fieldFor = (path: string) => {
		const question = /^registrationQuestions\[(\d+)\]\.(\w+)/.exec(path);
		if (question) return `rq${questionRows[Number(question[1])] ?? 0}_${question[2] === 'options' || question[2] === 'kind' ? question[2] : 'label'}`;
		if (path.startsWith('registrationQuestions')) return 'registrationQuestions';
		const facilitator = /^facilitators\[(\d+)\]\.(\w+)/.exec(path);
		if (facilitator) return `f${facilitatorRows[Number(facilitator[1])] ?? 0}_${facilitator[2]}`;
		if (path.startsWith('facilitators')) return 'facilitators';
		if (path.startsWith('competences')) return 'competences';
		if (path.startsWith('learningGoals')) return 'learningGoals';
		if (path.startsWith('targetGroups')) return 'targetGroups';
		return { durationMinutes: 'duration', priceCents: 'price' }[path] ?? path;
	};
	return { input, errors, values: echoForm(form), fieldFor };
}

export function readSessionForm(form: FormData): FormReading<Record<string, unknown>> {
	const errors: Record<string, string> = {};
	const parts: { start: string; end: string }[] = [];
	const partRows: number[] = [];
	for (let row = 0; row < MAX_PARTS; row++) {
		const date = str(form, `p${row}_date`).trim();
		const from = str(form, `p${row}_from`).trim();
		const to = str(form, `p${row}_to`).trim();
		if (!date && !from && !to) continue;
		if (!date) {
			errors[`p${row}_date`] = 'Bitte geben Sie das Datum an.';
			continue;
		}
		const start = fromBerlin(date, from || 'x');
		const endDate = str(form, `p${row}_endDate`).trim() || date;
		const end = fromBerlin(endDate, to || 'x');
		if (!from || !start) errors[`p${row}_from`] = 'Bitte geben Sie die Uhrzeit des Beginns an, z. B. 09:00.';
		if (!to || !end) errors[`p${row}_to`] = 'Bitte geben Sie die Uhrzeit des Endes an, z. B. 16:00.';
		if (start && end) {
			if (end <= start) errors[`p${row}_to`] = 'Das Ende muss nach dem Beginn liegen.';
			partRows.push(row);
			parts.push({ start: start.toISOString(), end: end.toISOString() });
		}
	}
	if (!parts.length && !Object.keys(errors).length) errors.p0_date = 'Bitte geben Sie mindestens einen Tag mit Datum und Uhrzeit an.';
	const capacityText = str(form, 'capacity').trim();
	if (!/^\d{1,5}$/.test(capacityText)) errors.capacity = 'Bitte geben Sie die Zahl der Plätze als ganze Zahl an, z. B. 20.';
	const deadlineText = str(form, 'deadline').trim();
	const deadline = deadlineText ? fromBerlin(deadlineText, '23:59') : null;
	if (deadlineText && !deadline) errors.deadline = 'Bitte geben Sie den Anmeldeschluss als Datum an.';
	const input = {
		parts,
		location: str(form, 'location'),
		onlineUrl: str(form, 'onlineUrl'),
		capacity: /^\d{1,5}$/.test(capacityText) ? Number(capacityText) : 0,
		registrationDeadline: deadline ? new Date(deadline.getTime() + 59_999).toISOString() : null,
		note: str(form, 'note')
	};
	const fieldFor = (path: string) => {
		const part = /^parts\[(\d+)\]\.(start|end)/.exec(path);
		if (part) return `p${partRows[Number(part[1])] ?? 0}_${part[2] === 'start' ? 'from' : 'to'}`;
		if (path.startsWith('parts')) return 'p0_date';
		return { registrationDeadline: 'deadline' }[path] ?? path;
	};
	return { input, errors, values: echoForm(form), fieldFor };
}

export interface RegistrationForm {
	person: { name: string; email: string; organisation: string; group: string; accessibilityNeeds: string; answers: Record<string, string> };
	/** The public form's consent box (organisers registering someone have no such box). */
	consent: boolean;
}

export function readRegistrationForm(form: FormData): FormReading<RegistrationForm> {
	return {
		input: {
			person: {
				name: str(form, 'name'),
				email: str(form, 'email'),
				organisation: str(form, 'organisation'),
				group: str(form, 'group'),
				accessibilityNeeds: str(form, 'accessibilityNeeds'),
				answers: Object.fromEntries([...form.keys()].filter((key) => key.startsWith('answer_')).map((key) => [key.slice('answer_'.length), str(form, key)]))
			},
			consent: str(form, 'consent') === 'yes'
		},
		errors: {},
		values: echoForm(form),
		// A problem with the answer to question q… shows at its field answer_q….
		fieldFor: (path) => path.replace(/^answers\.(\w+)$/, 'answer_$1')
	};
}

/** The attendance list: every listed registration, ticked present or not. */
export function readAttendanceForm(form: FormData): FormReading<Record<string, boolean>> {
	const strings = (name: string) => form.getAll(name).filter((value): value is string => typeof value === 'string');
	const present = new Set(strings('present'));
	return { input: Object.fromEntries(strings('listed').map((id) => [id, present.has(id)])), errors: {}, values: echoForm(form), fieldFor: (path) => path };
}

export interface PhotoForm {
	facilitatorId: string;
	/** The new photo's bytes, or null to remove the photo. */
	photo: Uint8Array | null;
}

/** A facilitator's photo: an uploaded file, or the remove button. */
export const readPhotoForm: FormReader<PhotoForm> = async (form) => {
	const file = form.get('photo');
	const remove = form.get('remove') === 'yes';
	const chosen = file instanceof File && file.size > 0;
	const errors: Record<string, string> = remove || chosen ? {} : { photo: 'Bitte wählen Sie ein Foto aus.' };
	return {
		input: { facilitatorId: str(form, 'facilitatorId'), photo: !remove && chosen ? new Uint8Array(await file.arrayBuffer()) : null },
		errors,
		values: echoForm(form),
		fieldFor: (path) => path
	};
};

/**
 * Problems the form reader found (a number that is no number) are reported together with what
 * the schema finds, so the person sees every problem at once; nothing is written.
 */
export function withSchemaProblems<I>(reading: FormReading<I>, schema: z.ZodType): FormReading<I> {
	if (!Object.keys(reading.errors).length) return reading;
	const result = schema.safeParse(reading.input, { error: germanFallback });
	if (result.success) return reading;
	const errors = { ...reading.errors };
	for (const detail of toErrorDetails(result.error.issues)) errors[reading.fieldFor(detail.path ?? 'form')] ??= detail.message;
	return { ...reading, errors };
}
