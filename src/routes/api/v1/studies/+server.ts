import { json } from '@sveltejs/kit';
import { runApi } from '$lib/server/http/adapter';
import { readBody } from '$lib/server/validate';
import { z } from 'zod';
import { settingsFromApiBody, studySummaryJson } from '$lib/server/studies/api-representation';
import { createStudy } from '$lib/server/studies/create-study';
import { listStudies } from '$lib/server/studies/list-studies';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) => runApi(event, 'results.read', async (ctx) => json({ studies: (await listStudies(ctx)).map(studySummaryJson) }));

export const POST: RequestHandler = (event) =>
	runApi(event, 'org.manage', async (ctx) => {
		const { id } = await createStudy(ctx, settingsFromApiBody(await readBody(event.request, z.unknown())));
		return json({ id }, { status: 201, headers: { location: `/api/v1/studies/${id}` } });
	});
