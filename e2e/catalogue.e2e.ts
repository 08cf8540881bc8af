/**
 * Fortbildungskatalog: the demo shows a German catalogue with the seed module "Macht Stadt
 * gemeinsam!"; a person registers without an account (without JavaScript on a phone), confirms
 * with the link from the mail and cancels; the seat goes to the person on the waiting list, who
 * is told by mail and accepts it. Organisers see it all on the session page.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { journey, JOURNEY_TIMEOUT, useBrowser, type BrowserSession } from './support/browser';
import { e2eContext } from './support/context';
import { createApiToken, get, login, uniqueEmail } from './support/http';
import { linkFromMailbox, mailsTo } from './support/mailbox';
import { expectErrorSummary, logIn } from './support/pages';
import { WIDTHS } from './support/widths';

const browser = useBrowser();
const { demo } = e2eContext();
const SEED = 'Macht Stadt gemeinsam!';
const MANAGE = '/katalog/anmeldung/';

let ownerCookie: string;
let token: string;

beforeAll(async () => {
	ownerCookie = await login(demo.url, demo.accounts.owner.email, demo.accounts.owner.password);
	token = await createApiToken(demo.url, ownerCookie, 'E2E Katalog');
}, 60_000);

async function api(path: string, body: unknown): Promise<{ id: string }> {
	const response = await fetch(new URL(`/api/v1${path}`, demo.url), {
		method: 'POST',
		headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
		body: JSON.stringify(body)
	});
	const json = (await response.json()) as { id: string };
	expect(response.status, `${path}: ${JSON.stringify(json)}`).toBe(201);
	return json;
}

/** The path of the newest personal link mailed to `email` (read from what SMTP received). */
async function mailedLink(email: string): Promise<string> {
	return new URL(await linkFromMailbox(e2eContext().mailbox, email, MANAGE)).pathname;
}

/** The subjects SMTP received for `email`; the organiser's Ausgang meanwhile shows no personal link. */
async function mailedSubjects(email: string): Promise<string> {
	const subjects = mailsTo(e2eContext().mailbox, email).map((mail) => mail.subject);
	const ausgang = await (await get(demo.url, '/app/einstellungen', { cookie: ownerCookie })).text();
	expect(ausgang).not.toContain(MANAGE);
	return subjects.join('\n');
}

/** Fills the public registration form and sends it. */
async function register(s: BrowserSession, person: { name: string; email: string; group: string }, button: string, expectedPath: RegExp): Promise<void> {
	await s.field('Ihr Name').fill(person.name);
	await s.field('Ihre E-Mail-Adresse').fill(person.email);
	await s.field('Ihre Organisation (optional)').fill('Stadt Altenburg');
	await s.page.getByRole('radio', { name: person.group, exact: true }).check();
	await s.page.getByRole('checkbox', { name: /^Ich bin einverstanden/ }).check();
	await s.submit(s.button(button), { path: expectedPath });
}

