import { z } from 'zod';
import { emailSchema } from './accounts';

/** A data protection request (Art. 15 or 17 DSGVO) names the person by e-mail address. */
export const personalDataRequestSchema = z.object({ email: emailSchema });
export type PersonalDataRequest = z.infer<typeof personalDataRequestSchema>;

/** Erasure is final: the form must carry the second step's confirmation. */
export const eraseRequestSchema = personalDataRequestSchema
	.extend({ confirm: z.string().optional() })
	.refine((v) => v.confirm === 'yes', { message: 'Bitte bestätigen Sie, dass die Daten endgültig gelöscht werden sollen.', path: ['confirm'] });
