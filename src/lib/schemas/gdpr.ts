import { z } from 'zod';
import { emailSchema } from './accounts';

/** A data protection request (Art. 15 or 17 DSGVO) names the person by e-mail address. */
export const personalDataRequestSchema = z.object({ email: emailSchema });
export type PersonalDataRequest = z.infer<typeof personalDataRequestSchema>;
