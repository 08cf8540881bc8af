/**
 * The message to a session's registrants, as the organiser's browser receives it before any
 * JavaScript runs: the count names both numbers (seats and waiting list), and the form carries the
 * count the organiser confirms, so the server can ask again when the box changed after counting.
 */
// eslint-disable-next-line no-restricted-imports -- Svelte's own server renderer, not src/lib/server (the pattern **/server catches both)
import { render } from 'svelte/server';
import { describe, expect, it, vi } from 'vitest';
import MessagePage from '../../../routes/app/katalog/termin/[sessionId]/nachricht/+page.svelte';

const state = vi.hoisted(() => ({ page: { data: { locale: 'de' as 'de' | 'en' }, url: new URL('http://localhost/app/katalog/termin/x/nachricht') } }));
vi.mock('$app/state', () => state);

const data = {
	locale: 'de',
	module: { id: 'm', title: 'Offene Daten' },
	session: { id: 's', parts: [{ startsAt: '2099-05-01T07:00:00.000Z', endsAt: '2099-05-01T10:00:00.000Z' }], status: 'scheduled' },
	counts: { confirmed: 12, waitlisted: 3 }
};
const values = (includeWaitlist: boolean) => ({ subject: 'Neuer Raum', text: 'Raum 2.04', includeWaitlist: includeWaitlist ? 'yes' : '' });
const html = (form: unknown, counts = data.counts) => render(MessagePage, { props: { data: { ...data, counts } as never, form: form as never, params: { sessionId: 's' } } as never }).body;
const squeeze = (text: string) => text.replace(/<!--[^>]*-->/g, '').replace(/\s+/g, ' ');

describe('the message form before JavaScript runs', () => {
	it('names both numbers on the confirmation step, and carries the count confirmed', () => {
		const page = squeeze(html({ step: 'confirm', recipients: 12, waitlisted: 0, values: values(false) }));
		expect(page).toContain('Empfänger*innen: 12 mit bestätigtem Platz, dazu 3 auf der Warteliste, wenn „Auch an die Warteliste schicken“ angekreuzt ist.');
		expect(page).toMatch(/<input type="hidden" name="recipients" value="12"/);
		expect(page).toContain('Jetzt senden (E-Mails: 12)');
	});

	it('counts the waiting list in when the box was ticked', () => {
		const page = squeeze(html({ step: 'confirm', recipients: 15, waitlisted: 3, values: values(true) }));
		expect(page).toMatch(/<input type="hidden" name="recipients" value="15"/);
		expect(page).toContain('Jetzt senden (E-Mails: 15)');
		expect(page).toMatch(/name="includeWaitlist" value="yes" checked/);
	});

	it('says plainly that nothing was sent when the number changed', () => {
		expect(squeeze(html({ step: 'confirm', recipients: 15, waitlisted: 3, changed: true, values: values(true) }))).toContain('Die Zahl der Empfänger*innen hat sich geändert. Es wurde nichts verschickt');
	});

	it('shows one number when nobody waits', () => {
		const page = squeeze(html({ step: 'confirm', recipients: 4, waitlisted: 0, values: values(false) }, { confirmed: 4, waitlisted: 0 }));
		expect(page).toContain('Anzahl der Empfänger*innen: 4.');
		expect(page).not.toContain('auf der Warteliste, wenn');
	});

	it('checks the text the registrants will read for comprehensibility, as beside every other text for participants', () => {
		const long = 'Die Durchführung der Veranstaltung wird aufgrund der kurzfristigen Nichtverfügbarkeit des ursprünglich vorgesehenen Raumes in das Sitzungszimmer im zweiten Obergeschoss des Verwaltungsgebäudes am Marktplatz verlegt.';
		const page = squeeze(html({ step: 'confirm', recipients: 12, waitlisted: 0, values: { ...values(false), text: long } }));
		expect(page).toContain('Verständlichkeit dieses Textes');
		expect(page).toMatch(/Verständlichkeit dieses Textes:<\/span> <span lang="de">[^<]*· \d+ Hinweise/);
	});
});
