import { fillPlaceholders, LEGAL_PAGES, legalTemplate } from '../../domain/identity/legal-text';
import { saveIdentity } from '../identity/save-identity';
import { saveLegalPage } from '../identity/save-legal-page';
import { setLogo } from '../identity/set-logo';
import type { TenantContext } from '../tenant';
import { demoLogoPng } from './demo-logo';

/** What the demo fills into the templates' placeholders (fictitious, clearly marked as demo data). */
const DEMO_VALUES: Record<string, string> = {
	'Straße und Hausnummer': 'Markt 1',
	'Postleitzahl und Ort': '04600 Altenburg (Demo-Anschrift)',
	'Name und Funktion der vertretungsberechtigten Person, z. B. Oberbürgermeister*in': 'Erika Mustermann, Oberbürgermeisterin (fiktiv)',
	Telefonnummer: '03447 000-0 (Demo)',
	'E-Mail-Adresse': 'stadtwissen@altenburg-demo.example',
	'Zuständige Aufsichtsbehörde, z. B. Landesdirektion oder Regierungspräsidium': 'Landesverwaltungsamt (Demo)',
	'Name, Anschrift wie oben': 'Erika Mustermann, Anschrift wie oben',
	'Name oder Funktion': 'Datenschutzbeauftragte der Stadtverwaltung',
	'E-Mail-Adresse der*des Datenschutzbeauftragten': 'datenschutz@altenburg-demo.example',
	'z. B. Art. 6 Abs. 1 lit. e DSGVO in Verbindung mit dem Landesdatenschutzgesetz': 'Art. 6 Abs. 1 lit. e DSGVO in Verbindung mit dem Landesdatenschutzgesetz',
	'Frist, z. B. 12 Monaten': '12 Monaten',
	Frist: '14 Tagen',
	'Name und Sitz des Rechenzentrums oder Dienstleisters; Auftragsverarbeitungsvertrag nach Art. 28 DSGVO': 'Kommunales Rechenzentrum (Demo), Auftragsverarbeitung nach Art. 28 DSGVO',
	'Name und Anschrift der Landesdatenschutzbehörde': 'Die*der Landesbeauftragte für den Datenschutz (Demo-Angabe)',
	'Datum der Bewertung': '1. Dezember 2026',
	'Weitere bekannte Mängel': 'Keine weiteren bekannten Mängel.',
	'Frist, z. B. zwei Wochen': 'zwei Wochen',
	'Zuständige Schlichtungsstelle, z. B. die Schlichtungsstelle nach § 16 BGG oder die Ombudsstelle Ihres Landes, mit Anschrift und Internetadresse':
		'Schlichtungsstelle nach dem Behindertengleichstellungsgesetz, Mauerstraße 53, 10117 Berlin, www.schlichtungsstelle-bgg.de'
};

/** The demo organisation's logo, colour and filled-in legal pages, so visitors see what organisations get. */
export async function loadIdentityDemo(owner: TenantContext): Promise<void> {
	await saveIdentity(owner, { displayName: '', accentColour: '#1a4d8f' });
	await setLogo(owner, demoLogoPng());
	for (const page of LEGAL_PAGES) {
		const text = fillPlaceholders(legalTemplate(page, owner.org.orgName), (name) => DEMO_VALUES[name] ?? '(Demo-Angabe)');
		await saveLegalPage(owner, { page, text });
	}
}
