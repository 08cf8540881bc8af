import shippedFile from './rahmenbedingungen.json';
import { readShippedFramework } from './default-framework';
import type { FrameworkDocument } from './model';

/*
 * The conditions catalogue Stadtwissen ships for the Rahmenbedingungen self-check (issue 16): what an
 * administration has in place so that it and the city makers can work together — contact point,
 * budgets for experiments, spaces and legal instruments, cooperation across departments,
 * participation with reliable feedback, open data and time to learn. A file in the Stadtwissen
 * exchange format with `meta.kind` = `conditions` (FORMAT.md): areas are the six dimensions,
 * competences the conditions, each a concrete statement with a short explanation, first steps and
 * sources in German and English. Read through the same codec as every import; an invalid file
 * stops the start.
 */

export const CONDITIONS_CATALOGUE_FILE = 'src/lib/domain/framework/rahmenbedingungen.json';
export const CONDITIONS_CATALOGUE_CODE = 'STADTWISSEN-RB';

let shipped: FrameworkDocument | undefined;

/** A fresh copy of the shipped conditions catalogue; callers may change it freely. */
export function createConditionsCatalogue(): FrameworkDocument {
	shipped ??= readShippedFramework(shippedFile, CONDITIONS_CATALOGUE_FILE);
	return structuredClone(shipped);
}
