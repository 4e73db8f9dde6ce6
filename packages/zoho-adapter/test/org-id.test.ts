import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { createZohoClient } from '../src/client.js';
import { fileSnapshotStore, SNAPSHOT_FILE, snapshotOrg } from '../src/snapshot.js';
import { createZohoSync, loadZohoSnapshot, snapshotLeads } from '../src/sync.js';
import { connection, fake, tempDir } from './helpers.js';

// The org id of the CRM's record links: read once per sync from Get Organization and kept in the snapshot.

describe('the org id', () => {
  test('the fake answers Get Organization as Zoho does: zgid and domain_name org<zgid>', async () => {
    const server = await fake({ data: { leads: 5, seed: 1 }, orgId: '555123' });
    const client = createZohoClient(connection(server));
    const response = await client.request<{ org: { zgid: string; domain_name: string }[] }>({ path: 'org' });
    expect(response.body?.org[0]).toMatchObject({ zgid: '555123', domain_name: 'org555123' });
  });

  test('a sync keeps it in the snapshot, one Get Organization call a sync', async () => {
    const server = await fake({ data: { leads: 40, appointed: 10, seed: 2 }, orgId: '555123' });
    const store = await tempDir();
    const sync = createZohoSync({ ...connection(server), store });
    await sync.syncLeads();
    const other = server.stats.other;
    const result = await sync.syncLeads();
    const snapshot = JSON.parse(await readFile(join(store, SNAPSHOT_FILE), 'utf8'));
    expect(snapshot.orgId).toBe('555123');
    expect(snapshot.orgUnavailable).toBeUndefined();
    // The sync's report says what it read; the snapshot read once gives its org and the leads loadZohoSnapshot gives.
    expect(result.sync.org).toEqual({ orgId: '555123' });
    const stored = (await fileSnapshotStore(store).read())!;
    expect(snapshotOrg(stored)).toEqual({ orgId: '555123' });
    expect(snapshotLeads(stored)).toEqual(await loadZohoSnapshot(store));
    // The incremental sync asked once more (the org call is counted with the fake's "other" calls).
    expect(server.stats.other - other).toBeGreaterThanOrEqual(1);
  });

  test('without the ZohoCRM.org.READ scope the sync still succeeds, and the snapshot says why there is no org id', async () => {
    const server = await fake({ data: { leads: 40, appointed: 10, seed: 3 }, scopes: ['ZohoCRM.modules.ALL', 'ZohoCRM.settings.ALL'] });
    const store = await tempDir();
    const result = await createZohoSync({ ...connection(server), store }).syncLeads();
    expect(result.leads).toHaveLength(40);
    const snapshot = JSON.parse(await readFile(join(store, SNAPSHOT_FILE), 'utf8'));
    expect(snapshot.orgId).toBeUndefined();
    expect(snapshot.orgUnavailable).toBe('OAUTH_SCOPE_MISMATCH');
    expect(result.sync.org).toEqual({ orgUnavailable: 'OAUTH_SCOPE_MISMATCH' });
    expect(snapshotOrg((await fileSnapshotStore(store).read())!)).toEqual({ orgUnavailable: 'OAUTH_SCOPE_MISMATCH' });
  });
});
