import type { Translate } from '../../i18n';
import { submit } from './actions';
import { adaptiveCard, textBlock } from './elements';
import type { MenuView } from './menu';

/** The one thing to do next for someone who says they are lost, by where they are. */
export function nextStepOf(view: MenuView): { key: string; action?: string } {
  if (view.inGroupChat) return { key: 'help.groupChat' };
  if (view.leadsGroups) return { key: 'nextStep.leaderMeetings', action: 'meetings' };
  if (view.leader) return { key: 'nextStep.leaderStart', action: 'newGroup' };
  if (!view.consented) return { key: 'nextStep.start', action: 'onboard' };
  if (!view.inGroup) return { key: 'nextStep.join', action: 'join' };
  return { key: 'nextStep.meetings', action: 'meetings' };
}

/** One sentence, one button, and where the rest is: not the whole menu. */
export function nextStepCard(t: Translate, view: MenuView) {
  const { key, action } = nextStepOf(view);
  return adaptiveCard(
    [textBlock(t(key)), textBlock(t('nextStep.more'), { isSubtle: true, spacing: 'Small' })],
    action ? [submit(t(`menu.actions.${action}`), { action })] : [],
  );
}
