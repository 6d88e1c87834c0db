import { ActivityTypes, type Activity } from 'botbuilder';
import { ComponentDialog, WaterfallDialog, type DialogTurnResult, type FoundChoice, type WaterfallStepContext } from 'botbuilder-dialogs';
import type { DialogDependencies } from '../dialogs/dependencies.js';
import { LocalizedChoicePrompt, localizedPrompt } from '../dialogs/prompts.js';
import { makeTestBot } from './support/dialogs.js';
import { text } from './support/i18n.js';

/** Asks one localized choice and reports the value picked. */
class PickDialog extends ComponentDialog {
  constructor(
    deps: DialogDependencies,
    private readonly picked: string[],
  ) {
    super('pick');
    this.addDialog(new WaterfallDialog('pick.steps', [this.askStep.bind(this), this.keepStep.bind(this)]));
    this.addDialog(new LocalizedChoicePrompt('pick.prompt', deps.i18n));
    this.initialDialogId = 'pick.steps';
  }

  private async askStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    return step.prompt(
      'pick.prompt',
      localizedPrompt({
        prompt: { key: 'support:review.ask' },
        choices: [
          { value: 'internal.one', titleKey: 'support:review.confirm' },
          { value: 'internal.two', titleKey: 'support:review.correct.phone' },
        ],
      }),
    );
  }

  private async keepStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    this.picked.push((step.result as FoundChoice).value);
    return step.endDialog();
  }
}

const cardButtons = (reply: Partial<Activity>) =>
  (reply.attachments?.[0]?.content as { buttons?: { title: string; value: string }[] } | undefined)?.buttons ?? [];

describe('localized choices in Teams (hero card)', () => {
  test('the buttons show the localized titles, not internal values, and pressing one picks its value', async () => {
    const picked: string[] = [];
    const { adapter } = makeTestBot({ defaultLocale: 'sv', mainDialog: (deps) => new PickDialog(deps, picked) });
    const message = (said: string) => ({ type: ActivityTypes.Message, text: said, locale: 'sv-SE', channelId: 'msteams' });
    await adapter
      .send(message('hej'))
      .assertReply(text('sv', 'welcome.intro'))
      .assertReply((reply) => {
        expect(reply.attachments?.[0]?.contentType).toBe('application/vnd.microsoft.card.hero');
        expect(cardButtons(reply).map((button) => [button.title, button.value])).toEqual([
          [text('sv', 'support:review.confirm'), text('sv', 'support:review.confirm')],
          [text('sv', 'support:review.correct.phone'), text('sv', 'support:review.correct.phone')],
        ]);
      })
      .send(message(text('sv', 'support:review.correct.phone')))
      .startTest();
    expect(picked).toEqual(['internal.two']);
  });
});
