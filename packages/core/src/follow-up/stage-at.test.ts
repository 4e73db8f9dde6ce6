import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { history, instantArb, leadArb, makeLead, permute } from './arbitraries.js';
import { stageAt } from './stage-at.js';

const lead = makeLead({
  id: '1',
  stage: 'Won',
  createdAt: new Date('2025-03-01T09:00:00Z'),
  stageHistory: history(
    ['New', '2025-03-01T10:00:00Z'],
    ['Contacted', '2025-03-02T10:00:00Z'],
    ['Follow-Up', '2025-03-02T10:00:00Z'],
    ['Lost', '2025-03-05T00:00:00Z'],
  ),
});

describe('stageAt', () => {
  it('is null before the lead existed', () => {
    expect(stageAt(lead, new Date('2025-03-01T08:59:59.999Z'))).toBeNull();
  });

  it('is the first recorded stage between creation and the first entry', () => {
    expect(stageAt(lead, new Date('2025-03-01T09:00:00Z'))).toBe('New');
    expect(stageAt(lead, new Date('2025-03-01T09:59:59Z'))).toBe('New');
  });

  it('is the stage of the last entry at or before the instant', () => {
    expect(stageAt(lead, new Date('2025-03-02T09:59:59Z'))).toBe('New');
    expect(stageAt(lead, new Date('2025-03-05T00:00:00Z'))).toBe('Lost');
    expect(stageAt(lead, new Date('2026-01-01T00:00:00Z'))).toBe('Lost');
  });

  it('takes the last of several entries sharing an instant', () => {
    expect(stageAt(lead, new Date('2025-03-02T10:00:00Z'))).toBe('Follow-Up');
  });

  it('is the stage field when the history is empty', () => {
    const bare = makeLead({ id: '2', stage: 'Contacted', createdAt: new Date('2025-03-01T00:00:00Z') });
    expect(stageAt(bare, new Date('2025-03-01T00:00:00Z'))).toBe('Contacted');
    expect(stageAt(bare, new Date('2024-12-31T00:00:00Z'))).toBeNull();
  });

  it('reads an unsorted history as if sorted (stable for shared instants)', () => {
    const shuffled = {
      ...lead,
      stageHistory: [lead.stageHistory[3]!, lead.stageHistory[0]!, lead.stageHistory[1]!, lead.stageHistory[2]!],
    };
    expect(stageAt(shuffled, new Date('2025-03-03T00:00:00Z'))).toBe('Follow-Up');
    expect(stageAt(shuffled, new Date('2025-03-06T00:00:00Z'))).toBe('Lost');
  });

  it('at a history instant (not before creation) is that entry’s stage, the last one when several share it', () => {
    fc.assert(
      fc.property(leadArb, (l) => {
        const full = { id: 'x', ...l };
        full.stageHistory.forEach((e, i) => {
          if (e.at < full.createdAt) return;
          const shared = full.stageHistory.filter((f) => f.at.getTime() === e.at.getTime());
          expect(stageAt(full, e.at)).toBe(shared[shared.length - 1]!.stage);
          if (full.stageHistory[i + 1]?.at.getTime() !== e.at.getTime()) expect(stageAt(full, e.at)).toBe(e.stage);
        });
      }),
    );
  });

  it('agrees with a linear scan of the definition at any instant', () => {
    fc.assert(
      fc.property(leadArb, instantArb(), (l, instant) => {
        const full = { id: 'x', ...l };
        const h = full.stageHistory;
        let expected: string | null;
        if (instant < full.createdAt) expected = null;
        else if (h.length === 0) expected = full.stage;
        else {
          const before = h.filter((e) => e.at <= instant);
          const atFirst = h.filter((e) => e.at.getTime() === h[0]!.at.getTime());
          expected = before.length ? before[before.length - 1]!.stage : atFirst[atFirst.length - 1]!.stage;
        }
        expect(stageAt(full, instant)).toBe(expected);
      }),
    );
  });

  it('does not depend on the order of the history entries at distinct instants', () => {
    fc.assert(
      fc.property(leadArb, instantArb(), fc.integer(), (l, instant, seed) => {
        const full = { id: 'x', ...l };
        // Shuffling keeps entries sharing an instant in order (stable sort); only distinct instants move.
        const groups = new Map<number, typeof full.stageHistory>();
        for (const e of full.stageHistory) groups.set(e.at.getTime(), [...(groups.get(e.at.getTime()) ?? []), e]);
        const shuffled = permute([...groups.values()], seed).flat();
        expect(stageAt({ ...full, stageHistory: shuffled }, instant)).toBe(stageAt(full, instant));
      }),
    );
  });
});

describe('stageAt as of a date (the current stage then)', () => {
  it('ignores entries after asOf once the lead has an entry at or before it', () => {
    expect(stageAt(lead, new Date('2025-03-04T00:00:00Z'))).toBe('Follow-Up');
  });
});
