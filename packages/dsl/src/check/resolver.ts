import { error, type Diagnostic } from '../diagnostics/diagnostic.js';
import { parseDate } from '../dates.js';
import { Decimal } from '../money.js';
import type * as A from '../syntax/ast.js';
import type { Span } from '../source.js';
import {
  CLAIM_FIELDS,
  LAYERS,
  STATE_NAMES,
  enumNames,
  isLayer,
  lookupEnumValue,
  type LayerName,
} from '../vocabulary.js';
import { ZERO } from '../money.js';
import type { AdjustmentIR, TExpr } from './ir.js';
import { typeOperator } from './operators.js';
import type { Entry } from './symbols.js';
import { suggest } from './suggest.js';
import { describeType, isNumeric, isScalar, sameType, type Scalar, type Type } from './types.js';
import { BUILTINS, builtinNamed, type BuiltinName } from '../builtins.js';

/** Where an expression stands decides what it may read. */
export type Context = 'constant' | 'let' | 'rule';

export interface Scope {
  readonly context: Context;
  /** What is being defined, for messages ("parameter 起付线"). */
  readonly owner: string;
  readonly locals?: ReadonlyMap<string, { readonly slot: number; readonly type: Type }>;
  /** Called on every layer read, for W201. */
  readonly onLayerRead?: (layer: LayerName, span: Span) => void;
  /** Inside `override let`: the definition it replaces. */
  readonly base?: () => TExpr;
}

export interface GlobalResolver {
  /** Resolves a global declaration on first use (cycles report E110). */
  resolveEntry(entry: Entry, at: Span): void;
  readonly entries: ReadonlyMap<string, Entry>;
  readonly declaredLayers: ReadonlySet<LayerName>;
  /** The modifiers' adjustments of a parameter, table or bands (empty when none). */
  adjustmentsFor(entry: Entry): readonly AdjustmentIR[];
}

const err = (span: Span): TExpr => ({ k: 'error', type: 'error', span });
const OP_TEXT: Partial<Record<A.BinaryOp, string>> = { '*': '×', '/': '÷' };

/** Types and binds expressions. Every problem becomes a diagnostic and an `error` node. */
export class ExprResolver {
  constructor(
    private readonly globals: GlobalResolver,
    private readonly diagnostics: Diagnostic[],
  ) {}

  private report(d: Diagnostic): void {
    this.diagnostics.push(d);
  }

  /** Every name a bare identifier could have meant, for "did you mean". */
  private knownNames(scope: Scope): string[] {
    return [
      ...(scope.locals?.keys() ?? []),
      ...this.globals.entries.keys(),
      ...LAYERS,
      ...Object.keys(CLAIM_FIELDS),
      ...Object.keys(STATE_NAMES),
      ...enumNames(),
    ];
  }

  resolve(e: A.Expr, scope: Scope): TExpr {
    const t = this.resolveAny(e, scope);
    this.requirePresent(t);
    return t;
  }

  /** An optional claim field may only stand left of `??` (E206). */
  private requirePresent(t: TExpr): void {
    if (t.k === 'field' && CLAIM_FIELDS[t.field]?.optional) {
      this.report(
        error('E206', t.span, `${t.field} may be absent from a claim; give a default: ${t.field} ?? …`),
      );
    }
  }

  private resolveAny(e: A.Expr, scope: Scope): TExpr {
    switch (e.kind) {
      case 'numeric':
        return this.numeric(e);
      case 'string':
        return { k: 'const', type: 'text', value: e.value, span: e.span };
      case 'bool':
        return { k: 'const', type: 'bool', value: e.value, span: e.span };
      case 'date': {
        const day = parseDate(e.value);
        if (day === undefined) {
          this.report(error('E208', e.span, `${e.value} is not a calendar date`));
          return err(e.span);
        }
        return { k: 'const', type: 'date', value: day, span: e.span };
      }
      case 'name':
        return this.name(e.name, e.span, scope);
      case 'field':
        return this.field(e.field.name, e.field.span, scope, true);
      case 'unary':
        return this.unary(e, scope);
      case 'binary':
        return this.binary(e, scope);
      case 'call':
        return this.call(e, scope);
      case 'index':
        return this.index(e, scope);
      case 'if':
        return this.ifExpr(e, scope);
      case 'set':
        return this.setLiteral(e, scope);
      case 'unadjusted':
        return this.unadjusted(e, scope);
      case 'base':
        if (!scope.base) {
          this.report(error('E504', e.span, '`base` stands only in `override let NAME = …`, for the definition it replaces'));
          return err(e.span);
        }
        return { ...scope.base(), span: e.span };
      case 'error':
        return err(e.span);
    }
  }

