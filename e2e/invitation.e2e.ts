/**
 * Settings: the owner invites a colleague; without SMTP the mail waits in the outbox ("Ausgang");
 * the colleague opens the link in a browser of their own, creates an account and starts in /app
 * in that organisation with that role.
 */
import { describe, expect, test } from 'vitest';
import { journey, JOURNEY_TIMEOUT, useBrowser } from './support/browser';
import { e2eContext, ROLE_LABELS_DE } from './support/context';
import { uniqueEmail } from './support/http';
import { expectErrorSummary, fieldDescription, logIn } from './support/pages';
import { WIDTHS } from './support/widths';

const browser = useBrowser();
const { demo } = e2eContext();
const owner = demo.accounts.owner;

const CASES = { 1280: 'facilitator', 375: 'viewer' } as const;

describe.each(WIDTHS)('at %i px', (width) => {
	const role = CASES[width];
	const roleLabel = ROLE_LABELS_DE[role];

	test(`an invited ${role} creates an account from the outbox link and works in the organisation`, { timeout: JOURNEY_TIMEOUT }, async () => {
		const email = uniqueEmail(`kollegin-${width}`);
		const name = `Kim Kollegin ${width}`;
		const password = 'Kollegin-Passwort-1';

		await journey(browser(), { baseUrl: demo.url, width }, async (ownerSession) => {
			const s = ownerSession;
			await logIn(s, owner.email, owner.password);
			await s.follow(s.link('Einstellungen'), { path: '/app/einstellungen', heading: 'Einstellungen', screenshot: 'einstellungen' });
			expect(await s.link('Einstellungen').getAttribute('aria-current')).toBe('page');
			await s.page.getByRole('cell', { name: owner.email }).waitFor();

			// A mistyped address is refused with a German message at the field.
			await s.field('E-Mail').fill('kollegin-at-stadt');
			await s.submit(s.button('Einladung senden'), { path: '/app/einstellungen?/invite', status: 422, heading: 'Einstellungen' });
			await expectErrorSummary(s, ['E-Mail: Bitte geben Sie eine gültige E-Mail-Adresse ein, z. B. name@stadt.de.']);
			expect(await fieldDescription(s, 'E-Mail')).toEqual({ invalid: 'true', description: 'Bitte geben Sie eine gültige E-Mail-Adresse ein, z. B. name@stadt.de.' });

			await s.field('E-Mail').fill(email);
			await s.page.getByLabel('Rolle', { exact: true }).selectOption(role);
			await s.submit(s.button('Einladung senden'), { path: '/app/einstellungen?/invite', heading: 'Einstellungen' });
			await s.page.getByRole('status').getByText(`Die Einladung an ${email} wurde verschickt.`).waitFor();
			await s.page.getByRole('listitem').filter({ hasText: `${email} – ${roleLabel}, gültig bis` }).waitFor();

			// The mail is in the outbox, with the link.
			const mail = s.page.locator('details').filter({ hasText: `An ${email}: Einladung zu Stadtwissen: ${demo.orgName} (nicht versendet)` });
			expect(await mail.count()).toBe(1);
			await mail.locator('summary').click();
			const body = (await mail.locator('pre').textContent()) ?? '';
			expect(body).toContain(`lädt Sie ein, bei „${demo.orgName}“ in Stadtwissen mitzuarbeiten (Rolle: ${roleLabel})`);
			const link = /(http:\/\/\S+\/einladung\/[A-Za-z0-9_-]+)/.exec(body)?.[1];
			expect(link, 'invitation link in the mail').toBeDefined();
			expect(new URL(link!).origin).toBe(new URL(demo.url).origin);
			await s.checkA11y(); // with the mail opened
			await s.screenshot('einstellungen-ausgang');

			// The colleague, in a browser of their own.
			await journey(browser(), { baseUrl: demo.url, width }, async (invitee) => {
				await invitee.visit(link!, { heading: 'Einladung', screenshot: 'einladung' });
				await invitee.page.getByText(`Sie sind eingeladen, bei ${demo.orgName} als ${roleLabel} mitzuarbeiten.`).waitFor();
				await invitee.page.getByText(email).waitFor();
				await invitee.field('Ihr Name').fill(name);
				await invitee.field('Passwort (mindestens 10 Zeichen)').fill(password);
				await invitee.field('Passwort wiederholen').fill(password);
				await invitee.submit(invitee.button('Konto anlegen und Einladung annehmen'), { path: '/app', heading: `Willkommen, ${name}` });
				await invitee.page.getByText(`Sie arbeiten in ${demo.orgName} als ${roleLabel}.`).waitFor();

				// Their role does not reach the settings.
				await invitee.visit('/app/einstellungen', { status: 403, heading: 'Etwas ist schiefgegangen' });
				await invitee.page.getByText('Ihre Rolle erlaubt das nicht.').waitFor();

				// The link is spent.
				await invitee.visit(link!, { heading: 'Einladung' });
				await invitee.page.getByText('Diese Einladung ist abgelaufen oder wurde schon angenommen.').waitFor();
			});

			// The owner sees the new member with that role, and no open invitation any more.
			await s.visit('/app/einstellungen', { heading: 'Einstellungen' });
			const row = s.page.getByRole('row').filter({ hasText: email });
			expect(await row.getByRole('cell').first().textContent()).toBe(name);
			expect(await row.getByRole('combobox').inputValue()).toBe(role);
			expect(await s.page.getByRole('listitem').filter({ hasText: `${email} – ` }).count()).toBe(0);
		});
	});
});
