import type { Activity, TurnContext } from 'botbuilder';
import { stepListActivity } from './stepListCards.js';
import type { TopicIntent } from './nlu/intents.js';
import { tr } from './turn.js';
import { DETAIL_FIELDS } from './verification.js';

/**
 * The direct answer to a typed question about one topic of the fact inventory. Each uses the same
 * fact keys (locales/<lng>/facts.json) as the dialog step the topic belongs to: one text per fact.
 */
export function topicAnswer(context: TurnContext, topic: TopicIntent): Partial<Activity>[] {
  const t = tr(context);
  const text = (...keys: string[]) => keys.map((key) => ({ type: 'message', text: t(key) }));
  switch (topic) {
    case 'trial':
      return text('facts:F01.trial');
    case 'productKey':
      return text('facts:F02.productKey');
    case 'reactivate':
      return text('facts:F03.reactivate');
    case 'quickRecall':
      return text('facts:F04.quickRecall');
    case 'termEnd':
      return [
        stepListActivity(context, {
          intro: t('facts:F06.intro'),
          steps: [t('facts:F06.step1'), t('facts:F06.step2')],
          outro: t('facts:F06.outcome'),
        }),
      ];
    case 'termLengths':
      return text('facts:F07.termLengths');
    case 'openFpp':
      return text('facts:F08.openFpp');
    case 'earlyTerminationFee':
      return text('facts:F09.fee');
    case 'domains':
      return text('facts:F10.domains');
    case 'data':
      return text('facts:F11.saveData');
    case 'verification':
      return [stepListActivity(context, { intro: t('facts:F14.intro'), steps: DETAIL_FIELDS.map((field) => t(`facts:F14.${field}`)) })];
    case 'whoMayCall':
      return text('facts:F15.mustBeAdmin');
    case 'plansCovered':
      return text('facts:F16.appliesTo');
  }
}
