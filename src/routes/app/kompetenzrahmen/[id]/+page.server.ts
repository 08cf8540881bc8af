import type { z } from 'zod';
import type { FrameworkDocument } from '$lib/domain/framework';
import { move, setArchived, updateMeta } from '$lib/domain/framework/editing';
import { archiveItemForm, metaFormSchema, moveItemForm } from '$lib/schemas/frameworks';
import { archiveFramework, editDraft, publishFramework, type DraftChange } from '$lib/server/frameworks/edit-draft';
import { getFrameworkPage } from '$lib/server/frameworks/get-framework-page';
import { loadPage, runAction } from '$lib/server/http/adapter';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

export const load: PageServerLoad = (event) =>
	loadPage(event, 'frameworks.read', async (ctx) => ({
		...(await getFrameworkPage(ctx, event.params.id)),
		savedVersion: event.url.searchParams.get('gespeichert'),
		publishedVersion: event.url.searchParams.get('veroeffentlicht')
	}));

const saved = (id: string, { versionNumber }: { versionNumber: number }, code?: string) =>
	`/app/kompetenzrahmen/${id}?gespeichert=${versionNumber}${code ? `#item-${encodeURIComponent(code)}` : ''}`;

/** An action on one area or competence of the draft, back at that item. */
const itemAction =
	<I extends { code: string }>(form: z.ZodType<I>, change: (document: FrameworkDocument, input: I) => ReturnType<DraftChange>) =>
	(event: RequestEvent) =>
		runAction(event, {
			access: 'org.manage',
			form,
			run: (ctx, input) => editDraft(ctx, event.params.id, (doc) => change(doc, input)),
			redirect: (result, { code }) => saved(event.params.id, result, code)
		});

export const actions: Actions = {
	move: itemAction(moveItemForm, (doc, { code, direction }) => move(doc, code, direction)),
	archive: itemAction(archiveItemForm, (doc, { code, archived }) => setArchived(doc, code, archived)),
	meta: (event) =>
		runAction(event, { access: 'org.manage', form: metaFormSchema, run: (ctx, meta) => editDraft(ctx, event.params.id, (doc) => updateMeta(doc, meta)), redirect: (result) => saved(event.params.id, result) }),
	publish: (event) =>
		runAction(event, { access: 'org.manage', run: (ctx) => publishFramework(ctx, event.params.id), redirect: (number) => `/app/kompetenzrahmen/${event.params.id}?veroeffentlicht=${number}` }),
	archiveFramework: (event) => runAction(event, { access: 'org.manage', run: (ctx) => archiveFramework(ctx, event.params.id), redirect: () => '/app/kompetenzrahmen' })
};
