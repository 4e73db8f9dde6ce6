import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Shift } from '../model/schedule.js';
import { toMinutes } from '../model/schedule.js';
import { formatMinuteOfDay } from '../time/civil.js';
import { demandVsCoverage, scheduleCoverage } from './coverage.js';
import { aggregateBySlot } from './heatmap.js';

const on = (cells: ReturnType<typeof scheduleCoverage>) =>
  cells.filter((c) => c.reps > 0).map((c) => `${c.day} ${c.slot} ${c.repNames.join('+')}`);

describe('scheduleCoverage', () => {
  it('is the full 7 × slots grid even with no shifts', () => {
    const grid = scheduleCoverage([]);
    expect(grid).toHaveLength(336);
    expect(grid[0]).toEqual({ day: 'Monday', weekday: 0, slot: '00:00', slotIndex: 0, reps: 0, repNames: [] });
    expect(scheduleCoverage([], { slotMinutes: 60 })).toHaveLength(168);
  });

  it('puts a rep in every slot the shift overlaps, partial slots included, end exclusive', () => {
    const shifts: Shift[] = [{ rep: 'Ana', day: 0, start: '09:10', end: '10:30' }];
    expect(on(scheduleCoverage(shifts))).toEqual(['Monday 09:00 Ana', 'Monday 09:30 Ana', 'Monday 10:00 Ana']);
  });

  it("counts distinct reps, names them once in order, and ignores a rep's overlapping shifts", () => {
    const shifts: Shift[] = [
      { rep: 'Cy', day: 2, start: '09:00', end: '10:00' },
      { rep: 'Ana', day: 2, start: '09:00', end: '09:30' },
      { rep: 'Cy', day: 2, start: '09:15', end: '09:45' },
    ];
    const grid = scheduleCoverage(shifts, { slotMinutes: 60 });
    expect(grid[2 * 24 + 9]).toMatchObject({ day: 'Wednesday', slot: '09:00', reps: 2, repNames: ['Ana', 'Cy'] });
  });

  it('a shift ending at or before its start crosses midnight; Sunday night runs into Monday morning', () => {
    const shifts: Shift[] = [{ rep: 'Nia', day: 6, start: '22:00', end: '02:00' }];
    expect(on(scheduleCoverage(shifts, { slotMinutes: 60 }))).toEqual([
      'Monday 00:00 Nia',
      'Monday 01:00 Nia',
      'Sunday 22:00 Nia',
      'Sunday 23:00 Nia',
    ]);
  });

  it('an end of 24:00 runs to midnight; start equal to end is a 24-hour shift', () => {
    expect(on(scheduleCoverage([{ rep: 'Ana', day: 4, start: '22:00', end: '24:00' }], { slotMinutes: 60 }))).toEqual([
      'Friday 22:00 Ana',
      'Friday 23:00 Ana',
    ]);
    const allDay = scheduleCoverage([{ rep: 'Bo', day: 1, start: '12:00', end: '12:00' }], { slotMinutes: 60 });
    expect(allDay.filter((c) => c.reps > 0)).toHaveLength(24);
    expect(allDay[1 * 24 + 12]!.reps).toBe(1);
    expect(allDay[2 * 24 + 11]!.reps).toBe(1);
    expect(allDay[2 * 24 + 12]!.reps).toBe(0);
  });

  it('rejects a bad weekday or time, naming the rep and the value, and an invalid slot length', () => {
    expect(() => scheduleCoverage([{ rep: 'Ana', day: 7, start: '09:00', end: '17:00' }])).toThrow(/Shift of "Ana": day .* got 7\./);
    expect(() => scheduleCoverage([{ rep: 'Ana', day: 0, start: '9:00', end: '17:00' }])).toThrow(/Shift of "Ana": start .* got "9:00"\./);
    expect(() => scheduleCoverage([], { slotMinutes: 7 })).toThrow(/got 7\./);
  });

  it('a rep is in a slot exactly when some shift minute falls in it, midnight wrap included (property)', () => {
    const arbShift = fc.record({
      rep: fc.constantFrom('Ana', 'Bo', 'Cy'),
      day: fc.integer({ min: 0, max: 6 }),
      start: fc.integer({ min: 0, max: 1439 }).map(formatMinuteOfDay),
      end: fc.integer({ min: 0, max: 1440 }).map(formatMinuteOfDay),
    });
    fc.assert(
      fc.property(fc.array(arbShift, { maxLength: 6 }), fc.constantFrom(15, 30, 60, 90), (shifts, slotMinutes) => {
        // Minute of the week (Monday 00:00 = 0) → reps, shift by shift, minute by minute.
        const reps = Array.from({ length: 7 * 1440 }, () => new Set<string>());
        for (const s of shifts) {
          const start = toMinutes(s.start);
          let length = toMinutes(s.end) - start;
          if (length <= 0) length += 1440;
          for (let m = 0; m < length; m++) reps[(s.day * 1440 + start + m) % (7 * 1440)]!.add(s.rep);
        }
        for (const cell of scheduleCoverage(shifts, { slotMinutes })) {
          const names = new Set<string>();
          const first = cell.weekday * 1440 + cell.slotIndex * slotMinutes;
          for (let m = first; m < first + slotMinutes; m++) for (const r of reps[m]!) names.add(r);
          expect(cell.repNames).toEqual([...names].sort());
          expect(cell.reps).toBe(names.size);
        }
      }),
      { numRuns: 100 },
    );
  });
});

