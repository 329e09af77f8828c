import { ComponentDialog, DialogTurnStatus, type DialogContext, type DialogTurnResult } from 'botbuilder-dialogs';
import { tOf } from './context';
import { isKeyword } from './coreRoutes';

/**
 * Interruptions every dialog understands, typed in any of the three languages:
 * help (repeats what is being asked, with a hint), cancel (ends the dialog), menu (ends it and shows the menu).
 */
export abstract class CancelAndHelpDialog extends ComponentDialog {
  /** A locale key explaining what this dialog is doing. */
  protected abstract readonly helpKey: string;

  /** What "cancel" says: a dialog that has already saved something says what was kept. */
  protected async cancelledKey(_innerDc: DialogContext): Promise<string> {
    return 'common.cancelled';
  }

  override async onContinueDialog(innerDc: DialogContext): Promise<DialogTurnResult> {
    const interrupted = await this.interrupt(innerDc);
    return interrupted ?? super.onContinueDialog(innerDc);
  }

  private async interrupt(innerDc: DialogContext): Promise<DialogTurnResult | undefined> {
    const { activity } = innerDc.context;
    if (activity.type !== 'message' || typeof activity.text !== 'string' || activity.value) return undefined;
    const keyword = (['help', 'cancel', 'menu'] as const).find((k) => isKeyword(activity.text as string, k));
    const t = tOf(innerDc.context);
    switch (keyword) {
      case 'help':
        await innerDc.context.sendActivity(`${t(this.helpKey)}\n\n${t('help.inDialog')}`);
        await innerDc.repromptDialog();
        return { status: DialogTurnStatus.waiting };
      case 'cancel':
        const cancelled = await this.cancelledKey(innerDc);
        await innerDc.cancelAllDialogs();
        await innerDc.context.sendActivity(t(cancelled));
        return { status: DialogTurnStatus.cancelled, result: { showMenu: true } };
      case 'menu':
        await innerDc.cancelAllDialogs();
        return { status: DialogTurnStatus.cancelled, result: { showMenu: true } };
      default:
        return undefined;
    }
  }
}
