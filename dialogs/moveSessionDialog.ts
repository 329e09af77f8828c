import { WaterfallDialog, type WaterfallStepContext } from 'botbuilder-dialogs';
import { sessionInput, sessionText } from '../src/cards/sessionForm';
import { DomainError } from '../src/domain/errors';
import type { Group } from '../src/domain/model';
import type { Session } from '../src/domain/sessions';
import { CancelAndHelpDialog } from './cancelAndHelpDialog';
import { localeOf, tOf, userIdOf, type DialogDeps } from './context';
import { DialogIds, PromptIds } from './dialogIds';
import { CardPrompt } from './prompts/cardPrompt';
import { acceptsSessionForm, answerSessionForm, showSessionForm, type ShownForm } from './scheduleSessionDialog';

export interface MoveSessionOptions {
  groupId: string;
  sessionId: string;
}

const form = 'moveSessionForm';

/**
 * A session the person leads that is still ahead (or under way) and not cancelled, or the domain
 * error that says why not: NOT_GROUP_LEADER, GROUP_NOT_FOUND or SESSION_NOT_FOUND.
 */
export async function ledUpcomingSession(
  deps: DialogDeps,
  userId: string,
  groupId: string,
  sessionId: string,
): Promise<{ group: Group; session: Session }> {
  const group = await deps.groups.ledGroup(userId, groupId);
  const session = (await deps.sessions.listUpcoming(userId, groupId)).find((s) => s.id === sessionId);
  if (!session) throw new DomainError('SESSION_NOT_FOUND');
  return { group, session };
}

/** The leader moves a meeting to another time (and place); reminders follow, participants are told. */
export class MoveSessionDialog extends CancelAndHelpDialog {
  protected readonly helpKey = 'moveSession.help';

  constructor(private readonly deps: DialogDeps) {
    super(DialogIds.moveSession);
    this.addDialog(new CardPrompt(PromptIds.card, acceptsSessionForm)).addDialog(
      new WaterfallDialog(form, [this.show.bind(this), this.save.bind(this)]),
    );
    this.initialDialogId = form;
  }

  private async show(step: WaterfallStepContext) {
    const { groupId, sessionId } = step.options as MoveSessionOptions;
    return showSessionForm(step, this.deps, () => ledUpcomingSession(this.deps, userIdOf(step.context), groupId, sessionId));
  }

  private async save(step: WaterfallStepContext) {
    const t = tOf(step.context);
    const { groupId, sessionId } = step.options as MoveSessionOptions;
    const shown = step.values as ShownForm;
    return answerSessionForm(step, form, async (values) => {
      const { start, durationMinutes, place } = sessionInput(values);
      const moved = await this.deps.sessions.moveSession(userIdOf(step.context), groupId, sessionId, { start, durationMinutes, place });
      // The service returns the session untouched when time and place are what they were.
      if (moved.revision === shown.revision) return t('moveSession.unchanged');
      return sessionText(t, localeOf(step.context), 'moveSession.done', moved, shown.zone ?? this.deps.settings.defaultTimeZone);
    });
  }
}
