import {
  aggregateBySlot,
  columnarLeadsOf,
  comparePeriods,
  demandVsCoverage,
  formatDayNumber,
  greenToDelivery,
  localDayNumber,
  locatorScorecard,
  pipelineSnapshot,
  scheduleCoverage,
  stageVisits,
  startOfLocalDay,
  weekdayOfDayNumber,
  type AttentionReason,
  type CannotJudge,
  type ColumnarLeads,
  type CoverageCell,
  type DataIssue,
  type DemandCoverageCell,
  type FollowUpOptions,
  type FollowUpStatus,
  type GreenToDelivery,
  type HeatmapCell,
  type HeatmapComparisonCell,
  type Lead,
  type LoadStats,
  type LocatorScorecardRow,
  type Pipeline,
  type PipelineSnapshotRow,
  type PipelineTrendRow,
  type Shift,
  type StageCategory,
} from '@panopticon/core';
import type { TimeInStageVisit } from '@panopticon/charts';
import { appointmentRows } from '../appointment-rows.js';
import type { computeKpis } from '../commands/kpis.js';
import { dayRangePeriod, defaultComparisonPeriods } from '../comparison-rows.js';
import { pipelineTrendRows } from '../pipeline-rows.js';
import { attentionSince, type ResolvedRow } from './attention-since.js';
import { kpiHistory, type KpiHistory } from './kpi-history.js';
import { leadDetail } from './lead-detail.js';
import { localDateTime } from './local-time.js';
import type { LeadDetail } from './page-data.js';
import type { ReportSurvival } from './survival-data.js';

/** The KPI object of `panopticon kpis --format json`: the dashboard's tiles show exactly these numbers. */
export type KpisJson = ReturnType<typeof computeKpis>;

/** Everything the report is computed from. */
export interface ReportInput {
  /** The leads as objects (lead-view.ts's view of `columns` where they were read as columns). */
  leads: readonly Lead[];
  /** The same leads as columns, row `i` being `leads[i]`. Default: `columnarLeadsOf(leads)`. */
  columns?: ColumnarLeads | undefined;
  issues: readonly DataIssue[];
  stats: LoadStats;
  /** The questions the data cannot answer (the load's verdict): their figures show "cannot judge". */
  cannotJudge?: readonly CannotJudge[] | undefined;
  /** Every issue counted, when `issues` holds only the first of each code. Default: counted from `issues`. */
  issueCounts?: IssueCounts | undefined;
  schedule?: readonly Shift[] | undefined;
  /** The options every follow-up figure uses: the same as `panopticon kpis`. */
  followUp: FollowUpOptions;
  /** From {@link computeKpis} with the same flags and inputs. */
  kpis: KpisJson;
  /** Where the leads came from ("sample data", a file path). */
  source: string;
  /** Slot length of the response heatmaps, a divisor of 1440. Default 30. */
  slotMinutes?: number;
  /** Length of each period of the response comparison, in weeks. Default 4. */
  compareWeeks?: number;
  /** When the page was written (shown in the footer). */
  generatedAt: Date;
  /** The CRM record link, a template with `{id}` (`recordUrl` / `--record-url`, or the Zoho default: record-url.ts). */
  recordUrl?: string | undefined;
  /** Why there is no record link (the lead dialog says it), when `recordUrl` is not given. */
  recordUrlMissing?: string | undefined;
  /** The KPI object as of another instant (as `kpis` was computed): the tiles' change and sparklines. */
  kpisAt?: ((asOf: Date) => KpisJson) | undefined;
  /** Locators' e-mail addresses (the config's `digest.locators`). */
  locatorEmails?: Readonly<Record<string, string>> | undefined;
  /** The earlier instant the needs-attention list is compared with: the `since` setting (`--since`, else a day before as-of). */
  since: Date;
  /** The time-to-event figures (survival-data.ts's `reportSurvival`, with the same settings and leads). */
  survival: ReportSurvival;
}

