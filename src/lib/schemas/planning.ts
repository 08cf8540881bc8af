import { z } from 'zod';
import { COMPETENCE_LEVEL_KEYS, MODULE_FORMAT_KEYS, TARGET_GROUP_KEYS } from '../components/catalogue/keys';
import { MAX_COST_PER_PARTICIPANT_CENTS, MAX_EXPECTED_PARTICIPANTS, PLAN_SLOTS } from '../domain/planning/budget';
import { roundQuery } from './results';

/*
 * Qualifizierungsplan inputs (API and the plan pages' forms). Every message is German and says
 * what to do; numbers arrive as JSON numbers (forms convert before, see plan-ui).
 */

export const PLAN_TITLE_MAX = 200;
export const PLAN_REASON_MAX = 1000;
export const PLAN_TEXT_MAX = 2000;
export const PLAN_RESPONSIBLE_MAX = 200;

const uuid = (what: string) => z.uuid({ error: `${what} ist keine gültige Kennung.` });
const oneOf = (values: readonly string[]) => `Möglich: ${values.map((v) => `„${v}“`).join(', ')}.`;
const wholeNumber = (what: string, min: number, max: number) =>
	z
		.number({ error: `${what} ist eine ganze Zahl.` })
		.int({ error: `${what} ist eine ganze Zahl.` })
		.min(min, { error: `${what} darf nicht kleiner als ${min.toLocaleString('de-DE')} sein.` })
		.max(max, { error: `${what} darf höchstens ${max.toLocaleString('de-DE')} sein.` });
const code = (what: string) => z.string({ error: `Bitte nennen Sie ${what}.` }).trim().min(1, { error: `Bitte nennen Sie ${what}.` }).max(100, { error: `${what} ist zu lang.` });

export const planRuleFields = {
	minGap: z
		.number({ error: 'Die Mindestlücke ist eine Zahl zwischen 0 und 4 (Wichtigkeit − Beherrschung auf der Skala 1–5).' })
		.min(0, { error: 'Die Mindestlücke darf nicht negativ sein.' })
		.max(4, { error: 'Die Mindestlücke ist höchstens 4 (die Skala reicht von 1 bis 5).' }),
	topN: wholeNumber('Die Zahl der größten Lücken je Horizont', 0, 100)
};

export const planCreateSchema = z.object({
	studyId: uuid('Die Analyse'),
	round: wholeNumber('Die Runde', 1, 100).optional(),
	minGap: planRuleFields.minGap.optional(),
	topN: planRuleFields.topN.optional(),
	title: z.string({ error: 'Der Titel ist ein Text.' }).trim().max(PLAN_TITLE_MAX, { error: `Der Titel darf höchstens ${PLAN_TITLE_MAX} Zeichen haben.` }).optional()
});
export type PlanCreateInput = z.output<typeof planCreateSchema>;

export const planGapDecisionSchema = z
	.object({
		competence: code('die Kompetenz'),
		horizon: code('den Zeithorizont'),
		status: z.enum(['prioritised', 'dropped'], { error: 'Die Entscheidung ist „prioritised“ (priorisieren) oder „dropped“ (nicht aufnehmen).' }),
		reason: z
			.string({ error: 'Die Begründung ist ein Text.' })
			.trim()
			.max(PLAN_REASON_MAX, { error: `Die Begründung darf höchstens ${PLAN_REASON_MAX} Zeichen haben.` })
			.default('')
	})
	.refine((decision) => decision.status !== 'dropped' || decision.reason.length > 0, {
		path: ['reason'],
		error: 'Bitte begründen Sie, warum dieser Bedarf nicht in den Plan kommt.'
	});
export type PlanGapDecisionInput = z.output<typeof planGapDecisionSchema>;

