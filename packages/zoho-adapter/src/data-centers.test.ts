import { describe, expect, test } from 'vitest';
import { ZOHO_DATA_CENTERS, crmWebUrl, parseDataCenter, resolveHosts, zohoRecordUrlTemplate } from './data-centers.js';
import { ZohoConfigError } from './errors.js';

describe('data centers', () => {
  test('the table of accounts hosts and API domains', () => {
    expect(ZOHO_DATA_CENTERS).toEqual({
      US: { accountsUrl: 'https://accounts.zoho.com', apiDomain: 'https://www.zohoapis.com', apiConsole: 'https://api-console.zoho.com' },
      EU: { accountsUrl: 'https://accounts.zoho.eu', apiDomain: 'https://www.zohoapis.eu', apiConsole: 'https://api-console.zoho.eu' },
      IN: { accountsUrl: 'https://accounts.zoho.in', apiDomain: 'https://www.zohoapis.in', apiConsole: 'https://api-console.zoho.in' },
      AU: {
        accountsUrl: 'https://accounts.zoho.com.au',
        apiDomain: 'https://www.zohoapis.com.au',
        apiConsole: 'https://api-console.zoho.com.au',
      },
      JP: { accountsUrl: 'https://accounts.zoho.jp', apiDomain: 'https://www.zohoapis.jp', apiConsole: 'https://api-console.zoho.jp' },
      CA: {
        accountsUrl: 'https://accounts.zohocloud.ca',
        apiDomain: 'https://www.zohoapis.ca',
        apiConsole: 'https://api-console.zohocloud.ca',
      },
      SA: { accountsUrl: 'https://accounts.zoho.sa', apiDomain: 'https://www.zohoapis.sa', apiConsole: 'https://api-console.zoho.sa' },
      CN: {
        accountsUrl: 'https://accounts.zoho.com.cn',
        apiDomain: 'https://www.zohoapis.com.cn',
        apiConsole: 'https://api-console.zoho.com.cn',
      },
    });
  });
  test('names are read case-insensitively, with domain aliases', () => {
    expect(parseDataCenter('eu')).toBe('EU');
    expect(parseDataCenter('.eu')).toBe('EU');
    expect(parseDataCenter('com')).toBe('US');
    expect(parseDataCenter('com.au')).toBe('AU');
    expect(parseDataCenter('zoho.in')).toBe('IN');
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
