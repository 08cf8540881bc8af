import { slugify } from '../../format/slug';
import { REMINDER_DAYS_BEFORE_CLOSING } from './study-dates';

/**
 * The study settings form (new study and draft editing): its values as the form shows them, and
 * the translation of a submitted form into the settings the use cases validate. Pure, so pages and
 * server actions share it; works without JavaScript (checkbox groups, text areas, fixed rows).
 */

export const MAX_HORIZONS = 4;

export interface FormCompetence {
	code: string;
	title_de: string;
	title_en: string;
}

export interface FormArea {
	code: string;
	title_de: string;
	title_en: string;
	competences: FormCompetence[];
}

export interface HorizonRow {
	key: string;
	label: string;
	years: string;
}

export interface StudyFormValues {
	title: string;
	introduction: string;
	frameworkId: string;
	competences: string[];
	/** Always MAX_HORIZONS rows; rows without a label are not used. */
	horizons: HorizonRow[];
	/** One group per line, "key: label" (the key is optional). */
	groups: string;
	measureProficiency: boolean;
	/** One question per line, "key: question" (the key is optional). */
	openQuestions: string;
	minGroupSize: string;
	consensusMaxIqr: string;
	/** Percent, e.g. "70". */
	consensusMinAgreement: string;
	quantileType: string;
	rounds: string;
	lateJoinersAllowed: boolean;
	opensOn: string;
	closesOn: string;
	/** Days before the closing day for the reminder; "0" for none. */
	reminderDays: string;
	/** Delphi reasons: "far" (answers far from the group's median) or "every" (every question). */
	reasonMode: string;
}

interface Keyed {
	key: string;
	label: string;
}

export interface StudySettingsShape {
	title: string;
	introduction: string;
	frameworkId: string;
	competences: readonly string[];
	groups: readonly Keyed[];
	horizons: readonly (Keyed & { years: number })[];
	measureProficiency: boolean;
	openQuestions: readonly Keyed[];
	minGroupSize: number;
	consensus: { maxIqr: number; minAgreement: number };
	quantileType: number;
	rounds: number;
	lateJoinersAllowed: boolean;
	opensOn: string | null;
	closesOn: string | null;
	reminderDays?: number;
	reasonMode?: 'far' | 'every';
}

const decimal = (n: number) => String(Math.round(n * 100) / 100).replace('.', ',');

export const keyedLines = (items: readonly Keyed[]) => items.map((item) => `${item.key}: ${item.label}`).join('\n');

export function horizonRows(horizons: readonly (Keyed & { years: number })[]): HorizonRow[] {
	const rows = horizons.map((h) => ({ key: h.key, label: h.label, years: String(h.years) }));
	while (rows.length < MAX_HORIZONS) rows.push({ key: '', label: '', years: '' });
	return rows.slice(0, MAX_HORIZONS);
}

/** The form's values for existing (or default) settings. */
export function valuesFromSettings(settings: StudySettingsShape): StudyFormValues {
	return {
		title: settings.title,
		introduction: settings.introduction,
		frameworkId: settings.frameworkId,
		competences: [...settings.competences],
		horizons: horizonRows(settings.horizons),
		groups: keyedLines(settings.groups),
		measureProficiency: settings.measureProficiency,
		openQuestions: keyedLines(settings.openQuestions),
		minGroupSize: String(settings.minGroupSize),
		consensusMaxIqr: decimal(settings.consensus.maxIqr),
		consensusMinAgreement: String(Math.round(settings.consensus.minAgreement * 100)),
		quantileType: String(settings.quantileType),
		rounds: String(settings.rounds),
		lateJoinersAllowed: settings.lateJoinersAllowed,
		opensOn: settings.opensOn ?? '',
		closesOn: settings.closesOn ?? '',
		reminderDays: String(settings.reminderDays ?? REMINDER_DAYS_BEFORE_CLOSING),
		reasonMode: settings.reasonMode ?? 'far'
	};
}

/** The values a failed submission sent back (forms.ts echoes them; checkbox groups space-separated). */
export function valuesFromEcho(echo: Record<string, string>): StudyFormValues {
	const horizons: HorizonRow[] = [];
	for (let i = 0; i < MAX_HORIZONS; i += 1) {
		horizons.push({ key: echo[`horizon${i}_key`] ?? '', label: echo[`horizon${i}_label`] ?? '', years: echo[`horizon${i}_years`] ?? '' });
	}
	return {
		title: echo.title ?? '',
		introduction: echo.introduction ?? '',
		frameworkId: echo.frameworkId ?? '',
		competences: (echo.competences ?? '').split(' ').filter(Boolean),
		horizons,
		groups: echo.groups ?? '',
		measureProficiency: echo.measureProficiency !== 'nein',
		openQuestions: echo.openQuestions ?? '',
		minGroupSize: echo.minGroupSize ?? '',
		consensusMaxIqr: echo.consensusMaxIqr ?? '',
		consensusMinAgreement: echo.consensusMinAgreement ?? '',
		quantileType: echo.quantileType ?? '7',
		rounds: echo.rounds ?? '1',
		lateJoinersAllowed: echo.lateJoinersAllowed === 'ja',
		opensOn: echo.opensOn ?? '',
		closesOn: echo.closesOn ?? '',
		reminderDays: echo.reminderDays ?? String(REMINDER_DAYS_BEFORE_CLOSING),
		reasonMode: echo.reasonMode === 'every' ? 'every' : 'far'
	};
}

