import { WaterfallDialog, type FoundChoice, type WaterfallStepContext } from 'botbuilder-dialogs';
import { CancelAndHelpDialog } from '../shared/cancelAndHelpDialog';
import { tOf, userIdOf, type DialogDeps } from '../shared/context';
import { PromptIds } from '../shared/dialogIds';
import { languageChoices, localeFromChoice } from './languageChoice';
import { newChoicePrompt } from '../shared/promptDefaults';
import { PeopleDialogIds } from './dialogIds';

const steps = 'languageSteps';

export class LanguageDialog extends CancelAndHelpDialog {
  protected readonly helpKey = 'language.help';

  constructor(private readonly deps: DialogDeps) {
    super(PeopleDialogIds.language);
    this.addDialog(newChoicePrompt(PromptIds.choice)).addDialog(new WaterfallDialog(steps, [this.ask.bind(this), this.save.bind(this)]));
    this.initialDialogId = steps;
  }

  private async ask(step: WaterfallStepContext) {
    return step.prompt(PromptIds.choice, { prompt: tOf(step.context)('language.ask'), choices: languageChoices });
  }

  private async save(step: WaterfallStepContext) {
    const locale = localeFromChoice(step.result as FoundChoice);
    await this.deps.users.setLocale(userIdOf(step.context), locale);
    step.context.activity.locale = locale;
    await step.context.sendActivity(tOf(step.context)('language.saved'));
    return step.endDialog({ showMenu: true });
  }
}
