import { describe, expect, test } from 'vitest';
import { ZohoAuthError, listModuleFields } from '../src/index.js';
import { createZohoClient } from '../src/client.js';
import { createZohoSync } from '../src/sync.js';
import { connection, fake, tempDir } from './helpers.js';

describe('narrow scopes', () => {
  test('without the history module scope: one warning naming it, stage histories from the timelines, same leads', async () => {
    const server = await fake({ data: { leads: 200, appointed: 60, seed: 12 }, scopes: ['ZohoCRM.modules.leads.READ'] });
    const result = await createZohoSync(connection(server)).syncLeads();
    const warnings = result.issues.filter((i) => i.code === 'history-module-unavailable');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.message).toMatch(/lacks the scope ZohoCRM\.modules\.lead_status_history\.READ/);
    expect(result.sync.read.timelines).toBe(60);
    server.settings.historyModule = false;
    expect(result.leads).toEqual(server.expectedLeads());
  });

  test('with the module scopes the history module is read and no timeline is needed', async () => {
    const server = await fake({
      data: { leads: 200, appointed: 60, seed: 12, ownerRows: true },
      scopes: ['ZohoCRM.modules.leads.READ', 'ZohoCRM.modules.lead_status_history.READ'],
    });
    const result = await createZohoSync({ ...connection(server), history: { owner: 'Lead_Owner' } }).syncLeads();
    expect(result.issues.filter((i) => i.code === 'history-module-unavailable')).toEqual([]);
    expect(result.sync.read.timelines).toBe(0);
    expect(result.leads).toEqual(server.expectedLeads({ ownerFromRows: true }));
  });

  test('without the Events scope, appointments from meetings fall back to the lead field, with one warning naming the scope', async () => {
    const server = await fake({
      data: { leads: 200, appointed: 60, seed: 14, appointmentsAs: 'both' },
      scopes: ['ZohoCRM.modules.leads.READ', 'ZohoCRM.modules.lead_status_history.READ'],
    });
    const result = await createZohoSync({ ...connection(server), appointments: { from: 'events' } }).syncLeads();
    const warnings = result.issues.filter((i) => i.code === 'events-unavailable');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.message).toMatch(/lacks the scope ZohoCRM\.modules\.events\.READ/);
    expect(result.leads).toEqual(server.expectedLeads({ appointmentsFrom: 'field' }));
    expect(result.leads.filter((l) => l.appointmentAt !== null)).toHaveLength(60);
  });

  test('without the Leads scope no route is left: the sync stops with a message naming the scope', async () => {
    const server = await fake({ data: { leads: 20, seed: 12 }, scopes: ['ZohoCRM.modules.events.READ'] });
    const error = (await createZohoSync(connection(server))
      .syncLeads()
      .catch((e: unknown) => e)) as ZohoAuthError;
    expect(error).toBeInstanceOf(ZohoAuthError);
    expect(error.message).toMatch(/lacks the scope ZohoCRM\.modules\.leads\.READ/);
    expect(error.message).not.toMatch(/modules\.ALL/);
  });

  test('the history module scope missing at an incremental sync: the same fallback, one warning, no abort', async () => {
    const server = await fake({ data: { leads: 200, appointed: 60, seed: 15 } });
    const dir = await tempDir();
    const sync = createZohoSync({ ...connection(server), store: dir });
    await sync.syncLeads();
    server.settings.scopes = ['ZohoCRM.modules.leads.READ'];
    const moved = server.data.randomChanges(5, Date.now());
    const next = await sync.syncLeads();
    expect(next.sync.mode).toBe('incremental');
    const warnings = next.issues.filter((i) => i.code === 'history-module-unavailable');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.message).toMatch(/lacks the scope ZohoCRM\.modules\.lead_status_history\.READ/);
    expect(warnings[0]!.message).not.toMatch(/modules\.ALL/);
    for (const id of moved) {
      const lead = next.leads.find((l) => l.id === id)!;
      expect(lead.stage).toBe(server.data.lead(id)!.stages.at(-1)!.stage);
      // The change the unreadable ledger missed is in the history, seen at the record's Modified_Time.
      expect(lead.stageHistory.at(-1)!.stage).toBe(lead.stage);
    }
    expect(next.issues.filter((i) => i.code === 'history-stage-mismatch')).toEqual([]);
  });

  test('the field list needs only ZohoCRM.settings.fields.READ; without it the message names that scope', async () => {
    const server = await fake({ data: { leads: 10 }, scopes: ['ZohoCRM.modules.leads.READ'] });
    const client = createZohoClient(connection(server));
    const error = (await listModuleFields(client).catch((e: unknown) => e)) as ZohoAuthError;
    expect(error).toBeInstanceOf(ZohoAuthError);
    expect(error.message).toMatch(/lacks the scope ZohoCRM\.settings\.fields\.READ/);
    expect(error.message).not.toMatch(/modules\.ALL|settings\.ALL/);
    server.settings.scopes = ['ZohoCRM.settings.fields.READ'];
    expect((await listModuleFields(client)).map((f) => f.apiName)).toContain('Lead_Status');
  });
});
