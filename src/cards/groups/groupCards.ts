import type { Group, Invite, Member } from '../../domain/groups/model';
import type { Locale } from '../../domain/shared/locale';
import { formatDate, translator, type Translate } from '../../i18n';
import { submit } from '../shared/actions';
import { adaptiveCard as card } from '../shared/elements';


/** The invite: the code big enough to read aloud, and a sentence in the group's own language to forward as is. */
export function inviteCard(t: Translate, viewer: Locale, group: Group, invite: Invite, replacedCode?: string) {
  const groupT = translator(group.locale);
  const expires = formatDate(invite.expiresAt, viewer, group.timeZone);
  const forward = groupT('invite.forward', {
    group: group.name,
    code: invite.code,
    date: formatDate(invite.expiresAt, group.locale, group.timeZone),
  });
  return card([
    { type: 'TextBlock', text: t('invite.title', { group: group.name }), weight: 'Bolder', size: 'Medium', wrap: true, style: 'heading' },
    { type: 'TextBlock', text: invite.code, size: 'ExtraLarge', fontType: 'Monospace', weight: 'Bolder' },
    { type: 'TextBlock', text: t('invite.expires', { date: expires }), isSubtle: true, wrap: true },
    ...(replacedCode ? [{ type: 'TextBlock', text: t('invite.replaced', { code: replacedCode }), wrap: true }] : []),
    { type: 'TextBlock', text: t('invite.forwardLabel'), weight: 'Bolder', wrap: true },
    { type: 'TextBlock', text: forward, wrap: true },
  ]);
}

/**
 * One line per member, "1. Päivi", "2. Pekka": a RichTextBlock, because its text is never read as markdown
 * (a TextBlock or fact title "2." is a list item that Web Chat numbers "1." again, and a name stays a name).
 */
const rosterLine = (number: number, name: string) => ({ type: 'RichTextBlock', inlines: [{ type: 'TextRun', text: `${number}. ${name}` }] });

/** `departures`: when members erased their data (issue 12): the roster says only that someone left. */
export function rosterCard(t: Translate, viewer: Locale, group: Group, members: Member[], freePlaces: number, departures: string[] = []) {
  const lines = members.map((m, i) => rosterLine(i + 1, m.displayName || t('roster.unnamed')));
  return card(
    [
      { type: 'TextBlock', text: group.name, weight: 'Bolder', size: 'Medium', wrap: true, style: 'heading' },
      {
        type: 'TextBlock',
        text: t('roster.count', { count: members.length, max: members.length + freePlaces }),
        wrap: true,
      },
      ...(lines.length > 0 ? lines : [{ type: 'TextBlock', text: t('roster.empty'), wrap: true }]),
      ...departures.slice(0, 4).map((at) => ({ type: 'TextBlock', text: t('checkins.roster.memberLeft', { date: formatDate(at, viewer, group.timeZone) }), wrap: true, isSubtle: true })),
      ...(group.inviteCode && group.inviteExpiresAt
        ? [
            {
              type: 'TextBlock',
              text: t('roster.invite', { code: group.inviteCode, date: formatDate(group.inviteExpiresAt, viewer, group.timeZone) }),
              wrap: true,
              isSubtle: true,
            },
          ]
        : []),
    ],
    [
      submit(t('roster.renew'), { action: 'renewInvite', groupId: group.groupId }),
      // The group's check-ins (issue 12): from the roster, so the leader's menu stays short.
      submit(t('menu.actions.checkins.leader'), { action: 'checkins.leader', groupId: group.groupId }),
    ],
  );
}

/** Before a new code: the old one stops working at once, so the leader is asked first. */
export function renewInviteQuestion(t: Translate, group: Group) {
  return card(
    [{ type: 'TextBlock', text: t('invite.renewQuestion', { code: group.inviteCode ?? '', group: group.name }), wrap: true }],
    [submit(t('invite.renewYes'), { action: 'renewInvite', groupId: group.groupId, confirmed: true }), submit(t('invite.renewNo'), { action: 'myGroups' })],
  );
}

/** What a participant sees of their own group: first names only, never anyone's limits. */
export function myGroupCard(t: Translate, group: Group, leaderName: string) {
  return card(
    [
      { type: 'TextBlock', text: group.name, weight: 'Bolder', size: 'Medium', wrap: true, style: 'heading' },
      { type: 'TextBlock', text: t('myGroup.leader', { name: leaderName }), wrap: true },
      {
        type: 'TextBlock',
        text: t('myGroup.members', { names: group.members.map((m) => m.displayName || t('roster.unnamed')).join(', ') }),
        wrap: true,
      },
    ],
    [submit(t('menu.actions.meetings'), { action: 'meetings' }), submit(t('menu.actions.leave'), { action: 'leave' })],
  );
}