  private numeric(e: A.NumericLiteral): TExpr {
    const value = new Decimal(e.value);
    const type: Scalar = e.unit;
    if ((type === 'ratio' || type === 'points') && value.greaterThan(1)) {
      this.report(error('E204', e.span, `${e.raw} is more than 100%: a ratio must lie between 0% and 100%`));
    }
    return { k: 'const', type, value, span: e.span };
  }

  private name(name: string, span: Span, scope: Scope): TExpr {
    const local = scope.locals?.get(name);
    if (local) return { k: 'local', type: local.type, slot: local.slot, name, span };

    const entry = this.globals.entries.get(name);
    if (entry) {
      this.globals.resolveEntry(entry, span);
      entry.used = true;
      switch (entry.kind) {
        case 'param': {
          if (!entry.sym) return err(span);
          const read: TExpr = { k: 'param', type: entry.sym.type, param: entry.sym, span };
          // Parameters are the declared values; modifiers apply where the claim is known.
          return scope.context === 'constant' ? read : this.adjusted(entry, name, read);
        }
        case 'bands':
          this.report(error('E203', span, `bands ${name} apply to an amount: ${name}(amount) or ${name}(from, to)`));
          return err(span);
        case 'cap':
          if (scope.context === 'constant') return this.notConstant(name, 'a yearly cap', span, scope);
          return entry.sym ? { k: 'acc', type: 'money', acc: entry.sym.acc, span } : err(span);
        case 'set':
          return entry.sym ? { k: 'set', type: { collection: this.elementScalar(entry.sym.elementType) }, set: entry.sym, span } : err(span);
        case 'table':
          this.report(error('E203', span, `table ${name} must be looked up with a key: ${name}[${entry.decl.by.name}]`));
          return err(span);
        case 'let':
          if (scope.context === 'constant') return this.notConstant(name, 'a let-binding', span, scope);
          return entry.sym ? { k: 'let', type: entry.sym.type, let: entry.sym, span } : err(span);
        case 'accumulator':
          if (scope.context === 'constant') return this.notConstant(name, 'an accumulator', span, scope);
          return entry.sym ? { k: 'acc', type: 'money', acc: entry.sym, span } : err(span);
      }
    }

    if (isLayer(name)) {
      if (scope.context === 'constant') return this.notConstant(name, 'a layer', span, scope);
      if (scope.context === 'let') {
        this.report(
          error('E111', span, `${scope.owner} reads layer ${name}; layers change while a claim settles, so read them inside a rule`),
        );
        return err(span);
      }
      if (!this.globals.declaredLayers.has(name)) {
        this.report(error('E106', span, `layer ${name} is not among the layers declared in the policy header`));
      }
      scope.onLayerRead?.(name, span);
      return { k: 'layer', type: 'money', layer: name, span };
    }

    if (CLAIM_FIELDS[name]) return this.field(name, span, scope, false);

    const state = STATE_NAMES[name];
    if (state) {
      if (scope.context === 'constant') return this.notConstant(name, 'the settlement state', span, scope);
      if (scope.context === 'let') {
        this.report(error('E111', span, `${scope.owner} reads ${name}, which changes while a claim settles; read it inside a rule`));
        return err(span);
      }
      return { k: 'state', type: state.type, name: name as 'paid' | 'remaining', span };
    }

    const ev = lookupEnumValue(name);
    if (ev) return { k: 'const', type: ev.kind, value: ev.value, span };

    const s = suggest(name, this.knownNames(scope));
    this.report(
      error('E101', span, `unknown name ${name}${s ? `; did you mean ${s}?` : ''}`, s ? { suggestion: s } : {}),
    );
    return err(span);
  }

