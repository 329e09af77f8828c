import type { Locale } from '../domain/locale';
import type { Group } from '../domain/model';
import { rsvpAnswers, type Attendance, type RsvpAnswer, type Session } from '../domain/sessions';
import { formatDateTime, formatTime, translator, type Translate } from '../i18n';
import type { OutboundMessage, ReminderRenderer, SessionMessageRequest } from '../services/ports';
import type { SessionWithAnswers, Undelivered } from '../services/sessions';
import { submit } from './actions';
import { adaptiveCard, heading, textBlock } from './elements';
import { checkInButton } from './checkins/checkInCard';

/** Snoozing a reminder offers "again in an hour": long enough to matter, short enough to stay before a 2 h reminder's meeting. */
export const snoozeMinutes = 60;

/** A card the client can also announce or show in a notification as one line. */
const card = (body: object[], actions: object[] = [], fallbackText?: string) =>
  adaptiveCard(body, actions, fallbackText ? { fallbackText, speak: fallbackText } : {});
const line = (text: string, subtle = false) => textBlock(text, subtle ? { isSubtle: true } : {});

/** "ti 1.12. klo 10.00–11.30": start with weekday and date, end as a time only. */
export function sessionWhen(session: Pick<Session, 'startsAt' | 'endsAt'>, locale: Locale, zone: string): string {
  const end = formatTime(session.endsAt, locale, zone);
  return `${formatDateTime(session.startsAt, locale, zone)}–${end}`;
}

/** When and where as a FactSet, with the zone named when it is not the group's own. */
function whenWhere(t: Translate, session: Session, locale: Locale, zone: string, groupZone: string): object[] {
  const facts = [{ title: t('sessionMessage.when'), value: sessionWhen(session, locale, zone) }];
  if (session.place) facts.push({ title: t('sessionMessage.where'), value: session.place });
  return [{ type: 'FactSet', facts }, ...(zone !== groupZone ? [line(t('sessionMessage.zoneNote', { zone }), true)] : [])];
}

const rsvpButtons = (t: Translate, session: Session) =>
  rsvpAnswers.map((answer) => submit(t(`rsvp.buttons.${answer}`), { action: 'rsvp', groupId: session.groupId, sessionId: session.id, answer }));

/** A message about one session: heading, what leads up to it, when and where, a closing question, buttons. */
function sessionCard(t: Translate, r: SessionMessageRequest, title: string, lead: object[], closing: string, actions: object[]) {
  return card(
    [heading(title), ...lead, ...whenWhere(t, r.session, r.locale, r.timeZone, r.group.timeZone), line(closing)],
    actions,
    `${title} ${sessionWhen(r.session, r.locale, r.timeZone)}`,
  );
}

/** A reminder: when and where, "will you come?", and a snooze. */
const reminderCard = (t: Translate, r: SessionMessageRequest) =>
  sessionCard(t, r, t('sessionMessage.reminder.title', { title: r.session.title }), [], t('sessionMessage.ask'), [
    ...rsvpButtons(t, r.session),
    submit(t('sessionMessage.reminder.snooze', { count: snoozeMinutes }), { action: 'snooze', groupId: r.group.groupId, jobId: r.jobId, minutes: snoozeMinutes }),
  ]);

const scheduledCard = (t: Translate, r: SessionMessageRequest) =>
  sessionCard(
    t,
    r,
    t('sessionMessage.scheduled.title', { title: r.session.title }),
    [line(t('sessionMessage.scheduled.intro', { group: r.group.name }))],
    t('sessionMessage.ask'),
    rsvpButtons(t, r.session),
  );

const movedCard = (t: Translate, r: SessionMessageRequest) =>
  sessionCard(
    t,
    r,
    t('sessionMessage.moved.title', { title: r.session.title }),
    r.previousStartsAt ? [line(t('sessionMessage.moved.was', { when: formatDateTime(r.previousStartsAt, r.locale, r.timeZone) }), true)] : [],
    t('sessionMessage.moved.ask'),
    rsvpButtons(t, r.session),
  );

function cancelledCard(t: Translate, r: SessionMessageRequest) {
  const title = t('sessionMessage.cancelled.title', { title: r.session.title });
  return card(
    [heading(title), line(t('sessionMessage.cancelled.text', { when: formatDateTime(r.session.startsAt, r.locale, r.timeZone) }))],
    [],
    title,
  );
}

/** The leader's roster: one present/absent choice per participant, what is already recorded preselected. */
export function attendanceCard(t: Translate, locale: Locale, group: Group, session: Session, recorded: Attendance[]) {
  const title = t('attendance.title', { title: session.title });
  const inputs = group.members.map((m, i) => ({
    type: 'Input.ChoiceSet',
    id: `m${i}`,
    label: m.displayName || t('roster.unnamed'),
    style: 'expanded',
    value: recorded.find((a) => a.userId === m.userId)?.status ?? '',
    choices: [
      { title: t('attendance.present'), value: 'present' },
      { title: t('attendance.absent'), value: 'absent' },
    ],
  }));
  return card(
    [heading(title), line(sessionWhen(session, locale, group.timeZone), true), line(t('attendance.intro')), ...inputs],
    [submit(t('attendance.save'), { action: 'attendance.save', groupId: group.groupId, sessionId: session.id, members: group.members.map((m) => m.userId) })],
    title,
  );
}

