import { werkstattDeleteForm, werkstattModerateForm, werkstattSeedForm, werkstattStatusForm } from '$lib/schemas/werkstatt-room';
import { loadPage, runAction } from '$lib/server/http/adapter';
import { deleteWerkstatt } from '$lib/server/werkstatt/delete-werkstatt';
import { getWerkstattRoom } from '$lib/server/werkstatt/get-werkstatt-room';
import { importPolis } from '$lib/server/werkstatt/import-polis';
import { moderateStatement } from '$lib/server/werkstatt/moderate-statement';
import { readPolisUpload } from '$lib/server/werkstatt/read-polis-upload';
import { seedStatements } from '$lib/server/werkstatt/seed-statements';
import { setWerkstattStatus } from '$lib/server/werkstatt/set-werkstatt-status';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => loadPage(event, 'sessions.facilitate', async (ctx) => ({ ...(await getWerkstattRoom(ctx, event.params.id)), created: event.url.searchParams.has('angelegt') }));

export const actions: Actions = {
	status: (event) => runAction(event, { access: 'sessions.facilitate', form: werkstattStatusForm, run: (ctx, input) => setWerkstattStatus(ctx, event.params.id, input).then((r) => ({ done: r.status })) }),
	seed: (event) =>
		runAction(event, { access: 'sessions.facilitate', form: werkstattSeedForm, run: (ctx, input) => seedStatements(ctx, event.params.id, input).then((r) => ({ done: 'seeded', count: r.statements.length })), failure: { seedForm: true } }),
	moderate: (event) =>
		runAction(event, {
			access: 'sessions.facilitate',
			form: werkstattModerateForm,
			run: (ctx, { statement, ...input }) => moderateStatement(ctx, event.params.id, statement, input).then((r) => ({ done: 'moderated', statement: r.id, action: input.action })),
			failure: { moderateForm: true }
		}),
	import: (event) =>
		runAction(event, { access: 'org.manage', form: readPolisUpload, run: (ctx, upload) => importPolis(ctx, event.params.id, upload).then((r) => ({ done: 'imported', ...r })), failure: { importForm: true } }),
	delete: (event) =>
		runAction(event, { access: 'org.manage', form: werkstattDeleteForm, run: (ctx) => deleteWerkstatt(ctx, event.params.id), redirect: () => '/app/werkstatt?geloescht' })
};
