import fs from 'node:fs';
import type { Download } from 'playwright-core';
import { expect } from 'vitest';
import type { BrowserSession } from './browser';

/** Clicks a download link and returns the file's bytes. */
export async function download(s: BrowserSession, name: string): Promise<Buffer> {
	const started = s.page.waitForEvent('download');
	await s.link(name).click();
	const file: Download = await started;
	expect(await file.failure()).toBeNull();
	return fs.readFileSync((await file.path())!);
}
