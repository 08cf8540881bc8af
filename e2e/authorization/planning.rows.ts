/**
 * Qualifizierungsplan: owners and organisers (plans.manage) build plans from the demo's closed
 * study through the API; facilitators and viewers are refused (403), another organisation gets
 * 404 for the demo's plan, never 403. A published plan is public; a draft is 404 for everyone.
 *
 * `prepare` lets the demo owner create a draft plan (`plId`) with one measure (`plMeasure`) on its
 * first gap (`plCompetence`, `plHorizon`), and a published plan (`plPublished`).
 */
import { expect } from 'vitest';
import { api, byRole, DEMO_SLUG, everyone, expectApiError, FORBIDDEN, json, toLogin, type Context, type Fixtures, type Row } from './table';

const DEMO_TITLE = 'Wissensbedarf Altenburg 2027';
const FOLLOW_UP_TITLE = 'Wissensbedarf Altenburg 2029 – Folgebefragung';
const STATUS = { 401: 'unauthorized', 403: 'forbidden', 404: 'not_found', 422: 'validation_failed' } as const;
const errorCode = (c: Context) => (c.response.status >= 400 ? expectApiError(c, STATUS[c.response.status as keyof typeof STATUS]) : undefined);
const planners = (ok: number) => byRole(401, 404, ok, ok, 403, 403);
/** The organiser's pages: owners and organisers; another organisation's plan is 404, the other roles 403. */
const planPage = (path: string, ok: number) => byRole(toLogin(path), 404, ok, ok, 403, 403);
/**
 * A form the schema refuses: 422 with the plan page for those who may plan; another organisation
 * gets 404 (after the refused action SvelteKit renders the page, whose load does not find the plan).
 */
const invalidPlanForm = (path: string) => byRole(toLogin(path), 404, 422, 422, 403, 403);
const pageRefusal = ({ response, text }: Context) => {
	if (response.status === 403) expect(text).toContain(FORBIDDEN);
	if (response.status === 404) expect(text).not.toContain('Berechtigungstest');
};
/** An unknown measure: the planners see their plan page with the German refusal (404), another organisation not even the plan. */
const unknownMeasure = (c: Context) => {
	if (c.response.status === 404 && (c.actor === 'owner' || c.actor === 'organiser')) expect(c.text).toContain('Diese Maßnahme gibt es in diesem Plan nicht.');
	else pageRefusal(c);
};
const gap = (f: Fixtures) => ({ competence: f.ids.plCompetence, horizon: f.ids.plHorizon });

export async function prepare(f: Fixtures): Promise<void> {
	const { studies } = await api<{ studies: { id: string; title: string; status: string }[] }>(f.token.owner, 'GET', '/api/v1/studies');
	const study = studies.find((s) => s.title === DEMO_TITLE && s.status === 'closed');
	if (!study) throw new Error('the closed demo study is missing');
	f.ids.plStudy = study.id;
	const followUp = studies.find((s) => s.title === FOLLOW_UP_TITLE && s.status === 'closed');
	if (!followUp) throw new Error('the closed demo follow-up study is missing');
	f.ids.plFollowUp = followUp.id;
	f.ids.plId = (await api<{ id: string }>(f.token.owner, 'POST', '/api/v1/plans', { studyId: study.id, title: 'Plan für den Berechtigungstest' })).id;
	const plan = await api<{ gaps: { competence: string; horizon: string }[] }>(f.token.owner, 'GET', `/api/v1/plans/${f.ids.plId}`);
	f.ids.plCompetence = plan.gaps[0].competence;
	f.ids.plHorizon = plan.gaps[0].horizon;
	f.ids.plMeasure = (await api<{ id: string }>(f.token.owner, 'POST', `/api/v1/plans/${f.ids.plId}/measures`, { ...gap(f), slot: 'heute' })).id;
	f.ids.plPublished = (await api<{ id: string }>(f.token.owner, 'POST', '/api/v1/plans', { studyId: study.id, title: 'Veröffentlichter Plan (Berechtigungstest)' })).id;
	await api(f.token.owner, 'POST', `/api/v1/plans/${f.ids.plPublished}/publication`, { published: true });
}

