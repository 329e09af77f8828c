import { randomUUID } from 'node:crypto';
import { WaterfallDialog, type DialogTurnResult, type FoundChoice, type WaterfallStepContext } from 'botbuilder-dialogs';
import { formCancelPayload } from '../../src/cards/shared/actions';
import { meetingFormPayload, type MeetingFormPayload } from '../../src/cards/meetings/payloads';
import { formValues, meetingFormCard, meetingInput, meetingText, type MeetingFormValues } from '../../src/cards/meetings/meetingForm';
import { isDomainError } from '../../src/domain/shared/errors';
import type { Group } from '../../src/domain/groups';
import type { Meeting } from '../../src/domain/meetings/model';
import { CancelAndHelpDialog } from '../shared/cancelAndHelpDialog';
import { errorMessage, localeOf, sendCard, tOf, userIdOf, type DialogDeps } from '../shared/context';
import { PromptIds } from '../shared/dialogIds';
import { CardPrompt } from '../shared/cardPrompt';
import { newChoicePrompt } from '../shared/promptDefaults';
import { MeetingsDialogIds } from './dialogIds';

export interface ScheduleMeetingOptions {
  groupId?: string;
}

/** A form loop's options: what the leader typed and why it came back, when it did. */
export interface FormRetry {
  values?: MeetingFormValues;
  error?: string;
}

interface ScheduleForm extends FormRetry {
  groupId: string;
  /** Made once per dialog run: a repeated submit of the same form finds the meeting the first one made. */
  requestId: string;
}

/** Kept (in step.values) between showing a meeting form and its answer. */
export interface ShownForm {
  zone?: string;
  /** The meeting's revision when the form was shown (moving only). */
  revision?: number;
  /** How many participants the group had: with none, nobody is told, and the leader hears so. */
  participants?: number;
}

const steps = 'scheduleMeetingSteps';
const form = 'scheduleMeetingForm';

export const acceptsMeetingForm = [meetingFormPayload, formCancelPayload];

/**
 * Shows a meeting form for what `load` finds (checked again on every showing: a group or meeting from
 * a card button may not be this person's, or may be gone) and waits for its answer.
 */
export async function showMeetingForm(
  step: WaterfallStepContext,
  deps: DialogDeps,
  load: () => Promise<{ group: Group; meeting?: Meeting }>,
): Promise<DialogTurnResult> {
  const t = tOf(step.context);
  const { values, error } = step.options as FormRetry;
  try {
    const { group, meeting } = await load();
    Object.assign(step.values as ShownForm, { zone: group.timeZone, revision: meeting?.revision, participants: group.members.length });
    await sendCard(step.context, meetingFormCard(t, localeOf(step.context), group, { meeting, values, error, now: deps.clock.now() }));
  } catch (e) {
    await step.context.sendActivity(errorMessage(t, e));
    return step.endDialog();
  }
  return step.prompt(PromptIds.card, { retryPrompt: t('meetingForm.useForm') });
}

/**
 * The answer to a meeting form: Cancel changes nothing; a time in the past or a bad value brings the
 * form back (replacing the form loop `formId`) with what was typed and the reason; otherwise `save`
 * runs and its sentence is sent.
 */
export async function answerMeetingForm(
  step: WaterfallStepContext,
  formId: string,
  save: (values: MeetingFormValues) => Promise<string>,
): Promise<DialogTurnResult> {
  const t = tOf(step.context);
  const answer = step.result as MeetingFormPayload | { action: 'form.cancel' };
  if (answer.action !== 'meeting.save') {
    await step.context.sendActivity(t('meetingForm.unchanged'));
    return step.endDialog();
  }
  const values = formValues(answer as MeetingFormPayload);
  try {
    await step.context.sendActivity(await save(values));
  } catch (e) {
    const error = errorMessage(t, e);
    if (isDomainError(e, 'INVALID_INPUT') || isDomainError(e, 'MEETING_IN_PAST')) {
      return step.replaceDialog(formId, { ...step.options, values, error } satisfies FormRetry);
    }
    await step.context.sendActivity(error);
  }
  return step.endDialog();
}

/** A leader plans a meeting for one of their groups; the participants are told and reminded by jobs. */
export class ScheduleMeetingDialog extends CancelAndHelpDialog {
  protected readonly helpKey = 'scheduleMeeting.help';

  constructor(private readonly deps: DialogDeps) {
    super(MeetingsDialogIds.scheduleMeeting);
    this.addDialog(newChoicePrompt(PromptIds.choice))
      .addDialog(new CardPrompt(PromptIds.card, acceptsMeetingForm))
      .addDialog(new WaterfallDialog(steps, [this.pickGroup.bind(this), this.openForm.bind(this)]))
      .addDialog(new WaterfallDialog(form, [this.show.bind(this), this.save.bind(this)]));
    this.initialDialogId = steps;
  }

  private async pickGroup(step: WaterfallStepContext) {
    const t = tOf(step.context);
    const userId = userIdOf(step.context);
    const { groupId } = (step.options ?? {}) as ScheduleMeetingOptions;
    if (groupId) return step.next(groupId);
    const groups = await this.deps.groups.groupsLedBy(userId);
    if (groups.length === 0) {
      const mayLead = this.deps.users.mayLead(await this.deps.users.get(userId), userId);
      await step.context.sendActivity(t(mayLead ? 'scheduleMeeting.noGroups' : 'errors.NOT_LEADER'));
      return step.endDialog();
    }
    if (groups.length === 1) return step.next(groups[0]?.groupId);
    (step.values as { groupIds: string[] }).groupIds = groups.map((g) => g.groupId);
    return step.prompt(PromptIds.choice, { prompt: t('scheduleMeeting.askGroup'), choices: groups.map((g) => g.name) });
  }

  private async openForm(step: WaterfallStepContext) {
    const picked = step.result as string | FoundChoice;
    const groupId = typeof picked === 'string' ? picked : ((step.values as { groupIds: string[] }).groupIds[picked.index] ?? '');
    return step.beginDialog(form, { groupId, requestId: randomUUID() } satisfies ScheduleForm);
  }

  private async show(step: WaterfallStepContext) {
    const { groupId } = step.options as ScheduleForm;
    return showMeetingForm(step, this.deps, async () => ({ group: await this.deps.groups.ledGroup(userIdOf(step.context), groupId) }));
  }

  private async save(step: WaterfallStepContext) {
    const t = tOf(step.context);
    const state = step.options as ScheduleForm;
    const { zone = this.deps.settings.defaultTimeZone, participants } = step.values as ShownForm;
    const key = participants === 0 ? 'scheduleMeeting.doneNoParticipants' : 'scheduleMeeting.done';
    return answerMeetingForm(step, form, async (values) => {
      const input = { ...meetingInput(values), requestId: state.requestId };
      const meeting = await this.deps.meetings.scheduleMeeting(userIdOf(step.context), state.groupId, input);
      return meetingText(t, localeOf(step.context), key, meeting, zone);
    });
  }
}
