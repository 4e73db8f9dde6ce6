// Shared fixtures of the loadFiles tests of CSV text (load-csv.test.ts, load-csv-histories.test.ts, …).
import { expect } from 'vitest';
import { parsePipeline } from '../../model/pipeline.js';
import type { DataIssue, LoadResult } from '../source.js';
import type { LoadFilesOptions } from '../tables/load-files.js';
import { loadFiles } from '../tables/load-files.js';

export const TZ = 'America/New_York';
/** The test pipeline's stages and their categories, in order. */
const STAGES = { New: 'open', 'Appointment Set': 'open', 'Green - Approved': 'green', 'Green/Delivered': 'won', Lost: 'lost' };
export const pipeline = parsePipeline({ stages: Object.entries(STAGES).map(([name, category]) => ({ name, category })) });

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

type Inputs = 'leads' | 'stageHistory' | 'ownerHistory' | 'schedule';
/** {@link loadFiles} with each file given as its text (`{ text }`), as a browser upload or a notebook passes it. */
export function loadText(
  options: Omit<LoadFilesOptions, Inputs> & { leads: string } & Partial<Record<Inputs, string>>,
): Promise<LoadResult> {
  const { leads, stageHistory, ownerHistory, schedule, ...rest } = options;
  return loadFiles({
    ...rest,
    leads: { text: leads },
    ...(stageHistory !== undefined ? { stageHistory: { text: stageHistory } } : {}),
    ...(ownerHistory !== undefined ? { ownerHistory: { text: ownerHistory } } : {}),
    ...(schedule !== undefined ? { schedule: { text: schedule } } : {}),
  });
}

/** {@link loadText} of a leads file alone, in New York. */
export const loadLeads = (leads: string) => loadText({ leads, timeZone: TZ });
