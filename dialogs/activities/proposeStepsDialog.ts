import { randomUUID } from 'node:crypto';
import { TextPrompt, WaterfallDialog, type FoundChoice, type WaterfallStepContext } from 'botbuilder-dialogs';
import { costLevels, effortLevels, proposalLimits, travelLevels, type Demands } from '../../src/domain/activities';
import type { Group } from '../../src/domain/groups';
import type { ProposalDraft } from '../../src/services/activities';
import { CancelAndHelpDialog } from '../shared/cancelAndHelpDialog';
import { tOf, userIdOf } from '../shared/context';
import { newChoicePrompt } from '../shared/promptDefaults';
import { activityErrorText, defaultGroupId, type ActivitiesDeps } from './deps';
import { DomainError } from '../../src/domain/shared/errors';
import { ActivityDialogIds } from './ids';

export interface ProposeStepsOptions {
  groupId: string;
}

const steps = 'activities.proposeSteps.steps';
const whenLoop = 'activities.proposeSteps.when';
const textPrompt = 'activities.text';
const choicePrompt = 'activities.choice';
const skipWords = new Set(['-', 'ohita', 'skip', 'hoppa över']);

interface State {
  groupId: string;
  requestId: string;
  zone: string;
  draft: Omit<Partial<ProposalDraft>, 'demands'> & { demands: Partial<Demands> };
}

const optional = (answer: unknown) => {
  const text = String(answer ?? '').trim();
  return skipWords.has(text.toLowerCase()) ? '' : text;
};

/** Proposing in plain text, one question at a time; the optional parts can be skipped with "-". */
export class ProposeStepsDialog extends CancelAndHelpDialog {
  protected readonly helpKey = 'activities.steps.help';

  constructor(private readonly deps: ActivitiesDeps) {
    super(ActivityDialogIds.proposeSteps);
    this.addDialog(new TextPrompt(textPrompt, async (p) => p.recognized.succeeded && (p.recognized.value ?? '').length <= proposalLimits.description))
      .addDialog(newChoicePrompt(choicePrompt))
      .addDialog(new WaterfallDialog(whenLoop, [this.askWhen.bind(this), this.readWhen.bind(this)]))
      .addDialog(
        new WaterfallDialog(steps, [
          this.start.bind(this),
          this.askDescription.bind(this),
          this.askWhenLoop.bind(this),
          this.askPlace.bind(this),
          this.askCost.bind(this),
          this.askEffort.bind(this),
          this.askTravel.bind(this),
          this.askCostLevel.bind(this),
          this.askOther.bind(this),
          this.save.bind(this),
        ]),
      );
    this.initialDialogId = steps;
  }

  private state(step: WaterfallStepContext): State {
    return step.values as State;
  }

  private ask(step: WaterfallStepContext, key: string) {
    const t = tOf(step.context);
    return step.prompt(textPrompt, { prompt: t(key), retryPrompt: t('activities.steps.tooLong', { max: proposalLimits.description }) });
  }

  private choose(step: WaterfallStepContext, key: string, prefix: string, levels: readonly string[]) {
    const t = tOf(step.context);
    return step.prompt(choicePrompt, { prompt: t(key), choices: levels.map((l) => t(`${prefix}.${l}`)) });
  }

  private async start(step: WaterfallStepContext) {
    const t = tOf(step.context);
    // A typed "propose" carries no group: the person's own (or the first one they lead).
    const groupId = (step.options as Partial<ProposeStepsOptions>).groupId ?? (await defaultGroupId(this.deps, step.context));
    let group: Group;
    try {
      if (!groupId) throw new DomainError('NOT_IN_GROUP');
      group = (await this.deps.activities.proposals.group(userIdOf(step.context), groupId)).group;
    } catch (e) {
      await step.context.sendActivity(activityErrorText(t, e));
      return step.endDialog();
    }
    Object.assign(step.values, { groupId, requestId: randomUUID(), zone: group.timeZone, draft: { demands: {} } } satisfies State);
    return step.prompt(textPrompt, {
      prompt: t('activities.steps.title'),
      retryPrompt: t('activities.steps.tooLong', { max: proposalLimits.title }),
    });
  }

  private async askDescription(step: WaterfallStepContext) {
    const title = String(step.result ?? '').trim();
    if (!title || title.length > proposalLimits.title) {
      await step.context.sendActivity(tOf(step.context)('activities.form.titleError'));
      return step.replaceDialog(steps, step.options);
    }
    this.state(step).draft.title = title;
    return this.ask(step, 'activities.steps.description');
  }

  private async askWhenLoop(step: WaterfallStepContext) {
    this.state(step).draft.description = optional(step.result);
    return step.beginDialog(whenLoop, { groupId: this.state(step).groupId });
  }

  private async askWhen(step: WaterfallStepContext) {
    return this.ask(step, 'activities.steps.when');
  }

  /** A time that cannot be read (or has passed) is asked again with the reason. */
  private async readWhen(step: WaterfallStepContext) {
    const typed = optional(step.result);
    const { groupId } = step.options as { groupId: string };
    try {
      const { group } = await this.deps.activities.proposals.group(userIdOf(step.context), groupId);
      this.deps.activities.proposals.readTimes(group, typed);
      return step.endDialog(typed);
    } catch (e) {
      await step.context.sendActivity(activityErrorText(tOf(step.context), e));
      return step.replaceDialog(whenLoop, step.options);
    }
  }

  private async askPlace(step: WaterfallStepContext) {
    this.state(step).draft.when = String(step.result ?? '');
    return this.ask(step, 'activities.steps.place');
  }

  private async askCost(step: WaterfallStepContext) {
    this.state(step).draft.place = optional(step.result).slice(0, proposalLimits.place);
    return this.ask(step, 'activities.steps.cost');
  }

  private async askEffort(step: WaterfallStepContext) {
    this.state(step).draft.cost = optional(step.result).slice(0, proposalLimits.cost);
    return this.choose(step, 'activities.steps.effort', 'activities.levels.effort', effortLevels);
  }

  private async askTravel(step: WaterfallStepContext) {
    this.state(step).draft.demands.effort = effortLevels[(step.result as FoundChoice).index];
    return this.choose(step, 'activities.steps.travel', 'activities.levels.travel', travelLevels);
  }

  private async askCostLevel(step: WaterfallStepContext) {
    this.state(step).draft.demands.travel = travelLevels[(step.result as FoundChoice).index];
    return this.choose(step, 'activities.steps.costLevel', 'activities.levels.cost', costLevels);
  }

  private async askOther(step: WaterfallStepContext) {
    this.state(step).draft.demands.cost = costLevels[(step.result as FoundChoice).index];
    return this.ask(step, 'activities.steps.other');
  }

  private async save(step: WaterfallStepContext) {
    const t = tOf(step.context);
    const state = this.state(step);
    const other = optional(step.result).slice(0, 200);
    const draft = { ...state.draft, demands: { ...state.draft.demands, ...(other ? { other } : {}) } } as ProposalDraft;
    try {
      const saved = await this.deps.activities.proposals.propose(userIdOf(step.context), state.groupId, draft, state.requestId);
      const lines = [t('activities.saved', { title: saved.proposal.title })];
      if (saved.mayNotSuit > 0) lines.push(t('activities.fit.mayNotSuit', { count: saved.mayNotSuit }));
      if (saved.openedRound) lines.push(t('activities.autoOpened', { count: saved.openedRound.proposalIds.length }));
      await step.context.sendActivity(lines.join('\n\n'));
    } catch (e) {
      await step.context.sendActivity(activityErrorText(t, e));
    }
    return step.endDialog();
  }
}
