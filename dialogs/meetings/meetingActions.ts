import type { TurnContext } from 'botbuilder';
import { attendanceFromPayload, type AttendancePayload, type RsvpPayload } from '../../src/cards/meetings/payloads';
import { attendanceCard, leaderMeetingsCard, memberMeetingsCard } from '../../src/cards/meetings/meetingCards';
import type { RsvpAnswer } from '../../src/domain/meetings/model';
import { localeOf, sendCard, tOf, userIdOf, type DialogDeps } from '../shared/context';
import { personalZone } from '../../src/domain/people';

/**
 * Card buttons about meetings that are answered in one turn: the meetings list, RSVP, the
 * attendance roster and its answers. They never interrupt a dialog in progress.
 */
export class MeetingActions {
  constructor(private readonly deps: DialogDeps) {}

  /** Leaders see each group they lead; a participant sees their own group's meetings. */
  async showMeetings(context: TurnContext): Promise<void> {
    const t = tOf(context);
    const locale = localeOf(context);
    const userId = userIdOf(context);
    const [led, user] = await Promise.all([this.deps.groups.groupsLedBy(userId), this.deps.users.get(userId)]);
    for (const group of led) {
      const { upcoming, recent, undelivered } = await this.deps.overview.leaderOverview(userId, group);
      await sendCard(context, leaderMeetingsCard(t, locale, group, upcoming, recent, undelivered));
    }
    if (user?.groupId) {
      const { group, upcoming } = await this.deps.overview.memberOverview(userId, user.groupId);
      await sendCard(context, memberMeetingsCard(t, locale, personalZone(user, group.timeZone), group, upcoming));
    } else if (led.length === 0) {
      await context.sendActivity(t('errors.NOT_IN_GROUP'));
    }
  }

  async rsvp(context: TurnContext, action: RsvpPayload): Promise<void> {
    const t = tOf(context);
    const { meeting } = await this.deps.attendance.rsvp(userIdOf(context), action.groupId, action.meetingId, action.answer);
    await context.sendActivity(t(`rsvp.saved.${action.answer satisfies RsvpAnswer}`, { title: meeting.title }));
  }

  async showAttendance(context: TurnContext, action: { groupId: string; meetingId: string }): Promise<void> {
    const { group, meeting, attendance } = await this.deps.attendance.attendanceRoster(userIdOf(context), action.groupId, action.meetingId);
    await sendCard(context, attendanceCard(tOf(context), localeOf(context), group, meeting, attendance));
  }

  async saveAttendance(context: TurnContext, action: AttendancePayload): Promise<void> {
    const t = tOf(context);
    const marks = attendanceFromPayload(action);
    if (marks.length === 0) {
      await context.sendActivity(t('attendance.nothingMarked'));
      return;
    }
    await this.deps.attendance.recordAttendanceMany(userIdOf(context), action.groupId, action.meetingId, marks);
    const present = marks.filter((m) => m.status === 'present').length;
    await context.sendActivity(t('attendance.saved', { present, absent: marks.length - present }));
  }
}
