import compression from 'compression';
import type http from 'node:http';

type Listener = (request: http.IncomingMessage, response: http.ServerResponse) => void;

/**
 * Dynamic pages, JSON and CSV leave compressed (brotli or gzip, as the browser asks): the results
 * page is ~300 KB of HTML, which a participant's phone should not download uncompressed. Responses
 * that already carry a Content-Encoding (the build's precompressed assets) pass through unchanged.
 */
export function compressed(listener: Listener): Listener {
	const compress = compression() as unknown as (request: http.IncomingMessage, response: http.ServerResponse, next: () => void) => void;
	return (request, response) => compress(request, response, () => listener(request, response));
}
