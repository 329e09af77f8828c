import type { Translate } from '../i18n';
import { submit, type SimpleAction } from './actions';
import { adaptiveCard, heading, textBlock } from './elements';
import { checkInMenuEntries } from './checkins/menu';

export interface MenuView {
  consented: boolean;
  inGroup: boolean;
  mayLead: boolean;
  leadsGroups: boolean;
  canClaimLeadership: boolean;
  inGroupChat: boolean;
}

export interface MenuSections {
  /** What this person's role does most, first. */
  main: SimpleAction[];
  /** Their own settings and help. */
  settings: SimpleAction[];
}

/** Teams shows at most six buttons in one set; each section stays within that. */
export const maxButtonsPerSection = 6;

/** Only what this person's role can do. Leaving the group is on the group's own card, not here. */
export function menuSections(view: MenuView): MenuSections {
  if (view.inGroupChat) return { main: view.mayLead ? ['linkChat', 'help'] : ['help'], settings: [] };
  const main: SimpleAction[] = [];
  if (!view.consented) main.push('onboard');
  if (view.mayLead) main.push('newGroup');
  if (view.leadsGroups) main.push('myGroups');
  if (view.leadsGroups || view.inGroup) main.push('sessions');
  if (view.inGroup) main.push('myGroup');
  else if (view.consented) main.push('join');
  if (!view.mayLead && view.canClaimLeadership) main.push('becomeLeader');
  const settings: SimpleAction[] = [];
  if (view.inGroup) settings.push('reminders', 'pause');
  if (view.consented) settings.push('limits');
  settings.push('language', 'privacy', 'help');
  return { main, settings };
}

const actionSet = (t: Translate, actions: SimpleAction[], extra: object[] = []) => ({
  type: 'ActionSet',
  actions: [...actions.map((a) => submit(t(`menu.actions.${a}`), { action: a })), ...extra],
});

export function menuCard(t: Translate, view: MenuView, intro?: string) {
  const { main, settings } = menuSections(view);
  return adaptiveCard(
    [
      heading(t('menu.title')),
      ...(intro ? [textBlock(intro)] : []),
      actionSet(t, main, checkInMenuEntries(view).map((e) => submit(t(e.key), e.data))),
      ...(settings.length > 0 ? [textBlock(t('menu.settings'), { weight: 'Bolder', separator: true, spacing: 'Medium' }), actionSet(t, settings)] : []),
    ],
    [],
    { speak: t('menu.title') },
  );
}