const measureFields = {
	moduleId: uuid('Das Modul').nullable(),
	slot: z.enum(PLAN_SLOTS, { error: `Bitte wählen Sie, wann die Maßnahme stattfindet. ${oneOf(PLAN_SLOTS)}` }),
	targetGroup: z.enum(TARGET_GROUP_KEYS, { error: `Unbekannte Zielgruppe. ${oneOf(TARGET_GROUP_KEYS)}` }).nullable(),
	responsible: z.string({ error: 'Die Verantwortlichen sind ein Text.' }).trim().max(PLAN_RESPONSIBLE_MAX, { error: `Höchstens ${PLAN_RESPONSIBLE_MAX} Zeichen für die Verantwortlichen.` }),
	costPerParticipantCents: wholeNumber('Der Betrag je Person (in Cent)', 0, MAX_COST_PER_PARTICIPANT_CENTS),
	expectedParticipants: wholeNumber('Die erwartete Zahl der Teilnehmenden', 0, MAX_EXPECTED_PARTICIPANTS),
	notes: z.string({ error: 'Die Notiz ist ein Text.' }).trim().max(PLAN_TEXT_MAX, { error: `Die Notiz darf höchstens ${PLAN_TEXT_MAX} Zeichen haben.` })
};

export const planMeasureCreateSchema = z.object({
	competence: code('die Kompetenz'),
	horizon: code('den Zeithorizont'),
	moduleId: measureFields.moduleId.default(null),
	slot: measureFields.slot,
	targetGroup: measureFields.targetGroup.default(null),
	responsible: measureFields.responsible.default(''),
	costPerParticipantCents: measureFields.costPerParticipantCents.default(0),
	expectedParticipants: measureFields.expectedParticipants.default(0),
	notes: measureFields.notes.default('')
});
export type PlanMeasureCreateInput = z.output<typeof planMeasureCreateSchema>;

/** Only the fields sent change. */
export const planMeasureUpdateSchema = z
	.object({
		moduleId: measureFields.moduleId.optional(),
		slot: measureFields.slot.optional(),
		targetGroup: measureFields.targetGroup.optional(),
		responsible: measureFields.responsible.optional(),
		costPerParticipantCents: measureFields.costPerParticipantCents.optional(),
		expectedParticipants: measureFields.expectedParticipants.optional(),
		notes: measureFields.notes.optional()
	})
	.refine((fields) => Object.values(fields).some((value) => value !== undefined), { error: 'Bitte ändern Sie mindestens eine Angabe.' });
export type PlanMeasureUpdateInput = z.output<typeof planMeasureUpdateSchema>;

export const planModuleForGapSchema = z.object({
	competence: code('die Kompetenz'),
	horizon: code('den Zeithorizont'),
	level: z.enum(COMPETENCE_LEVEL_KEYS, { error: `Bitte wählen Sie eine Stufe. ${oneOf(COMPETENCE_LEVEL_KEYS)}` }).default('kennenlernen'),
	title: z.string({ error: 'Der Titel ist ein Text.' }).trim().max(PLAN_TITLE_MAX, { error: `Der Titel darf höchstens ${PLAN_TITLE_MAX} Zeichen haben.` }).optional(),
	/** Default: workshop. */
	format: z.enum(MODULE_FORMAT_KEYS, { error: `Bitte wählen Sie ein Format. ${oneOf(MODULE_FORMAT_KEYS)}` }).optional(),
	/** Default: the study's groups that are catalogue target groups. */
	targetGroups: z.array(z.enum(TARGET_GROUP_KEYS, { error: `Unbekannte Zielgruppe. ${oneOf(TARGET_GROUP_KEYS)}` }), { error: 'Die Zielgruppen sind eine Liste.' }).optional(),
	slot: measureFields.slot.default('heute')
});
export type PlanModuleForGapInput = z.output<typeof planModuleForGapSchema>;

export const planPublishSchema = z.object({
	published: z.boolean({ error: '„published“ ist true (veröffentlichen) oder false (zurückziehen).' })
});
export type PlanPublishInput = z.output<typeof planPublishSchema>;

/** ?studyId=<later study>&round= of "Was hat sich verändert?": the follow-up study compared with the plan's study and round. */
export const planComparisonQuery = z.object({
	studyId: z.uuid({ error: (issue) => (issue.input === undefined ? 'Bitte geben Sie mit „studyId“ die spätere Analyse an, mit der verglichen werden soll.' : '„studyId“ muss die ID einer Analyse sein.') }),
	round: roundQuery
});
