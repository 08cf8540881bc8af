/** Fortbildungskatalog: public catalogue and registration links; organisers run modules and sessions. */
import type { Row } from './table';

export const rows: Row[] = [];

export const pending: string[] = [
	'/api/v1/modules',
	'/api/v1/modules/[id]',
	'/api/v1/modules/[id]/sessions',
	'/api/v1/registrations/[cancelToken]',
	'/api/v1/sessions/[id].ics',
	'/api/v1/sessions/[id]/registrations',
	'/app/katalog',
	'/app/katalog/[id]',
	'/app/katalog/[id]/bearbeiten',
	'/app/katalog/neu',
	'/app/katalog/termin/[sessionId]',
	'/app/katalog/termin/[sessionId]/anwesenheit',
	'/app/katalog/termin/[sessionId]/anwesenheitsliste.pdf',
	'/app/katalog/termin/[sessionId]/bescheinigung/[code]',
	'/app/katalog/termin/[sessionId]/feedback',
	'/bescheinigung/[code]',
	'/katalog',
	'/katalog/[id]',
	'/katalog/anmeldung/[token]',
	'/katalog/anmeldung/[token]/bescheinigung.pdf',
	'/katalog/foto/[id]',
	'/katalog/kalender.ics',
	'/katalog/termin/[sessionId]'
];
