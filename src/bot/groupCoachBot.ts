import { ActivityHandler, type Activity, type AdaptiveCardInvokeValue, type BotState, type InvokeResponse, type StatePropertyAccessor, type TurnContext } from 'botbuilder';
import type { Logger } from 'pino';
import { DialogRouter, DialogStateError, parseCardValue, type RouterDeps } from '../../dialogs/router';
import { defaultLocaleKey, languageUnsureKey, sendCard, userIdOf } from '../../dialogs/shared/context';
import { ActivityInvokes } from '../../dialogs/activities';
import { isDomainError } from '../domain/shared/errors';
import { isSureLocale, resolveLocale, toLocale, type Locale } from '../domain/shared/locale';
import { translator } from '../i18n';
import { errorForLog } from '../logging/redact';
import { ConversationService } from '../services/people';
import { formAnswerHash, type ConcurrencySafeDialogState } from './dialogState';
import { conversationTypeOf, storedReferenceOf } from './references';
import { erasedThisTurn, onMyDataFileConsent } from '../../dialogs/checkins';
import { onReportFileConsent } from '../../dialogs/outcomes';
import { isReportConsent } from '../cards/outcomes';
import { uploadToTeams } from './fileUpload';

export interface TurnLimits {
  /** A turn that has not finished by then says "please try again" and its late replies are dropped. */
  deadlineMs: number;
}

/** How long the deadline's own "please try again" may take (the connector may be what hangs). */
const apologyBudgetMs = 2000;
const expiredKey = Symbol('turnExpired');
/** A form answer repeated within this time (a double click) is answered once. */
const repeatWindowMs = 10_000;
/** The dialog stack of a turn that finished its work could not be saved: another turn of the same person saved first. */
class TurnCrossedError extends Error {
  constructor() {
    super('another turn of this person saved its dialog state first');
    this.name = 'TurnCrossedError';
  }
}

/** The bot uninstalled (personal app) or removed from a chat: no reference is captured from it, it is marked unreachable. */
const isBotRemoval = (activity: Partial<Activity>) =>
  (activity.type === 'installationUpdate' && /^remove/.test(String(activity.action ?? ''))) ||
  (activity.type === 'conversationUpdate' && (activity.membersRemoved ?? []).some((m) => m.id === activity.recipient?.id));

/** Where a reference is worth keeping: a person wrote, or the bot was added to a chat. */
const referenceTypes: ReadonlySet<string> = new Set(['message', 'conversationUpdate', 'installationUpdate']);

/**
 * Routes every turn: resolve the person's language, remember where to reach them, then the dialogs.
 * The dialog stack is saved at the end of a turn that succeeded; a failed turn keeps the previous one.
 */
export class GroupCoachBot extends ActivityHandler {
  private readonly router: DialogRouter;
  /** The person's language, kept in the conversation's dialog state too: it answers in it when the profile cannot be read. */
  private readonly rememberedLocale: StatePropertyAccessor<Locale | undefined>;
  private readonly invokes: ActivityInvokes;

  constructor(
    private readonly dialogState: ConcurrencySafeDialogState,
    private readonly deps: RouterDeps,
    private readonly log: Logger,
    private readonly limits: TurnLimits = { deadlineMs: 10_000 },
    /** Runs a turn so that it reads each document once (the store's turn scope). */
    private readonly inTurn: <T>(work: () => Promise<T>) => Promise<T> = (work) => work(),
  ) {
    super();
    this.router = new DialogRouter(dialogState.createProperty('dialogState'), deps);
    this.rememberedLocale = dialogState.createProperty<Locale | undefined>('locale');
    this.invokes = new ActivityInvokes(deps);

    this.onMessage(async (context, next) => {
      await this.router.onMessage(context);
      await next();
    });

    this.onMembersAdded(async (context, next) => {
      const botAdded = context.activity.membersAdded?.some((m) => m.id === context.activity.recipient.id);
      const personal = conversationTypeOf(context.activity) === 'personal';
      // Teams sends the bot as the added member at install; Web Chat sends the user. Welcome once either way.
      if (botAdded || personal) await this.welcome(context);
      await next();
    });

    this.onInstallationUpdateRemove(async (context, next) => {
      await this.botRemoved(context);
      await next();
    });

    this.onMembersRemoved(async (context, next) => {
      if (isBotRemoval(context.activity)) await this.botRemoved(context);
      await next();
    });

    this.onInstallationUpdateAdd(async (context, next) => {
      // The reference was captured in run(); the welcome comes with the conversationUpdate.
      this.log.info({ event: 'installed', conversationType: conversationTypeOf(context.activity) }, 'bot installed');
      await next();
    });
  }

