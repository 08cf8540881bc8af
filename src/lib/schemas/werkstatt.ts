import { z } from 'zod';

/*
 * Werkstatt inputs (API and, later, the participants' and facilitator's forms). Texts are trimmed
 * before they are measured; every message is German and says what to do.
 */

/** Questions and statements, as Pol.is and Slido keep them: one thought, readable on the projector. */
export const WERKSTATT_TEXT_MAX = 280;
export const WERKSTATT_TITLE_MAX = 200;
export const WERKSTATT_SEED_MAX = 100;
export const DISPLAY_NAME_MAX = 40;

const uuid = (what: string) => z.uuid({ error: `${what} ist keine gültige Kennung.` });

export const werkstattText = z
	.string({ error: 'Bitte schreiben Sie einen Text.' })
	.trim()
	.min(1, { error: 'Bitte schreiben Sie einen Text.' })
	.max(WERKSTATT_TEXT_MAX, { error: `Höchstens ${WERKSTATT_TEXT_MAX} Zeichen, bitte kürzen Sie den Text.` });

export const werkstattCreateSchema = z.object({
	title: z
		.string({ error: 'Bitte geben Sie einen Titel an.' })
		.trim()
		.min(1, { error: 'Bitte geben Sie einen Titel an.' })
		.max(WERKSTATT_TITLE_MAX, { error: `Der Titel darf höchstens ${WERKSTATT_TITLE_MAX} Zeichen haben.` }),
	sessionId: uuid('Der Termin').optional(),
	moderation: z.enum(['pre', 'post'], { error: 'Moderation ist „pre“ (vorher freigeben) oder „post“ (sofort sichtbar).' }).optional().default('post')
});
export type WerkstattCreateInput = z.output<typeof werkstattCreateSchema>;

export const werkstattStatusSchema = z.object({
	status: z.enum(['open', 'closed'], { error: 'Der Status ist „open“ oder „closed“.' })
});
export type WerkstattStatusInput = z.output<typeof werkstattStatusSchema>;

export const werkstattJoinSchema = z.object({
	/** A group key; null or missing = „möchte ich nicht sagen“. */
	group: z.string({ error: 'Die Gruppe ist ein Text oder null.' }).trim().nullish(),
	displayName: z
		.string({ error: 'Der Name ist ein Text.' })
		.trim()
		.max(DISPLAY_NAME_MAX, { error: `Der Name darf höchstens ${DISPLAY_NAME_MAX} Zeichen haben.` })
		.nullish()
});
export type WerkstattJoinInput = z.output<typeof werkstattJoinSchema>;

export const werkstattPostSchema = z.object({
	text: werkstattText,
	kind: z.enum(['statement', 'question'], { error: 'Die Art ist „statement“ (Aussage) oder „question“ (Frage).' })
});
export type WerkstattPostInput = z.output<typeof werkstattPostSchema>;

export const werkstattVoteSchema = z.object({
	statement: uuid('Die Aussage'),
	vote: z.union([z.literal(1), z.literal(-1), z.literal(0)], { error: 'Die Stimme ist 1 (stimme zu), -1 (stimme nicht zu) oder 0 (weiß nicht).' })
});
export type WerkstattVoteInput = z.output<typeof werkstattVoteSchema>;

export const werkstattLikeSchema = z.object({ question: uuid('Die Frage') });
export type WerkstattLikeInput = z.output<typeof werkstattLikeSchema>;

export const MODERATION_ACTIONS = ['approve', 'hide', 'answer', 'unanswer', 'pin', 'unpin', 'edit'] as const;

export const werkstattModerateSchema = z
	.object({
		action: z.enum(MODERATION_ACTIONS, { error: `Die Aktion ist eine von: ${MODERATION_ACTIONS.join(', ')}.` }),
		text: werkstattText.optional()
	})
	.refine((input) => input.action !== 'edit' || input.text !== undefined, { error: 'Bitte geben Sie den neuen Text an.', path: ['text'] });
export type WerkstattModerateInput = z.output<typeof werkstattModerateSchema>;

export const werkstattSeedSchema = z.object({
	statements: z
		.array(werkstattText, { error: 'Hier wird eine Liste von Aussagen erwartet.' })
		.min(1, { error: 'Bitte geben Sie mindestens eine Aussage an.' })
		.max(WERKSTATT_SEED_MAX, { error: `Höchstens ${WERKSTATT_SEED_MAX} Aussagen auf einmal.` })
});
export type WerkstattSeedInput = z.output<typeof werkstattSeedSchema>;

/*
 * The participants' phone forms (/w, /w/<code>): the same inputs as the API, read from form fields.
 */

/** /w: the code as typed; the server forgives case, spaces and hyphens. */
export const werkstattCodeFormSchema = z.object({
	code: z.string({ error: 'Bitte geben Sie den Code ein.' }).trim().min(1, { error: 'Bitte geben Sie den Code ein.' }).max(40, { error: 'Der Code hat 6 Zeichen.' })
});

/** Joining on the phone: the name counts only when „Namen zeigen“ is ticked (off by default). */
export const werkstattJoinFormSchema = werkstattJoinSchema
	.extend({ showName: z.literal('yes').optional() })
	.transform(({ showName, ...input }) => ({ group: input.group || null, displayName: showName ? input.displayName || null : null }));

/** A vote from the three buttons Zustimmen (1), Ablehnen (-1), Weiß nicht (0). */
export const werkstattVoteFormSchema = z.object({
	statement: uuid('Die Aussage'),
	vote: z.enum(['1', '-1', '0'], { error: 'Bitte wählen Sie Zustimmen, Ablehnen oder Weiß nicht.' }).transform((value) => Number(value) as 1 | -1 | 0)
});
