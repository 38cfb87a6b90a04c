import { Decimal, formatDate, formatMoney, formatRatio, type Type } from '@policy/dsl';

/** A value as traces show it: money with 2 decimals (or exact when finer), ratios as %. */
export function formatValue(value: unknown, type: Type): string {
  if (value === undefined) return '(absent)';
  if (value instanceof Decimal) {
    if (type === 'ratio' || type === 'points') return formatRatio(value);
    if (type === 'money') return value.decimalPlaces() <= 2 ? formatMoney(value) : value.toString();
    return value.toString();
  }
  if (type === 'date' && typeof value === 'number') return formatDate(value);
  if (value instanceof Set) return `{${[...(value as Set<unknown>)].map(String).join(', ')}}`;
  return String(value);
}
