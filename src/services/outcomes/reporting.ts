import { createHmac } from 'node:crypto';
import type { Group } from '../../domain/groups';
import { programmeReport, type ProgrammeReport, type ReportGroupInput } from '../../domain/outcomes';
import type { GroupRepository } from '../groups';
import type { OutcomeRepository, ReportSources } from './ports';

/** A keyed hash: stable within a group's reports, unlinkable to the person without the group's key. */
export const pseudonymOf = (key: string, userId: string) => `P-${createHmac('sha256', key).update(userId).digest('hex').slice(0, 10)}`;

/** Everyone who took part in the group: its members now, then those who left (each person once). */
export async function everyoneIn(groups: GroupRepository, group: Group): Promise<Array<{ userId: string; displayName: string; left: boolean }>> {
  const current = group.members.map((m) => ({ userId: m.userId, displayName: m.displayName, left: false }));
  const former = (await groups.listFormerMembers(group.groupId))
    .filter((f) => !group.members.some((m) => m.userId === f.userId))
    .sort((a, b) => a.leftAt.localeCompare(b.leftAt))
    .map((f) => ({ userId: f.userId, displayName: f.displayName, left: true }));
  return [...current, ...former];
}

/** Reads what the report of some groups needs and computes it (domain/outcomes/report.ts). */
export async function reportOf(deps: { groups: GroupRepository; store: OutcomeRepository; sources: ReportSources }, groups: readonly Group[]): Promise<ProgrammeReport> {
  const inputs = await Promise.all(
    groups.map(async (g): Promise<ReportGroupInput> => {
      const people = await everyoneIn(deps.groups, g);
      const ids = people.map((p) => p.userId);
      const [key, entries, followUps, attendance, checkIns, alerts] = await Promise.all([
        deps.store.reportKey(g.groupId),
        deps.store.listEntries(g.groupId),
        deps.store.listFollowUps(g.groupId),
        deps.store.listAttendance(g.groupId),
        deps.sources.countCheckIns(g.groupId, ids),
        deps.sources.listAlertAnswers(g.groupId),
      ]);
      const participants = people.map((p) => ({ userId: p.userId, pseudonym: pseudonymOf(key, p.userId), left: p.left }));
      return { groupId: g.groupId, groupName: g.name, participants, entries, followUps, attendance, checkIns, alerts };
    }),
  );
  return programmeReport(inputs);
}
