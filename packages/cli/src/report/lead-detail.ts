/**
 * What the page's lead dialog shows about one lead, computed here in Node by core's own functions
 * (`followUp` for the status and the facts behind it, `stageVisits` for the timeline, `responseMinutes`):
 * the page's script only lays it out, so the dialog can never disagree with the table or the CLI.
 *
 * @module
 */
import { followUp, responseMinutes, stageVisits, type FollowUpOptions, type Lead } from '@panopticon/core';
import { localDateTime } from './local-time.js';
import type { LeadDetail } from './page-data.js';

const MS_DAY = 86_400_000;

/** Days of a duration, one decimal. */
const daysOf = (ms: number) => Math.round((ms / MS_DAY) * 10) / 10;

/**
 * The dialog's facts about `lead` as of `followUp.asOf`; `attention` is its needs-attention row's reason
 * and days when it is on the list. Every instant is written "YYYY-MM-DD HH:MM" in the report's zone.
 */
export function leadDetail(lead: Lead, options: FollowUpOptions, attention: { reason: string; days: number } | null): LeadDetail {
  const { asOf, timeZone } = options;
  const asOfMs = asOf.getTime();
  const at = (d: Date | null | undefined) => (d ? localDateTime(d, timeZone) : null);
  const facts = followUp(lead, options);
  const minutes = responseMinutes(lead, { asOf });
  return {
    id: lead.id,
    name: lead.name,
    locator: lead.locator,
    team: lead.team ?? null,
    stage: facts.stage,
    status: facts.status,
    reason: attention?.reason ?? null,
    reasonDays: attention?.days ?? null,
    created: at(lead.createdAt)!,
    firstContact: lead.firstContactAt && lead.firstContactAt.getTime() <= asOfMs ? at(lead.firstContactAt) : null,
    responseMinutes: minutes === null || !Number.isFinite(minutes) ? null : Math.round(minutes * 10) / 10,
    appointment: at(lead.appointmentAt),
    daysSinceAppointment: facts.daysSinceAppointment,
    progress: at(facts.progressAt),
    daysInStage: facts.daysInStage,
    visits: stageVisits(lead, { asOf }).map((v) => [v.stage, at(v.enteredAt)!, v.open ? null : at(v.exitedAt), daysOf(v.durationMs)]),
    // No owner history in the data is "not recorded", never "no changes".
    owners:
      lead.ownerHistory === undefined
        ? null
        : lead.ownerHistory
            .filter((o) => o.at.getTime() <= asOfMs)
            .sort((a, b) => a.at.getTime() - b.at.getTime())
            .map((o) => [o.locator, at(o.at)!]),
  };
}