  private elementScalar(t: Type): Scalar {
    return isScalar(t) ? t : t.collection;
  }

  private notConstant(name: string, what: string, span: Span, scope: Scope): TExpr {
    this.report(error('E112', span, `${scope.owner} must be a constant, but ${name} is ${what}`));
    return err(span);
  }

  private field(name: string, span: Span, scope: Scope, explicit: boolean): TExpr {
    const info = CLAIM_FIELDS[name];
    if (!info) {
      const s = suggest(name, Object.keys(CLAIM_FIELDS));
      this.report(
        error('E102', span, `unknown claim field ${name}${s ? `; did you mean ${s}?` : ''}`, s ? { suggestion: s } : {}),
      );
      return err(span);
    }
    if (scope.context === 'constant') {
      return this.notConstant(explicit ? `claim.${name}` : name, 'a claim field', span, scope);
    }
    return { k: 'field', type: info.type, field: name, span };
  }

  private unary(e: A.UnaryExpr, scope: Scope): TExpr {
    const operand = this.resolve(e.operand, scope);
    if (e.op === 'not') {
      this.expect(operand, 'bool', 'not');
      return { k: 'not', type: 'bool', operand, span: e.span };
    }
    if (operand.type !== 'error' && !isNumeric(operand.type)) {
      this.report(error('E203', operand.span, `cannot negate ${describeType(operand.type)}`));
      return err(e.span);
    }
    return { k: 'neg', type: operand.type, operand, span: e.span };
  }

  /** Reports E203 unless the expression has the type (errors pass silently: already reported). */
  expect(t: TExpr, type: Type, where: string): boolean {
    if (t.type === 'error' || sameType(t.type, type)) return true;
    if (type === 'money' && t.type === 'ratio') {
      this.report(error('E202', t.span, `a ratio where money belongs (${where}); did you mean a ratio of an amount, e.g. 90% of …?`));
    } else if (type === 'ratio' && t.type === 'money') {
      this.report(error('E201', t.span, `money where a ratio belongs (${where}); write a percentage such as 90%`));
    } else if (type === 'money' && t.type === 'number') {
      this.report(error('E203', t.span, `a plain number where money belongs (${where}); write it in 元, e.g. 7500元`));
    } else {
      this.report(error('E203', t.span, `${where} needs ${describeType(type)}, but this is ${describeType(t.type)}`));
    }
    return false;
  }

  /** A plain literal 0 takes the numeric type of the other side: max(0, x − 起付线). */
  private coerceZero(t: TExpr, to: Type): TExpr {
    if (t.k === 'const' && t.type === 'number' && t.value instanceof Decimal && t.value.isZero() && isNumeric(to)) {
      return { ...t, type: to };
    }
    if (t.k === 'const' && t.type === 'number' && to === 'level' && t.value instanceof Decimal && t.value.isInteger()) {
      return { ...t, type: 'level', value: t.value.toNumber() };
    }
    return t;
  }

  private unify(l: TExpr, r: TExpr): [TExpr, TExpr] {
    return [this.coerceZero(l, r.type), this.coerceZero(r, l.type)];
  }

  /** E201/E202 for a money/ratio mix, pointing at the operand that is out of place. */
  private mixError(l: TExpr, r: TExpr, op: string): TExpr {
    const span = { file: l.span.file, start: l.span.start, end: r.span.end };
    if (l.type === 'money' && r.type === 'ratio') {
      this.report(error('E202', r.span, `a ratio where money belongs: money ${op} a ratio; did you mean (${op === '+' || op === '-' ? '100% ' + op + ' ratio' : 'ratio'}) × amount?`));
    } else if (l.type === 'ratio' && r.type === 'money') {
      this.report(error('E201', r.span, `money where a ratio belongs: a ratio ${op} money`));
    } else if (l.type === 'money' && r.type === 'points') {
      this.report(error('E203', r.span, `percentage points change a ratio, not money (money ${op} points)`));
    } else {
      this.report(error('E203', r.span, `cannot combine ${describeType(l.type)} ${op} ${describeType(r.type)}`));
    }
    return err(span);
  }

