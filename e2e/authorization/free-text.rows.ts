/**
 * Offene Antworten (freitext): owners and organisers review a closed round's free-text answers,
 * hide single texts and release questions; viewers and facilitators are refused (403), another
 * organisation gets 404, nobody signed in goes to the login. A refused request changes nothing:
 * each action row first puts the study into the opposite state (as the owner), then checks what
 * the results API shows afterwards. Texts of a group below max(k, 8) never appear.
 */
import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import { login, postForm, request } from '../support/http';
import { ACCOUNTS, api, BASE, FORBIDDEN, byRole, expectOwnOrganisationOnly, toLogin, to, type Actor, type Context, type Fixtures, type Row } from './table';

const TITLE = 'Offene Antworten (Berechtigungstest)';
const FOREIGN_TITLE = 'Fremde offene Antworten (Berechtigungstest)';
const QUESTION = 'Was kann Verwaltung von Stadtmacher*innen lernen?';
/** Verwaltung: 8 people, just enough; Politik: 2, below max(k, 8) = 8. */
const PARTICIPANTS = { verwaltung: 8, politik: 2 } as const;
const answerText = (group: string, person: number) => `Freitext ${group} ${person + 1}`;

interface Questionnaire {
	pages: { competences: { code: string; items: { measure: string; horizon: string | null }[] }[] }[];
}

/** The owner's own session for set-up posts (the table's sessions stay untouched). */
let ownerSession: string | undefined;
/** The text of the answer the hide/show rows aim at (read from the review page). */
const answer = { text: '' };
const ownerCookie = async () => (ownerSession ??= await login(BASE, ACCOUNTS.owner.email, ACCOUNTS.owner.password));

export async function prepare(f: Fixtures): Promise<void> {
	const { id } = await api<{ id: string }>(f.token.owner, 'POST', '/api/v1/studies', {
		title: TITLE,
		frameworkId: f.shippedFrameworkId,
		competences: ['A1.1'],
		groups: [
			{ key: 'verwaltung', label: 'Verwaltung' },
			{ key: 'politik', label: 'Politik' }
		],
		horizons: [{ key: 'heute', label: 'heute', years: 0 }],
		openQuestions: [{ key: 'lernen', label: QUESTION }],
		minGroupSize: 3
	});
	await api(f.token.owner, 'POST', `/api/v1/studies/${id}/status`, { status: 'open' });
	for (const [group, count] of Object.entries(PARTICIPANTS)) {
		const { tokens } = await api<{ tokens: string[] }>(f.token.owner, 'POST', `/api/v1/studies/${id}/invitations`, { group, count });
		for (const [person, link] of tokens.entries()) {
			const questionnaire = await api<Questionnaire>(undefined, 'GET', `/api/v1/participate/${link}`);
			const answers = questionnaire.pages.flatMap((page) => page.competences.flatMap((c) => c.items.map((item) => ({ competence: c.code, measure: item.measure, horizon: item.horizon, value: 3 }))));
			await api(undefined, 'POST', `/api/v1/participate/${link}`, { answers, open: { lernen: answerText(group, person) } }, { 'idempotency-key': randomUUID() });
		}
	}
	await api(f.token.owner, 'POST', `/api/v1/studies/${id}/status`, { status: 'closed' });
	f.ids.freitextStudie = id;
	// One answer's id, from the owner's review page, for the hide/show rows.
	const html = await (await request(BASE, 'GET', `/app/analysen/${id}/ergebnisse/freitext`, null, { cookie: await ownerCookie() })).text();
	const match = /id="antwort-([0-9a-f-]{36})"[\s\S]*?Freitext verwaltung (\d)/.exec(html);
	if (!match) throw new Error('no answer on the review page');
	f.ids.freitextAntwort = match[1];
	answer.text = `Freitext verwaltung ${match[2]}`;
	const foreign = await api<{ id: string }>(f.token.otherOrg, 'POST', '/api/v1/studies', { title: FOREIGN_TITLE, frameworkId: f.shippedFrameworkId, competences: ['A1.1'], openQuestions: [{ key: 'lernen', label: 'Was?' }] });
	f.ids.freitextFremd = foreign.id;
}

