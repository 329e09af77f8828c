import { notVoted, tally } from '../../domain/activities';
import type { CheckIn } from '../../domain/checkins';
import type { Group } from '../../domain/groups';
import { digestWeeks, weeklyEngagement, type EngagementEvent, type Observation } from '../../domain/leader';
import type { ActivityStore } from '../activities';
import type { CheckInRepository } from '../checkins';
import type { MeetingRepository } from '../meetings';
import { findPersonalConversation, type ConversationRefRepository } from '../people';
import type { GroupDigest, UpcomingMeeting } from './digestPorts';
import type { LeaderRepository, SignalSource } from './ports';

export interface DigestViewDeps {
  meetings: MeetingRepository;
  activities: Pick<ActivityStore, 'listRounds' | 'listVotes'>;
  checkIns: Pick<CheckInRepository, 'listInGroup'>;
  refs: ConversationRefRepository;
  leader: Pick<LeaderRepository, 'listStates' | 'listAlerts'>;
  /** Meetings and votes as observations: the picture counts what happened per week (check-ins come from the entries read here). */
  sources: readonly SignalSource[];
}

const day = 86_400_000;
/** Meetings this far ahead are "next"; the last meeting is looked for this far back. */
const aheadDays = 8;
const lastMeetingDays = 35;
const maxUpcoming = 3;

/** Something a participant did that the leader may see, from an observation (never its content). */
function engagementEvent(o: Observation): EngagementEvent[] {
  if (o.signal === 'meeting') return [...(o.attendance === 'present' ? [{ userId: o.userId, at: o.at }] : []), ...(o.answered ? [{ userId: o.userId, at: o.at }] : [])];
  if (o.signal === 'vote') return o.voted ? [{ userId: o.userId, at: o.at }] : [];
  if (o.signal === 'checkin') return [{ userId: o.userId, at: o.at }];
  return [];
}

/** Builds one group's digest from the stores: what the leader may see, since `since`. */
export class DigestViewBuilder {
  constructor(private readonly deps: DigestViewDeps) {}

  async build(group: Group, since: string, now: Date, zone: string): Promise<GroupDigest> {
    const nowIso = now.toISOString();
    const name = (userId: string) => group.members.find((m) => m.userId === userId)?.displayName ?? '';
    const members = group.members.map((m) => m.userId);
    const [upcoming, lastMeeting, openRound, checkIns, unreachable, alerts, observed] = await Promise.all([
      this.upcoming(group, now, name),
      this.lastMeeting(group, now, name),
      this.openRound(group, name),
      Promise.all(group.members.map(async (m) => ({ userId: m.userId, entries: await this.deps.checkIns.listInGroup(m.userId, group.groupId, 50) }))),
      Promise.all(members.map(async (userId) => ({ userId, target: await findPersonalConversation(this.deps.refs, userId) }))),
      this.openAlerts(group),
      this.observed(group, now),
    ]);
    const mine = (userId: string, entries: CheckIn[]) => entries.filter((c) => c.userId === userId && c.groupId === group.groupId);
    const checkedIn = checkIns.flatMap(({ userId, entries }) => mine(userId, entries).map((c) => ({ userId, at: c.createdAt })));
    const engagement = weeklyEngagement(members, [...observed, ...checkedIn], zone, now);
    const newCheckIns = checkIns
      .map(({ userId, entries }) => ({ userId, entries: mine(userId, entries).filter((c) => c.createdAt >= since && c.createdAt <= nowIso) }))
      .filter((c) => c.entries.length > 0)
      .map(({ userId, entries }) => ({ name: name(userId), count: entries.length, shared: entries.filter((c) => c.shared) }));
    // Next steps only from entries the person shared: a private entry's step (and whether it happened) stays theirs.
    const nextSteps = checkIns.flatMap(({ userId, entries }) =>
      mine(userId, entries)
        .filter((c) => c.shared && c.nextStep && (c.createdAt >= since || (c.nextStep.answeredAt ?? '') >= since))
        .map((c) => ({ name: name(userId), text: c.nextStep!.text, ...(c.nextStep!.date ? { date: c.nextStep!.date } : {}), ...(c.nextStep!.outcome ? { outcome: c.nextStep!.outcome } : {}) })),
    );
    const cannotReach = unreachable.flatMap(({ userId, target }) =>
      'unreachable' in target ? [{ name: name(userId), why: target.reason === 'no_conversation' ? ('never_opened' as const) : ('removed' as const) }] : [],
    );
    const freshMeeting = lastMeeting && lastMeeting.meeting.endsAt >= since;
    const news =
      group.members.length > 0 &&
      (upcoming.length > 0 || Boolean(freshMeeting) || Boolean(openRound) || newCheckIns.length > 0 || nextSteps.length > 0 || cannotReach.length > 0 || alerts.length > 0);
    return {
      group,
      upcoming,
      ...(openRound ? { openRound } : {}),
      ...(lastMeeting ? { lastMeeting } : {}),
      checkIns: newCheckIns,
      nextSteps,
      unreachable: cannotReach,
      alerts: alerts.map((a) => ({ name: name(a.userId), reasons: a.reasons })),
      engagement: { weekStarts: engagement.weekStarts, rows: members.map((u) => ({ name: name(u), counts: engagement.counts[u]! })) },
      news,
    };
  }

