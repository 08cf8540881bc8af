import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../../tests/helpers/database';
import { startTestSmtp, type TestSmtp } from '../../../../tests/helpers/smtp';
import { organiserAt, tenantAs, TEST_BASE_URL, visitorAt } from '../../../../tests/helpers/actors';
import { catalogueFacilitators, catalogueFeedback, catalogueModules, catalogueRegistrationLinks, catalogueRegistrations, catalogueSessions, outboxMails } from '../db/schema';
import { createFramework } from '../frameworks/create-framework';
import { ensureDefaultFramework } from '../frameworks/default-framework';
import { editDraft } from '../frameworks/edit-draft';
import { setArchived } from '../../domain/framework/editing';
import type { TenantContext } from '../tenant';
import { attendancePdf } from './attendance';
import { certificateByCode, listCertificates } from './certificate-records';
import { certificatePdf } from './certificate-pdf';
import { issueCertificates } from './issue-certificates';
import { loadCatalogueDemo, SEED_FACILITATORS, SEED_TITLE } from './demo';
import { feedbackResults, organisationMinimumGroupSize } from './feedback-results';
import { requestFeedback } from './request-feedback';
import { submitFeedback } from './submit-feedback';
import { moduleJson } from './api-representation';
import { cataloguePaths } from './openapi';
import { getAttendanceOverview } from './get-attendance-overview';
import { getFeedbackOverview } from './get-feedback-overview';
import { getModuleOverview } from './get-module-overview';
import { getSessionOverview } from './get-session-overview';
import { newLink } from './locked-session';
import { createStudy } from '../studies/create-study';
import { getModule } from './get-module';
import { listModules } from './list-modules';
import { cancelRegistration } from './cancel-registration';
import { confirmRegistration } from './confirm-registration';
import { eraseRegistration } from './erase-registration';
import { sessionRegistrations } from './list-session-registrations';
import { setAttendance } from './set-attendance';
import { pdfText } from './pdf';
import { facilitatorPhoto, setFacilitatorPhoto } from './photos';
import { getPublishedModule } from './get-published-module';
import { listPublishedModules } from './list-published-modules';
import { readFilter } from './catalogue-filter';
import { registerForSession } from './register-for-session';
import { registerPerson } from './register-person';
import { applyRetention } from './apply-retention';
import { saveCatalogueSettings } from './save-catalogue-settings';
import { descriptionText, sanitizeDescription } from './rich-text';
import { createSession } from './create-session';
import { saveModule } from './save-module';
import { setModuleStatus } from './set-module-status';
import { rejected } from '../../../../tests/helpers/errors';

let t: TestDatabase;
let smtp: TestSmtp;
let altenburg: TenantContext;
let gera: TenantContext;
let defaultId: string;
/** A visitor's or an organiser's request at `now` (default: the moment of the call). */
const at = (now?: Date, mailHostAccepted = true) => visitorAt(t.db, now, mailHostAccepted);
const organiser = organiserAt;
const DAY = 86_400_000;
const inDays = (days: number, hour = 8) => {
	const d = new Date(Date.now() + days * DAY);
	d.setUTCHours(hour, 0, 0, 0);
	return d.toISOString();
};

beforeAll(async () => {
	t = await createTestDatabase();
	smtp = await startTestSmtp();
	defaultId = await ensureDefaultFramework(t.db);
	altenburg = await tenantAs(t.db, 'Stadt Altenburg', 'organiser');
	gera = await tenantAs(t.db, 'Stadt Gera', 'organiser');
});

const linkIn = (body: string) => /\/katalog\/anmeldung\/(swr_[A-Za-z0-9_-]+)/.exec(body)![1];
/** The personal link in the newest mail SMTP received for `email`. */
async function newestLink(email: string): Promise<string> {
	return linkIn(smtp.to(email).filter((m) => m.text.includes('/katalog/anmeldung/')).at(-1)!.text);
}

