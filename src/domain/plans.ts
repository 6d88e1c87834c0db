/** The kinds of subscription the assistant tells apart (F01, F02, F07, F08, F12, F13, F16). */
export const PLANS = ['smallBusiness', 'midsizeBusiness', 'enterprise', 'trial', 'productKey', 'openFpp'] as const;
export type PlanId = (typeof PLANS)[number];

/** Why admins cancel (F05): the fixed reasons offered as buttons; labels in locales/<lng>/feedback.json. */
export const FEEDBACK_REASONS = [
  'tooExpensive',
  'missingFeatures',
  'movingToAnotherProduct',
  'notUsingEnough',
  'technicalProblems',
  'supportExperience',
  'companyChange',
  'temporaryNeed',
  'other',
] as const;
export type FeedbackReason = (typeof FEEDBACK_REASONS)[number];
