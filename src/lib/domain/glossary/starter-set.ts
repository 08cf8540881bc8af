import shippedFile from './starter-set.json';
import { decodeGlossaryFile, type GlossaryFile } from './codec';

/** The starter set written by the Stadtwissen team, read through the codec every import uses (a broken file fails loudly at start). */
export function starterSet(): GlossaryFile {
	const decoded = decodeGlossaryFile(shippedFile);
	if (!decoded.ok) throw new Error(`Die Startersammlung des Glossars ist fehlerhaft: ${decoded.issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ')}`);
	return decoded.value;
}
