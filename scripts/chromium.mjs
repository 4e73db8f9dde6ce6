// How every browser run of the repository starts Debian's Chromium (the dashboard test, the screenshot and
// the page-load measurement): headless, and with the background networking that this machine's closed
// network refuses turned off. Never a browser downloaded by a tool.
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-quic',
  '--no-first-run',
  '--disable-sync',
];

/** Starts Debian's Chromium with {@link CHROMIUM_ARGS}; a clear error, naming the fix, when it is not installed. */
export async function launchChromium() {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium is required for the dashboard browser tests and was not found at ${CHROMIUM_PATH}. Install it (apt-get install -y chromium) or set CHROMIUM to its path.`,
    );
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
}
