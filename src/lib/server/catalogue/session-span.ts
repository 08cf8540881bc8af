/** A session's dates as stored: the first start, the last end and every part (creating and changing a session). */
export function spanOf(parts: { start: Date; end: Date }[]) {
	return {
		startsAt: parts[0].start,
		endsAt: new Date(Math.max(...parts.map((part) => part.end.getTime()))),
		parts: parts.map((part) => ({ start: part.start.toISOString(), end: part.end.toISOString() }))
	};
}
