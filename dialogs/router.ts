import { TurnContext, type StatePropertyAccessor } from 'botbuilder';
import { DialogSet, DialogTurnStatus, type DialogContext, type DialogState } from 'botbuilder-dialogs';
import { menuCard, menuSections, type MenuView } from '../src/cards/shared/menu';
import type { User } from '../src/domain/people';
import { findInviteCode } from '../src/domain/groups';
import { groupsRoutes, type JoinOptions } from './groups';
import { leaderRoutes } from './leader';
import { meetingsRoutes } from './meetings';
import { peopleRoutes } from './people';
import { remindersRoutes } from './reminders';
import { afterCheckIn, checkinsRoutes, distressFirst, type SafetyResult } from './checkins';
import { activitiesRoutes } from './activities';
import { outcomesRoutes } from './outcomes';
import type { CardPayload } from './shared/cardPrompt';
import { defaultLocaleKey, errorMessage, isGroupChat, languageUnsureKey, sendCard, tOf, userIdOf, type RouterDeps } from './shared/context';
import { languageQuestionCard } from '../src/cards/people';

export type { RouterDeps } from './shared/context';
import { coreRoutes, isConfused, languageAskedFor, normalizeKeyword, routerKeywords } from './shared/coreRoutes';
import { nextStepCard } from '../src/cards/shared/nextStep';
import { retranslateWaitingPrompt } from './shared/retranslate';
import type { Locale } from '../src/domain/shared/locale';
import type { ActionTurn, CardRoute, FeatureRoutes, Role } from './shared/routes';
import { GroupsDialogIds } from './groups';

/** A dialog stack that cannot be loaded or continued: the one error after which the stack is dropped. */
export class DialogStateError extends Error {
  constructor(override readonly cause: unknown) {
    super('dialog state could not be used');
    this.name = 'DialogStateError';
  }
}

/** Every feature of the conversation. A new feature adds its routes object here (the composition root). */
export const features: readonly FeatureRoutes[] = [coreRoutes, peopleRoutes, groupsRoutes, meetingsRoutes, remindersRoutes, activitiesRoutes, checkinsRoutes, leaderRoutes, outcomesRoutes];

export const menuEntries = features.flatMap((f) => f.menu);

/** The routes of the given features by action name; two features declaring one action is a programming error. */
export function routeTable(of: readonly FeatureRoutes[]): Map<string, CardRoute> {
  const table = new Map<string, CardRoute>();
  for (const route of of.flatMap((f) => f.actions)) {
    if (table.has(route.action)) throw new Error(`card action ${route.action} is declared twice`);
    table.set(route.action, route);
  }
  return table;
}

const routes = routeTable(features);

/** A card payload as one of the declared actions (validated by that action's zod schema), or undefined: stale or forged. */
export function parseCardValue(value: unknown): { route: CardRoute; payload: CardPayload } | undefined {
  const action = (value as { action?: unknown } | null | undefined)?.action;
  const route = typeof action === 'string' ? routes.get(action) : undefined;
  if (!route) return undefined;
  const parsed = route.schema.safeParse(value);
  return parsed.success ? { route, payload: parsed.data } : undefined;
}

const keywordTable = new Map<string, string>();
for (const [name, words] of [...routes.values()].flatMap((r) => (r.keywords ? [[r.action, r.keywords] as const] : [])).concat(Object.entries(routerKeywords))) {
  for (const w of [...words.fi, ...words.sv, ...words.en]) if (!keywordTable.has(w)) keywordTable.set(w, name);
}

/** Typed commands are understood in every language, whatever the person chose. */
export const matchKeyword = (text: string): string | undefined => keywordTable.get(normalizeKeyword(text));

const roleMessage: Record<Exclude<Role, 'anyone'>, string> = { member: 'errors.CONSENT_REQUIRED', participant: 'errors.NOT_IN_GROUP', leader: 'errors.NOT_LEADER' };