describe('modules', () => {
	it('saves every field, maps competences to the framework with their texts and principles, and sanitises the description', async () => {
		const { id } = await saveModule(altenburg, {
			title: 'Zwischennutzung gemeinsam ermöglichen',
			subtitle: 'Wie wird aus Leerstand ein Lernort?',
			description: 'Erster Absatz mit **fett** für Mitarbeiter*innen.\n\n- eins\n- zwei\n\n<script>alert(1)</script><a href="javascript:alert(1)">böse</a><img src=x onerror=alert(1)>',
			learningGoals: ['Sie kennen Instrumente der Zwischennutzung.'],
			format: 'excursion',
			durationMinutes: 210,
			language: 'de',
			targetGroups: ['verwaltung', 'kultur'],
			competences: [
				{ code: 'A8.1', level: 'vertiefen' },
				{ code: 'A3.4', level: 'anwenden' }
			],
			facilitators: [{ name: 'Susann Seifert', organisation: 'Erlebe was geht gGmbH', sector: 'zivilgesellschaft', bio: 'Macht Orte auf.' }],
			priceCents: 4550
		});
		const { module, facilitators } = await getModule(organiser(altenburg), id);
		expect(module).toMatchObject({ status: 'draft', format: 'excursion', durationMinutes: 210, priceCents: 4550, frameworkId: defaultId, targetGroups: ['verwaltung', 'kultur'] });
		expect(module.competences.map((c) => [c.code, c.level, c.title_de])).toEqual([
			['A8.1', 'vertiefen', 'Zwischennutzungen ermöglichen'],
			['A3.4', 'anwenden', 'Mit Stadtmacher*innen koproduzieren']
		]);
		expect(module.principles).toContain('P3');
		expect(module.descriptionHtml).toContain('<strong>fett</strong> für Mitarbeiter*innen');
		expect(module.descriptionHtml).toContain('<ul><li>eins</li><li>zwei</li></ul>');
		expect(module.descriptionHtml).not.toMatch(/script|javascript|onerror|<img/);
		expect(facilitators).toMatchObject([{ name: 'Susann Seifert', sector: 'zivilgesellschaft', hasPhoto: false }]);
	});

	it('rejects unknown or archived competences, bad enums and missing titles with German details, writing nothing', async () => {
		const before = (await t.db.select().from(catalogueModules)).length;
		const unknown = await rejected(saveModule(altenburg, { title: 'X', format: 'workshop', competences: [{ code: 'Z9.9', level: 'anwenden' }] }));
		expect(unknown.code).toBe('validation_failed');
		expect(unknown.details).toEqual([{ path: 'competences[0].code', message: expect.stringMatching(/Die Kompetenz „Z9\.9“ gibt es im Kompetenzrahmen/) }]);

		const own = await createFramework(altenburg, { kind: 'copy', frameworkId: defaultId });
		await editDraft(altenburg, own.id, (doc) => setArchived(doc, 'A1.1', true));
		const archived = await rejected(saveModule(altenburg, { title: 'X', format: 'workshop', frameworkId: own.id, competences: [{ code: 'A1.1', level: 'anwenden' }] }));
		expect(archived.details[0].message).toMatch(/archiviert/);

		const bad = await rejected(saveModule(altenburg, { title: '', format: 'seminar', competences: [{ code: 'A1.2', level: 'meistern' }], targetGroups: ['alle'], priceCents: -1, facilitators: [{ name: '', sector: 'presse' }] }));
		const paths = bad.details.map((d) => d.path);
		expect(paths).toEqual(expect.arrayContaining(['title', 'format', 'competences[0].level', 'targetGroups[0]', 'priceCents', 'facilitators[0].name', 'facilitators[0].sector']));
		for (const detail of bad.details) expect(detail.message).not.toMatch(/Invalid|expected/i);

		const types = await rejected(saveModule(altenburg, { title: 7, format: ['workshop'], competences: 'A1.1' }));
		expect(types.details.map((d) => d.message).join(' ')).toMatch(/Text|Liste|Format/);

		// Another organisation's framework is unknown here.
		const geraFramework = await createFramework(gera, { kind: 'copy', frameworkId: defaultId });
		expect((await rejected(saveModule(altenburg, { title: 'X', format: 'talk', frameworkId: geraFramework.id }))).details[0].path).toBe('frameworkId');
		expect((await t.db.select().from(catalogueModules)).length).toBe(before);
	});

	it('keeps each organisation’s modules to itself: other ids are 404, drafts are not public', async () => {
		const { id } = await saveModule(altenburg, { title: 'Nur für Altenburg', format: 'talk' });
		expect((await listModules(gera)).map((m) => m.id)).not.toContain(id);
		expect((await rejected(getModule(organiser(gera), id))).code).toBe('not_found');
		expect((await rejected(saveModule(gera, { title: 'Übernommen', format: 'talk' }, id))).code).toBe('not_found');
		expect((await rejected(setModuleStatus(gera, id, 'published'))).code).toBe('not_found');
		expect((await rejected(createSession(gera, id, { start: inDays(5), end: inDays(5, 10), location: 'Gera', capacity: 3 }))).code).toBe('not_found');
		expect((await rejected(getPublishedModule(at(), id))).code).toBe('not_found');
		await setModuleStatus(altenburg, id, 'published');
		expect((await getPublishedModule(at(), id)).title).toBe('Nur für Altenburg');
		await setModuleStatus(altenburg, id, 'archived');
		expect((await rejected(getPublishedModule(at(), id))).code).toBe('not_found');
		expect((await rejected(getModule(organiser(altenburg), 'kein-modul'))).code).toBe('not_found');
	});

	it('rejects sessions without place, with the end before the start, or with a bad capacity', async () => {
		const { id } = await saveModule(altenburg, { title: 'Termine', format: 'workshop' });
		const cases = [
			[{ start: inDays(5), end: inDays(5, 10), capacity: 3 }, 'location'],
			[{ start: inDays(5, 10), end: inDays(5, 9), location: 'Ort', capacity: 3 }, 'end'],
			[{ start: '18.03.2027 09:00', end: inDays(5), location: 'Ort', capacity: 3 }, 'start'],
			[{ start: inDays(5), end: inDays(5, 10), location: 'Ort', capacity: 0 }, 'capacity'],
			[{ start: inDays(5), end: inDays(5, 10), location: 'Ort', capacity: 2.5 }, 'capacity'],
			[{ start: inDays(5), end: inDays(5, 10), location: 'Ort', capacity: 3, onlineUrl: 'javascript:alert(1)' }, 'onlineUrl']
		] as const;
		for (const [input, path] of cases) expect((await rejected(createSession(altenburg, id, input))).details.map((d) => d.path)).toContain(path);
		expect(await t.db.select().from(catalogueSessions).where(eq(catalogueSessions.moduleId, id))).toHaveLength(0);
	});
});

