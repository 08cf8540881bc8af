import { z } from 'zod';
import { CHECK_RULES } from '../domain/language/check';

/**
 * The comprehensibility check accepts up to 100,000 characters (about 14,000 words, some forty
 * pages): far more than any invitation, decision summary or call for participation, and small
 * enough that one request stays well under a second and under the body limit.
 */
export const TEXT_CHECK_MAX_CHARACTERS = 100_000;

const EMPTY = 'Bitte geben Sie einen Text ein.';
const TOO_LONG = `Der Text ist zu lang: Wir prüfen höchstens ${TEXT_CHECK_MAX_CHARACTERS.toLocaleString('de-DE')} Zeichen auf einmal. Bitte teilen Sie ihn auf.`;
const NO_WORDS = 'Der Text enthält keine Wörter, nur Zahlen oder Zeichen.';

const text = z
	.string({ message: EMPTY })
	.max(TEXT_CHECK_MAX_CHARACTERS, TOO_LONG)
	.refine((value) => value.trim().length > 0, EMPTY)
	.refine((value) => value.trim().length === 0 || /\p{L}/u.test(value), NO_WORDS);

/** POST /api/v1/text/check */
export const textCheckInput = z.object({
	text,
	rules: z
		.array(z.enum(CHECK_RULES, { message: `Unbekannte Regel. Möglich: ${CHECK_RULES.join(', ')}.` }), { message: `„rules“ ist eine Liste, z. B. ["leichte-sprache"].` })
		.max(CHECK_RULES.length * 2, 'Zu viele Regeln.')
		.optional()
});
export type TextCheckInput = z.output<typeof textCheckInput>;

/** The form on /app/sprache: the text and a checkbox for the rules of Leichte Sprache. */
export const textCheckForm = z.object({
	text,
	leichteSprache: z
		.string()
		.optional()
		.transform((value) => value === 'on')
});

export function rulesOfForm(form: z.output<typeof textCheckForm>): TextCheckInput {
	return { text: form.text, rules: form.leichteSprache ? ['leichte-sprache'] : [] };
}
