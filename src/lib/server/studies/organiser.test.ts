/**
 * The organiser's side of a study: the settings form, the study page's actions, the invitation
 * downloads and the /api/v1/studies endpoints — their handlers called directly with constructed
 * request events against a real database.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tenantAs } from '../../../../tests/helpers/actors';
import { createTestDatabase, type TestDatabase } from '../../../../tests/helpers/database';
import { startTestSmtp } from '../../../../tests/helpers/smtp';
import { chosenCompetences, keyFromLabel, parseKeyedLines, readStudyForm, valuesFromEcho, valuesFromSettings, type FormArea, type StudyFormValues } from '../../domain/study/settings-form';
import type { Actor } from '../auth/actor';
import { closeDatabase } from '../db/client';
import { ensureDefaultFramework } from '../frameworks/default-framework';
import { openApiDocument } from '../openapi/document';
import type { TenantContext } from '../tenant';
import { invitationCsv, invitationPdf } from './invitation-sheet';
import { getBatchLinks } from './get-batch-links';
import { createInvitationBatch } from './create-invitation-batch';
import { inviteByEmail } from './invite-by-email';
import { listBatches } from './list-batches';
import { changeStudyStatus } from './change-study-status';
import { createStudy } from './create-study';
import { getStudy } from './get-study';
import { GET as listStudiesApi, POST as createStudyApi } from '../../../routes/api/v1/studies/+server';
import { GET as getStudyApi } from '../../../routes/api/v1/studies/[id]/+server';
import { POST as statusApi } from '../../../routes/api/v1/studies/[id]/status/+server';
import { POST as roundsApi } from '../../../routes/api/v1/studies/[id]/rounds/+server';
import { POST as invitationsApi } from '../../../routes/api/v1/studies/[id]/invitations/+server';
import { actions as studyPageActions, load as studyPageLoad } from '../../../routes/app/analysen/[id]/+page.server';
import { actions as editActions } from '../../../routes/app/analysen/[id]/bearbeiten/+page.server';
import { GET as downloadBatch } from '../../../routes/app/analysen/[id]/einladungen/[batchId]/+server';
import { actions as newStudyActions, load as newStudyLoad } from '../../../routes/app/analysen/neu/+page.server';

let t: TestDatabase;
let organiser: TenantContext;
let viewer: TenantContext;
let facilitator: TenantContext;
let stranger: TenantContext;
let frameworkId: string;
const ORIGIN = 'https://stadtwissen.test';
const COMPETENCES = ['A1.1', 'A1.2', 'A3.1'];

beforeAll(async () => {
	t = await createTestDatabase();
	// E-mail invitations need a mail server: a local one of the test.
	await startTestSmtp();
	// The route handlers use the app's shared pool; point it at this file's database.
	process.env.DATABASE_URL = t.url;
	process.env.STADTWISSEN_ORIGIN = ORIGIN;
	process.env.ORIGIN = ORIGIN;
	frameworkId = await ensureDefaultFramework(t.db);
	organiser = await tenantAs(t.db, 'Stadt Altenburg', 'organiser');
	viewer = await tenantAs(t.db, 'Stadt Altenburg', 'viewer', 'results.read');
	facilitator = await tenantAs(t.db, 'Stadt Altenburg', 'facilitator', 'frameworks.read');
	stranger = await tenantAs(t.db, 'Stadt Gera', 'owner');
});

afterAll(async () => {
	await closeDatabase();
});

const tokenActor = (ctx: TenantContext): Actor => ({ ...ctx.actor, via: 'token' });

interface EventInput {
	actor: Actor | null;
	method?: string;
	path: string;
	params?: Record<string, string>;
	body?: string | FormData;
}

/** What SvelteKit hands a +server.ts handler or a form action, as far as ours read it. */
function event({ actor, method = 'GET', path, params = {}, body }: EventInput) {
	const url = new URL(path, ORIGIN);
	const headers: Record<string, string> = {};
	if (typeof body === 'string') headers['content-type'] = 'application/json';
	const request = new Request(url, { method, body, headers });
	// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a partial RequestEvent is all the handlers use
	return { locals: { actor, locale: 'de', requestId: 'test' }, params, request, url } as any;
}

async function answer(response: Response) {
	return { status: response.status, body: (await response.json()) as Record<string, unknown> & { error?: { code: string; message: string; details: { path?: string; message: string }[] } } };
}

/** Runs a form action or load; a thrown redirect/error comes back as a value. */
async function outcome<T>(work: () => Promise<T> | T): Promise<{ kind: 'value'; value: T } | { kind: 'redirect'; status: number; location: string } | { kind: 'error'; status: number; message: string }> {
	try {
		return { kind: 'value', value: await work() };
	} catch (thrown) {
		const t = thrown as { status?: number; location?: string; body?: { message: string } };
		if (t.location) return { kind: 'redirect', status: t.status!, location: t.location };
		if (t.status && t.body) return { kind: 'error', status: t.status, message: t.body.message };
		throw thrown;
	}
}

function form(fields: Record<string, string | string[]>): FormData {
	const data = new FormData();
	for (const [name, value] of Object.entries(fields)) for (const v of Array.isArray(value) ? value : [value]) data.append(name, v);
	return data;
}

