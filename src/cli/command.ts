export type Values = Record<string, string | boolean | undefined>;

/** One `npx stadtwissen …` command: its help texts (German), options and what it does. */
export interface Command {
	summary: string;
	usage?: string;
	options?: Record<string, { type: 'string' | 'boolean'; description: string }>;
	/** How many arguments without `--` the command takes (e.g. a file name); none if absent. */
	positionals?: number;
	run(values: Values, positionals: string[]): Promise<number>;
}
