/**
 * The organisers' glossary pages in English show the refusals of the entry form, the review and the
 * import in English (issue 14). The German texts come from the real schemas, so a changed German
 * message without its template in the catalogue fails here.
 */
import { describe, expect, it } from 'vitest';
import { refusalIn } from '$lib/i18n/refusals';
import { glossaryAcceptSchema, glossaryEntryFormSchema, glossaryRejectSchema } from '$lib/schemas/glossary';

const english = (german: string) => refusalIn('en', german, 'glossary.error.', 'glossary.');

function messagesOf(result: { success: boolean; error?: { issues: { message: string }[] } }): string[] {
	expect(result.success).toBe(false);
	return result.error!.issues.map((issue) => issue.message);
}

describe('refusals of the organisers’ glossary forms in English', () => {
	it('translates every message the entry form’s schema gives, naming the field in English', () => {
		const tooLong = (n: number) => 'x'.repeat(n + 1);
		const german = [
			...messagesOf(glossaryEntryFormSchema.safeParse({ term: 'B', plain: 'kurz', competences: '§§', status: 'abgestimmt', voice_kultur: tooLong(200) })),
			...messagesOf(glossaryEntryFormSchema.safeParse({ term: tooLong(120), plain: 'Ein Satz. Noch ein Satz. Und noch einer.', example: tooLong(300), status: 'kaputt', agreedBy: ['niemand'] })),
			...messagesOf(glossaryEntryFormSchema.safeParse({ term: 'Begriff', plain: 'Eine gute Erklärung.', sources: Array.from({ length: 21 }, (_, i) => `Quelle ${i}`).join('\n') }))
		];
		expect(german.length).toBeGreaterThanOrEqual(8);
		for (const message of german) expect(english(message), message).not.toBe(message);
		expect(english('Wörter (Kultur): höchstens 200 Zeichen.')).toBe('Words (Culture): at most 200 characters.');
		expect(english('Begriff: höchstens 120 Zeichen.')).toBe('Term: at most 120 characters.');
		expect(english('Quellen: höchstens 20 Einträge.')).toBe('Sources: at most 20 entries.');
	});

	it('translates the review’s refusals and keeps the term someone typed as it is', () => {
		const german = [...messagesOf(glossaryRejectSchema.safeParse({ id: 'x', reason: '' })), ...messagesOf(glossaryAcceptSchema.safeParse({ id: 'x', status: 'veraltet' }))];
		for (const message of german) expect(english(message), message).not.toBe(message);
		expect(english('Höchstens 1.000 Zeichen.')).toBe('At most 1,000 characters.');
		expect(english('„Kultur“ steht schon im Glossar.')).toBe('“Kultur” is already in the glossary.');
	});

	it('leaves a text it does not know in German, and German in German', () => {
		expect(english('Etwas ganz anderes.')).toBe('Etwas ganz anderes.');
		expect(refusalIn('de', 'Die Datei ist leer.', 'glossary.error.')).toBe('Die Datei ist leer.');
		expect(english('Die Datei ist leer.')).toBe('The file is empty.');
	});
});
