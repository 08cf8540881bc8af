import { apiError } from '$lib/server/http/failures';
import type { RequestHandler } from './$types';

/** Unknown API paths answer in the API's own error format, not with an HTML page. */
export const fallback: RequestHandler = () => apiError('not_found', 'Diesen API-Endpunkt gibt es nicht. Die Beschreibung steht unter /api/v1/openapi.json.');
