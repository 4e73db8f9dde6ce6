// `panopticon digest` and `run-daily`, built, against real servers on loopback: an SMTP server capturing
// what is sent and an HTTP receiver for the Slack and Teams webhooks. The data is the bundled sample.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOSTILE_AS_OF, HOSTILE_LOCATOR, HOSTILE_NAME, HOSTILE_STAGE, writeHostileData } from './fixtures/hostile.js';
import { mailServer, webhookServer } from './fixtures/mail.js';
import { runCli, sample } from './fixtures/zoho-cli.js';

const PASS = 'smtp-password-s3cret-9917';
const USER = 'digest-user@example.com';
const HOOK_PATH = '/services/T000/B000/very-secret-webhook-token';

let smtp: Awaited<ReturnType<typeof mailServer>>;
let hooks: Awaited<ReturnType<typeof webhookServer>>;
beforeAll(async () => {
  smtp = await mailServer();
  hooks = await webhookServer();
});
afterAll(async () => {
  await smtp.close();
  await hooks.close();
});

/** A fresh working directory with a config whose digest goes to the loopback SMTP server. */
function workspace(digest: Record<string, unknown> = {}, port = smtp.port) {
  const dir = mkdtempSync(join(tmpdir(), 'panopticon-digest-'));
  const config = {
    recordUrl: 'https://crm.example.com/leads/{id}',
    digest: {
      from: 'panopticon@example.com',
      coordinators: ['lead.desk@example.com'],
      locators: { 'Ana Souza': 'ana@example.com' },
      smtp: { host: '127.0.0.1', port, starttls: 'never' },
      timeoutSeconds: 5,
      ...digest,
    },
  };
  writeFileSync(join(dir, 'panopticon.config.json'), JSON.stringify(config, null, 2));
  return dir;
}

const cli = (dir: string, args: string[], env: Record<string, string> = {}) => runCli(env, ['digest', '--quiet', ...args], dir);
const state = (dir: string) => JSON.parse(readFileSync(join(dir, '.panopticon/digest-state.json'), 'utf8'));
const sentTo = (address: string, since: number) => smtp.mails.slice(since).filter((m) => m.to.includes(address));

