import { initialOf } from '../../domain/glossary/entry';
import { searchMatches } from '../../domain/glossary/match';
import type { RequestContext } from '../context';
import { organisationBySlug } from './entries';
import { publicEntries, publicEntry } from './public-entries';

/** An organisation's public glossary: A–Z letters, entries (without outdated ones), searched by any form of a word. */
export async function publicGlossary(ctx: RequestContext, slug: string, query: string | null) {
	const org = await organisationBySlug(ctx.db, slug);
	const all = await publicEntries(ctx.db, org.id);
	const q = (query ?? '').trim().slice(0, 100);
	const shown = q ? all.filter((entry) => searchMatches(q, entry)) : all;
	const letters = [...new Set(shown.map((entry) => initialOf(entry.term)))];
	return {
		organisation: { name: org.name, slug: org.slug },
		query: q,
		total: all.length,
		letters,
		groups: letters.map((letter) => ({ letter, entries: shown.filter((entry) => initialOf(entry.term) === letter).map(publicEntry) }))
	};
}

