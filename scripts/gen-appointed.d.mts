/** Types of gen-appointed.mjs for the TypeScript tests that generate a data set with it. */
export declare const AS_OF: string;
export declare const TIME_ZONE: string;
/** The files of a seeded data set of `n` appointed leads, by file name (leads.csv, stage_history.csv, …). */
export declare function generate(n: number, seed?: number): Record<string, string>;
