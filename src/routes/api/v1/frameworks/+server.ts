import { json } from '@sveltejs/kit';
import { frameworkSummaryJson } from '$lib/server/frameworks/api-representation';
import { listFrameworks } from '$lib/server/frameworks/get-framework';
import { runApi } from '$lib/server/http/adapter';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) => runApi(event, 'frameworks.read', async (ctx) => json({ frameworks: (await listFrameworks(ctx)).map(frameworkSummaryJson) }));
