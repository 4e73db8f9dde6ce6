/**
 * Embedding `needsAttention` in another tool: a nightly job of some internal system (here, one that posts a
 * message per locator to a chat webhook) keeps its leads in its own shape. It maps them to Panopticon's
 * `Lead`, asks which need someone to act, and groups the answer by the person accountable.
 *
 *   npm run example -- embed-attention
 *
 * No file is read: the records below stand in for the host tool's database rows.
 */
import type { AttentionRow, Lead } from '@panopticon/core';
import { ATTENTION_REASON_LABELS, LeadSchema, UNASSIGNED_LOCATOR, needsAttention, parsePipeline } from '@panopticon/core';

// The host tool's own record type.
interface CrmRow {
  key: number;
  contact: string;
  owner?: string;
  status: string;
  created: string; // ISO 8601 with offset
  appointment?: string;
  moves: { to: string; when: string }[];
}

const rows: CrmRow[] = [
  {
    key: 1,
    contact: 'Harbor Gym',
    owner: 'Ana',
    status: 'Appointment Set',
    created: '2026-09-01T10:00:00-04:00',
    appointment: '2026-09-10T14:00:00-04:00',
    moves: [
      { to: 'New', when: '2026-09-01T10:00:00-04:00' },
      { to: 'Appointment Set', when: '2026-09-03T09:00:00-04:00' },
    ],
  },
  {
    key: 2,
    contact: 'Elm Street Laundry',
    owner: 'Ana',
    status: 'Appointment Set',
    created: '2026-10-01T10:00:00-04:00',
    appointment: '2026-10-20T11:00:00-04:00',
    moves: [{ to: 'Appointment Set', when: '2026-10-02T12:00:00-04:00' }],
  },
  {
    key: 3,
    contact: 'Northgate Clinic',
    owner: 'Ben',
    status: 'Approved',
    created: '2026-08-15T09:00:00-04:00',
    appointment: '2026-08-20T10:00:00-04:00',
    moves: [
      { to: 'Appointment Set', when: '2026-08-15T09:00:00-04:00' },
      { to: 'Approved', when: '2026-09-25T16:00:00-04:00' },
    ],
  },
  {
    key: 4,
    contact: 'Pine Motel',
    status: 'Appointment Set',
    created: '2026-10-01T08:00:00-04:00',
    appointment: '2026-10-05T15:00:00-04:00',
    moves: [{ to: 'Appointment Set', when: '2026-10-01T08:00:00-04:00' }],
  },
  {
    key: 5,
    contact: 'Oak Hill Hotel',
    owner: 'Ben',
    status: 'Appointment Set',
    created: '2026-10-20T08:00:00-04:00',
    appointment: '2026-11-04T15:00:00-05:00',
    moves: [{ to: 'Appointment Set', when: '2026-10-20T08:00:00-04:00' }],
  },
];

// The host tool's pipeline, as its configuration holds it: the stages in order, each with the category
// Panopticon counts it in.
const hostStages = { New: 'open', 'Appointment Set': 'open', Approved: 'green', Delivered: 'won', Dead: 'lost' };
const pipeline = parsePipeline({ stages: Object.entries(hostStages).map(([name, category]) => ({ name, category })) });

/** Maps one host record to a Panopticon lead; LeadSchema.parse checks it once, at the boundary. */
function toLead(row: CrmRow): Lead {
  return LeadSchema.parse({
    id: String(row.key), // ids are always strings
    name: row.contact,
    locator: row.owner ?? null,
    stage: row.status,
    createdAt: new Date(row.created),
    firstContactAt: null,
    appointmentAt: row.appointment ? new Date(row.appointment) : null,
    stageHistory: row.moves.map((m) => ({ stage: m.to, at: new Date(m.when) })),
  });
}

/** What the host tool needs: one message per locator, most urgent lead first. */
function attentionDigest(rowsOfTool: CrmRow[], asOf: Date, timeZone: string): Map<string, string> {
  const attention = needsAttention(rowsOfTool.map(toLead), { asOf, timeZone, pipeline });
  const byLocator = new Map<string, AttentionRow[]>();
  for (const row of attention) {
    const who = row.locator ?? UNASSIGNED_LOCATOR;
    byLocator.set(who, [...(byLocator.get(who) ?? []), row]);
  }
  const messages = new Map<string, string>();
  for (const [who, list] of byLocator) {
    const lines = list.map((r) => `• ${r.name} (${r.stage}): ${ATTENTION_REASON_LABELS[r.reason].toLowerCase()}, ${r.days} days`);
    messages.set(
      who,
      `${who}, ${list.length} lead${list.length === 1 ? '' : 's'} need${list.length === 1 ? 's' : ''} you:\n${lines.join('\n')}`,
    );
  }
  return messages;
}

// The job's "now" is explicit, so a re-run for a past night gives that night's answer.
const asOf = new Date('2026-10-31T23:59:59-04:00');
for (const [who, message] of attentionDigest(rows, asOf, 'America/New_York')) {
  console.log(`--- to ${who}\n${message}`);
}
