import { z } from 'zod';
import { slugify } from '../../format/slug';

/*
 * A glossary entry: a term as the administration uses it, beside a plain explanation and the words
 * other groups use for the same thing. Entries move Vorschlag → abgestimmt ("Darauf haben wir uns
 * geeinigt", with the groups that agreed) → veraltet.
 */

export const GLOSSARY_STATUSES = ['vorschlag', 'abgestimmt', 'veraltet'] as const;
export type GlossaryStatus = (typeof GLOSSARY_STATUSES)[number];

export const STATUS_LABELS: Record<GlossaryStatus, string> = {
	vorschlag: 'Vorschlag',
	abgestimmt: 'abgestimmt',
	veraltet: 'veraltet'
};

/** The groups whose words stand beside the administration's term. */
export const VOICE_GROUPS = ['zivilgesellschaft', 'stadtmacher', 'wirtschaft', 'kultur'] as const;
export type VoiceGroup = (typeof VOICE_GROUPS)[number];

export const VOICE_LABELS: Record<VoiceGroup, string> = {
	zivilgesellschaft: 'Zivilgesellschaft',
	stadtmacher: 'Stadtmacher*innen',
	wirtschaft: 'Wirtschaft',
	kultur: 'Kultur'
};

/** The groups that can agree on an entry. */
export const STAKEHOLDER_GROUPS = ['verwaltung', 'politik', 'zivilgesellschaft', 'stadtmacher', 'wirtschaft', 'kultur', 'wissenschaft'] as const;
export type StakeholderGroup = (typeof STAKEHOLDER_GROUPS)[number];

export const STAKEHOLDER_LABELS: Record<StakeholderGroup, string> = {
	verwaltung: 'Verwaltung',
	politik: 'Politik',
	zivilgesellschaft: 'Zivilgesellschaft',
	stadtmacher: 'Stadtmacher*innen',
	wirtschaft: 'Wirtschaft',
	kultur: 'Kultur',
	wissenschaft: 'Wissenschaft'
};

export const LIMITS = {
	term: 120,
	/** One or two short sentences. */
	plain: 320,
	plainSentences: 2,
	voice: 200,
	example: 300,
	listItem: 120,
	listLength: 20
} as const;

export type Voices = Partial<Record<VoiceGroup, string>>;

export interface GlossaryEntryContent {
	term: string;
	plain: string;
	voices: Voices;
	example: string;
	/** Codes of competences in the organisation's framework, e.g. "A7.2". */
	competences: string[];
	/** E.g. "BauGB § 34". */
	sources: string[];
	synonyms: string[];
	/** Inflected forms (plural, genitive …); generated, editable. */
	forms: string[];
	status: GlossaryStatus;
	/** Who agreed ("Darauf haben wir uns geeinigt"); only meaningful for abgestimmt. */
	agreedBy: StakeholderGroup[];
}

export interface GlossaryEntry extends GlossaryEntryContent {
	id: string;
	slug: string;
}

/** Just the content of an entry (no id, slug or dates), keys in a fixed order. */
export function entryContent(entry: GlossaryEntryContent): GlossaryEntryContent {
	const { term, plain, voices, example, competences, sources, synonyms, forms, status, agreedBy } = entry;
	return { term, plain, voices, example, competences, sources, synonyms, forms, status, agreedBy };
}