/**
 * The root of the conversation: continues an active dialog, or turns a card button or a typed word
 * into the route a feature declared for it. Anything it does not understand gets the menu.
 */
export class DialogRouter {
  private readonly dialogs: DialogSet;

  constructor(
    accessor: StatePropertyAccessor<DialogState>,
    private readonly deps: RouterDeps,
  ) {
    this.dialogs = new DialogSet(accessor);
    for (const make of features.flatMap((f) => f.dialogs)) this.dialogs.add(make(deps));
  }

  async onMessage(context: TurnContext): Promise<void> {
    if (!context.turnState.get(defaultLocaleKey)) context.turnState.set(defaultLocaleKey, this.deps.settings.defaultLocale);
    const t = tOf(context);
    if (isGroupChat(context)) TurnContext.removeRecipientMention(context.activity);
    const text = (context.activity.text ?? '').trim();
    if (text.length > this.deps.maxMessageChars) {
      await context.sendActivity(t('errors.TOO_LONG', { max: this.deps.maxMessageChars }));
      return;
    }
    const dc = await this.loadStack(context);
    const value = context.activity.value;
    if (value !== undefined && value !== null) return this.onCardSubmit(dc, value);
    // Words of distress are answered first, whatever was going on (issue 12).
    if (text && (await distressFirst(dc, text, this.deps))) return;
    const asked = languageAskedFor(text);
    if (asked) return this.switchLanguage(dc, asked);
    if (dc.activeDialog) return this.continueActive(dc);
    return this.onText(dc, text);
  }

  private async loadStack(context: TurnContext): Promise<DialogContext> {
    try {
      return await this.dialogs.createContext(context);
    } catch (e) {
      throw new DialogStateError(e);
    }
  }

  private async continueActive(dc: DialogContext): Promise<void> {
    if (dc.activeDialog && !this.dialogs.find(dc.activeDialog.id)) throw new DialogStateError(new Error(`unknown dialog ${dc.activeDialog.id}`));
    const result = await dc.continueDialog();
    if (result.status === DialogTurnStatus.complete || result.status === DialogTurnStatus.cancelled) {
      if ((result.result as { showMenu?: boolean } | undefined)?.showMenu) await this.showMenu(dc.context);
      await afterCheckIn(dc, result.result);
      // The safety question was answered with something else: that message is heard as any other.
      if ((result.result as SafetyResult | undefined)?.reroute) await this.onText(dc, (dc.context.activity.text ?? '').trim());
    }
  }

  private async onCardSubmit(dc: DialogContext, value: unknown): Promise<void> {
    const parsed = parseCardValue(value);
    if (!parsed) {
      await dc.context.sendActivity(tOf(dc.context)('errors.STALE_CARD'));
      return;
    }
    if ('formAnswer' in parsed.route) {
      // A form answer belongs to the dialog that showed the form; without one it is an old card.
      if (dc.activeDialog) return this.continueActive(dc);
      await dc.context.sendActivity(tOf(dc.context)('errors.STALE_CARD'));
      return;
    }
    // A menu button pressed in the middle of something else starts over from that button.
    if (dc.activeDialog && !parsed.route.inPassing) await dc.cancelAllDialogs();
    await this.run(dc, parsed.route, parsed.payload);
  }

  /** "in English" and the like: the language is chosen in words, then the same question in it. */
  private async switchLanguage(dc: DialogContext, locale: Locale): Promise<void> {
    await this.deps.users.setLocale(userIdOf(dc.context), locale);
    dc.context.activity.locale = locale;
    await dc.context.sendActivity(tOf(dc.context)('language.saved'));
    if (!dc.activeDialog) return this.showMenu(dc.context);
    retranslateWaitingPrompt(dc, locale);
    await dc.repromptDialog();
  }

  /** First contact when the language is a guess: the question in all three languages, one button each. */
  async askLanguage(context: TurnContext): Promise<void> {
    await sendCard(context, languageQuestionCard());
  }

