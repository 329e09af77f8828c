import type { Group } from '../../domain/groups';
import type { Assessment, Reason } from '../../domain/leader';
import { translator, type Translate } from '../../i18n';
import type { AlertMessageRequest, AlertRenderer, GlanceRow } from '../../services/leader';
import type { OutboundMessage } from '../../services/shared/ports';
import { submit } from '../shared/actions';
import { adaptiveCard, heading, textBlock } from '../shared/elements';

/** One reason in words ("missed 2 of the last 3 meetings"). */
export function reasonText(t: Translate, reason: Reason): string {
  switch (reason.code) {
    case 'missed':
      return t('leader.reason.missed', { missed: reason.missed, of: reason.of });
    case 'reminders_unanswered':
      return t('leader.reason.remindersUnanswered', { count: reason.reminders });
    case 'no_rsvp':
      return t('leader.reason.noRsvp', { count: reason.meetings });
    case 'no_vote':
      return t('leader.reason.noVote', { count: reason.rounds, of: reason.of });
    case 'unreachable':
      return t('leader.reason.unreachable');
    case 'no_checkin':
      return t('leader.reason.noCheckIn', { days: reason.days });
  }
}

/** The reasons in a row, joined with "; " ("missed 2 of the last 3 meetings; the bot can't reach them"). */
export const reasonsList = (t: Translate, reasons: readonly Reason[]): string => reasons.map((r) => reasonText(t, r)).join('; ');

/** The reasons as one sentence: first letter capitalised, a full stop at the end. */
export function reasonsSentence(t: Translate, reasons: readonly Reason[]): string {
  const text = reasonsList(t, reasons);
  return text.charAt(0).toUpperCase() + text.slice(1) + '.';
}

/** A first sentence for the conversation, after the strongest reason. */
export function opener(t: Translate, reasons: readonly Reason[], name: string): string {
  const first = reasons[0]?.code;
  const key = first === 'missed' ? 'missed' : first === 'unreachable' ? 'unreachable' : 'quiet';
  return t(`leader.opener.${key}`, { name });
}

export function alertCard(t: Translate, { group, alert, name }: Omit<AlertMessageRequest, 'locale'>) {
  const answer = (a: string) => ({ action: 'leader.alertFeedback', groupId: group.groupId, alertId: alert.id, answer: a });
  const whyCard = {
    type: 'AdaptiveCard',
    body: [{ type: 'Input.Text', id: 'why', label: t('leader.alert.whyLabel'), maxLength: 300, isMultiline: true }],
    actions: [submit(t('leader.alert.send'), answer('not_useful'))],
  };
  return adaptiveCard(
    [
      heading(t('leader.alert.title', { name })),
      textBlock(t('leader.alert.group', { group: group.name }), { isSubtle: true, spacing: 'None' }),
      textBlock(reasonsSentence(t, alert.reasons)),
      textBlock(t('leader.alert.startWith', { opener: opener(t, alert.reasons, name) })),
    ],
    [
      submit(t('leader.alert.reachOut'), answer('reach_out')),
      submit(t('leader.alert.handled'), answer('handled')),
      { type: 'Action.ShowCard', title: t('leader.alert.notUseful'), card: whyCard },
    ],
    { speak: t('leader.alert.title', { name }) },
  );
}

export const alertRenderer: AlertRenderer = {
  render(request): OutboundMessage {
    const t = translator(request.locale);
    return { text: t('leader.alert.title', { name: request.name }), cards: [alertCard(t, request)] };
  },
};

function rowText(t: Translate, name: string, a: Assessment, flagged: boolean): string {
  const state = !a.judged ? t(a.why === 'paused' ? 'leader.glance.paused' : 'leader.glance.tooEarly') : a.reasons.length === 0 ? t('leader.glance.allWell') : reasonsList(t, a.reasons);
  return `${name}: ${state}${flagged ? ` ${t('leader.glance.alerted')}` : ''}`;
}

/** One group at a glance: a line per participant, kind words, no numbers that read like a grade. */
export function glanceCard(t: Translate, group: Group, rows: readonly GlanceRow[]) {
  const lines = rows.length === 0 ? [textBlock(t('leader.glance.noMembers'))] : rows.map((r) => textBlock(rowText(t, r.name, r.assessment, r.flagged)));
  return adaptiveCard([heading(t('leader.glance.title', { group: group.name })), ...lines, textBlock(t('leader.glance.footer'), { isSubtle: true })]);
}
