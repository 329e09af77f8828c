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
  /** One of the service-wide report's readers (REPORT_READERS). */
  reportReader?: boolean;
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

/**
 * The main actions as buttons; the settings and help behind one button that opens them in place
 * (Action.ShowCard: no round trip, works in Teams and Web Chat), so the menu fits a phone screen.
 */
export function menuCard(t: Translate, sections: MenuSections, intro?: string) {
  const { main, settings } = sections;
  const more = { type: 'Action.ShowCard', title: t('menu.settings'), card: { type: 'AdaptiveCard', body: [actionSet(t, settings)] } };
  const buttons = actionSet(t, main);
  return adaptiveCard(
    [
      heading(t('menu.title')),
      ...(intro ? [textBlock(intro)] : []),
      // "More" in a set of its own: Teams' renderer (the Agents Playground) folds the sixth action of a set
      // into "…", where nobody finds it, and a leader's main section alone has five buttons.
      buttons,
      ...(settings.length > 0 ? [{ type: 'ActionSet', actions: [more] }] : []),
    ],
    [],
    { speak: t('menu.title') },
  );
}