describe.each(WIDTHS)('at %i px', (width) => {
	// Phones without JavaScript, desktops with it: both must work.
	const javaScriptEnabled = width === 1280;

	test('the demo catalogue is German and shows the seed module with its three facilitators', { timeout: JOURNEY_TIMEOUT }, async () => {
		await journey(browser(), { baseUrl: demo.url, width, javaScriptEnabled }, async (s) => {
			await s.visit('/katalog', { heading: 'Fortbildungskatalog', screenshot: 'katalog' });
			expect(await s.lang()).toBe('de');
			await s.page.getByText('Die Anmeldung geht ohne Konto.').waitFor();
			await s.follow(s.link(SEED).first(), { path: /^\/katalog\/[0-9a-f-]{36}$/, heading: SEED, screenshot: 'katalog-modul' });
			await s.page.getByText('Welches Wissen braucht Verwaltung für eine nachhaltige und integrierte Stadtentwicklung: heute, morgen, übermorgen?').first().waitFor();
			for (const text of ['Susann Seifert', 'Erlebe was geht gGmbH', 'Christine Büring', 'Vizepräsidentin IHK Ostthüringen zu Gera', 'Livia Maria Andreas', 'FB Bau und Stadtentwicklung, Stadt Altenburg'])
				await s.page.getByText(text, { exact: true }).waitFor();
			await s.page.getByRole('heading', { name: 'Termine und Anmeldung' }).waitFor();
			await s.page.getByText('Mit Stadtmacher*innen koproduzieren').waitFor();

			// A filter that matches nothing says so, and can be reset.
			await s.visit('/katalog?format=excursion&group=wissenschaft', { heading: 'Fortbildungskatalog' });
			await s.page.getByText('Kein Modul passt zu Ihren Filtern.').waitFor();
			await s.follow(s.link('Filter zurücksetzen'), { path: '/katalog', heading: 'Fortbildungskatalog' });
		});
	});

	test('a person registers, confirms and cancels; the next person on the waiting list gets the seat', { timeout: 2 * JOURNEY_TIMEOUT }, async () => {
		const title = `Warteliste im Browsertest (${width} px)`;
		const { id: moduleId } = await api('/modules', {
			title,
			description: 'Ein Modul mit genau einem Platz.',
			format: 'workshop',
			competences: [{ code: 'A3.4', level: 'anwenden' }],
			status: 'published'
		});
		const start = new Date(Date.now() + 30 * 86_400_000);
		const { id: sessionId } = await api(`/modules/${moduleId}/sessions`, {
			start: start.toISOString(),
			end: new Date(start.getTime() + 4 * 3_600_000).toISOString(),
			location: 'Rathaus Altenburg',
			capacity: 1
		});
		const anna = { name: 'Anna Anmeldung', email: uniqueEmail('anna'), group: 'Verwaltung' };
		const ben = { name: 'Ben Warteliste', email: uniqueEmail('ben'), group: 'Zivilgesellschaft / Stadtmacher*innen' };
		const registrationPage = `/katalog/termin/${sessionId}`;

		await journey(browser(), { baseUrl: demo.url, width, javaScriptEnabled }, async (s) => {
			await s.visit(`/katalog/${moduleId}`, { heading: title });
			await s.page.getByText('1 von 1 Plätzen frei').waitFor();
			await s.follow(s.link(/^Zur Anmeldung/), { path: registrationPage, heading: `Anmeldung: ${title}`, screenshot: 'katalog-anmeldung' });
			// An empty form: German messages, nothing saved.
			await s.submit(s.button('Anmelden'), { path: registrationPage, status: 422 });
			await expectErrorSummary(s, ['Ihr Name: Bitte geben Sie Ihren Namen ein.', 'Bitte geben Sie Ihre E-Mail-Adresse ein.', 'Einwilligung: Ohne Ihre Zustimmung können wir Sie nicht anmelden.']);
			await register(s, anna, 'Anmelden', new RegExp(`^${registrationPage}\\?angemeldet=pending_confirmation$`));
			await s.page.getByText(/^Fast geschafft!/).waitFor();
			await s.screenshot('katalog-angemeldet');
		});

		await journey(browser(), { baseUrl: demo.url, width, javaScriptEnabled }, async (s) => {
			await s.visit(registrationPage, { heading: `Anmeldung: ${title}` });
			await s.page.getByText('Dieser Termin ist voll.', { exact: false }).waitFor();
			await register(s, ben, 'Auf die Warteliste setzen', new RegExp(`^${registrationPage}\\?angemeldet=waitlisted&platz=1$`));
			await s.page.getByText(/Sie stehen auf der Warteliste, auf Platz 1\./).waitFor();
		});
		expect(await mailedSubjects(anna.email)).toContain(`Bitte bestätigen Sie Ihre Anmeldung: ${title}`);
		expect(await mailedSubjects(ben.email)).toContain(`Warteliste: ${title}`);

		// Anna confirms with the link from her mail.
		const annaLink = await mailedLink(anna.email);
		await journey(browser(), { baseUrl: demo.url, width, javaScriptEnabled }, async (s) => {
			await s.visit(annaLink, { heading: 'Ihre Anmeldung', screenshot: 'anmeldung-bestaetigen' });
			await s.page.getByText(/^Bitte bestätigen Sie Ihre Anmeldung bis \d\d\.\d\d\.\d{4}, \d\d:\d\d Uhr\./).waitFor();
			await s.submit(s.button('Anmeldung bestätigen'), { heading: 'Ihre Anmeldung', screenshot: 'anmeldung-bestaetigt' });
			await s.page.getByText('Ihr Platz ist sicher. Wir freuen uns auf Sie.').waitFor();
			const calendar = await s.link('In den Kalender').getAttribute('href');
			const ics = await (await fetch(new URL(calendar!, demo.url))).text();
			expect(ics).toContain(`SUMMARY:${title}`);
			expect(ics).toContain('TZID=Europe/Berlin');
		});
		expect(await mailedSubjects(anna.email)).toContain(`Ihre Anmeldung ist bestätigt: ${title}`);

		// Ben confirms that he stays on the waiting list.
		const benLink = await mailedLink(ben.email);
		await journey(browser(), { baseUrl: demo.url, width, javaScriptEnabled }, async (s) => {
			await s.visit(benLink, { heading: 'Ihre Anmeldung' });
			await s.submit(s.button('Auf der Warteliste bleiben'), { heading: 'Ihre Anmeldung' });
			await s.page.getByText('Sie stehen auf Platz 1 der Warteliste. Wird ein Platz frei, schreiben wir Ihnen.').waitFor();
		});

		// Anna cancels with the link from her newest mail; the seat is offered to Ben at once.
		await journey(browser(), { baseUrl: demo.url, width, javaScriptEnabled }, async (s) => {
			await s.visit(await mailedLink(anna.email), { heading: 'Ihre Anmeldung' });
			await s.page.getByText('Ich möchte mich abmelden …').click();
			await s.submit(s.button('Ja, ich melde mich ab'), { heading: 'Ihre Anmeldung', screenshot: 'anmeldung-abgemeldet' });
			await s.page.getByText('Sie sind abgemeldet.').waitFor();
		});
		expect(await mailedSubjects(ben.email)).toContain(`Ein Platz ist frei: ${title}`);

		// Ben follows the link in the offer and accepts the seat.
		const offerLink = await mailedLink(ben.email);
		expect(offerLink).not.toBe(benLink);
		await journey(browser(), { baseUrl: demo.url, width, javaScriptEnabled }, async (s) => {
			await s.visit(offerLink, { heading: 'Ihre Anmeldung', screenshot: 'anmeldung-platz-frei' });
			await s.page.getByText(/^Ein Platz ist für Sie frei geworden\. Bitte nehmen Sie ihn bis .* an\./).waitFor();
			await s.submit(s.button('Platz annehmen'), { heading: 'Ihre Anmeldung' });
			await s.page.getByText('Ihr Platz ist sicher. Wir freuen uns auf Sie.').waitFor();
		});

		// The organiser sees who holds the seat.
		await journey(browser(), { baseUrl: demo.url, width, javaScriptEnabled: true }, async (s) => {
			await logIn(s, demo.accounts.organiser.email, demo.accounts.organiser.password);
			await s.visit(`/app/katalog/termin/${sessionId}`, { heading: title, screenshot: 'katalog-termin-organisation' });
			const rows = s.page.locator('table.cat-registrations tbody tr');
			expect(await rows.count()).toBe(2);
			await rows.filter({ hasText: ben.name }).getByText('bestätigt').waitFor();
			await rows.filter({ hasText: anna.name }).getByText('storniert').waitFor();
			await s.page.getByText('1 von 1 Plätzen belegt').waitFor();
		});
	});

	test('an organiser reads the catalogue, the seed module, a session, its attendance and feedback pages', { timeout: JOURNEY_TIMEOUT }, async () => {
		await journey(browser(), { baseUrl: demo.url, width }, async (s) => {
			await logIn(s, demo.accounts.organiser.email, demo.accounts.organiser.password);
			await s.follow(s.link('Katalog'), { path: '/app/katalog', heading: 'Fortbildungskatalog', screenshot: 'app-katalog' });
			await s.follow(s.link('Macht Stadt gemeinsam!'), { path: /^\/app\/katalog\/[0-9a-f-]{36}$/, heading: 'Macht Stadt gemeinsam!', screenshot: 'app-katalog-modul-demo' });
			await s.follow(s.page.locator('.cat-session-when a').first(), { path: /^\/app\/katalog\/termin\/[0-9a-f-]{36}$/, heading: 'Macht Stadt gemeinsam!', screenshot: 'app-katalog-termin-demo' });
			const session = new URL(s.page.url()).pathname;
			await s.follow(s.link('Anwesenheit'), { path: `${session}/anwesenheit`, heading: /^Anwesenheit: Macht Stadt gemeinsam!/, screenshot: 'app-katalog-anwesenheit' });
			await s.visit(session, { heading: 'Macht Stadt gemeinsam!' });
			// An upcoming session: nothing is shown, and the page says when that changes.
			await s.follow(s.link('Feedback'), { path: `${session}/feedback`, heading: /^Feedback: Macht Stadt gemeinsam!/, screenshot: 'app-katalog-feedback' });
			await s.page.getByText(/^Die Rückmeldungen erscheinen, wenn das Feedback-Fenster am \d\d\.\d\d\.\d{4}, \d\d:\d\d Uhr geschlossen ist und mindestens \d+ Personen geantwortet haben\.$/).waitFor();
			expect(await s.page.locator('main table').count()).toBe(0);
			// The past session: its window closed, 8 answered (k = 5, texts from 8 on).
			await s.visit('/app/katalog', { heading: 'Fortbildungskatalog' });
			await s.follow(s.link('Macht Stadt gemeinsam!'), { path: /^\/app\/katalog\/[0-9a-f-]{36}$/, heading: 'Macht Stadt gemeinsam!' });
			await s.follow(s.page.locator('.cat-session-when a').last(), { path: /^\/app\/katalog\/termin\/[0-9a-f-]{36}$/, heading: 'Macht Stadt gemeinsam!' });
			const past = new URL(s.page.url()).pathname;
			await s.follow(s.link('Feedback'), { path: `${past}/feedback`, heading: /^Feedback: Macht Stadt gemeinsam!/, screenshot: 'app-katalog-feedback-ergebnisse' });
			await s.page.getByText('8 Rückmeldungen', { exact: true }).waitFor();
			await s.page.getByText('Bitte Unterlagen vorher schicken.').waitFor();
		});
	});
});

