import { json } from '@sveltejs/kit';
import { configuredBaseUrl } from '$lib/server/http/base-url';
import { openApiDocument } from '$lib/server/openapi/document';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = () => json(openApiDocument(`${configuredBaseUrl()}/api/v1`));
