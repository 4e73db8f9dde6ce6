import { describe, expect, test } from 'vitest';
import { emptySnapshot, type ZohoSnapshot } from '../snapshot.js';
import { planSync } from './plan.js';

const FINGERPRINT = '0123456789abcdef';
const PATH = '/tmp/store/zoho-snapshot.json';

function stored(overrides: Partial<ZohoSnapshot> = {}): ZohoSnapshot {
  return {
    ...emptySnapshot(FINGERPRINT, 'US', 'https://www.zohoapis.com', '2026-03-01T00:00:00.000Z'),
    watermark: '2026-03-31T17:50:00.000Z',
    ...overrides,
  };
}

describe('planSync', () => {
  test('no store: a full sync with nothing to say and nothing to build on', () => {
    expect(planSync({ kind: 'no-store' }, FINGERPRINT, {})).toEqual({
      mode: 'full',
      previous: null,
      since: undefined,
      historyStopAt: undefined,
      observeChanges: false,
      observeStages: true,
      reason: undefined,
      issues: [],
    });
  });

  test('an empty store: a full sync, without a reason (there was no snapshot)', () => {
    const plan = planSync({ kind: 'read', path: PATH, snapshot: null }, FINGERPRINT, {});
    expect(plan).toMatchObject({ mode: 'full', previous: null, reason: undefined, issues: [] });
  });

  test('a snapshot with the same settings: incremental from its watermark; the module is read to the watermark when it was complete', () => {
    const snapshot = stored({ historyModule: { module: 'Lead_Status_History', available: true } });
    const plan = planSync({ kind: 'read', path: PATH, snapshot }, FINGERPRINT, {});
    expect(plan.mode).toBe('incremental');
    expect(plan.previous).toBe(snapshot);
    expect(plan.since).toEqual(new Date('2026-03-31T17:50:00.000Z'));
    expect(plan.historyStopAt).toEqual(new Date('2026-03-31T17:50:00.000Z'));
    expect(plan.observeChanges).toBe(true);
    // A complete ledger holds the stage changes: only owner changes are observed on the records.
    expect(plan.observeStages).toBe(false);
    expect(plan.reason).toBeUndefined();
    expect(plan.issues).toEqual([]);
  });

  test('incremental, but the module was unavailable (or not configured) last time: read it whole, and observe stages on the records', () => {
    for (const historyModule of [{ module: 'Lead_Status_History', available: false, reason: 'INVALID_MODULE' }, null]) {
      const plan = planSync({ kind: 'read', path: PATH, snapshot: stored({ historyModule }) }, FINGERPRINT, {});
      expect(plan).toMatchObject({ mode: 'incremental', historyStopAt: undefined, observeChanges: true, observeStages: true });
      expect(plan.since).toEqual(new Date('2026-03-31T17:50:00.000Z'));
    }
  });

  test('full: true over a fitting snapshot: full, saying so, and the snapshot is carried (for the changes it observed)', () => {
    const snapshot = stored({ historyModule: { module: 'Lead_Status_History', available: true } });
    const plan = planSync({ kind: 'read', path: PATH, snapshot }, FINGERPRINT, { full: true });
    expect(plan).toMatchObject({
      mode: 'full',
      since: undefined,
      historyStopAt: undefined,
      observeChanges: false,
      reason: 'a full sync was requested',
      issues: [],
    });
    expect(plan.previous).toBe(snapshot);
  });

  test('a snapshot written with other settings: full, a config-changed warning, and nothing carried over', () => {
    const plan = planSync({ kind: 'read', path: PATH, snapshot: stored({ fingerprint: 'fedcba9876543210' }) }, FINGERPRINT, {});
    expect(plan).toMatchObject({ mode: 'full', previous: null, since: undefined, observeChanges: false });
    expect(plan.reason).toBe('the field mapping or modules changed since it was written');
    expect(plan.issues).toEqual([
      {
        severity: 'warning',
        code: 'snapshot-config-changed',
        message: `The snapshot ${PATH} was not used (the field mapping or modules changed since it was written); this sync read everything again.`,
        file: PATH,
      },
    ]);
  });

  test('other settings and full: true: the warning stays, the reason is the request', () => {
    const plan = planSync({ kind: 'read', path: PATH, snapshot: stored({ fingerprint: 'fedcba9876543210' }) }, FINGERPRINT, { full: true });
    expect(plan.reason).toBe('a full sync was requested');
    expect(plan.issues.map((i) => i.code)).toEqual(['snapshot-config-changed']);
  });

  test('an unreadable snapshot: full, the error as the reason, and a warning naming the file', () => {
    const plan = planSync({ kind: 'unreadable', path: PATH, error: 'not a Panopticon snapshot' }, FINGERPRINT, {});
    expect(plan).toMatchObject({ mode: 'full', previous: null, reason: 'not a Panopticon snapshot' });
    expect(plan.issues).toEqual([
      {
        severity: 'warning',
        code: 'snapshot-unreadable',
        message: `The snapshot ${PATH} was not used (not a Panopticon snapshot); this sync read everything again.`,
        file: PATH,
      },
    ]);
  });
});