describe('panopticon digest by email', () => {
  it('sends the first digest to the coordinator (everything) and to each locator (their leads), then nothing', async () => {
    const dir = workspace();
    const before = smtp.mails.length;
    const r = await cli(dir, []);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const [desk] = sentTo('lead.desk@example.com', before);
    const [ana] = sentTo('ana@example.com', before);
    expect(smtp.mails.length - before).toBe(2);
    expect(desk!.from).toBe('panopticon@example.com');
    expect(desk!.subject).toMatch(/^Panopticon: first digest, \d+ need attention — 2026-10-31$/);
    expect(desk!.text).toContain('Headline figures');
    expect(desk!.html).toContain('<h1');
    expect(desk!.html).not.toMatch(/<img|<script|src=/i);
    // Each part lists the same leads; the locator's only hers, with what to do and the CRM link.
    const leadsIn = (text: string) => [...text.matchAll(/^ {2}- .*\((\d+)\), (.*?):/gm)].map((m) => [m[1], m[2]]);
    const deskLeads = leadsIn(desk!.text);
    const anaLeads = leadsIn(ana!.text);
    expect(anaLeads.length).toBeGreaterThan(0);
    expect(anaLeads.every(([, who]) => who === 'Ana Souza')).toBe(true);
    expect(anaLeads).toEqual(deskLeads.filter(([, who]) => who?.startsWith('Ana Souza')));
    expect(deskLeads.some(([, who]) => who?.endsWith('(no address)'))).toBe(true);
    expect(ana!.text).toContain('What to do: ');
    expect(ana!.text).toContain(`https://crm.example.com/leads/${anaLeads[0]![0]}`);
    expect(ana!.html).toContain(`href="https://crm.example.com/leads/${anaLeads[0]![0]}"`);
    expect(ana!.text).not.toContain('Headline figures');
    expect(state(dir).recipients['email:ana@example.com|Ana Souza'].entries.length).toBe(anaLeads.length);

    const again = await cli(dir, []);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('nothing new since the digest of 2026-10-31 23:59; nothing sent.');
    expect(smtp.mails.length - before).toBe(2);
  });

  it('sends only the changes at a later as-of', async () => {
    const dir = workspace();
    expect((await cli(dir, ['--as-of', '2026-10-17'])).code).toBe(0);
    const before = smtp.mails.length;
    const r = await cli(dir, ['--as-of', '2026-10-31']);
    expect(r.code).toBe(0);
    const [desk] = sentTo('lead.desk@example.com', before);
    expect(desk!.subject).toMatch(/^Panopticon: \d+ new, \d+ worse, \d+ resolved — 2026-10-31$/);
    expect(desk!.text).toContain('What changed since the digest of 2026-10-17 23:59');
    expect(desk!.text).toMatch(/Resolved \(\d+\)/);
    // The figures show their change since the last digest.
    expect(desk!.text).toMatch(/Needs attention +\d+ +([+−]\d+|±0)/);
    // Going back is refused: the state only moves forward.
    const back = await cli(dir, ['--as-of', '2026-10-20']);
    expect(back.code).toBe(1);
    expect(back.stderr).toContain('only moves forward');
  });

  it('leaves a refused recipient unsent, exits 1 naming the server and the step, and sends it on the next run', async () => {
    const dir = workspace();
    smtp.control.refuse.add('ana@example.com');
    const before = smtp.mails.length;
    const r = await cli(dir, []);
    smtp.control.refuse.clear();
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`ana@example.com: not sent: SMTP server 127.0.0.1:${smtp.port}: recipient failed (550)`);
    expect(sentTo('lead.desk@example.com', before)).toHaveLength(1);
    expect(Object.keys(state(dir).recipients)).toEqual(['email:lead.desk@example.com']);
    const retry = await cli(dir, []);
    expect(retry.code).toBe(0);
    expect(sentTo('ana@example.com', before)).toHaveLength(1);
    expect(sentTo('lead.desk@example.com', before)).toHaveLength(1);
  });

  it('fails on a closed port with the connect step, sending nothing and writing no state', async () => {
    // Port 1 (privileged): nothing listens there. A port found free and closed again could be taken by another process in between.
    const closed = 1;
    const dir = workspace({}, closed);
    const r = await cli(dir, []);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`SMTP server 127.0.0.1:${closed}: connect failed`);
    expect(existsSync(join(dir, '.panopticon/digest-state.json'))).toBe(false);
  });

  it('times out on a server that does not answer', async () => {
    const silent = createServer(() => {});
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const port = (silent.address() as { port: number }).port;
    const dir = workspace({ timeoutSeconds: 1, coordinators: ['lead.desk@example.com'], locators: {} }, port);
    const r = await cli(dir, []);
    silent.close();
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`SMTP server 127.0.0.1:${port}: connect: no answer within 1 s (digest.timeoutSeconds).`);
  });

  it('logs in with user and password over STARTTLS to a self-signed server only when tlsRejectUnauthorized is false', async () => {
    const logins: string[] = [];
    const tls = await mailServer({
      disabledCommands: [],
      authOptional: false,
      onAuth(auth, _session, callback) {
        logins.push(`${auth.username}:${auth.password === PASS}`);
        if (auth.password === PASS) callback(null, { user: auth.username });
        else callback(new Error('bad credentials'));
      },
    });
    try {
      const env = { PANOPTICON_SMTP_USER: USER, PANOPTICON_SMTP_PASS: PASS };
      const strict = workspace({ smtp: { host: '127.0.0.1', port: tls.port }, locators: {} });
      const refused = await cli(strict, [], env);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toMatch(/SMTP server 127\.0\.0\.1:\d+: TLS failed|self-signed|certificate/);
      const relaxed = workspace({ smtp: { host: '127.0.0.1', port: tls.port, tlsRejectUnauthorized: false }, locators: {} });
      const ok = await cli(relaxed, [], env);
      expect(ok.stderr).toBe('');
      expect(ok.code).toBe(0);
      expect(tls.mails).toHaveLength(1);
      expect(logins).toEqual([`${USER}:true`]);
      const wrong = workspace({ smtp: { host: '127.0.0.1', port: tls.port, tlsRejectUnauthorized: false }, locators: {} });
      const bad = await cli(wrong, [], { ...env, PANOPTICON_SMTP_PASS: 'wrong-password-77' });
      expect(bad.code).toBe(1);
      expect(bad.stderr).toContain('login failed');
      for (const out of [refused, ok, bad])
        for (const secret of [PASS, 'wrong-password-77']) expect(out.stdout + out.stderr).not.toContain(secret);
      expect(readFileSync(join(relaxed, '.panopticon/digest-state.json'), 'utf8')).not.toContain(PASS);
    } finally {
      await tls.close();
    }
  });

  it('takes a lock: two digests at once send one digest', async () => {
    const dir = workspace();
    const before = smtp.mails.length;
    const [a, b] = await Promise.all([cli(dir, []), cli(dir, [])]);
    expect([a.code, b.code]).toEqual([0, 0]);
    expect(smtp.mails.length - before).toBe(2);
    expect(`${a.stdout}${b.stdout}`).toContain('nothing new');
  });

  it('prints what would be sent with --dry-run, sending nothing and writing no state', async () => {
    const dir = workspace();
    const before = smtp.mails.length;
    const r = await cli(dir, ['--dry-run']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('lead.desk@example.com: would send "Panopticon: first digest');
    expect(r.stdout).toContain('ana@example.com: would send');
    expect(smtp.mails.length).toBe(before);
    expect(existsSync(join(dir, '.panopticon/digest-state.json'))).toBe(false);
  });

  it('prints the digest with --format text|html|json', async () => {
    const dir = workspace();
    const json = JSON.parse((await cli(dir, ['--format', 'json'])).stdout);
    expect(json).toMatchObject({ first: true, since: null, timeZone: 'America/New_York' });
    expect(json.added.length).toBe(json.current);
    const page = await cli(dir, ['--format', 'html']);
    expect(page.stdout).toMatch(/^<!doctype html>/);
  });
});

