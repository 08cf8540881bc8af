import { fail, redirect } from '@sveltejs/kit';
import { AppError } from '$lib/server/errors';
import { EXCHANGE_FORMATS, previewImport, type ExchangeFormat } from '$lib/server/frameworks/exchange';
import { requireTenant } from '$lib/server/http/guard';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => {
	requireTenant(locals, 'org.manage');
};

export const actions: Actions = {
	default: async ({ request, locals }) => {
		const ctx = requireTenant(locals, 'org.manage');
		const form = await request.formData().catch(() => null);
		if (!form) return fail(400, { message: 'Die Datei konnte nicht gelesen werden. Ist sie größer als 5 MB?', lines: [], format: 'csv' });
		const format = String(form.get('format') ?? '');
		const file = form.get('file');
		if (!(EXCHANGE_FORMATS as readonly string[]).includes(format)) {
			return fail(422, { message: 'Bitte wählen Sie das Format der Datei.', lines: [], format: 'csv' });
		}
		if (!(file instanceof File) || file.size === 0) {
			return fail(422, { message: 'Bitte wählen Sie eine Datei aus. Leere Dateien können nicht importiert werden.', lines: [], format });
		}
		let preview;
		try {
			preview = await previewImport(ctx, {
				format: format as ExchangeFormat,
				fileName: file.name,
				bytes: new Uint8Array(await file.arrayBuffer()),
				language: form.get('language') === 'en' ? 'en' : 'de'
			});
		} catch (cause) {
			if (cause instanceof AppError) return fail(cause.status, { message: cause.message, lines: cause.details, format });
			throw cause;
		}
		redirect(303, `/app/kompetenzrahmen/import/${preview.importId}`);
	}
};
