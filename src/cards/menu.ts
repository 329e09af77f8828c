import type { Translate } from '../i18n';
import { submit, type SimpleAction } from './actions';

export interface MenuView {
  consented: boolean;
  inGroup: boolean;
  mayLead: boolean;
  leadsGroups: boolean;
  canClaimLeadership: boolean;
  inGroupChat: boolean;
}

/** Only what this person's role can do, most likely first. */
export function menuActions(view: MenuView): SimpleAction[] {
  if (view.inGroupChat) return view.mayLead ? ['linkChat', 'help'] : ['help'];
  const actions: SimpleAction[] = [];
  if (!view.consented) actions.push('onboard');
  if (view.mayLead) actions.push('newGroup');
  if (view.leadsGroups) actions.push('myGroups');
  if (view.inGroup) actions.push('myGroup');
  else if (view.consented) actions.push('join');
  if (view.consented) actions.push('limits');
  if (view.inGroup) actions.push('leave');
  if (!view.mayLead && view.canClaimLeadership) actions.push('becomeLeader');
  actions.push('language', 'privacy', 'help');
  return actions;
}

export function menuCard(t: Translate, view: MenuView, intro?: string) {
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    speak: t('menu.title'),
    body: [
      { type: 'TextBlock', text: t('menu.title'), weight: 'Bolder', size: 'Medium', wrap: true, style: 'heading' },
      ...(intro ? [{ type: 'TextBlock', text: intro, wrap: true }] : []),
    ],
    actions: menuActions(view).map((a) => submit(t(`menu.actions.${a}`), { action: a })),
  };
}
