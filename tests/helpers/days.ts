/** A moment `days` from now at `hour`:00 UTC — sessions in the future for catalogue tests. */
export function inDays(days: number, hour = 9): Date {
	const d = new Date(Date.now() + days * 86_400_000);
	d.setUTCHours(hour, 0, 0, 0);
	return d;
}
