/**
 * The Ausgang after e-mail invitations: an organiser invites two people to the demo's open study
 * by e-mail; the test's SMTP mailbox receives one personal /t/ link each; Einstellungen → Ausgang
 * lists both mails (recipient, subject, status) and holds no link and no text of them. On a server
 * without SMTP the study page offers no e-mail form and points to link batches instead.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { journey, JOURNEY_TIMEOUT, useBrowser } from './support/browser';
import { e2eContext } from './support/context';
import { uniqueEmail } from './support/http';
import { linkFromMailbox, mailsTo } from './support/mailbox';
import { logIn } from './support/pages';
import { makeDataDir, removeDataDir, START_TIMEOUT_MS, startServer, type RunningServer } from './support/servers';
import { WIDTHS } from './support/widths';

const browser = useBrowser();
const { demo, mailbox, appDir } = e2eContext();
const organiser = demo.accounts.organiser;
const OPEN_STUDY = 'Schnelltest: Zwischennutzung und Reallabore';
const DEMO_EMAIL = 'demo@stadtwissen.example';

let withoutSmtp: RunningServer | undefined;
let withoutSmtpDir: string | undefined;

beforeAll(async () => {
	withoutSmtpDir = makeDataDir('nosmtp');
	withoutSmtp = await startServer({ appDir, label: 'without SMTP', dataDir: withoutSmtpDir, demo: true });
	if (!withoutSmtp.demoPassword) throw new Error(`no demo password:\n${withoutSmtp.output()}`);
}, START_TIMEOUT_MS);

afterAll(async () => {
	await withoutSmtp?.stop();
	if (withoutSmtpDir) removeDataDir(withoutSmtpDir);
});

describe.each(WIDTHS)('at %i px', (width) => {
	test('e-mail invitations arrive with their link; the Ausgang lists them without link or text', { timeout: JOURNEY_TIMEOUT }, async () => {
		const invited = [uniqueEmail(`eingeladen-a-${width}`), uniqueEmail(`eingeladen-b-${width}`)];
		await journey(browser(), { baseUrl: demo.url, width }, async (s) => {
			await logIn(s, organiser.email, organiser.password);
			await s.follow(s.link('Analysen'), { path: '/app/analysen', heading: 'Wissensbedarfsanalysen' });
			await s.follow(s.link(OPEN_STUDY), { path: /^\/app\/analysen\/[0-9a-f-]{36}$/, heading: OPEN_STUDY });
			const studyPath = new URL(s.page.url()).pathname;

			await s.page.locator('select[name="emailGroup"]').selectOption({ index: 0 });
			await s.field('E-Mail-Adressen').fill(invited.join('\n'));
			await s.submit(s.button('Einladungen senden'), { path: `${studyPath}?/email`, heading: OPEN_STUDY, screenshot: 'analyse-email-eingeladen' });
			await s.page.getByRole('status').getByText('Verschickte Einladungen: 2.').waitFor();

			// Each mailbox holds its own personal link.
			const links = await Promise.all(invited.map((email) => linkFromMailbox(mailbox, email, '/t/')));
			expect(new Set(links).size).toBe(2);
			const [mail] = mailsTo(mailbox, invited[0]);
			const bodyLine = mail.text.split('\n').find((line) => line.trim().length > 20 && !line.includes('/t/'))!.trim();

			await s.visit('/app/einstellungen', { heading: 'Einstellungen', screenshot: 'einstellungen-ausgang-einladungen' });
			const outbox = s.page.getByRole('region', { name: 'Verschickte E-Mails, die neuesten zuerst' });
			for (const email of invited) {
				const row = outbox.getByRole('row').filter({ hasText: email });
				expect(await row.count()).toBe(1);
				await row.getByRole('cell', { name: mail.subject, exact: true }).waitFor();
				await row.getByRole('cell', { name: 'zugestellt', exact: true }).waitFor();
			}
			const html = await s.page.content();
			expect(html).not.toContain('/t/');
			for (const link of links) expect(html).not.toContain(link.split('/t/')[1]);
			expect(html).not.toContain(bodyLine);
		});
	});

	test('without SMTP the study page offers no e-mail invitations and points to link batches', { timeout: JOURNEY_TIMEOUT }, async () => {
		await journey(browser(), { baseUrl: withoutSmtp!.url, width }, async (s) => {
			await logIn(s, DEMO_EMAIL, withoutSmtp!.demoPassword!);
			await s.follow(s.link('Analysen'), { path: '/app/analysen', heading: 'Wissensbedarfsanalysen' });
			await s.follow(s.link(OPEN_STUDY), { path: /^\/app\/analysen\/[0-9a-f-]{36}$/, heading: OPEN_STUDY, screenshot: 'analyse-ohne-smtp' });
			expect(await s.page.getByLabel('E-Mail-Adressen').count()).toBe(0);
			expect(await s.button('Einladungen senden').count()).toBe(0);
			await s.page.getByText('Diese Installation hat keinen Mailserver (SMTP) und verschickt deshalb keine Einladungen per E-Mail.').waitFor();
			expect(await s.link('Links für eine Gruppe erzeugen').getAttribute('href')).toBe('#einladungen');
			await s.button('Links erzeugen').waitFor();
		});
	});
});
