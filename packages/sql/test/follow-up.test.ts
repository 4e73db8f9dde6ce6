import { loadFilesColumnar } from '@panopticon/core/files';
import { kpis, needsAttention, parsePipeline } from '@panopticon/core';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { leadsArb, optionsArb } from '../../core/src/follow-up/arbitraries.js';
import { kpisSql, needsAttentionSql, SqlCannotJudgeError, SqlEngineError } from '../src/index.js';
import { sampleFollowUp, writeFollowUpFiles } from './follow-up-files.js';
import { scratchFolder, type TimestampForm } from './lead-files.js';

const folder = scratchFolder();
afterAll(() => folder.dispose());
const calendarOptions = optionsArb.map((o) => ({ ...o, dayCount: 'calendar' as const }));

describe('needsAttentionSql and kpisSql give exactly core’s figures', () => {
  it('on generated leads and histories (ties, repeats, history before creation, DST and 45-minute zones, with and without a locator column)', async () => {
    await fc.assert(
      fc.asyncProperty(
        leadsArb(20),
        calendarOptions,
        fc.boolean(),
        fc.constantFrom<TimestampForm>('utc', 'naive'),
        fc.boolean(),
        async (leads, options, includeStalled, form, locatorColumn) => {
          const inputs = writeFollowUpFiles(folder, leads, options.timeZone, { form, locatorColumn });
          const all = { ...options, includeStalled };
          if (leads.every((l) => l.appointmentAt === null)) {
            // No appointment value: refused (as the CLI's loader refuses), never an empty list that reads as "all clear".
            await expect(needsAttentionSql(inputs, all)).rejects.toThrow(SqlCannotJudgeError);
            await expect(kpisSql(inputs, all)).rejects.toThrow(/appointment_time/);
            return;
          }
          const loaded = await loadFilesColumnar({ ...inputs, timeZone: options.timeZone, pipeline: options.pipeline });
          expect(await needsAttentionSql(inputs, all)).toEqual(needsAttention(loaded, all));
          expect(await kpisSql(inputs, all)).toEqual(kpis(loaded, all));
          // Written as instants with every column, the files hold exactly the generated leads.
          if (form === 'utc' && locatorColumn) expect(await kpisSql(inputs, all)).toEqual(kpis(leads, all));
          if (form === 'utc' && locatorColumn) expect(await needsAttentionSql(inputs, all)).toEqual(needsAttention(leads, all));
        },
      ),
      { numRuns: 12 },
    );
  }, 240_000);

  it('on the sample data', async () => {
    const { inputs, pipeline, cases } = sampleFollowUp();
    for (const { asOf, timeZone } of cases) {
      const options = { asOf, timeZone, pipeline };
      const loaded = await loadFilesColumnar({ ...inputs, timeZone, pipeline });
      const rows = await needsAttentionSql(inputs, options);
      expect(rows.length).toBeGreaterThan(0);
      expect(rows).toEqual(needsAttention(loaded, options));
      expect(await kpisSql(inputs, options)).toEqual(kpis(loaded, options));
    }
  }, 120_000);

  it('refuses business days by name', async () => {
    const inputs = writeFollowUpFiles(folder, [], 'UTC', { form: 'utc', locatorColumn: true });
    const options = {
      asOf: new Date('2026-01-01T00:00:00Z'),
      timeZone: 'UTC',
      pipeline: parsePipeline({ stages: [{ name: 'New', category: 'open' }] }),
    };
    await expect(kpisSql(inputs, { ...options, dayCount: 'business' })).rejects.toThrow(SqlEngineError);
    await expect(needsAttentionSql(inputs, { ...options, dayCount: 'business' })).rejects.toThrow(/business days/);
  });
});
