/** What pages, questionnaires, PDFs and mails show of an organisation (built by server/identity/organisation-identity.ts). */
export interface PublicIdentity {
	slug: string;
	/** The display name when one is set, otherwise the account's name. */
	name: string;
	/** The readable accent colour and its hover shade; null = the app's own colour. */
	accent: { colour: string; hover: string } | null;
	/** Same-origin address of the logo (changes when a new logo is uploaded), or null. */
	logoUrl: string | null;
	legal: { impressum: string; datenschutz: string; barrierefreiheit: string };
}