const KEY = /^[a-z][a-z0-9_-]{0,39}$/;

/** A key in the settings' format from a label: "Kultur- und Kreativschaffende" → "kultur-und-kreativschaffende". */
export function keyFromLabel(label: string, taken: Set<string>, fallback: string): string {
	let base = slugify(label, '', 36);
	if (!/^[a-z]/.test(base) || base === 'all') base = fallback;
	let key = base;
	for (let n = 2; taken.has(key); n += 1) key = `${base}${/\d$/.test(base) ? '-' : ''}${n}`;
	taken.add(key);
	return key;
}

interface ParsedLines {
	items: Keyed[];
	/** Line number (1-based) of each item, for messages. */
	lines: number[];
}

/**
 * "key: label" per line; a line that does not start with a valid key is all label, and its key is
 * derived. Blank lines are skipped. Explicit keys are reserved first so derived ones avoid them.
 */
export function parseKeyedLines(text: string, fallback: (index: number) => string, derive: 'label' | 'fallback'): ParsedLines {
	const raw = text
		.split(/\r?\n/)
		.map((line, index) => ({ line: index + 1, text: line.trim() }))
		.filter((entry) => entry.text !== '')
		.map((entry) => {
			const match = /^([a-z][a-z0-9_-]{0,39})\s*:\s*(.*)$/.exec(entry.text);
			return match ? { line: entry.line, key: match[1], label: match[2].trim() } : { line: entry.line, key: null, label: entry.text };
		});
	const taken = new Set(raw.flatMap((item) => (item.key ? [item.key] : [])));
	const items = raw.map((item, index) => ({
		key: item.key ?? keyFromLabel(derive === 'label' ? item.label : '', taken, fallback(index)),
		label: item.label
	}));
	return { items, lines: raw.map((item) => item.line) };
}

/**
 * The form's values with one more open question (e.g. a statement from a Werkstatt), under a key none
 * of the other questions has, so a colon in the text is never read as a key.
 */
export function withOpenQuestion(values: StudyFormValues, question: string): StudyFormValues {
	const taken = new Set(parseKeyedLines(values.openQuestions, (i) => `frage${i + 1}`, 'fallback').items.map((q) => q.key));
	let key = 'werkstatt';
	for (let n = 2; taken.has(key); n += 1) key = `werkstatt${n}`;
	const line = `${key}: ${question.replace(/\s+/g, ' ').trim()}`;
	return { ...values, openQuestions: values.openQuestions.trim() ? `${values.openQuestions.trimEnd()}\n${line}` : line };
}

function isoDate(value: string): string | null {
	const text = value.trim();
	if (!text) return null;
	const german = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(text);
	return german ? `${german[3]}-${german[2].padStart(2, '0')}-${german[1].padStart(2, '0')}` : text;
}

const number = (value: string) => (value.trim() === '' ? Number.NaN : Number(value.trim().replace(',', '.')));

/**
 * Which competences were chosen. Each area has a "whole area" box; the form also sends which area
 * boxes were ticked when it was shown (`areasBefore`), so without JavaScript, too, ticking an
 * area box means the whole area, unticking it means none, and otherwise the single boxes count.
 */
export function chosenCompetences(areas: readonly FormArea[], ticked: { areas: readonly string[]; areasBefore: readonly string[]; competences: readonly string[] }): string[] {
	const single = new Set(ticked.competences);
	return areas.flatMap((area) => {
		const now = ticked.areas.includes(area.code);
		const before = ticked.areasBefore.includes(area.code);
		const codes = area.competences.map((c) => c.code);
		if (now && !before) return codes;
		if (!now && before) return [];
		return codes.filter((code) => single.has(code));
	});
}

export interface FormReading {
	/** What goes to createStudy/updateStudy (validated there). */
	settings: Record<string, unknown>;
	/** Problems found while reading the form, by field name. */
	errors: Record<string, string>;
	/** Maps a settings path ("groups[2].key", "horizons[0].label") to the form field showing it, with a line prefix. */
	fieldOf(path: string, message: string): { field: string; message: string };
}