describe('panopticon digest: bad input', () => {
  it('refuses an invalid address in the config before sending anything, naming the key and the value', async () => {
    const dir = workspace({ coordinators: ['lead.desk@example.com', 'not-an-address'] });
    const before = smtp.mails.length;
    const r = await cli(dir, []);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('digest.coordinators.1: expected an email address such as "ana@example.com", got "not-an-address"');
    expect(smtp.mails.length).toBe(before);
  });

  it('refuses an unknown key of the digest section', async () => {
    const r = await cli(workspace({ coordinator: ['x@example.com'] }), []);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('digest.coordinator: unknown key (did you mean "coordinators"?)');
  });

  it('warns about a locator the data does not know, with the nearest one', async () => {
    const r = await runCli({}, ['digest', '--dry-run'], workspace({ locators: { 'Ana Sousa': 'ana@example.com' } }));
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('digest.locators: "Ana Sousa" is not a locator in the data (did you mean "Ana Souza"?)');
  });
});

describe('panopticon digest by webhook', () => {
  const url = () => `http://127.0.0.1:${hooks.port}${HOOK_PATH}`;

  it('posts a Slack message within its limits and a Teams card; a 500 fails like SMTP, naming only the host', async () => {
    const dir = workspace({ coordinators: [], locators: {}, pageUrl: 'https://dash.example.com/today.html' });
    const slack = await cli(dir, ['--webhook', url(), '--webhook-format', 'slack']);
    expect(slack.code).toBe(0);
    const slackBody = hooks.posts.at(-1)!.body as { text: string; blocks: { type: string; text?: { text: string } }[] };
    expect(hooks.posts.at(-1)!.path).toBe(HOOK_PATH);
    expect(slackBody.text).toMatch(/^Panopticon: first digest/);
    expect(slackBody.blocks.length).toBeLessThanOrEqual(50);
    for (const b of slackBody.blocks) expect(b.text?.text.length ?? 0).toBeLessThanOrEqual(3000);
    expect(JSON.stringify(slackBody)).toMatch(/… and \d+ more \(<https:\/\/dash\.example\.com\/today\.html\|the whole list>\)/);

    const teamsDir = workspace({ coordinators: [], locators: {}, webhookFormat: 'teams' });
    hooks.control.status = 500;
    const failed = await cli(teamsDir, [], { PANOPTICON_WEBHOOK_URL: url() });
    hooks.control.status = 200;
    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain(`Teams webhook at 127.0.0.1:${hooks.port}: post failed (HTTP 500`);
    expect(existsSync(join(teamsDir, '.panopticon/digest-state.json'))).toBe(false);
    const teams = await cli(teamsDir, [], { PANOPTICON_WEBHOOK_URL: url() });
    expect(teams.code).toBe(0);
    const card = hooks.posts.at(-1)!.body as { type: string; attachments: { contentType: string; content: { type: string } }[] };
    expect(card.type).toBe('message');
    expect(card.attachments[0]!.content.type).toBe('AdaptiveCard');
    expect(Buffer.byteLength(JSON.stringify(card))).toBeLessThanOrEqual(28 * 1024);

    for (const out of [slack, failed, teams]) expect(out.stdout + out.stderr).not.toContain('very-secret-webhook-token');
    for (const d of [dir, teamsDir]) expect(readFileSync(join(d, '.panopticon/digest-state.json'), 'utf8')).not.toContain('very-secret');
  });
});

