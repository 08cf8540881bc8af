import { copyFrameworkForm, emptyFrameworkForm } from '$lib/schemas/frameworks';
import { can } from '$lib/server/auth/actor';
import { createFramework } from '$lib/server/frameworks/create-framework';
import { listFrameworks } from '$lib/server/frameworks/get-framework';
import { loadPage, runAction } from '$lib/server/http/adapter';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) =>
	loadPage(event, 'frameworks.read', async (ctx) => ({ frameworks: await listFrameworks(ctx), mayEdit: can(ctx.actor, 'org.manage') }));

const opened = ({ id }: { id: string }) => `/app/kompetenzrahmen/${id}`;

export const actions: Actions = {
	copy: (event) => runAction(event, { access: 'org.manage', form: copyFrameworkForm, run: (ctx, { frameworkId }) => createFramework(ctx, { kind: 'copy', frameworkId }), redirect: opened }),
	empty: (event) => runAction(event, { access: 'org.manage', form: emptyFrameworkForm, run: (ctx, names) => createFramework(ctx, { kind: 'empty', ...names }), redirect: opened })
};
