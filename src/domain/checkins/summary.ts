import type { CheckIn } from './checkIn';
import { escoGroups, groupOf, type EscoGroup, type StrengthId } from './strengths';

export interface StrengthOccasion {
  at: string;
  meetingId?: string;
}

export interface StrengthCount {
  id: StrengthId;
  group: EscoGroup;
  count: number;
  /** Newest first. */
  occasions: StrengthOccasion[];
}

/** "My strengths": the strengths named most (ties: the one noticed most recently first). `history` newest first. */
export function strengthsSummary(history: CheckIn[]): StrengthCount[] {
  const byId = new Map<StrengthId, StrengthCount>();
  for (const c of history) {
    for (const id of c.strengths) {
      const entry = byId.get(id) ?? { id, group: groupOf(id), count: 0, occasions: [] };
      entry.count++;
      entry.occasions.push({ at: c.createdAt, ...(c.meetingId ? { meetingId: c.meetingId } : {}) });
      byId.set(id, entry);
    }
  }
  return [...byId.values()].sort((a, b) => b.count - a.count || b.occasions[0]!.at.localeCompare(a.occasions[0]!.at));
}

/** The person's own words for strengths, newest first, without repeats. */
export const ownStrengthWords = (history: CheckIn[]): string[] => [...new Set(history.flatMap((c) => (c.strengthsOther ? [c.strengthsOther] : [])))];

/** For a CV text: the top strengths (at most `max`) in ESCO group order, so the text reads by theme. */
export function cvStrengths(summary: StrengthCount[], max = 5): Array<{ group: EscoGroup; ids: StrengthId[] }> {
  const top = summary.slice(0, max);
  return escoGroups
    .map((group) => ({ group, ids: top.filter((s) => s.group === group).map((s) => s.id) }))
    .filter((g) => g.ids.length > 0);
}

/** Mood points for the chart and the words beside it, oldest first. */
export const moodSeries = (history: CheckIn[]): Array<{ at: string; mood: number }> =>
  history
    .filter((c) => c.mood !== undefined)
    .map((c) => ({ at: c.createdAt, mood: c.mood! }))
    .reverse();
