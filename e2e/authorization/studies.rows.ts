/** Wissensbedarfsanalysen: organisers set up and run studies; other organisations see 404. */
import type { Row } from './table';

export const rows: Row[] = [];

export const pending: string[] = [
	'/api/v1/studies',
	'/api/v1/studies/[id]',
	'/api/v1/studies/[id]/invitations',
	'/api/v1/studies/[id]/rounds',
	'/api/v1/studies/[id]/status',
	'/app/analysen',
	'/app/analysen/[id]',
	'/app/analysen/[id]/bearbeiten',
	'/app/analysen/[id]/einladungen/[batchId]',
	'/app/analysen/[id]/fragebogen',
	'/app/analysen/neu'
];
