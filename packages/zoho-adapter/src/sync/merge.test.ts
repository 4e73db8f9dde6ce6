import { describe, expect, test } from 'vitest';
import { DEFAULT_FIELD_MAPPING } from '../mapping.js';
import { emptySnapshot, type ZohoSnapshot } from '../snapshot.js';
import { stampSnapshot } from './commit.js';
import { mergeRecords, mergeTimelines, startingSnapshot, type ChangeRules } from './merge.js';

const STARTED = '2026-04-01T09:00:00.000Z';
const origin = { fingerprint: 'f1', dc: 'EU', apiDomain: 'https://www.zohoapis.eu', startedIso: STARTED };

const lead = (id: string, stage: string, owner: string, modified = '2026-04-01T10:00:00+05:30') => ({
  id,
  Lead_Status: stage,
  Owner: { name: owner, id: `u-${owner}` },
  Created_Time: '2026-03-01T10:00:00+05:30',
  Modified_Time: modified,
});

const rules = (overrides: Partial<ChangeRules> = {}): ChangeRules => ({
  observeChanges: true,
  observeStages: true,
  mapping: DEFAULT_FIELD_MAPPING,
  timeZone: 'UTC',
  fallbackIso: STARTED,
  ...overrides,
});

const noHistory = { rows: [], status: null };

function storedSnapshot(): ZohoSnapshot {
  const s = emptySnapshot('f1', 'EU', 'https://www.zohoapis.eu', '2026-03-01T00:00:00.000Z');
  s.leads['1'] = lead('1', 'Contacted', 'Ana Souza');
  s.observed['9'] = { stage: [{ stage: 'Lost', at: '2026-03-20T00:00:00.000Z' }], owner: [] };
  return s;
}

describe('startingSnapshot', () => {
  test('incremental: the stored snapshot itself', () => {
    const previous = storedSnapshot();
    expect(startingSnapshot({ mode: 'incremental', previous }, origin)).toBe(previous);
  });
  test('full over a stored snapshot: empty records, but the observed changes and the first sync time carried over', () => {
    const previous = storedSnapshot();
    const s = startingSnapshot({ mode: 'full', previous }, origin);
    expect(s).not.toBe(previous);
    expect(s.leads).toEqual({});
    expect(s.observed).toEqual({ '9': { stage: [{ stage: 'Lost', at: '2026-03-20T00:00:00.000Z' }], owner: [] } });
    expect(s.firstSyncAt).toBe('2026-03-01T00:00:00.000Z');
    expect(s).toMatchObject({
      fingerprint: 'f1',
      dc: 'EU',
      apiDomain: 'https://www.zohoapis.eu',
      lastFullSyncAt: STARTED,
      lastSyncAt: STARTED,
    });
  });
  test('full from nothing: an empty snapshot of this sync', () => {
    expect(startingSnapshot({ mode: 'full', previous: null }, origin)).toEqual(
      emptySnapshot('f1', 'EU', 'https://www.zohoapis.eu', STARTED),
    );
  });
});

