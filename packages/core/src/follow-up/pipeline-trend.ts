import type { Lead } from '../model/lead.js';
import type { Pipeline, StageCategory } from '../model/pipeline.js';
import { stageCategory } from '../model/pipeline.js';
import { formatDayNumber } from '../time/civil.js';
import { assertTimeZone } from '../time/zone.js';
import { endOfLocalDay, localDayNumber } from '../time/wall-clock.js';
import { followUpMessages } from './messages.js';
import { instantMs } from './options.js';
import { orderedStages, sortedByAt, visitStarts } from './timeline.js';
import { checkLead } from '../model/lead-instant.js';
import { lowerBound } from '../stats/lower-bound.js';

/**
 * The count of leads in one stage at the end of one date ({@link pipelineTrend}).
 *
 * @example
 * ```ts
 * const greenOn = (rows: PipelineTrendRow[], date: string) => rows.filter((r) => r.date === date && r.category === 'green');
 * ```
 */
export interface PipelineTrendRow {
  /** The calendar date, "YYYY-MM-DD", in `timeZone`. */
  date: string;
  /** The instant of the snapshot: the last millisecond of `date` in `timeZone`. */
  at: Date;
  /** The stage. */
  stage: string;
  /** Its category in the pipeline (`open` for a stage the pipeline does not list). */
  category: StageCategory;
  /** Leads in the stage at `at`. */
  count: number;
}

/**
 * Options of {@link pipelineTrend}.
 *
 * @example
 * ```ts
 * const options: PipelineTrendOptions = { from: new Date('2026-08-01T12:00:00Z'), to: asOf, every: 'week', timeZone: 'America/New_York', pipeline };
 * ```
 */
export interface PipelineTrendOptions {
  /** The first date of the trend is this instant's date in `timeZone`. Required. */
  from: Date;
  /** The last date of the trend is this instant's date in `timeZone`. Required. */
  to: Date;
  /** One point per day, or one per week (every 7th day from `from`'s date). Default `'day'`. */
  every?: 'day' | 'week';
  /** IANA time zone in which dates begin and end. Required. */
  timeZone: string;
  /** Gives the stage order and categories. Required. */
  pipeline: Pipeline;
}

/**
 * Leads per stage at the end of each day (or week) from `from`'s date to `to`'s date in `timeZone`: at each
 * point, exactly {@link pipelineSnapshot} at the last millisecond of that date. Weekly points fall on every
 * 7th day from `from`'s date, and the last point is always `to`'s date. Rows are ordered by date, then by
 * stage as in the snapshot (pipeline stages, zeros included, then stages the pipeline does not list and
 * that hold a lead at some point, by name). `from` after `to` gives no rows.
 *
 * Cost: one pass over every lead's history (each stay in a stage adds one count where it begins and
 * removes it where it ends), not a re-scan of every lead per date.
 *
 * @example
 * ```ts
 * pipelineTrend(leads, { from: new Date('2026-01-01T12:00Z'), to: asOf, every: 'week',
 *   timeZone: 'America/New_York', pipeline });
 * // [{ date: '2026-01-01', at: 2026-01-02T04:59:59.999Z, stage: 'New', category: 'open', count: 8 }, …]
 * ```
 */
export function pipelineTrend(leads: readonly Lead[], options: PipelineTrendOptions): PipelineTrendRow[] {
  const { timeZone, pipeline } = options;
  instantMs('from', options.from);
  instantMs('to', options.to);
  assertTimeZone(timeZone);
  const every = options.every ?? 'day';
  if (every !== 'day' && every !== 'week') throw new RangeError(followUpMessages.invalidEvery(every));

  const firstDay = localDayNumber(options.from, timeZone);
  const lastDay = localDayNumber(options.to, timeZone);
  if (firstDay > lastDay) return [];
  const days: number[] = [];
  for (let d = firstDay; d <= lastDay; d += every === 'week' ? 7 : 1) days.push(d);
  if (days[days.length - 1] !== lastDay) days.push(lastDay);
  const samples = days.map((d) => endOfLocalDay(d, timeZone).getTime());

  // Per stage, +1 at the first point a stay covers and −1 at the first point after it; a running sum over
  // the points then gives each point's counts.
  const deltas = new Map<string, Int32Array>();
  const add = (stage: string, startMs: number, endMs: number): void => {
    const first = lowerBound(samples, startMs);
    const end = lowerBound(samples, endMs);
    if (end <= first) return;
    let d = deltas.get(stage);
    if (!d) deltas.set(stage, (d = new Int32Array(samples.length + 1)));
    d[first]!++;
    d[end]!--;
  };

  leads.forEach(checkLead);
  for (const lead of leads) {
    const createdMs = lead.createdAt.getTime();
    if (Number.isNaN(createdMs)) continue;
    const history = sortedByAt(lead.stageHistory);
    if (history.length === 0) {
      add(lead.stage, createdMs, Infinity);
      continue;
    }
    // The same step function as stageAt: nothing before creation; at creation the visit then running (or
    // the first recorded one); then each later visit.
    const starts = visitStarts(history, Infinity);
    let i = 0;
    while (i + 1 < starts.length && starts[i + 1]!.at.getTime() <= createdMs) i++;
    let stage = starts[i]!.stage;
    let since = createdMs;
    for (let j = i + 1; j < starts.length; j++) {
      const next = starts[j]!;
      add(stage, since, next.at.getTime());
      stage = next.stage;
      since = next.at.getTime();
    }
    add(stage, since, Infinity);
  }

  const stages = orderedStages(pipeline, deltas.keys());
  const running = new Map<string, number>();
  const rows: PipelineTrendRow[] = [];
  for (let k = 0; k < days.length; k++) {
    const date = formatDayNumber(days[k]!);
    for (const stage of stages) {
      const count = (running.get(stage) ?? 0) + (deltas.get(stage)?.[k] ?? 0);
      running.set(stage, count);
      rows.push({ date, at: new Date(samples[k]!), stage, category: stageCategory(pipeline, stage), count });
    }
  }
  return rows;
}