  private binary(e: A.BinaryExpr, scope: Scope): TExpr {
    if (e.op === 'above' || e.op === 'capped') return this.limit(e, scope);
    if (e.op === '??') {
      const left = this.resolveAny(e.left, scope);
      const right = this.resolve(e.right, scope);
      if (left.type === 'error' || right.type === 'error') return err(e.span);
      const [l, r] = this.unify(left, right);
      if (!sameType(l.type, r.type)) return this.mixError(l, r, '??');
      return { k: 'binary', op: '??', type: l.type, left: l, right: r, clampRatio: false, span: e.span };
    }
    const left0 = this.resolve(e.left, scope);
    const right0 = this.resolve(e.right, scope);
    if (left0.type === 'error' || right0.type === 'error') return err(e.span);
    const [left, right] = this.unify(left0, right0);
    const node = (type: Type, clampRatio = false): TExpr => ({ k: 'binary', op: e.op, type, left, right, clampRatio, span: e.span });
    if (e.op === 'and' || e.op === 'or') {
      this.expect(left, 'bool', `'${e.op}'`);
      this.expect(right, 'bool', `'${e.op}'`);
      return node('bool');
    }
    const typing = typeOperator(e.op, left.type, right.type);
    if (typing.ok) return node(typing.type, typing.clampRatio);
    const lt = left.type;
    const rt = right.type;
    switch (typing.problem) {
      case 'money-times-money':
        this.report(error('E201', right.span, 'money where a ratio belongs: money × money has no meaning; write a percentage such as 90%'));
        break;
      case 'money-share':
        this.report(error('E201', left.span, `money where a ratio belongs: the left of 'of' is a share, e.g. 90% of …`));
        break;
      case 'enum-mismatch': {
        const shown = right.k === 'const' ? `${String(right.value)} is ${describeType(rt)}` : `the right side is ${describeType(rt)}`;
        this.report(error('E203', right.span, `${shown}, but ${describeType(lt)} is expected here`));
        break;
      }
      case 'not-a-set':
        this.report(error('E203', right.span, `'${e.op}' needs a set on its right, but this is ${describeType(rt)}`));
        break;
      case 'not-a-member':
        this.report(error('E203', left.span, `${describeType(lt)} cannot be a member of ${describeType(rt)}`));
        break;
      case 'mix':
        return this.mixError(left, right, OP_TEXT[e.op] ?? e.op);
    }
    return err(e.span);
  }

  /** Wraps a read in the adjustments modifiers make to its target, if any. */
  private adjusted(entry: Entry, target: string, read: TExpr): TExpr {
    const adjustments = this.globals.adjustmentsFor(entry);
    if (adjustments.length === 0) return read;
    return { k: 'adjusted', type: read.type, target, base: read, adjustments, span: read.span };
  }

  private unadjusted(e: A.UnadjustedExpr, scope: Scope): TExpr {
    const entry = this.globals.entries.get(e.target.name);
    if (!entry || (entry.kind !== 'param' && entry.kind !== 'table')) {
      this.report(error('E502', e.target.span, `unadjusted reads a parameter or a table; ${e.target.name} is ${entry ? `a ${entry.kind}` : 'not declared'}`));
      return err(e.span);
    }
    if (entry.kind === 'table') {
      if (!e.key) {
        this.report(error('E203', e.target.span, `table ${e.target.name} must be looked up with a key: unadjusted ${e.target.name}[…]`));
        return err(e.span);
      }
      return this.index({ kind: 'index', table: e.target, key: e.key, span: e.span }, scope, false);
    }
    this.globals.resolveEntry(entry, e.target.span);
    entry.used = true;
    return entry.sym ? { k: 'param', type: entry.sym.type, param: entry.sym, span: e.span } : err(e.span);
  }

