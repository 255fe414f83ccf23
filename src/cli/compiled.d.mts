/** The folder where a compiled entry named `name` is kept. */
export function cacheDir(name: string): string;
/**
 * The compiled JavaScript file to run for `entry` (a path from the project's root), compiling it first
 * when a source file changed since the last time (src/cli/compiled.mjs).
 */
export function compiled(entry: string, options: { name: string; splitting?: boolean }): Promise<string>;
