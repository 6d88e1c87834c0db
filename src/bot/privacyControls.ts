import type { TurnContext } from 'botbuilder';
import type { Dialog } from 'botbuilder-dialogs';
import type { i18n } from 'i18next';
import { DeleteMyDataDialog } from '../../dialogs/deleteMyDataDialog.js';
import { eraseRequestedData, isDeleteMyDataRequest, type DataEraserDependencies } from '../domain/dataDeletion.js';

/** What the bot needs for "delete my data": recognise it, the confirmation dialog, the erasure after the turn. */
export interface PrivacyControls {
  dialog: Dialog;
  isRequest(text: string | undefined): boolean;
  afterTurn(context: TurnContext): Promise<void>;
}

export function createPrivacyControls(i18n: i18n, deps: DataEraserDependencies): PrivacyControls {
  return {
    dialog: new DeleteMyDataDialog({ i18n }),
    isRequest: (text) => isDeleteMyDataRequest(i18n, text),
    afterTurn: (context) => eraseRequestedData(context, deps),
  };
}
