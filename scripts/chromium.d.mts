/** Debian's Chromium (or `$CHROMIUM`). */
export const CHROMIUM_PATH: string;
/** The flags every browser run of the repository starts Chromium with. */
export const CHROMIUM_ARGS: string[];