  private async onText(dc: DialogContext, text: string): Promise<void> {
    if (dc.context.turnState.get(languageUnsureKey) && !isGroupChat(dc.context)) return this.askLanguage(dc.context);
    if (isConfused(text)) return void (await sendCard(dc.context, nextStepCard(tOf(dc.context), await this.menuView(dc.context))));
    const keyword = matchKeyword(text);
    if (keyword === 'greeting') return this.showMenu(dc.context, tOf(dc.context)('menu.greeting'));
    if (keyword === 'cancel') {
      await dc.context.sendActivity(tOf(dc.context)('common.nothingToCancel'));
      return this.showMenu(dc.context);
    }
    const route = keyword ? routes.get(keyword) : undefined;
    if (route) return this.run(dc, route, { action: route.action });
    const code = findInviteCode(text);
    if (code && !isGroupChat(dc.context)) {
      await dc.beginDialog(GroupsDialogIds.joinGroup, { code } satisfies JoinOptions);
      return;
    }
    await this.showMenu(dc.context, tOf(dc.context)('menu.notUnderstood'));
  }

  private turn(dc: DialogContext): ActionTurn {
    const userId = userIdOf(dc.context);
    let user: Promise<User | undefined> | undefined;
    return {
      dc,
      context: dc.context,
      userId,
      user: () => (user ??= this.deps.users.get(userId)),
      showMenu: (intro) => this.showMenu(dc.context, intro),
    };
  }

  /** The first role of the route this person lacks (the router checks; services check again). */
  private async missingRole(turn: ActionTurn, roles: readonly Role[]): Promise<Exclude<Role, 'anyone'> | undefined> {
    if (roles.includes('anyone')) return undefined;
    const user = await turn.user();
    const has = (role: Role) =>
      role === 'member'
        ? user?.consent?.given === true
        : role === 'participant'
          ? Boolean(user?.groupId)
          : this.deps.users.mayLead(user, turn.userId) || (user?.leadsGroupIds.length ?? 0) > 0;
    return roles.some(has) ? undefined : (roles[0] as Exclude<Role, 'anyone'>);
  }

  private async run(dc: DialogContext, route: CardRoute, payload: CardPayload): Promise<void> {
    const t = tOf(dc.context);
    if (isGroupChat(dc.context) && !route.groupChat) {
      await dc.context.sendActivity(t('groupChat.personalOnly'));
      return;
    }
    const turn = this.turn(dc);
    try {
      const missing = await this.missingRole(turn, route.roles);
      if (missing) return void (await dc.context.sendActivity(t(roleMessage[missing])));
      if ('dialog' in route) {
        await dc.beginDialog(route.dialog, route.options?.(payload) ?? {});
        return;
      }
      if ('handle' in route) return await route.handle(turn, payload, this.deps);
      await dc.context.sendActivity(t('errors.STALE_CARD'));
    } catch (e) {
      await dc.context.sendActivity(errorMessage(t, e));
    }
  }

  async menuView(context: TurnContext): Promise<MenuView> {
    const userId = userIdOf(context);
    const user = await this.deps.users.get(userId);
    return {
      consented: user?.consent?.given === true,
      inGroup: Boolean(user?.groupId),
      mayLead: this.deps.users.mayLead(user, userId),
      leader: this.deps.users.isLeader(user, userId),
      leadsGroups: (user?.leadsGroupIds.length ?? 0) > 0,
      reportReader: this.deps.outcomes.isReader(userId),
      canClaimLeadership: this.deps.settings.leaderSignupEnabled,
      inGroupChat: isGroupChat(context),
    };
  }

  async showMenu(context: TurnContext, intro?: string): Promise<void> {
    await sendCard(context, menuCard(tOf(context), menuSections(menuEntries, await this.menuView(context)), intro));
  }
}
