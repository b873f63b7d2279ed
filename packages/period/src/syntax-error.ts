import type { ParseError } from './errors.js';
import { errorMessage } from './i18n.js';

/** Thrown by `parseOrThrow`, `compile` and `matches` for a malformed period text. */
export class PeriodSyntaxError extends Error {
  override readonly name = 'PeriodSyntaxError';

  constructor(
    /** Where and why the text is malformed; show it with `errorMessage(error, locale)`. */
    readonly error: ParseError,
    readonly text: string,
  ) {
    super(errorMessage(error, 'en'));
  }
}
