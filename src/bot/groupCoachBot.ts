import { ActivityHandler, type BotState, type InvokeResponse, type TurnContext } from 'botbuilder';
import type { Logger } from 'pino';
import { DialogRouter, DialogStateError, type RouterDeps } from '../../dialogs/router';
import { sendCard, userIdOf } from '../../dialogs/shared/context';
import { isDomainError } from '../domain/shared/errors';
import { resolveLocale, type Locale } from '../domain/shared/locale';
import { translator } from '../i18n';
import { ConversationService } from '../services/people';
import { conversationTypeOf, storedReferenceOf } from './references';
import { erasedThisTurn, onMyDataFileConsent } from '../../dialogs/checkins';
import { uploadToTeams } from './fileUpload';

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

  /** Teams' answer to the "my data" file consent card (issue 12); every other invoke as botbuilder does. */
  protected override async onInvokeActivity(context: TurnContext): Promise<InvokeResponse> {
    if (context.activity.name === 'fileConsent/invoke') return onMyDataFileConsent(context, this.deps, uploadToTeams);
    return super.onInvokeActivity(context);
  }

  override async run(context: TurnContext): Promise<void> {
    await this.prepare(context);
    await super.run(context);
    // After "delete my data" nothing of the person may be written back, not even an empty dialog stack.
    if (context.turnState.get(erasedThisTurn)) await this.dialogState.delete(context);
    else await this.dialogState.saveChanges(context, false);
  }

  private async prepare(context: TurnContext): Promise<void> {
    const { activity } = context;
    const user = activity.from?.id ? await this.deps.users.get(userIdOf(context)) : undefined;
    activity.locale = resolveLocale(user?.locale, activity.locale, this.deps.settings.defaultLocale);
    if (!activity.conversation?.id || !activity.serviceUrl) return;
    const type = conversationTypeOf(activity);
    const owner = ConversationService.ownerOf(type, userIdOf(context), activity.conversation.id);
    await this.deps.conversations.capture(owner, type, storedReferenceOf(activity));
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
    const locale = resolveLocale(undefined, context.activity.locale, this.deps.settings.defaultLocale);
    const t = translator(locale);
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
