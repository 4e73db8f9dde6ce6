// Shared fixtures of the loadCsv tests (load-csv.test.ts, load-csv-histories.test.ts).
import { expect } from 'vitest';
import { parsePipeline } from '../../model/pipeline.js';
import type { DataIssue } from '../source.js';

export const TZ = 'America/New_York';
export const pipeline = parsePipeline({
  stages: [
    { name: 'New', category: 'open' },
    { name: 'Appointment Set', category: 'open' },
    { name: 'Green - Approved', category: 'green' },
    { name: 'Green/Delivered', category: 'won' },
    { name: 'Lost', category: 'lost' },
  ],
});

export const HEADER = 'lead_id,name,received_time,first_contact_time,appointment_time,stage,locator,team,source,company,assigned_time';
export const leadsText = (...rows: string[]) => [HEADER, ...rows].join('\n') + '\n';

/** The one issue with this code (fails when there are none or several). */
export function single(issues: DataIssue[], code: string): DataIssue {
  const found = issues.filter((i) => i.code === code);
  expect(found, `issues with code ${code}: ${JSON.stringify(issues)}`).toHaveLength(1);
  return found[0]!;
}

/** New York wall-clock time as an instant (January: UTC−5). */
export const ny = (day: number, hour: number, minute = 0) => new Date(Date.UTC(2025, 0, day, hour + 5, minute));
