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
  /** A leader's less frequent tools (new group, messages, digest, outcomes, reports): behind "more". */
  tools: string[];
  /** Their own settings and help: behind "more". */
  settings: string[];
}

/** One button as a feature declares it (dialogs/<feature>/routes.ts). */
export interface MenuButton {
  action: string;
  section: keyof MenuSections;
  order: number;
  visible(view: MenuView): boolean;
}

/** Teams shows at most six buttons in one set; each set stays within that (the main set shares it with "more"). */
export const maxButtonsPerSection = 6;

/**
 * The visible buttons of every feature, in their declared order. Nothing is cut here: the menu test
 * proves that no role's view overflows a set, so a button a feature declares is never silently lost.
 */
export function menuSections(buttons: readonly MenuButton[], view: MenuView): MenuSections {
  const shown = buttons.filter((b) => b.visible(view)).sort((a, b) => a.order - b.order);
  const of = (section: keyof MenuSections) => shown.filter((b) => b.section === section).map((b) => b.action);
  return { main: of('main'), tools: of('tools'), settings: of('settings') };
}

const actionSet = (t: Translate, actions: string[], separator = false) => ({
  type: 'ActionSet',
  ...(separator ? { separator: true, spacing: 'Medium' } : {}),
  actions: actions.map((a) => submit(t(`menu.actions.${a}`), { action: a })),
});

/**
 * The main actions as buttons; the settings and help behind one button that opens them in place
 * (Action.ShowCard: no round trip, works in Teams and Web Chat), so the menu fits a phone screen.
 */
export function menuCard(t: Translate, sections: MenuSections, intro?: string) {
  const { main, tools, settings } = sections;
  const body = [...(tools.length > 0 ? [actionSet(t, tools)] : []), ...(settings.length > 0 ? [actionSet(t, settings, tools.length > 0)] : [])];
  const more = { type: 'Action.ShowCard', title: t(tools.length > 0 ? 'menu.more' : 'menu.settings'), card: { type: 'AdaptiveCard', body } };
  const buttons = actionSet(t, main);
  return adaptiveCard(
    [
      heading(t('menu.title')),
      ...(intro ? [textBlock(intro)] : []),
      body.length > 0 ? { ...buttons, actions: [...buttons.actions, more] } : buttons,
    ],
    [],
    { speak: t('menu.title') },
  );
}