  private async upcoming(group: Group, now: Date, name: (u: string) => string): Promise<UpcomingMeeting[]> {
    const until = new Date(now.getTime() + aheadDays * day).toISOString();
    const meetings = (await this.deps.meetings.listUpcoming(group.groupId, now.toISOString()))
      .filter((m) => m.status === 'scheduled' && m.startsAt >= now.toISOString() && m.startsAt < until)
      .slice(0, maxUpcoming);
    if (meetings.length === 0) return [];
    const rsvps = await this.deps.meetings.listRsvpsOf(group.groupId, meetings.map((m) => m.id));
    return meetings.map((meeting) => {
      const answer = (userId: string) => rsvps.find((r) => r.meetingId === meeting.id && r.userId === userId)?.answer;
      const who = (a: string | undefined) => group.members.filter((m) => answer(m.userId) === a).map((m) => name(m.userId));
      return { meeting, yes: who('yes'), no: who('no'), maybe: who('maybe'), unanswered: who(undefined) };
    });
  }

  private async lastMeeting(group: Group, now: Date, name: (u: string) => string): Promise<GroupDigest['lastMeeting']> {
    const [meeting] = await this.deps.meetings.listEnded(group.groupId, new Date(now.getTime() - lastMeetingDays * day).toISOString(), now.toISOString());
    if (!meeting) return undefined;
    const marks = await this.deps.meetings.listAttendance(group.groupId, meeting.id);
    const status = (userId: string) => marks.find((a) => a.userId === userId)?.status;
    const who = (s: string | undefined) => group.members.filter((m) => status(m.userId) === s).map((m) => name(m.userId));
    return { meeting, present: who('present'), absent: who('absent'), unmarked: who(undefined) };
  }

  /** The open vote round and who of the members has not voted (names only: never what anyone voted). */
  private async openRound(group: Group, name: (u: string) => string): Promise<GroupDigest['openRound']> {
    const round = (await this.deps.activities.listRounds(group.groupId)).find((r) => r.status === 'open');
    if (!round) return undefined;
    // The ballot's own rule: a tick taken back is no vote; "none of these" is one.
    const members = group.members.map((m) => m.userId);
    const { voters } = tally(round, await this.deps.activities.listVotes(group.groupId, round.id), members);
    return { deadline: round.deadline, notVoted: notVoted(voters, members).map(name) };
  }

  /** People in an open episode of the early warning, with the reasons of their latest alert. */
  private async openAlerts(group: Group) {
    const [states, alerts] = await Promise.all([this.deps.leader.listStates(group.groupId), this.deps.leader.listAlerts(group.groupId)]);
    return states
      .filter((s) => s.status === 'flagged' && group.members.some((m) => m.userId === s.userId))
      .flatMap((s) => {
        const latest = alerts.filter((a) => a.userId === s.userId).sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0];
        return latest ? [{ userId: s.userId, reasons: latest.reasons }] : [];
      });
  }

  /** What the members did over the weeks of the picture, from the signal sources (meetings, votes). */
  private async observed(group: Group, now: Date): Promise<EngagementEvent[]> {
    const window = { from: new Date(now.getTime() - (digestWeeks * 7 + 1) * day).toISOString(), to: now.toISOString() };
    return (await Promise.all(this.deps.sources.map((s) => s.collect(group, window)))).flat().flatMap(engagementEvent);
  }
}
