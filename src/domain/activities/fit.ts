import type { Limits } from '../people';
import type { Demands } from './proposal';

/**
 * Whether an activity's demands may exceed a person's own limits. Only the yes/no limits are compared:
 * "moving about is hard" against high physical effort or far travel, "money is tight" against any cost
 * above free. The free-text times and note are never read by a rule (and never shown to anyone else).
 */
export function mayNotSuit(demands: Demands, limits: Limits | undefined): boolean {
  if (!limits) return false;
  if (limits.mobility && (demands.effort === 'high' || demands.travel === 'far')) return true;
  if (limits.budget && demands.cost !== 'free') return true;
  return false;
}

/** How many of these people an activity may not suit: a number only, never who. */
export const countMayNotSuit = (demands: Demands, limitsOfEach: Array<Limits | undefined>) =>
  limitsOfEach.filter((l) => mayNotSuit(demands, l)).length;
