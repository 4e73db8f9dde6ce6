import { describe, expect, test } from 'vitest';
import { ZOHO_DATA_CENTERS, crmWebUrl, parseDataCenter, resolveHosts, zohoRecordUrlTemplate } from './data-centers.js';
import { ZohoConfigError } from './errors.js';

describe('data centers', () => {
  test('the table of accounts hosts and API domains', () => {
    // Data center, accounts host, API domain, API console: written out in full, as Zoho's SDK lists them.
    const table = [
      ['US', 'https://accounts.zoho.com', 'https://www.zohoapis.com', 'https://api-console.zoho.com'],
      ['EU', 'https://accounts.zoho.eu', 'https://www.zohoapis.eu', 'https://api-console.zoho.eu'],
      ['IN', 'https://accounts.zoho.in', 'https://www.zohoapis.in', 'https://api-console.zoho.in'],
      ['AU', 'https://accounts.zoho.com.au', 'https://www.zohoapis.com.au', 'https://api-console.zoho.com.au'],
      ['JP', 'https://accounts.zoho.jp', 'https://www.zohoapis.jp', 'https://api-console.zoho.jp'],
      ['CA', 'https://accounts.zohocloud.ca', 'https://www.zohoapis.ca', 'https://api-console.zohocloud.ca'],
      ['SA', 'https://accounts.zoho.sa', 'https://www.zohoapis.sa', 'https://api-console.zoho.sa'],
      ['CN', 'https://accounts.zoho.com.cn', 'https://www.zohoapis.com.cn', 'https://api-console.zoho.com.cn'],
    ];
    expect(ZOHO_DATA_CENTERS).toEqual(
      Object.fromEntries(table.map(([dc, accountsUrl, apiDomain, apiConsole]) => [dc, { accountsUrl, apiDomain, apiConsole }])),
    );
  });
  test('names are read case-insensitively, with domain aliases', () => {
    const spellings = { eu: 'EU', '.eu': 'EU', com: 'US', 'com.au': 'AU', 'zoho.in': 'IN' };
    for (const [text, dc] of Object.entries(spellings)) expect(parseDataCenter(text), text).toBe(dc);
  });
  test('an unknown DC is a config error naming the valid ones', () => {
    expect(() => parseDataCenter('UK')).toThrow(ZohoConfigError);
    expect(() => parseDataCenter('UK')).toThrow(/US, EU, IN, AU, JP, CA, SA, CN/);
  });
  test('default US; each host can be overridden', () => {
    expect(resolveHosts()).toEqual({ dc: 'US', ...ZOHO_DATA_CENTERS.US, apiDomainFixed: false });
    expect(resolveHosts({ dc: 'EU', apiDomain: 'https://sandbox.zohoapis.eu/' })).toEqual({
      dc: 'EU',
      accountsUrl: 'https://accounts.zoho.eu',
      apiDomain: 'https://sandbox.zohoapis.eu',
      apiConsole: 'https://api-console.zoho.eu',
      apiDomainFixed: true,
    });
  });
  test('plain http only for loopback', () => {
    expect(resolveHosts({ accountsUrl: 'http://127.0.0.1:4000' }).accountsUrl).toBe('http://127.0.0.1:4000');
    expect(() => resolveHosts({ accountsUrl: 'http://accounts.example.com' })).toThrow(/not https/);
    expect(() => resolveHosts({ apiDomain: 'not a url' })).toThrow(ZohoConfigError);
  });
  test('messages name the settings a user sets, never internal option names', () => {
    expect(() => resolveHosts({ accountsUrl: 'http://accounts.example.com' })).toThrow(/ZOHO_ACCOUNTS_URL/);
    expect(() => resolveHosts({ accountsUrl: 'http://accounts.example.com' })).not.toThrow(/accountsUrl/);
    expect(() => resolveHosts({ apiDomain: 'not a url' })).toThrow(/ZOHO_API_DOMAIN/);
    expect(() => parseDataCenter('UK')).toThrow(/zoho\.dataCenter.*ZOHO_ACCOUNTS_URL/);
  });
  test("each data center's CRM web host: the accounts host with accounts. changed to crm.", () => {
    const web = Object.fromEntries(Object.entries(ZOHO_DATA_CENTERS).map(([dc, hosts]) => [dc, crmWebUrl(hosts.accountsUrl)]));
    expect(web).toEqual({
      US: 'https://crm.zoho.com',
      EU: 'https://crm.zoho.eu',
      IN: 'https://crm.zoho.in',
      AU: 'https://crm.zoho.com.au',
      JP: 'https://crm.zoho.jp',
      CA: 'https://crm.zohocloud.ca',
      SA: 'https://crm.zoho.sa',
      CN: 'https://crm.zoho.com.cn',
    });
    expect(crmWebUrl('https://accounts.zoho.uk')).toBe('https://crm.zoho.uk');
    expect(crmWebUrl('http://127.0.0.1:4010')).toBeNull();
  });
  test('a record link from the data center and the org id, with or without its org prefix', () => {
    const eu = ZOHO_DATA_CENTERS.EU.accountsUrl;
    expect(zohoRecordUrlTemplate({ accountsUrl: eu, orgId: '20079833178' })).toBe('https://crm.zoho.eu/crm/org20079833178/tab/Leads/{id}');
    expect(zohoRecordUrlTemplate({ accountsUrl: eu, orgId: 'org20079833178', module: 'Prospects' })).toBe(
      'https://crm.zoho.eu/crm/org20079833178/tab/Prospects/{id}',
    );
    expect(zohoRecordUrlTemplate({ accountsUrl: 'http://localhost:4010', orgId: '1' })).toBeNull();
  });
});