// ─── Checks ──────────────────────────────────────────────────────────────────────────────────

/** A string path naming its run-time study as `:name`, so the coverage check sees each form action. */
const reviewPath = (id: string, rest = '') => `/app/analysen/:${id}/ergebnisse/freitext${rest}`;
const allowed = (actor: Actor) => actor === 'owner' || actor === 'organiser';
const manage = (anonymous: string, success: number | ReturnType<typeof to>) => byRole(toLogin(anonymous), 404, success, success, 403, 403);

/** What the results API shows of the study's open answers (as the owner). */
async function shown(f: Fixtures): Promise<{ question: string; group: string; texts: string[] }[]> {
	return (await api<{ openAnswers: { question: string; group: string; texts: string[] }[] }>(f.token.owner, 'GET', `/api/v1/studies/${f.ids.freitextStudie}/results`)).openAnswers;
}

/** As the owner, before the actor's request: the state the request would change. */
async function ownerPost(action: string, fields: Record<string, string>, f: Fixtures): Promise<void> {
	const response = await postForm(BASE, `/app/analysen/${f.ids.freitextStudie}/ergebnisse/freitext?/${action}`, fields, { cookie: await ownerCookie() });
	expect(response.status, `set-up ${action}`).toBe(303);
}

/** Pages and refusals: the own organisation only; 403 says why; nothing of the study unless allowed; never a small group's text. */
function pageChecks(c: Context, title = TITLE): void {
	expect(c.text).not.toContain('Freitext politik');
	if (c.actor === 'anonymous' || c.response.status === 303) return;
	expectOwnOrganisationOnly(c);
	if (c.response.status === 403) expect(c.text).toContain(FORBIDDEN);
	if (c.response.status === 403 || c.response.status === 404) {
		expect(c.text).not.toContain(title);
		expect(c.text).not.toContain('Freitext verwaltung');
	}
}

const releaseForm = () => ({ round: '1', question: 'lernen' });
const answerForm = (f: Fixtures) => ({ round: '1', answerId: f.ids.freitextAntwort });

// ─── Rows ────────────────────────────────────────────────────────────────────────────────────

