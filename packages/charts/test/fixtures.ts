/**
 * Seeded, fixed inputs for the figure tests, written directly in core's result shapes (so a change in a
 * core metric's arithmetic does not churn the chart snapshots; `integration.test.ts` checks the figures
 * against core's real output).
 */
import type {
  AttentionRow,
  CoverageCell,
  DemandCoverageCell,
  FollowUpStatus,
  GreenToDelivery,
  GreenToDeliveryRow,
  HeatmapCell,
  HeatmapComparisonCell,
  Pipeline,
  PipelineSnapshotRow,
  PipelineTrendRow,
  StageCategory,
} from '@panopticon/core';
import { WEEKDAY_NAMES, endOfLocalDay, formatDayNumber, formatMinuteOfDay, instantFromWallClock, parsePipeline } from '@panopticon/core';
import { prng } from '../../../scripts/prng.mjs';
import { SAMPLE_PIPELINE } from '../../../scripts/sample-pipeline.mjs';
import type { CalendarAppointment, TimeInStageVisit } from '../src/index.js';

export const TIME_ZONE = 'America/New_York';
/** The end of 2026-03-31 in New York (after the 2026-03-08 spring-forward). */
export const AS_OF = new Date('2026-04-01T03:59:59.999Z');

/** The sample pipeline (examples/data/pipeline.json). */
export const PIPELINE: Pipeline = parsePipeline(SAMPLE_PIPELINE);

const LOCATORS = ['Ana Souza', 'Chloé Martin', 'Kenji Dubois', 'Priya Nair', 'Tomás Haddad', 'Grace O’Neil'];
const FIRST = ['Ada', 'Ben', 'Cleo', 'Dev', 'Eli', 'Fay', 'Gus', 'Hana', 'Ivo', 'Jun', 'Kai', 'Lea', 'Max', 'Noor'];
const LAST = ['Lee', 'Ortiz', 'Novak', 'Ito', 'Brown', 'Rossi', 'Khan', 'Silva', 'Meyer'];

function nameOf(rand: () => number): string {
  return `${FIRST[Math.floor(rand() * FIRST.length)]} ${LAST[Math.floor(rand() * LAST.length)]}`;
}

/** Sparse 30-minute heatmap cells: busy weekday business hours, quiet weekends, nights empty. */
export function heatmapCells(seed = 1, slotMinutes = 30): HeatmapCell[] {
  const rand = prng(seed);
  const cells: HeatmapCell[] = [];
  const slots = 1440 / slotMinutes;
  for (let weekday = 0; weekday < 7; weekday++) {
    for (let slotIndex = 0; slotIndex < slots; slotIndex++) {
      const minute = slotIndex * slotMinutes;
      const business = minute >= 8 * 60 && minute < 20 * 60;
      const weekend = weekday >= 5;
      const rate = business ? (weekend ? 0.5 : 1) : minute >= 6 * 60 && minute < 23 * 60 ? 0.3 : 0.05;
      if (rand() > rate) continue;
      const total = 1 + Math.floor(rand() * (business && !weekend ? 14 : 4));
      const never = rand() < 0.3 ? Math.floor(rand() * Math.min(2, total)) : 0;
      const contacted = total - never;
      const skill = business ? 0.55 + 0.4 * rand() : 0.1 + 0.5 * rand();
      const withinSla = Math.min(contacted, Math.round(contacted * skill));
      const median = Math.round(10 + (1 - skill) * 150 * rand());
      cells.push({
        day: WEEKDAY_NAMES[weekday]!,
        weekday,
        slot: formatMinuteOfDay(minute),
        slotIndex,
        total,
        contacted,
        withinSla,
        pctWithinSla: (withinSla / total) * 100,
        neverContacted: never,
        invalid: rand() < 0.05 ? 1 : 0,
        medianMinutes: contacted > 0 ? median : null,
        p90Minutes: contacted > 0 ? median * 3 : null,
      });
    }
  }
  return cells;
}

/** Coverage for a schedule: weekday day and evening shifts, thin weekends, nobody overnight. */
export function coverageCells(): CoverageCell[] {
  const cells: CoverageCell[] = [];
  for (let weekday = 0; weekday < 7; weekday++) {
    for (let slotIndex = 0; slotIndex < 48; slotIndex++) {
      const hour = slotIndex / 2;
      const repNames: string[] = [];
      if (weekday < 5) {
        if (hour >= 8 && hour < 16) repNames.push('Ana Souza', 'Kenji Dubois');
        if (hour >= 9 && hour < 17) repNames.push('Priya Nair');
        if (hour >= 12 && hour < 20 && weekday !== 2) repNames.push('Tomás Haddad');
      } else if (weekday === 5 && hour >= 10 && hour < 14) repNames.push('Chloé Martin');
      cells.push({
        day: WEEKDAY_NAMES[weekday]!,
        weekday,
        slot: formatMinuteOfDay(slotIndex * 30),
        slotIndex,
        reps: repNames.length,
        repNames,
      });
    }
  }
  return cells;
}

