/**
 * No import circles in src/ (issue 11): two modules that import each other load in an order that
 * depends on who imports first, and a circle usually means a helper sits in the wrong file. Reads
 * every .ts and .svelte file's static and dynamic imports (relative and $lib), `import type` too,
 * and looks for strongly connected groups (Tarjan).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../src');
const IMPORT = /(?:^|\n)\s*(?:import|export)\s+(?:type\s+)?(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]/g;
const DYNAMIC = /import\(\s*['"]([^'"]+)['"]\s*\)/g;

function sourceFiles(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const full = path.join(dir, name);
		if (statSync(full).isDirectory()) return sourceFiles(full);
		return /\.(ts|svelte)$/.test(name) && !/\.(test|d)\.ts$/.test(name) ? [full] : [];
	});
}

/** The files each file imports, as a graph over paths. */
function importGraph(files: string[], read: (file: string) => string): Map<string, string[]> {
	const known = new Set(files);
	const resolve = (from: string, spec: string): string | undefined => {
		let base: string;
		if (spec.startsWith('$lib/')) base = path.join(SRC, 'lib', spec.slice(5));
		else if (spec.startsWith('.')) base = path.resolve(path.dirname(from), spec);
		else return undefined;
		base = base.replace(/\.js$/, '');
		return [base, `${base}.ts`, `${base}.svelte`, path.join(base, 'index.ts')].find((candidate) => known.has(candidate));
	};
	return new Map(
		files.map((file) => {
			const text = read(file);
			const specs = [...text.matchAll(IMPORT), ...text.matchAll(DYNAMIC)].map((match) => match[1]);
			return [file, [...new Set(specs.map((spec) => resolve(file, spec)).filter((target): target is string => target !== undefined))]];
		})
	);
}

/** Groups of files that reach each other through imports (a file importing itself counts too). */
function importCircles(graph: Map<string, string[]>): string[][] {
	const index = new Map<string, number>();
	const low = new Map<string, number>();
	const stack: string[] = [];
	const onStack = new Set<string>();
	const circles: string[][] = [];
	const visit = (file: string) => {
		index.set(file, index.size);
		low.set(file, index.get(file)!);
		stack.push(file);
		onStack.add(file);
		for (const next of graph.get(file) ?? []) {
			if (!index.has(next)) {
				visit(next);
				low.set(file, Math.min(low.get(file)!, low.get(next)!));
			} else if (onStack.has(next)) low.set(file, Math.min(low.get(file)!, index.get(next)!));
		}
		if (low.get(file) !== index.get(file)) return;
		const group: string[] = [];
		let member: string;
		do {
			member = stack.pop()!;
			onStack.delete(member);
			group.push(member);
		} while (member !== file);
		if (group.length > 1 || graph.get(file)?.includes(file)) circles.push(group.sort());
	};
	for (const file of graph.keys()) if (!index.has(file)) visit(file);
	return circles;
}

describe('imports', () => {
	it('finds a circle when there is one (two files, and three through $lib)', () => {
		const files = ['a.ts', 'b.ts', 'lib/x.ts', 'lib/y.svelte', 'lib/z.ts', 'lib/free.ts'].map((name) => path.join(SRC, name));
		const sources: Record<string, string> = {
			'a.ts': "import { b } from './b';",
			'b.ts': "import type { A } from './a';",
			'lib/x.ts': "export { y } from '$lib/y.svelte';",
			'lib/y.svelte': "<script lang=\"ts\">\n\timport { z } from './z';\n</script>",
			'lib/z.ts': "const x = () => import('./x');",
			'lib/free.ts': "import { x } from './x';"
		};
		const circles = importCircles(importGraph(files, (file) => sources[path.relative(SRC, file)]));
		expect(circles.map((group) => group.map((file) => path.relative(SRC, file))).sort()).toEqual([
			['a.ts', 'b.ts'],
			['lib/x.ts', 'lib/y.svelte', 'lib/z.ts']
		]);
	});

	it('have no circles in src/', () => {
		const circles = importCircles(importGraph(sourceFiles(SRC), (file) => readFileSync(file, 'utf8')));
		expect(circles.map((group) => group.map((file) => path.relative(SRC, file)))).toEqual([]);
	});
});