test('an organiser creates a module with competences and facilitators, publishes it and adds a session', { timeout: 2 * JOURNEY_TIMEOUT }, async () => {
	const title = `Reallabor Innenstadt (${Date.now().toString(36)})`;
	await journey(browser(), { baseUrl: demo.url, width: 1280 }, async (s) => {
		await logIn(s, demo.accounts.organiser.email, demo.accounts.organiser.password);
		await s.follow(s.link('Katalog'), { path: '/app/katalog', heading: 'Fortbildungskatalog', screenshot: 'app-katalog' });
		await s.follow(s.link('Neues Modul anlegen'), { path: '/app/katalog/neu', heading: 'Neues Modul', screenshot: 'app-katalog-neu' });
		await s.submit(s.button('Modul anlegen'), { path: '/app/katalog/neu', status: 422 });
		await expectErrorSummary(s, ['Titel: Bitte geben Sie einen Titel ein.']);

		await s.field('Titel').fill(title);
		await s.field('Untertitel oder Leitfrage').fill('Wie probieren Verwaltung und Stadtmacher*innen gemeinsam etwas aus?');
		await s.field('Beschreibung').fill('Wir erkunden leere Läden.\n\n- Rundgang\n- Werkstatt');
		await s.page.getByLabel('Format').selectOption('reallabor');
		await s.field('Dauer in Stunden').fill('3,5');
		await s.page.getByRole('checkbox', { name: 'Verwaltung', exact: true }).check();
		await s.page.locator('details.cat-competence-area summary').filter({ hasText: /^A8\b/ }).click();
		await s.page.locator('select[name="level:A8.2"]').selectOption('anwenden');
		await s.page.locator('#field-f0_name').fill('Susann Seifert');
		await s.page.locator('#field-f0_organisation').fill('Erlebe was geht gGmbH');
		await s.page.locator('#field-f0_sector').selectOption('zivilgesellschaft');
		await s.submit(s.button('Modul anlegen'), { path: /^\/app\/katalog\/[0-9a-f-]{36}\?gespeichert=1$/, heading: title, screenshot: 'app-katalog-modul' });
		await s.page.getByText('Das Modul ist ein Entwurf.', { exact: false }).waitFor();
		await s.page.getByText('In Reallaboren erproben').waitFor();
		await s.page.getByText('3,5 Stunden').waitFor();

		await s.submit(s.button('Veröffentlichen'), { heading: title });
		await s.page.getByText('Das Modul ist veröffentlicht', { exact: false }).waitFor();

		await s.page.locator('#field-p0_date').fill('2099-06-18');
		await s.page.locator('#field-p0_from').fill('09:00');
		await s.page.locator('#field-p0_to').fill('12:30');
		await s.field('Ort (Adresse und Raum)').fill('Markt 1, Altenburg');
		await s.field('Plätze').fill('12');
		await s.submit(s.button('Termin anlegen'), { path: /^\/app\/katalog\/termin\/[0-9a-f-]{36}\?angelegt=1$/, heading: title, screenshot: 'app-katalog-termin' });
		await s.page.getByText('Do., 18.06.2099, 09:00–12:30 Uhr').first().waitFor();

		await s.visit('/katalog?competence=A8.2', { heading: 'Fortbildungskatalog' });
		await s.page.getByRole('link', { name: title }).waitFor();
	});
});

