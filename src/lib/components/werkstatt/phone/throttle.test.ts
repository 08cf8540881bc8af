import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { throttle } from './throttle';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('throttle', () => {
	it('refreshes once at once, then once more for everything that came during the gap', async () => {
		const refresh = vi.fn();
		const live = throttle(refresh, 500);
		live.request();
		await vi.advanceTimersByTimeAsync(0);
		expect(refresh).toHaveBeenCalledTimes(1);
		for (let i = 0; i < 20; i++) live.request();
		await vi.advanceTimersByTimeAsync(499);
		expect(refresh).toHaveBeenCalledTimes(1);
		await vi.advanceTimersByTimeAsync(1);
		expect(refresh).toHaveBeenCalledTimes(2);
		await vi.advanceTimersByTimeAsync(5000);
		expect(refresh).toHaveBeenCalledTimes(2);
	});

	it('waits for a slow refresh and then runs one more, never two at a time', async () => {
		let finish = () => {};
		let running = 0;
		let most = 0;
		const refresh = vi.fn(() => {
			running++;
			most = Math.max(most, running);
			return new Promise<void>((resolve) => (finish = () => (running--, resolve())));
		});
		const live = throttle(refresh, 500);
		live.request();
		await vi.advanceTimersByTimeAsync(0);
		live.request();
		live.request();
		await vi.advanceTimersByTimeAsync(2000);
		expect(refresh).toHaveBeenCalledTimes(1);
		finish();
		await vi.advanceTimersByTimeAsync(0);
		expect(refresh).toHaveBeenCalledTimes(2);
		finish();
		expect(most).toBe(1);
	});

	it('does nothing after stop', async () => {
		const refresh = vi.fn();
		const live = throttle(refresh, 500);
		live.stop();
		live.request();
		await vi.advanceTimersByTimeAsync(1000);
		expect(refresh).not.toHaveBeenCalled();
	});
});