export const rows: Row[] = [
	{
		route: '/app/analysen/[id]/ergebnisse/freitext',
		method: 'GET',
		path: reviewPath('freitextStudie'),
		auth: 'session',
		expect: manage('/app/analysen/:freitextStudie/ergebnisse/freitext', 200),
		check: (c) => {
			pageChecks(c);
			if (c.response.status !== 200) return;
			expect(c.text).toContain(`Offene Antworten prüfen: ${TITLE}`);
			expect(c.text).toContain(QUESTION);
			for (let person = 0; person < PARTICIPANTS.verwaltung; person += 1) expect(c.text).toContain(answerText('verwaltung', person));
			expect(c.text).toContain('zu wenige Antworten, um Texte zu zeigen (n &lt; 8)');
		}
	},
	{
		// The other organisation's own draft: its owner learns there is no closed round; everybody else 404.
		route: '/app/analysen/[id]/ergebnisse/freitext',
		method: 'GET',
		path: reviewPath('freitextFremd'),
		auth: 'session',
		expect: byRole(toLogin('/app/analysen/:freitextFremd/ergebnisse/freitext'), 409, 404, 404, 403, 403),
		check: (c) => pageChecks(c, FOREIGN_TITLE)
	},
	{
		route: '/app/analysen/[id]/ergebnisse/freitext',
		method: 'POST',
		path: reviewPath('freitextStudie', '?/release'),
		auth: 'session',
		form: async (f) => {
			await ownerPost('withdraw', releaseForm(), f);
			return releaseForm();
		},
		expect: manage('/app/analysen/:freitextStudie/ergebnisse/freitext?/release', to('/app/analysen/:freitextStudie/ergebnisse/freitext?runde=1&hinweis=release#frage-lernen')),
		check: async (c) => {
			pageChecks(c);
			const after = await shown(c.f);
			if (!allowed(c.actor)) return expect(after).toEqual([]);
			expect(after.map((a) => [a.question, a.group, a.texts.length])).toEqual([['lernen', 'verwaltung', 8]]);
		}
	},
	{
		route: '/app/analysen/[id]/ergebnisse/freitext',
		method: 'POST',
		path: reviewPath('freitextStudie', '?/withdraw'),
		auth: 'session',
		form: async (f) => {
			await ownerPost('release', releaseForm(), f);
			return releaseForm();
		},
		expect: manage('/app/analysen/:freitextStudie/ergebnisse/freitext?/withdraw', to('/app/analysen/:freitextStudie/ergebnisse/freitext?runde=1&hinweis=withdraw#frage-lernen')),
		check: async (c) => {
			pageChecks(c);
			expect((await shown(c.f)).length).toBe(allowed(c.actor) ? 0 : 1);
		}
	},
	{
		// An unknown question: those allowed get a German message (422), nothing is released for anybody.
		route: '/app/analysen/[id]/ergebnisse/freitext',
		method: 'POST',
		path: reviewPath('freitextStudie', '?/release'),
		auth: 'session',
		form: async (f) => {
			await ownerPost('withdraw', releaseForm(), f);
			return { round: '1', question: '<script>alert(1)</script>' };
		},
		expect: manage('/app/analysen/:freitextStudie/ergebnisse/freitext?/release', 422),
		check: async (c) => {
			pageChecks(c);
			if (c.response.status === 422) {
				expect(c.text).toContain('Diese offene Frage gibt es in der Analyse nicht.');
				expect(c.text).not.toContain('<script>alert(1)</script>');
			}
			expect(await shown(c.f)).toEqual([]);
		}
	},
	{
		route: '/app/analysen/[id]/ergebnisse/freitext',
		method: 'POST',
		path: reviewPath('freitextStudie', '?/hide'),
		auth: 'session',
		form: async (f) => {
			await ownerPost('release', releaseForm(), f);
			await ownerPost('show', answerForm(f), f);
			return answerForm(f);
		},
		expect: manage(
			'/app/analysen/:freitextStudie/ergebnisse/freitext?/hide',
			to('/app/analysen/:freitextStudie/ergebnisse/freitext?runde=1&hinweis=hide#antwort-:freitextAntwort')
		),
		check: async (c) => {
			pageChecks(c);
			const texts = (await shown(c.f))[0].texts;
			expect(texts.includes(answer.text)).toBe(!allowed(c.actor));
			expect(texts.length).toBe(allowed(c.actor) ? 7 : 8);
		}
	},
	{
		route: '/app/analysen/[id]/ergebnisse/freitext',
		method: 'POST',
		path: reviewPath('freitextStudie', '?/show'),
		auth: 'session',
		form: async (f) => {
			await ownerPost('release', releaseForm(), f);
			await ownerPost('hide', answerForm(f), f);
			return answerForm(f);
		},
		expect: manage(
			'/app/analysen/:freitextStudie/ergebnisse/freitext?/show',
			to('/app/analysen/:freitextStudie/ergebnisse/freitext?runde=1&hinweis=show#antwort-:freitextAntwort')
		),
		check: async (c) => {
			pageChecks(c);
			expect((await shown(c.f))[0].texts.includes(answer.text)).toBe(allowed(c.actor));
		}
	},
	{
		// Another study's answer id (the other organisation's study): 404 for everybody who gets that far.
		route: '/app/analysen/[id]/ergebnisse/freitext',
		method: 'POST',
		path: reviewPath('freitextFremd', '?/hide'),
		auth: 'session',
		form: async (f) => {
			await ownerPost('release', releaseForm(), f);
			await ownerPost('show', answerForm(f), f);
			return answerForm(f);
		},
		expect: byRole(toLogin('/app/analysen/:freitextFremd/ergebnisse/freitext?/hide'), 409, 404, 404, 403, 403),
		check: async (c) => {
			pageChecks(c, FOREIGN_TITLE);
			expect((await shown(c.f))[0].texts).toContain(answer.text);
		}
	}
];
