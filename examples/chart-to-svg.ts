/**
 * Rendering a chart to SVG in Node: Observable Plot needs a DOM, so pass jsdom's `document` to the figure,
 * then serialize it with `toSvgString` and write a standalone .svg file (it opens in any browser, and can
 * be pasted into an HTML page or an e-mail).
 *
 *   npm run example -- chart-to-svg [out.svg]
 */
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { responseHeatmapFigure, toSvgString } from '@panopticon/charts';
import { aggregateBySlot } from '@panopticon/core';
import { loadFiles } from '@panopticon/core/files';
import { JSDOM } from 'jsdom';

const out = process.argv[2] ?? join(tmpdir(), 'response-heatmap.svg');
const timeZone = 'America/New_York';

// Response times need only leads.csv (received and first-contact times).
const { leads } = await loadFiles({ leads: fileURLToPath(new URL('./data/leads.csv', import.meta.url)), timeZone });

// % of leads answered within 30 minutes, by weekday and hour of arrival.
const cells = aggregateBySlot(leads, { timeZone, slotMinutes: 60, slaMinutes: 30 });

// One jsdom document can render any number of figures.
const { document } = new JSDOM('').window;
const figure = responseHeatmapFigure(cells, { document, slaMinutes: 30 });
const svg = toSvgString(figure);
writeFileSync(out, svg);
console.log(`Wrote ${out}: ${cells.length} slots with leads, ${svg.length} characters of SVG.`);
