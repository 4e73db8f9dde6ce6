// Re-exports only: the public surface of the time-to-event (survival) metrics.
export { kaplanMeier, survivalQuantile, survivalAt } from './kaplan-meier.js';
export type { SurvivalCase, KaplanMeierStep, KaplanMeierCurve, KaplanMeierOptions } from './kaplan-meier.js';
export { SURVIVAL_GROUP_BYS, ARRIVAL_GROUPS } from './grouping.js';
export type { SurvivalGroupBy, SurvivalGroupingOptions, SurvivalGroup } from './grouping.js';
export { firstContactSurvival, medianMinutesToFirstContact } from './first-contact.js';
export type { FirstContactSurvival, FirstContactSurvivalOptions, MedianMinutesToFirstContactOptions } from './first-contact.js';
export { stageSurvival } from './stage-survival.js';
export type { StageSurvivalRow, StageSurvivalOptions } from './stage-survival.js';
export { appointmentProgressSurvival } from './appointment-progress.js';
export type { AppointmentProgressSurvival, AppointmentProgressSurvivalOptions } from './appointment-progress.js';
export { SPEED_BAND_LABELS, SPEED_BANDS, speedToLead } from './speed-to-lead.js';
export type { SpeedBand, SpeedToLead, SpeedToLeadRow, SpeedToLeadOptions } from './speed-to-lead.js';
export { wilsonInterval } from './wilson.js';
export type { WilsonInterval } from './wilson.js';
export { routingDelaySurvival } from './routing-delay.js';
export type { RoutingDelaySurvival, RoutingDelaySurvivalOptions, RoutingDelayCell } from './routing-delay.js';
export { FUNNEL_STEPS, cohortFunnel } from './cohort-funnel.js';
export type { FunnelStep, CohortFunnel, CohortFunnelStep, CohortFunnelOptions } from './cohort-funnel.js';
