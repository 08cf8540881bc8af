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