describe('settings form', () => {
	it('derives keys from labels and keeps explicit ones', () => {
		const taken = new Set<string>();
		expect(keyFromLabel('Kultur- und Kreativschaffende', taken, 'gruppe1')).toBe('kultur-und-kreativschaffende');
		expect(keyFromLabel('Kultur- und Kreativschaffende', taken, 'gruppe2')).toBe('kultur-und-kreativschaffende2');
		expect(keyFromLabel('Übermorgen', taken, 'h')).toBe('uebermorgen');
		expect(keyFromLabel('2030', taken, 'horizont4')).toBe('horizont4');
		expect(keyFromLabel('all', taken, 'gruppe3')).toBe('gruppe3');

		const parsed = parseKeyedLines('verwaltung: Verwaltung\n\nStadtrat\nBeispiel: ein Satz\npolitik:Kommunalpolitik', (i) => `gruppe${i + 1}`, 'label');
		expect(parsed.items).toEqual([
			{ key: 'verwaltung', label: 'Verwaltung' },
			{ key: 'stadtrat', label: 'Stadtrat' },
			{ key: 'beispiel-ein-satz', label: 'Beispiel: ein Satz' },
			{ key: 'politik', label: 'Kommunalpolitik' }
		]);
		expect(parsed.lines).toEqual([1, 3, 4, 5]);
	});

	it('treats area boxes as "whole area" or "none" only when they were changed, also without JavaScript', () => {
		const areas = [
			{ code: 'A1', title_de: '', title_en: '', competences: [{ code: 'A1.1', title_de: '', title_en: '' }, { code: 'A1.2', title_de: '', title_en: '' }] },
			{ code: 'A2', title_de: '', title_en: '', competences: [{ code: 'A2.1', title_de: '', title_en: '' }, { code: 'A2.2', title_de: '', title_en: '' }] }
		];
		// Shown with everything ticked; the person unticks A1.2 only: A1 box still ticked, unchanged.
		expect(chosenCompetences(areas, { areas: ['A1', 'A2'], areasBefore: ['A1', 'A2'], competences: ['A1.1', 'A2.1', 'A2.2'] })).toEqual(['A1.1', 'A2.1', 'A2.2']);
		// Unticking the area box drops the whole area although its competences are still ticked.
		expect(chosenCompetences(areas, { areas: ['A1'], areasBefore: ['A1', 'A2'], competences: ['A1.1', 'A1.2', 'A2.1', 'A2.2'] })).toEqual(['A1.1', 'A1.2']);
		// Ticking the box of a partly chosen area takes the whole area.
		expect(chosenCompetences(areas, { areas: ['A2'], areasBefore: [], competences: ['A2.1'] })).toEqual(['A2.1', 'A2.2']);
	});

	it('round-trips settings through the form values', () => {
		const values = valuesFromSettings({
			title: 'T',
			introduction: '',
			frameworkId: 'f',
			competences: ['A1.1'],
			groups: [{ key: 'verwaltung', label: 'Verwaltung' }],
			horizons: [{ key: 'heute', label: 'heute', years: 0 }],
			measureProficiency: false,
			openQuestions: [],
			minGroupSize: 7,
			consensus: { maxIqr: 1.5, minAgreement: 0.75 },
			quantileType: 6,
			rounds: 2,
			lateJoinersAllowed: true,
			opensOn: '2027-03-01',
			closesOn: null
		});
		expect(values).toMatchObject({ groups: 'verwaltung: Verwaltung', consensusMaxIqr: '1,5', consensusMinAgreement: '75', quantileType: '6', rounds: '2', minGroupSize: '7' });
		expect(values.horizons).toHaveLength(4);
		const reading = readStudyForm(
			form({
				title: 'T',
				frameworkId: 'f',
				competences: ['A1.1'],
				horizon0_key: 'heute',
				horizon0_label: 'heute',
				horizon0_years: '0',
				horizon1_label: 'in 10 Jahren',
				horizon1_years: '10',
				groups: values.groups,
				measureProficiency: 'nein',
				openQuestions: 'Was fehlt?',
				minGroupSize: '7',
				consensusMaxIqr: '1,5',
				consensusMinAgreement: '75',
				quantileType: '6',
				rounds: '2',
				lateJoinersAllowed: 'ja',
				opensOn: '01.03.2027',
				closesOn: ''
			}),
			null
		);
		expect(reading.errors).toEqual({});
		expect(reading.settings).toMatchObject({
			horizons: [
				{ key: 'heute', label: 'heute', years: 0 },
				{ key: 'in-10-jahren', label: 'in 10 Jahren', years: 10 }
			],
			openQuestions: [{ key: 'frage1', label: 'Was fehlt?' }],
			measureProficiency: false,
			consensus: { maxIqr: 1.5, minAgreement: 0.75 },
			quantileType: 6,
			rounds: 2,
			lateJoinersAllowed: true,
			opensOn: '2027-03-01',
			closesOn: null
		});
		expect(reading.fieldOf('groups[0].key', 'falsch')).toEqual({ field: 'groups', message: 'Zeile 1: falsch' });
		expect(reading.fieldOf('horizons[1].years', 'x').field).toBe('horizon1_years');
		expect(valuesFromEcho({ competences: 'A1.1 A1.2', measureProficiency: 'nein' })).toMatchObject({ competences: ['A1.1', 'A1.2'], measureProficiency: false });
	});

	it('creates a study from the form with defaults as shown, and explains every problem per field in German', async () => {
		const loaded = (await newStudyLoad(event({ actor: organiser.actor, path: '/app/analysen/neu' }))) as unknown as { framework: { id: string; areas: FormArea[] }; initial: StudyFormValues };
		expect(loaded.framework.id).toBe(frameworkId);
		const initial = loaded.initial;
		expect(initial.competences.length).toBeGreaterThanOrEqual(35);
		expect(initial.minGroupSize).toBe('5');
		const fields: Record<string, string | string[]> = {
			title: 'Wissen für morgen',
			introduction: 'Bitte schätzen Sie ein.',
			frameworkId: loaded.framework.id,
			areas: loaded.framework.areas.map((a) => a.code),
			areasBefore: loaded.framework.areas.map((a) => a.code),
			competences: initial.competences,
			groups: initial.groups,
			openQuestions: initial.openQuestions,
			measureProficiency: 'ja',
			minGroupSize: '2',
			consensusMaxIqr: 'viel',
			consensusMinAgreement: initial.consensusMinAgreement,
			quantileType: '7',
			rounds: '1',
			opensOn: '2027-04-01',
			closesOn: '2027-03-01'
		};
		initial.horizons.forEach((row, i) => Object.assign(fields, { [`horizon${i}_key`]: row.key, [`horizon${i}_label`]: row.label, [`horizon${i}_years`]: row.years }));
		const before = await t.db.execute(sql`SELECT count(*)::int n FROM studies`);

		const own = await outcome(() => newStudyActions.default(event({ actor: organiser.actor, method: 'POST', path: '/app/analysen/neu', body: form(fields) })));
		expect(own).toMatchObject({ kind: 'value', value: { status: 422, data: { errors: { consensusMaxIqr: expect.stringMatching(/Zahl von 0 bis 4/) } } } });

		const invalid = await outcome(() => newStudyActions.default(event({ actor: organiser.actor, method: 'POST', path: '/app/analysen/neu', body: form({ ...fields, consensusMaxIqr: '1', groups: 'verwaltung: Verwaltung\nall: Alle' }) })));
		expect(invalid.kind).toBe('value');
		const failure = (invalid as unknown as { value: { status: number; data: { errors: Record<string, string>; values: Record<string, string> } } }).value;
		expect(failure.status).toBe(422);
		expect(failure.data.errors).toMatchObject({ minGroupSize: expect.stringMatching(/nicht unter 3/), groups: expect.stringMatching(/^Zeile 2: .*reserviert/), closesOn: expect.stringMatching(/nicht vor dem Beginn/) });
		expect(failure.data.values.title).toBe('Wissen für morgen');
		expect(failure.data.values.competences.split(' ')).toEqual(initial.competences);
		expect((await t.db.execute(sql`SELECT count(*)::int n FROM studies`)).rows[0]).toEqual(before.rows[0]);

		const created = await outcome(() =>
			newStudyActions.default(event({ actor: organiser.actor, method: 'POST', path: '/app/analysen/neu', body: form({ ...fields, minGroupSize: '5', consensusMaxIqr: '1', closesOn: '30.04.2027', areas: ['A1', 'A3'], competences: ['A1.1', 'A1.2', 'A3.1'] }) }))
		);
		expect(created).toMatchObject({ kind: 'redirect', status: 303, location: expect.stringMatching(/^\/app\/analysen\/[0-9a-f-]{36}\?hinweis=created$/) });
		const id = /analysen\/([0-9a-f-]{36})/.exec((created as { location: string }).location)![1];
		const study = await getStudy(organiser, id);
		expect(study.competences).toEqual(['A1.1', 'A1.2', 'A3.1']);
		expect(study).toMatchObject({ title: 'Wissen für morgen', minGroupSize: 5, closesOn: '2027-04-30', horizons: [{ key: 'heute' }, { key: 'morgen' }, { key: 'uebermorgen' }] });
		expect(study.openQuestions).toEqual([{ key: 'lernen', label: 'Was kann Verwaltung von Stadtmacher*innen lernen?' }]);
	});

	it('edits a draft completely, but only texts once open, and says why', async () => {
		const { id } = await createStudy(organiser, { title: 'Entwurf', frameworkId, competences: COMPETENCES });
		const path = `/app/analysen/${id}/bearbeiten`;
		const draftForm = form({ title: 'Entwurf 2', frameworkId, competences: ['A1.1'], horizon0_label: 'jetzt', groups: 'a: A\nb: B', minGroupSize: '4', consensusMaxIqr: '1', consensusMinAgreement: '70', rounds: '3' });
		expect(await outcome(() => editActions.settings(event({ actor: organiser.actor, method: 'POST', path, params: { id }, body: draftForm })))).toMatchObject({ kind: 'redirect', location: `/app/analysen/${id}?hinweis=saved` });
		expect(await getStudy(organiser, id)).toMatchObject({ title: 'Entwurf 2', competences: ['A1.1'], rounds: 3, minGroupSize: 4, groups: [{ key: 'a' }, { key: 'b' }], horizons: [{ key: 'jetzt', years: 0 }] });

		await changeStudyStatus(organiser, id, 'open');
		const locked = await outcome(() => editActions.settings(event({ actor: organiser.actor, method: 'POST', path, params: { id }, body: draftForm })));
		expect(locked).toMatchObject({ kind: 'value', value: { status: 409, data: { message: expect.stringMatching(/nur noch Texte/) } } });

		const texts = form({ title: 'Offen', introduction: 'Neu', groupLabel_a: 'Amt', groupLabel_b: '', horizonLabel_jetzt: 'heute', closesOn: '2027-12-31' });
		const missing = await outcome(() => editActions.texts(event({ actor: organiser.actor, method: 'POST', path, params: { id }, body: texts })));
		expect(missing).toMatchObject({ kind: 'value', value: { status: 422, data: { errors: { groupLabel_b: 'Die Bezeichnung fehlt.' } } } });
		texts.set('groupLabel_b', 'Bürger*innen');
		expect(await outcome(() => editActions.texts(event({ actor: organiser.actor, method: 'POST', path, params: { id }, body: texts })))).toMatchObject({ kind: 'redirect' });
		expect(await getStudy(organiser, id)).toMatchObject({ title: 'Offen', introduction: 'Neu', groups: [{ label: 'Amt' }, { label: 'Bürger*innen' }], closesOn: '2027-12-31', rounds: 3 });

		// The reminder's lead time, like the closing day, may still change once the study is open.
		expect(await getStudy(organiser, id)).toMatchObject({ reminderDays: 3 });
		const row = async () => (await t.db.execute(sql`SELECT * FROM studies WHERE id = ${id}`)).rows[0];
		const before = await row();
		for (const reminderDays of ['-1', '100', 'drei']) {
			texts.set('reminderDays', reminderDays);
			const refused = await outcome(() => editActions.texts(event({ actor: organiser.actor, method: 'POST', path, params: { id }, body: texts })));
			expect(refused, reminderDays).toMatchObject({ kind: 'value', value: { status: 422, data: { errors: { reminderDays: expect.stringMatching(/^Die Erinnerung geht 0 bis 30 Tage vor dem Ende hinaus/) } } } });
			expect(await row()).toEqual(before);
		}
		texts.set('reminderDays', '7');
		expect(await outcome(() => editActions.texts(event({ actor: organiser.actor, method: 'POST', path, params: { id }, body: texts })))).toMatchObject({ kind: 'redirect' });
		expect(await getStudy(organiser, id)).toMatchObject({ reminderDays: 7, closesOn: '2027-12-31' });
	});

	it('keeps the reminder lead time and the Delphi reason mode of a study; −1 or 100 days are refused in German and the database stays as it was', async () => {
		const loaded = (await newStudyLoad(event({ actor: organiser.actor, path: '/app/analysen/neu' }))) as unknown as { initial: StudyFormValues };
		expect(loaded.initial).toMatchObject({ reminderDays: '3', reasonMode: 'far' });

		const { id } = await createStudy(organiser, { title: 'Erinnerung', frameworkId, competences: COMPETENCES, rounds: 2, closesOn: '2027-06-30' });
		const path = `/app/analysen/${id}/bearbeiten`;
		const row = async () => (await t.db.execute(sql`SELECT * FROM studies WHERE id = ${id}`)).rows[0];
		const before = await row();
		expect(before).toMatchObject({ reminder_days: 3, reason_mode: 'far' });
		const fields = { title: 'Erinnerung', frameworkId, competences: ['A1.1'], horizon0_label: 'heute', groups: 'a: A\nb: B', minGroupSize: '5', consensusMaxIqr: '1', consensusMinAgreement: '70', rounds: '2', closesOn: '2027-06-30' };
		for (const reminderDays of ['-1', '100', '2,5', 'drei']) {
			const refused = await outcome(() => editActions.settings(event({ actor: organiser.actor, method: 'POST', path, params: { id }, body: form({ ...fields, reminderDays, reasonMode: 'every' }) })));
			expect(refused, reminderDays).toMatchObject({ kind: 'value', value: { status: 422, data: { errors: { reminderDays: 'Die Erinnerung geht 0 bis 30 Tage vor dem Ende hinaus (ganze Tage; 0 heißt: keine Erinnerung).' }, values: { reminderDays } } } });
			expect(await row()).toEqual(before);
		}
		const oddMode = await outcome(() => editActions.settings(event({ actor: organiser.actor, method: 'POST', path, params: { id }, body: form({ ...fields, reminderDays: '5', reasonMode: 'manchmal' }) })));
		expect(oddMode).toMatchObject({ kind: 'value', value: { status: 422, data: { errors: { reasonMode: expect.stringMatching(/^Begründungen: erlaubt sind/) } } } });
		expect(await row()).toEqual(before);

		expect(await outcome(() => editActions.settings(event({ actor: organiser.actor, method: 'POST', path, params: { id }, body: form({ ...fields, reminderDays: '5', reasonMode: 'every' }) })))).toMatchObject({ kind: 'redirect' });
		expect(await getStudy(organiser, id)).toMatchObject({ reminderDays: 5, reasonMode: 'every' });
		const editing = await outcome(() => editActions.settings(event({ actor: organiser.actor, method: 'POST', path, params: { id }, body: form({ ...fields, reminderDays: '0' }) })));
		expect(editing).toMatchObject({ kind: 'redirect' });
		// No choice sent (an older form): today's behaviour, far answers only.
		expect(await getStudy(organiser, id)).toMatchObject({ reminderDays: 0, reasonMode: 'far' });
	});
});

