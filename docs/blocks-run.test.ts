import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docsDir, notRunReason, readBlocks, readShellBlocks, repoRoot, runBlock, runShellLine, sampleDir } from './doc-blocks.js';

// Every code block of the READMEs and of docs/ runs, not only type-checks: each TypeScript block (those that
// show their output are compared by docs.test.ts) and every line of a shell block that runs `panopticon`
// (CLI: npm run build first), in a scratch folder holding the sample data, beside the fake Zoho server and a
// webhook that accepts every post. A block that cannot run says why in a `<!-- doc-test: not run … -->`
// comment; the last test lists every such mark, so a new one is a deliberate change of this file.

const pages = [
  'README.md',
  ...readdirSync(join(repoRoot, 'packages'))
    .map((p) => `packages/${p}/README.md`)
    .filter((f) => existsSync(join(repoRoot, f))),
  ...readdirSync(docsDir)
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => `docs/${f}`),
];
const tsBlocks = pages.flatMap((f) => readBlocks(join(repoRoot, f)));
// zoho.md's shell blocks run in docs.test.ts, beside the config file the page shows.
const shellBlocks = pages.filter((f) => f !== 'docs/zoho.md').flatMap((f) => readShellBlocks(join(repoRoot, f)));
const runnableShell = shellBlocks.filter((b) => b.commands.some((line) => notRunReason(b.marks, line) === undefined));

let servers: { close(): Promise<void>; env: Record<string, string> }[] = [];
let defaultOrg: Record<string, string>;
let zohoMdOrg: Record<string, string>;
let webhook: Server;
let webhookUrl: string;

beforeAll(async () => {
  const { startFakeZoho } = await import('@panopticon/zoho-adapter/testing');
  const plain = await startFakeZoho({ data: { leads: 120, appointed: 40, seed: 3 } });
  // The org zoho.md describes: a custom appointment field, a renamed owner lookup, another history module.
  const zohoMd = await startFakeZoho({
    data: { leads: 120, appointed: 40, seed: 5 },
    historyModule: 'Stage_History',
    fieldNames: { Appointment_Date: 'Site_Visit_Date', First_Contact_Time: 'First_Call_Time', Owner: 'Locator' },
  });
  servers = [plain, zohoMd];
  defaultOrg = plain.env as Record<string, string>;
  zohoMdOrg = zohoMd.env as Record<string, string>;
  webhook = createServer((request, response) => {
    request.resume();
    request.on('end', () => response.end('ok'));
  });
  await new Promise<void>((resolve) => webhook.listen(0, '127.0.0.1', resolve));
  webhookUrl = `http://127.0.0.1:${(webhook.address() as AddressInfo).port}/hook`;
}, 180_000);

afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
  await new Promise<void>((resolve) => (webhook ? webhook.close(() => resolve()) : resolve()));
});

/** The environment of a block of `file` run in `dir`: the fake org's ZOHO_* variables, the webhook, HOME. */
function environment(file: string, dir: string): NodeJS.ProcessEnv {
  const org = file === 'docs/zoho.md' ? zohoMdOrg : defaultOrg;
  return { ...process.env, ...org, PANOPTICON_WEBHOOK_URL: webhookUrl, SLACK_WEBHOOK: webhookUrl, HOME: dir };
}

const runnableTs = tsBlocks.filter((b) => b.output === undefined && notRunReason(b.marks) === undefined);

// The blocks found: fewer than these means the block reader (doc-blocks.ts) missed some.
it.each([
  ['TypeScript', runnableTs, 5],
  ['shell', runnableShell, 10],
] as const)('the READMEs and docs/ have %s blocks to run', (_, blocks, fewest) => {
  expect(blocks.length).toBeGreaterThan(fewest);
});

describe('every TypeScript block of the READMEs and docs/ runs', () => {
  it.each(runnableTs.map((b, i) => [`${b.file}:${b.line}`, b, i] as const))(
    '%s runs on the sample data',
    async (_, block, i) => {
      const dir = sampleDir(`run-ts-${i}`, block.marks);
      await expect(runBlock(block, 2000 + i, dir, environment(block.file, dir))).resolves.toBeTypeOf('string');
    },
    120_000,
  );
});

