import { json } from '@sveltejs/kit';
import { apiSubmissionSchema } from '$lib/schemas/studies';
import { runApi } from '$lib/server/http/adapter';
import { questionnaireDocument } from '$lib/server/studies/get-questionnaire-document';
import { submitQuestionnaireDocument } from '$lib/server/studies/submit-questionnaire-document';
import { readBody } from '$lib/server/validate';
import type { RequestHandler } from './$types';

/** The questionnaire for this link: items with codes, horizons, scale, group, round and Delphi feedback. */
export const GET: RequestHandler = (event) => runApi(event, 'public', async (ctx) => json(await questionnaireDocument(ctx, event.params.token)));

/** Submit once: `Idempotency-Key` required; the same key with the same body returns the same receipt. */
export const POST: RequestHandler = (event) =>
	runApi(event, 'public', async (ctx) => {
		const key = event.request.headers.get('idempotency-key');
		const receipt = await submitQuestionnaireDocument(ctx, event.params.token, key, key ? await readBody(event.request, apiSubmissionSchema) : { answers: [] });
		return json({ receipt }, { status: 201 });
	});
