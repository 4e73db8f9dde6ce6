/**
 * The dashboard's only script: bundled by esbuild into one IIFE (compile-assets.ts), inlined in the page
 * and allowed by its sha256 hash in the CSP. It reads the page's JSON blocks, typed as page-data.ts
 * declares it, and never writes markup from data: rows the page builder drew are moved, new ones are
 * built with `textContent`.
 *
 * @module
 */
import { setUpAttention } from './attention.js';
import { setUpCalendar } from './calendar.js';
import { setUpLeadDialog } from './lead-dialog.js';
import { findById } from './dom.js';
import { setUpDownloads } from './downloads.js';
import { offScreen } from './off-screen.js';
import { setUpOpenFile } from './open-file.js';
import { readPageDataBlocks } from './page-data-reader.js';
import { setUpResponseView } from './response-view.js';
import { setUpScorecardTeams } from './scorecard-team.js';
import { setUpSortableTables } from './sortable.js';
import { setUpUrlState } from './url-state.js';

const data = readPageDataBlocks();
const later = offScreen();
const response = setUpResponseView(data, later);
const attention = setUpAttention(data, response, later);
const calendar = setUpCalendar(data, response, later);
setUpScorecardTeams(data, response);
setUpOpenFile(data, response);
setUpDownloads(data, { attention, calendar, response });
setUpSortableTables();
const urlState = { write: () => {} };
const dialog = setUpLeadDialog(data, () => urlState.write());
urlState.write = setUpUrlState({ attention, dialog, response }).write;
findById('print')?.addEventListener('click', () => window.print());
// A printed page holds every part drawn: the work still waiting for an idle moment is done first.
window.addEventListener('beforeprint', () => later.flush());
// For measurements: the tables are drawn (scripts/measure-dashboard.mjs reads this mark).
if (window.performance && performance.mark) performance.mark('panopticon:ready');
// What only a control change reads is made once the page has been drawn and is idle.
const whenIdle = window.requestIdleCallback ?? ((work: () => void) => window.setTimeout(work, 1));
whenIdle(() => response.prepare());
