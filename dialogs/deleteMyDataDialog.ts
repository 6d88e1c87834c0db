import { ComponentDialog, WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import { requestErasure } from '../src/domain/dataDeletion.js';
import { tr } from '../src/domain/turn.js';
import type { DialogDependencies } from './dependencies.js';
import { LocalizedConfirmPrompt, localizedPrompt } from './prompts.js';

export const DELETE_MY_DATA_DIALOG = 'deleteMyData';
const CONFIRM_PROMPT = `${DELETE_MY_DATA_DIALOG}.confirm`;

/**
 * "delete my data": says what will go, asks to confirm, and on yes ends every dialog and asks for
 * the erasure, which the bot carries out once the turn's state is saved. On no, nothing changes
 * and the conversation goes on where it was.
 */
export class DeleteMyDataDialog extends ComponentDialog {
  constructor({ i18n }: Pick<DialogDependencies, 'i18n'>) {
    super(DELETE_MY_DATA_DIALOG);
    this.addDialog(new WaterfallDialog(`${DELETE_MY_DATA_DIALOG}.steps`, [this.askConfirmationStep.bind(this), this.actStep.bind(this)]));
    this.addDialog(new LocalizedConfirmPrompt(CONFIRM_PROMPT, i18n));
    this.initialDialogId = `${DELETE_MY_DATA_DIALOG}.steps`;
  }

  private async askConfirmationStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    return step.prompt(CONFIRM_PROMPT, localizedPrompt({ prompt: { key: 'privacy:confirm' }, retryPrompt: { key: 'privacy:retry' } }));
  }

  private async actStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    if (step.result !== true) {
      await step.context.sendActivity(tr(step.context)('privacy:kept'));
      return step.endDialog();
    }
    requestErasure(step.context);
    // The whole stack, not only this dialog: the conversation is being deleted.
    return step.cancelAllDialogs(true);
  }
}
