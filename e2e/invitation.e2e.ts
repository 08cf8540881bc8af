/**
 * Settings: the owner invites a colleague; the link is shown once to the owner and mailed (the
 * test SMTP server); the Ausgang lists the mail without its content. The shown link alone creates
 * no account; the colleague opens the mailed link in a browser of their own, creates an account
 * and starts in /app in that organisation with that role.
 */
import { describe, expect, test } from 'vitest';
import { journey, JOURNEY_TIMEOUT, useBrowser } from './support/browser';
import { e2eContext, ROLE_LABELS_DE } from './support/context';
import { uniqueEmail } from './support/http';
import { linkFromMailbox } from './support/mailbox';
import { expectErrorSummary, fieldDescription, logIn } from './support/pages';
import { WIDTHS } from './support/widths';

const browser = useBrowser();
const { demo } = e2eContext();
const owner = demo.accounts.owner;

const CASES = { 1280: 'facilitator', 375: 'viewer' } as const;

describe.each(WIDTHS)('at %i px', (width) => {
	const role = CASES[width];
	const roleLabel = ROLE_LABELS_DE[role];

	test(`an invited ${role} creates an account from the mailed link and works in the organisation`, { timeout: JOURNEY_TIMEOUT }, async () => {
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

			// The link is shown once, to the owner; the mail went to the colleague's mailbox.
			const shown = (await s.page.locator('code.shown-once').textContent()) ?? '';
			expect(shown).toMatch(/^http:\/\/\S+\/einladung\/[A-Za-z0-9_-]+$/);
			const link = await linkFromMailbox(e2eContext().mailbox, email, '/einladung/');
			expect(link.startsWith(`${shown}.`), 'the mailed link carries a second secret').toBe(true);
			expect(new URL(link).origin).toBe(new URL(demo.url).origin);
			await s.checkA11y();

			// The Ausgang lists the mail as sent, without any link; after a reload the shown link is gone.
			await s.visit('/app/einstellungen', { heading: 'Einstellungen' });
			const sent = s.page.getByRole('row').filter({ hasText: email }).filter({ hasText: `Einladung zu Stadtwissen: ${demo.orgName}` });
			expect(await sent.count()).toBe(1);
			await sent.getByRole('cell', { name: 'zugestellt', exact: true }).waitFor();
			const settingsHtml = await s.page.content();
			expect(settingsHtml).not.toContain('/einladung/');
			await s.screenshot('einstellungen-ausgang');

			// Whoever holds only the shown link cannot create the colleague's account.
			await journey(browser(), { baseUrl: demo.url, width }, async (other) => {
				await other.visit(shown, { heading: 'Einladung' });
				await other.page.getByText(`Für ${email} gibt es noch kein Konto. Ein Konto legen Sie nur über den Link aus der E-Mail an`, { exact: false }).waitFor();
				expect(await other.page.getByRole('button', { name: 'Konto anlegen und Einladung annehmen' }).count()).toBe(0);
			});

			// The colleague, in a browser of their own.
			await journey(browser(), { baseUrl: demo.url, width }, async (invitee) => {
				await invitee.visit(link, { heading: 'Einladung', screenshot: 'einladung' });
				await invitee.page.getByText(`Sie sind eingeladen, bei ${demo.orgName} als ${roleLabel} mitzuarbeiten.`).waitFor();
				await invitee.page.getByText(email).waitFor();
				await invitee.field('Ihr Name').fill(name);
				await invitee.field('Passwort (mindestens 10 Zeichen)').fill(password);
				await invitee.field('Passwort wiederholen').fill(password);
				await invitee.submit(invitee.button('Konto anlegen und Einladung annehmen'), { path: '/app', heading: `Willkommen, ${name}` });
				await invitee.page.getByText(`Sie arbeiten in ${demo.orgName} als ${roleLabel}.`).waitFor();

				// Their role does not reach the settings.
				await invitee.visit('/app/einstellungen', { status: 403, heading: 'Kein Zugriff' });
				await invitee.page.getByText('Ihre Rolle erlaubt das nicht.').waitFor();

				// The link is spent.
				await invitee.visit(link, { heading: 'Einladung' });
				await invitee.page.getByText('Diese Einladung ist abgelaufen oder wurde schon angenommen.').waitFor();
			});

			// The owner sees the new member with that role, and no open invitation any more.
			await s.visit('/app/einstellungen', { heading: 'Einstellungen' });
			const row = s.page.getByRole('row').filter({ hasText: email }).filter({ has: s.page.getByRole('combobox') });
			expect(await row.getByRole('cell').first().textContent()).toBe(name);
			expect(await row.getByRole('combobox').inputValue()).toBe(role);
			expect(await s.page.getByRole('listitem').filter({ hasText: `${email} – ` }).count()).toBe(0);
		});
	});
});
