import type { Locale } from '../../domain/shared/locale';
import type { Group } from '../../domain/groups';
import { rsvpAnswers, type Attendance, type RsvpAnswer, type Meeting } from '../../domain/meetings/model';
import { formatDateTime, formatDateTimeRange, translator, type Translate } from '../../i18n';
import type { OutboundMessage } from '../../services/shared/ports';
import type { ReminderRenderer, MeetingMessageRequest } from '../../services/meetings/ports';
import type { MeetingWithAnswers, Undelivered } from '../../services/meetings';
import { submit } from '../shared/actions';
import { adaptiveCard, heading, textBlock } from '../shared/elements';
import { checkInButton } from '../checkins';

/** Snoozing a reminder offers "again in an hour": long enough to matter, short enough to stay before a 2 h reminder's meeting. */
export const snoozeMinutes = 60;

/** A card the client can also announce or show in a notification as one line. */
const card = (body: object[], actions: object[] = [], fallbackText?: string) =>
  adaptiveCard(body, actions, fallbackText ? { fallbackText, speak: fallbackText } : {});
const line = (text: string, subtle = false) => textBlock(text, subtle ? { isSubtle: true } : {});

/** "ti 1.12. klo 10.00–11.30": start with weekday and date, end as a time only. */
export function meetingWhen(meeting: Pick<Meeting, 'startsAt' | 'endsAt'>, locale: Locale, zone: string): string {
  return formatDateTimeRange(meeting.startsAt, meeting.endsAt, locale, zone);
}

/** When and where as a FactSet, with the zone named when it is not the group's own. */
function whenWhere(t: Translate, meeting: Meeting, locale: Locale, zone: string, groupZone: string): object[] {
  const facts = [{ title: t('meetingMessage.when'), value: meetingWhen(meeting, locale, zone) }];
  if (meeting.place) facts.push({ title: t('meetingMessage.where'), value: meeting.place });
  return [{ type: 'FactSet', facts }, ...(zone !== groupZone ? [line(t('meetingMessage.zoneNote', { zone }), true)] : [])];
}

const rsvpButtons = (t: Translate, meeting: Meeting) =>
  rsvpAnswers.map((answer) => submit(t(`rsvp.buttons.${answer}`), { action: 'rsvp', groupId: meeting.groupId, meetingId: meeting.id, answer }));

/** A message about one meeting: heading, what leads up to it, when and where, a closing question, buttons. */
function meetingCard(t: Translate, r: MeetingMessageRequest, title: string, lead: object[], closing: string, actions: object[]) {
  return card(
    [heading(title), ...lead, ...whenWhere(t, r.meeting, r.locale, r.timeZone, r.group.timeZone), line(closing)],
    actions,
    `${title} ${meetingWhen(r.meeting, r.locale, r.timeZone)}`,
  );
}

/** A reminder: when and where, "will you come?", and a snooze. */
const reminderCard = (t: Translate, r: MeetingMessageRequest) =>
  meetingCard(t, r, t('meetingMessage.reminder.title', { title: r.meeting.title }), [], t('meetingMessage.ask'), [
    ...rsvpButtons(t, r.meeting),
    submit(t('meetingMessage.reminder.snooze', { count: snoozeMinutes }), { action: 'snooze', groupId: r.group.groupId, jobId: r.jobId, minutes: snoozeMinutes }),
  ]);

const scheduledCard = (t: Translate, r: MeetingMessageRequest) =>
  meetingCard(
    t,
    r,
    t('meetingMessage.scheduled.title', { title: r.meeting.title }),
    [line(t('meetingMessage.scheduled.intro', { group: r.group.name }))],
    t('meetingMessage.ask'),
    rsvpButtons(t, r.meeting),
  );

const movedCard = (t: Translate, r: MeetingMessageRequest) =>
  meetingCard(
    t,
    r,
    t('meetingMessage.moved.title', { title: r.meeting.title }),
    r.previousStartsAt ? [line(t('meetingMessage.moved.was', { when: formatDateTime(r.previousStartsAt, r.locale, r.timeZone) }), true)] : [],
    t('meetingMessage.moved.ask'),
    rsvpButtons(t, r.meeting),
  );

function cancelledCard(t: Translate, r: MeetingMessageRequest) {
  const title = t('meetingMessage.cancelled.title', { title: r.meeting.title });
  return card(
    [heading(title), line(t('meetingMessage.cancelled.text', { when: formatDateTime(r.meeting.startsAt, r.locale, r.timeZone) }))],
    [],
    title,
  );
}

/** The leader's roster: one present/absent choice per participant, what is already recorded preselected. */
export function attendanceCard(t: Translate, locale: Locale, group: Group, meeting: Meeting, recorded: Attendance[]) {
  const title = t('attendance.title', { title: meeting.title });
  const inputs = group.members.map((m, i) => ({
    type: 'Input.ChoiceSet',
    id: `m${i}`,
    label: m.displayName || t('roster.unnamed'),
    style: 'expanded',
    wrap: true,
    value: recorded.find((a) => a.userId === m.userId)?.status ?? '',
    choices: [
      { title: t('attendance.present'), value: 'present' },
      { title: t('attendance.absent'), value: 'absent' },
    ],
  }));
  return card(
    [heading(title), line(meetingWhen(meeting, locale, group.timeZone), true), line(t('attendance.intro')), ...inputs],
    [submit(t('attendance.save'), { action: 'attendance.save', groupId: group.groupId, meetingId: meeting.id, members: group.members.map((m) => m.userId) })],
    title,
  );
}

