/**
 * A value computed once per key and kept in this process, at most `limit` keys (the oldest goes
 * first). For things that never change once made — the key must hold everything the value is made
 * of. A rejected promise is not kept, so the next request tries again.
 */
export function boundedMemo<V>(limit: number): (key: string, compute: () => V) => V {
	const kept = new Map<string, V>();
	return (key, compute) => {
		if (kept.has(key)) return kept.get(key)!;
		const value = compute();
		if (kept.size >= limit) kept.delete(kept.keys().next().value!);
		kept.set(key, value);
		if (value instanceof Promise) value.catch(() => kept.delete(key));
		return value;
	};
}
