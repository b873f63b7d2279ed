import { isUnrestricted } from './format.js';
import { englishText } from './i18n.js';
import { YEAR, localTime, slotOf, slotsNeeded, type LocalTime } from './local-time.js';
import { SCALES, fullYear, type PeriodModel, type SubPeriod, type ValueRange } from './model.js';
import { parseOrThrow } from './parse.js';
import { valueTable } from './ranges.js';

/**
 * Whether a moment is in the period, with the local time taken in `timeZone` (an IANA name
 * such as `Europe/Berlin`; default: the runtime's zone). `at` is a Date or epoch milliseconds.
 */
export type PeriodMatcher = (at: Date | number, timeZone?: string) => boolean;

interface CompiledSubPeriod {
  /** For each restricted scale (but yr): its slot in the local time and a 0/1 table by value. */
  readonly slots: readonly number[];
  readonly tables: readonly Uint8Array[];
  /** null when yr is not restricted. */
  readonly years: readonly ValueRange[] | null;
}

const always: PeriodMatcher = (at) => (epochMs(at), true);
const never: PeriodMatcher = (at) => (epochMs(at), false);

/**
 * Parses once and returns a fast matcher, with Time::Period's semantics: true when any
 * sub-period matches, i.e. when every scale of it has a range containing the local value.
 * Throws `PeriodSyntaxError` for a malformed text.
 */
export function compile(period: string | PeriodModel): PeriodMatcher {
  const model = typeof period === 'string' ? parseOrThrow(period) : period;
  if (model.kind === 'always') return always;
  if (model.kind === 'never' || model.periods.length === 0) return never;
  if (model.periods.some(isUnrestricted)) return always;
  const subPeriods = model.periods.map(compileSubPeriod);
  const needed = slotsNeeded(model.periods.flatMap((subPeriod) => SCALES.filter((scale) => subPeriod[scale])));
  return (at, timeZone) => matchesAny(subPeriods, localTime(epochMs(at), timeZone, needed));
}

const compiledTexts = new Map<string, PeriodMatcher>();
const compiledModels = new WeakMap<PeriodModel, PeriodMatcher>();
const MAX_CACHED_TEXTS = 256;

/** `compile(period)(at, timeZone)`, with compiled periods cached by text and by model object. */
export function matches(period: string | PeriodModel, at: Date | number, timeZone?: string): boolean {
  return cachedMatcher(period)(at, timeZone);
}

function cachedMatcher(period: string | PeriodModel): PeriodMatcher {
  if (typeof period !== 'string') {
    let matcher = compiledModels.get(period);
    if (!matcher) {
      matcher = compile(period);
      compiledModels.set(period, matcher);
    }
    return matcher;
  }
  let matcher = compiledTexts.get(period);
  if (!matcher) {
    matcher = compile(period);
    if (compiledTexts.size >= MAX_CACHED_TEXTS) compiledTexts.delete(compiledTexts.keys().next().value!);
    compiledTexts.set(period, matcher);
  }
  return matcher;
}

function epochMs(at: Date | number): number {
  const ms = typeof at === 'number' ? at : at.getTime();
  if (!Number.isFinite(ms)) throw new RangeError(englishText('errors.invalid_instant'));
  return ms;
}

function compileSubPeriod(subPeriod: SubPeriod): CompiledSubPeriod {
  const scales = SCALES.filter((scale) => scale !== 'yr' && subPeriod[scale] !== undefined);
  return {
    slots: scales.map(slotOf),
    tables: scales.map((scale) => valueTable(scale, subPeriod[scale])),
    years: subPeriod.yr ?? null,
  };
}

function matchesAny(subPeriods: readonly CompiledSubPeriod[], time: LocalTime): boolean {
  for (let index = 0; index < subPeriods.length; index++) {
    if (matchesAll(subPeriods[index]!, time)) return true;
  }
  return false;
}

function matchesAll({ slots, tables, years }: CompiledSubPeriod, time: LocalTime): boolean {
  for (let index = 0; index < tables.length; index++) {
    if (tables[index]![time[slots[index]!]!] !== 1) return false;
  }
  return years === null || yearMatches(years, time[YEAR]!);
}

/**
 * Years never wrap: the ends are swapped when needed. A two-digit year gets the first two
 * digits of the evaluated year, as Time::Period does (so `99-1972` in 2025 is 1972–2099).
 */
function yearMatches(ranges: readonly ValueRange[], year: number): boolean {
  for (const { from, to } of ranges) {
    const first = fullYear(from, year);
    const last = fullYear(to, year);
    if (year >= Math.min(first, last) && year <= Math.max(first, last)) return true;
  }
  return false;
}
