// A consumer's browser program: a heatmap drawn with the page's own document, and an upload read by the files entry's browser build.
import { aggregateBySlot, parseLeads } from '@panopticon/core';
import { loadFiles } from '@panopticon/core/files';
import { responseHeatmapFigure } from '@panopticon/charts';

const timeZone = 'Europe/Berlin';
const { leads } = parseLeads([{ id: '1', createdAt: '2026-03-02T09:10', firstContactAt: '2026-03-02T09:25' }], { timeZone });
document.body.append(responseHeatmapFigure(aggregateBySlot(leads, { timeZone }), { timeZone }));
const uploaded = await loadFiles({ leads: { text: 'lead_id,received_time\n2,2026-03-02 09:00\n', label: 'upload.csv' }, timeZone });
document.body.dataset.uploaded = String(uploaded.leads.length);
