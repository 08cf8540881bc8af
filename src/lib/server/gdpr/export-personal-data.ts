import { recordAudit } from '../audit';
import type { RequestContext } from '../context';
import type { DownloadFile } from '../http/download';
import { pdfIdentity } from '../identity/pdf-identity';
import type { PersonalDataRequest } from '../../schemas/gdpr';
import { collectPersonalData, type PersonalDataExport, type Reach } from './personal-data';
import { personalDataPdf } from './personal-data-pdf';

/** Who asks: an owner in the app (reach: their organisation) or the CLI (the instance). */
export type GdprContext = Pick<RequestContext, 'db' | 'now'> & { actor?: { userId: string } | null; org?: { orgId: string } };

const reachOf = (ctx: GdprContext): Reach => (ctx.org ? { orgId: ctx.org.orgId } : null);
const day = (now: Date) => now.toISOString().slice(0, 10);

/** Art. 15 DSGVO: the data and the request recorded (who asked, when, which kind — never the data or the address). */
export async function collectForRequest(ctx: GdprContext, input: PersonalDataRequest, format: 'json' | 'pdf'): Promise<PersonalDataExport> {
	const data = await collectPersonalData(ctx.db, input.email, reachOf(ctx), ctx.now);
	await recordAudit(ctx.db, 'personal_data_exported', { orgId: ctx.org?.orgId ?? null, userId: ctx.actor?.userId ?? null, detail: { kind: 'auskunft', format } });
	return data;
}

export async function exportPersonalDataJson(ctx: GdprContext, input: PersonalDataRequest): Promise<DownloadFile> {
	const data = await collectForRequest(ctx, input, 'json');
	return { body: JSON.stringify(data, null, 2) + '\n', contentType: 'application/json; charset=utf-8', fileName: `auskunft-${day(ctx.now)}.json` };
}

export async function exportPersonalDataPdf(ctx: GdprContext, input: PersonalDataRequest): Promise<DownloadFile> {
	const data = await collectForRequest(ctx, input, 'pdf');
	const identity = ctx.org ? await pdfIdentity(ctx.db, ctx.org.orgId) : null;
	return { ...(await personalDataPdf(data, { identity })), fileName: `auskunft-${day(ctx.now)}.pdf` };
}
