import type { Locale } from '../../domain/shared/locale';
import type { Group } from '../../domain/groups';
import type { Translate } from '../../i18n';
import type { LeaderMemberView } from '../../services/checkins';
import { adaptiveCard, heading, textBlock } from '../shared/elements';
import { shortDay } from './format';

/** The leader's view: shared entries in full; of private ones only the day a check-in happened. */
export function leaderCheckInsCard(t: Translate, locale: Locale, group: Group, members: LeaderMemberView[]) {
  const none = t('checkins.leader.none');
  return adaptiveCard([
    heading(t('checkins.leader.title', { group: group.name })),
    textBlock(t('checkins.leader.intro'), { isSubtle: true }),
    ...members.map((m) => ({
      type: 'Container',
      separator: true,
      items: [
        textBlock(t('checkins.leader.member', { name: m.displayName, count: m.entries.length }), { weight: 'Bolder' }),
        ...m.entries.slice(0, 10).map((e) => {
          if (e.kind === 'private') return textBlock(t('checkins.leader.private', { date: shortDay(e.at, locale, group.timeZone) }), { isSubtle: true });
          const c = e.checkIn;
          return textBlock(
            t('checkins.leader.shared', {
              date: shortDay(c.createdAt, locale, group.timeZone),
              mood: c.mood ? t(`checkins.moodWord.${c.mood}`) : none,
              did: c.did ?? '',
              strengths: [...c.strengths.map((s) => t(`checkins.strengthLabels.${s}`)), ...(c.strengthsOther ? [c.strengthsOther] : [])].join(', ') || none,
              step: c.nextStep?.text ?? none,
            }),
          );
        }),
      ],
    })),
  ]);
}
