import type { Bucket, Disaggregation, EnteredValues, Indicator, PeriodValues } from './api';
import { sexes } from './api';

/** A bucket the form offers: one sex, one administration or one key factor (single-dimension splits). */
export interface BucketSlot {
  key: string;
  dimension: Disaggregation;
  bucket: Pick<Bucket, 'sex' | 'administrationId' | 'keyFactorCode'>;
}

export interface Pair {
  target: string;
  actual: string;
}

/** What the form holds: text as typed, so nothing is lost or reformatted when a save fails. */
export interface ValuesForm extends Pair {
  targetComment: string;
  actualComment: string;
  buckets: Record<string, Pair>;
}

/** The buckets of an indicator's disaggregations, in its order: sex, administration, key factor. */
export function bucketSlots(indicator: Indicator, administrationIds: readonly string[], keyFactorCodes: readonly string[]): BucketSlot[] {
  return indicator.disaggregations.flatMap((dimension): BucketSlot[] => {
    switch (dimension) {
      case 'sex':
        return sexes.map((sex) => ({ key: `sex:${sex}`, dimension, bucket: { sex } }));
      case 'administration':
        return administrationIds.map((id) => ({ key: `administration:${id}`, dimension, bucket: { administrationId: id } }));
      case 'key_factor':
        return keyFactorCodes.map((code) => ({ key: `key_factor:${code}`, dimension, bucket: { keyFactorCode: code } }));
    }
  });
}

const text = (value: number | null | undefined) => (value == null ? '' : String(value));

function keyOf(row: Bucket): string | null {
  const given = [row.sex && `sex:${row.sex}`, row.administrationId && `administration:${row.administrationId}`, row.keyFactorCode && `key_factor:${row.keyFactorCode}`].filter(Boolean);
  // Pairs (sex and administration together) are not offered by the form; they stay as the API has them.
  return given.length === 1 ? (given[0] as string) : null;
}

/** The form filled with what is recorded for the period. */
export function formOf(values: PeriodValues | undefined): ValuesForm {
  const buckets: Record<string, Pair> = {};
  for (const row of values?.disaggregations ?? []) {
    const key = keyOf(row);
    if (key) buckets[key] = { target: text(row.target), actual: text(row.actual) };
  }
  return {
    target: text(values?.target),
    actual: text(values?.actual),
    targetComment: values?.targetComment ?? '',
    actualComment: values?.actualComment ?? '',
    buckets,
  };
}

const parse = (typed: string | undefined) => (typed === undefined || typed.trim() === '' ? null : Number(typed.replace(',', '.')));

/**
 * The RecordIndicatorValues body, and where each bucket went in `disaggregations` (the API names its errors
 * `disaggregations[2].target`). A computed indicator sends no actuals; a qualitative one only its comments.
 */
export function toEnteredValues(form: ValuesForm, indicator: Indicator, slots: readonly BucketSlot[]) {
  const computed = indicator.computedBy !== undefined;
  const qualitative = indicator.measure === 'qualitative';
  const indexOf = new Map<string, number>();
  const disaggregations: Bucket[] = [];
  if (!qualitative) {
    for (const slot of slots) {
      const target = parse(form.buckets[slot.key]?.target);
      const actual = computed ? null : parse(form.buckets[slot.key]?.actual);
      if (target === null && actual === null) continue;
      indexOf.set(slot.key, disaggregations.length);
      disaggregations.push({ ...slot.bucket, target, actual });
    }
  }
  const body: EnteredValues = {
    target: qualitative ? null : parse(form.target),
    actual: qualitative || computed ? null : parse(form.actual),
    targetComment: form.targetComment.trim() || null,
    actualComment: form.actualComment.trim() || null,
    disaggregations,
  };
  return { body, indexOf };
}

export type BreakdownProblem =
  | { kind: 'notANumber'; key: string; field: keyof Pair }
  | { kind: 'notAddingUp'; dimension: Disaggregation; field: keyof Pair; sum: number; total: number };

/**
 * What the API would refuse, said before sending: text that is not a number, and, for an indicator
 * measured in units, a split by sex or by administration with every bucket given that does not add up
 * to the total (key factors overlap, so they need not).
 */
export function breakdownProblems(form: ValuesForm, indicator: Indicator, slots: readonly BucketSlot[]): BreakdownProblem[] {
  const problems: BreakdownProblem[] = [];
  const fields: (keyof Pair)[] = indicator.computedBy ? ['target'] : ['target', 'actual'];
  for (const field of fields) {
    if (Number.isNaN(parse(form[field]))) problems.push({ kind: 'notANumber', key: 'total', field });
    for (const slot of slots)
      if (Number.isNaN(parse(form.buckets[slot.key]?.[field]))) problems.push({ kind: 'notANumber', key: slot.key, field });
  }
  if (indicator.measure !== 'unit' || problems.length > 0) return problems;
  for (const dimension of ['sex', 'administration'] as const) {
    const split = slots.filter((slot) => slot.dimension === dimension);
    if (split.length === 0) continue;
    for (const field of fields) {
      const total = parse(form[field]);
      const parts = split.map((slot) => parse(form.buckets[slot.key]?.[field]));
      if (total === null || parts.some((part) => part === null)) continue;
      const sum = parts.reduce<number>((all, part) => all + (part ?? 0), 0);
      // Decimals typed by hand (12.1 + 0.2) must not fail on floating-point dust.
      if (Math.abs(sum - total) > 1e-9) problems.push({ kind: 'notAddingUp', dimension, field, sum, total });
    }
  }
  return problems;
}

