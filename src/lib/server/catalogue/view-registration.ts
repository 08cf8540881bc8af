import type { Visitor } from './catalogue-context';
import { type RegistrationView, onRegistration } from './registration-link';

/** The registration behind a personal link, after expiry and promotions were applied. */
export async function viewRegistration(ctx: Visitor, token: string): Promise<RegistrationView> {
	const { view, lock } = await onRegistration(ctx, token, async () => undefined);
	return { ...view, lock };
}