/** Words the scheduler sends: one card per message, in the recipient's language and zone. */
export const sessionMessageRenderer: ReminderRenderer = {
  render(r: SessionMessageRequest): OutboundMessage {
    const t = translator(r.locale);
    switch (r.kind) {
      case 'reminder':
        return { cards: [reminderCard(t, r)] };
      case 'session_scheduled':
        return { cards: [scheduledCard(t, r)] };
      case 'session_moved':
        return { cards: [movedCard(t, r)] };
      case 'session_cancelled':
        return { cards: [cancelledCard(t, r)] };
      case 'attendance_roster':
        return { text: t('attendance.ended', { title: r.session.title }), cards: [attendanceCard(t, r.locale, r.group, r.session, r.attendance ?? [])] };
    }
  },
};

const count = <T>(items: T[], pick: (item: T) => boolean) => items.filter(pick).length;

/** A participant's upcoming meetings, each with their own answer and the buttons to give or change it. */
export function memberMeetingsCard(t: Translate, locale: Locale, zone: string, group: Group, upcoming: Array<{ session: Session; myAnswer?: RsvpAnswer }>) {
  const body: object[] = [heading(t('meetings.title', { group: group.name }))];
  if (upcoming.length === 0) body.push(line(t('meetings.noneMember')));
  for (const { session, myAnswer } of upcoming) {
    body.push({
      type: 'Container',
      separator: true,
      items: [
        textBlock(session.title, { weight: 'Bolder' }),
        ...whenWhere(t, session, locale, zone, group.timeZone),
        line(myAnswer ? t('meetings.yourAnswer', { answer: t(`rsvp.answers.${myAnswer}`) }) : t('meetings.noAnswer'), true),
        { type: 'ActionSet', actions: rsvpButtons(t, session) },
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
  upcoming: SessionWithAnswers[],
  recent: SessionWithAnswers[],
  undelivered: Undelivered[] = [],
) {
  const members = group.members.length;
  const body: object[] = [heading(t('meetings.title', { group: group.name }))];
  if (upcoming.length === 0) body.push(line(t('meetings.noneLeader')));
  for (const { session, rsvps } of upcoming) {
    const answers = {
      yes: count(rsvps, (r) => r.answer === 'yes'),
      maybe: count(rsvps, (r) => r.answer === 'maybe'),
      no: count(rsvps, (r) => r.answer === 'no'),
    };
    body.push({
      type: 'Container',
      separator: true,
      items: [
        textBlock(session.title, { weight: 'Bolder' }),
        ...whenWhere(t, session, locale, group.timeZone, group.timeZone),
        line(t('meetings.answers', { ...answers, none: Math.max(0, members - answers.yes - answers.maybe - answers.no) }), true),
        {
          type: 'ActionSet',
          actions: [
            submit(t('meetings.move'), { action: 'session.move', groupId: group.groupId, sessionId: session.id }),
            submit(t('meetings.cancel'), { action: 'session.cancel', groupId: group.groupId, sessionId: session.id }),
          ],
        },
      ],
    });
  }
  if (recent.length > 0) body.push({ ...heading(t('meetings.recentTitle')), size: 'Default', separator: true });
  for (const { session, attendance } of recent) {
    const present = count(attendance, (a) => a.status === 'present');
    const absent = count(attendance, (a) => a.status === 'absent');
    body.push({
      type: 'Container',
      items: [
        textBlock(session.title, { weight: 'Bolder' }),
        line(sessionWhen(session, locale, group.timeZone), true),
        line(t('meetings.attendance', { present, absent, unmarked: Math.max(0, members - present - absent) }), true),
        { type: 'ActionSet', actions: [submit(t('meetings.markAttendance'), { action: 'attendance', groupId: group.groupId, sessionId: session.id })] },
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
  return card(body, [submit(t('meetings.schedule'), { action: 'session.new', groupId: group.groupId })]);
}

/** Why a message did not arrive, in words a leader can act on. */
function undeliveredReason(u: Undelivered): 'noChat' | 'removed' | 'failing' {
  if (u.status === 'failed') return 'failing';
  return u.reason === 'no_conversation' ? 'noChat' : 'removed';
}

/** After a session: the hook of the participant's check-in. */
export function reflectionPromptMessage(locale: Locale, session: Session): OutboundMessage {
  const t = translator(locale);
  // The check-in button carries the meeting, so the check-in belongs to it (issue 12).
  return { text: t('reflection.prompt', { title: session.title }), cards: [adaptiveCard([], [checkInButton(t, session.id)])] };
}
