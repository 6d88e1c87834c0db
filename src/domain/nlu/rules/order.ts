/*
 * The order the reading rules run in after the classifier (EmbeddedRecognizer.recognizeText): each rule reads the
 * message's signs and may put another reading on top, so a later rule sees what the earlier ones decided. The order is
 * part of the readings: moving a rule changes them.
 */
import { readsBareRequestToCancelAsThePath, readsRequestNamingAPlanAsThePath, readsStoryThenTheWayAsThePath, setsAsideThePathWhenAskingOtherThanTheWay } from './asking.js';
import { readsWhetherTheGuideFitsAsAppliesTo } from './audience.js';
import { readsBeingStuckAsHelp, readsGoingBackToTheStartAsStartOver, readsGoingOnInALanguageAsSwitch, readsNamedFeedbackAsFeedback, readsRedoingTheConversationAsStartOver, setsAsideGoodbyeWithoutClosingWords, setsAsideLanguageSwitchWithoutALanguage } from './conversation.js';
import { readsCancelAndDeleteAsQuickRecall, readsDeletionWithoutHasteAsData, readsHasteToDeleteAsQuickRecall, readsHowLongBeforeDeletionAsData, readsQuickRecallByItsNameAsQuickRecall, readsRetentionPeriodAsData, readsTakingDataOutAsData } from './data.js';
import { readsMailOnTheDomainAsDomains } from './domains.js';
import { decidesTrialOrData } from './plans.js';
import { readsBringingBackAsReactivation } from './reactivation.js';
import { readsWhetherBeingSufficesAsWhoMayCall, readsWhoMayCallOrCancelAsWhoMayCall, readsWhoseCallItIsAsWhoMayCall } from './roles.js';
import { readsTaskForTheAssistantAsOutOfScope, readsUnsureAdviceOrEverydayTaskAsOutOfScope } from './scope.js';
import { levelsNamedRunnerUp, readsFeedbackQuestionAsNamedFact, readsNamedSubjectOverMentionedCancelling, setsAsideReadingsWithoutTheirSign } from './subjects.js';
import { readsBillingThatStopsAsTermEnd, readsCancellingAtTheTermsEndAsTermEnd, readsCommitmentAsTermLengths, readsCostOfLeavingEarlyAsFee, readsNamedTermLengthAsTermLengths, readsRenewalAsAskedLengthAsTermLengths, readsStoppingTheRenewalAsTermEnd } from './term.js';
import { readsNamedDetailsAsVerification, readsProvingIdentityAsVerification, readsWhatTheCallerIsAskedAsVerification, readsWhatTheCallNeedsAsVerification } from './theCall.js';
import type { ReadingRule } from './reading.js';

/** From the readings the classifier and the goodbye rules leave, up to the plan with a rule of its own. */
export const RULES_BEFORE_THE_PLAN: readonly ReadingRule[] = [
  readsDeletionWithoutHasteAsData,
  decidesTrialOrData,
  readsCancelAndDeleteAsQuickRecall,
  readsHasteToDeleteAsQuickRecall,
  setsAsideReadingsWithoutTheirSign,
  setsAsideGoodbyeWithoutClosingWords,
  readsTakingDataOutAsData,
  readsProvingIdentityAsVerification,
  readsNamedDetailsAsVerification,
  readsBeingStuckAsHelp,
  readsNamedFeedbackAsFeedback,
  readsHowLongBeforeDeletionAsData,
  readsRetentionPeriodAsData,
  readsStoppingTheRenewalAsTermEnd,
  readsRenewalAsAskedLengthAsTermLengths,
  readsNamedTermLengthAsTermLengths,
  readsCommitmentAsTermLengths,
  readsCostOfLeavingEarlyAsFee,
  readsWhoMayCallOrCancelAsWhoMayCall,
  readsWhetherBeingSufficesAsWhoMayCall,
  readsWhoseCallItIsAsWhoMayCall,
  readsCancellingAtTheTermsEndAsTermEnd,
  readsBillingThatStopsAsTermEnd,
  readsBareRequestToCancelAsThePath,
  setsAsideLanguageSwitchWithoutALanguage,
  readsNamedSubjectOverMentionedCancelling,
  readsFeedbackQuestionAsNamedFact,
  levelsNamedRunnerUp,
  readsMailOnTheDomainAsDomains,
  readsBringingBackAsReactivation,
  readsGoingBackToTheStartAsStartOver,
  readsRedoingTheConversationAsStartOver,
  readsWhetherTheGuideFitsAsAppliesTo,
  readsRequestNamingAPlanAsThePath,
];

/** After the plan with a rule of its own (readsDescribedPlanAsItsQuestion), before the conversational signs (socialReading). */
export const RULES_AFTER_THE_PLAN: readonly ReadingRule[] = [
  readsGoingOnInALanguageAsSwitch,
  readsWhatTheCallNeedsAsVerification,
  readsQuickRecallByItsNameAsQuickRecall,
  readsWhatTheCallerIsAskedAsVerification,
];

/** After the conversational signs: the path, and what is out of scope. */
export const RULES_LAST: readonly ReadingRule[] = [
  setsAsideThePathWhenAskingOtherThanTheWay,
  readsStoryThenTheWayAsThePath,
  readsUnsureAdviceOrEverydayTaskAsOutOfScope,
  readsTaskForTheAssistantAsOutOfScope,
];
