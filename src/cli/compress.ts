import compression from 'compression';
import type http from 'node:http';
import zlib from 'node:zlib';

type Listener = (request: http.IncomingMessage, response: http.ServerResponse) => void;

/**
 * Brotli quality 2 instead of the middleware's 4: on a questionnaire page (25 KB of HTML) it costs
 * a third of the CPU for 6 % more bytes (4.3 instead of 4.0 KB) — compressing was a tenth of the
 * app server's work per questionnaire (bench/, issue 18).
 */
const BROTLI_QUALITY = 2;

/**
 * Dynamic pages, JSON and CSV leave compressed (brotli or gzip, as the browser asks): the results
 * page is ~300 KB of HTML, which a participant's phone should not download uncompressed. Responses
 * that already carry a Content-Encoding (the build's precompressed assets) pass through unchanged.
 */
export function compressed(listener: Listener): Listener {
	const compress = compression({ brotli: { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY } } } as compression.CompressionOptions) as unknown as (
		request: http.IncomingMessage,
		response: http.ServerResponse,
		next: () => void
	) => void;
	return (request, response) => compress(request, response, () => listener(request, response));
}
