import { CardFactory, MessageFactory } from 'botbuilder';
import { WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import { formCancelPayload } from '../../src/cards/shared/actions';
import { remindersPayload, type RemindersPayload } from '../../src/cards/reminders/payloads';
import { offsetChoicesFor, offsetsInWords, reminderSettingsCard } from '../../src/cards/reminders/reminderSettingsCards';
import { formatClock } from '../../src/i18n';
import { isDomainError } from '../../src/domain/shared/errors';
import type { User } from '../../src/domain/people';
import { clockTime, type QuietHours } from '../../src/domain/shared/schedule';
import type { EffectiveReminderPrefs } from '../../src/domain/reminders/model';
import type { ReminderPrefsChange } from '../../src/services/reminders/reminderPrefs';
import { CancelAndHelpDialog } from '../shared/cancelAndHelpDialog';
import { errorMessage, localeOf, tOf, userIdOf, type DialogDeps } from '../shared/context';
import { PromptIds } from '../shared/dialogIds';
import { CardPrompt } from '../shared/cardPrompt';
import { RemindersDialogIds } from './dialogIds';

const steps = 'reminderSettingsSteps';

/** Options of one round of a form: the problem with the previous answer, if any. */
export interface FormRound {
  error?: string;
}

/**
 * The first step of a participant's own settings form (here and in PauseDialog): consent first, told
 * kindly otherwise; then the form as the CardPrompt's prompt, so "help" shows it again under the help text.
 */
export async function showOwnForm(
  step: WaterfallStepContext,
  deps: DialogDeps,
  retryKey: string,
  form: (user: User, error: string | undefined) => Promise<object>,
): Promise<DialogTurnResult> {
  const t = tOf(step.context);
  const user = await deps.users.get(userIdOf(step.context));
  if (!user?.consent?.given) {
    await step.context.sendActivity(t('errors.CONSENT_REQUIRED'));
    return step.endDialog();
  }
  const card = await form(user, (step.options as FormRound | undefined)?.error);
  return step.prompt(PromptIds.card, { prompt: MessageFactory.attachment(CardFactory.adaptiveCard(card)), retryPrompt: t(retryKey) });
}

/** What the form's answer asks for, or the locale key of what is wrong with it. */
type Reading = { ok: true; change: Required<ReminderPrefsChange> } | { ok: false; errorKey: string };

/** "HH:mm" (a client may add seconds); empty keeps the current time. */
function readTime(raw: string, current: string): string | undefined {
  const value = raw.trim() === '' ? current : raw.trim().replace(/^(\d{2}:\d{2}):\d{2}$/, '$1');
  return clockTime.safeParse(value).success ? value : undefined;
}

/** The form's answer checked against what the form offered; anything else was not sent by our card. */
function readForm(p: RemindersPayload, current: EffectiveReminderPrefs): Reading {
  const offered = offsetChoicesFor(current.offsetsMinutes);
  const parts = p.offsets
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  const offsets = parts.map(Number);
  if (parts.some((s, i) => !/^\d+$/.test(s) || !offered.includes(offsets[i] ?? NaN))) return { ok: false, errorKey: 'reminderSettings.badOffset' };
  if (p.enabled && offsets.length === 0) return { ok: false, errorKey: 'reminderSettings.noOffsets' };
  const start = readTime(p.quietStart, current.quietHours.start);
  const end = readTime(p.quietEnd, current.quietHours.end);
  if (!start || !end) return { ok: false, errorKey: 'reminderSettings.badTime' };
  // Quiet hours off is stored as start = end; on with the same start and end asks for two times.
  if (p.quietOn === true && start === end) return { ok: false, errorKey: 'reminderSettings.quietSame' };
  const quietHours: QuietHours = p.quietOn === false ? { start, end: start } : { start, end };
  // Turned off with nothing ticked: keep the offsets, so turning reminders back on restores them.
  return { ok: true, change: { enabled: p.enabled, offsetsMinutes: offsets.length > 0 ? offsets : current.offsetsMinutes, quietHours } };
}

/** A participant's own reminders: on/off, how long before each meeting, and quiet hours. */
export class ReminderSettingsDialog extends CancelAndHelpDialog {
  protected readonly helpKey = 'reminderSettings.help';

  constructor(private readonly deps: DialogDeps) {
    super(RemindersDialogIds.reminderSettings);
    this.addDialog(new CardPrompt(PromptIds.card, [remindersPayload, formCancelPayload])).addDialog(
      new WaterfallDialog(steps, [this.show.bind(this), this.save.bind(this)]),
    );
    this.initialDialogId = steps;
  }

  private show(step: WaterfallStepContext) {
    return showOwnForm(step, this.deps, 'reminderSettings.useForm', async (user, error) =>
      reminderSettingsCard(tOf(step.context), localeOf(step.context), await this.deps.reminders.get(user.userId), error),
    );
  }

  private async save(step: WaterfallStepContext) {
    const t = tOf(step.context);
    const answer = step.result as RemindersPayload | { action: 'form.cancel' };
    if (answer.action !== 'reminders.save') {
      await step.context.sendActivity(t('reminderSettings.unchanged'));
      return step.endDialog();
    }
    const userId = userIdOf(step.context);
    const reading = readForm(answer, await this.deps.reminders.get(userId));
    if (!reading.ok) return step.replaceDialog(steps, { error: t(reading.errorKey) } satisfies FormRound);
    try {
      const saved = await this.deps.reminders.update(userId, reading.change);
      await step.context.sendActivity(this.summary(step, saved));
    } catch (e) {
      if (isDomainError(e, 'INVALID_INPUT')) return step.replaceDialog(steps, { error: errorMessage(t, e) } satisfies FormRound);
      await step.context.sendActivity(errorMessage(t, e));
    }
    return step.endDialog();
  }

  /** The settings in words: "Muistutan sinua 24 tuntia ennen jokaista tapaamista, mutta en koskaan klo 21.00–8.00." */
  private summary(step: WaterfallStepContext, prefs: EffectiveReminderPrefs): string {
    const t = tOf(step.context);
    if (!prefs.enabled) return t('reminderSettings.savedOff');
    const locale = localeOf(step.context);
    const offsets = offsetsInWords(t, locale, prefs.offsetsMinutes);
    const { start, end } = prefs.quietHours;
    return start === end ? t('reminderSettings.savedNoQuiet', { offsets }) : t('reminderSettings.saved', { offsets, start: formatClock(start, locale), end: formatClock(end, locale) });
  }
}