describe('study page', () => {
	it('walks through the statuses with confirmations, showing 409 messages', async () => {
		const { id } = await createStudy(organiser, { title: 'Zwei Runden', frameworkId, competences: COMPETENCES, rounds: 2 });
		const path = `/app/analysen/${id}`;
		const act = (name: keyof typeof studyPageActions, fields: Record<string, string> = {}, actor = organiser.actor) =>
			outcome(() => studyPageActions[name](event({ actor, method: 'POST', path, params: { id }, body: form(fields) })));

		const page = (await studyPageLoad(event({ actor: organiser.actor, path: `${path}?bestaetigen=open`, params: { id } }))) as unknown as { progress: { key: string }[] };
		expect(page).toMatchObject({ confirm: 'open', mayManage: true, study: { status: 'draft', round: 1, rounds: 2 } });
		expect(page.progress.map((p) => p.key)).toEqual(['verwaltung', 'politik', 'zivilgesellschaft', 'kultur', 'wirtschaft', 'wissenschaft']);

		expect(await act('status', { status: 'closed' })).toMatchObject({ kind: 'value', value: { status: 409, data: { message: 'Von „Entwurf“ geht es nicht direkt zu „geschlossen“.' } } });
		expect(await act('status', { status: 'open' })).toMatchObject({ kind: 'redirect', location: `${path}?hinweis=open#status` });
		expect(await act('nextRound')).toMatchObject({ kind: 'value', value: { status: 409, data: { message: expect.stringMatching(/erst beginnen, wenn die aktuelle Runde geschlossen/) } } });
		expect(await act('status', { status: 'closed' })).toMatchObject({ kind: 'redirect' });
		expect(await act('status', { status: 'open' })).toMatchObject({ kind: 'value', value: { status: 409, data: { message: expect.stringMatching(/Starten Sie stattdessen die nächste Runde/) } } });
		expect(await act('nextRound')).toMatchObject({ kind: 'redirect', location: `${path}?hinweis=round#status` });
		expect(await getStudy(organiser, id)).toMatchObject({ status: 'open', currentRound: 2 });

		// A viewer reads the page but changes nothing.
		const viewed = (await studyPageLoad(event({ actor: viewer.actor, path: `${path}?bestaetigen=closed`, params: { id } }))) as { mayManage: boolean; confirm: string | null; batches: unknown[] };
		expect(viewed).toMatchObject({ mayManage: false, confirm: null, batches: [] });
		expect(await act('status', { status: 'closed' }, viewer.actor)).toMatchObject({ kind: 'error', status: 403 });
		// Another organisation's study does not exist for them.
		expect(await outcome(() => studyPageLoad(event({ actor: stranger.actor, path, params: { id } })))).toMatchObject({ kind: 'error', status: 404 });
		expect(await act('status', { status: 'closed' }, stranger.actor)).toMatchObject({ kind: 'value', value: { status: 404 } });
	});

	it('creates a batch, downloads it as CSV and PDF until the hand-out is confirmed', async () => {
		const { id } = await createStudy(organiser, { title: 'Wissen für morgen', frameworkId, competences: COMPETENCES });
		const path = `/app/analysen/${id}`;
		const bad = await outcome(() => studyPageActions.batch(event({ actor: organiser.actor, method: 'POST', path, params: { id }, body: form({ batchGroup: 'nirgends', batchCount: '3' }) })));
		expect(bad).toMatchObject({ kind: 'value', value: { status: 422, data: { errors: { batchGroup: expect.stringMatching(/Mögliche Gruppen: verwaltung/) } } } });
		const tooMany = await outcome(() => studyPageActions.batch(event({ actor: organiser.actor, method: 'POST', path, params: { id }, body: form({ batchGroup: 'verwaltung', batchCount: '0' }) })));
		expect(tooMany).toMatchObject({ kind: 'value', value: { status: 422, data: { errors: { batchCount: expect.stringMatching(/1 bis 5/) } } } });

		const made = await outcome(() => studyPageActions.batch(event({ actor: organiser.actor, method: 'POST', path, params: { id }, body: form({ batchGroup: 'verwaltung', batchCount: '3' }) })));
		expect(made.kind).toBe('redirect');
		const [batch] = await listBatches(organiser, id);
		expect(batch).toMatchObject({ groupKey: 'verwaltung', count: 3, linksAvailable: true });

		const csv = await downloadBatch(event({ actor: organiser.actor, path: `${path}/einladungen/${batch.id}?format=csv`, params: { id, batchId: batch.id } }));
		expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
		expect(csv.headers.get('content-disposition')).toMatch(/^attachment; filename="einladungslinks-verwaltung-\d{4}-\d{2}-\d{2}\.csv"/);
		const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await csv.arrayBuffer());
		const lines = text.split('\r\n');
		expect(lines[0]).toBe('\uFEFFNr.;Gruppe;Link');
		expect(lines.slice(1, 4).map((line) => line.replace(/\/t\/[A-Za-z0-9_-]{43}$/, '/t/…'))).toEqual(['1;Verwaltung;https://stadtwissen.test/t/…', '2;Verwaltung;https://stadtwissen.test/t/…', '3;Verwaltung;https://stadtwissen.test/t/…']);
		expect(lines[4]).toBe('');

		const pdf = await downloadBatch(event({ actor: organiser.actor, path: `${path}/einladungen/${batch.id}?format=pdf`, params: { id, batchId: batch.id } }));
		expect(pdf.headers.get('content-type')).toBe('application/pdf');
		expect(Buffer.from(await pdf.arrayBuffer()).subarray(0, 5).toString('latin1')).toBe('%PDF-');

		// Viewers and other organisations get nothing.
		expect(await outcome(() => downloadBatch(event({ actor: viewer.actor, path: `${path}/einladungen/${batch.id}`, params: { id, batchId: batch.id } })))).toMatchObject({ kind: 'error', status: 403 });
		expect(await outcome(() => downloadBatch(event({ actor: stranger.actor, path: `${path}/einladungen/${batch.id}`, params: { id, batchId: batch.id } })))).toMatchObject({ kind: 'error', status: 404 });

		const confirmPage = (await studyPageLoad(event({ actor: organiser.actor, path: `${path}?ausgabe=${batch.id}`, params: { id } }))) as { confirmHandOut: string | null };
		expect(confirmPage.confirmHandOut).toBe(batch.id);
		expect(await outcome(() => studyPageActions.handedOut(event({ actor: organiser.actor, method: 'POST', path, params: { id }, body: form({ batchId: batch.id }) })))).toMatchObject({ kind: 'redirect' });
		const gone = await outcome(() => downloadBatch(event({ actor: organiser.actor, path: `${path}/einladungen/${batch.id}?format=csv`, params: { id, batchId: batch.id } })));
		expect(gone).toMatchObject({ kind: 'error', status: 410, message: expect.stringMatching(/als ausgegeben bestätigt/) });
	});

	it('invites by e-mail (naming every wrong address), reminds, and shows an open link once', async () => {
		const { id } = await createStudy(organiser, { title: 'Per Post', frameworkId, competences: COMPETENCES });
		const path = `/app/analysen/${id}`;
		const act = (name: keyof typeof studyPageActions, fields: Record<string, string> = {}) => outcome(() => studyPageActions[name](event({ actor: organiser.actor, method: 'POST', path, params: { id }, body: form(fields) })));
		expect(await act('email', { emailGroup: 'verwaltung', emails: 'a@example.org' })).toMatchObject({ kind: 'value', value: { status: 409 } });
		await changeStudyStatus(organiser, id, 'open');
		const wrong = await act('email', { emailGroup: 'verwaltung', emails: 'kaputt\nauch kaputt@\nok@example.org' });
		expect(wrong).toMatchObject({ kind: 'value', value: { status: 422, data: { errors: { emails: expect.stringMatching(/„kaputt“.*„kaputt@“/) } } } });
		expect(await act('email', { emailGroup: 'politik', emails: 'A@example.org; b@example.org\r\nc@example.org' })).toEqual({ kind: 'value', value: { emailed: 3 } });
		expect(await act('remind')).toEqual({ kind: 'value', value: { reminded: 3 } });
		expect(await act('remind')).toEqual({ kind: 'value', value: { reminded: 0 } });

		const on = await act('openLinkOn');
		expect(on).toMatchObject({ kind: 'value', value: { openLink: expect.stringMatching(/^https:\/\/stadtwissen\.test\/t\/offen\/[A-Za-z0-9_-]{43}$/) } });
		expect((await getStudy(organiser, id)).openLinkHash).not.toBeNull();
		expect(await act('openLinkOff')).toMatchObject({ kind: 'redirect', location: `${path}?hinweis=openLinkOff#offener-link` });
		expect((await getStudy(organiser, id)).openLinkHash).toBeNull();
	});

	it('publishing before the last round forgets e-mail addresses, like closing the last round', async () => {
		const { id } = await createStudy(organiser, { title: 'Früh veröffentlicht', frameworkId, competences: COMPETENCES, rounds: 3 });
		await changeStudyStatus(organiser, id, 'open');
		await inviteByEmail(organiser, { studyId: id, group: 'verwaltung', emails: ['x@example.org'], baseUrl: ORIGIN });
		const { batchId } = await createInvitationBatch(organiser, { studyId: id, group: 'kultur', count: 1, baseUrl: ORIGIN });
		await changeStudyStatus(organiser, id, 'closed');
		expect((await t.db.execute(sql`SELECT count(*)::int n FROM invitation_emails WHERE study_id = ${id}`)).rows[0]).toEqual({ n: 1 });
		await changeStudyStatus(organiser, id, 'published');
		expect((await t.db.execute(sql`SELECT count(*)::int n FROM invitation_emails WHERE study_id = ${id}`)).rows[0]).toEqual({ n: 0 });
		await expect(getBatchLinks(organiser, id, batchId, ORIGIN)).rejects.toMatchObject({ code: 'gone' });
	});
});

