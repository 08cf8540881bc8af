import { personalDataRequestSchema, type PersonalDataRequest } from '../../schemas/gdpr';
import { validate } from '../validate';

/** The e-mail address of a download form (Auskunft as JSON or PDF), validated with the German message. */
export async function readRequestForm(request: Request): Promise<PersonalDataRequest> {
	const form = await request.formData().catch(() => new FormData());
	return validate(personalDataRequestSchema, { email: form.get('email') ?? '' }, 'Bitte geben Sie eine gültige E-Mail-Adresse ein, z. B. name@stadt.de.');
}
