import { ActivityHandler, type BotState, type InvokeResponse, type TurnContext } from 'botbuilder';
import type { Logger } from 'pino';
import { DialogRouter, DialogStateError, type RouterDeps } from '../../dialogs/router';
import { sendCard, userIdOf } from '../../dialogs/shared/context';
import { isDomainError } from '../domain/shared/errors';
import { resolveLocale, type Locale } from '../domain/shared/locale';
import { translator } from '../i18n';
import { ConversationService } from '../services/people';
import { conversationTypeOf, storedReferenceOf } from './references';

export interface TurnLimits {
  /** A turn that has not finished by then says "please try again" and its late replies are dropped. */
  deadlineMs: number;
}

/** How long the deadline's own "please try again" may take (the connector may be what hangs). */
const apologyBudgetMs = 2000;
const expiredKey = Symbol('turnExpired');
/** Where a reference is worth keeping: a person wrote, or the bot was added to a chat. */
const referenceTypes: ReadonlySet<string> = new Set(['message', 'conversationUpdate', 'installationUpdate']);

/**
 * Routes every turn: resolve the person's language, remember where to reach them, then the dialogs.
 * The dialog stack is saved at the end of a turn that succeeded; a failed turn keeps the previous one.
 */
export class GroupCoachBot extends ActivityHandler {
  private readonly router: DialogRouter;

  constructor(
    private readonly dialogState: BotState,
    private readonly deps: RouterDeps,
    private readonly log: Logger,
    private readonly limits: TurnLimits = { deadlineMs: 10_000 },
    /** Runs a turn so that it reads each document once (the store's turn scope). */
    private readonly inTurn: <T>(work: () => Promise<T>) => Promise<T> = (work) => work(),
  ) {
    super();
    this.router = new DialogRouter(dialogState.createProperty('dialogState'), deps);

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
      await this.prepare(context);
      await super.run(context);
      if (!context.turnState.get(expiredKey)) await this.dialogState.saveChanges(context, false);
    });
  }

  /** No invoke of ours exists (cards use Action.Submit): acknowledged, never a 501. */
  protected override async onInvokeActivity(_context: TurnContext): Promise<InvokeResponse> {
    return { status: 200, body: {} };
  }

  private localeOf(context: TurnContext): Locale {
    return resolveLocale(undefined, context.activity.locale, this.deps.settings.defaultLocale);
  }

  /** The profile is read once here; the rest of the turn gets the same one from the turn scope. */
  private async prepare(context: TurnContext): Promise<void> {
    const { activity } = context;
    const user = activity.from?.id ? await this.deps.users.get(userIdOf(context)) : undefined;
    activity.locale = resolveLocale(user?.locale, activity.locale, this.deps.settings.defaultLocale);
    if (!activity.conversation?.id || !activity.serviceUrl || !referenceTypes.has(activity.type)) return;
    const type = conversationTypeOf(activity);
    const owner = ConversationService.ownerOf(type, userIdOf(context), activity.conversation.id);
    await this.deps.conversations.refresh(owner, type, storedReferenceOf(activity), user);
  }

  private async welcome(context: TurnContext) {
    const t = translator(context.activity.locale as Locale);
    if (conversationTypeOf(context.activity) !== 'personal') {
      await context.sendActivity(t('welcome.groupChat'));
      return;
    }
    await this.router.showMenu(context, t('welcome.personal'));
  }

  /** onTurnError: log without any message text or names, apologise in the person's language. */
  async onTurnError(context: TurnContext, error: unknown): Promise<void> {
    const t = translator(this.localeOf(context));
    const stateBroken = error instanceof DialogStateError;
    this.log.error(
      {
        err: { name: (error as Error)?.name, code: (error as { code?: unknown })?.code, stack: (error as Error)?.stack },
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
      : isDomainError(error, 'CONFLICT')
        ? t('errors.CONFLICT')
        : stateBroken
          ? t('errors.STATE_RESET')
          : t('errors.UNEXPECTED');
    await context.sendActivity(text).catch(() => undefined);
  }
}
