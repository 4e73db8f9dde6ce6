/**
 * The digest of one recipient: what changed on their needs-attention list since the digest they were last
 * sent (core's `attentionChanges`, the same judge as every command), and for those who get the
 * whole list the headline KPIs now and then (`computeKpis`, the figures of `panopticon kpis` and of the
 * page's tiles). Pure: the data, the settings and the recipient's state in, the digest out.
 *
 * @module
 */
import {
  attentionChanges,
  formatDayNumber,
  localDayNumber,
  type AttentionChanges,
  type AttentionRow,
  type ColumnarLeads,
} from '@panopticon/core';
import { computeKpis, type KpisSettings } from '../commands/kpis.js';
import { followUpOptions } from '../commands/follow-up-options.js';
import type { Settings } from '../settings/resolve.js';
import { subjectLine } from './messages.js';
import type { RecipientState } from './state.js';

/** Who gets a digest: an address (the whole list, or one locator's leads) or a webhook (the whole list). */
export type Recipient =
  | { kind: 'email'; key: string; address: string; locator?: string }
  | { kind: 'webhook'; key: string; url: string; host: string; format: 'slack' | 'teams' };

/** How a recipient is named in messages: the address, or the webhook's host (never its URL). */
export function recipientLabel(r: Recipient): string {
  return r.kind === 'email' ? r.address : `${r.format} webhook at ${r.host}`;
}

/** A headline figure now and as of the last digest (null: not measurable, or no last digest). */
export interface KpiLine {
  label: string;
  now: number | null;
  before: number | null;
  unit: 'count' | 'ratio';
}

export interface Digest {
  recipient: Recipient;
  /** No digest was sent to this recipient before: the whole current list, labelled as the first. */
  first: boolean;
  /** The instant the last digest described (null for the first). */
  since: Date | null;
  asOf: Date;
  timeZone: string;
  /** The day of `asOf` in the zone, "2026-12-04". */
  day: string;
  /** Whose leads: one locator's, or everyone's. */
  locator?: string;
  changes: AttentionChanges;
  /** The headline figures (whole-list recipients only). */
  kpis: KpiLine[] | null;
  /** Locators on the list with no address in `digest.locators` (whole-list recipients, when that map is set). */
  noAddress: ReadonlySet<string | null> | null;
  /** Set when the data is older than it should be (a failed sync): said at the top. */
  staleData?: string;
  recordUrl?: string;
  pageUrl?: string;
  subject: string;
  /** Something to send: the first digest, or new, worse or resolved leads. */
  hasNews: boolean;
}

export interface DigestInputs {
  data: ColumnarLeads;
  settings: Pick<
    Settings,
    'asOf' | 'timeZone' | 'pipeline' | 'dayCount' | 'calendar' | 'slaMinutes' | 'description' | 'source' | 'recordUrl'
  >;
  /** Locators with an address (`digest.locators`), when the config sets that map. */
  addressed?: ReadonlySet<string>;
  pageUrl?: string;
  staleData?: string;
}

/** The digest of `recipient`, given what it was last sent (`state`, none for the first). */
export function computeDigest(inputs: DigestInputs, recipient: Recipient, state: RecipientState | undefined): Digest {
  const { data, settings } = inputs;
  const locator = recipient.kind === 'email' ? recipient.locator : undefined;
  const options = followUpOptions(settings);
  const changes = attentionChanges(data, state?.entries ?? [], locator === undefined ? options : { ...options, locator });
  const since = state ? new Date(state.asOf) : null;
  const first = state === undefined;
  const day = formatDayNumber(localDayNumber(settings.asOf, settings.timeZone));
  const counts = {
    added: changes.added.length,
    worse: changes.worse.length,
    resolved: changes.resolved.length,
    current: changes.current.length,
  };
  const whole = locator === undefined;
  return {
    recipient,
    first,
    since,
    asOf: settings.asOf,
    timeZone: settings.timeZone,
    day,
    ...(locator === undefined ? {} : { locator }),
    changes,
    kpis: whole ? kpiLines(settings, data, since) : null,
    noAddress:
      whole && inputs.addressed
        ? new Set(changes.current.map((r) => r.locator).filter((l) => l === null || !inputs.addressed!.has(l)))
        : null,
    ...(inputs.staleData ? { staleData: inputs.staleData } : {}),
    ...(settings.recordUrl ? { recordUrl: settings.recordUrl } : {}),
    ...(inputs.pageUrl ? { pageUrl: inputs.pageUrl } : {}),
    subject: subjectLine(counts, day, first),
    hasNews: first || counts.added + counts.worse + counts.resolved > 0,
  };
}

/** What the state keeps of a sent digest: its list, as of its instant. */
export function sentState(digest: Digest, sentAt: Date): RecipientState {
  return {
    asOf: digest.asOf.toISOString(),
    sentAt: sentAt.toISOString(),
    entries: digest.changes.current.map((r) => ({ leadId: r.leadId, reason: r.reason, locator: r.locator })),
  };
}

/** A lead's CRM page, when `recordUrl` is known. */
export function recordLink(digest: Pick<Digest, 'recordUrl'>, row: Pick<AttentionRow, 'leadId'>): string | undefined {
  return digest.recordUrl?.replaceAll('{id}', encodeURIComponent(row.leadId));
}

/** The headline figures now, and as of the last digest from the same data (every figure is reproducible as of any instant). */
function kpiLines(settings: KpisSettings, data: ColumnarLeads, since: Date | null): KpiLine[] {
  const now = computeKpis(settings, data);
  const then = since ? computeKpis({ ...settings, asOf: since }, data) : null;
  const line = (label: string, unit: KpiLine['unit'], pick: (k: ReturnType<typeof computeKpis>) => number | null): KpiLine => ({
    label,
    unit,
    now: pick(now),
    before: then ? pick(then) : null,
  });
  return [
    line('Needs attention', 'count', (k) => k.followUp.needsAttention),
    line('Stale', 'count', (k) => k.followUp.stale),
    line('At risk', 'count', (k) => k.followUp.atRisk),
    line('Stuck in green', 'count', (k) => k.followUp.stuckInGreen),
    line('Conversion rate', 'ratio', (k) => k.followUp.conversionRatio),
    line(`Responses within ${settings.slaMinutes} min`, 'ratio', (k) => k.response.withinSlaRatio),
  ];
}
