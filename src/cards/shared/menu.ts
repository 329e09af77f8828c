import type { Translate } from '../../i18n';
import { submit } from './actions';
import { adaptiveCard, heading, textBlock } from './elements';

/** What the menu knows of the person asking: enough to show only what their role can do. */
export interface MenuView {
  consented: boolean;
  inGroup: boolean;
  mayLead: boolean;
  /** A leader by role, not only allowed to lead (local mode lets anyone): their menu has no participant's start. */
  leader?: boolean;
  leadsGroups: boolean;
  canClaimLeadership: boolean;
  inGroupChat: boolean;
}

export interface MenuSections {
  /** What this person's role does most, first. */
  main: string[];
  /** Their own settings and help. */
  settings: string[];
}

/** One button as a feature declares it (dialogs/<feature>/routes.ts). */
export interface MenuButton {
  action: string;
  section: keyof MenuSections;
  order: number;
  visible(view: MenuView): boolean;
}

/** Teams shows at most six buttons in one set; each section stays within that. */
export const maxButtonsPerSection = 6;

/** The visible buttons of every feature, in their declared order, at most six per section. */
export function menuSections(buttons: readonly MenuButton[], view: MenuView): MenuSections {
  const shown = buttons.filter((b) => b.visible(view)).sort((a, b) => a.order - b.order);
  const of = (section: keyof MenuSections) => shown.filter((b) => b.section === section).map((b) => b.action).slice(0, maxButtonsPerSection);
  return { main: of('main'), settings: of('settings') };
}

const actionSet = (t: Translate, actions: string[]) => ({
  type: 'ActionSet',
  actions: actions.map((a) => submit(t(`menu.actions.${a}`), { action: a })),
});

export function menuCard(t: Translate, sections: MenuSections, intro?: string) {
  const { main, settings } = sections;
  return adaptiveCard(
    [
      heading(t('menu.title')),
      ...(intro ? [textBlock(intro)] : []),
      actionSet(t, main),
      ...(settings.length > 0 ? [textBlock(t('menu.settings'), { weight: 'Bolder', separator: true, spacing: 'Medium' }), actionSet(t, settings)] : []),
    ],
    [],
    { speak: t('menu.title') },
  );
}
