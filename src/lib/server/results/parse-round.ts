import { AppError } from '../errors';

/**
 * The round asked for: undefined for "the latest". Anything but a whole number is refused here;
 * a whole number without results is refused by resultsOfStudy, both with a German message.
 */
export function parseRound(value: string | null): number | undefined {
	if (value === null || value === '') return undefined;
	if (!/^\d{1,3}$/.test(value.trim())) {
		throw new AppError('validation_failed', `„${value.slice(0, 20)}“ ist keine Rundennummer. Bitte wählen Sie eine Runde aus der Liste.`, [{ path: 'round', message: 'Eine ganze Zahl, z. B. 1.' }]);
	}
	return Number(value.trim());
}
