import { error } from '@sveltejs/kit';
import { AppError } from '$lib/server/errors';
import { attachment } from '$lib/server/http/download';
import { requireTenant } from '$lib/server/http/guard';
import { invitationCsv, invitationPdf, publicBaseUrl } from '$lib/server/studies/invitation-sheet';
import { batchLinks } from '$lib/server/studies/invitations';
import { getStudy } from '$lib/server/studies/manage-study';
import type { RequestHandler } from './$types';

/** The links of a batch not yet confirmed as handed out: ?format=csv (Excel) or ?format=pdf (slips to cut). */
export const GET: RequestHandler = async ({ locals, params, url }) => {
	const ctx = requireTenant(locals, 'org.manage');
	const format = url.searchParams.get('format') ?? 'csv';
	if (format !== 'csv' && format !== 'pdf') error(400, 'Unbekanntes Format. Möglich sind csv und pdf.');
	try {
		const study = await getStudy(ctx, params.id);
		const { batch, links } = await batchLinks(ctx, study.id, params.batchId, publicBaseUrl(url));
		const input = {
			studyTitle: study.title,
			groupKey: batch.groupKey,
			groupLabel: study.groups.find((g) => g.key === batch.groupKey)?.label ?? batch.groupKey,
			links,
			day: batch.createdAt.toISOString().slice(0, 10)
		};
		return attachment(format === 'pdf' ? await invitationPdf(input) : invitationCsv(input));
	} catch (cause) {
		if (cause instanceof AppError) error(cause.status, cause.message);
		throw cause;
	}
};
