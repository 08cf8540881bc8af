import { z } from 'zod';
import type { ConsensusSettings, OpenQuestion, StudyGroup, StudyHorizon } from '../db/schema';
import { MAX_REMINDER_DAYS, REMINDER_DAYS_BEFORE_CLOSING } from '../../domain/study/study-dates';

export const DEFAULT_GROUPS: StudyGroup[] = [
	{ key: 'verwaltung', label: 'Verwaltung' },
	{ key: 'politik', label: 'Kommunalpolitik' },
	{ key: 'zivilgesellschaft', label: 'Zivilgesellschaft / Stadtmacher*innen' },
	{ key: 'kultur', label: 'Kultur- und Kreativschaffende' },
	{ key: 'wirtschaft', label: 'Wirtschaft' },
	{ key: 'wissenschaft', label: 'Wissenschaft' }
];

export const DEFAULT_HORIZONS: StudyHorizon[] = [
	{ key: 'heute', label: 'heute', years: 0 },
	{ key: 'morgen', label: 'morgen (ca. 5 Jahre)', years: 5 },
	{ key: 'uebermorgen', label: 'übermorgen (ca. 15 Jahre)', years: 15 }
];

/**
 * A Rahmenbedingungen self-check (issue 16) compares how the sides see their city today: the groups
 * who work together (keys as in a competence study, so the engine's group keys stay comparable), one horizon „heute“ (importance cannot be switched off without a schema change,
 * so „So wichtig ist es uns“ is asked for today), and an open question about the first step.
 */
export const SELF_CHECK_GROUPS: StudyGroup[] = [
	{ key: 'verwaltung', label: 'Verwaltung' },
	{ key: 'zivilgesellschaft', label: 'Stadtmacher*innen' },
	{ key: 'politik', label: 'Politik' },
	{ key: 'wirtschaft', label: 'Wirtschaft' },
	{ key: 'kultur', label: 'Kultur' }
];

export const SELF_CHECK_HORIZONS: StudyHorizon[] = [{ key: 'heute', label: 'heute', years: 0 }];

export const SELF_CHECK_OPEN_QUESTIONS: OpenQuestion[] = [{ key: 'erster-schritt', label: 'Was sollte Ihre Stadt als Erstes angehen?' }];

export const DEFAULT_CONSENSUS: ConsensusSettings = { maxIqr: 1, minAgreement: 0.7 };

export const DEFAULT_OPEN_QUESTIONS: OpenQuestion[] = [{ key: 'lernen', label: 'Was kann Verwaltung von Stadtmacher*innen lernen?' }];

const key = z
	.string({ message: 'Der Schlüssel fehlt.' })
	.trim()
	.regex(/^[a-z][a-z0-9_-]{0,39}$/, 'Schlüssel bestehen aus Kleinbuchstaben, Ziffern, - und _ (höchstens 40 Zeichen), z. B. „verwaltung“.')
	.refine((value) => value !== 'all', 'Der Schlüssel „all“ ist für „alle Gruppen“ reserviert.');
const label = z.string({ message: 'Die Bezeichnung fehlt.' }).trim().min(1, 'Die Bezeichnung fehlt.').max(120, 'Die Bezeichnung darf höchstens 120 Zeichen lang sein.');

const uniqueKeys = <T extends { key: string }>(items: T[]) => new Set(items.map((item) => item.key)).size === items.length;

export const groupsSchema = z
	.array(z.object({ key, label }, { message: 'Jede Gruppe braucht „key“ und „label“.' }), { message: 'Die Gruppen müssen eine Liste sein.' })
	.min(1, 'Mindestens eine Gruppe ist nötig.')
	.max(20, 'Höchstens 20 Gruppen.')
	.refine(uniqueKeys, 'Jeder Gruppenschlüssel darf nur einmal vorkommen.');

const yearsMessage = 'Die Jahre müssen eine ganze Zahl von 0 bis 100 sein.';

export const horizonsSchema = z
	.array(z.object({ key, label, years: z.number({ message: yearsMessage }).int(yearsMessage).min(0, yearsMessage).max(100, yearsMessage).default(0) }, { message: 'Jeder Zeithorizont braucht „key“ und „label“.' }), { message: 'Die Zeithorizonte müssen eine Liste sein.' })
	.min(1, 'Mindestens ein Zeithorizont ist nötig.')
	.max(4, 'Höchstens vier Zeithorizonte.')
	.refine(uniqueKeys, 'Jeder Horizont-Schlüssel darf nur einmal vorkommen.');

export const openQuestionsSchema = z
	.array(
		z.object({ key, label: z.string({ message: 'Die Frage fehlt.' }).trim().min(1, 'Die Frage fehlt.').max(300, 'Eine Frage darf höchstens 300 Zeichen lang sein.') }, { message: 'Jede offene Frage braucht „key“ und „label“.' }),
		{ message: 'Die offenen Fragen müssen eine Liste sein.' }
	)
	.max(5, 'Höchstens fünf offene Fragen.')
	.refine(uniqueKeys, 'Jeder Fragen-Schlüssel darf nur einmal vorkommen.');

