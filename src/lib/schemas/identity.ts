import { z } from 'zod';
import { LEGAL_PAGES, MAX_LEGAL_TEXT } from '../domain/identity/legal-text';

/*
 * The owners' forms for the organisation's identity and legal pages. The accent colour's
 * contrast is checked by the use case (domain/identity/contrast.ts), which names a readable shade.
 */

export const identityFormSchema = z.object({
	displayName: z.string().trim().max(120, 'Der Anzeigename darf höchstens 120 Zeichen lang sein.').optional().default(''),
	accentColour: z.string().trim().max(20, 'Bitte geben Sie die Farbe als Hex-Wert ein, z. B. #0b5c55.').optional().default('')
});

const legalText = z.string().max(MAX_LEGAL_TEXT, `Der Text darf höchstens ${MAX_LEGAL_TEXT.toLocaleString('de-DE')} Zeichen lang sein.`).optional();

/** One legal page's form: its text area is named after the page, so each has its own field id. */
export const legalPageFormSchema = z
	.object({ page: z.enum(LEGAL_PAGES, { message: 'Diese Seite gibt es nicht.' }), impressum: legalText, datenschutz: legalText, barrierefreiheit: legalText })
	.transform((form) => ({ page: form.page, text: form[form.page] ?? '' }));