/** Sentences of a short text: ends at . ! ? followed by a space and a capital or the end ("z. B." does not end one). */
export function countSentences(text: string): number {
	const trimmed = text.trim();
	if (!trimmed) return 0;
	const ends = trimmed.replace(/\b(z|d|u|o|s|u\.a|bzw|ca|vgl|Nr|Abs|Art|Dr|ggf|inkl|usw|etc)\.(?=\s)/g, '$1').match(/[.!?](?=\s+[\p{Lu}\d„"]|\s*$)/gu);
	return Math.max(1, ends?.length ?? 0);
}

const text = (max: number, what: string) =>
	z
		.string({ error: `${what} fehlt.` })
		.transform((value) => value.replace(/\s+/g, ' ').trim())
		.pipe(z.string().max(max, `${what}: höchstens ${max} Zeichen.`));

const list = (what: string) =>
	z
		.array(text(LIMITS.listItem, what))
		.max(LIMITS.listLength, `${what}: höchstens ${LIMITS.listLength} Einträge.`)
		.transform((items) => uniqueList(items));

/** Drops empty and repeated items (case-insensitively), keeping the first spelling. */
export function uniqueList(items: readonly string[]): string[] {
	const seen = new Set<string>();
	const out: string[] = [];
	for (const item of items) {
		const key = item.trim().toLocaleLowerCase('de');
		if (!key || seen.has(key)) continue;
		seen.add(key);
		out.push(item.trim());
	}
	return out;
}

export const voicesSchema = z
	.object(Object.fromEntries(VOICE_GROUPS.map((group) => [group, text(LIMITS.voice, `Wörter (${VOICE_LABELS[group]})`).optional()])) as Record<VoiceGroup, z.ZodOptional<ReturnType<typeof text>>>)
	.strict()
	.transform((voices) => Object.fromEntries(Object.entries(voices).filter(([, words]) => words)) as Voices);

/** One entry's content as forms, the API and the starter file give it; German messages. */
export const glossaryContentSchema = z
	.object({
		term: text(LIMITS.term, 'Begriff').pipe(z.string().min(2, 'Bitte geben Sie den Begriff an (mindestens 2 Zeichen).')),
		plain: text(LIMITS.plain, 'Erklärung')
			.pipe(z.string().min(10, 'Bitte erklären Sie den Begriff in ein oder zwei Sätzen.'))
			.refine((value) => countSentences(value) <= LIMITS.plainSentences, 'Die Erklärung hat mehr als zwei Sätze. Bitte kürzen Sie sie auf ein oder zwei kurze Sätze.'),
		voices: voicesSchema.default({}),
		example: text(LIMITS.example, 'Beispielsatz').default(''),
		competences: z
			.array(z.string().trim().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,19}$/, 'Kompetenzen werden mit ihrem Kürzel angegeben, z. B. A7.2.'))
			.max(LIMITS.listLength)
			.default([])
			.transform(uniqueList),
		sources: list('Quellen').default([]),
		synonyms: list('Synonyme').default([]),
		forms: list('Wortformen').default([]),
		status: z.enum(GLOSSARY_STATUSES, { error: 'Bitte wählen Sie einen Status: Vorschlag, abgestimmt oder veraltet.' }).default('vorschlag'),
		agreedBy: z.array(z.enum(STAKEHOLDER_GROUPS, { error: 'Unbekannte Gruppe.' })).default([]).transform((groups) => [...new Set(groups)])
	})
	.strict()
	.superRefine((entry, issue) => {
		if (entry.status === 'abgestimmt' && entry.agreedBy.length === 0)
			issue.addIssue({ code: 'custom', path: ['agreedBy'], message: 'Wer hat sich geeinigt? Bitte wählen Sie mindestens eine Gruppe.' });
	});

export type GlossaryContentInput = z.input<typeof glossaryContentSchema>;

/** The anchor and address part of a term: "Stadtmacher*innen" → "stadtmacher-innen". */
export function termSlug(term: string): string {
	return slugify(term, 'begriff', 80);
}

/** A slug not yet in `taken`: "bebauungsplan", "bebauungsplan-2", … */
export function uniqueSlug(term: string, taken: ReadonlySet<string>): string {
	const base = termSlug(term);
	if (!taken.has(base)) return base;
	for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

/** The letter an entry is filed under in the A–Z list (umlauts under their base letter, digits under "#"). */
export function initialOf(term: string): string {
	const first = term
		.trim()
		.charAt(0)
		.toLocaleUpperCase('de')
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '');
	return /^[A-Z]$/.test(first) ? first : '#';
}

/** German alphabetical order (ä with a, case ignored). */
export function compareTerms(a: string, b: string): number {
	return a.localeCompare(b, 'de', { sensitivity: 'base' });
}
