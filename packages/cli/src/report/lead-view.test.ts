import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parsePipeline, type Lead } from '@panopticon/core';
import { loadFiles, loadFilesColumnar } from '@panopticon/core/files';
import { describe, expect, it } from 'vitest';
import { reportLeadsOfColumns } from './lead-view.js';

const data = (name: string) => fileURLToPath(new URL(`../../../../examples/data/${name}`, import.meta.url));
const pipeline = parsePipeline(JSON.parse(readFileSync(data('pipeline.json'), 'utf8')));
const timeZone = 'America/New_York';

describe('the report leads read as columns', () => {
  it('are, seen as objects, the leads loadFiles gives: every field and both histories', async () => {
    const files = { leads: data('leads.csv'), stageHistory: data('stage_history.csv'), ownerHistory: data('owner_history.csv') };
    const objects = (await loadFiles({ ...files, timeZone, pipeline })).leads;
    const { leads, stages, owners } = await loadFilesColumnar({ ...files, timeZone, pipeline });
    const view = reportLeadsOfColumns({ leads, stages, owners }, true).objects;
    expect(objects.length).toBeGreaterThan(100);
    expect(view.length).toBe(objects.length);
    expect(Array.isArray(view)).toBe(true);
    expect(objects.some((l) => l.stageHistory.length > 0 && (l.ownerHistory?.length ?? 0) > 0)).toBe(true);
    for (let i = 0; i < objects.length; i++) expect(view[i], objects[i]!.id).toEqual(objects[i]);
    // Iteration and the array methods read through the view.
    expect([...view].map((l) => l.id)).toEqual(objects.map((l) => l.id));
    expect(view.filter((l) => l.appointmentAt !== null).length).toBe(objects.filter((l) => l.appointmentAt !== null).length);
    expect(view[objects.length]).toBeUndefined();
  });

  it('have no owner history without an owner file (the dialog says "not recorded", never "no changes")', async () => {
    const files = { leads: data('leads.csv'), stageHistory: data('stage_history.csv') };
    const objects = (await loadFiles({ ...files, timeZone, pipeline })).leads;
    const { leads, stages, owners } = await loadFilesColumnar({ ...files, timeZone, pipeline });
    const view = reportLeadsOfColumns({ leads, stages, owners }, false).objects;
    expect(objects.every((l) => l.ownerHistory === undefined)).toBe(true);
    expect(view.map((l: Lead) => l)).toEqual(objects);
  });

  it('are read-only', async () => {
    const { leads, stages, owners } = await loadFilesColumnar({ leads: data('leads.csv'), timeZone, pipeline });
    const view = reportLeadsOfColumns({ leads, stages, owners }, false).objects as Lead[];
    expect(() => {
      view[0] = view[1]!;
    }).toThrow(TypeError);
    expect(() => view.pop()).toThrow(TypeError);
  });
});
