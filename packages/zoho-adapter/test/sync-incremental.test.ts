import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadZohoSnapshot, type ZohoSnapshot } from '../src/index.js';
import { SNAPSHOT_FILE } from '../src/snapshot.js';
import { createZohoSync } from '../src/sync.js';
import { connection, fake, ownerTrackingOrg, tempDir } from './helpers.js';

const readSnapshot = async (dir: string) => JSON.parse(await readFile(join(dir, SNAPSHOT_FILE), 'utf8')) as ZohoSnapshot;

describe('incremental sync', () => {
  test('after 50 records change, only those are fetched and the snapshot is updated', async () => {
    const { server, dir, sync } = await ownerTrackingOrg(8);
    const full = await sync.syncLeads();
    expect(full.sync.mode).toBe('full');

    const at = Date.now();
    const changed = server.data.randomChanges(50, at);
    server.resetStats();
    const result = await sync.syncLeads();

    expect(result.sync).toMatchObject({ mode: 'incremental', read: { leads: 50, events: 0, timelines: 0 } });
    expect(result.leads).toEqual(server.expectedLeads({ ownerFromRows: true }));
    // Leads: one call with If-Modified-Since returning exactly the 50; history: the newest page only.
    const leadCalls = server.stats.requests.filter((r) => r.path === '/crm/v8/Leads');
    expect(leadCalls).toHaveLength(1);
    expect(leadCalls[0]!.ifModifiedSince).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00$/);
    expect(server.stats.records).toEqual({ Leads: 1, Lead_Status_History: 1 });
    // And one Get Deleted Records call (204: nothing deleted), since the same instant.
    expect(server.stats.deleted).toBe(1);
    expect(server.stats.requests.find((r) => r.path === '/crm/v8/Leads/deleted')?.ifModifiedSince).toBe(leadCalls[0]!.ifModifiedSince);
    // And one Get Organization (the org id of the record links, read once per sync).
    expect(server.stats.requests.filter((r) => r.path === '/crm/v8/org')).toHaveLength(1);
    expect(server.stats.calls).toBe(4);
    expect(result.sync.calls).toBe(4);

    const snapshot = await readSnapshot(dir);
    expect(snapshot.lastSync.mode).toBe('incremental');
    for (const id of changed) {
      const lead = server.data.lead(id)!;
      expect(snapshot.leads[id]!.Lead_Status).toBe(lead.stages.at(-1)!.stage);
      expect(result.leads.find((l) => l.id === id)!.stageHistory.at(-1)).toEqual({
        stage: lead.stages.at(-1)!.stage,
        at: new Date(Math.floor(at / 1000) * 1000),
      });
    }
    expect(await loadZohoSnapshot(dir, { history: { owner: 'Lead_Owner' } })).toEqual({
      leads: result.leads,
      issues: result.issues,
      stats: result.stats,
    });
  });

  test('nothing changed: 304, no records parsed, the same leads', async () => {
    const server = await fake({ data: { leads: 300, appointed: 90 } });
    const dir = await tempDir();
    const sync = createZohoSync({ ...connection(server), store: dir });
    const first = await sync.syncLeads();
    server.resetStats();
    const second = await sync.syncLeads();
    expect(second.leads).toEqual(first.leads);
    expect(server.stats.statuses['304']).toBe(1);
    expect(second.sync.read.leads).toBe(0);
  });

  test('an org without history tracking: changes seen between syncs become history; only newly appointed leads get a timeline', async () => {
    const server = await fake({ data: { leads: 400, appointed: 120, reassignedShare: 0, seed: 21 }, historyModule: false });
    const dir = await tempDir();
    const sync = createZohoSync({ ...connection(server), store: dir, history: null });
    const first = await sync.syncLeads();
    expect(first.leads).toEqual(server.expectedLeads());

    const data = server.data;
    const now = Date.now();
    const t = Math.floor(now / 1000) * 1000;
    const plain = data.leads.find((l) => l.appointmentAt === null && l.stages.at(-1)!.stage === 'Contacted')!;
    const appointed = data.leads.find((l) => l.appointmentAt !== null)!;
    const newlyAppointed = data.leads.find((l) => l.appointmentAt === null && l.id !== plain.id)!;
    const reassigned = data.leads.find((l) => l.appointmentAt === null && l.id !== plain.id && l.id !== newlyAppointed.id)!;
    data.changeStage(plain.id, 'Lost', now);
    data.changeStage(appointed.id, 'Green - Approved', now);
    const newOwner = appointed.owners.at(-1)!.user.name === 'Dev Patel' ? 'Ana Souza' : 'Dev Patel';
    data.reassign(appointed.id, newOwner, now);
    data.setAppointment(newlyAppointed.id, now + 3 * 86_400_000, now);
    const otherOwner = reassigned.owners.at(-1)!.user.name === 'Ben Carter' ? 'Chloé Martin' : 'Ben Carter';
    data.reassign(reassigned.id, otherOwner, now);
    server.resetStats();

    const result = await sync.syncLeads();
    expect(result.sync.mode).toBe('incremental');
    expect(server.stats.timelineLeadIds).toEqual([newlyAppointed.id]);
    const get = (id: string) => result.leads.find((l) => l.id === id)!;

    expect(get(plain.id).stageHistory).toEqual([
      { stage: 'Contacted', at: new Date(plain.createdAt) },
      { stage: 'Lost', at: new Date(t) },
    ]);
    expect(get(appointed.id).stageHistory).toEqual(appointed.stages.map((s) => ({ stage: s.stage, at: new Date(s.at) })));
    expect(get(appointed.id).ownerHistory!.at(-1)).toEqual({ locator: newOwner, at: new Date(t) });
    expect(get(newlyAppointed.id)).toMatchObject({ appointmentAt: new Date(t + 3 * 86_400_000) });
    expect(get(newlyAppointed.id).stageHistory).toEqual(newlyAppointed.stages.map((s) => ({ stage: s.stage, at: new Date(s.at) })));
    expect(get(reassigned.id).ownerHistory).toEqual([{ locator: otherOwner, at: new Date(t) }]);
    expect(get(reassigned.id).locator).toBe(otherOwner);
  });

  test('owner changes by default: timelines of appointed leads once, then changes seen between syncs; a tracking module gives them with no timeline', async () => {
    for (const ownerRows of [false, true]) {
      const server = await fake({ data: { leads: 300, appointed: 90, reassignedShare: 0.2, seed: 31, ownerRows } });
      const dir = await tempDir();
      const sync = createZohoSync({ ...connection(server), store: dir, ...(ownerRows ? { history: { owner: 'Lead_Owner' } } : {}) });
      const first = await sync.syncLeads();
      expect(first.leads).toEqual(server.expectedLeads({ ownerFromRows: ownerRows }));
      expect(server.stats.timeline).toBe(ownerRows ? 0 : 90);

      const lead = server.data.leads.find((l) => l.appointmentAt !== null && l.owners.length === 1 && l.malformed === null)!;
      const t = Math.floor(Date.now() / 1000) * 1000;
      const newOwner = lead.owners[0]!.user.name === 'Dev Patel' ? 'Ana Souza' : 'Dev Patel';
      server.data.reassign(lead.id, newOwner, t);
      server.resetStats();
      const next = await sync.syncLeads();
      expect(next.sync).toMatchObject({ mode: 'incremental', read: { leads: 1, timelines: 0 } });
      expect(server.stats.timeline).toBe(0);
      expect(next.leads.find((l) => l.id === lead.id)!.ownerHistory).toEqual([
        { locator: lead.owners[0]!.user.name, at: new Date(lead.createdAt) },
        { locator: newOwner, at: new Date(t) },
      ]);
      expect(next.leads).toEqual(server.expectedLeads({ ownerFromRows: ownerRows }));
    }
  });

  test('leads created between syncs appear', async () => {
    const server = await fake({ data: { leads: 100 } });
    const dir = await tempDir();
    const sync = createZohoSync({ ...connection(server), store: dir });
    await sync.syncLeads();
    const now = Math.floor(Date.now() / 1000) * 1000;
    const owner = server.data.users[0]!;
    const added = server.data.addLead({
      firstName: 'New',
      lastName: 'Person',
      company: null,
      email: 'n@example.net',
      phone: null,
      source: null,
      createdAt: now,
      modifiedAt: now,
      firstContactAt: null,
      appointmentAt: null,
      converted: false,
      convertedAt: null,
      stages: [{ stage: 'New', at: now }],
      owners: [{ user: owner, at: now }],
      malformed: null,
      noise: [],
    });
    const result = await sync.syncLeads();
    expect(result.leads).toHaveLength(101);
    expect(result.leads.at(-1)).toMatchObject({
      id: added.id,
      name: 'New Person',
      stage: 'New',
      stageHistory: [{ stage: 'New', at: new Date(now) }],
    });
  });

  test('a changed mapping, a corrupt snapshot or full: true → a full sync, saying why', async () => {
    const server = await fake({ data: { leads: 60 } });
    const dir = await tempDir();
    await createZohoSync({ ...connection(server), store: dir }).syncLeads();
    const remapped = await createZohoSync({ ...connection(server), store: dir, mapping: { team: null } }).syncLeads();
    expect(remapped.sync).toMatchObject({ mode: 'full', reason: expect.stringMatching(/mapping/) });
    expect(remapped.issues).toMatchObject([{ code: 'snapshot-config-changed' }]);

    await writeFile(join(dir, SNAPSHOT_FILE), '{"format":"something else"');
    const recovered = await createZohoSync({ ...connection(server), store: dir }).syncLeads();
    expect(recovered.sync.mode).toBe('full');
    expect(recovered.issues).toMatchObject([{ code: 'snapshot-unreadable', severity: 'warning' }]);
    expect((await readSnapshot(dir)).format).toBe('panopticon-zoho-snapshot');

    const forced = await createZohoSync({ ...connection(server), store: dir }).syncLeads({ full: true });
    expect(forced.sync).toMatchObject({ mode: 'full', reason: 'a full sync was requested' });
  });
});

