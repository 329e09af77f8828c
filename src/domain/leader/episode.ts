import { DateTime } from 'luxon';
import { toUtcIso } from '../shared/schedule';
import type { Assessment } from './engagement';
import { watchStateId, type WatchSettings, type WatchState } from './model';

export interface Decision {
  state: WatchState;
  /** Tell the leader now. */
  alert: boolean;
}

/**
 * One alert per episode: the first crossing of the threshold starts an episode and alerts; while the
 * person stays above it nothing more is sent until `quietDays` after the last alert; falling below
 * `recoverBelow` ends the episode. Someone not judged (paused, new) keeps their state and gets no alert.
 */
export function decide(groupId: string, previous: WatchState | undefined, assessment: Assessment, settings: WatchSettings, now: Date): Decision {
  const at = now.toISOString();
  const state: WatchState = previous ?? { id: watchStateId(assessment.userId), groupId, userId: assessment.userId, status: 'ok', updatedAt: at };
  if (!assessment.judged) return { state, alert: false };
  if (assessment.points >= settings.alertAt) {
    if (state.status === 'ok') return { state: { ...state, status: 'flagged', episodeStartedAt: at, lastAlertAt: at, updatedAt: at }, alert: true };
    const quietUntil = new Date(new Date(state.lastAlertAt ?? at).getTime() + settings.quietDays * 86_400_000).toISOString();
    if (at >= quietUntil) return { state: { ...state, lastAlertAt: at, updatedAt: at }, alert: true };
    return { state, alert: false };
  }
  if (state.status === 'flagged' && assessment.points < settings.recoverBelow) {
    return { state: { ...state, status: 'ok', recoveredAt: at, updatedAt: at }, alert: false };
  }
  return { state, alert: false };
}

/**
 * The local day and instant of the next evaluation after `now`: `evaluateAt` ("HH:mm") in `zone`, so
 * it stays at 09:00 local on both sides of a DST change.
 */
export function nextEvaluation(zone: string, evaluateAt: string, now: Date): { day: string; dueAt: string } {
  const [hour = 9, minute = 0] = evaluateAt.split(':').map(Number);
  const local = DateTime.fromJSDate(now, { zone });
  let due = local.set({ hour, minute, second: 0, millisecond: 0 });
  if (due <= local) due = local.plus({ days: 1 }).set({ hour, minute, second: 0, millisecond: 0 });
  return { day: due.toFormat('yyyy-MM-dd'), dueAt: toUtcIso(due) };
}
