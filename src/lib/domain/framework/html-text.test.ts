import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { htmlToPlainText, plainTextToHtml } from './html-text';
import { multiLineText } from '../../../../tests/helpers/framework-arbitraries';

describe('plain text in Moodle HTML', () => {
	it('escapes markup and turns line breaks into <br>', () => {
		expect(plainTextToHtml('Flächen < 5 ha & "Räume"\nzweite Zeile\r\n<b>')).toBe(
			'Flächen &lt; 5 ha &amp; &quot;Räume&quot;<br>zweite Zeile&#13;<br>&lt;b&gt;'
		);
	});

	it('reads back exactly the text it wrote', () => {
		fc.assert(
			fc.property(multiLineText, (text) => {
				expect(htmlToPlainText(plainTextToHtml(text))).toEqual({ text, formattingRemoved: false });
			})
		);
	});

	it('decodes entities Moodle editors write', () => {
		expect(htmlToPlainText('Gr&uuml;n&nbsp;&amp; gerecht&#8239;&#x2013; &bdquo;Quartier&ldquo; &unknown;')).toEqual({
			text: 'Grün\u00a0& gerecht\u202f– „Quartier“ &unknown;',
			formattingRemoved: false
		});
	});

	it('reduces rich HTML to its text, keeping paragraphs and list items on their own lines', () => {
		const html = '<p>Erster <strong>Absatz</strong>\n mit   Umbruch.</p>\n<ul>\n<li>Punkt eins</li><li>Punkt zwei</li></ul><p>Ende<br/>neue Zeile</p>';
		expect(htmlToPlainText(html)).toEqual({
			text: 'Erster Absatz mit Umbruch.\n- Punkt eins\n- Punkt zwei\nEnde\nneue Zeile',
			formattingRemoved: true
		});
	});
});
