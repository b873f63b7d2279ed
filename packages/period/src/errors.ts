/** Why a period text is malformed. Stable: widgets and tests rely on these codes. */
export type ParseErrorCode =
  /** Nothing between two commas, or a comma at the start. */
  | 'empty_sub_period'
  /** Something other than a scale name where a scale must start (e.g. `{mo}`, `5 {1}`). */
  | 'expected_scale'
  /** A word that is not one of the nine scales or their long names. */
  | 'unknown_scale'
  /** A scale name not followed by `{`. */
  | 'missing_open_brace'
  /** A `{` without its `}` (detail.brace `{`), or a `}` without a `{` (detail.brace `}`). */
  | 'unbalanced_brace'
  /** A `{` between `{` and `}`. */
  | 'nested_brace'
  /** Text after a line break inside braces: Time::Period would silently ignore it. */
  | 'line_break_in_braces'
  /** A range with nothing before or after its `-`. */
  | 'empty_range'
  /** A value that is neither a number nor a name the scale knows. */
  | 'invalid_value'
  /** A number outside the scale's range (e.g. `hr {24}`, `yr {1500}`). */
  | 'value_out_of_range';

export interface ParseError {
  readonly code: ParseErrorCode;
  /** Offset (UTF-16 code units) of the offending text in the input. */
  readonly index: number;
  /** Length of the offending text; 0 when something is missing at the end. */
  readonly length: number;
  /** Values for the message: `scale`, `value`, `min`, `max`, `range`, `found`, `brace`. */
  readonly detail: Readonly<Record<string, string | number>>;
}
