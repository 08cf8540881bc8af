import shippedFile from './integrierte-stadtentwicklung.json';
import { readFrameworkJsonDocument } from './json-codec';
import type { FrameworkDocument } from './model';

/*
 * The framework Stadtwissen ships with, „Integrierte Stadtentwicklung nach der Neuen Leipzig-Charta“:
 * a file in the Stadtwissen exchange format (FORMAT.md), read through the same codec as every import.
 * The principles, dimensions, levels and fields come from the New Leipzig Charter; the areas and
 * competences are Stadtwissen's own texts. German descriptions follow the product's plain-language
 * rules: one short sentence, active voice, addressed with "Sie", understandable for clerks, local
 * politicians and city makers alike. To change it, edit the file or export an edited copy from the
 * app as Stadtwissen-JSON; the unit test checks both.
 */

export const SHIPPED_FRAMEWORK_FILE = 'src/lib/domain/framework/integrierte-stadtentwicklung.json';

/** Decodes the shipped file; an invalid file stops the start with every problem the codec found. */
export function readShippedFramework(document: unknown, file = SHIPPED_FRAMEWORK_FILE): FrameworkDocument {
	const result = readFrameworkJsonDocument(document);
	if (result.ok) return result.framework;
	const problems = result.errors.map((issue) => `- ${issue.message}`).join('\n');
	throw new Error(
		`Der mitgelieferte Kompetenzrahmen ${file} ist ungültig; Stadtwissen startet nicht. ` +
			`The shipped framework ${file} is invalid; Stadtwissen does not start.\n${problems}`
	);
}

let shipped: FrameworkDocument | undefined;

/** A fresh copy of the shipped framework; callers may change it freely. */
export function createDefaultFramework(): FrameworkDocument {
	shipped ??= readShippedFramework(shippedFile);
	return structuredClone(shipped);
}