/** One row of the needs-attention table, as embedded in the page (JSON) and drawn in its HTML. */
export interface AttentionTableRow {
  id: string;
  name: string;
  /** `null` = unassigned. */
  locator: string | null;
  team: string | null;
  stage: string;
  category: StageCategory;
  status: FollowUpStatus;
  reason: AttentionReason;
  days: number;
  /** Appointment "YYYY-MM-DD HH:MM" in the report's zone (sorts as text); "" = none. */
  apptText: string;
  /** The lead reached its reason's threshold today (`days` equals it): it was not in this state yesterday. */
  newToday: boolean;
  /** The appointment as an ISO instant (as `panopticon attention` writes it); `null` = none. */
  appointmentAt: string | null;
  /** Since the earlier list (`ReportModel.since`): new on the list, worse (a more severe reason), or neither. */
  change: 'new' | 'worse' | null;
  /** For `worse`: its reason on the earlier list. */
  was: AttentionReason | null;
}

/** One appointed lead on the calendar (embedded as JSON for the range list). */
export interface CalendarRow {
  id: string;
  name: string;
  locator: string | null;
  stage: string;
  status: FollowUpStatus;
  /** "YYYY-MM-DD" in the report's zone. */
  day: string;
  /** "HH:MM" in the report's zone. */
  time: string;
}

/** Every figure and table of the page, computed; the page builder only lays them out. */
export interface ReportModel {
  asOf: Date;
  /** `asOf`'s date, "YYYY-MM-DD", in the zone. */
  today: string;
  timeZone: string;
  source: string;
  generatedAt: Date;
  pipeline: Pipeline;
  followUp: FollowUpOptions;
  kpis: KpisJson;
  slaMinutes: number;
  slotMinutes: number;
  /** Leads that existed at `asOf`. */
  leadCount: number;
  attention: AttentionTableRow[];
  /** The earlier instant the list is compared with, and it as "YYYY-MM-DD HH:MM" in the zone. */
  since: { at: Date; text: string };
  /** The leads on the list at `since` and no longer on it, with why (core's `attentionChanges`). */
  resolved: ResolvedRow[];
  appointments: CalendarRow[];
  /** The raw rows the calendar figure draws (instants and statuses). */
  calendarAppointments: { appointmentAt: Date; status: FollowUpStatus; name: string; locator: string | null }[];
  /** The dates the calendar figure spans. */
  calendarRange: { from: Date; to: Date };
  snapshot: PipelineSnapshotRow[];
  trend: PipelineTrendRow[];
  visits: TimeInStageVisit[];
  green: GreenToDelivery;
  heatmap: HeatmapCell[];
  coverage: CoverageCell[] | null;
  demand: DemandCoverageCell[] | null;
  comparison: HeatmapComparisonCell[];
  comparisonPeriods: { current: { from: string; to: string }; previous: { from: string; to: string } };
  scorecard: LocatorScorecardRow[];
  issues: readonly DataIssue[];
  stats: LoadStats;
  /** The questions the data cannot answer: their sections and tiles say "cannot judge". */
  cannotJudge: readonly CannotJudge[];
  /** Every issue counted (the page lists `issues`, the first of each code). */
  issueCounts: IssueCounts;
  /** The lead dialog's facts about every lead the page names (needs attention, appointments). */
  leadDetails: LeadDetail[];
  /** The KPIs a week earlier and weekly over eight weeks; `null` when no `kpisAt` was given. */
  kpiHistory: KpiHistory | null;
  recordUrl: string | null;
  recordUrlMissing: string | null;
  locatorEmails: Readonly<Record<string, string>>;
  survival: ReportSurvival;
  /** The leads and schedule the page's analysis controls recompute from (section-controls.ts embeds what they need). */
  leads: readonly Lead[];
  /** The same leads as columns (`leads[i]` is row `i`): what the page's per-lead loops read. */
  columns: ColumnarLeads;
  schedule: readonly Shift[] | null;
}

