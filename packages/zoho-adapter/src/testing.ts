/**
 * `@panopticon/zoho-adapter/testing`: a fake Zoho CRM (accounts server and API) on 127.0.0.1 with a
 * seeded org and fault injection, for tests and demos.
 *
 * ```ts
 * const fake = await startFakeZoho({ data: { leads: 5000, appointed: 1500 }, latencyMs: 50 });
 * const result = await syncFromEnv(fake.env, { store: dir });
 * await fake.close();
 * ```
 *
 * @packageDocumentation
 * @module @panopticon/zoho-adapter/testing
 */
export {
  startFakeZoho,
  type FakeZoho,
  type FakeZohoFault,
  type FakeZohoOptions,
  type FakeZohoSettings,
  type FakeZohoStats,
} from './fake/server.js';
export {
  DEFAULT_FAKE_OWNERS,
  DEFAULT_FAKE_STAGES,
  FakeZohoData,
  fakeZohoDataFromLeads,
  generateFakeZohoData,
  type FakeDataOptions,
  type FakeEvent,
  type FakeHistoryRow,
  type FakeLead,
  type FakeMalformation,
  type FakeOwnerStay,
  type FakeStage,
  type FakeStageNames,
  type FakeUser,
} from './fake/data.js';
export { CoqlError, parseCoql, runCoql, coqlCredits, type CoqlQuery } from './fake/coql.js';
