/** A fake org built from core `Lead`s, so a test can serve exactly the leads of a CSV export. */
import type { Lead } from '@panopticon/core';
import { collapseOwners, collapseStages } from '../../history.js';
import { DEFAULT_FAKE_STAGES } from './model.js';
import { FakeZohoData } from './org.js';

/**
 * An org holding exactly these leads (e.g. loaded from a CSV export): owners are created from the
 * locators, stage and owner histories become module rows (when `covered`; owner changes too with `ownerRows`) and timelines.
 *
 * @example
 * ```ts
 * const { leads } = await loadFiles({ leads: 'leads.csv', stageHistory: 'stage_history.csv', timeZone: 'America/New_York' });
 * const fake = await startFakeZoho({ data: fakeZohoDataFromLeads(leads) });
 * const result = await syncLeads({ env: fake.env }); // the same leads, read through the Zoho API
 * ```
 */
export function fakeZohoDataFromLeads(
  leads: readonly Lead[],
  options: { covered?: boolean; appointmentsAs?: 'field' | 'events' | 'both'; seed?: number; ownerRows?: boolean } = {},
): FakeZohoData {
  const data = new FakeZohoData(
    [],
    { ...DEFAULT_FAKE_STAGES },
    options.appointmentsAs ?? 'field',
    options.seed ?? 1,
    options.ownerRows ?? false,
  );
  for (const lead of leads) {
    const createdAt = lead.createdAt.getTime();
    const history = collapseStages(lead.stageHistory.length ? lead.stageHistory : [{ stage: lead.stage, at: lead.createdAt }]);
    const stages = history.map((s) => ({ stage: s.stage, at: s.at.getTime() }));
    if (stages[0]!.at > createdAt) stages.unshift({ stage: stages[0]!.stage, at: createdAt });
    const ownerPath = lead.ownerHistory?.length ? collapseOwners(lead.ownerHistory) : [{ locator: lead.locator, at: lead.createdAt }];
    const owners = ownerPath.map((o) => ({
      user: data.user(o.locator ?? 'Unassigned', o.locator === lead.locator ? (lead.team ?? null) : null),
      at: o.at.getTime(),
    }));
    const [firstName, ...rest] = lead.name.split(' ');
    const times = [createdAt, ...stages.map((s) => s.at), ...owners.map((o) => o.at)];
    data.addLead(
      {
        id: lead.id,
        firstName: rest.length ? (firstName ?? '') : '',
        lastName: rest.length ? rest.join(' ') : (firstName ?? ''),
        company: lead.company ?? null,
        email: `lead.${lead.id}@example.net`,
        phone: null,
        source: lead.source ?? null,
        createdAt,
        modifiedAt: Math.max(...times),
        firstContactAt: lead.firstContactAt?.getTime() ?? null,
        appointmentAt: lead.appointmentAt?.getTime() ?? null,
        converted: false,
        convertedAt: null,
        stages,
        owners,
        malformed: null,
        team: lead.team ?? null,
        noise: [],
      },
      options.covered ?? true,
    );
  }
  return data;
}
