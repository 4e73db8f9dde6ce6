/**
 * `@panopticon/zoho-adapter/testing`: a fake Zoho CRM (accounts server and API) on 127.0.0.1 with a
 * seeded org and fault injection, for tests and demos.
 *
 * ```ts
 * const fake = await startFakeZoho({ data: { leads: 5000, appointed: 1500 }, latencyMs: 50 });
 * const result = await syncLeads({ env: fake.env, store: dir });
 * await fake.close();
 * ```
 *
 * @packageDocumentation
 * @module @panopticon/zoho-adapter/testing
 */
export { startFakeZoho, type FakeZoho } from './fake/server.js';
export type { FakeZohoOptions, FakeZohoSettings } from './fake/options.js';
export type { FakeZohoFault } from './fake/faults.js';
export type { FakeZohoStats } from './fake/stats.js';
export { FakeZohoData } from './fake/data/org.js';
export type { ExpectedLeadsOptions } from './fake/data/expected.js';
export { generateFakeZohoData } from './fake/data/generate.js';
export { fakeZohoDataFromLeads } from './fake/data/from-leads.js';
export {
  DEFAULT_FAKE_OWNERS,
  DEFAULT_FAKE_STAGES,
  type FakeDataOptions,
  type FakeEvent,
  type FakeHistoryRow,
  type FakeLead,
  type FakeMalformation,
  type FakeOwnerStay,
  type FakeStage,
  type FakeStageNames,
  type FakeUser,
} from './fake/data/model.js';