describe('public catalogue', () => {
	it('filters by organisation, competence, principle, format, group, date, place and free places', async () => {
		const other = await tenantAs(t.db, 'Landkreis Altenburger Land', 'organiser');
		const { id: a } = await saveModule(other, { title: 'Reallabor Markt', format: 'reallabor', status: 'published', targetGroups: ['wirtschaft'], competences: [{ code: 'A8.2', level: 'anwenden' }] });
		const { id: b } = await saveModule(other, { title: 'Online-Grundlagen', format: 'online', status: 'published', targetGroups: ['politik'], competences: [{ code: 'A5.1', level: 'kennenlernen' }] });
		const full = await createSession(other, a, { start: inDays(30), end: inDays(30, 14), location: 'Markt Schmölln', capacity: 1 });
		await createSession(other, b, { start: inDays(60), end: inDays(60, 10), onlineUrl: 'https://konferenz.example/x', capacity: 10 });
		await registerPerson(organiser(other), full.id, { name: 'Voll', email: 'voll@example.org', group: 'wirtschaft' });
		const titles = async (query: string) => (await listPublishedModules(at(), readFilter(new URLSearchParams(`org=landkreis-altenburger-land&${query}`)))).map((m) => m.title);

		expect(await titles('')).toEqual(['Reallabor Markt', 'Online-Grundlagen']);
		expect(await titles('format=online')).toEqual(['Online-Grundlagen']);
		expect(await titles('group=wirtschaft')).toEqual(['Reallabor Markt']);
		expect(await titles('competence=A5.1')).toEqual(['Online-Grundlagen']);
		expect(await titles(`from=${inDays(45).slice(0, 10)}`)).toEqual(['Online-Grundlagen']);
		expect(await titles(`to=${inDays(45).slice(0, 10)}`)).toEqual(['Reallabor Markt']);
		expect(await titles('place=schmölln')).toEqual(['Reallabor Markt']);
		expect(await titles('place=online')).toEqual(['Online-Grundlagen']);
		expect(await titles('free=1')).toEqual(['Online-Grundlagen']);
		const principleOf = (await getPublishedModule(at(), a)).principles[0];
		expect(await titles(`principle=${principleOf}`)).toContain('Reallabor Markt');

		const error = await rejected(Promise.resolve().then(() => readFilter(new URLSearchParams('format=seminar&from=morgen&group=alle'))));
		expect(error.code).toBe('validation_failed');
		expect(error.details.map((d) => d.path).sort()).toEqual(['format', 'from', 'group']);
	});
});

