import { json } from '@sveltejs/kit';
import { runApi } from '$lib/server/http/adapter';
import { readMultipart } from '$lib/server/validate';
import { importPolis } from '$lib/server/werkstatt/import-polis';
import { readPolisUpload } from '$lib/server/werkstatt/read-polis-upload';
import type { RequestHandler } from './$types';

/** Organiser token: a Pol.is export (multipart `comments`, `votes`) into an empty Werkstatt. */
export const POST: RequestHandler = (event) =>
	runApi(event, 'org.manage', async (ctx) =>
		json(await importPolis(ctx, event.params.id, await readMultipart(event.request, readPolisUpload, 'Bitte senden Sie die Dateien als multipart/form-data mit den Feldern „comments“ (comments.csv) und „votes“ (votes.csv).')), { status: 201 })
	);
