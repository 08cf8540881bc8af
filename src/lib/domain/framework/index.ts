export * from './vocabulary';
export * from './model';
export { createDefaultFramework } from './default-framework';
export type { ImportIssue, ImportResult } from './import-result';
export { decodeImportInput, detectSeparator, MAX_IMPORT_BYTES, type DecodedInput, type Separator } from './decode';
export { exportFrameworkJson, importFrameworkJson, JSON_FORMAT, JSON_FORMAT_VERSION } from './json-codec';
export {
	exportMoodleCsv,
	importMoodleCsv,
	MOODLE_COLUMNS,
	MOODLE_SCALE_CONFIGURATION,
	MOODLE_SCALE_VALUES,
	MOODLE_TAXONOMIES
} from './moodle-csv';
export { exportSpreadsheetCsv, importSpreadsheetCsv, SPREADSHEET_COLUMNS, type SpreadsheetImportOptions } from './spreadsheet-csv';
export { diffFrameworks, hasChanges, type FrameworkDiff, type ItemChanges, type ChangedItem } from './diff';
export type { AreaField, CompetenceField, MetaField } from './diff';
export { createConditionsCatalogue, CONDITIONS_CATALOGUE_CODE } from './conditions-catalogue';
