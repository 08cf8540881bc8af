import { AppError } from '../errors';
import type { DownloadFile } from '../http/download';
import type { OrgContext } from '../context';
import { pdfIdentity } from '../identity/pdf-identity';
import { invitationCsv, invitationPdf } from './invitation-sheet';
import { getBatchLinks } from './get-batch-links';
import { getStudy } from './get-study';

/** A batch's links as a file to hand out — CSV for Excel or PDF slips with QR codes — until it is confirmed as handed out. */
export async function batchSheet(ctx: OrgContext, studyId: string, batchId: string, format: string): Promise<DownloadFile> {
	if (format !== 'csv' && format !== 'pdf') throw new AppError('bad_request', 'Unbekanntes Format. Möglich sind csv und pdf.');
	const study = await getStudy(ctx, studyId);
	const { batch, links } = await getBatchLinks(ctx, study.id, batchId, ctx.baseUrl);
	const input = {
		studyTitle: study.title,
		groupKey: batch.groupKey,
		groupLabel: study.groups.find((g) => g.key === batch.groupKey)?.label ?? batch.groupKey,
		links,
		day: batch.createdAt.toISOString().slice(0, 10)
	};
	return format === 'pdf' ? invitationPdf({ ...input, identity: await pdfIdentity(ctx.db, ctx.org.orgId) }) : invitationCsv(input);
}
