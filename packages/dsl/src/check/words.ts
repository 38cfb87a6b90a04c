import { builtinNamed } from '../builtins.js';
import { ref, type MessageRef } from '../messages/index.js';
import { CLAIM_FIELDS, STATE_NAMES, isLayer, lookupEnumValue } from '../vocabulary.js';
import type { EntryKind } from './symbols.js';
import { TYPE_NAMES, isScalar, type Scalar, type Type } from './types.js';

/**
 * The words checking messages are built from, as table messages so that each view renders them
 * in its language: a type's name (typeRef: its English is describeType's text), a declaration's
 * kind (kindRef: `parameter`, `yearly cap`; entryKindRef: the keyword) and what a reserved name
 * already is (reservedRef).
 */

const TYPE_IDS = {
  money: 'rule.type.money',
  ratio: 'rule.type.ratio',
  points: 'rule.type.points',
  number: 'rule.type.number',
  days: 'rule.type.days',
  bool: 'rule.type.bool',
  date: 'rule.type.date',
  text: 'rule.type.text',
  level: 'rule.type.level',
  visit: 'rule.type.visit',
  region: 'rule.type.region',
  referral: 'rule.type.referral',
  category: 'rule.type.category',
  error: 'rule.type.error',
} as const satisfies Record<Scalar, string>;

/** The element of a set, without its article ("a set of ratio"). */
const ELEMENT_IDS = {
  money: 'rule.element.money',
  ratio: 'rule.element.ratio',
  points: 'rule.element.points',
  number: 'rule.element.number',
  days: 'rule.element.days',
  bool: 'rule.element.bool',
  date: 'rule.element.date',
  text: 'rule.element.text',
  level: 'rule.element.level',
  visit: 'rule.element.visit',
  region: 'rule.element.region',
  referral: 'rule.element.referral',
  category: 'rule.element.category',
  error: 'rule.element.error',
} as const satisfies Record<Scalar, string>;

/** describeType as a message: `a ratio`, `a set of population category`. */
export function typeRef(t: Type): MessageRef {
  if (isScalar(t)) return ref(TYPE_IDS[t]);
  return ref('rule.type.set', { element: ref(ELEMENT_IDS[t.collection]) });
}

const KIND_IDS = {
  param: 'rule.kind.param',
  table: 'rule.kind.table',
  set: 'rule.kind.set',
  let: 'rule.kind.let',
  accumulator: 'rule.kind.accumulator',
  bands: 'rule.kind.bands',
  cap: 'rule.kind.cap',
} as const satisfies Record<EntryKind, string>;

/** A declaration's kind in words: `parameter`, `yearly cap`. */
export function kindRef(kind: EntryKind): MessageRef {
  return ref(KIND_IDS[kind]);
}

const ENTRY_KIND_IDS = {
  param: 'decl.entry-kind.param',
  table: 'decl.entry-kind.table',
  set: 'decl.entry-kind.set',
  let: 'decl.entry-kind.let',
  accumulator: 'decl.entry-kind.accumulator',
  bands: 'decl.entry-kind.bands',
  cap: 'decl.entry-kind.cap',
} as const satisfies Record<EntryKind, string>;

/** The kind as its keyword in English (`let`, `bands`), in words in Chinese. */
export function entryKindRef(kind: EntryKind): MessageRef {
  return ref(ENTRY_KIND_IDS[kind]);
}

/** `a ` and the kind in words as a message (the English keeps its "a accumulator"). */
export function aKindRef(kind: EntryKind): MessageRef {
  return ref('rule.kind.a', { kind: kindRef(kind) });
}

/** What a name already means in the language, if anything (a layer, a claim field …), as a message. */
export function reservedRef(name: string): MessageRef | undefined {
  if (isLayer(name)) return ref('rule.reserved.layer');
  if (CLAIM_FIELDS[name]) return ref('rule.reserved.field');
  if (STATE_NAMES[name]) return ref('rule.reserved.state');
  if (builtinNamed(name)) return ref('rule.reserved.function');
  if (TYPE_NAMES[name]) return ref('rule.reserved.type');
  const ev = lookupEnumValue(name);
  if (ev) return ref('rule.reserved.enum-value', { kind: ev.kind });
  return undefined;
}

/** `; did you mean X?` after a message, or nothing. */
export function didYouMean(s: string | undefined): MessageRef | '' {
  return s ? ref('rule.did-you-mean', { name: s }) : '';
}
