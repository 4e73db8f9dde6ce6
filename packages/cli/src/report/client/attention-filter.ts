/**
 * The filters above the needs-attention table (reason, locator, stage, appointment date range, name or
 * id): the controls page.ts writes, and which rows they let through.
 *
 * @module
 */
import { ATTENTION, UNASSIGNED_VALUE, type AttentionTuple } from '../page-data.js';
import { controlsById } from './dom.js';

/** The filter controls, by name. */
export type FilterControls = ReturnType<typeof filterControls>;

export function filterControls() {
  return controlsById('f-', { reason: 'select', locator: 'select', stage: 'select', from: 'input', to: 'input', q: 'input' });
}

/** Empties every filter. */
export function clearFilters(controls: FilterControls): void {
  for (const control of Object.values(controls)) control.value = '';
}

/**
 * The test a row must pass for the current filter values: reason ("new" = reached its threshold today),
 * locator ({@link UNASSIGNED_VALUE} = none), stage, appointment day within from–to (a row without an
 * appointment fails any date filter), the search text in its name or id (case-insensitive), and the team of
 * the analysis controls ("" = every team).
 */
export function rowFilter(controls: FilterControls, team = ''): (r: AttentionTuple) => boolean {
  const reason = controls.reason.value;
  const locator = controls.locator.value;
  const stage = controls.stage.value;
  const from = controls.from.value;
  const to = controls.to.value;
  const q = controls.q.value.trim().toLowerCase();
  return (r) => {
    if (team && r[ATTENTION.team] !== team) return false;
    if (reason && (reason === 'new' ? !r[ATTENTION.newToday] : r[ATTENTION.reason] !== reason)) return false;
    if (locator && (locator === UNASSIGNED_VALUE ? r[ATTENTION.locator] !== null : r[ATTENTION.locator] !== locator)) return false;
    if (stage && r[ATTENTION.stage] !== stage) return false;
    if (from || to) {
      const appointment = r[ATTENTION.appointment];
      if (appointment === null) return false;
      const day = appointment.slice(0, 10);
      if (from && day < from) return false;
      if (to && day > to) return false;
    }
    if (q && r[ATTENTION.name].toLowerCase().indexOf(q) < 0 && r[ATTENTION.id].toLowerCase().indexOf(q) < 0) return false;
    return true;
  };
}
