import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CSV_COLUMN_LABELS, loadFiles } from '../src/sources/tables/index.js';
import type { DataIssue } from '../src/sources/source.js';

// Real-shaped CRM exports (test/fixtures/exports/) and what Panopticon must read from each: the leads, and
// the issues that say how the file was read.
const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/exports/${name}`, import.meta.url));
const NY = 'America/New_York';
const infos = (issues: DataIssue[]) => issues.filter((i) => i.severity === 'info').map((i) => [i.code, i.field, i.message]);
const notInfo = (issues: DataIssue[]) => issues.filter((i) => i.severity !== 'info');
/** A wall-clock time in New York in March 2025 before the DST change of the 9th (UTC−5) or after (UTC−4). */
const ny = (month: number, day: number, hour: number, minute = 0) => {
  const offset = month === 3 && day < 9 ? 5 : month < 3 || month > 11 || (month === 11 && day >= 2) ? 5 : 4;
  return new Date(Date.UTC(2025, month - 1, day, hour + offset, minute));
};

describe('real-shaped exports', () => {
  it('Zoho CRM leads with its stage and owner history: labels, a BOM, CRLF and accented names', async () => {
    const { leads, issues, stats } = await loadFiles({
      leads: fixture('zoho-leads.csv'),
      stageHistory: fixture('zoho-stage-history.csv'),
      ownerHistory: fixture('zoho-owner-history.csv'),
      timeZone: NY,
    });
    expect(notInfo(issues)).toEqual([]);
    expect(stats).toMatchObject({ rows: 8, accepted: 8, rejected: 0 });
    expect(leads.map((l) => [l.id, l.name, l.locator, l.company, l.source, l.stage])).toEqual([
      ['zcrm_5001', 'Tomás Haddad', 'Chloé Martin', 'Downtown Car Wash', 'Web form', 'Contacted'],
      ['zcrm_5002', 'Kenji Dubois', 'Ana Souza', 'Oak Hill Laundromat', 'Referral', 'Appointment Set'],
      ['zcrm_5003', 'Zoë Müller', 'Ana Souza', 'Smith, Jones & Co', 'Trade show', 'New'],
    ]);
    expect(leads[0]).toMatchObject({ createdAt: ny(3, 4, 14, 15), firstContactAt: ny(3, 4, 14, 40), appointmentAt: null });
    expect(leads[1]!.appointmentAt).toEqual(ny(3, 12, 10));
    expect(leads[0]!.stageHistory.map((c) => c.stage)).toEqual(['New', 'Contacted']);
    expect(leads[0]!.ownerHistory!.map((c) => c.locator)).toEqual(['Ana Souza', 'Chloé Martin']);
    const read = infos(issues);
    expect(read).toContainEqual(['column-read-as', 'Lead Owner', expect.stringContaining('read "Lead Owner" as locator')]);
    expect(read).toContainEqual(['column-read-as', 'Created Time', expect.stringContaining('as received_time')]);
    expect(read).toContainEqual(['column-read-as', 'Lead Status', expect.stringContaining('as stage')]);
    expect(read).toContainEqual(['column-read-as', 'Record Id', expect.stringContaining('as lead_id')]);
    expect(read).toContainEqual(['column-read-as', 'Modified Time', expect.stringContaining('as changed_at')]);
    expect(read).toContainEqual(['column-read-as', 'New Owner', expect.stringContaining('as locator')]);
    // Every unknown column once, in one info per file.
    const unread = issues.filter((i) => i.code === 'column-not-read' && i.file!.endsWith('zoho-leads.csv'));
    expect(unread).toHaveLength(1);
    expect(unread[0]!.message).toContain('"First Name", "Last Name", "Modified Time", "Email"');
  });

  it('Salesforce leads in Windows-1252 with US dates and a 12-hour clock', async () => {
    const { leads, issues } = await loadFiles({ leads: fixture('salesforce-leads-cp1252.csv'), timeZone: NY });
    expect(notInfo(issues)).toEqual([]);
    expect(leads.map((l) => [l.id, l.locator, l.stage])).toEqual([
      ['00Q5e000001AbCd', 'José Peña', 'Working - Contacted'],
      ['00Q5e000001AbCe', 'Renée Lefèvre', 'Open - Not Contacted'],
      ['00Q5e000001AbCf', 'José Peña', 'Working - Contacted'],
    ]);
    expect(JSON.stringify(leads)).not.toContain('\uFFFD');
    expect(leads.map((l) => [l.createdAt, l.firstContactAt])).toEqual([
      [ny(3, 4, 14, 15), ny(3, 4, 14, 45)],
      [ny(3, 13, 9, 5), null],
      [ny(12, 1, 0, 30), ny(12, 1, 12, 10)],
    ]);
    const read = infos(issues);
    expect(read).toContainEqual([
      'encoding-detected',
      undefined,
      expect.stringMatching(/read as Windows-1252.*byte 0xE9 on line 2 is not UTF-8/),
    ]);
    expect(read).toContainEqual(['date-format', 'Created Date', expect.stringContaining('MM/DD/YYYY')]);
    // Its first-call dates are all ambiguous: read like the file's other dates, and the issue says why.
    expect(read).toContainEqual([
      'date-format',
      'First Call Date',
      expect.stringContaining("like the file's other dates, which are month first"),
    ]);
  });

  it.each([
    ['hubspot-contacts-utf16le.txt', 'UTF-16 LE'],
    ['hubspot-contacts-utf16be.txt', 'UTF-16 BE'],
  ])('HubSpot contacts saved by Excel as Unicode text (%s): %s, tab-separated', async (file, encoding) => {
    const { leads, issues } = await loadFiles({ leads: fixture(file), timeZone: NY });
    expect(notInfo(issues)).toEqual([]);
    expect(leads.map((l) => [l.id, l.locator, l.stage, l.company, l.source, l.createdAt, l.firstContactAt])).toEqual([
      ['101', 'Maria Öberg', 'NEW', 'Nordic Vending AB', null, ny(3, 4, 14, 15), null],
      ['102', 'Maria Öberg', 'IN_PROGRESS', 'Ceol Café', 'Organic search', ny(3, 5, 8), ny(3, 5, 8, 20)],
    ]);
    const read = infos(issues);
    expect(read).toContainEqual(['encoding-detected', undefined, expect.stringContaining(`read as ${encoding}`)]);
    expect(read).toContainEqual(['delimiter-detected', undefined, expect.stringContaining('tabs')]);
    expect(read).toContainEqual(['column-read-as', 'Contact owner', expect.stringContaining('as locator')]);
    expect(read).toContainEqual(['column-read-as', 'Date of first engagement', expect.stringContaining('as first_contact_time')]);
  });

  it('Pipedrive deals from a European account: semicolons, DD.MM.YYYY, "Deal - " labels', async () => {
    const { leads, issues } = await loadFiles({ leads: fixture('pipedrive-deals-semicolon.csv'), timeZone: 'Europe/Berlin' });
    expect(notInfo(issues)).toEqual([]);
    expect(leads.map((l) => [l.id, l.name, l.locator, l.company, l.stage, l.createdAt])).toEqual([
      ['7', 'Kaffeeautomat Bahnhof', 'Lena Vogel', 'Bäckerei Kühn', 'Qualified', new Date(Date.UTC(2025, 2, 13, 8, 15))],
      ['8', 'Snackautomat Schule', 'Lena Vogel', 'Gymnasium Süd', 'Proposal Made', new Date(Date.UTC(2025, 3, 2, 15, 40))],
    ]);
    const read = infos(issues);
    expect(read).toContainEqual(['delimiter-detected', undefined, expect.stringContaining('semicolons')]);
    expect(read).toContainEqual([
      'date-format',
      'Deal - Deal created',
      expect.stringContaining('DD/MM/YYYY (day first): a first part above 12'),
    ]);
  });

  it('ambiguous day/month dates: read month first and said so; the date format setting decides', async () => {
    const auto = await loadFiles({ leads: fixture('eu-ambiguous-dates.csv'), timeZone: 'UTC' });
    expect(auto.leads[0]!.createdAt).toEqual(new Date(Date.UTC(2025, 2, 4, 9)));
    expect(infos(auto.issues)).toContainEqual([
      'date-format',
      'received_time',
      expect.stringMatching(/MM\/DD\/YYYY.*every day and month in the first 3 values is 12 or less.*--date-format DD\/MM\/YYYY/),
    ]);
    const eu = await loadFiles({ leads: fixture('eu-ambiguous-dates.csv'), timeZone: 'UTC', dateFormat: 'DD/MM/YYYY' });
    expect(eu.leads.map((l) => [l.createdAt, l.firstContactAt])).toEqual([
      [new Date(Date.UTC(2025, 3, 3, 9)), new Date(Date.UTC(2025, 3, 3, 9, 30))],
      [new Date(Date.UTC(2025, 5, 5, 14)), null],
      [new Date(Date.UTC(2025, 11, 11, 8)), new Date(Date.UTC(2025, 11, 11, 8, 5))],
    ]);
    expect(infos(eu.issues)).toContainEqual(['date-format', 'received_time', expect.stringContaining('--date-format DD/MM/YYYY')]);
  });

  it('Excel serial numbers, pipe-separated, with `rep` as the locator', async () => {
    const { leads, issues } = await loadFiles({ leads: fixture('excel-serial-pipe.csv'), timeZone: NY });
    expect(notInfo(issues)).toEqual([]);
    expect(leads.map((l) => [l.id, l.locator, l.createdAt, l.firstContactAt])).toEqual([
      ['X1', 'Ana Souza', ny(3, 4, 14, 15), ny(3, 4, 14, 50)],
      ['X2', 'Ben Carter', ny(3, 5, 9), null],
    ]);
    expect(infos(issues)).toContainEqual(['date-format', 'received_time', expect.stringContaining('Excel serial numbers')]);
    expect(infos(issues)).toContainEqual(['column-read-as', 'rep', expect.stringContaining('as locator')]);
  });

  it('a file without the appointment column: no lead has an appointment, and the column is not invented', async () => {
    const { leads, issues } = await loadFiles({ leads: fixture('no-appointment-column.csv'), timeZone: 'UTC' });
    expect(notInfo(issues)).toEqual([]);
    expect(leads.map((l) => [l.id, l.locator, l.appointmentAt])).toEqual([
      ['N1', 'Ana Souza', null],
      ['N2', 'Ben Carter', null],
    ]);
    expect(infos(issues)).toEqual([['column-read-as', 'owner', expect.stringContaining('read "owner" as locator')]]);
  });
});

describe('the labels table of docs/data-formats.md', () => {
  it('lists the labels CSV_COLUMN_LABELS recognises, in order', () => {
    const docs = readFileSync(fileURLToPath(new URL('../../../docs/data-formats.md', import.meta.url)), 'utf8');
    const files = { leads: 'leads', stageHistory: 'stage history', ownerHistory: 'owner history' } as const;
    let rows = 0;
    for (const [kind, file] of Object.entries(files)) {
      for (const [column, labels] of Object.entries(CSV_COLUMN_LABELS[kind as keyof typeof files])) {
        const row = docs.split('\n').find((line) => line.startsWith(`| ${file} | \`${column}\` |`));
        expect(row, `${file} ${column}`).toBeDefined();
        const listed = row!.split('|')[3]!.trim();
        if (listed === 'as in the stage history') expect(labels).toEqual(CSV_COLUMN_LABELS.stageHistory.lead_id);
        else expect(listed.split(', ')).toEqual(labels);
        rows++;
      }
    }
    expect(rows).toBe(17);
  });
});
