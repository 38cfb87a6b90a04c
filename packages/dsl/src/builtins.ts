import { Decimal, roundFen } from './money.js';

/**
 * The built-in functions: the one table the checker (arity, signature), the language service
 * (doc), the decimal.js evaluators (`decimal`) and the fixed-point emitter (`fixed`) read. A new
 * function is one entry here; `BuiltinName` types the IR's `call.fn`, so every evaluator that
 * switches over the names instead (the prover's encoding) is checked complete by the compiler.
 */
export type Signature =
  /** Two or more numbers of one type (money, ratio, days …); the result has that type. */
  | { readonly kind: 'same-numeric' }
  /** Fixed argument types and result. */
  | { readonly kind: 'fixed'; readonly params: readonly ('money' | 'text')[]; readonly result: 'money' | 'bool' };

/** How the fixed-point emitter computes the function (engine/src/fixed/emit-expr.ts). */
export type FixedForm =
  | { readonly kind: 'extremum'; readonly math: 'min' | 'max' }
  | { readonly kind: 'round-fen' }
  | { readonly kind: 'text-test'; readonly method: 'endsWith' | 'startsWith' | 'includes' };

/** A value the decimal.js evaluator passes to and gets back from a built-in. */
export type BuiltinValue = Decimal | string | boolean;

export interface Builtin {
  readonly name: string;
  readonly minArgs: number;
  readonly maxArgs: number;
  readonly doc: string;
  readonly signature: Signature;
  /** The reference (decimal.js) meaning, given arguments of the checked types. */
  readonly decimal: (args: readonly BuiltinValue[]) => BuiltinValue;
  readonly fixed: FixedForm;
}

const decimals = (args: readonly BuiltinValue[]) => args as readonly Decimal[];
const texts = (args: readonly BuiltinValue[]) => args as readonly [string, string];

const TABLE = {
  min: {
    minArgs: 2,
    maxArgs: 16,
    doc: 'the least of numbers of one type',
    signature: { kind: 'same-numeric' },
    decimal: (args) => Decimal.min(...decimals(args)),
    fixed: { kind: 'extremum', math: 'min' },
  },
  max: {
    minArgs: 2,
    maxArgs: 16,
    doc: 'the greatest of numbers of one type',
    signature: { kind: 'same-numeric' },
    decimal: (args) => Decimal.max(...decimals(args)),
    fixed: { kind: 'extremum', math: 'max' },
  },
  round_fen: {
    minArgs: 1,
    maxArgs: 1,
    doc: 'money rounded half-up to the fen (D4), for a share that is rounded before it is split',
    signature: { kind: 'fixed', params: ['money'], result: 'money' },
    decimal: (args) => roundFen(args[0] as Decimal),
    fixed: { kind: 'round-fen' },
  },
  ends_with: {
    minArgs: 2,
    maxArgs: 2,
    doc: 'ends_with(text, suffix)',
    signature: { kind: 'fixed', params: ['text', 'text'], result: 'bool' },
    decimal: (args) => texts(args)[0].endsWith(texts(args)[1]),
    fixed: { kind: 'text-test', method: 'endsWith' },
  },
  starts_with: {
    minArgs: 2,
    maxArgs: 2,
    doc: 'starts_with(text, prefix)',
    signature: { kind: 'fixed', params: ['text', 'text'], result: 'bool' },
    decimal: (args) => texts(args)[0].startsWith(texts(args)[1]),
    fixed: { kind: 'text-test', method: 'startsWith' },
  },
  contains: {
    minArgs: 2,
    maxArgs: 2,
    doc: 'contains(text, part)',
    signature: { kind: 'fixed', params: ['text', 'text'], result: 'bool' },
    decimal: (args) => texts(args)[0].includes(texts(args)[1]),
    fixed: { kind: 'text-test', method: 'includes' },
  },
} as const satisfies Record<string, Omit<Builtin, 'name'>>;

export type BuiltinName = keyof typeof TABLE;

export const BUILTINS: Readonly<Record<BuiltinName, Builtin>> = Object.fromEntries(
  Object.entries(TABLE).map(([name, b]) => [name, { name, ...b }]),
) as Record<BuiltinName, Builtin>;

/** The built-in of a name, if the name is one (`Object.hasOwn`: `toString` is not a function here). */
export function builtinNamed(name: string): Builtin | undefined {
  return Object.hasOwn(BUILTINS, name) ? BUILTINS[name as BuiltinName] : undefined;
}
