import { and, eq, ne } from 'drizzle-orm';
import { encodeGlossaryFile } from '../../domain/glossary/codec';
import { compareTerms } from '../../domain/glossary/entry';
import { glossaryToCsv, glossaryToSkos } from '../../domain/glossary/exchange';
import { slugify } from '../../format/slug';
import type { OrgContext, RequestContext } from '../context';
import type { Db } from '../db/client';
import { glossaryEntries } from '../db/schema';
import { AppError } from '../errors';
import type { DownloadFile } from '../http/download';
import { APP_COLOUR, pdfIdentity } from '../identity/pdf-identity';
import { glossaryBooklet } from './booklet-pdf';
import { organisationBySlug, toEntry } from './entries';

export const EXPORT_FORMATS = ['csv', 'skos', 'json', 'pdf'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

async function entriesOf(db: Db, orgId: string, withOutdated: boolean) {
	const rows = await db
		.select()
		.from(glossaryEntries)
		.where(and(eq(glossaryEntries.orgId, orgId), withOutdated ? undefined : ne(glossaryEntries.status, 'veraltet')));
	return rows.map(toEntry).sort((a, b) => compareTerms(a.term, b.term));
}

export const schemeUri = (baseUrl: string, slug: string) => `${baseUrl}/o/${slug}/glossar`;

async function glossaryFile(db: Db, org: { id: string; name: string; slug: string }, baseUrl: string, format: string, withOutdated: boolean): Promise<DownloadFile> {
	const entries = await entriesOf(db, org.id, withOutdated);
	const stem = `glossar-${slugify(org.slug, 'organisation')}`;
	switch (format) {
		case 'csv':
			return { body: glossaryToCsv(entries), contentType: 'text/csv; charset=utf-8', fileName: `${stem}.csv` };
		case 'skos':
			return {
				body: JSON.stringify(glossaryToSkos({ uri: schemeUri(baseUrl, org.slug), title: `Glossar – ${org.name}` }, entries), null, 2),
				contentType: 'application/ld+json; charset=utf-8',
				fileName: `${stem}-skos.jsonld`
			};
		case 'json':
			return {
				body: JSON.stringify(encodeGlossaryFile({ name: `Glossar – ${org.name}`, description: '', license: '' }, entries), null, 2),
				contentType: 'application/json; charset=utf-8',
				fileName: `${stem}.json`
			};
		case 'pdf':
			return { body: await glossaryBooklet((await pdfIdentity(db, org.id)) ?? { name: org.name, colour: APP_COLOUR, logo: null }, entries, schemeUri(baseUrl, org.slug)), contentType: 'application/pdf', fileName: `${stem}-heft.pdf` };
		default:
			throw new AppError('not_found', `Unbekanntes Format „${format.slice(0, 20)}“. Möglich sind: ${EXPORT_FORMATS.join(', ')}.`);
	}
}

/** The organiser's download: every entry, outdated ones included (a complete copy). */
export async function exportGlossary(ctx: OrgContext, format: string): Promise<DownloadFile> {
	return glossaryFile(ctx.db, { id: ctx.org.orgId, name: ctx.org.orgName, slug: ctx.org.orgSlug }, ctx.baseUrl, format, true);
}

/** The public download (booklet, SKOS): what the public page shows. */
export async function publicGlossaryFile(ctx: RequestContext, slug: string, format: 'pdf' | 'skos'): Promise<DownloadFile> {
	return glossaryFile(ctx.db, await organisationBySlug(ctx.db, slug), ctx.baseUrl, format, false);
}