/** How many issues there were, and how many of them the page does not list. */
export interface IssueCounts {
  errors: number;
  warnings: number;
  /** Issues found but not listed (past the first `examplesPerCode` of their code). */
  omitted: number;
  examplesPerCode?: number;
}

/**
 * Computes every figure of the dashboard from the loaded leads, with the same follow-up options as
 * `panopticon kpis` (so the table, the tiles and the figures agree).
 */
export function buildReportModel(input: ReportInput): ReportModel {
  const { leads, followUp } = input;
  const columns = input.columns ?? columnarLeadsOf(leads);
  const { createdAt } = columns.leads;
  const stageOffsets = columns.stages.offsets;
  const { asOf, timeZone, pipeline } = followUp;
  const slaMinutes = input.kpis.slaMinutes;
  const slotMinutes = input.slotMinutes ?? 30;
  const compareWeeks = input.compareWeeks ?? 4;
  const asOfMs = asOf.getTime();
  const todayNumber = localDayNumber(asOf, timeZone);

  const threshold = (r: { reason: AttentionReason; stage: string }): number | undefined => {
    if (r.reason === 'stale') return followUp.staleAfterDays ?? pipeline.staleAfterDays;
    if (r.reason === 'at-risk') return followUp.warnAfterDays ?? pipeline.warnAfterDays;
    if (r.reason === 'stuck-in-green') return followUp.greenStuckAfterDays ?? pipeline.greenStuckAfterDays;
    return pipeline.stages.find((s) => s.name === r.stage)?.staleAfterDays;
  };
  // The list now and what changed since the earlier one, by core's comparison (the digest's).
  const changed = attentionSince(columns, followUp, input.since);
  const attention: AttentionTableRow[] = changed.changes.current.map((r) => {
    const appt = r.appointmentAt;
    const mark = changed.marks.get(r.leadId);
    return {
      id: r.leadId,
      name: r.name,
      locator: r.locator,
      team: r.team,
      stage: r.stage,
      category: r.category,
      status: r.status,
      reason: r.reason,
      days: r.days,
      apptText: appt ? localDateTime(appt, timeZone) : '',
      newToday: r.days === threshold(r),
      appointmentAt: appt ? appt.toISOString() : null,
      change: mark?.change ?? null,
      was: mark?.was ?? null,
    };
  });

  // Appointed leads that existed at asOf, with their status: the calendar and its range list (`panopticon appointments`).
  const appointed = appointmentRows(leads, followUp);
  const appointments: CalendarRow[] = appointed.map(({ id, name, locator, stage, status, day, time }) => ({
    id,
    name,
    locator,
    stage,
    status,
    day,
    time,
  }));
  const calendarAppointments: ReportModel['calendarAppointments'] = appointed.map((a) => ({
    appointmentAt: a.appointmentAt,
    status: a.status,
    name: a.name,
    locator: a.locator,
  }));
  let leadCount = 0;
  const visits: TimeInStageVisit[] = [];
  // From the columns (the appointments above come from appointmentRows).
  for (let i = 0; i < columns.leads.length; i++) {
    const created = createdAt[i]!;
    if (!(created <= asOfMs)) continue;
    leadCount++;
    // A lead with no stage history has no visits (stageVisits): made as an object only when it has one.
    if (!(stageOffsets[i + 1]! > stageOffsets[i]!)) continue;
    const lead = leads[i]!;
    for (const v of stageVisits(lead, { asOf }))
      visits.push({ stage: v.stage, durationMs: v.durationMs, open: v.open, leadId: lead.id, name: lead.name });
  }

  // The calendar spans the weeks around today: up to 8 weeks back and 4 ahead, trimmed to the appointments.
  const apptDays = calendarAppointments.map((a) => localDayNumber(a.appointmentAt, timeZone));
  // A reduce, not Math.min(...days): 100,000 arguments overflow the call stack.
  const minDay = apptDays.reduce((a, b) => Math.min(a, b), apptDays[0] ?? todayNumber);
  const maxDay = apptDays.reduce((a, b) => Math.max(a, b), apptDays[0] ?? todayNumber);
  const weekStart = (d: number) => d - weekdayOfDayNumber(d);
  const fromDay = Math.max(weekStart(todayNumber) - 8 * 7, weekStart(Math.min(minDay, todayNumber)));
  const toDay = Math.min(weekStart(todayNumber) + 5 * 7 - 1, Math.max(maxDay, weekStart(todayNumber) + 6));
  const calendarRange = { from: startOfLocalDay(fromDay, timeZone), to: startOfLocalDay(toDay, timeZone) };

  // The dialog's facts, for the leads on the list and those appointed within the calendar's weeks (the
  // page opens fast however many leads; a lead outside them says the page holds no details for it).
  const onList = new Map(attention.map((r) => [r.id, { reason: r.reason, days: r.days }]));
  const firstDay = formatDayNumber(fromDay);
  const lastDay = formatDayNumber(toDay);
  const named = new Set([...onList.keys(), ...appointments.filter((a) => a.day >= firstDay && a.day <= lastDay).map((a) => a.id)]);
  const leadDetails: LeadDetail[] = [];
  for (let i = 0; i < columns.leads.length; i++) {
    const id = columns.leads.id[i]!;
    if (named.has(id)) leadDetails.push(leadDetail(leads[i]!, followUp, onList.get(id) ?? null));
  }

  // The pipeline trend: weekly over the last 26 weeks (or since the first lead), as `panopticon pipeline --trend`.
  const trend = pipelineTrendRows(leads, { asOf, timeZone, pipeline });

  const responseOptions = { timeZone, slotMinutes, slaMinutes, asOf };
  const heatmap = aggregateBySlot(leads, responseOptions);
  const coverage = input.schedule && input.schedule.length > 0 ? scheduleCoverage(input.schedule, { slotMinutes }) : null;
  const demand = coverage ? demandVsCoverage(heatmap, coverage) : null;

  // The last `compareWeeks` weeks (whole days, ending with today) against the same length just before, as `panopticon heatmap --compare`.
  const periods = defaultComparisonPeriods(asOf, timeZone, compareWeeks);
  const comparison = comparePeriods(leads, {
    timeZone,
    asOf,
    slotMinutes,
    slaMinutes,
    current: dayRangePeriod(periods.a, timeZone)!,
    previous: dayRangePeriod(periods.b, timeZone)!,
  });

  return {
    asOf,
    today: formatDayNumber(todayNumber),
    timeZone,
    source: input.source,
    generatedAt: input.generatedAt,
    pipeline,
    followUp,
    kpis: input.kpis,
    slaMinutes,
    slotMinutes,
    leadCount,
    attention,
    since: { at: changed.since, text: changed.sinceText },
    resolved: changed.resolved,
    appointments,
    calendarAppointments,
    calendarRange,
    snapshot: pipelineSnapshot(leads, { at: asOf, pipeline }),
    trend,
    visits,
    green: greenToDelivery(columns, followUp),
    heatmap,
    coverage,
    demand,
    comparison,
    comparisonPeriods: { current: periods.a, previous: periods.b },
    scorecard: locatorScorecard(columns, followUp),
    issues: input.issues,
    stats: input.stats,
    cannotJudge: input.cannotJudge ?? [],
    issueCounts: input.issueCounts ?? countIssues(input.issues),
    leadDetails,
    kpiHistory: input.kpisAt ? kpiHistory(asOf, timeZone, input.kpis, input.kpisAt) : null,
    recordUrl: input.recordUrl ?? null,
    recordUrlMissing: input.recordUrl ? null : (input.recordUrlMissing ?? null),
    locatorEmails: input.locatorEmails ?? {},
    survival: input.survival,
    leads,
    columns,
    schedule: input.schedule && input.schedule.length > 0 ? input.schedule : null,
  };
}

function countIssues(issues: readonly DataIssue[]): IssueCounts {
  const errors = issues.filter((i) => i.severity === 'error').length;
  return { errors, warnings: issues.length - errors, omitted: 0 };
}
