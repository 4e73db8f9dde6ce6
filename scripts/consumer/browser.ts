// A consumer's browser program: a heatmap drawn with the page's own document.
import { aggregateBySlot, parseLeads } from '@panopticon/core';
import { responseHeatmapFigure } from '@panopticon/charts';

const timeZone = 'Europe/Berlin';
const { leads } = parseLeads([{ id: '1', createdAt: '2026-03-02T09:10', firstContactAt: '2026-03-02T09:25' }], { timeZone });
document.body.append(responseHeatmapFigure(aggregateBySlot(leads, { timeZone }), { timeZone }));
