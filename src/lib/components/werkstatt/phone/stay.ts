import { goto } from '$app/navigation';
import type { SubmitFunction } from '@sveltejs/kit';

/**
 * use:enhance for the board's forms: after the server's 303 the board loads again where the person
 * is — no jump to the top, the focus stays (on the vote buttons, the next statement is already
 * there). `after` runs first on success (e.g. emptying the text field).
 */
export const stayInPlace =
	(after?: () => void): SubmitFunction =>
	() =>
	async ({ result, update }) => {
		if (result.type === 'redirect') {
			after?.();
			await goto(result.location, { invalidateAll: true, keepFocus: true, noScroll: true });
		} else await update();
	};
