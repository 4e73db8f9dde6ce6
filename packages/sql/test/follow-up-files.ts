// Test helper: generated leads and their histories written as the three CSV files of the follow-up questions
// (leads, stage history, owner history), for the SQL engine and core's reader to read the same files.
import { type Lead, type Pipeline, parsePipeline } from '@panopticon/core';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { csvText, type scratchFolder, type TimestampForm, timestampText } from './lead-files.js';

/** Which leads file: timestamps in `form`; without a locator column, each lead's locator is its owner history's last (core's rule). */
export interface FollowUpFileForm {
  form: TimestampForm;
  locatorColumn: boolean;
}

let files = 0;

/** `leads` and their histories as three CSV files in `folder`; their paths, as the SQL engine's inputs. */
export function writeFollowUpFiles(
  folder: ReturnType<typeof scratchFolder>,
  leads: readonly Lead[],
  timeZone: string,
  { form, locatorColumn }: FollowUpFileForm,
): { leads: string; stageHistory: string; ownerHistory: string } {
  const at = (d: Date | null) => (d === null ? null : timestampText(d.getTime(), form, timeZone));
  const n = files++;
  const header = ['lead_id', 'name', 'received_time', 'appointment_time', 'stage', ...(locatorColumn ? ['locator'] : []), 'team'];
  return {
    leads: folder.write(
      `leads-${n}.csv`,
      csvText(
        header,
        leads.map((l) => [
          l.id,
          l.name,
          at(l.createdAt),
          at(l.appointmentAt),
          l.stage,
          ...(locatorColumn ? [l.locator ?? null] : []),
          l.team ?? null,
        ]),
      ),
    ),
    stageHistory: folder.write(
      `stages-${n}.csv`,
      csvText(
        ['lead_id', 'stage', 'changed_at'],
        leads.flatMap((l) => l.stageHistory.map((e) => [l.id, e.stage, at(e.at)])),
      ),
    ),
    ownerHistory: folder.write(
      `owners-${n}.csv`,
      csvText(
        ['lead_id', 'locator', 'changed_at'],
        leads.flatMap((l) => (l.ownerHistory ?? []).map((e) => [l.id, e.locator, at(e.at)])),
      ),
    ),
  };
}

/** The sample data (examples/data): its three files, its pipeline, and the as-of instants and zones the tests judge it at (DST zones). */
export function sampleFollowUp(): {
  inputs: { leads: string; stageHistory: string; ownerHistory: string };
  pipeline: Pipeline;
  cases: readonly { asOf: Date; timeZone: string }[];
} {
  const data = fileURLToPath(new URL('../../../examples/data/', import.meta.url));
  return {
    inputs: { leads: `${data}leads.csv`, stageHistory: `${data}stage_history.csv`, ownerHistory: `${data}owner_history.csv` },
    pipeline: parsePipeline(JSON.parse(readFileSync(`${data}pipeline.json`, 'utf8'))),
    cases: [
      { asOf: new Date('2026-11-01T03:59:59.999Z'), timeZone: 'America/New_York' },
      { asOf: new Date('2026-08-15T12:00:00Z'), timeZone: 'Europe/London' },
      { asOf: new Date('2026-10-04T16:00:00Z'), timeZone: 'Australia/Lord_Howe' },
    ],
  };
}