test('as pretix users expect: own questions at registration, the answers in the list and the export, a message to everyone registered, check-in with the QR code', { timeout: 4 * JOURNEY_TIMEOUT }, async () => {
	const title = `Essen und Fachbereich (${Date.now().toString(36)})`;
	const { id: moduleId } = await api('/modules', {
		title,
		description: 'Ein Modul mit eigenen Fragen zur Anmeldung.',
		format: 'workshop',
		status: 'published',
		registrationQuestions: [
			{ label: 'Essenswünsche', kind: 'text' },
			{ label: 'Fachbereich', kind: 'choice', required: true, options: ['Bauamt', 'Umweltamt'] }
		]
	});
	const start = new Date(Date.now() + 20 * 86_400_000);
	const { id: sessionId } = await api(`/modules/${moduleId}/sessions`, { start: start.toISOString(), end: new Date(start.getTime() + 3 * 3_600_000).toISOString(), location: 'Rathaus Altenburg', capacity: 5 });
	const ida = { name: 'Ida Fragebogen', email: uniqueEmail('ida'), group: 'Verwaltung' };
	const registrationPage = `/katalog/termin/${sessionId}`;

	// On a phone without JavaScript: the own questions are asked, a missing required one is named in German.
	await journey(browser(), { baseUrl: demo.url, width: 375, javaScriptEnabled: false }, async (s) => {
		await s.visit(registrationPage, { heading: `Anmeldung: ${title}` });
		await s.field('Essenswünsche (freiwillig)').fill('vegetarisch');
		await s.submit(s.button('Anmelden'), { path: registrationPage, status: 422 });
		await s.page.getByText('Bitte wählen Sie bei „Fachbereich“ eine Antwort.').first().waitFor();
		await s.page.getByRole('radio', { name: 'Umweltamt', exact: true }).check();
		await register(s, ida, 'Anmelden', new RegExp(`^${registrationPage}\\?angemeldet=pending_confirmation$`));
	});
	// Confirmed with the link from the mail, the registrant's page shows the QR code for the door.
	await journey(browser(), { baseUrl: demo.url, width: 375, javaScriptEnabled: false }, async (s) => {
		await s.visit(await mailedLink(ida.email), { heading: 'Ihre Anmeldung' });
		await s.submit(s.button('Anmeldung bestätigen'), { heading: 'Ihre Anmeldung' });
		await s.page.getByRole('heading', { name: 'Ihr Code für den Einlass' }).waitFor();
		await s.page.getByRole('img', { name: 'QR-Code für den Einlass' }).waitFor();
		await s.screenshot('anmeldung-einlass');
	});
	expect(mailsTo(e2eContext().mailbox, ida.email).find((m) => m.subject.startsWith('Ihre Anmeldung ist bestätigt'))?.text).toContain('QR-Code');

	// The export carries the answers (and the organiser's e-mail column).
	const csv = await (await get(demo.url, `/app/katalog/termin/${sessionId}/anmeldungen.csv`, { cookie: ownerCookie })).text();
	expect(csv).toContain('Essenswünsche;Fachbereich');
	expect(csv).toContain(`${ida.email};Stadt Altenburg;Verwaltung;bestätigt;;nein;;vegetarisch;Umweltamt`);

	// Four more seats (the session is then full) and one on the waiting list, registered by the organiser through the API: the message counts them.
	for (let n = 1; n <= 5; n += 1) await api(`/sessions/${sessionId}/registrations`, { name: `Gast ${n}`, email: uniqueEmail(`gast${n}`), organisation: '', group: 'verwaltung' });

	for (const width of WIDTHS) {
		await journey(browser(), { baseUrl: demo.url, width, javaScriptEnabled: true }, async (s) => {
			await logIn(s, demo.accounts.organiser.email, demo.accounts.organiser.password);
			await s.visit(`/app/katalog/${moduleId}/bearbeiten`, { heading: `Modul bearbeiten: ${title}`, screenshot: 'app-katalog-fragen' });
			expect(await s.field('Text der Frage').first().inputValue()).toBe('Essenswünsche');
			await s.visit(`/app/katalog/termin/${sessionId}`, { heading: title, screenshot: 'app-katalog-termin-antworten' });
			const row = s.page.locator('table.cat-registrations tbody tr', { hasText: ida.name });
			await row.getByText('Fachbereich: Umweltamt').waitFor();
			await row.getByText('Essenswünsche: vegetarisch').waitFor();
			const registrationId = await row.locator('input[name="registrationId"]').first().inputValue();

			await s.follow(s.link('Nachricht an die Angemeldeten'), { path: `/app/katalog/termin/${sessionId}/nachricht`, heading: 'Nachricht an die Angemeldeten', screenshot: 'app-katalog-nachricht' });
			await s.submit(s.button('Weiter: Empfänger prüfen'), { status: 422 });
			await expectErrorSummary(s, ['Betreff: Bitte geben Sie einen Betreff ein.', 'Text: Bitte schreiben Sie einen Text.']);
			await s.field('Betreff').fill(`Neuer Raum (${width})`);
			await s.field('Text').fill('Wir treffen uns in Raum 2.04.');
			await s.submit(s.button('Weiter: Empfänger prüfen'), { heading: 'Nachricht an die Angemeldeten', screenshot: 'app-katalog-nachricht-pruefen' });
			// With JavaScript the count follows the waiting-list box at once (without, it names both numbers and the server asks again when the box changed).
			await s.page.getByText('Anzahl der Empfänger*innen: 5.').waitFor();
			const waitlist = s.page.getByRole('checkbox', { name: 'Auch an die Warteliste schicken (1)' });
			await waitlist.check();
			await s.page.getByText('Anzahl der Empfänger*innen: 6. Davon auf der Warteliste: 1.').waitFor();
			await s.button('Jetzt senden (E-Mails: 6)').waitFor();
			await waitlist.uncheck();
			await s.submit(s.button('Jetzt senden (E-Mails: 5)'), { heading: 'Nachricht an die Angemeldeten' });
			await s.page.getByText('Die Nachricht ist verschickt (E-Mails: 5).').waitFor();
			const message = mailsTo(e2eContext().mailbox, ida.email).find((m) => m.subject === `Neuer Raum (${width}) – ${title}`);
			expect(message?.text).toContain('Wir treffen uns in Raum 2.04.');
			expect(message?.text).toMatch(/Impressum: \S+\/o\/[a-z0-9-]+\/impressum/);

			// Scanning the QR code opens the check-in page; the button marks the person present.
			await s.visit(`/app/katalog/einlass/${registrationId}`, { heading: 'Einlass', screenshot: 'app-katalog-einlass' });
			if (width === 1280) {
				await s.submit(s.button(`${ida.name} als anwesend eintragen`), { heading: 'Einlass' });
			}
			await s.page.getByText(`${ida.name} ist als anwesend eingetragen.`).waitFor();
		});
	}
});
