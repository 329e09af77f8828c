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

/**
 * A section of the menu stays short enough for a phone screen; a rendered set holds five buttons at
 * most, because Teams' renderer (the Agents Playground) folds a set's sixth action into "…", where
 * nobody finds it.
 */
export const maxButtonsPerSection = 6;
export const maxButtonsPerSet = 5;

/**
 * The visible buttons of every feature, in their declared order. Nothing is cut here: the menu test
 * proves that no role's view overflows a set, so a button a feature declares is never silently lost.
 */
export function menuSections(buttons: readonly MenuButton[], view: MenuView): MenuSections {
  const shown = buttons.filter((b) => b.visible(view)).sort((a, b) => a.order - b.order);
  const of = (section: keyof MenuSections) => shown.filter((b) => b.section === section).map((b) => b.action);
  return { main: of('main'), tools: of('tools'), settings: of('settings') };
}

/** One section as sets of at most five buttons; `separator` sets it apart from the section above. */
const actionSets = (t: Translate, actions: string[], separator = false) => {
  const sets = [];
  for (let i = 0; i < actions.length; i += maxButtonsPerSet) {
    sets.push({
      type: 'ActionSet',
      ...(separator && i === 0 ? { separator: true, spacing: 'Medium' } : {}),
      actions: actions.slice(i, i + maxButtonsPerSet).map((a) => submit(t(`menu.actions.${a}`), { action: a })),
    });
  }
  return sets;
};

/**
 * The main actions as buttons; the settings and help behind one button that opens them in place
 * (Action.ShowCard: no round trip, works in Teams and Web Chat), so the menu fits a phone screen.
 */
export function menuCard(t: Translate, sections: MenuSections, intro?: string) {
  const { main, tools, settings } = sections;
  const body = [...actionSets(t, tools), ...actionSets(t, settings, tools.length > 0)];
  const more = { type: 'Action.ShowCard', title: t(tools.length > 0 ? 'menu.more' : 'menu.settings'), card: { type: 'AdaptiveCard', body } };
  return adaptiveCard(
    [
      heading(t('menu.title')),
      ...(intro ? [textBlock(intro)] : []),
      ...actionSets(t, main),
      // "More" in a set of its own, so it is never the action a renderer folds away.
      ...(body.length > 0 ? [{ type: 'ActionSet', actions: [more] }] : []),
    ],
    [],
    { speak: t('menu.title') },
  );
}
