import { describe, expect, it } from 'vitest';
import { ATTENTION_REASONS } from './reasons.js';
import * as followUpApi from './index.js';
import { ATTENTION_REASON_LABELS, FOLLOW_UP_STATUS_LABELS, followUpMessages } from './messages.js';
import { FOLLOW_UP_STATUSES } from './statuses.js';

describe('follow-up messages', () => {
  it('label every status and every reason', () => {
    expect(Object.keys(FOLLOW_UP_STATUS_LABELS).sort()).toEqual([...FOLLOW_UP_STATUSES].sort());
    expect(Object.keys(ATTENTION_REASON_LABELS).sort()).toEqual([...ATTENTION_REASONS].sort());
  });

  it('name the bad value and what is expected', () => {
    expect(followUpMessages.invalidInstant('asOf', new Date(Number.NaN))).toBe('asOf must be a valid Date; got Invalid Date.');
    expect(followUpMessages.invalidEvery('month')).toBe(`every must be 'day' or 'week'; got "month".`);
    expect(followUpMessages.invalidDays('warnAfterDays', -1)).toBe('warnAfterDays must be a whole number of days, zero or more; got -1.');
  });

  it('the folder index exposes the metrics and no internal helper', () => {
    expect(Object.keys(followUpApi).sort()).toEqual(
      [
        'ATTENTION_REASONS',
        'ATTENTION_REASON_LABELS',
        'ATTENTION_RESOLUTIONS',
        'attentionChanges',
        'FOLLOW_UP_STATUSES',
        'FOLLOW_UP_STATUS_LABELS',
        'UNASSIGNED_LOCATOR',
        'columnarLeadsOf',
        'conversion',
        'followUp',
        'followUpStatus',
        'greenToDelivery',
        'kpis',
        'locatorScorecard',
        'needsAttention',
        'pipelineSnapshot',
        'pipelineTrend',
        'stageAt',
        'stageVisits',
        'timeInStage',
        'timeToIntervention',
      ].sort(),
    );
  });
});
