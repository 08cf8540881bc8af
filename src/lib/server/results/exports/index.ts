import type { Locale } from '../../../i18n';
import type { Db } from '../../db/client';
import { AppError } from '../../errors';
import type { DownloadFile } from '../../http/download';
import type { Study } from '../../studies/get-study';
import { frameworkDocumentOfStudy } from '../../frameworks/pinned-document';
import { resultsSetting } from '../../../domain/results/dashboard-view';
import { identityOfOrg } from '../../identity/organisation-identity';
import { pdfIdentity } from '../../identity/pdf-identity';
import { parseRound } from '../parse-round';
import { resultsOfStudy } from '../get-results';
import { openAnswerSectionsOfRound } from '../open-answers';
import { resultsCsv } from './csv';
import { resultsPdf } from './pdf';
import { CHANGE_SHEET_KEY, isSheetKey, OPEN_ANSWERS_SHEET_KEY, SHEET_KEYS } from './sheets';
import { resultsXlsx } from './xlsx';

export const EXPORT_FORMATS = ['csv', 'xlsx', 'pdf'] as const;

/**
 * A round's results as a file: ?format=csv|xlsx|pdf, ?runde=R (default: the latest closed round),
 * for CSV ?ansicht=teilnahme|luecken|einzelwerte|unterschiede|konsens|offene-antworten|veraenderung
 * (default einzelwerte; veraenderung from round 2). Open answers only as shownOpenAnswers allows.
 */
export async function exportResults(db: Db, study: Study, params: URLSearchParams, locale: Locale, organisation?: string): Promise<DownloadFile> {
	const format = params.get('format') ?? 'csv';
	if (!(EXPORT_FORMATS as readonly string[]).includes(format)) {
		throw new AppError('bad_request', `Unbekanntes Format „${format.slice(0, 20)}“. Möglich sind csv, xlsx und pdf.`, [{ path: 'format', message: 'csv, xlsx oder pdf' }]);
	}
	const view = params.get('ansicht') ?? 'einzelwerte';
	if (format === 'csv' && !isSheetKey(view)) {
		const views = [...SHEET_KEYS, OPEN_ANSWERS_SHEET_KEY, CHANGE_SHEET_KEY].join(', ');
		throw new AppError('bad_request', `Unbekannte Ansicht „${view.slice(0, 20)}“. Möglich sind ${views} (ab Runde 2).`, [{ path: 'ansicht', message: views }]);
	}
	const round = parseRound(params.get('runde'));
	const results = await resultsOfStudy(db, study, round);
	const setting = resultsSetting(study, await frameworkDocumentOfStudy(db, study), locale);
	const openAnswers = await openAnswerSectionsOfRound(db, study, results.round);
	// The organisation as it shows itself (display name; in the PDF also its logo and colour), as on its certificates.
	const identity = format === 'pdf' ? await pdfIdentity(db, study.orgId) : null;
	const shown = identity ?? (await identityOfOrg(db, study.orgId));
	const input = { results, setting, locale, createdAt: new Date(), organisation: shown?.name ?? organisation, openAnswers, identity };
	if (format === 'xlsx') return resultsXlsx(input);
	if (format === 'pdf') return resultsPdf(input);
	return resultsCsv(input, isSheetKey(view) ? view : 'einzelwerte');
}
