/** Wrong command line: exit code 2 with the command's help. */
export class UsageError extends Error {}

/** A failure the message fully explains: printed without a stack trace, exit code 1. */
export class CliError extends Error {}
