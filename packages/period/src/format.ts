import {
  MONTH_NAMES,
  SCALES,
  WEEKDAY_NAMES,
  type PeriodModel,
  type Scale,
  type SubPeriod,
  type ValueRange,
} from './model.js';

export interface FormatOptions {
  /**
   * Text for a period without restriction. Default `''`, which Time::Period reads as always;
   * PortaOne shows and accepts `Always`, which plain Time::Period rejects.
   */
  readonly alwaysText?: string;
}

/**
 * Canonical text: short scale names in a fixed order, names for wd and mo, numbers elsewhere,
 * `v` for a single value, `v-v` for a range, e.g. `wd {mo-fr} hr {9-16}, wd {sa} hr {10-13}`.
 * `parse(format(model))` equals `model` for any model `parse` can return.
 */
export function format(model: PeriodModel, options: FormatOptions = {}): string {
  const alwaysText = options.alwaysText ?? '';
  if (model.kind === 'always') return alwaysText;
  if (model.kind === 'never' || model.periods.length === 0) return 'none';
  // A part without any scale is unrestricted, which no sub-period text can say.
  if (model.periods.some(isUnrestricted)) return alwaysText;
  return model.periods.map(formatSubPeriod).join(', ');
}

export function isUnrestricted(subPeriod: SubPeriod): boolean {
  return SCALES.every((scale) => subPeriod[scale] === undefined);
}

function formatSubPeriod(subPeriod: SubPeriod): string {
  return SCALES.filter((scale) => subPeriod[scale] !== undefined)
    .map((scale) => `${scale} {${subPeriod[scale]!.map((range) => formatRange(scale, range)).join(' ')}}`)
    .join(' ');
}

function formatRange(scale: Scale, { from, to }: ValueRange): string {
  return from === to ? formatValue(scale, from) : `${formatValue(scale, from)}-${formatValue(scale, to)}`;
}

function formatValue(scale: Scale, value: number): string {
  if (scale === 'wd') return WEEKDAY_NAMES[value - 1] ?? String(value);
  if (scale === 'mo') return MONTH_NAMES[value - 1] ?? String(value);
  return String(value);
}
