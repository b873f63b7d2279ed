export { SCALES, type PeriodModel, type Scale, type SubPeriod, type ValueRange } from './model.js';
export type { ParseError, ParseErrorCode } from './errors.js';
export { parse, parseOrThrow, type ParseResult } from './parse.js';
export { PeriodSyntaxError } from './syntax-error.js';
export { format, type FormatOptions } from './format.js';
export { compile, matches, type PeriodMatcher } from './matches.js';
export { describe, type DescribeOptions } from './describe.js';
export type { HourCycle } from './intl.js';
export {
  PERIOD_MESSAGES,
  addPeriodMessages,
  errorMessage,
  type MessageOptions,
  type PeriodMessages,
  type PeriodTranslate,
} from './i18n.js';
export { fromFormPeriods, isRepresentableInForm, toFormPeriods, type FormPeriod } from './form.js';
