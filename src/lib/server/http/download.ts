export interface DownloadFile {
	/** A stream for large files that are written while they are sent. */
	body: string | Uint8Array | ReadableStream<Uint8Array>;
	contentType: string;
	fileName: string;
}

/** A file download; the name is given both ASCII-safe and in UTF-8 (RFC 6266) for umlauts. */
export function attachment(file: DownloadFile): Response {
	const ascii = file.fileName.replace(/[^\x20-\x7e]/g, '_').replace(/"/g, '');
	return new Response(file.body as BodyInit, {
		headers: {
			'content-type': file.contentType,
			'content-disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
			'cache-control': 'private, no-store'
		}
	});
}
