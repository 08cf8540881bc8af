import { z } from 'zod';
import { werkstattCreateSchema, werkstattModerateSchema, werkstattSeedSchema } from './werkstatt';

/*
 * The facilitator's forms (/app/werkstatt): the same rules as the API, read from plain form fields.
 */

const blankToUndefined = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);

/** Title, an optional catalogue session (empty = none) and the moderation radio. */
export const werkstattCreateForm = werkstattCreateSchema.extend({
	sessionId: z.preprocess(blankToUndefined, werkstattCreateSchema.shape.sessionId)
});

/** One statement per line; empty lines do not count. */
export const werkstattSeedForm = z.object({
	statements: z.preprocess(
		(value) => (typeof value === 'string' ? value.split(/\r?\n/).map((line) => line.trim()).filter((line) => line.length > 0) : value),
		werkstattSeedSchema.shape.statements
	)
});

/** A moderation button: the item and the action; `text` only for a typo correction. */
export const werkstattModerateForm = z
	.object({ statement: z.string({ error: 'Der Beitrag fehlt. Bitte laden Sie die Seite neu.' }).min(1, { error: 'Der Beitrag fehlt. Bitte laden Sie die Seite neu.' }) })
	.and(
		z.preprocess(
			(value) => (value && typeof value === 'object' ? { ...value, text: (value as Record<string, unknown>).action === 'edit' ? (value as Record<string, unknown>).text : undefined } : value),
			werkstattModerateSchema
		)
	);

export const werkstattStatusForm = z.object({ status: z.enum(['open', 'closed'], { error: 'Der Status ist „open“ oder „closed“.' }) });

export const werkstattDeleteForm = z.object({ confirm: z.literal('yes', { error: 'Bitte bestätigen Sie das Löschen.' }) });
