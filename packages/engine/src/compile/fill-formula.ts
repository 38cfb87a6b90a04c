import type { LetSym, TExpr, Type } from '@policy/dsl';
import type { ClaimContext } from '../runtime/context.js';
import type { RowRead } from '../trace.js';
import { compileAdjustments, compileExpr, type CompileEnv, type Fn } from './compile-expr.js';
import { formatValue } from './format-value.js';
import type { SourceText } from './trace-info.js';

/**
 * A formula with the actual numbers filled in, for the explanation: every name (parameter,
 * claim field, layer, accumulator, let, table row) replaced by its value —
 * `(28000.00 − 400.00) × 80%`. Compiled once, for the traced evaluator only.
 *
 * A filler never evaluates what the settlement did not: the branch of an `if` not taken, the
 * right side of an `and` / `or` that short-circuited and the fallback of a `??` whose left
 * side was present are shown as `…`. So filling a formula cannot fail where settling did not.
 */

/** What a filled formula read that the explanation lists on lines of its own. */
export interface FillSink {
  /** Top-level lets read, in the order first read. */
  readonly lets: Set<LetSym>;
  /** Table rows read, by `table[key]`. */
  readonly rows: Map<string, RowRead>;
  /**
   * Values a modifier moved, by the read's text (`住院报销比例[level]`): the value and how it was
   * moved (`75% + 5% (两升两降)`), as a formula's inputs list them. Collected where a sink has it
   * (the lets a rule's formula reads, however deep), on the branches taken only.
   */
  readonly adjusted?: Map<string, { readonly value: string; readonly how: string }>;
}

export type Filler = (c: ClaimContext, sink: FillSink) => string;

export function newSink(): FillSink {
  return { lets: new Set(), rows: new Map() };
}

const OPERATOR: Readonly<Record<string, string>> = {
  '*': '×',
  '/': '÷',
  '-': '−',
  '<=': '≤',
  '>=': '≥',
  '!=': '≠',
};

/** Binding strength, as in the grammar (dsl/src/syntax/parser.ts): higher binds tighter. */
function precedence(e: TExpr): number {
  switch (e.k) {
    case 'if':
      return 0;
    case 'binary':
      switch (e.op) {
        case 'or':
          return 1;
        case 'and':
          return 2;
        case '??':
          return 5;
        case '+':
        case '-':
          return 6;
        case '*':
        case '/':
        case 'of':
          return 7;
        default:
          return 4; // comparisons, in, not in
      }
    case 'not':
      return 3;
    case 'neg':
      return 8;
    default:
      return 9;
  }
}

/** A value as a filled formula shows it: text quoted, the rest as traces show values. */
export function fillValue(v: unknown, type: Type): string {
  if (type === 'text' && typeof v === 'string') return JSON.stringify(v);
  return formatValue(v, type);
}

