/*
 * The three legal pages every German public body's website needs, as plain text with light
 * formatting: "## " starts a heading, a blank line a paragraph, "- " a list item, **bold**.
 * Templates carry placeholders in double brackets ([[Anschrift]]) that the organiser replaces;
 * as long as one is left, the public page says honestly that the text is not filled in yet
 * instead of showing a half-finished legal text.
 */

export const LEGAL_PAGES = ['impressum', 'datenschutz', 'barrierefreiheit'] as const;
export type LegalPage = (typeof LEGAL_PAGES)[number];

export const LEGAL_TITLES: Record<LegalPage, string> = {
	impressum: 'Impressum',
	datenschutz: 'Datenschutzerklärung',
	barrierefreiheit: 'Erklärung zur Barrierefreiheit'
};

export const MAX_LEGAL_TEXT = 50_000;

const PLACEHOLDER = /\[\[([^\]\n]+)\]\]/g;

/** The placeholders still in a text, each once, in order ("Anschrift", "Telefon", …). */
export function openPlaceholders(text: string): string[] {
	return [...new Set([...text.matchAll(PLACEHOLDER)].map((match) => match[1].trim()))];
}

/** Whether a saved text may be shown publicly: something written, no placeholder left. */
export function isFilled(text: string): boolean {
	// Any "[[" left counts, also a placeholder broken across lines or missing its closing brackets.
	return text.trim().length > 0 && !text.includes('[[');
}

/** Replaces every placeholder by what `fill` gives for its name. */
export function fillPlaceholders(text: string, fill: (name: string) => string): string {
	return text.replace(PLACEHOLDER, (_, name: string) => fill(name.trim()));
}

/** The text organisers start from: the template with their organisation's name filled in. */
export function legalTemplate(page: LegalPage, organisation: string): string {
	return TEMPLATES[page].replaceAll('{organisation}', organisation.replaceAll('[', '(').replaceAll(']', ')'));
}

const TEMPLATES: Record<LegalPage, string> = {
	impressum: `## Angaben gemäß § 5 DDG

{organisation}
[[Straße und Hausnummer]]
[[Postleitzahl und Ort]]

## Vertreten durch

[[Name und Funktion der vertretungsberechtigten Person, z. B. Oberbürgermeister*in]]

## Kontakt

Telefon: [[Telefonnummer]]
E-Mail: [[E-Mail-Adresse]]

## Aufsichtsbehörde

[[Zuständige Aufsichtsbehörde, z. B. Landesdirektion oder Regierungspräsidium]]

## Verantwortlich für den Inhalt nach § 18 Abs. 2 MStV

[[Name, Anschrift wie oben]]

## Hinweis

Diese Seiten werden mit Stadtwissen betrieben. Für die Inhalte der Fragebögen, Kataloge und Ergebnisse ist {organisation} verantwortlich.`,

	datenschutz: `## Verantwortliche Stelle

{organisation}
[[Straße und Hausnummer]], [[Postleitzahl und Ort]]
E-Mail: [[E-Mail-Adresse]]

## Datenschutzbeauftragte*r

[[Name oder Funktion]], erreichbar unter [[E-Mail-Adresse der*des Datenschutzbeauftragten]]

## Welche Daten wir verarbeiten und warum

- **Befragungen:** Ihre Antworten werden ohne Namen und ohne Zuordnung zu Ihrem Link gespeichert. Ergebnisse zeigen wir nur für Gruppen, die groß genug sind, dass niemand erkannt werden kann. Rechtsgrundlage: [[z. B. Art. 6 Abs. 1 lit. e DSGVO in Verbindung mit dem Landesdatenschutzgesetz]].
- **Anmeldungen zu Fortbildungen:** Name und E-Mail-Adresse, um Ihren Platz zu verwalten, Sie zu benachrichtigen und eine Teilnahmebescheinigung auszustellen. Sie werden nach [[Frist, z. B. 12 Monaten]] gelöscht.
- **E-Mail-Einladungen:** Die Adresse wird nur für Einladung und Erinnerung verwendet und getrennt von den Antworten gespeichert.
- **Server-Protokolle:** Technisch nötige Angaben (Zeit, aufgerufene Seite) zur Sicherheit des Betriebs, gelöscht nach [[Frist]].

Es werden keine Cookies zu Werbe- oder Analysezwecken gesetzt. Ein Cookie für die Anmeldung gibt es nur für Mitarbeitende, die Befragungen betreuen.

## Empfänger und Hosting

[[Name und Sitz des Rechenzentrums oder Dienstleisters; Auftragsverarbeitungsvertrag nach Art. 28 DSGVO]]

## Ihre Rechte

Sie haben das Recht auf Auskunft (Art. 15 DSGVO), Berichtigung (Art. 16), Löschung (Art. 17), Einschränkung der Verarbeitung (Art. 18) und Widerspruch (Art. 21). Wenden Sie sich dafür an die oben genannte Stelle.

## Beschwerderecht

Sie können sich bei der Aufsichtsbehörde für den Datenschutz beschweren: [[Name und Anschrift der Landesdatenschutzbehörde]].`,

	barrierefreiheit: `{organisation} ist bemüht, diese Website im Einklang mit der Barrierefreie-Informationstechnik-Verordnung (BITV 2.0) barrierefrei zugänglich zu machen. Diese Erklärung gilt für die Befragungen, den Fortbildungskatalog und die veröffentlichten Ergebnisse unter dieser Adresse.

## Stand der Vereinbarkeit mit den Anforderungen

Diese Website ist **teilweise vereinbar** mit der BITV 2.0. Die Erklärung beruht auf einer Selbstbewertung vom [[Datum der Bewertung]].

## Nicht barrierefreie Inhalte

- Diagramme der Ergebnisse sind Grafiken; dieselben Werte stehen jeweils in einer Tabelle darunter.
- PDF-Berichte und Teilnahmebescheinigungen sind noch nicht vollständig als barrierefreies PDF (PDF/UA) ausgezeichnet.
- Fortbildungsinhalte, die Referent*innen selbst einstellen (z. B. Fotos), haben nicht immer einen Alternativtext.
- [[Weitere bekannte Mängel]]

## Feedback und Kontakt

Sind Ihnen Mängel beim barrierefreien Zugang aufgefallen? Schreiben Sie uns: [[E-Mail-Adresse]], Telefon [[Telefonnummer]]. Wir antworten innerhalb von [[Frist, z. B. zwei Wochen]].

## Schlichtungsverfahren

Wenn Sie auf Ihre Rückmeldung keine zufriedenstellende Antwort erhalten, können Sie ein Schlichtungsverfahren einleiten: [[Zuständige Schlichtungsstelle, z. B. die Schlichtungsstelle nach § 16 BGG oder die Ombudsstelle Ihres Landes, mit Anschrift und Internetadresse]].`
};