describe('demo', () => {
	it('enters the seed module with its three facilitators and sessions, once', async () => {
		const demo = await tenantAs(t.db, 'Stadt Altenburg (Demo)', 'owner');
		await loadCatalogueDemo(t.db, demo.org.orgId);
		await loadCatalogueDemo(t.db, demo.org.orgId);
		const modules = await listModules(demo);
		expect(modules.map((m) => m.title)).toEqual([SEED_TITLE]);
		const { module, facilitators, sessions } = await getModule(organiser(demo), modules[0].id);
		expect(module.status).toBe('published');
		expect(module.subtitle).toBe('Welches Wissen braucht Verwaltung für eine nachhaltige und integrierte Stadtentwicklung: heute, morgen, übermorgen?');
		expect(descriptionText(module.descriptionHtml)).toContain('Diese und andere Fragen wollen wir mit Ihnen gemeinsam in diesem Modul besprechen.');
		expect(facilitators.map((f) => [f.name, f.organisation, f.sector])).toEqual(SEED_FACILITATORS.map((f) => [f.name, f.organisation, f.sector]));
		expect(sessions.length).toBe(3);
		expect(sessions.filter((s) => s.startsAt > new Date())).toHaveLength(2);
		const firstUpcoming = sessions.filter((s) => s.startsAt > new Date()).map((s) => s.startsAt.getTime()).sort((x, y) => x - y)[0];
		// The organiser's list counts the module's own sessions and names the next one (it showed "Termine 0, Nächster Termin –").
		expect(modules[0]).toMatchObject({ sessionCount: 3 });
		expect(modules[0].nextSession?.getTime()).toBe(firstUpcoming);
		const past = sessions.find((s) => s.startsAt < new Date())!;
		const results = await feedbackResults(demo, past.id);
		expect(results).toMatchObject({ count: 8, shown: true, minimumGroupSize: 5, texts: { improvements: expect.arrayContaining(['Bitte Unterlagen vorher schicken.']) } });
	});
});

