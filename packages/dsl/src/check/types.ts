/** Types of the language. Scalars by name; sets and lists as `{ collection: scalar }`. */

export type Scalar =
  | 'money'
  | 'ratio'
  | 'points'
  | 'number'
  | 'days'
  | 'bool'
  | 'date'
  | 'text'
  | 'level'
  | 'visit'
  | 'region'
  | 'referral'
  | 'category'
  | 'error';

export type Type = Scalar | { readonly collection: Scalar };

export const ERROR: Type = 'error';

export function isScalar(t: Type): t is Scalar {
  return typeof t === 'string';
}

export function sameType(a: Type, b: Type): boolean {
  if (isScalar(a) || isScalar(b)) return a === b;
  return a.collection === b.collection;
}

export function isNumeric(t: Type): boolean {
  return t === 'money' || t === 'ratio' || t === 'points' || t === 'number' || t === 'days';
}

const NAMES: Record<Scalar, string> = {
  money: 'money',
  ratio: 'a ratio',
  points: 'percentage points',
  number: 'a plain number',
  days: 'a number of days',
  bool: 'a condition (true/false)',
  date: 'a date',
  text: 'text',
  level: 'a provider level',
  visit: 'a visit kind',
  region: 'a region',
  referral: 'a referral status',
  category: 'a population category',
  error: 'an invalid value',
};

export function describeType(t: Type): string {
  if (isScalar(t)) return NAMES[t];
  return `a set of ${NAMES[t.collection].replace(/^an? /, '')}`;
}

/** Type names an analyst may write in `param x : money = …`. */
export const TYPE_NAMES: Record<string, Scalar> = {
  money: 'money',
  ratio: 'ratio',
  points: 'points',
  number: 'number',
  days: 'days',
  bool: 'bool',
  date: 'date',
  text: 'text',
};