describe('mergeRecords', () => {
  test('records replace their stored versions by id; new ones are added; rows and events are keyed by id', () => {
    const s = storedSnapshot();
    const row = { id: 'r1', Lead_Status: 'Contacted', Modified_Time: '2026-04-01T10:00:00+05:30' };
    const event = { id: 'e1', Start_DateTime: '2026-04-03T10:00:00+05:30' };
    const out = mergeRecords(
      s,
      {
        leads: [lead('1', 'Contacted', 'Ana Souza'), lead('2', 'New', 'Ben Carter')],
        history: { rows: [row], status: { module: 'Lead_Status_History', available: true } },
        events: [event, { Start_DateTime: 'x' }],
      },
      rules(),
    );
    expect(out).toBe(s);
    expect(Object.keys(s.leads)).toEqual(['1', '2']);
    expect(s.leads['2']).toEqual(lead('2', 'New', 'Ben Carter'));
    expect(s.historyRows).toEqual({ r1: row });
    expect(s.historyModule).toEqual({ module: 'Lead_Status_History', available: true });
    expect(s.events).toEqual({ e1: event });
    // Same stage and owner: nothing observed for lead 1.
    expect(s.observed['1']).toBeUndefined();
  });

  test('a stage change is observed at Modified_Time, preceded by the stage held since creation; an owner change too', () => {
    const s = storedSnapshot();
    mergeRecords(s, { leads: [lead('1', 'Lost', 'Dev Patel', '2026-04-01T10:00:00+05:30')], history: noHistory, events: [] }, rules());
    expect(s.observed['1']).toEqual({
      stage: [
        { stage: 'Contacted', at: '2026-03-01T04:30:00.000Z' },
        { stage: 'Lost', at: '2026-04-01T04:30:00.000Z' },
      ],
      owner: [{ locator: 'Dev Patel', at: '2026-04-01T04:30:00.000Z' }],
    });
    expect(s.leads['1']!.Lead_Status).toBe('Lost');
  });

  test('with a complete ledger only owner changes are observed; without a readable Modified_Time the sync start is used', () => {
    const s = storedSnapshot();
    mergeRecords(
      s,
      { leads: [{ ...lead('1', 'Lost', 'Dev Patel'), Modified_Time: null }], history: noHistory, events: [] },
      rules({ observeStages: false }),
    );
    expect(s.observed['1']).toEqual({ stage: [], owner: [{ locator: 'Dev Patel', at: STARTED }] });
  });

  test('a full sync observes nothing, even over stored records', () => {
    const s = storedSnapshot();
    mergeRecords(s, { leads: [lead('1', 'Lost', 'Dev Patel')], history: noHistory, events: [] }, rules({ observeChanges: false }));
    expect(s.observed['1']).toBeUndefined();
    expect(s.leads['1']!.Lead_Status).toBe('Lost');
  });

  test('records without a usable id are kept once among the invalid ones; history rows without an id are kept by content', () => {
    const s = emptySnapshot('f1', 'EU', 'https://www.zohoapis.eu', STARTED);
    const bad = { id: ' ', Lead_Status: 'New' };
    const numeric = { id: 5725767000010000000, Lead_Status: 'New' };
    const row = { Lead_Status: 'New' };
    mergeRecords(
      s,
      {
        leads: [bad, numeric, { ...bad }],
        history: { rows: [row], status: { module: 'Lead_Status_History', available: false, reason: 'NO_PERMISSION' } },
        events: [],
      },
      rules(),
    );
    expect(s.leads).toEqual({});
    expect(s.invalidLeads).toEqual([bad, numeric]);
    expect(s.historyRows).toEqual({ [`invalid:${JSON.stringify(row)}`]: row });
    expect(s.historyModule).toEqual({ module: 'Lead_Status_History', available: false, reason: 'NO_PERMISSION' });
  });

  test('no history module configured: the status becomes null', () => {
    const s = storedSnapshot();
    s.historyModule = { module: 'Lead_Status_History', available: true };
    mergeRecords(s, { leads: [], history: noHistory, events: [] }, rules());
    expect(s.historyModule).toBeNull();
  });
});

describe('mergeTimelines', () => {
  test('each history is stored by lead id, as ISO strings, with the time it was read', () => {
    const s = emptySnapshot('f1', 'EU', 'https://www.zohoapis.eu', STARTED);
    const issue = { severity: 'warning' as const, code: 'timeline-entry-invalid' as const, message: 'skipped' };
    mergeTimelines(
      s,
      [
        {
          leadId: '7',
          history: {
            stage: [{ stage: 'New', at: new Date('2026-03-01T00:00:00Z') }],
            owner: [{ locator: 'Ana Souza', at: new Date('2026-03-02T00:00:00Z') }],
            issues: [issue],
          },
        },
      ],
      STARTED,
    );
    expect(s.timelines).toEqual({
      '7': {
        fetchedAt: STARTED,
        stage: [{ stage: 'New', at: '2026-03-01T00:00:00.000Z' }],
        owner: [{ locator: 'Ana Souza', at: '2026-03-02T00:00:00.000Z' }],
        issues: [issue],
      },
    });
  });
});

describe('stampSnapshot', () => {
  test("the watermark is the start in Zoho's clock minus the overlap; a full sync also stamps lastFullSyncAt", () => {
    const s = emptySnapshot('f1', 'EU', 'https://old.example', '2026-03-01T00:00:00.000Z');
    const started = Date.parse(STARTED);
    stampSnapshot(s, 'incremental', { started, clockSkewMs: -3 * 3_600_000, overlapMs: 600_000 }, 'https://www.zohoapis.eu');
    expect(s).toMatchObject({
      lastSyncAt: STARTED,
      lastFullSyncAt: '2026-03-01T00:00:00.000Z',
      watermark: '2026-04-01T05:50:00.000Z',
      apiDomain: 'https://www.zohoapis.eu',
    });
    stampSnapshot(s, 'full', { started, clockSkewMs: null, overlapMs: 600_000 }, 'https://www.zohoapis.eu');
    expect(s).toMatchObject({ lastFullSyncAt: STARTED, watermark: '2026-04-01T08:50:00.000Z' });
  });
});