/** Words the scheduler sends: one card per message, in the recipient's language and zone. */
export const meetingMessageRenderer: ReminderRenderer = {
  render(r: MeetingMessageRequest): OutboundMessage {
    const t = translator(r.locale);
    switch (r.kind) {
      case 'reminder':
        return { cards: [reminderCard(t, r)] };
      case 'meeting_scheduled':
        return { cards: [scheduledCard(t, r)] };
      case 'meeting_moved':
        return { cards: [movedCard(t, r)] };
      case 'meeting_cancelled':
        return { cards: [cancelledCard(t, r)] };
      case 'attendance_roster':
        return { text: t('attendance.ended', { title: r.meeting.title }), cards: [attendanceCard(t, r.locale, r.group, r.meeting, r.attendance ?? [])] };
    }
  },
};

const count = <T>(items: T[], pick: (item: T) => boolean) => items.filter(pick).length;

/** A participant's upcoming meetings, each with their own answer and the buttons to give or change it. */
export function memberMeetingsCard(t: Translate, locale: Locale, zone: string, group: Group, upcoming: Array<{ meeting: Meeting; myAnswer?: RsvpAnswer }>) {
  const body: object[] = [heading(t('meetings.title', { group: group.name }))];
  if (upcoming.length === 0) body.push(line(t('meetings.noneMember')));
  for (const { meeting, myAnswer } of upcoming) {
    body.push({
      type: 'Container',
      separator: true,
      items: [
        textBlock(meeting.title, { weight: 'Bolder' }),
        ...whenWhere(t, meeting, locale, zone, group.timeZone),
        line(myAnswer ? t('meetings.yourAnswer', { answer: t(`rsvp.answers.${myAnswer}`) }) : t('meetings.noAnswer'), true),
        { type: 'ActionSet', actions: rsvpButtons(t, meeting) },
      ],
    });
  }
  return card(body);
}

/** The leader's meetings of one group: upcoming with answers, move and cancel; recent ones with the roster. */
export function leaderMeetingsCard(
  t: Translate,
  locale: Locale,
  group: Group,
  upcoming: MeetingWithAnswers[],
  recent: MeetingWithAnswers[],
  undelivered: Undelivered[] = [],
) {
  const members = group.members.length;
  const body: object[] = [heading(t('meetings.title', { group: group.name }))];
  if (upcoming.length === 0) body.push(line(t('meetings.noneLeader')));
  for (const { meeting, rsvps } of upcoming) {
    const answers = {
      yes: count(rsvps, (r) => r.answer === 'yes'),
      maybe: count(rsvps, (r) => r.answer === 'maybe'),
      no: count(rsvps, (r) => r.answer === 'no'),
    };
    body.push({
      type: 'Container',
      separator: true,
      items: [
        textBlock(meeting.title, { weight: 'Bolder' }),
        ...whenWhere(t, meeting, locale, group.timeZone, group.timeZone),
        line(t('meetings.answers', { ...answers, none: Math.max(0, members - answers.yes - answers.maybe - answers.no) }), true),
        {
          type: 'ActionSet',
          actions: [
            submit(t('meetings.move'), { action: 'meeting.move', groupId: group.groupId, meetingId: meeting.id }),
            submit(t('meetings.cancel'), { action: 'meeting.cancel', groupId: group.groupId, meetingId: meeting.id }),
          ],
        },
      ],
    });
  }
  if (recent.length > 0) body.push({ ...heading(t('meetings.recentTitle')), size: 'Default', separator: true });
  for (const { meeting, attendance } of recent) {
    const present = count(attendance, (a) => a.status === 'present');
    const absent = count(attendance, (a) => a.status === 'absent');
    body.push({
      type: 'Container',
      items: [
        textBlock(meeting.title, { weight: 'Bolder' }),
        line(meetingWhen(meeting, locale, group.timeZone), true),
        line(t('meetings.attendance', { present, absent, unmarked: Math.max(0, members - present - absent) }), true),
        { type: 'ActionSet', actions: [submit(t('meetings.markAttendance'), { action: 'attendance', groupId: group.groupId, meetingId: meeting.id })] },
      ],
    });
  }
  if (undelivered.length > 0) {
    body.push({ ...heading(t('meetings.undelivered.title')), size: 'Default', separator: true }, line(t('meetings.undelivered.intro'), true));
    for (const u of undelivered) {
      const name = group.members.find((m) => m.userId === u.userId)?.displayName || t('roster.unnamed');
      body.push(line(t('meetings.undelivered.line', { name, when: formatDateTime(u.at, locale, group.timeZone), reason: t(`meetings.undelivered.${undeliveredReason(u)}`) })));
    }
  }
  return card(body, [submit(t('meetings.schedule'), { action: 'meeting.new', groupId: group.groupId })]);
}

/** Why a message did not arrive, in words a leader can act on. */
function undeliveredReason(u: Undelivered): 'noChat' | 'removed' | 'failing' {
  if (u.status === 'failed') return 'failing';
  return u.reason === 'no_conversation' ? 'noChat' : 'removed';
}

/** After a meeting: the hook of the participant's check-in. */
export function reflectionPromptMessage(locale: Locale, meeting: Meeting): OutboundMessage {
  const t = translator(locale);
  // The check-in button carries the meeting, so the check-in belongs to it (issue 12).
  return { text: t('reflection.prompt', { title: meeting.title }), cards: [adaptiveCard([], [checkInButton(t, meeting.id)])] };
}
