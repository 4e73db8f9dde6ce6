import { describe, expect, test } from 'vitest';
import { createZohoSync, syncLeads } from '../src/sync.js';
import { connection, fake, ownerTrackingOrg } from './helpers.js';

const ceil200 = (n: number) => Math.ceil(n / 200);

describe('full sync', () => {
  test('5,000 leads (1,500 appointed), a history module that tracks owners: exactly the fake data, in at most ceil(leads/200) + ceil(rows/200) + 4 calls', async () => {
    const { server, sync } = await ownerTrackingOrg(42);
    const result = await sync.syncLeads();

    expect(result.leads).toEqual(server.expectedLeads({ ownerFromRows: true }));
    expect(result.leads.filter((l) => (l.ownerHistory?.length ?? 0) > 1).length).toBeGreaterThan(100);
    expect(result.leads).toHaveLength(5000);
    expect(result.leads.filter((l) => l.appointmentAt !== null)).toHaveLength(1500);
    expect(result.issues).toEqual([]);
    const rows = server.data.historyRows.length;
    expect(result.stats).toEqual({
      rows: 5000 + rows,
      accepted: 5000 + rows,
      rejected: 0,
      inputs: {
        'zoho:Leads': { rows: 5000, accepted: 5000, rejected: 0 },
        'zoho:Lead_Status_History': { rows, accepted: rows, rejected: 0 },
      },
    });

    // Two cursors (ascending and descending by id) meet in the middle: at most 2 extra calls per module.
    const budget = ceil200(5000) + ceil200(rows) + 4;
    expect(server.stats.calls).toBeLessThanOrEqual(budget);
    expect(result.sync).toMatchObject({
      mode: 'full',
      calls: server.stats.calls,
      credits: server.stats.calls,
      tokenRefreshes: 1,
      retries: 0,
      read: { leads: 5000, historyRows: rows },
    });
    expect(server.stats.timeline).toBe(0);

    // Paging, per cursor: page 1–10 (2,000 records), then next_page_token; fields always sent (≤ 50); converted=both.
    const leadCalls = server.stats.requests.filter((r) => r.path === '/crm/v8/Leads');
    for (const order of ['asc', 'desc']) {
      const calls = leadCalls.filter((r) => r.query.sort_order === order);
      expect(calls.length).toBeGreaterThan(10);
      expect(calls.map((r) => r.query.page ?? 'token')).toEqual([
        ...'12345678910'.match(/10|\d/g)!,
        ...Array(calls.length - 10).fill('token'),
      ]);
    }
    for (const r of leadCalls) {
      expect(r.query.fields!.split(',').length).toBeLessThanOrEqual(50);
      expect(r.query).toMatchObject({ converted: 'both', per_page: '200' });
      expect(r.query.sort_by).toBeUndefined();
      expect('page' in r.query && 'page_token' in r.query).toBe(false);
    }
    // The same lead model comes back offline from the snapshot.
    expect(await sync.loadSnapshot()).toEqual({ leads: result.leads, issues: result.issues, stats: result.stats });
  });

  test('without a history module, the timeline is called once for each appointed lead and for no other', async () => {
    const server = await fake({ data: { leads: 600, appointed: 180, seed: 3 }, historyModule: false });
    const result = await createZohoSync(connection(server)).syncLeads();
    const expected = server.expectedLeads();
    expect(result.leads).toEqual(expected);
    const appointed = expected.filter((l) => l.appointmentAt !== null).map((l) => l.id);
    expect([...server.stats.timelineLeadIds].sort()).toEqual([...appointed].sort());
    expect(
      result.leads.filter((l) => l.appointmentAt === null).every((l) => l.stageHistory.length === 0 && l.ownerHistory === undefined),
    ).toBe(true);
    expect(
      result.leads
        .filter((l) => l.appointmentAt !== null)
        .every((l) => l.stageHistory[0]!.at.getTime() === l.createdAt.getTime() && l.ownerHistory!.length >= 1),
    ).toBe(true);
    expect(result.issues).toMatchObject([{ severity: 'warning', code: 'history-module-unavailable', file: 'zoho:Lead_Status_History' }]);
    expect(result.issues[0]!.message).toMatch(/INVALID_MODULE.*history tracking is probably not enabled for Lead_Status.*docs\/zoho\.md/s);
    // Leads (with one extra page where the two cursors meet), one INVALID_MODULE, one Get Organization (the
    // org id of the record links), one timeline per appointed lead.
    expect(server.stats.calls).toBeLessThanOrEqual(ceil200(600) + 2 + 1 + 1 + appointed.length);
  });

  test('history: null skips the module entirely', async () => {
    const server = await fake({ data: { leads: 100, appointed: 10 }, historyModule: false });
    const result = await createZohoSync({ ...connection(server), history: null }).syncLeads();
    expect(server.stats.records).toEqual({ Leads: 1 });
    expect(server.stats.timeline).toBe(10);
    expect(result.issues).toEqual([]);
  });

  test('a ledger that misses some leads: the timeline only for those of them that are appointed', async () => {
    const server = await fake({ data: { leads: 800, appointed: 240, uncovered: 120, seed: 9, ownerRows: true } });
    const result = await createZohoSync({ ...connection(server), history: { owner: 'Lead_Owner' } }).syncLeads();
    expect(result.leads).toEqual(server.expectedLeads({ ownerFromRows: true }));
    const uncoveredAppointed = server.data.leads.filter((l) => l.appointmentAt !== null && !server.data.hasRows(l.id)).map((l) => l.id);
    expect(uncoveredAppointed.length).toBeGreaterThan(10);
    expect([...server.stats.timelineLeadIds].sort()).toEqual(uncoveredAppointed.sort());
  });

  test('by default, where the module does not track owners, the timeline of every appointed lead gives its owner changes; stages stay from the ledger', async () => {
    const server = await fake({ data: { leads: 300, appointed: 90, reassignedShare: 0.4, seed: 17 } });
    const result = await createZohoSync(connection(server)).syncLeads();
    expect(result.leads).toEqual(server.expectedLeads());
    expect(server.stats.timeline).toBe(90);
    const appointed = new Set(result.leads.filter((l) => l.appointmentAt !== null).map((l) => l.id));
    expect(new Set(server.stats.timelineLeadIds)).toEqual(appointed);
    expect(result.leads.filter((l) => (l.ownerHistory?.length ?? 0) > 1).length).toBeGreaterThan(10);
  });

  test('where the module tracks owners (history.owner), owner changes come from its rows: no timeline at all', async () => {
    const server = await fake({ data: { leads: 300, appointed: 90, reassignedShare: 0.4, seed: 17, ownerRows: true } });
    const result = await createZohoSync({ ...connection(server), history: { owner: 'Lead_Owner' } }).syncLeads();
    expect(result.leads).toEqual(server.expectedLeads({ ownerFromRows: true }));
    expect(server.stats.timeline).toBe(0);
    const reassigned = server.data.leads.filter((l) => l.owners.length > 1);
    expect(reassigned.length).toBeGreaterThan(50);
    for (const l of reassigned) {
      expect(result.leads.find((x) => x.id === l.id)!.ownerHistory).toEqual(
        l.owners.map((o) => ({ locator: o.user.name, at: new Date(o.at) })),
      );
    }
    expect(server.stats.requests.find((r) => r.path === '/crm/v8/Lead_Status_History')!.query.fields).toContain('Lead_Owner');
  });

  test('a module whose last row names another owner than the lead has: that lead is read from its timeline', async () => {
    const server = await fake({ data: { leads: 100, appointed: 30, reassignedShare: 0.3, seed: 4, ownerRows: true } });
    const lead = server.data.leads.find((l) => l.appointmentAt !== null && l.owners.length === 1 && l.malformed === null)!;
    // The org reassigns the lead but the module's row keeps the old owner (tracking was off for a while).
    const row = server.data.historyRows.filter((r) => r.leadId === lead.id).at(-1)!;
    const other = server.data.users.find((u) => u !== row.owner)!;
    lead.owners.push({ user: other, at: Math.max(lead.modifiedAt, lead.stages.at(-1)!.at) });
    const result = await createZohoSync({ ...connection(server), history: { owner: 'Lead_Owner' } }).syncLeads();
    expect(server.stats.timelineLeadIds).toEqual([lead.id]);
    expect(result.leads.find((l) => l.id === lead.id)!.ownerHistory).toEqual(
      lead.owners.map((o) => ({ locator: o.user.name, at: new Date(o.at) })),
    );
  });

  test('an owner column that only copies the current owner onto every row is not taken for tracking: timelines give the owners', async () => {
    const server = await fake({ data: { leads: 300, appointed: 90, reassignedShare: 0.4, seed: 17 } });
    const result = await createZohoSync({ ...connection(server), history: { owner: 'Lead_Owner' } }).syncLeads();
    expect(result.leads).toEqual(server.expectedLeads());
    expect(server.stats.timeline).toBe(90);
  });

  test('ownerHistory: false reads no timeline where the module covers a lead (time to intervention is then not measured)', async () => {
    const server = await fake({ data: { leads: 300, appointed: 90, reassignedShare: 0.4, seed: 17 } });
    const result = await createZohoSync({ ...connection(server), ownerHistory: false }).syncLeads();
    expect(result.leads).toEqual(server.expectedLeads({ ownerHistory: false }));
    expect(server.stats.timeline).toBe(0);
  });

  test('appointments from Events (What_Id + $se_module = Leads): latest non-cancelled meeting, other modules ignored', async () => {
    const server = await fake({ data: { leads: 400, appointed: 120, appointmentsAs: 'events', seed: 5 } });
    const result = await createZohoSync({ ...connection(server), appointments: { from: 'events' } }).syncLeads();
    expect(result.leads).toEqual(server.expectedLeads({ appointmentsFrom: 'events' }));
    expect(result.leads.filter((l) => l.appointmentAt !== null)).toHaveLength(120);
    const eventCalls = server.stats.requests.filter((r) => r.path === '/crm/v8/Events');
    expect(eventCalls.length).toBe(ceil200(server.data.events.length));
    expect(eventCalls[0]!.query.fields).toContain('$se_module');
    expect(result.stats.inputs!['zoho:Events']).toEqual({
      rows: server.data.events.length,
      accepted: server.data.events.length,
      rejected: 0,
    });
  });

  test('malformed records become data issues, not crashes, and every row is accounted for', async () => {
    const server = await fake({ data: { leads: 300, appointed: 90, malformed: 8, seed: 11 } });
    const result = await syncLeads({ env: server.env, retry: { baseDelayMs: 1 } });
    expect(result.leads).toEqual(server.expectedLeads());
    expect(result.leads).toHaveLength(292);
    const errors = result.issues.filter((i) => i.severity === 'error');
    expect(errors.map((i) => i.code).sort()).toEqual(
      [
        'invalid-id',
        'invalid-id',
        'missing-stage',
        'missing-stage',
        'unparseable-timestamp',
        'unparseable-timestamp',
        'unparseable-timestamp',
        'unparseable-timestamp',
      ].sort(),
    );
    for (const bad of server.data.leads.filter((l) => l.malformed && l.malformed !== 'numeric-id')) {
      expect(errors.some((i) => i.recordId === bad.id)).toBe(true);
    }
    const leadsInput = result.stats.inputs!['zoho:Leads']!;
    expect(leadsInput).toEqual({ rows: 300, accepted: 292, rejected: 8 });
    expect(result.stats.rows).toBe(result.stats.accepted + result.stats.rejected);
  });

  test('a mapped field no record carries is reported once, with the fix', async () => {
    const server = await fake({ data: { leads: 30 } });
    const result = await createZohoSync({ ...connection(server), mapping: { team: 'Region' } }).syncLeads();
    expect(result.leads.every((l) => l.team === null)).toBe(true);
    expect(result.issues).toMatchObject([{ severity: 'warning', code: 'field-not-in-response', field: 'Region' }]);
    expect(result.issues[0]!.message).toMatch(/mapping\.team/);
  });

  test('progress lines during the sync', async () => {
    const server = await fake({ data: { leads: 500, appointed: 50 }, historyModule: false });
    const lines: string[] = [];
    await createZohoSync({ ...connection(server), onProgress: (p) => lines.push(p.message) }).syncLeads();
    expect(lines.length).toBeGreaterThan(3);
    expect(lines[0]).toMatch(/^Zoho sync \(full\) · leads \d+/);
    expect(lines.at(-1)).toMatch(/timelines 50\/50 · \d+ calls · done$/);
  });
});
