/**
 * Group commit: callers arriving while a batch is being written wait together and go to the
 * database in the next batch, as one statement. Alone, a caller is written at once (a batch of
 * one); under load, fifty concurrent callers share a few round trips. Every caller still waits
 * for its own batch, so nothing is acknowledged before it is stored, and a failing batch rejects
 * each of its callers.
 */
export function groupCommit<Item, Result>(write: (items: Item[]) => Promise<Result[]>): (item: Item) => Promise<Result> {
	let waiting: { item: Item; resolve: (result: Result) => void; reject: (error: unknown) => void }[] = [];
	let writing = false;
	const drain = async () => {
		writing = true;
		while (waiting.length) {
			const batch = waiting;
			waiting = [];
			try {
				const results = await write(batch.map((entry) => entry.item));
				batch.forEach((entry, i) => entry.resolve(results[i]));
			} catch (error) {
				batch.forEach((entry) => entry.reject(error));
			}
		}
		writing = false;
	};
	return (item) =>
		new Promise<Result>((resolve, reject) => {
			waiting.push({ item, resolve, reject });
			if (!writing) void drain();
		});
}
