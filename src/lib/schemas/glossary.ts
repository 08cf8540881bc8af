import { z } from 'zod';
import { glossaryContentSchema, LIMITS, STAKEHOLDER_GROUPS, VOICE_GROUPS, type GlossaryStatus, type StakeholderGroup } from '../domain/glossary/entry';
import { PROPOSER_GROUPS } from '../domain/glossary/proposer-group';

/*
 * Glossar inputs: the organiser's entry form (text areas with one item per line), the API's JSON
 * (the domain's content schema as it is), proposals from anyone, and the review decisions.
 */

export { glossaryContentSchema as glossaryEntryApiSchema } from '../domain/glossary/entry';

const lines = (text: string | undefined) =>
	(text ?? '')
		.split(/\r?\n/)
		.map((line) => line.trim())
		.filter(Boolean);

const field = z.string().optional().default('');

/** The entry form: one synonym, form or source per line; competences separated by commas or spaces. */
export const glossaryEntryFormSchema = z
	.object({
		term: field,
		plain: field,
		example: field,
		competences: field,
		sources: field,
		synonyms: field,
		forms: field,
		status: field,
		agreedBy: z.array(z.string()).optional().default([]),
		...Object.fromEntries(VOICE_GROUPS.map((group) => [`voice_${group}`, field]))
	})
	.transform((form): z.input<typeof glossaryContentSchema> => {
		const raw = form as unknown as Record<string, string> & { agreedBy: string[] };
		return {
			term: raw.term,
			plain: raw.plain,
			example: raw.example,
			voices: Object.fromEntries(VOICE_GROUPS.map((group) => [group, raw[`voice_${group}`] ?? ''])),
			competences: raw.competences.split(/[\s,;]+/).filter(Boolean),
			sources: lines(raw.sources),
			synonyms: lines(raw.synonyms),
			forms: lines(raw.forms),
			status: (raw.status || 'vorschlag') as GlossaryStatus,
			agreedBy: raw.agreedBy as StakeholderGroup[]
		};
	})
	.pipe(glossaryContentSchema);

export const GLOSSARY_STATUS_FILTERS = ['alle', 'vorschlag', 'abgestimmt', 'veraltet'] as const;

/** A proposal from anyone: a new entry, or a change to the entry `entry` (its slug). */
export const glossaryProposalSchema = z.object({
	entry: z.string().trim().max(100).optional().default(''),
	term: z.string().trim().min(2, 'Bitte nennen Sie den Begriff.').max(LIMITS.term, `Der Begriff hat höchstens ${LIMITS.term} Zeichen.`),
	plain: z
		.string()
		.trim()
		.min(10, 'Bitte erklären Sie den Begriff in ein oder zwei Sätzen.')
		.max(LIMITS.plain, `Die Erklärung hat höchstens ${LIMITS.plain} Zeichen – ein oder zwei kurze Sätze.`),
	words: z.string().trim().max(LIMITS.voice, `Höchstens ${LIMITS.voice} Zeichen.`).optional().default(''),
	/** Whom the proposer writes as; their words go under that group's wording (proposer-group.ts). */
	group: z.enum(PROPOSER_GROUPS, { error: 'Bitte wählen Sie, als wer Sie schreiben – oder „möchte ich nicht sagen“.' }).optional().default('keine'),
	example: z.string().trim().max(LIMITS.example, `Der Beispielsatz hat höchstens ${LIMITS.example} Zeichen.`).optional().default(''),
	comment: z.string().trim().max(1000, 'Die Anmerkung hat höchstens 1.000 Zeichen.').optional().default(''),
	/** Honeypot: people leave it empty (it is hidden), simple bots fill it. */
	website: z.string().optional().default('')
});
export type GlossaryProposalInput = z.output<typeof glossaryProposalSchema>;

const proposalId = z.string().uuid('Dieser Vorschlag ist unbekannt.');

export const glossaryRejectSchema = z.object({
	id: proposalId,
	reason: z.string().trim().min(3, 'Bitte schreiben Sie kurz, warum der Vorschlag nicht übernommen wird.').max(1000, 'Höchstens 1.000 Zeichen.')
});

export const glossaryAcceptSchema = z.object({
	id: proposalId,
	status: z.enum(['vorschlag', 'abgestimmt'], { error: 'Bitte wählen Sie: als Vorschlag oder als abgestimmt übernehmen.' }).default('vorschlag'),
	agreedBy: z.array(z.enum(STAKEHOLDER_GROUPS)).optional().default([])
});

export const glossaryImportFormatSchema = z.enum(['csv', 'skos', 'json'], { error: 'Bitte wählen Sie ein Format: CSV, SKOS (JSON-LD) oder Stadtwissen-JSON.' });
