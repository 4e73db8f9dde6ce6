/** Debian's Chromium (or `$CHROMIUM`). */
export const CHROMIUM_PATH: string;
/** The flags every browser run of the repository starts Chromium with. */
export const CHROMIUM_ARGS: string[];
/** Starts Debian's Chromium (headless, with CHROMIUM_ARGS); throws naming the fix when it is not installed. */
export function launchChromium(): Promise<import('playwright-core').Browser>;