/** Demand against coverage on the full grid, computed as core defines it. */
export function demandCells(): DemandCoverageCell[] {
  const leads = new Map(heatmapCells().map((c) => [c.weekday * 48 + c.slotIndex, c.total]));
  return coverageCells().map((c) => {
    const n = leads.get(c.weekday * 48 + c.slotIndex) ?? 0;
    return {
      day: c.day,
      weekday: c.weekday,
      slot: c.slot,
      slotIndex: c.slotIndex,
      leads: n,
      reps: c.reps,
      uncovered: n > 0 && c.reps === 0,
    };
  });
}

/** Two periods' cells compared (sparse: slots with leads in either period). */
export function comparisonCells(): HeatmapComparisonCell[] {
  const current = new Map(heatmapCells(1).map((c) => [c.weekday * 48 + c.slotIndex, c]));
  const previous = new Map(heatmapCells(2).map((c) => [c.weekday * 48 + c.slotIndex, c]));
  const keys = [...new Set([...current.keys(), ...previous.keys()])].sort((a, b) => a - b);
  const figures = (c: HeatmapCell | undefined) => ({
    total: c?.total ?? 0,
    withinSla: c?.withinSla ?? 0,
    pctWithinSla: c?.pctWithinSla ?? null,
  });
  return keys.map((key) => {
    const c = current.get(key);
    const p = previous.get(key);
    const weekday = Math.floor(key / 48);
    const slotIndex = key % 48;
    const cur = figures(c);
    const prev = figures(p);
    return {
      day: WEEKDAY_NAMES[weekday]!,
      weekday,
      slot: formatMinuteOfDay(slotIndex * 30),
      slotIndex,
      current: cur,
      previous: prev,
      deltaTotal: cur.total - prev.total,
      deltaPct: cur.pctWithinSla !== null && prev.pctWithinSla !== null ? cur.pctWithinSla - prev.pctWithinSla : null,
    };
  });
}

/** Appointments from 2026-02-23 to 2026-04-17 (New York wall clock), statuses as they would be at AS_OF. */
export function appointments(): CalendarAppointment[] {
  const rand = prng(7);
  const list: CalendarAppointment[] = [];
  for (let i = 0; i < 70; i++) {
    const dayOffset = Math.floor(rand() * 54);
    const start = Date.UTC(2026, 1, 23) / 86_400_000 + dayOffset;
    const [year, month, day] = formatDayNumber(start).split('-').map(Number) as [number, number, number];
    const at = instantFromWallClock({ year, month, day, hour: 9 + Math.floor(rand() * 9), minute: rand() < 0.5 ? 0 : 30 }, TIME_ZONE);
    const daysBefore = (AS_OF.getTime() - at.getTime()) / 86_400_000;
    let status: FollowUpStatus;
    if (daysBefore < 0) status = 'upcoming';
    else {
      const r = rand();
      status =
        r < 0.35
          ? 'progressed'
          : r < 0.45
            ? 'won'
            : r < 0.5
              ? 'lost'
              : daysBefore >= 30
                ? 'stale'
                : daysBefore >= 7
                  ? 'at-risk'
                  : 'awaiting';
    }
    list.push({ appointmentAt: at, status, name: nameOf(rand), locator: LOCATORS[Math.floor(rand() * LOCATORS.length)]! });
  }
  // Late evening in New York is already the next day in UTC (and much later in the process zone):
  // this one belongs on Sunday 2026-03-01.
  list.push({ appointmentAt: new Date('2026-03-02T03:30:00Z'), status: 'stale', name: 'Late Evening', locator: 'Ana Souza' });
  list.push({ appointmentAt: null, status: 'no-appointment', name: 'Never Booked', locator: null });
  return list;
}

export function snapshotRows(): PipelineSnapshotRow[] {
  const counts = [14, 22, 31, 18, 9, 5, 27, 16];
  return PIPELINE.stages.map((s, i) => ({ stage: s.name, category: s.category, count: counts[i]! }));
}