describe('clock skew', () => {
  test("the watermark follows Zoho's clock (Date header), not a local clock that runs ahead", async () => {
    const server = await fake({ data: { leads: 40 } });
    const dir = await tempDir();
    const ahead = () => Date.now() + 3 * 3_600_000;
    const sync = createZohoSync({ ...connection(server), store: dir, now: ahead });
    const before = Date.now();
    await sync.syncLeads();
    const after = Date.now();
    // Zoho's clock at the start, less the 10-minute overlap: bounded by the real clock around the sync, however long
    // it took (the Date header's whole seconds and an answer's delay are the only slack), hours from the local one.
    const watermark = Date.parse((await readSnapshot(dir)).watermark);
    expect(watermark).toBeLessThanOrEqual(after - 10 * 60_000);
    expect(watermark).toBeGreaterThan(before - 10 * 60_000 - 60_000);
    const id = server.data.leads[5]!.id;
    server.data.changeStage(id, 'Lost', Date.now());
    const result = await sync.syncLeads();
    expect(result.sync.read.leads).toBe(1);
    expect(result.leads.find((l) => l.id === id)!.stage).toBe('Lost');
  });
});

describe('deletions', () => {
  test('a lead deleted in Zoho leaves the snapshot (with its history) at the next incremental sync; converted leads stay', async () => {
    const server = await fake({ data: { leads: 300, appointed: 90, seed: 21 } });
    const dir = await tempDir();
    const sync = createZohoSync({ ...connection(server), store: dir });
    const first = await sync.syncLeads();
    const victims = first.leads
      .filter((l) => l.appointmentAt !== null)
      .slice(0, 3)
      .map((l) => l.id);
    for (const id of victims) server.data.deleteLead(id, Date.now());
    server.resetStats();
    const next = await sync.syncLeads();
    expect(next.sync).toMatchObject({ mode: 'incremental', read: { deleted: 3 } });
    expect(server.stats.deleted).toBe(1);
    expect(next.leads.map((l) => l.id)).not.toEqual(expect.arrayContaining([victims[0]]));
    expect(next.leads).toEqual(server.expectedLeads());
    expect(next.leads).toHaveLength(first.leads.length - 3);
    const snapshot = JSON.parse(await readFile(join(dir, SNAPSHOT_FILE), 'utf8')) as ZohoSnapshot;
    for (const id of victims) {
      expect(snapshot.leads[id]).toBeUndefined();
      expect(Object.values(snapshot.historyRows).some((row) => (row.Full_Name as { id?: string } | null)?.id === id)).toBe(false);
    }
    // A full sync agrees.
    expect((await sync.syncLeads({ full: true })).leads).toEqual(next.leads);
  });
});