describe('invitation sheets', () => {
	const links = Array.from({ length: 11 }, (_, i) => `https://stadtwissen.kreis-musterstadt.de/t/${String(i).padStart(43, 'x')}`);
	const input = { studyTitle: 'Wissen für übermorgen – „Stadt gemeinsam“ ✓', groupKey: 'zivilgesellschaft', groupLabel: 'Zivilgesellschaft / Stadtmacher*innen', links, day: '2027-03-18' };

	it('writes a CSV German Excel opens directly: BOM, semicolons, CRLF, quoted where needed', () => {
		const file = invitationCsv({ ...input, groupLabel: 'Kultur; Kreative' });
		expect(file.fileName).toBe('einladungslinks-zivilgesellschaft-2027-03-18.csv');
		const lines = String(file.body).split('\r\n');
		expect(lines[0]).toBe('\uFEFFNr.;Gruppe;Link');
		expect(lines[1]).toBe(`1;"Kultur; Kreative";${links[0]}`);
		expect(lines).toHaveLength(13);
	});

	it('keeps a group label that starts like a formula from running in Excel', () => {
		const lines = String(invitationCsv({ ...input, groupLabel: '=HYPERLINK("https://evil.example")' }).body).split('\r\n');
		expect(lines[1]).toBe(`1;"'=HYPERLINK(""https://evil.example"")";${links[0]}`);
	});

	it('prints ten slips per A4 page, each with a QR code, the link and the instruction', async () => {
		const file = await invitationPdf(input);
		const pdf = Buffer.from(file.body as Uint8Array).toString('latin1');
		expect(pdf.startsWith('%PDF-')).toBe(true);
		expect(pdf.match(/\/Type \/Page\b/g)).toHaveLength(2);
		// Each QR code is a PNG with an alpha channel: an image and its soft mask.
		expect(pdf.match(/\/SMask/g)).toHaveLength(11);
		expect(pdf.match(/\/Subtype \/Image/g)).toHaveLength(22);
		expect(pdf).toMatch(/\/MediaBox \[0 0 595\.28 841\.89\]/);
		expect(pdf).toContain('/Lang (de-DE)');
	});
});

