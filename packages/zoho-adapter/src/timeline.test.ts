import { describe, expect, test } from 'vitest';
import { historiesFromTimeline } from './timeline.js';

const context = {
  leadId: '5725767000005000001',
  stageField: 'Lead_Status',
  locatorField: 'Owner',
  createdAt: new Date('2024-03-01T00:00:00Z'),
  currentStage: 'Won',
  currentLocator: 'Dev Patel',
  timeZone: 'UTC',
  module: 'Leads',
};
const entry = (at: string, items: Array<[string, unknown, unknown]>) => ({
  id: at,
  audited_time: at,
  action: 'updated',
  field_history: items.map(([api_name, old, nu]) => ({ api_name, _value: { old, new: nu } })),
});

describe('historiesFromTimeline', () => {
  test('stage and owner changes, newest-first input, initial values held since creation', () => {
    const h = historiesFromTimeline(
      [
        entry('2024-03-09T00:00:00+00:00', [['Lead_Status', 'Contacted', 'Won']]),
        entry('2024-03-05T00:00:00+00:00', [
          ['Owner', 'Ana Souza', 'Dev Patel'],
          ['Phone', null, '1'],
        ]),
        entry('2024-03-02T00:00:00+05:30', [['Lead_Status', 'New', 'Contacted']]),
        { id: 'x', audited_time: '2024-03-01T00:00:00+00:00', action: 'added', field_history: null },
      ],
      context,
    );
    expect(h.stage).toEqual([
      { stage: 'New', at: new Date('2024-03-01T00:00:00Z') },
      { stage: 'Contacted', at: new Date('2024-03-01T18:30:00Z') },
      { stage: 'Won', at: new Date('2024-03-09T00:00:00Z') },
    ]);
    expect(h.owner).toEqual([
      { locator: 'Ana Souza', at: new Date('2024-03-01T00:00:00Z') },
      { locator: 'Dev Patel', at: new Date('2024-03-05T00:00:00Z') },
    ]);
    expect(h.issues).toEqual([]);
  });
  test('no change: the current stage and owner since creation', () => {
    const h = historiesFromTimeline([], context);
    expect(h.stage).toEqual([{ stage: 'Won', at: context.createdAt }]);
    expect(h.owner).toEqual([{ locator: 'Dev Patel', at: context.createdAt }]);
  });
  test('"-None-" (null) before the first change is skipped; an unreadable time is a warning', () => {
    const h = historiesFromTimeline(
      [entry('2024-03-02T00:00:00+00:00', [['Lead_Status', null, 'New']]), entry('soon', [['Lead_Status', 'New', 'Won']])],
      context,
    );
    expect(h.stage).toEqual([{ stage: 'New', at: new Date('2024-03-02T00:00:00Z') }]);
    expect(h.issues).toMatchObject([{ severity: 'warning', code: 'timeline-entry-invalid', recordId: context.leadId, value: 'soon' }]);
  });
});
