import type { Db } from '../db/client';
import { operatorLegal } from './operator-legal';
import { identityOfOrg } from './organisation-identity';

/**
 * The end of every mail: who sends it and where its Impressum, Datenschutzerklärung and
 * Erklärung zur Barrierefreiheit are — the organisation's for its mails, the operator's
 * (if configured) for mails that belong to no organisation, such as a password reset.
 */
export async function mailFooter(db: Db, orgId: string | null | undefined, baseUrl: string): Promise<string> {
	const identity = orgId ? await identityOfOrg(db, orgId) : null;
	const links = identity
		? { impressum: baseUrl + identity.legal.impressum, datenschutz: baseUrl + identity.legal.datenschutz, barrierefreiheit: baseUrl + identity.legal.barrierefreiheit }
		: operatorLegal();
	const lines = [
		links.impressum && `Impressum: ${links.impressum}`,
		links.datenschutz && `Datenschutz: ${links.datenschutz}`,
		links.barrierefreiheit && `Barrierefreiheit: ${links.barrierefreiheit}`
	].filter(Boolean);
	if (!identity && lines.length === 0) return '';
	return ['', '-- ', identity ? identity.name : 'Stadtwissen', ...lines].join('\n');
}
