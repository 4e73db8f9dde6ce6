import { describe, expect, it } from 'vitest';
import { recordLinkOf } from '../src/record-url.js';
import type { Settings } from '../src/settings/resolve.js';

type Source = Settings['source'];
const zoho = (config: Extract<Source, { kind: 'zoho' }>['config']): Source => ({
  kind: 'zoho',
  store: '/tmp/store',
  sync: false,
  ownerHistory: true,
  config,
});
const csv: Source = { kind: 'csv', leads: { path: '/tmp/leads.csv', label: 'leads.csv' }, usingSample: false } as Source;

describe('the CRM record link', () => {
  it('is recordUrl when set, whatever the source', () => {
    const recordUrl = 'https://crm.example.com/leads/{id}';
    expect(recordLinkOf({ recordUrl, source: csv }, {})).toEqual({ template: recordUrl, missing: null });
    expect(recordLinkOf({ recordUrl, source: zoho({ orgId: '1', dataCenter: 'EU' }) }, {})).toEqual({ template: recordUrl, missing: null });
  });

  it('for a Zoho source is built from the data center and the org id by default', () => {
    expect(recordLinkOf({ source: zoho({ orgId: 'org20079833178', dataCenter: 'EU' }) }, {}).template).toBe(
      'https://crm.zoho.eu/crm/org20079833178/tab/Leads/{id}',
    );
    expect(recordLinkOf({ source: zoho({ orgId: '20079833178' }) }, {}).template).toBe(
      'https://crm.zoho.com/crm/org20079833178/tab/Leads/{id}',
    );
    // ZOHO_DC wins over the config, as for the sync.
    expect(recordLinkOf({ source: zoho({ orgId: '7', dataCenter: 'EU' }) }, { ZOHO_DC: 'CA' }).template).toBe(
      'https://crm.zohocloud.ca/crm/org7/tab/Leads/{id}',
    );
    expect(recordLinkOf({ source: zoho({ orgId: '7' }) }, { ZOHO_ACCOUNTS_URL: 'https://accounts.zoho.uk' }).template).toBe(
      'https://crm.zoho.uk/crm/org7/tab/Leads/{id}',
    );
  });

  it('is none, with the reason, when it cannot be known', () => {
    expect(recordLinkOf({ source: csv }, {})).toEqual({ template: null, missing: expect.stringContaining('"recordUrl"') });
    expect(recordLinkOf({ source: zoho({ dataCenter: 'EU' }) }, {})).toEqual({
      template: null,
      missing: expect.stringContaining('"orgId"'),
    });
    expect(recordLinkOf({ source: zoho({ orgId: '7', module: 'Prospects' }) }, {}).missing).toContain('the lead module is Prospects');
    // The fake server's loopback accounts host has no CRM pages.
    expect(recordLinkOf({ source: zoho({ orgId: '7' }) }, { ZOHO_ACCOUNTS_URL: 'http://127.0.0.1:4010' }).missing).toContain(
      'has no CRM pages',
    );
  });
});