describe('API /api/v1/studies', () => {
	it('creates with a minimal body (201 {id}) and returns the study in camelCase', async () => {
		const created = await answer(await createStudyApi(event({ actor: tokenActor(organiser), method: 'POST', path: '/api/v1/studies', body: JSON.stringify({ title: 'Per API', frameworkId }) })));
		expect(created.status).toBe(201);
		expect(Object.keys(created.body)).toEqual(['id']);
		const id = created.body.id as string;

		const read = await answer(await getStudyApi(event({ actor: tokenActor(viewer), path: `/api/v1/studies/${id}`, params: { id } })));
		expect(read.status).toBe(200);
		expect(read.body).toMatchObject({
			id,
			title: 'Per API',
			introduction: '',
			status: 'draft',
			round: 1,
			rounds: 1,
			frameworkId,
			frameworkVersion: 1,
			minGroupSize: 5,
			quantileType: 7,
			consensus: { maxIqr: 1, minAgreement: 0.7 },
			openQuestions: [],
			lateJoinersAllowed: false,
			opensOn: null,
			closesOn: null,
			openLinkActive: false
		});
		expect((read.body.groups as { key: string }[]).map((g) => g.key)).toEqual(['verwaltung', 'politik', 'zivilgesellschaft', 'kultur', 'wirtschaft', 'wissenschaft']);
		expect(read.body.horizons).toEqual([
			{ key: 'heute', label: 'heute', years: 0 },
			{ key: 'morgen', label: 'morgen (ca. 5 Jahre)', years: 5 },
			{ key: 'uebermorgen', label: 'übermorgen (ca. 15 Jahre)', years: 15 }
		]);
		expect(read.body.measures).toEqual([
			{ measure: 'importance', horizon: 'heute' },
			{ measure: 'importance', horizon: 'morgen' },
			{ measure: 'importance', horizon: 'uebermorgen' },
			{ measure: 'proficiency', horizon: null }
		]);
		expect((read.body.competences as string[]).length).toBeGreaterThanOrEqual(35);
		expect(read.body.progress).toContainEqual({ group: 'verwaltung', invited: 0, started: 0, finished: 0 });
		expect(read.body.createdAt).toMatch(/^\d{4}-\d{2}-\d{2}T.*Z$/);

		const list = await answer(await listStudiesApi(event({ actor: tokenActor(viewer), path: '/api/v1/studies' })));
		expect(list.status).toBe(200);
		expect(list.body.studies).toContainEqual(expect.objectContaining({ id, status: 'draft', round: 1, rounds: 1, finished: 0 }));
	});

	it('takes the full body of the issue, including measures', async () => {
		const body = {
			title: 'Delphi per API',
			frameworkId,
			competences: ['A1.1', 'A3.2'],
			groups: [
				{ key: 'verwaltung', label: 'Verwaltung' },
				{ key: 'kultur', label: 'Kultur' }
			],
			horizons: [{ key: 'heute', label: 'heute' }],
			measures: ['importance'],
			minGroupSize: 3,
			quantileType: 6,
			rounds: 2,
			consensus: { maxIqr: 0.5, minAgreement: 0.8 },
			openQuestions: [{ key: 'lernen', label: 'Was kann Verwaltung lernen?' }],
			lateJoinersAllowed: true,
			opensOn: '2027-03-01',
			closesOn: '2027-03-31'
		};
		const created = await answer(await createStudyApi(event({ actor: tokenActor(organiser), method: 'POST', path: '/api/v1/studies', body: JSON.stringify(body) })));
		expect(created.status).toBe(201);
		const id = created.body.id as string;
		const read = await answer(await getStudyApi(event({ actor: tokenActor(organiser), path: `/api/v1/studies/${id}`, params: { id } })));
		const { measures, ...rest } = body;
		expect(measures).toEqual(['importance']);
		expect(read.body).toMatchObject({ ...rest, horizons: [{ key: 'heute', label: 'heute', years: 0 }], measures: [{ measure: 'importance', horizon: 'heute' }], round: 1 });
	});

	it('answers bad input with 400/422 and German details, writing nothing', async () => {
		const before = await t.db.execute(sql`SELECT count(*)::int n FROM studies`);
		const post = async (body: string) => answer(await createStudyApi(event({ actor: tokenActor(organiser), method: 'POST', path: '/api/v1/studies', body })));

		const malformed = await post('{"title": ');
		expect(malformed).toMatchObject({ status: 400, body: { error: { code: 'bad_request', message: 'Der Inhalt ist kein gültiges JSON.', details: [] } } });
		expect(await post('[1, 2]')).toMatchObject({ status: 422, body: { error: { code: 'validation_failed' } } });

		const invalid = await post(
			JSON.stringify({
				title: '<script>alert(1)</script>'.repeat(20),
				frameworkId: 'nicht-da',
				minGroupSize: 2,
				quantileType: 5,
				rounds: 4,
				groups: [{ key: 'Verwaltung', label: '' }],
				horizons: [{ key: 'heute', label: 'heute', years: 'fünf' }],
				consensus: { maxIqr: -1, minAgreement: 0.2 },
				measures: ['wichtig'],
				lateJoinersAllowed: 'ja',
				opensOn: '1.3.2027'
			})
		);
		expect(invalid.status).toBe(422);
		expect(invalid.body.error!.code).toBe('validation_failed');
		const paths = invalid.body.error!.details.map((d) => d.path);
		expect(paths).toEqual(['measures[0]']);

		const settingsInvalid = await post(
			JSON.stringify({
				title: '<script>alert(1)</script>'.repeat(20),
				frameworkId: 'nicht-da',
				minGroupSize: 2,
				quantileType: 5,
				rounds: 4,
				groups: [{ key: 'Verwaltung', label: '' }],
				horizons: [{ key: 'heute', label: 'heute', years: 'fünf' }],
				consensus: { maxIqr: -1, minAgreement: 0.2 },
				lateJoinersAllowed: 'ja',
				opensOn: '1.3.2027'
			})
		);
		expect(settingsInvalid.status).toBe(422);
		const details = settingsInvalid.body.error!.details;
		expect(details.map((d) => d.path).sort()).toEqual(
			['consensus.maxIqr', 'consensus.minAgreement', 'frameworkId', 'groups[0].key', 'groups[0].label', 'horizons[0].years', 'lateJoinersAllowed', 'minGroupSize', 'opensOn', 'quantileType', 'rounds', 'title'].sort()
		);
		for (const detail of details) expect(detail.message, detail.path).not.toMatch(/Invalid|expected|received/i);

		const wrongTypes = await post(JSON.stringify({ title: 42, frameworkId, introduction: 5, competences: 'A1.1', groups: ['verwaltung'], horizons: 'heute', consensus: 'streng', openQuestions: [{ key: 'a', label: 5 }], measureProficiency: 'ja', closesOn: 20270301 }));
		expect(wrongTypes.status).toBe(422);
		expect([...new Set(wrongTypes.body.error!.details.map((d) => d.path))].sort()).toEqual(['closesOn', 'competences', 'consensus', 'groups[0]', 'horizons', 'introduction', 'measureProficiency', 'openQuestions[0].label', 'title']);
		for (const detail of wrongTypes.body.error!.details) expect(detail.message, detail.path).not.toMatch(/Invalid|expected|received/i);

		const otherFramework = await post(JSON.stringify({ title: 'Fremder Rahmen', frameworkId: '00000000-0000-4000-8000-000000000000' }));
		expect(otherFramework).toMatchObject({ status: 422, body: { error: { details: [{ path: 'frameworkId' }] } } });
		const unknownCompetence = await post(JSON.stringify({ title: 'Unbekannt', frameworkId, competences: ['Z9.9'] }));
		expect(unknownCompetence).toMatchObject({ status: 422, body: { error: { details: [{ path: 'competences', message: expect.stringMatching(/Z9\.9/) }] } } });
		expect((await t.db.execute(sql`SELECT count(*)::int n FROM studies`)).rows[0]).toEqual(before.rows[0]);
	});

	it('401 without a token, 403 for viewers and facilitators, 404 for other organisations', async () => {
		const { id } = await createStudy(organiser, { title: 'Geschützt', frameworkId, competences: COMPETENCES });
		const body = JSON.stringify({ title: 'X', frameworkId });
		expect(await answer(await createStudyApi(event({ actor: null, method: 'POST', path: '/api/v1/studies', body })))).toMatchObject({ status: 401, body: { error: { code: 'unauthorized' } } });
		expect(await answer(await getStudyApi(event({ actor: null, path: `/api/v1/studies/${id}`, params: { id } })))).toMatchObject({ status: 401 });
		for (const ctx of [viewer, facilitator]) {
			expect(await answer(await createStudyApi(event({ actor: tokenActor(ctx), method: 'POST', path: '/api/v1/studies', body })))).toMatchObject({ status: 403, body: { error: { code: 'forbidden' } } });
			expect((await answer(await statusApi(event({ actor: tokenActor(ctx), method: 'POST', path: `/api/v1/studies/${id}/status`, params: { id }, body: '{"status":"open"}' })))).status).toBe(403);
			expect((await answer(await roundsApi(event({ actor: tokenActor(ctx), method: 'POST', path: `/api/v1/studies/${id}/rounds`, params: { id } })))).status).toBe(403);
			expect((await answer(await invitationsApi(event({ actor: tokenActor(ctx), method: 'POST', path: `/api/v1/studies/${id}/invitations`, params: { id }, body: '{"group":"verwaltung","count":1}' })))).status).toBe(403);
		}
		// Facilitators do not read results; viewers do.
		expect((await answer(await getStudyApi(event({ actor: tokenActor(facilitator), path: `/api/v1/studies/${id}`, params: { id } })))).status).toBe(403);
		expect((await answer(await getStudyApi(event({ actor: tokenActor(viewer), path: `/api/v1/studies/${id}`, params: { id } })))).status).toBe(200);

		const foreign = tokenActor(stranger);
		for (const response of [
			await getStudyApi(event({ actor: foreign, path: `/api/v1/studies/${id}`, params: { id } })),
			await statusApi(event({ actor: foreign, method: 'POST', path: `/api/v1/studies/${id}/status`, params: { id }, body: '{"status":"open"}' })),
			await statusApi(event({ actor: foreign, method: 'POST', path: `/api/v1/studies/${id}/status`, params: { id }, body: '{' })),
			await roundsApi(event({ actor: foreign, method: 'POST', path: `/api/v1/studies/${id}/rounds`, params: { id } })),
			await invitationsApi(event({ actor: foreign, method: 'POST', path: `/api/v1/studies/${id}/invitations`, params: { id }, body: '{"group":"verwaltung","count":1}' })),
			await getStudyApi(event({ actor: foreign, path: '/api/v1/studies/kein-uuid', params: { id: 'kein-uuid' } }))
		]) {
			expect(await answer(response)).toMatchObject({ status: 404, body: { error: { code: 'not_found', message: 'Diese Analyse gibt es nicht.' } } });
		}
		expect((await getStudy(organiser, id)).status).toBe('draft');
		expect(await listBatches(organiser, id)).toEqual([]);
	});

	it('changes the status (409 on invalid steps), starts rounds and creates absolute links', async () => {
		const { id } = await createStudy(organiser, { title: 'Runden per API', frameworkId, competences: COMPETENCES, rounds: 2 });
		const actor = tokenActor(organiser);
		const status = async (body: string) => answer(await statusApi(event({ actor, method: 'POST', path: `/api/v1/studies/${id}/status`, params: { id }, body })));
		const rounds = async () => answer(await roundsApi(event({ actor, method: 'POST', path: `/api/v1/studies/${id}/rounds`, params: { id } })));
		const invite = async (body: string) => answer(await invitationsApi(event({ actor, method: 'POST', path: `/api/v1/studies/${id}/invitations`, params: { id }, body })));

		expect(await status('{"status":"published"}')).toMatchObject({ status: 409, body: { error: { code: 'conflict', message: expect.stringMatching(/Entwurf/) } } });
		expect(await status('{"status":"draft"}')).toMatchObject({ status: 422, body: { error: { details: [{ path: 'status' }] } } });
		expect(await status('{"status":')).toMatchObject({ status: 400 });
		expect(await status('{"status":"open"}')).toMatchObject({ status: 200, body: { id, status: 'open', round: 1 } });
		expect(await status('{"status":"open"}')).toMatchObject({ status: 409, body: { error: { message: 'Die Analyse ist bereits „offen“.' } } });
		expect(await rounds()).toMatchObject({ status: 409 });

		const made = await invite('{"group":"verwaltung","count":3}');
		expect(made.status).toBe(201);
		expect(made.body.tokens).toHaveLength(3);
		expect(made.body.links).toEqual((made.body.tokens as string[]).map((token) => `${ORIGIN}/t/${token}`));
		expect(await invite('{"group":"niemand","count":3}')).toMatchObject({ status: 422, body: { error: { details: [{ path: 'group' }] } } });
		expect(await invite('{"group":"verwaltung","count":0}')).toMatchObject({ status: 422, body: { error: { details: [{ path: 'count', message: expect.stringMatching(/1 bis 5000/) }] } } });
		expect(await invite('{"group":"verwaltung","count":"3"}')).toMatchObject({ status: 422 });
		expect(await invite('{"group":"verwaltung","count":5001}')).toMatchObject({ status: 422 });

		process.env.STADTWISSEN_ORIGIN = 'https://umfrage.kreis.de';
		try {
			const configured = await invite('{"group":"kultur","count":1}');
			expect((configured.body.links as string[])[0]).toMatch(/^https:\/\/umfrage\.kreis\.de\/t\/[A-Za-z0-9_-]{43}$/);
		} finally {
			process.env.STADTWISSEN_ORIGIN = ORIGIN;
		}

		expect(await status('{"status":"closed"}')).toMatchObject({ status: 200, body: { status: 'closed', round: 1 } });
		expect(await status('{"status":"open"}')).toMatchObject({ status: 409, body: { error: { message: expect.stringMatching(/nächste Runde/) } } });
		expect(await rounds()).toMatchObject({ status: 200, body: { status: 'open', round: 2, rounds: 2 } });
		expect(await status('{"status":"closed"}')).toMatchObject({ status: 200 });
		expect(await rounds()).toMatchObject({ status: 409, body: { error: { message: 'Die Analyse hat nur 2 Runden.' } } });
		expect(await invite('{"group":"verwaltung","count":1}')).toMatchObject({ status: 409 });
		expect(await status('{"status":"published"}')).toMatchObject({ status: 200, body: { status: 'published' } });
	});

	it('takes and returns the reminder lead time and the reason mode, refusing −1 and 100 days in German without writing', async () => {
		const post = async (body: unknown) => answer(await createStudyApi(event({ actor: tokenActor(organiser), method: 'POST', path: '/api/v1/studies', body: JSON.stringify(body) })));
		const read = async (id: string) => answer(await getStudyApi(event({ actor: tokenActor(viewer), path: `/api/v1/studies/${id}`, params: { id } })));
		const before = await t.db.execute(sql`SELECT count(*)::int n FROM studies`);
		for (const reminderDays of [-1, 100, 1.5, '3']) {
			const refused = await post({ title: 'Zu früh erinnert', frameworkId, reminderDays });
			expect(refused, String(reminderDays)).toMatchObject({ status: 422, body: { error: { code: 'validation_failed', details: [{ path: 'reminderDays', message: expect.stringMatching(/^Die Erinnerung geht 0 bis 30 Tage vor dem Ende hinaus/) }] } } });
		}
		expect(await post({ title: 'Begründung immer?', frameworkId, reasonMode: 'always' })).toMatchObject({ status: 422, body: { error: { details: [{ path: 'reasonMode' }] } } });
		expect((await t.db.execute(sql`SELECT count(*)::int n FROM studies`)).rows[0]).toEqual(before.rows[0]);

		const defaults = await post({ title: 'Wie bisher', frameworkId });
		expect((await read(defaults.body.id as string)).body).toMatchObject({ reminderDays: 3, reasonMode: 'far' });
		const own = await post({ title: 'Ohne Erinnerung, immer begründet', frameworkId, rounds: 2, reminderDays: 0, reasonMode: 'every' });
		expect(own.status).toBe(201);
		expect((await read(own.body.id as string)).body).toMatchObject({ rounds: 2, reminderDays: 0, reasonMode: 'every' });

		const schemas = JSON.stringify(openApiDocument('https://stadtwissen.test/api/v1').paths['/studies']);
		expect(schemas).toContain('"reminderDays":{"type":"integer","minimum":0,"maximum":30,"default":3');
		expect(schemas).toContain('"reasonMode":{"type":"string","enum":["far","every"],"default":"far"');
	});

	it('is described in the OpenAPI document', () => {
		const document = openApiDocument('https://stadtwissen.test/api/v1');
		const paths = document.paths as unknown as Record<string, Record<string, { responses: Record<string, unknown> }>>;
		expect(Object.keys(paths)).toEqual(expect.arrayContaining(['/studies', '/studies/{id}', '/studies/{id}/status', '/studies/{id}/rounds', '/studies/{id}/invitations']));
		expect(Object.keys(paths['/studies'].post.responses)).toEqual(expect.arrayContaining(['201', '400', '401', '403', '422']));
		expect(Object.keys(paths['/studies/{id}/status'].post.responses)).toEqual(expect.arrayContaining(['200', '404', '409', '422']));
		expect(Object.keys(paths['/studies/{id}/invitations'].post.responses)).toContain('201');
		expect(JSON.stringify(document)).not.toContain('undefined');
	});
});