/** Weekly pipeline counts for ten weeks, ending on 2026-03-31. */
export function trendRows(): PipelineTrendRow[] {
  const rand = prng(11);
  const rows: PipelineTrendRow[] = [];
  const last = Date.UTC(2026, 2, 31) / 86_400_000;
  const level = [10, 16, 24, 12, 5, 3, 10, 8];
  for (let w = 9; w >= 0; w--) {
    const date = formatDayNumber(last - w * 7);
    const at = endOfLocalDay(last - w * 7, TIME_ZONE);
    PIPELINE.stages.forEach((s, i) => {
      level[i] = Math.max(0, level[i]! + Math.round((rand() - 0.4) * 4));
      rows.push({ date, at, stage: s.name, category: s.category, count: level[i]! });
    });
  }
  return rows;
}

/** Visits to stages: closed ones with skewed durations, and open ones (leads still there). */
export function visits(): TimeInStageVisit[] {
  const rand = prng(13);
  const scale: Record<string, number> = {
    New: 1,
    Contacted: 3,
    'Appointment Set': 9,
    'Follow-Up': 14,
    'Green - Approved': 10,
    'Delivery Requested': 6,
    'Green/Delivered': 30,
    Lost: 40,
  };
  const list: TimeInStageVisit[] = [];
  for (const s of PIPELINE.stages) {
    const n = 8 + Math.floor(rand() * 20);
    for (let i = 0; i < n; i++) {
      const days = scale[s.name]! * -Math.log(1 - rand() * 0.95);
      list.push({
        stage: s.name,
        durationMs: Math.round(days * 86_400_000),
        open: rand() < 0.2,
        leadId: `L${list.length}`,
        name: nameOf(rand),
      });
    }
  }
  return list;
}

export function attentionRows(): AttentionRow[] {
  const rand = prng(17);
  const reasons = ['stale', 'stuck-in-green', 'stalled', 'at-risk'] as const;
  const rows: AttentionRow[] = [];
  for (let i = 0; i < 46; i++) {
    const reason = reasons[Math.floor(rand() ** 1.4 * 4)]!;
    const stage = reason === 'stuck-in-green' ? 'Green - Approved' : reason === 'stalled' ? 'Follow-Up' : 'Appointment Set';
    const category: StageCategory = reason === 'stuck-in-green' ? 'green' : 'open';
    const status: FollowUpStatus = reason === 'stale' ? 'stale' : reason === 'at-risk' ? 'at-risk' : 'progressed';
    const locatorIndex = Math.floor(rand() ** 1.6 * (LOCATORS.length + 1));
    rows.push({
      leadId: `A${100 + i}`,
      name: nameOf(rand),
      locator: locatorIndex < LOCATORS.length ? LOCATORS[locatorIndex]! : null,
      team: null,
      stage,
      category,
      appointmentAt: new Date(AS_OF.getTime() - (10 + Math.floor(rand() * 50)) * 86_400_000),
      status,
      reason,
      days: 7 + Math.floor(rand() * 40),
    });
  }
  return rows;
}

export function greenRows(): GreenToDelivery {
  const rand = prng(19);
  const rows: GreenToDeliveryRow[] = [];
  for (let i = 0; i < 30; i++) {
    const done = rand() < 0.45;
    const days = Math.round((done ? 3 + rand() * 18 : rand() * 35) * 10) / 10;
    const greenAt = new Date(AS_OF.getTime() - (done ? days + 5 : days) * 86_400_000);
    const left = !done && rand() < 0.12;
    const category: StageCategory = done ? 'delivery' : left ? 'lost' : 'green';
    rows.push({
      leadId: `G${200 + i}`,
      name: nameOf(rand),
      locator: LOCATORS[Math.floor(rand() * LOCATORS.length)]!,
      stage: done ? 'Delivery Requested' : left ? 'Lost' : 'Green - Approved',
      category,
      greenAt,
      deliveryAt: done ? new Date(greenAt.getTime() + days * 86_400_000) : null,
      days,
      stuck: category === 'green' && days >= 14,
      done,
    });
  }
  const completed = rows
    .filter((r) => r.done)
    .map((r) => r.days)
    .sort((a, b) => a - b);
  return {
    rows,
    completed: completed.length,
    pending: rows.length - completed.length,
    medianDays: completed.length ? completed[Math.floor(completed.length / 2)]! : null,
    p90Days: completed.length ? completed[Math.floor(completed.length * 0.9)]! : null,
  };
}