  /** `a above b` = max(0, a − b); `a capped at b` = min(a, max(0, b)). */
  private limit(e: A.BinaryExpr, scope: Scope): TExpr {
    const left0 = this.resolve(e.left, scope);
    const right0 = this.resolve(e.right, scope);
    if (left0.type === 'error' || right0.type === 'error') return err(e.span);
    const [left, right] = this.unify(left0, right0);
    const word = e.op === 'above' ? 'above' : 'capped at';
    if (!isNumeric(left.type) || !sameType(left.type, right.type)) {
      if (isNumeric(left.type) && isNumeric(right.type)) return this.mixError(left, right, word);
      this.report(error('E203', e.opSpan, `'${word}' compares two amounts of one kind, not ${describeType(left.type)} and ${describeType(right.type)}`));
      return err(e.span);
    }
    const type = left.type;
    const zero: TExpr = { k: 'const', type, value: ZERO, span: e.opSpan };
    const span = e.span;
    if (e.op === 'above') {
      const diff: TExpr = { k: 'binary', op: '-', type, left, right, clampRatio: false, span };
      return { k: 'call', fn: 'max', type, args: [zero, diff], span };
    }
    const floor: TExpr = { k: 'call', fn: 'max', type, args: [zero, right], span: right.span };
    return { k: 'call', fn: 'min', type, args: [left, floor], span };
  }

  private bandsCall(entry: Extract<Entry, { kind: 'bands' }>, e: A.CallExpr, scope: Scope): TExpr {
    const name = e.callee.name;
    this.globals.resolveEntry(entry, e.callee.span);
    entry.used = true;
    if (scope.context === 'constant') return this.notConstant(name, 'bands applied to an amount', e.span, scope);
    if (e.args.length < 1 || e.args.length > 2) {
      this.report(error('E113', e.callee.span, `bands ${name} apply to one amount, ${name}(x), or a stretch of one, ${name}(from, to); not ${e.args.length} arguments`));
      return err(e.span);
    }
    const args = e.args.map((a) => this.coerceZero(this.resolve(a, scope), 'money'));
    if (args.some((a) => a.type === 'error') || !entry.sym) return err(e.span);
    for (const a of args) if (!this.expect(a, 'money', `bands ${name}`)) return err(e.span);
    const [first, second] = args as [TExpr, TExpr | undefined];
    const adjustments = this.globals.adjustmentsFor(entry);
    return {
      k: 'bands',
      type: 'money',
      bands: entry.sym,
      upper: second ?? first,
      adjustments,
      span: e.span,
      ...(second ? { lower: first } : {}),
    };
  }

  private call(e: A.CallExpr, scope: Scope): TExpr {
    const name = e.callee.name;
    const bandsEntry = this.globals.entries.get(name);
    if (bandsEntry?.kind === 'bands') return this.bandsCall(bandsEntry, e, scope);
    const fn = builtinNamed(name);
    if (!fn) {
      const s = suggest(name, Object.keys(BUILTINS));
      this.report(error('E113', e.callee.span, `unknown function ${name}${s ? `; did you mean ${s}?` : ''}`, s ? { suggestion: s } : {}));
      return err(e.span);
    }
    if (e.args.length < fn.minArgs || e.args.length > fn.maxArgs) {
      const want = fn.minArgs === fn.maxArgs ? `${fn.minArgs}` : `${fn.minArgs} to ${fn.maxArgs}`;
      this.report(error('E113', e.callee.span, `${name} takes ${want} arguments, not ${e.args.length}`));
      return err(e.span);
    }
    let args = e.args.map((a) => this.resolve(a, scope));
    if (args.some((a) => a.type === 'error')) return err(e.span);
    const sig = fn.signature;
    if (sig.kind === 'same-numeric') {
      const target = args.find((a) => !(a.k === 'const' && a.type === 'number'))?.type ?? args[0]?.type ?? 'error';
      args = args.map((a) => this.coerceZero(a, target));
      for (const a of args) {
        if (!isNumeric(a.type)) {
          this.report(error('E203', a.span, `${name} compares numbers, but this is ${describeType(a.type)}`));
          return err(e.span);
        }
        if (!sameType(a.type, target)) {
          const first = args[0] as TExpr;
          return this.mixError(first, a, `${name}(…)`);
        }
      }
      return { k: 'call', fn: fn.name as BuiltinName, type: target, args, span: e.span };
    }
    args.forEach((a, i) => this.expect(a, sig.params[i] ?? 'text', name));
    return { k: 'call', fn: fn.name as BuiltinName, type: sig.result, args, span: e.span };
  }

