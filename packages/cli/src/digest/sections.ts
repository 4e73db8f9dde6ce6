/**
 * A digest laid out for reading: its sections (new, worse, resolved, better) as items with every fact
 * a reader needs (whose, why, how long, what to do, the stage, the appointment, the CRM link), and its
 * header lines. The text, HTML, Slack and Teams renderings all write these, so they say the same thing.
 * Strings here are plain text; each renderer escapes them for its own format.
 *
 * @module
 */
import { UNASSIGNED_LOCATOR, type AttentionRow } from '@panopticon/core';
import { formatInstant } from '../commands/follow-up-options.js';
import { formatRate, formatRateChange } from '../rate.js';
import { recordLink, type Digest, type KpiLine } from './compute.js';
import { RESOLUTION_TEXT, WHAT_TO_DO, reasonLabel } from './messages.js';

export interface DigestItem {
  leadId: string;
  name: string;
  /** Whose the lead is, "(unassigned)" for nobody's; " (no address)" added when their digest goes nowhere. */
  who: string;
  /** "At risk, 8 days", "At risk → Stale, 31 days", "Won". */
  what: string;
  /** What to do about it; empty for a resolved lead. */
  todo: string;
  /** "Stage: Appointment Set · appointment 2026-11-26 10:00". */
  facts: string;
  link?: string;
}

export interface DigestSection {
  title: string;
  items: DigestItem[];
}

export interface DigestLayout {
  subject: string;
  /** The lines above the sections: what the digest covers, stale-data warning, whose leads. */
  intro: string[];
  kpis: KpiLine[] | null;
  sections: DigestSection[];
  /** The lines below: how many are still on the list unchanged, where the full list is. */
  outro: string[];
}

/** The digest as sections and lines. */
export function layOut(digest: Digest): DigestLayout {
  const { changes, timeZone } = digest;
  const at = (d: Date) => formatInstant(d, timeZone);
  const intro = [
    digest.first
      ? `First digest: every lead that needs attention as of ${at(digest.asOf)} (${timeZone}).`
      : `What changed since the digest of ${at(digest.since!)}, as of ${at(digest.asOf)} (${timeZone}).`,
  ];
  if (digest.staleData) intro.push(`Stale data: ${digest.staleData}`);
  if (digest.locator !== undefined) intro.push(`Only the leads of ${digest.locator}.`);
  const who = (locator: string | null) => `${locator ?? UNASSIGNED_LOCATOR}${digest.noAddress?.has(locator) ? ' (no address)' : ''}`;
  const item = (row: AttentionRow, what: string): DigestItem => {
    const link = recordLink(digest, row);
    const appointment = row.appointmentAt ? ` · appointment ${at(row.appointmentAt)}` : '';
    return {
      leadId: row.leadId,
      name: row.name,
      who: who(row.locator),
      what,
      todo: WHAT_TO_DO[row.reason](row.days),
      facts: `Stage: ${row.stage}${appointment}`,
      ...(link ? { link } : {}),
    };
  };
  const sections: DigestSection[] = [
    {
      title: digest.first ? 'Needs attention' : 'New',
      items: changes.added.map((r) => item(r, `${reasonLabel(r.reason)}, ${r.days} days`)),
    },
    {
      title: 'Worse',
      items: changes.worse.map((c) => item(c.row, `${reasonLabel(c.before.reason)} → ${reasonLabel(c.row.reason)}, ${c.row.days} days`)),
    },
    {
      title: 'Resolved',
      items: changes.resolved.map((r) => {
        const link = recordLink(digest, r.before);
        const now = r.why === 'reassigned' ? ` to ${r.locator ?? UNASSIGNED_LOCATOR}` : '';
        return {
          leadId: r.before.leadId,
          name: r.name ?? r.before.leadId,
          who: who(r.before.locator),
          what: `${RESOLUTION_TEXT[r.why]}${now} (was ${reasonLabel(r.before.reason)})`,
          todo: '',
          facts: r.stage === null ? '' : `Stage: ${r.stage}`,
          ...(link ? { link } : {}),
        };
      }),
    },
    {
      title: 'Better',
      items: changes.better.map((c) => item(c.row, `${reasonLabel(c.before.reason)} → ${reasonLabel(c.row.reason)}, ${c.row.days} days`)),
    },
  ].filter((s) => s.items.length > 0);
  const outro: string[] = [];
  if (changes.unchanged.length > 0) outro.push(`Still on the list, unchanged since the last digest: ${changes.unchanged.length}.`);
  if (changes.current.length === 0) outro.push('Nothing needs attention now.');
  outro.push(digest.pageUrl ? `The whole list: ${digest.pageUrl}` : 'The whole list: panopticon attention, or the dashboard page.');
  return { subject: digest.subject, intro, kpis: digest.kpis, sections, outro };
}

/** A figure as shown: "42", "37.5 %" (a rate, rate.ts), "n/a" when it cannot be measured. */
export function showKpi(value: number | null, unit: KpiLine['unit']): string {
  if (value === null) return 'n/a';
  return unit === 'ratio' ? formatRate(value) : String(value);
}

/** Its change since the last digest: "+3", "−2.5 pts", "±0"; empty when there is nothing to compare with. */
export function showChange(line: KpiLine): string {
  if (line.now === null || line.before === null) return '';
  if (line.unit === 'ratio') return formatRateChange(line.now, line.before) ?? '';
  const d = line.now - line.before;
  return d === 0 ? '±0' : `${d > 0 ? '+' : '−'}${Math.abs(d)}`;
}