describe('panopticon run-daily', () => {
  it('writes the page and sends the digest under one lock, a summary line per step', async () => {
    const dir = workspace({ locators: {} });
    const before = smtp.mails.length;
    const r = await runCli({}, ['run-daily', '--quiet', '--out', 'today.html'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`run-daily: page: written to ${join(dir, 'today.html')}`);
    expect(r.stdout).toContain('run-daily: digest: done');
    expect(existsSync(join(dir, 'today.html'))).toBe(true);
    expect(sentTo('lead.desk@example.com', before)).toHaveLength(1);
  });
});

describe('panopticon run-daily on the weekly report’s day', () => {
  it('also sends the weekly report, with its own summary line', async () => {
    // 2026-10-31, the sample's as-of, is a Saturday in New York.
    const dir = workspace({ locators: {}, weekly: { managers: ['boss@example.com'], day: 'Saturday' } });
    const before = smtp.mails.length;
    const r = await runCli({}, ['run-daily', '--quiet', '--out', 'today.html'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('run-daily: weekly: done');
    expect(sentTo('boss@example.com', before)).toHaveLength(1);
    expect(sentTo('lead.desk@example.com', before)).toHaveLength(1);
    const friday = workspace({ locators: {}, weekly: { managers: ['boss@example.com'], day: 'Friday' } });
    const other = await runCli({}, ['run-daily', '--quiet', '--out', 'today.html'], friday);
    expect(other.code).toBe(0);
    expect(other.stdout).not.toContain('weekly');
    expect(sentTo('boss@example.com', before)).toHaveLength(1);
  });
});

describe('the dry-run example (examples/digest-dry-run)', () => {
  it('prints the first digest of each recipient of the sample data and sends nothing', async () => {
    const example = join(sample, '../digest-dry-run');
    const stateFile = join(mkdtempSync(join(tmpdir(), 'panopticon-digest-')), 'state.json');
    const r = await runCli({}, ['digest', '--quiet', '--dry-run', '--state', stateFile], example);
    expect(r.code).toBe(0);
    for (const who of ['lead.desk@example.com', 'ana@example.com', 'ben@example.com'])
      expect(r.stdout).toContain(`${who}: would send "Panopticon: first digest`);
    expect(r.stdout).toContain('https://crm.example.com/crm/org123/tab/Leads/');
    expect(existsSync(stateFile)).toBe(false);
  });
});

describe('panopticon digest escapes every CRM string', () => {
  it('in the email HTML (no element from the data) and in the Slack message (no link or mention from the data)', async () => {
    const dir = workspace({ locators: {} });
    const flags = writeHostileData(join(dir, 'data'));
    const before = smtp.mails.length;
    const r = await cli(dir, [
      ...flags,
      '--as-of',
      HOSTILE_AS_OF,
      '--webhook',
      `http://127.0.0.1:${hooks.port}/hook`,
      '--webhook-format',
      'slack',
    ]);
    expect(r.code).toBe(0);
    const [mail] = sentTo('lead.desk@example.com', before);
    expect(mail!.text).toContain(HOSTILE_NAME); // plain text is plain
    expect(mail!.html).not.toContain(HOSTILE_NAME);
    expect(mail!.html).not.toContain(HOSTILE_STAGE);
    const doc = new JSDOM(mail!.html).window.document;
    expect(doc.querySelectorAll('img, script, b').length).toBe(0);
    expect(doc.body.textContent).toContain(HOSTILE_NAME);
    expect(doc.body.textContent).toContain(HOSTILE_LOCATOR);
    const slack = JSON.stringify(hooks.posts.at(-1)!.body);
    expect(slack).not.toContain('<img');
    expect(slack).not.toContain('<b>');
    expect(slack).toContain('&lt;img src=x');
  });
});

describe('panopticon digest --weekly', () => {
  it('sends the managers the week’s response heatmap as an inline PNG, the worse slots and the speed to lead', async () => {
    const dir = workspace({ coordinators: [], locators: {}, weekly: { managers: ['boss@example.com'] } });
    const before = smtp.mails.length;
    const r = await cli(dir, ['--weekly', '--as-of', '2026-10-24']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const [mail] = sentTo('boss@example.com', before);
    expect(smtp.mails.length - before).toBe(1);
    expect(mail!.subject).toMatch(/^Panopticon weekly: response \d+\.\d % within 60 min \(([+−]\d+\.\d|±0) pts\) — week to 2026-10-24$/);
    expect(mail!.text).toContain('The week 2026-10-18 – 2026-10-24 against 2026-10-11 – 2026-10-17');
    expect(mail!.text).toMatch(/New leads +\d+ +\d+/);
    expect(mail!.text).toMatch(/Median first response +\d+ min/);
    expect(mail!.text).toMatch(/Slots that got worse|No slot got worse/);
    // The image is a part of the message, referred to by its Content-ID: nothing remote.
    expect(mail!.html).toContain('src="cid:heatmap@panopticon"');
    expect(mail!.html).not.toMatch(/src="https?:/);
    const image = /Content-Type: image\/png[\s\S]*?Content-ID: <heatmap@panopticon>[\s\S]*?\r?\n\r?\n([A-Za-z0-9+/=\r\n]+)/i.exec(
      mail!.raw,
    );
    const png = Buffer.from(image![1]!.replace(/\s+/g, ''), 'base64');
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(png.readUInt32BE(16)).toBeGreaterThan(1000); // width: drawn at 900 px, rasterized at twice that
  });

  it('is a usage error without managers, unless printed', async () => {
    const dir = workspace();
    const r = await cli(dir, ['--weekly']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('"weekly": { "managers"');
    const json = JSON.parse((await cli(dir, ['--weekly', '--format', 'json', '--as-of', '2026-10-24'])).stdout);
    expect(json).toMatchObject({ week: '2026-10-18 – 2026-10-24', slaMinutes: 60 });
    expect(json.now.total).toBeGreaterThan(0);
    expect(json.pngBytes).toBeGreaterThan(1000);
  });
});
