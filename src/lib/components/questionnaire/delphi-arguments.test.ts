/**
 * eDelphi (issue 17): the next round shows the released reasons beside the distribution as
 * "Argumente aus Runde n", and offers an optional reason field of at most 500 characters.
 */
// eslint-disable-next-line no-restricted-imports -- Svelte's own server renderer, not src/lib/server (the pattern **/server catches both)
import { render } from 'svelte/server';
import { describe, expect, it, vi } from 'vitest';
import DelphiArguments from './DelphiArguments.svelte';
import DelphiReasonField from './DelphiReasonField.svelte';

vi.mock('$app/state', () => ({ page: { data: { locale: 'de' } } }));

const ITEM = 'A1.1|importance|heute';

describe('DelphiArguments', () => {
	it('lists the arguments of the previous round under its number, escaped', () => {
		const { body } = render(DelphiArguments, { props: { itemKey: ITEM, round: 2, texts: ['Das Amt braucht es heute kaum.', '<b>laut</b>'] } });
		expect(body).toContain('Argumente aus Runde 2 (2)');
		expect(body).toMatch(/<li[^>]*>Das Amt braucht es heute kaum\.<\/li>/);
		expect(body).toContain('&lt;b>laut&lt;/b>');
		expect(body).toMatch(/<details class="delphi-arguments[^"]*">/);
	});

	it('shows nothing when no argument may be shown', () => {
		const { body } = render(DelphiArguments, { props: { itemKey: ITEM, round: 1, texts: [] } });
		expect(body).not.toContain('Argumente');
	});
});

describe('DelphiReasonField', () => {
	it('is an optional field named after the item, at most 500 characters, with the typed text', () => {
		const { body } = render(DelphiReasonField, { props: { itemKey: ITEM, value: 'weil', far: true } });
		expect(body).toContain('name="reason:A1.1|importance|heute"');
		expect(body).toContain('maxlength="500"');
		expect(body).toContain('Ihre Antwort liegt weit vom Median Ihrer Gruppe.');
		expect(body).toContain('(freiwillig)');
		expect(body).toMatch(/>weil<\/textarea>/);
		expect(render(DelphiReasonField, { props: { itemKey: ITEM, far: false } }).body).toContain('Möchten Sie kurz sagen, warum?');
	});
});
