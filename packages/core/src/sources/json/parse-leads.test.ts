import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TEST_PIPELINE, leadsArb, makeLead } from '../../follow-up/arbitraries.js';
import { followUp, followUpStatus, needsAttention, stageAt } from '../../follow-up/index.js';
import type { Lead } from '../../model/lead.js';
import { aggregateBySlot, responseStatus, summarizeResponses } from '../../response/index.js';
import { DATA_ISSUE_CODES } from '../issue-codes.js';
import { DataQualityError, formatIssue } from '../source.js';
import { parseLeads } from './parse-leads.js';

const NY = 'America/New_York';
const asJson = (value: unknown): unknown => JSON.parse(JSON.stringify(value));
const errorsOf = (issues: { severity: string }[]) => issues.filter((i) => i.severity === 'error');

/** A lead as plain JSON, minimal. */
const plain = (fields: Record<string, unknown> = {}) => ({
  id: '1042',
  name: 'Harbor Gym',
  stage: 'New',
  createdAt: '2026-03-01T14:00:00Z',
  ...fields,
});

describe('parseLeads', () => {
  it('reads valid leads back from their JSON unchanged (any leads, histories sorted, no error)', () => {
    fc.assert(
      fc.property(leadsArb(12), fc.constantFrom('UTC', NY, 'Asia/Kathmandu'), (leads, timeZone) => {
        const { leads: read, issues, stats } = parseLeads(asJson(leads), { timeZone });
        expect(errorsOf(issues)).toEqual([]);
        expect(read).toEqual(leads);
        expect(stats.inputs!.leads).toEqual({ rows: leads.length, accepted: leads.length, rejected: 0 });
      }),
      { numRuns: 60 },
    );
  });

  it('rejects a lead whose createdAt is broken, naming the lead and the field, and keeps every other lead', () => {
    const broken = fc.constantFrom<unknown>('2026-02-30', 'yesterday', '', null, 1_772_000_000_000, true, {}, []);
    fc.assert(
      fc.property(
        leadsArb(8).filter((l) => l.length > 0),
        fc.nat(),
        broken,
        (leads, pick, value) => {
          const json = asJson(leads) as Record<string, unknown>[];
          const victim = json[pick % json.length]!;
          if (value === undefined) delete victim.createdAt;
          else victim.createdAt = value;
          const { leads: read, issues, stats } = parseLeads(json, { timeZone: 'UTC' });
          const errors = errorsOf(issues);
          expect(errors).toHaveLength(1);
          expect(errors[0]).toMatchObject({ file: 'leads', recordId: victim.id, field: 'createdAt' });
          expect(read.map((l) => l.id)).toEqual(leads.map((l) => l.id).filter((id) => id !== victim.id));
          expect(stats.rows).toBe(stats.accepted + stats.rejected);
          expect(stats.inputs!.leads!.rejected).toBe(1);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('reads an optional instant that is broken as none, with a warning naming the lead and the field', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('firstContactAt', 'appointmentAt', 'assignedAt'),
        fc.constantFrom<unknown>('13/01/2026', 42, true),
        (field, value) => {
          const { leads, issues } = parseLeads([plain({ [field]: value })], { timeZone: 'UTC' });
          expect(leads).toHaveLength(1);
          expect(leads[0]![field as 'appointmentAt']).toBeNull();
          expect(issues).toEqual([expect.objectContaining({ severity: 'warning', recordId: '1042', field })]);
        },
      ),
    );
  });

  it('reads a timestamp without an offset as wall-clock time in timeZone, one with an offset as that instant', () => {
    const { leads } = parseLeads([plain({ createdAt: '2026-03-01T09:00', firstContactAt: '2026-03-01T09:30:00+05:30' })], { timeZone: NY });
    expect(leads[0]!.createdAt).toEqual(new Date('2026-03-01T14:00:00Z'));
    expect(leads[0]!.firstContactAt).toEqual(new Date('2026-03-01T04:00:00Z'));
  });

  it('needs a time zone: never the host zone', () => {
    expect(() => parseLeads([], { timeZone: undefined as unknown as string })).toThrow(/timeZone is required/);
  });

  it('reports a lead without an id by its place, a repeated id, and a value of the wrong type', () => {
    const { leads, issues } = parseLeads([plain({ id: undefined }), plain(), plain({ name: 'again' }), plain({ id: 7, locator: 3 })], {
      timeZone: 'UTC',
    });
    expect(leads.map((l) => l.id)).toEqual(['1042', '7']);
    expect(issues).toEqual([
      expect.objectContaining({
        severity: 'error',
        code: DATA_ISSUE_CODES.missingValue,
        field: 'id',
        message: expect.stringMatching(/^leads\[0\] has no id/),
      }),
      expect.objectContaining({
        severity: 'error',
        code: DATA_ISSUE_CODES.duplicateId,
        recordId: '1042',
        message: expect.stringMatching(/leads\[1\]/),
      }),
      expect.objectContaining({ severity: 'warning', code: DATA_ISSUE_CODES.wrongType, recordId: '7', field: 'locator', value: '3' }),
    ]);
    expect(formatIssue(issues[1]!)).toMatch(/^error: leads, record 1042, field id, value "1042": lead id "1042" already appeared/);
  });

  it('refuses an input that is not an array, and elements that are not objects', () => {
    const notArray = parseLeads({ leads: [] }, { timeZone: 'UTC' });
    expect(notArray.issues).toEqual([expect.objectContaining({ severity: 'error', code: DATA_ISSUE_CODES.wrongType, file: 'leads' })]);
    const { leads, issues, stats } = parseLeads([null, 'x', plain()], { timeZone: 'UTC' });
    expect(leads).toHaveLength(1);
    expect(issues.map((i) => i.field)).toEqual(['leads[0]', 'leads[1]']);
    expect(stats).toMatchObject({ rows: 3, accepted: 1, rejected: 2 });
  });

  it('reads histories held in the lead and as flat rows, sorted, with their issues named by lead and field', () => {
    const { leads, issues, stats } = parseLeads(
      [
        plain({
          stage: undefined,
          stageHistory: [
            { stage: 'Appointment Set', at: '2026-03-03T10:00:00Z' },
            { stage: 'New', at: 'soon' },
          ],
        }),
      ],
      {
        timeZone: 'UTC',
        pipeline: TEST_PIPELINE,
        stageHistory: [
          { leadId: '1042', stage: 'Contacted', at: '2026-03-02T10:00:00Z' },
          { leadId: '9999', stage: 'New', at: '2026-03-02T10:00:00Z' },
        ],
        ownerHistory: [{ leadId: 1042, locator: null, at: '2026-02-28T10:00:00Z' }],
      },
    );
    expect(leads[0]!.stageHistory).toEqual([
      { stage: 'Contacted', at: new Date('2026-03-02T10:00:00Z') },
      { stage: 'Appointment Set', at: new Date('2026-03-03T10:00:00Z') },
    ]);
    expect(leads[0]!.ownerHistory).toEqual([{ locator: null, at: new Date('2026-02-28T10:00:00Z') }]);
    expect(leads[0]!.stage).toBe('Appointment Set');
    expect(issues.map((i) => [i.severity, i.code, i.file, i.recordId, i.field])).toEqual([
      ['error', 'unparseable-timestamp', 'stageHistory', '1042', 'stageHistory[1].at'],
      ['error', 'unknown-lead', 'stageHistory', '9999', 'leadId'],
      ['warning', 'history-before-created', 'ownerHistory', '1042', 'at'],
      ['warning', 'missing-stage', 'leads', '1042', 'stage'],
    ]);
    expect(stats.inputs).toEqual({
      leads: { rows: 1, accepted: 1, rejected: 0 },
      stageHistory: { rows: 4, accepted: 2, rejected: 2 },
      ownerHistory: { rows: 1, accepted: 1, rejected: 0 },
    });
  });

  it('reports a stage the pipeline does not list once, with its count', () => {
    const { issues } = parseLeads([plain({ stage: 'Mystery' }), plain({ id: '2', stage: 'Mystery' })], {
      timeZone: 'UTC',
      pipeline: TEST_PIPELINE,
    });
    expect(issues).toEqual([
      expect.objectContaining({ code: 'unknown-stage', value: 'Mystery', message: expect.stringMatching(/2 rows/) }),
    ]);
  });

  it('throws one DataQualityError listing every error under strict', () => {
    expect(() => parseLeads([plain({ createdAt: 'x' }), plain({ id: '' })], { timeZone: 'UTC', strict: true })).toThrow(DataQualityError);
  });
});

describe('metrics handed a lead that is not a parsed Lead', () => {
  const asOf = new Date('2026-04-01T00:00:00Z');
  const options = { asOf, timeZone: 'UTC', pipeline: TEST_PIPELINE };
  const good = makeLead({ id: '1042', createdAt: new Date('2026-03-01T00:00:00Z'), appointmentAt: new Date('2026-03-05T00:00:00Z') });

  it('throw an error naming the lead and the field for any instant field that is a string or an Invalid Date: never a status', () => {
    const fields = ['createdAt', 'appointmentAt', 'firstContactAt', 'assignedAt'] as const;
    fc.assert(
      fc.property(fc.constantFrom(...fields), fc.constantFrom<unknown>('2026-03-05T00:00:00Z', new Date(Number.NaN), 5), (field, value) => {
        const lead = { ...good, [field]: value } as unknown as Lead;
        const message = new RegExp(`lead "1042": ${field} must be a valid Date`);
        expect(() => followUpStatus(lead, options)).toThrow(message);
        expect(() => needsAttention([good, lead], options)).toThrow(message);
      }),
    );
  });

  it('name a history entry whose time is not a Date', () => {
    const lead = { ...good, stageHistory: [{ stage: 'New', at: '2026-03-01' }] } as unknown as Lead;
    expect(() => followUp(lead, options)).toThrow(/lead "1042": stageHistory\[0\]\.at must be a valid Date; got the string "2026-03-01"/);
    expect(() => stageAt(lead, asOf)).toThrow(/stageHistory\[0\]\.at/);
  });

  it('refuse a lead without an id instead of returning a row without one', () => {
    const lead = { ...good, id: undefined } as unknown as Lead;
    expect(() => needsAttention([good, lead], options)).toThrow(/lead at index 1 has no id/);
  });

  it('response figures refuse a createdAt or firstContactAt that is not a valid Date', () => {
    const lead = { createdAt: '2026-03-01T00:00:00Z', firstContactAt: null } as unknown as Lead;
    expect(() => aggregateBySlot([lead], { timeZone: 'UTC' })).toThrow(/a lead without an id: createdAt must be a valid Date/);
    expect(() => summarizeResponses([lead])).toThrow(TypeError);
    expect(() => responseStatus({ createdAt: new Date(0), firstContactAt: new Date(Number.NaN) })).toThrow(RangeError);
  });

  it('accept what parseLeads returns', () => {
    const { leads } = parseLeads([plain({ appointmentAt: '2026-03-05T00:00:00Z' })], { timeZone: 'UTC' });
    expect(followUpStatus(leads[0]!, options)).toBe('at-risk');
  });
});
