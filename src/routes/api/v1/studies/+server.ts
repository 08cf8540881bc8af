import { json } from '@sveltejs/kit';
import { z } from 'zod';
import { apiHandler, readJson } from '$lib/server/http/api';
import { apiTenant } from '$lib/server/http/api-tenant';
import { settingsFromApiBody } from '$lib/server/studies/api-representation';
import { createStudy, listStudies } from '$lib/server/studies/manage-study';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = apiHandler(async ({ locals }) => {
	const ctx = apiTenant(locals, 'results.read');
	const studies = await listStudies(ctx);
	return json({
		studies: studies.map((s) => ({ id: s.id, title: s.title, status: s.status, round: s.currentRound, rounds: s.rounds, finished: s.finishedThisRound, createdAt: s.createdAt.toISOString() }))
	});
});

export const POST: RequestHandler = apiHandler(async ({ locals, request }) => {
	const ctx = apiTenant(locals, 'org.manage');
	const body = await readJson(request, z.unknown());
	const { id } = await createStudy(ctx, settingsFromApiBody(body));
	return json({ id }, { status: 201, headers: { location: `/api/v1/studies/${id}` } });
});