  private index(e: A.IndexExpr, scope: Scope, adjust = true): TExpr {
    const name = e.table.name;
    const entry = this.globals.entries.get(name);
    if (!entry || entry.kind !== 'table') {
      if (!entry) {
        const tables = [...this.globals.entries.values()].filter((x) => x.kind === 'table').map((x) => x.decl.name.name);
        const s = suggest(name, tables);
        this.report(error('E101', e.table.span, `unknown table ${name}${s ? `; did you mean ${s}?` : ''}`, s ? { suggestion: s } : {}));
      } else {
        this.report(error('E203', e.table.span, `${name} is not a table and cannot be looked up with [ ]`));
      }
      return err(e.span);
    }
    this.globals.resolveEntry(entry, e.table.span);
    entry.used = true;
    const key0 = this.resolve(e.key, scope);
    const sym = entry.sym;
    if (!sym || key0.type === 'error') return err(e.span);
    const key = this.coerceZero(key0, sym.keyType);
    const ok = sameType(key.type, sym.keyType) || (sym.keyType === 'level' && key.type === 'number');
    if (!ok) {
      this.report(error('E203', key.span, `table ${name} is keyed by ${sym.by} (${describeType(sym.keyType)}), but this key is ${describeType(key.type)}`));
      return err(e.span);
    }
    if (scope.context === 'constant' && key.k !== 'const') {
      return this.notConstant(`${name}[…]`, 'a lookup by a claim value', e.span, scope);
    }
    const read: TExpr = { k: 'index', type: sym.valueType, table: sym, key, span: e.span };
    return adjust && scope.context !== 'constant' ? this.adjusted(entry, name, read) : read;
  }

  private ifExpr(e: A.IfExpr, scope: Scope): TExpr {
    const cond = this.resolve(e.cond, scope);
    this.expect(cond, 'bool', "'if'");
    const then0 = this.resolve(e.then, scope);
    const else0 = this.resolve(e.else, scope);
    if (then0.type === 'error' || else0.type === 'error' || cond.type === 'error') return err(e.span);
    const [then, els] = this.unify(then0, else0);
    if (!sameType(then.type, els.type)) return this.mixError(then, els, "'else'");
    return { k: 'if', type: then.type, cond, then, else: els, span: e.span };
  }

  private setLiteral(e: A.SetExpr, scope: Scope): TExpr {
    const elements = e.elements.map((x) => this.resolve(x, scope));
    if (elements.length === 0) {
      this.report(error('E203', e.span, 'an empty set has no members; remove the condition instead'));
      return err(e.span);
    }
    if (elements.some((x) => x.type === 'error')) return err(e.span);
    const first = elements[0] as TExpr;
    const elem: Scalar = isScalar(first.type) ? first.type : 'error';
    const normalized = elements.map((x) => (x.type === 'number' && elements.some((y) => y.type === 'level') ? this.coerceZero(x, 'level') : x));
    for (const x of normalized) {
      if (x.type !== elem) {
        this.report(error('E203', x.span, `a set holds values of one kind: ${describeType(elem)}, not ${describeType(x.type)}`));
        return err(e.span);
      }
    }
    return { k: 'setLit', type: { collection: elem }, elements: normalized, span: e.span };
  }
}
