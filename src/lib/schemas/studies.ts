import { z } from 'zod';

export const MAX_BATCH = 5000;

const whole = (message: string) => z.string().trim().regex(/^\d{1,6}$/, message).transform(Number);
const groupChoice = z.string({ message: 'Bitte wählen Sie eine Gruppe.' }).min(1, 'Bitte wählen Sie eine Gruppe.');

export const studyStatusForm = z.object({ status: z.enum(['open', 'closed', 'published'], { message: 'Unbekannter Status.' }) });

export const invitationBatchForm = z.object({
	batchGroup: groupChoice,
	batchCount: whole(`Bitte geben Sie eine ganze Zahl von 1 bis ${MAX_BATCH} ein.`)
});

export const handedOutForm = z.object({ batchId: z.uuid('Diesen Stapel gibt es nicht.') });

export const emailInvitationForm = z.object({
	emailGroup: groupChoice,
	emails: z
		.string({ message: 'Bitte fügen Sie mindestens eine Adresse ein.' })
		.max(400_000, 'Das sind zu viele Adressen auf einmal.')
		.transform((text) => text.split(/[\s,;]+/).filter(Boolean))
});

/** The review page's submit: the key rendered with the page, and the open answers (`open:<question>`). */
export const questionnaireSubmission = z
	.record(z.string(), z.string())
	.transform((fields) => ({
		idempotencyKey: fields.idempotencyKey ?? '',
		/** "Ja, ohne Antworten absenden": asked for when nothing was answered. */
		emptyConfirmed: fields.leerAbsenden === 'ja',
		open: Object.fromEntries(Object.entries(fields).filter(([key]) => key.startsWith('open:')).map(([key, value]) => [key.slice('open:'.length), value]))
	}));

/** Joining a study by its open link: the group the participant belongs to. */
export const openLinkJoinForm = z.object({ group: z.string({ message: 'Bitte wählen Sie eine Gruppe.' }).min(1, 'Bitte wählen Sie eine Gruppe.') });

/** The body of POST /api/v1/participate/{token}. */
export const apiSubmissionSchema = z.object({
	answers: z
		.array(
			z.object({
				competence: z.string({ message: 'Die Kompetenz fehlt.' }).max(100),
				measure: z.string({ message: 'Das Maß fehlt (importance oder proficiency).' }).max(20),
				horizon: z.string().max(40).nullable().optional(),
				value: z.unknown()
			}),
			{ message: '„answers“ muss eine Liste sein.' }
		)
		.max(2000, 'Zu viele Antworten.'),
	// Keys: an open question's key, or a Delphi reason's "reason:<competence>|<measure>|<horizon>" (domain/study/delphi-reasons.ts).
	open: z.record(z.string().max(300), z.string({ message: 'Offene Antworten sind Texte.' })).optional()
});