export const rows: Row[] = [
	{
		route: '/api/v1/plans',
		method: 'GET',
		path: '/api/v1/plans',
		auth: 'token',
		expect: byRole(401, 200, 200, 200, 403, 403),
		check: async (c) => {
			await errorCode(c);
			if (c.response.status !== 200) return;
			const titles = ((await json(c)).plans as { title: string }[]).map((p) => p.title);
			if (c.actor === 'otherOrg') expect(titles).not.toContain('Plan für den Berechtigungstest');
			else expect(titles).toContain('Plan für den Berechtigungstest');
		}
	},
	{
		route: '/api/v1/plans',
		method: 'POST',
		path: '/api/v1/plans',
		auth: 'token',
		json: (f) => ({ studyId: f.ids.plStudy }),
		expect: planners(201),
		check: errorCode
	},
	{
		route: '/api/v1/plans/[id]',
		method: 'GET',
		path: '/api/v1/plans/:plId',
		auth: 'token',
		expect: planners(200),
		check: async (c) => {
			await errorCode(c);
			if (c.response.status === 200) expect(await json(c)).toMatchObject({ study: { id: c.f.ids.plStudy }, rule: { minGap: 0.5, topN: 10 } });
			else expect(c.text).not.toContain('Berechtigungstest');
		}
	},
	{
		// "Was hat sich verändert?": the demo's follow-up study against the plan's study.
		route: '/api/v1/plans/[id]/comparison',
		method: 'GET',
		path: (f) => `/api/v1/plans/${f.ids.plId}/comparison?studyId=${f.ids.plFollowUp}`,
		auth: 'token',
		expect: planners(200),
		check: async (c) => {
			await errorCode(c);
			if (c.response.status === 200) expect(await json(c)).toMatchObject({ base: { id: c.f.ids.plStudy, title: DEMO_TITLE }, followUp: { id: c.f.ids.plFollowUp, title: FOLLOW_UP_TITLE } });
			else expect(c.text).not.toContain('Folgebefragung');
		}
	},
	{
		route: '/api/v1/plans/[id]/export.xlsx',
		method: 'GET',
		path: '/api/v1/plans/:plId/export.xlsx',
		auth: 'token',
		expect: planners(200),
		check: async (c) => {
			if (c.response.status === 200) expect(c.response.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
			else await errorCode(c);
		}
	},
	{
		route: '/api/v1/plans/[id]/export.pdf',
		method: 'GET',
		path: '/api/v1/plans/:plId/export.pdf',
		auth: 'token',
		expect: planners(200),
		check: async (c) => {
			if (c.response.status === 200) expect(c.response.headers.get('content-type')).toBe('application/pdf');
			else await errorCode(c);
		}
	},
	{
		route: '/api/v1/plans/[id]/gaps',
		method: 'POST',
		path: '/api/v1/plans/:plId/gaps',
		auth: 'token',
		json: (f) => ({ ...gap(f), status: 'prioritised' }),
		expect: planners(200),
		check: errorCode
	},
	{
		route: '/api/v1/plans/[id]/measures',
		method: 'POST',
		path: '/api/v1/plans/:plId/measures',
		auth: 'token',
		json: (f) => ({ ...gap(f), slot: 'morgen', responsible: 'Berechtigungstest' }),
		expect: planners(201),
		check: errorCode
	},
	{
		route: '/api/v1/plans/[id]/measures/[measure]',
		method: 'PATCH',
		path: '/api/v1/plans/:plId/measures/:plMeasure',
		auth: 'token',
		json: () => ({ slot: 'uebermorgen' }),
		expect: planners(200),
		check: errorCode
	},
	{
		// A measure nobody has: the owner's and organiser's refusal is 404, after the role check.
		route: '/api/v1/plans/[id]/measures/[measure]',
		method: 'DELETE',
		path: '/api/v1/plans/:plId/measures/00000000-0000-4000-8000-000000000000',
		auth: 'token',
		expect: planners(404),
		check: errorCode
	},
	{
		// An unknown level: nothing is created (a real one would add a draft module to the demo catalogue per run).
		route: '/api/v1/plans/[id]/modules',
		method: 'POST',
		path: '/api/v1/plans/:plId/modules',
		auth: 'token',
		json: (f) => ({ ...gap(f), level: 'meisterhaft' }),
		expect: byRole(401, 422, 422, 422, 403, 403),
		check: errorCode
	},
	{
		route: '/api/v1/plans/[id]/publication',
		method: 'POST',
		path: '/api/v1/plans/:plId/publication',
		auth: 'token',
		json: () => ({ published: false }),
		expect: planners(200),
		check: errorCode
	},
	{
		route: '/api/v1/plans/[id]/public',
		method: 'GET',
		path: '/api/v1/plans/:plPublished/public',
		auth: 'token',
		expect: everyone(200),
		check: async (c) => expect(await json(c)).toMatchObject({ status: 'published', study: { id: c.f.ids.plStudy } })
	},
	{
		route: '/api/v1/plans/[id]/public',
		method: 'GET',
		path: '/api/v1/plans/:plId/public',
		auth: 'token',
		expect: everyone(404),
		check: async (c) => {
			await errorCode(c);
			expect(c.text).not.toContain('Berechtigungstest');
		}
	},

	// The organiser's pages (/app/plaene) and the public plan page (/o/[slug]/plaene/[id]).
	{ route: '/app/plaene', method: 'GET', path: '/app/plaene', auth: 'session', expect: byRole(toLogin('/app/plaene'), 200, 200, 200, 403, 403), check: pageRefusal },
	// No study chosen: refused at the field, nothing created.
	{ route: '/app/plaene', method: 'POST', path: '/app/plaene?/create', auth: 'session', form: () => ({ studyId: '', minGap: '0,5', topN: '10' }), expect: byRole(toLogin('/app/plaene?/create'), 422, 422, 422, 403, 403), check: pageRefusal },
	{ route: '/app/plaene/[id]', method: 'GET', path: '/app/plaene/:plId', auth: 'session', expect: planPage('/app/plaene/:plId', 200), check: pageRefusal },
	// Dropping without a reason is refused (422, read before the plan) and changes nothing.
	{ route: '/app/plaene/[id]', method: 'POST', path: '/app/plaene/:plId?/decide', auth: 'session', form: (f) => ({ ...gap(f), status: 'dropped', reason: '', confirm: 'yes' }), expect: invalidPlanForm('/app/plaene/:plId?/decide'), check: pageRefusal },
	// An unknown level: no draft module is created per run.
	{ route: '/app/plaene/[id]', method: 'POST', path: '/app/plaene/:plId?/module', auth: 'session', form: (f) => ({ ...gap(f), level: 'meisterhaft', slot: 'heute' }), expect: invalidPlanForm('/app/plaene/:plId?/module'), check: pageRefusal },
	{ route: '/app/plaene/[id]', method: 'POST', path: '/app/plaene/:plId?/addMeasure', auth: 'session', form: (f) => ({ ...gap(f), slot: 'heute', costPerParticipantCents: 'viel' }), expect: invalidPlanForm('/app/plaene/:plId?/addMeasure'), check: pageRefusal },
	{ route: '/app/plaene/[id]', method: 'POST', path: '/app/plaene/:plId?/editMeasure', auth: 'session', form: (f) => ({ measure: f.ids.plMeasure, slot: 'morgen', costPerParticipantCents: '12,50', expectedParticipants: '4' }), expect: planPage('/app/plaene/:plId?/editMeasure', 200), check: pageRefusal },
	{ route: '/app/plaene/[id]', method: 'POST', path: '/app/plaene/:plId?/removeMeasure', auth: 'session', form: () => ({ measure: '00000000-0000-4000-8000-000000000000', confirm: 'yes' }), expect: planPage('/app/plaene/:plId?/removeMeasure', 404), check: unknownMeasure },
	{ route: '/app/plaene/[id]', method: 'POST', path: '/app/plaene/:plId?/publish', auth: 'session', form: () => ({ published: 'false' }), expect: planPage('/app/plaene/:plId?/publish', 200), check: pageRefusal },
	{
		route: '/app/plaene/[id]/export.xlsx',
		method: 'GET',
		path: '/app/plaene/:plId/export.xlsx',
		auth: 'session',
		// A file, not a page: nobody signed in gets 401 (no layout sends them to the login).
		expect: byRole(401, 404, 200, 200, 403, 403),
		check: (c) => {
			if (c.response.status === 200) expect(c.response.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
			else expect(c.text).not.toContain('Berechtigungstest');
		}
	},
	{
		route: '/app/plaene/[id]/export.pdf',
		method: 'GET',
		path: '/app/plaene/:plId/export.pdf',
		auth: 'session',
		expect: byRole(401, 404, 200, 200, 403, 403),
		check: (c) => {
			if (c.response.status === 200) expect(c.response.headers.get('content-type')).toBe('application/pdf');
			else expect(c.text).not.toContain('Berechtigungstest');
		}
	},
	{ route: '/o/[slug]/plaene/[id]', method: 'GET', path: `/o/${DEMO_SLUG}/plaene/:plPublished`, auth: 'session', expect: everyone(200), check: (c) => expect(c.text).toContain('Veröffentlichter Plan (Berechtigungstest)') },
	{ route: '/o/[slug]/plaene/[id]', method: 'GET', path: `/o/${DEMO_SLUG}/plaene/:plId`, auth: 'session', expect: everyone(404), check: (c) => expect(c.text).not.toContain('Berechtigungstest') },
];