describe('attendance, certificates and feedback', () => {
	it('issues certificates to attendees with a working verification code and a PDF that names module, dates, duration, competences and facilitators', async () => {
		const { id } = await saveModule(altenburg, {
			title: 'Macht Stadt gemeinsam!',
			subtitle: 'Welches Wissen braucht Verwaltung?',
			format: 'workshop',
			status: 'published',
			durationMinutes: 360,
			competences: [{ code: 'A3.4', level: 'anwenden' }],
			facilitators: [
				{ name: 'Christine Büring', organisation: 'IHK Ostthüringen zu Gera', sector: 'wirtschaft' },
				{ name: 'Livia Maria Andreas', organisation: 'Stadt Altenburg', sector: 'verwaltung' }
			]
		});
		const session = await createSession(altenburg, id, { start: '2099-03-18T09:00:00+01:00', end: '2099-03-18T15:30:00+01:00', location: 'Rathaus Altenburg', capacity: 10 });
		const present = await registerPerson(organiser(altenburg), session.id, { name: 'Jana Müller', email: 'jana@example.org', group: 'verwaltung' });
		const absent = await registerPerson(organiser(altenburg), session.id, { name: 'Tom Fehlt', email: 'tom@example.org', group: 'politik' });
		await setAttendance(altenburg, session.id, { [present.id]: true, [absent.id]: false });
		expect((await rejected(setAttendance(gera, 'kein-termin', {}))).code).toBe('not_found');
		expect(await setAttendance(gera, session.id, { [present.id]: false })).toBe(0);

		const before = new Date('2099-03-17T12:00:00Z');
		expect((await rejected(issueCertificates(organiser(altenburg, before), session.id, { mail: true }))).code).toBe('conflict');
		const during = new Date('2099-03-18T14:00:00Z');
		expect((await rejected(issueCertificates(organiser(gera, during), session.id, { mail: true }))).code).toBe('not_found');
		expect(await issueCertificates(organiser(altenburg, during), session.id, { mail: true })).toBe(1);
		expect(await issueCertificates(organiser(altenburg, during), session.id, { mail: true })).toBe(0);
		const [certificate] = await listCertificates(altenburg, session.id);
		expect(certificate).toMatchObject({ holderName: 'Jana Müller', moduleTitle: 'Macht Stadt gemeinsam!', durationMinutes: 360 });
		expect(certificate.code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
		expect((await certificateByCode(t.db, certificate.code.toLowerCase()))?.holderName).toBe('Jana Müller');
		expect(await certificateByCode(t.db, 'AAAA-BBBB-CCCC')).toBeNull();

		const mail = smtp.to('jana@example.org').find((m) => m.subject.startsWith('Ihre Teilnahmebescheinigung'))!;
		expect(mail.text).toMatch(/\/katalog\/anmeldung\/swr_[A-Za-z0-9_-]+\/bescheinigung\.pdf/);

		const pdf = await certificatePdf((await certificateByCode(t.db, certificate.code))!, TEST_BASE_URL, false);
		expect(Buffer.from(pdf.slice(0, 5)).toString()).toBe('%PDF-');
		const text = pdfText(pdf);
		for (const expected of ['Teilnahmebescheinigung', 'Jana Müller', 'Macht Stadt gemeinsam!', '18.03.2099', '09:00', '15:30', '6 Stunden', 'A3.4 Mit Stadtmacher*innen koproduzieren (anwenden)', 'Christine Büring, IHK Ostthüringen zu Gera', 'Livia Maria Andreas', `https://stadtwissen.test/bescheinigung/${certificate.code}`, 'Stadt Altenburg'])
			expect(text, expected).toContain(expected);

		const list = await attendancePdf(organiser(altenburg), session.id);
		expect(Buffer.from(list.bytes.slice(0, 5)).toString()).toBe('%PDF-');
		expect(list.fileName).toBe('Anwesenheitsliste-Macht-Stadt-gemeinsam.pdf');
	});
});

describe('feedback goes through the anonymity rules', () => {
	// A session on 1 May 2099, 09:00–12:00 Berlin time; its feedback window closes 14 days after the end.
	const start = '2099-05-01T09:00:00+02:00';
	const during = new Date('2099-05-02T09:00:00Z');
	const closesAt = new Date('2099-05-15T10:00:00Z');
	const beforeClose = new Date(closesAt.getTime() - 1);
	let serial = 0;

	/** A session with `present` attendees (and one absent person), each with a personal link (not read from any mail). */
	async function feedbackSession(ctx: TenantContext, present: number) {
		serial += 1;
		const { id } = await saveModule(ctx, { title: `Feedback-Modul ${serial}`, format: 'talk', status: 'published' });
		const session = await createSession(ctx, id, { start, end: '2099-05-01T12:00:00+02:00', location: 'Ort', capacity: 30 });
		const people = [];
		for (let i = 0; i <= present; i++) {
			const email = `fb${serial}-${i}@example.org`;
			people.push({ ...(await registerPerson(organiser(ctx), session.id, { name: `Teilnehmer ${serial}-${i}`, email, group: 'verwaltung' })), email });
		}
		await setAttendance(ctx, session.id, Object.fromEntries(people.map((p, i) => [p.id, i < present])));
		const tokens = await Promise.all(people.map((p) => newLink(t.db, p.id)));
		return { moduleId: id, session, people, tokens: tokens.slice(0, present), absent: tokens[present] };
	}
	const answer = (i: number) => ({ overall: String((i % 5) + 1), usefulness: '4', takeaway: `Gelernt ${i}`, improve: i === 0 ? 'Mehr Pausen' : '' });
	async function answerAll(tokens: string[], now = during) {
		for (const [i, token] of tokens.entries()) await submitFeedback(at(now), token, answer(i));
	}

	it('(a) shows nothing while the feedback window is open, however many answered, and takes no answer after it closed', async () => {
		const { session, tokens, absent } = await feedbackSession(altenburg, 9);
		await answerAll(tokens.slice(0, 8));
		expect(await feedbackResults(altenburg, session.id, during)).toEqual({ shown: false, reason: 'window_open', closesAt, minimumGroupSize: 5, textMinimum: 8 });
		expect(await feedbackResults(altenburg, session.id, beforeClose)).toMatchObject({ shown: false, reason: 'window_open' });
		expect(await feedbackResults(altenburg, session.id, closesAt)).toMatchObject({ shown: true, count: 8, overall: { counts: [2, 2, 2, 1, 1] } });
		expect((await rejected(feedbackResults(gera, session.id, closesAt))).code).toBe('not_found');

		// Answering twice, without having been there, with invalid values or after the window: refused.
		expect((await rejected(submitFeedback(at(during), tokens[0], answer(0)))).code).toBe('conflict');
		expect((await rejected(submitFeedback(at(during), absent, answer(0)))).code).toBe('conflict');
		expect((await rejected(submitFeedback(at(during), tokens[8], { overall: '9', usefulness: 'gut' }))).code).toBe('validation_failed');
		const late = await rejected(submitFeedback(at(closesAt), tokens[8], answer(8)));
		expect(late.code).toBe('conflict');
		expect(late.message).toContain('15.05.2099');
		expect((await rejected(requestFeedback(organiser(altenburg, closesAt), session.id))).code).toBe('conflict');
		expect(await feedbackResults(altenburg, session.id, closesAt)).toMatchObject({ shown: true, count: 8 });
		// The answers carry nothing that points back to a person or registration.
		const columns = Object.keys((await t.db.select().from(catalogueFeedback).limit(1))[0]);
		expect(columns.sort()).toEqual(['id', 'improve', 'overall', 'sessionId', 'submittedOn', 'takeaway', 'usefulness']);
	});

	it('(b) uses the organisation’s minimum group size — the largest k of its analyses — not a fixed 5', async () => {
		const strict = await tenantAs(t.db, 'Landkreis Streng', 'owner');
		await createStudy(strict, { title: 'Analyse k = 4', frameworkId: defaultId, competences: ['A1.1'], minGroupSize: 4 });
		await createStudy(strict, { title: 'Analyse k = 7', frameworkId: defaultId, competences: ['A1.1'], minGroupSize: 7 });
		const six = await feedbackSession(strict, 6);
		await answerAll(six.tokens);
		expect(await feedbackResults(strict, six.session.id, closesAt)).toEqual({ shown: false, reason: 'below_k', closesAt, minimumGroupSize: 7, textMinimum: 8 });
		const seven = await feedbackSession(strict, 7);
		await answerAll(seven.tokens);
		expect(await feedbackResults(strict, seven.session.id, closesAt)).toMatchObject({ shown: true, count: 7, minimumGroupSize: 7, texts: null });
		expect(await organisationMinimumGroupSize(t.db, strict.org.orgId)).toBe(7);
		expect(await organisationMinimumGroupSize(t.db, (await tenantAs(t.db, 'Gemeinde ohne Analyse', 'owner')).org.orgId)).toBe(5);
	});

	it('(c) shows texts only from max(k, 8) answers on', async () => {
		const seven = await feedbackSession(altenburg, 7);
		await answerAll(seven.tokens);
		const figuresOnly = await feedbackResults(altenburg, seven.session.id, closesAt);
		expect(figuresOnly).toMatchObject({ shown: true, count: 7, texts: null, textMinimum: 8 });
		expect(JSON.stringify(figuresOnly)).not.toContain('Gelernt');
		expect(JSON.stringify(figuresOnly)).not.toContain('Mehr Pausen');

		const eight = await feedbackSession(altenburg, 8);
		await answerAll(eight.tokens);
		const withTexts = await feedbackResults(altenburg, eight.session.id, closesAt);
		if (!withTexts.shown || !withTexts.texts) throw new Error('texts expected from 8 answers on');
		expect([...withTexts.texts.takeaways].sort()).toEqual([0, 1, 2, 3, 4, 5, 6, 7].map((i) => `Gelernt ${i}`));
		expect(withTexts.texts.improvements).toEqual(['Mehr Pausen']);
	});

	it('(d) no view of organisers or facilitators tells who gave feedback: every view is the same before and after an answer', async () => {
		const facilitator = await tenantAs(t.db, 'Stadt Altenburg', 'facilitator', 'sessions.facilitate');
		const { moduleId, session, people, tokens } = await feedbackSession(altenburg, 6);
		await answerAll(tokens.slice(0, 2));
		/** Asks for feedback; who got a mail (the Ausgang lists recipients). */
		const asked = async () => {
			const known = new Set((await t.db.select({ id: outboxMails.id }).from(outboxMails)).map((m) => m.id));
			const count = await requestFeedback(organiser(altenburg, during), session.id);
			const recipients = (await t.db.select({ id: outboxMails.id, to: outboxMails.recipient }).from(outboxMails)).filter((m) => !known.has(m.id)).map((m) => m.to);
			return { count, recipients: recipients.sort() };
		};
		const views = async () => {
			const result: Record<string, unknown> = {};
			for (const [who, ctx] of [['organiser', altenburg], ['facilitator', facilitator]] as const) {
				const viewer = organiser(ctx, during);
				result[`${who}.session`] = await getSessionOverview(viewer, session.id);
				result[`${who}.attendance`] = await getAttendanceOverview(viewer, session.id);
				result[`${who}.feedback`] = await getFeedbackOverview(viewer, session.id);
				result[`${who}.registrations`] = await sessionRegistrations(ctx, session.id);
				result[`${who}.module`] = await getModuleOverview(viewer, moduleId);
			}
			result['api.module'] = moduleJson(await getPublishedModule(at(during), moduleId), TEST_BASE_URL);
			return result;
		};
		const mailedBefore = await asked();
		const before = await views();
		await submitFeedback(at(during), tokens[2], answer(2));
		const after = await views();
		const mailedAfter = await asked();

		expect(after).toEqual(before);
		// Asking reaches everybody who was there — also those who answered — so the recipients tell nothing.
		const present = people.slice(0, 6).map((p) => p.email).sort();
		expect(mailedBefore).toEqual({ count: 6, recipients: present });
		expect(mailedAfter).toEqual(mailedBefore);
		for (const text of [JSON.stringify(after), JSON.stringify(cataloguePaths())]) {
			expect(text).not.toMatch(/feedbackGiven|feedback_given/);
		}
	});
});

describe('retention', () => {
	it('anonymises registrations after the organisation’s period (or the module’s own), and leaves newer ones alone', async () => {
		const org = await tenantAs(t.db, 'Gemeinde Frist', 'organiser');
		await saveCatalogueSettings(org, { retentionMonths: '6', offerWindowHours: '24' });
		const { id: plain } = await saveModule(org, { title: 'Normal', format: 'talk', status: 'published' });
		const { id: longer } = await saveModule(org, { title: 'Länger', format: 'talk', status: 'published', retentionMonths: 24 });
		const s1 = await createSession(org, plain, { start: '2099-01-10T09:00:00+01:00', end: '2099-01-10T12:00:00+01:00', location: 'Ort', capacity: 5 });
		const s2 = await createSession(org, longer, { start: '2099-01-10T09:00:00+01:00', end: '2099-01-10T12:00:00+01:00', location: 'Ort', capacity: 5 });
		const r1 = await registerPerson(organiser(org), s1.id, { name: 'Alt', email: 'alt@example.org', organisation: 'Amt', group: 'verwaltung', accessibilityNeeds: 'Rollstuhl' });
		await registerPerson(organiser(org), s2.id, { name: 'Bleibt', email: 'bleibt@example.org', group: 'verwaltung' });

		expect(await applyRetention(at(new Date('2099-07-09T12:00:00Z')), { orgId: org.org.orgId })).toEqual({ sessions: 0, registrations: 0 });
		expect(await applyRetention(at(new Date('2099-07-11T12:00:00Z')), { orgId: org.org.orgId })).toEqual({ sessions: 1, registrations: 1 });
		const [row] = await t.db.select().from(catalogueRegistrations).where(eq(catalogueRegistrations.id, r1.id));
		expect(row).toMatchObject({ name: '', email: '', organisation: '', accessibilityNeeds: '', status: 'confirmed', groupKey: 'verwaltung' });
		expect(row.anonymisedAt).not.toBeNull();
		expect(await t.db.select().from(catalogueRegistrationLinks).where(eq(catalogueRegistrationLinks.registrationId, r1.id))).toHaveLength(0);
		expect(await applyRetention(at(new Date('2099-07-11T12:00:00Z')), { orgId: org.org.orgId })).toEqual({ sessions: 0, registrations: 0 });
		const [kept] = await t.db.select().from(catalogueRegistrations).where(eq(catalogueRegistrations.sessionId, s2.id));
		expect(kept.name).toBe('Bleibt');
		expect((await applyRetention(at(new Date('2101-01-11T12:00:00Z')), { orgId: org.org.orgId })).registrations).toBe(1);
	});

	it('erases on request: the personal link stops working and the seat goes to the waiting list', async () => {
		const { id } = await saveModule(altenburg, { title: 'Löschen', format: 'talk', status: 'published' });
		const session = await createSession(altenburg, id, { start: inDays(10), end: inDays(10, 12), location: 'Ort', capacity: 1 });
		const first = await registerForSession({ ...at(), clientAddress: '192.0.2.1' }, { sessionId: session.id, input: { name: 'Erste', email: 'erste@example.org', group: 'kultur' } });
		await registerForSession({ ...at(), clientAddress: '192.0.2.1' }, { sessionId: session.id, input: { name: 'Zweite', email: 'zweite@example.org', group: 'kultur' } });
		const token = await newestLink('erste@example.org');
		await confirmRegistration(at(), token);
		await eraseRegistration(organiser(altenburg), first.id);
		expect((await rejected(cancelRegistration(at(), token))).code).toBe('not_found');
		const second = await t.db.select().from(catalogueRegistrations).where(eq(catalogueRegistrations.email, 'zweite@example.org'));
		expect(second[0].status).toBe('offered');
	});
});

describe('facilitators of a module', () => {
	it('are replaced as a list when the module is saved again', async () => {
		const { id } = await saveModule(altenburg, { title: 'Team', format: 'tandem', facilitators: [{ name: 'A', sector: 'kultur' }, { name: 'B', sector: 'wirtschaft' }] });
		await saveModule(altenburg, { title: 'Team', format: 'tandem', facilitators: [{ name: 'B', sector: 'wirtschaft' }] }, id);
		expect((await t.db.select().from(catalogueFacilitators).where(eq(catalogueFacilitators.moduleId, id))).map((f) => f.name)).toEqual(['B']);
	});
});

describe('facilitator photos', () => {
	it('accept JPEG, PNG and WebP up to 1 MB by their bytes, and are public only for published modules', async () => {
		const { id } = await saveModule(altenburg, { title: 'Mit Foto', format: 'talk', facilitators: [{ name: 'Livia Maria Andreas', sector: 'verwaltung' }] });
		const [facilitator] = await t.db.select().from(catalogueFacilitators).where(eq(catalogueFacilitators.moduleId, id));
		const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);
		expect((await rejected(setFacilitatorPhoto(altenburg, facilitator.id, new TextEncoder().encode('<svg onload="alert(1)"></svg>')))).code).toBe('validation_failed');
		expect((await rejected(setFacilitatorPhoto(altenburg, facilitator.id, new Uint8Array(1024 * 1024 + 1).fill(0xff)))).code).toBe('payload_too_large');
		expect((await rejected(setFacilitatorPhoto(gera, facilitator.id, png))).code).toBe('not_found');
		await setFacilitatorPhoto(altenburg, facilitator.id, png);
		expect(await facilitatorPhoto(t.db, facilitator.id)).toBeNull();
		await setModuleStatus(altenburg, id, 'published');
		expect(await facilitatorPhoto(t.db, facilitator.id)).toMatchObject({ type: 'image/png' });
		// Saving the module again keeps the photo with the facilitator of the same name.
		await saveModule(altenburg, { title: 'Mit Foto', format: 'talk', facilitators: [{ name: 'Livia Maria Andreas', sector: 'verwaltung', bio: 'Neu' }] }, id);
		const [again] = await t.db.select().from(catalogueFacilitators).where(eq(catalogueFacilitators.moduleId, id));
		expect((await facilitatorPhoto(t.db, again.id))?.type).toBe('image/png');
		await setFacilitatorPhoto(altenburg, again.id, null);
		expect(await facilitatorPhoto(t.db, again.id)).toBeNull();
	});
});

describe('rich text', () => {
	it('keeps the safe subset only', () => {
		expect(sanitizeDescription('<p onclick="x()">Hallo <em>Welt</em></p><iframe src="https://evil.example"></iframe><style>p{}</style>')).toBe('<p>Hallo <em>Welt</em></p>');
		expect(sanitizeDescription('<a href="https://stadt.de" target="_blank">Link</a>')).toBe('<p><a href="https://stadt.de" rel="noopener noreferrer">Link</a></p>');
		expect(sanitizeDescription('<h1>Groß</h1>')).toBe('<h3>Groß</h3>');
	});
});