export function compileFiller(e: TExpr, env: CompileEnv, source: SourceText): Filler {
  const child = (x: TExpr, min: number): Filler => {
    const f = compileFiller(x, env, source);
    return precedence(x) < min ? (c, s) => `(${f(c, s)})` : f;
  };
  const valueOf = (x: TExpr): Filler => {
    const read = compileExpr(x, env);
    return (c) => fillValue(read(c), x.type);
  };
  switch (e.k) {
    case 'const': {
      // A literal as written (`0元`, `100%`); a constant the checker made (`above` → max(0, …)) has no text of its own.
      const written = source.text(e.span);
      const text = /^[-0-9.]/.test(written) ? written : fillValue(e.value, e.type);
      return () => text;
    }
    case 'set':
      return () => e.set.name;
    case 'let': {
      const read = valueOf(e);
      const sym = e.let;
      return (c, s) => {
        s.lets.add(sym);
        return read(c, s);
      };
    }
    case 'index': {
      const read = compileExpr(e, env);
      const key = compileExpr(e.key, env);
      const table = e.table.name;
      const type = e.type;
      const keyType = e.key.type;
      return (c, s) => {
        const value = fillValue(read(c), type);
        const k = formatValue(key(c), keyType);
        s.rows.set(`${table}[${k}]`, { table, key: k, value });
        return value;
      };
    }
    case 'adjusted': {
      // The value after modifiers; a table row read under them is listed with its declared value.
      const read = valueOf(e);
      const base = e.base;
      const row = base.k === 'index' ? compileFiller(base, env, source) : undefined;
      const moved = adjustedBy(e, env, source);
      return (c, s) => {
        row?.(c, s);
        const value = read(c, s);
        if (s.adjusted) moved(c, s.adjusted, value);
        return value;
      };
    }
    case 'neg': {
      const f = child(e.operand, 9);
      return (c, s) => `−${f(c, s)}`;
    }
    case 'not': {
      const f = child(e.operand, 3);
      return (c, s) => `not ${f(c, s)}`;
    }
    case 'binary':
      return binaryFiller(e, env, child);
    case 'call': {
      const args = e.args.map((a) => compileFiller(a, env, source));
      const name = e.fn;
      return (c, s) => `${name}(${args.map((a) => a(c, s)).join(', ')})`;
    }
    case 'if': {
      const cond = compileExpr(e.cond, env);
      const condText = compileFiller(e.cond, env, source);
      const then = child(e.then, 1);
      const els = child(e.else, 1);
      return (c, s) => {
        const taken = Boolean(cond(c));
        return `if ${condText(c, s)} then ${taken ? then(c, s) : '…'} else ${taken ? '…' : els(c, s)}`;
      };
    }
    case 'setLit': {
      const elements = e.elements.map((x) => compileFiller(x, env, source));
      return (c, s) => `{${elements.map((x) => x(c, s)).join(', ')}}`;
    }
    case 'bands': {
      const lower = e.lower ? compileFiller(e.lower, env, source) : undefined;
      const upper = compileFiller(e.upper, env, source);
      const name = e.bands.name;
      return (c, s) => `${name}(${lower ? `${lower(c, s)}, ` : ''}${upper(c, s)})`;
    }
    case 'error':
      return () => '?';
    default:
      // parameters, claim fields, paid / remaining, layers, accumulators, locals, adjusted reads
      return valueOf(e);
  }
}

function binaryFiller(
  e: Extract<TExpr, { k: 'binary' }>,
  env: CompileEnv,
  child: (x: TExpr, min: number) => Filler,
): Filler {
  const p = precedence(e);
  const op = OPERATOR[e.op] ?? e.op;
  // Left-associative: the left operand may bind as loosely as this operator, the right one not
  // (`a − (b − c)` keeps its parentheses); and / or are associative.
  // An `and` inside an `or` keeps parentheses, for the reader.
  const left = child(e.left, e.op === 'or' ? p + 2 : e.op === 'and' ? p : p === 4 ? p + 1 : p);
  const right = child(e.right, e.op === 'or' ? p + 2 : e.op === 'and' ? p : p + 1);
  if (e.op === 'and' || e.op === 'or' || e.op === '??') {
    const l: Fn = compileExpr(e.left, env);
    const stopsAt = e.op === 'and' ? false : true;
    return (c, s) => {
      const lv: unknown = l(c);
      const short = e.op === '??' ? lv !== undefined : Boolean(lv) === stopsAt;
      return `${left(c, s)} ${op} ${short ? '…' : right(c, s)}`;
    };
  }
  return (c, s) => `${left(c, s)} ${op} ${right(c, s)}`;
}

/** Records how the modifiers in force moved an adjusted read (nothing when none applies). */
function adjustedBy(e: Extract<TExpr, { k: 'adjusted' }>, env: CompileEnv, source: SourceText): (c: ClaimContext, into: NonNullable<FillSink['adjusted']>, value: string) => void {
  const adjs = compileAdjustments(e.adjustments, env);
  const base = compileExpr(e.base, env);
  const label = source.text(e.span);
  return (c, into, value) => {
    const parts = adjs
      .filter((a) => !a.when || a.when(c))
      .map((a) => `${a.adjustment.op === '*' ? '×' : a.adjustment.op} ${formatValue(a.amount(c), a.adjustment.amount.type)} (${a.adjustment.modifier.name})`);
    if (parts.length > 0) into.set(label, { value, how: `${formatValue(base(c), e.type)} ${parts.join(' ')}` });
  };
}
