import { translator } from '../../i18n';
import type { LeaderNoticeRenderer } from '../../services/groups';

/** The leader's notice of a join or a leave, in the leader's language; a person without a name is "a participant". */
export const leaderNoticeRenderer: LeaderNoticeRenderer = {
  render({ event, locale, group, memberName, count }) {
    const t = translator(locale);
    const name = memberName || t('roster.unnamed');
    return { text: event === 'joined' ? t('join.leaderNotice', { name, group: group.name, count }) : t('leave.leaderNotice', { name, group: group.name }) };
  },
};
