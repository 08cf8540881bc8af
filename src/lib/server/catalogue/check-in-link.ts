import { qrPath, type QrPath } from '../qr/qr-path';

/*
 * Check-in at the door: a confirmed registrant's page shows a QR code of this link. It opens the
 * check-in page of the app, which only signed-in organisers and facilitators of the organisation
 * may see (anybody else gets the sign-in page or 404); the registration's id (a random UUID) says
 * nothing to anyone else and marks nothing by itself.
 */
export const checkInUrl = (baseUrl: string, registrationId: string) => `${baseUrl}/app/katalog/einlass/${registrationId}`;

/** The check-in link and its QR code for a registrant's page. */
export function checkInCode(baseUrl: string, registrationId: string): { url: string; qr: QrPath } {
	const url = checkInUrl(baseUrl, registrationId);
	return { url, qr: qrPath(url) };
}
