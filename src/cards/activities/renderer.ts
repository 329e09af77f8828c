import type { RoundMessageRequest, RoundRenderer } from '../../services/activities';
import { formatDateTime, translator } from '../../i18n';
import { resultCard } from './result';
import { roundCard } from './round';

/** The scheduler's round messages as cards in the recipient's language. */
export const roundMessageRenderer: RoundRenderer = {
  render({ kind, locale, view, variant, refreshUserIds }: RoundMessageRequest) {
    const t = translator(locale);
    if (kind === 'result') return { cards: [resultCard(t, locale, view, variant)] };
    const intro = kind === 'nudge' ? t('activities.round.nudge', { date: formatDateTime(view.round.deadline, locale, view.group.timeZone) }) : undefined;
    return { cards: [roundCard(t, locale, view, variant, { ...(intro ? { intro } : {}), ...(refreshUserIds ? { refreshUserIds } : {}) })] };
  },
};