describe('demandVsCoverage', () => {
  const leads = [
    { createdAt: new Date('2025-06-02T09:10:00Z'), firstContactAt: null }, // Monday 09:00 UTC
    { createdAt: new Date('2025-06-08T23:10:00Z'), firstContactAt: null }, // Sunday 23:00 UTC
    { createdAt: new Date('2025-06-02T01:10:00Z'), firstContactAt: null }, // Monday 01:00 UTC
  ];

  it('flags the slots where leads arrive and nobody is on shift, over the full grid', () => {
    const cells = aggregateBySlot(leads, { timeZone: 'UTC', slotMinutes: 60 });
    const coverage = scheduleCoverage([{ rep: 'Nia', day: 6, start: '22:00', end: '02:00' }], { slotMinutes: 60 });
    const rows = demandVsCoverage(cells, coverage);
    expect(rows).toHaveLength(168);
    expect(rows.filter((r) => r.leads > 0).map((r) => `${r.day} ${r.slot} leads=${r.leads} reps=${r.reps} ${r.uncovered}`)).toEqual([
      'Monday 01:00 leads=1 reps=1 false',
      'Monday 09:00 leads=1 reps=0 true',
      'Sunday 23:00 leads=1 reps=1 false',
    ]);
    expect(rows.filter((r) => r.uncovered)).toHaveLength(1);
    expect(rows[0]).toEqual({ day: 'Monday', weekday: 0, slot: '00:00', slotIndex: 0, leads: 0, reps: 1, uncovered: false });
  });

  it('gives no rows without a coverage grid; with no cells, nothing is uncovered', () => {
    expect(demandVsCoverage([], [])).toEqual([]);
    expect(demandVsCoverage([], scheduleCoverage([])).some((r) => r.uncovered)).toBe(false);
  });

  it('rejects a heatmap and a coverage built with different slot lengths', () => {
    const cells = aggregateBySlot(leads, { timeZone: 'UTC', slotMinutes: 30 });
    expect(() => demandVsCoverage(cells, scheduleCoverage([], { slotMinutes: 60 }))).toThrow(/disagree|slotIndex/);
    expect(() => demandVsCoverage(cells, scheduleCoverage([]).slice(1))).toThrow(/full grid .* got 335 cells/);
  });
});