  /**
   * The turn with its deadline. A late turn keeps running in the background (a write it started
   * finishes), but nothing it says reaches the person and its dialog stack is not saved, so the next
   * turn continues from the last one that finished.
   */
  override async run(context: TurnContext): Promise<void> {
    // The adapter copies activities before this hook sees them, so the apology is known by its text.
    let apologyText: string | undefined;
    context.onSendActivities(async (ctx, activities, next) => {
      if (ctx.turnState.get(expiredKey) && !activities.every((a) => a.type === 'message' && a.text === apologyText && !a.attachments?.length)) return [];
      return next();
    });
    const turn = this.runTurn(context);
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), this.limits.deadlineMs)));
    try {
      if ((await Promise.race([turn.then(() => 'done' as const), late])) === 'done') return;
    } finally {
      clearTimeout(timer);
    }
    context.turnState.set(expiredKey, true);
    turn.catch((e: unknown) => this.log.warn({ err: { name: (e as Error)?.name } }, 'late turn failed after its deadline'));
    this.log.warn({ activityType: context.activity.type, deadlineMs: this.limits.deadlineMs }, 'turn passed its deadline');
    // In the person's stored language if the turn got as far as reading it, else the client's.
    const text = (apologyText = translator(this.localeOf(context))('errors.TIMEOUT'));
    await Promise.race([context.sendActivity({ type: 'message', text }).catch(() => undefined), new Promise((r) => setTimeout(r, apologyBudgetMs).unref())]);
  }

  private runTurn(context: TurnContext): Promise<void> {
    return this.inTurn(async () => {
      const { stored, resolved } = await this.prepare(context);
      const form = this.formAnswerOf(context);
      if (form && this.repeatsLastForm(await this.loadedFormAnswer(context), form)) return;
      // A form answer's replies wait for the state save: of two identical ones racing, only the winner speaks.
      const held: Partial<Activity>[] = [];
      let holding = form !== undefined;
      context.onSendActivities(async (_ctx, activities, next) => {
        if (!holding) return next();
        held.push(...activities);
        return activities.map(() => ({ id: '' }));
      });
      await super.run(context);
      holding = false;
      if (context.turnState.get(expiredKey)) return;
      // After "delete my data" nothing of the person may be written back, not even an empty dialog stack.
      if (context.turnState.get(erasedThisTurn)) return void (await this.dialogState.delete(context));
      // A stored language, or one chosen in this turn, is remembered (written only when it changed).
      const now = toLocale(context.activity.locale);
      if (now && (stored || now !== resolved)) await this.rememberedLocale.set(context, now);
      if (form) this.dialogState.markFormAnswer(context, form, this.deps.clock.now().getTime());
      try {
        await this.dialogState.saveChanges(context, false);
      } catch (e) {
        // Another turn of this person saved first. The same form answer (a double click) was answered
        // by it: nothing more to say. Otherwise what this turn did is done and said; only its place is lost.
        if (isDomainError(e, 'CONFLICT') && form && (await this.dialogState.storedFormAnswer(context))?.hash === form) return;
        if (held.length > 0) await context.sendActivities(held);
        if (isDomainError(e, 'CONFLICT')) throw new TurnCrossedError();
        throw e;
      }
      if (held.length > 0) await context.sendActivities(held);
    });
  }

  /** A form's answer (not a bare Cancel, which is the same payload on every form): its hash. */
  private formAnswerOf(context: TurnContext): string | undefined {
    const { value, type } = context.activity;
    if (type !== 'message' || value === undefined || value === null) return undefined;
    const parsed = parseCardValue(value);
    if (!parsed || !('formAnswer' in parsed.route) || Object.keys(parsed.payload).length <= 1) return undefined;
    return formAnswerHash(value);
  }

  private async loadedFormAnswer(context: TurnContext) {
    await this.dialogState.load(context);
    return this.dialogState.lastFormAnswer(context);
  }

  /** A form's answer sent twice (a double click on Save) within the window is answered once. */
  private repeatsLastForm(last: { hash: string; at: number } | undefined, hash: string): boolean {
    return last?.hash === hash && this.deps.clock.now().getTime() - last.at < repeatWindowMs;
  }

  /**
   * Teams' Action.Execute (invoke `adaptiveCard/action`) answers with a card: the activities' per-person
   * round cards in a linked group chat. Teams' answer to the "my data" file consent card (issue 12)
   * uploads the file; so does the answer to a report file's consent card (issue 15). Any other invoke is acknowledged, never a 501.
   */
  protected override async onInvokeActivity(context: TurnContext): Promise<InvokeResponse> {
    if (context.activity.name === 'fileConsent/invoke') {
      if (isReportConsent(context.activity.value)) return onReportFileConsent(context, this.deps, uploadToTeams);
      return onMyDataFileConsent(context, this.deps, uploadToTeams);
    }
    if (context.activity.name === 'adaptiveCard/action') {
      return { status: 200, body: await this.invokes.onAdaptiveCardAction(context, context.activity.value as AdaptiveCardInvokeValue) };
    }
    return { status: 200, body: {} };
  }

  private localeOf(context: TurnContext): Locale {
    return resolveLocale(undefined, context.activity.locale, this.deps.settings.defaultLocale);
  }

  /** The profile is read once here; the rest of the turn gets the same one from the turn scope. Resolves the language (stored: the person has chosen one). */
  private async prepare(context: TurnContext): Promise<{ stored: boolean; resolved: Locale }> {
    const { activity } = context;
    context.turnState.set(defaultLocaleKey, this.deps.settings.defaultLocale);
    let user;
    try {
      user = activity.from?.id ? await this.deps.users.get(userIdOf(context)) : undefined;
    } catch (e) {
      // The profile cannot be read (an outage): the language this conversation last used, not the client's.
      const remembered = await this.rememberedLocale.get(context).catch(() => undefined);
      activity.locale = resolveLocale(remembered, activity.locale, this.deps.settings.defaultLocale);
      throw e;
    }
    if (!user?.locale && !isSureLocale(activity.locale, activity.channelId)) context.turnState.set(languageUnsureKey, true);
    const resolved = resolveLocale(user?.locale, activity.locale, this.deps.settings.defaultLocale);
    activity.locale = resolved;
    const stored = Boolean(user?.locale);
    if (!activity.conversation?.id || !activity.serviceUrl || !referenceTypes.has(activity.type) || isBotRemoval(activity)) return { stored, resolved };
    const type = conversationTypeOf(activity);
    const owner = ConversationService.ownerOf(type, userIdOf(context), activity.conversation.id);
    await this.deps.conversations.refresh(owner, type, storedReferenceOf(activity), user);
    return { stored, resolved };
  }

  /** Company Communicator style: the conversation is recorded as unreachable, and so is what was still to go there. */
  private async botRemoved(context: TurnContext): Promise<void> {
    const { activity } = context;
    if (!activity.conversation?.id) return;
    const type = conversationTypeOf(activity);
    await this.deps.conversations.botRemoved(ConversationService.ownerOf(type, userIdOf(context), activity.conversation.id), type, activity.conversation.id);
    this.log.info({ event: 'removed', conversationType: type }, 'bot removed');
  }

  private async welcome(context: TurnContext) {
    const t = translator(context.activity.locale as Locale);
    if (conversationTypeOf(context.activity) !== 'personal') {
      await context.sendActivity(t('welcome.groupChat'));
      return;
    }
    if (context.turnState.get(languageUnsureKey)) return this.router.askLanguage(context);
    await this.router.showMenu(context, t('welcome.personal'));
  }

  /** onTurnError: log without any message text or names, apologise in the person's language. */
  async onTurnError(context: TurnContext, error: unknown): Promise<void> {
    const t = translator(this.localeOf(context));
    const stateBroken = error instanceof DialogStateError;
    this.log.error(
      {
        err: errorForLog(error),
        activityType: context.activity.type,
        channelId: context.activity.channelId,
        stateBroken,
      },
      'turn failed',
    );
    if (stateBroken) {
      // Only a stack that itself cannot be used is dropped; otherwise the person continues where they were.
      await this.dialogState.delete(context).catch(() => undefined);
    }
    const text = isDomainError(error, 'STORE_UNAVAILABLE')
      ? t('errors.STORE_UNAVAILABLE')
      : error instanceof TurnCrossedError
        ? t('errors.TURN_CROSSED')
        : isDomainError(error, 'CONFLICT')
        ? t('errors.CONFLICT')
        : stateBroken
          ? t('errors.STATE_RESET')
          : t('errors.UNEXPECTED');
    await context.sendActivity(text).catch(() => undefined);
  }
}