type FormFields = { get(name: string): unknown; getAll(name: string): unknown[] };

const text = (form: FormFields, name: string) => {
	const value = form.get(name);
	return typeof value === 'string' ? value : '';
};
const all = (form: FormFields, name: string) => form.getAll(name).filter((value): value is string => typeof value === 'string');

/** Reads the submitted settings form against the chosen framework's areas. */
export function readStudyForm(form: FormFields, areas: readonly FormArea[] | null): FormReading {
	const errors: Record<string, string> = {};
	const horizons: (Keyed & { years: number })[] = [];
	const horizonRow: number[] = [];
	const taken = new Set<string>();
	const rows = Array.from({ length: MAX_HORIZONS }, (_, i) => ({
		index: i,
		key: text(form, `horizon${i}_key`).trim(),
		label: text(form, `horizon${i}_label`).trim(),
		years: text(form, `horizon${i}_years`).trim()
	})).filter((row) => row.label !== '');
	for (const row of rows) if (KEY.test(row.key) && row.key !== 'all' && !taken.has(row.key)) taken.add(row.key);
	const used = new Set<string>();
	for (const row of rows) {
		const keep = KEY.test(row.key) && row.key !== 'all' && !used.has(row.key);
		const key = keep ? row.key : keyFromLabel(row.label, taken, `horizont${row.index + 1}`);
		used.add(key);
		let years = 0;
		if (row.years !== '') {
			years = Number(row.years);
			if (!/^\d{1,3}$/.test(row.years) || years > 100) errors[`horizon${row.index}_years`] = 'Bitte geben Sie die Jahre als ganze Zahl von 0 bis 100 an.';
		}
		horizons.push({ key, label: row.label, years });
		horizonRow.push(row.index);
	}
	const groups = parseKeyedLines(text(form, 'groups'), (i) => `gruppe${i + 1}`, 'label');
	const questions = parseKeyedLines(text(form, 'openQuestions'), (i) => `frage${i + 1}`, 'fallback');

	const agreementPercent = number(text(form, 'consensusMinAgreement'));
	if (Number.isNaN(agreementPercent)) errors.consensusMinAgreement = 'Bitte geben Sie eine Zahl von 50 bis 100 ein (Prozent).';
	const maxIqr = number(text(form, 'consensusMaxIqr'));
	if (Number.isNaN(maxIqr)) errors.consensusMaxIqr = 'Bitte geben Sie eine Zahl von 0 bis 4 ein, z. B. 1 oder 1,5.';

	const competences = areas
		? chosenCompetences(areas, { areas: all(form, 'areas'), areasBefore: all(form, 'areasBefore'), competences: all(form, 'competences') })
		: all(form, 'competences');
	const settings: Record<string, unknown> = {
		title: text(form, 'title'),
		introduction: text(form, 'introduction'),
		frameworkId: text(form, 'frameworkId'),
		competences,
		groups: groups.items,
		horizons,
		measureProficiency: text(form, 'measureProficiency') !== 'nein',
		openQuestions: questions.items,
		minGroupSize: number(text(form, 'minGroupSize')),
		quantileType: Number(text(form, 'quantileType') || '7'),
		rounds: Number(text(form, 'rounds') || '1'),
		consensus: { maxIqr, minAgreement: agreementPercent / 100 },
		lateJoinersAllowed: text(form, 'lateJoinersAllowed') === 'ja',
		opensOn: isoDate(text(form, 'opensOn')),
		closesOn: isoDate(text(form, 'closesOn')),
		// Empty keeps the default; anything that is not a whole number is refused by the settings schema.
		reminderDays: text(form, 'reminderDays').trim() === '' ? REMINDER_DAYS_BEFORE_CLOSING : number(text(form, 'reminderDays')),
		reasonMode: text(form, 'reasonMode') || 'far'
	};

	const fieldOf = (path: string, message: string) => {
		const indexed = /^(groups|openQuestions|horizons)\[(\d+)\](?:\.(\w+))?/.exec(path);
		if (indexed) {
			const [, list, position, part] = indexed;
			const i = Number(position);
			if (list === 'horizons') return { field: `horizon${horizonRow[i] ?? 0}_${part === 'years' ? 'years' : 'label'}`, message };
			const lines = list === 'groups' ? groups.lines : questions.lines;
			return { field: list, message: `Zeile ${lines[i] ?? i + 1}: ${message}` };
		}
		if (path === 'consensus.maxIqr') return { field: 'consensusMaxIqr', message };
		if (path === 'consensus.minAgreement') return { field: 'consensusMinAgreement', message };
		if (path === 'horizons') return { field: 'horizons', message };
		return { field: path.split(/[.[]/)[0] || 'form', message };
	};
	return { settings, errors, fieldOf };
}
