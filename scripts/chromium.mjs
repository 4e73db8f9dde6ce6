// How every browser run of the repository starts Debian's Chromium (the dashboard test, the screenshot and
// the page-load measurement): headless, and with the background networking that this machine's closed
// network refuses turned off. Never a browser downloaded by a tool.
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