export const consensusSchema = z.object({
	maxIqr: z.number({ message: 'Der höchste Interquartilsabstand muss eine Zahl sein.' }).min(0, 'Der Interquartilsabstand kann nicht negativ sein.').max(4, 'Der Interquartilsabstand ist höchstens 4.'),
	minAgreement: z.number({ message: 'Die Mindestzustimmung muss eine Zahl zwischen 0 und 1 sein.' }).min(0.5, 'Die Mindestzustimmung sollte mindestens 50 % sein.').max(1, 'Die Mindestzustimmung ist höchstens 100 %.')
}, { message: 'Die Konsensregel braucht „maxIqr“ und „minAgreement“.' });

export const REMINDER_DAYS_MESSAGE = `Die Erinnerung geht 0 bis ${MAX_REMINDER_DAYS} Tage vor dem Ende hinaus (ganze Tage; 0 heißt: keine Erinnerung).`;

const isoDate = z.string({ message: 'Datumsangaben im Format JJJJ-MM-TT, z. B. 2027-03-18.' }).regex(/^\d{4}-\d{2}-\d{2}$/, 'Datumsangaben im Format JJJJ-MM-TT, z. B. 2027-03-18.');

/** Everything an organiser decides about a study; the same schema serves the form and the API. */
export const studySettingsSchema = z
	.object({
		title: z.string({ message: 'Der Titel fehlt.' }).trim().min(3, 'Der Titel muss mindestens 3 Zeichen lang sein.').max(200, 'Der Titel darf höchstens 200 Zeichen lang sein.'),
		introduction: z.string({ message: 'Die Einleitung muss ein Text sein.' }).trim().max(4000, 'Die Einleitung darf höchstens 4.000 Zeichen lang sein.').default(''),
		frameworkId: z.uuid({ message: 'Bitte wählen Sie einen Kompetenzrahmen.' }),
		competences: z.array(z.string({ message: 'Kompetenzen werden mit ihrem Code angegeben, z. B. „A1.1“.' }).min(1).max(100), { message: 'Die Kompetenzen müssen eine Liste von Codes sein.' }).max(500, 'Höchstens 500 Kompetenzen.').optional(),
		groups: groupsSchema.default(DEFAULT_GROUPS),
		horizons: horizonsSchema.default(DEFAULT_HORIZONS),
		measureProficiency: z.boolean({ message: 'Erlaubt sind true und false.' }).default(true),
		openQuestions: openQuestionsSchema.default([]),
		minGroupSize: z.number({ message: 'Die Mindestgruppengröße muss eine ganze Zahl sein.' }).int('Die Mindestgruppengröße muss eine ganze Zahl sein.').min(3, 'Die Mindestgruppengröße darf nicht unter 3 liegen – sonst wären Einzelne erkennbar.').max(50, 'Die Mindestgruppengröße ist höchstens 50.').default(5),
		quantileType: z.union([z.literal(7), z.literal(6)], { message: 'Quantil-Definition 7 (Standard, wie R) oder 6 (wie SPSS).' }).default(7),
		rounds: z.number({ message: 'Die Zahl der Runden muss 1, 2 oder 3 sein.' }).int('Die Zahl der Runden muss 1, 2 oder 3 sein.').min(1, 'Mindestens eine Runde.').max(3, 'Höchstens drei Runden.').default(1),
		consensus: consensusSchema.default(DEFAULT_CONSENSUS),
		lateJoinersAllowed: z.boolean({ message: 'Erlaubt sind true und false.' }).default(false),
		opensOn: isoDate.nullable().default(null),
		closesOn: isoDate.nullable().default(null),
		reminderDays: z.number({ message: REMINDER_DAYS_MESSAGE }).int(REMINDER_DAYS_MESSAGE).min(0, REMINDER_DAYS_MESSAGE).max(MAX_REMINDER_DAYS, REMINDER_DAYS_MESSAGE).default(REMINDER_DAYS_BEFORE_CLOSING),
		reasonMode: z.enum(['far', 'every'], { message: 'Begründungen: erlaubt sind „far“ (nur bei Antworten weit vom Median der Gruppe) und „every“ (bei jeder Frage).' }).default('far')
	})
	.refine((s) => !s.opensOn || !s.closesOn || s.opensOn <= s.closesOn, { message: 'Das Ende darf nicht vor dem Beginn liegen.', path: ['closesOn'] });

export type StudySettingsInput = z.input<typeof studySettingsSchema>;
export type StudySettings = z.output<typeof studySettingsSchema>;

/** Settings that may still be corrected while a study is open: they do not change what answers mean. */
export const TEXT_ONLY_FIELDS = ['title', 'introduction', 'groupLabels', 'horizonLabels', 'openQuestionLabels', 'closesOn', 'reminderDays'] as const;