describe('every panopticon command of a shell block runs', () => {
  it.each(runnableShell.map((b, i) => [`${b.file}:${b.line}`, b, i] as const))(
    '%s runs on the sample data (npm run build first)',
    async (_, block, i) => {
      expect(existsSync(join(repoRoot, 'packages/cli/dist')), 'packages/cli/dist is missing: run npm run build').toBe(true);
      const dir = sampleDir(`run-sh-${i}`, block.marks);
      const failures: string[] = [];
      for (const line of block.commands) {
        if (notRunReason(block.marks, line) !== undefined) continue;
        const result = await runShellLine(line, dir, environment(block.file, dir));
        if (result.code !== 0) failures.push(`${line}\n  exit ${result.code}: ${result.stderr.trim().split('\n').slice(-3).join('\n  ')}`);
      }
      expect(failures).toEqual([]);
    },
    600_000,
  );
});

describe('the blocks that are not run', () => {
  it('are few, each marked with its reason', () => {
    const marks = [
      ...tsBlocks.flatMap((b) => {
        const reason = notRunReason(b.marks);
        return reason === undefined ? [] : [`${b.file}: a block: ${reason}`];
      }),
      ...shellBlocks.flatMap((b) =>
        b.commands.flatMap((line) => {
          const reason = notRunReason(b.marks, line);
          return reason === undefined ? [] : [`${b.file}: ${line.replace(/\s+#.*$/, '').trim()}: ${reason}`];
        }),
      ),
    ];
    expect(marks).toEqual(NOT_RUN);
  });
});

/** Every block or line not run, and why (file: line: reason; no line numbers, so that edits above move nothing). */
const NOT_RUN: string[] = [
  "packages/sql/README.md: a block: reads a team's Parquet export and history files; packages/sql/test runs these calls on generated data and on the sample",
  "docs/data-formats.md: a block: reads a team's Parquet, Feather and NDJSON exports; the tests of core/src/sources/tables load the same tables in every format",
  'docs/data-formats.md: a block: needs a PostgreSQL server; packages/sql/test/postgres-source.test.ts runs these calls against a throwaway one',
  "README.md: npx panopticon <command> --help: a placeholder for any command; docs.test.ts checks every command's --help",
  "packages/cli/README.md: npx panopticon <command> --help: a placeholder for any command; docs.test.ts checks every command's --help",
  "docs/cli.md: npx panopticon <command> [options]: a placeholder for any command; docs.test.ts checks every command's --help",
  "docs/cli.md: npx panopticon <command> --help: a placeholder for any command; docs.test.ts checks every command's --help",
  'docs/cli.md: panopticon heatmap --leads leads.parquet --format parquet --out heatmap.parquet: needs a Parquet export; packages/cli/test/columnar-formats.test.ts runs these formats',
  'docs/cli.md: panopticon attention --format ndjson | jq .leadId: needs jq; packages/cli/test/columnar-formats.test.ts checks the NDJSON written to stdout',
  "docs/cli.md: npx panopticon run-daily --zoho --out /var/www/panopticon/index.html: writes into a web server's folder; daily.md runs the same command with --out dashboard.html",
  "docs/cli.md: ZOHO_CLIENT_ID=… ZOHO_CLIENT_SECRET=… ZOHO_REFRESH_TOKEN=… ZOHO_DC=EU npx panopticon sync --zoho: placeholders for a real org's credentials; README and zoho.md run the sync against the fake Zoho server",
  'docs/cli.md: ZOHO_CLIENT_ID=demo ZOHO_CLIENT_SECRET=demo ZOHO_REFRESH_TOKEN=demo npx panopticon fake-zoho --leads 2000: a server that runs until stopped; the zoho.md test starts it and stops it',
  "docs/daily.md: 30 7 * * 1-5  cd /srv/panopticon && . ./secrets.env && npx panopticon run-daily --zoho --out /var/www/panopticon/index.html >> daily.log 2>&1: a crontab (a server's folders and secrets); its run-daily runs in the block above",
  "docs/daily.md: 45 7 * * 1    cd /srv/panopticon && . ./secrets.env && npx panopticon digest --weekly --zoho --offline >> daily.log 2>&1: a crontab (a server's folders and secrets); its run-daily runs in the block above",
  'docs/data-formats.md: npx panopticon kpis --sql: needs a PostgreSQL server; packages/cli/test/postgres.test.ts runs these commands against a throwaway one',
  'docs/data-formats.md: npx panopticon heatmap --sql --slot 60 --format json: needs a PostgreSQL server; packages/cli/test/postgres.test.ts runs these commands against a throwaway one',
];
