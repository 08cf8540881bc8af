import { z } from 'zod';
import { parseEuroCents, parseTypedNumber } from '../format/parse-number';
import { planCreateSchema, planGapDecisionSchema, planMeasureCreateSchema, planModuleForGapSchema, planPublishSchema } from './planning';

/*
 * The organiser's plan forms (/app/plaene): the API's rules, read from plain form fields. Numbers
 * are typed the German way ("0,5", "45,50 €"); an empty field means the default.
 */

const blank = (value: unknown) => typeof value === 'string' && value.trim() === '';
/** A typed number, or the text itself when it is none (so the schema's own message says what to do). */
const typedNumber = (value: unknown) => (blank(value) ? undefined : typeof value === 'string' ? (parseTypedNumber(value) ?? value) : value);
const euroCents = (value: unknown) => (blank(value) || value === undefined ? 0 : typeof value === 'string' ? (parseEuroCents(value) ?? value) : value);
const orNull = (value: unknown) => (blank(value) ? null : value);

const EURO_MESSAGE = 'Bitte geben Sie einen Betrag in Euro an, zum Beispiel 45 oder 45,50.';
const euroField = z.preprocess(euroCents, z.number({ error: EURO_MESSAGE }).int({ error: EURO_MESSAGE }).min(0, { error: 'Der Betrag darf nicht negativ sein.' }).max(100_000_00, { error: 'Höchstens 100.000 € je Person.' }));

/** The study and round come as one choice ("<study id>:<round>"); minGap and topN typed the German way. */
export const planCreateForm = z.preprocess(
	(value) => {
		const fields = value as Record<string, unknown>;
		const [studyId, round] = typeof fields.studyId === 'string' ? fields.studyId.split(':') : [];
		return {
			studyId: studyId || undefined,
			round: round ? Number(round) : undefined,
			minGap: typedNumber(fields.minGap),
			topN: typedNumber(fields.topN),
			title: blank(fields.title) ? undefined : fields.title
		};
	},
	planCreateSchema.extend({ studyId: z.uuid({ error: 'Bitte wählen Sie eine Analyse.' }) })
);

/** Drop a gap (reason required) or take it back into the plan. */
export const planDecideForm = planGapDecisionSchema;

const measureFormFields = {
	moduleId: z.preprocess(orNull, planMeasureCreateSchema.shape.moduleId),
	targetGroup: z.preprocess(orNull, planMeasureCreateSchema.shape.targetGroup),
	costPerParticipantCents: euroField,
	expectedParticipants: z.preprocess(typedNumber, planMeasureCreateSchema.shape.expectedParticipants)
};

/** A new measure for a gap: module (or none yet), slot, target group, responsible, € per person, expected participants. */
export const planMeasureAddForm = planMeasureCreateSchema.extend(measureFormFields);

const measureField = z.string({ error: 'Die Maßnahme fehlt. Bitte laden Sie die Seite neu.' }).min(1, { error: 'Die Maßnahme fehlt. Bitte laden Sie die Seite neu.' });

/** Changing a measure: the whole form is sent, so every field is set (the gap stays). */
export const planMeasureEditForm = planMeasureAddForm.omit({ competence: true, horizon: true }).extend({ measure: measureField });

export const planMeasureRemoveForm = z.object({
	measure: measureField,
	confirm: z.literal('yes', { error: 'Bitte bestätigen Sie das Entfernen.' })
});

/** One step: a draft module for the gap at the chosen level, and a measure in the chosen slot. */
export const planModuleForm = planModuleForGapSchema.pick({ competence: true, horizon: true, level: true, format: true, slot: true });

export const planPublishForm = z.preprocess(
	(value) => ({ published: (value as Record<string, unknown>).published === 'true' ? true : (value as Record<string, unknown>).published === 'false' ? false : undefined }),
	planPublishSchema
);
