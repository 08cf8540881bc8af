import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [sveltekit()],
	server: { watch: { ignored: ['**/data/**', '**/test-results/**'] } },
	test: {
		testTimeout: 30_000,
		hookTimeout: 120_000,
		projects: [
			{
				extends: true,
				test: { name: 'unit', include: ['src/lib/domain/**/*.test.ts', 'src/lib/format/**/*.test.ts', 'src/lib/components/**/*.test.ts', 'src/lib/*.test.ts'] }
			},
			{
				extends: true,
				test: {
					name: 'integration',
					include: ['src/lib/server/**/*.test.ts', 'src/routes/**/*.test.ts', 'tests/**/*.test.ts'],
					globalSetup: ['tests/global-setup.ts'],
					setupFiles: ['tests/helpers/password-cost.ts'],
					pool: 'forks'
				}
			},
			{
				extends: true,
				test: {
					name: 'e2e',
					include: ['e2e/**/*.e2e.ts'],
					globalSetup: ['e2e/global-setup.ts'],
					pool: 'forks',
					fileParallelism: false,
					testTimeout: 60_000
				}
			}
		]
	}
});
