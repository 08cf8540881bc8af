/**
 * Runs `refresh` at most once per `gapMs`, however many events arrive: the first event refreshes at
 * once, events during a refresh or the gap lead to exactly one more refresh after it. A room that
 * votes 50 times a second costs each phone two board loads a second, not fifty.
 */
export function throttle(refresh: () => Promise<unknown> | unknown, gapMs = 500): { request: () => void; stop: () => void } {
	let last = -Infinity;
	let running = false;
	let pending = false;
	let timer: ReturnType<typeof setTimeout> | undefined;
	let stopped = false;

	const run = async () => {
		timer = undefined;
		running = true;
		last = Date.now();
		try {
			await refresh();
		} catch {
			/* the next event tries again */
		} finally {
			running = false;
			if (pending && !stopped) {
				pending = false;
				request();
			}
		}
	};
	const request = () => {
		if (stopped) return;
		if (running) {
			pending = true;
			return;
		}
		if (timer) return;
		timer = setTimeout(run, Math.max(0, last + gapMs - Date.now()));
	};
	return {
		request,
		stop: () => {
			stopped = true;
			clearTimeout(timer);
		}
	};
}
