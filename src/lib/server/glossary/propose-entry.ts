import { and, eq } from 'drizzle-orm';
import { proposedWords } from '../../domain/glossary/proposer-group';
import type { GlossaryProposalInput } from '../../schemas/glossary';
import { hitRateLimit } from '../auth/rate-limit';
import type { RequestContext } from '../context';
import { glossaryEntries, glossaryProposals } from '../db/schema';
import { AppError } from '../errors';
import { organisationBySlug } from './entries';

/** Proposals per address and hour: enough for a workshop table sharing one connection, too few for a flood. */
export const PROPOSAL_LIMIT = 10;

/**
 * Anyone, without an account, proposes a new entry or a change to an entry. A filled honeypot is
 * answered like a success and stores nothing; the rate limit counts per client address. The
 * proposer's everyday words go under their group's wording ("Ich schreibe als …").
 */
export async function proposeGlossaryEntry(ctx: RequestContext, slug: string, input: GlossaryProposalInput): Promise<{ proposed: true }> {
	const org = await organisationBySlug(ctx.db, slug);
	if (input.website.trim()) return { proposed: true };
	const verdict = await hitRateLimit(ctx.db, `glossary-proposal:${ctx.clientAddress}`, PROPOSAL_LIMIT, 3600);
	if (!verdict.allowed)
		throw new AppError('rate_limited', `Von Ihrem Anschluss kamen in der letzten Stunde schon ${PROPOSAL_LIMIT} Vorschläge. Bitte versuchen Sie es später noch einmal.`, [], verdict.retryAfterSeconds);
	let entryId: string | null = null;
	if (input.entry) {
		const [entry] = await ctx.db
			.select({ id: glossaryEntries.id })
			.from(glossaryEntries)
			.where(and(eq(glossaryEntries.orgId, org.id), eq(glossaryEntries.slug, input.entry)));
		if (!entry) throw new AppError('not_found', 'Den Eintrag, zu dem Sie eine Änderung vorschlagen, gibt es nicht mehr.');
		entryId = entry.id;
	}
	await ctx.db.insert(glossaryProposals).values({
		orgId: org.id,
		kind: entryId ? 'change' : 'new',
		entryId,
		content: {
			term: input.term,
			plain: input.plain,
			...(input.example ? { example: input.example } : {}),
			...proposedWords(input.group, input.words)
		},
		comment: input.comment,
		origin: 'public',
		createdAt: ctx.now
	});
	return { proposed: true };
}
