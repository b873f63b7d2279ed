import { MONTH_NAMES, SCALE_BOUNDS, WEEKDAY_NAMES, isValidYear, type Scale } from './model.js';

export type ValueProblem = 'invalid_value' | 'value_out_of_range';
/** A canonical value, or why the text is not one. */
export type ValueReading = number | ValueProblem;

const DIGITS = /^[0-9]+$/;
const LETTER = /[a-z]/;
const HOUR_WITH_SUFFIX = /^([0-9]+)(am|pm|noon)$/;
// Perl turns a string into a number from its leading numeric part; it skips no non-ASCII space.
const PERL_NUMBER_START = /^[0-9+.]/;

/**
 * Reads one value of a scale from lower-cased text, with Time::Period's rules.
 * `standalone` is true for a value written alone (`v`) rather than as an end of `v-v`:
 * only yd treats the two differently (see `readStandaloneYearDay`).
 */
export function readValue(scale: Scale, text: string, standalone: boolean): ValueReading {
  switch (scale) {
    case 'yr':
      return readYear(text);
    case 'mo':
      return readNamedOrNumber(scale, text, MONTH_NAMES);
    case 'wd':
      return readNamedOrNumber(scale, text, WEEKDAY_NAMES);
    case 'hr':
      return readHour(text);
    case 'yd':
      return standalone ? readStandaloneYearDay(text) : readNumber(scale, text);
    default:
      return readNumber(scale, text);
  }
}

function withinBounds(scale: Scale, value: number): ValueReading {
  const { min, max } = SCALE_BOUNDS[scale];
  return value >= min && value <= max ? value : 'value_out_of_range';
}

function readNumber(scale: Scale, text: string): ValueReading {
  return DIGITS.test(text) ? withinBounds(scale, Number(text)) : 'invalid_value';
}

function readYear(text: string): ValueReading {
  if (!DIGITS.test(text)) return 'invalid_value';
  // Years past any representable date never match, in Perl or here; keeping them exact is pointless.
  const year = Math.min(Number(text), Number.MAX_SAFE_INTEGER);
  return isValidYear(year) ? year : 'value_out_of_range';
}

/** Any text with a letter is a name, of which only the first 2 (weekdays) or 3 (months) letters count. */
function readNamedOrNumber(scale: Scale, text: string, names: readonly string[]): ValueReading {
  if (LETTER.test(text)) {
    const index = names.indexOf(text.slice(0, names[0]!.length));
    return index < 0 ? 'invalid_value' : index + 1;
  }
  return readNumber(scale, text);
}

/** 0–23, or 12am (0), 1am–11am, 12noon, 12pm (12), 1pm–11pm; `13am` is 13, as in Perl. */
function readHour(text: string): ValueReading {
  const suffixed = HOUR_WITH_SUFFIX.exec(text);
  if (!suffixed) return readNumber('hr', text);
  const hour = Number(suffixed[1]);
  switch (suffixed[2]) {
    case 'am':
      return withinBounds('hr', hour === 12 ? 0 : hour);
    case 'pm':
      return withinBounds('hr', hour === 12 ? 12 : hour + 12);
    default:
      return hour === 12 ? 12 : 'invalid_value';
  }
}

/**
 * Time::Period decrements a lone yd value before checking that it is all digits, so Perl's
 * numeric reading applies: `5a`, `+5`, `5.0` and `.5e1` all mean day 5. Reproduced on purpose.
 */
function readStandaloneYearDay(text: string): ValueReading {
  if (DIGITS.test(text)) return withinBounds('yd', Number(text));
  if (!PERL_NUMBER_START.test(text)) return 'invalid_value';
  const value = Number.parseFloat(text);
  if (!Number.isInteger(value)) return 'invalid_value';
  return withinBounds('yd', value);
}
