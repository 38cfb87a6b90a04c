import { error, type Diagnostic } from '../diagnostics/diagnostic.js';
import { ref, type MessageRef } from '../messages/index.js';
import { parseDate } from '../dates.js';
import { Decimal } from '../money.js';
import type * as A from '../syntax/ast.js';
import type { Span } from '../source.js';
import { CLAIM_FIELDS } from '../vocabulary.js';
import { ZERO } from '../money.js';
import type { TExpr } from './ir.js';
import { typeOperator } from './operators.js';
import type { Entry } from './symbols.js';
import { suggest } from './suggest.js';
import { isNumeric, isScalar, sameType, type Scalar, type Type } from './types.js';
import { BUILTINS, builtinNamed, type BuiltinName } from '../builtins.js';
import { NameBinder, type GlobalResolver, type Scope } from './bind-names.js';
import { Typing } from './typing.js';
import { entryKindRef, typeRef } from './words.js';

export type { Context, GlobalResolver, Scope } from './bind-names.js';

const err = (span: Span): TExpr => ({ k: 'error', type: 'error', span });
const OP_TEXT: Partial<Record<A.BinaryOp, string>> = { '*': '×', '/': '÷' };

/**
 * Resolves expressions: the structure of each kind of node (operators, calls, lookups, `if`,
 * sets, `above`/`capped at` desugared to min/max), binding names through NameBinder and
 * checking types through Typing. Every problem becomes a diagnostic and an `error` node.
 */
export class ExprResolver {
  private readonly names: NameBinder;
  private readonly types: Typing;

  constructor(
    private readonly globals: GlobalResolver,
    private readonly diagnostics: Diagnostic[],
  ) {
    const report = (d: Diagnostic) => this.diagnostics.push(d);
    this.names = new NameBinder(globals, report);
    this.types = new Typing(report);
  }

  /** Reports E201–E203 unless the expression has the type (errors pass silently: already reported). */
  expect(t: TExpr, type: Type, where: MessageRef): boolean {
    return this.types.expect(t, type, where);
  }

  private report(d: Diagnostic): void {
    this.diagnostics.push(d);
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
        error('E206', t.span, ref('decl.optional-field', { field: t.field })),
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
          this.report(error('E208', e.span, ref('decl.bad-date', { date: e.value })));
          return err(e.span);
        }
        return { k: 'const', type: 'date', value: day, span: e.span };
      }
      case 'name':
        return this.names.name(e.name, e.span, scope);
      case 'field':
        return this.names.field(e.field.name, e.field.span, scope, true);
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
          this.report(error('E504', e.span, ref('decl.base-outside')));
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
      this.report(error('E204', e.span, ref('decl.ratio-over', { raw: e.raw })));
    }
    return { k: 'const', type, value, span: e.span };
  }





  private unary(e: A.UnaryExpr, scope: Scope): TExpr {
    const operand = this.resolve(e.operand, scope);
    if (e.op === 'not') {
      this.expect(operand, 'bool', ref('decl.where.not'));
      return { k: 'not', type: 'bool', operand, span: e.span };
    }
    if (operand.type !== 'error' && !isNumeric(operand.type)) {
      this.report(error('E203', operand.span, ref('decl.cannot-negate', { type: typeRef(operand.type) })));
      return err(e.span);
    }
    return { k: 'neg', type: operand.type, operand, span: e.span };
  }





  private binary(e: A.BinaryExpr, scope: Scope): TExpr {
    if (e.op === 'above' || e.op === 'capped') return this.limit(e, scope);
    if (e.op === '??') {
      const left = this.resolveAny(e.left, scope);
      const right = this.resolve(e.right, scope);
      if (left.type === 'error' || right.type === 'error') return err(e.span);
      const [l, r] = this.types.unify(left, right);
      if (!sameType(l.type, r.type)) return this.types.mixError(l, r, '??');
      return { k: 'binary', op: '??', type: l.type, left: l, right: r, clampRatio: false, span: e.span };
    }
    const left0 = this.resolve(e.left, scope);
    const right0 = this.resolve(e.right, scope);
    if (left0.type === 'error' || right0.type === 'error') return err(e.span);
    const [left, right] = this.types.unify(left0, right0);
    const node = (type: Type, clampRatio = false): TExpr => ({ k: 'binary', op: e.op, type, left, right, clampRatio, span: e.span });
    if (e.op === 'and' || e.op === 'or') {
      this.expect(left, 'bool', ref('decl.where.operand', { op: e.op }));
      this.expect(right, 'bool', ref('decl.where.operand', { op: e.op }));
      return node('bool');
    }
    const typing = typeOperator(e.op, left.type, right.type);
    if (typing.ok) return node(typing.type, typing.clampRatio);
    const lt = left.type;
    const rt = right.type;
    switch (typing.problem) {
      case 'money-times-money':
        this.report(error('E201', right.span, ref('decl.money-times-money')));
        break;
      case 'money-share':
        this.report(error('E201', left.span, ref('decl.money-share')));
        break;
      case 'enum-mismatch': {
        const message =
          right.k === 'const'
            ? ref('decl.enum-mismatch.value', { value: String(right.value), right: typeRef(rt), left: typeRef(lt) })
            : ref('decl.enum-mismatch', { right: typeRef(rt), left: typeRef(lt) });
        this.report(error('E203', right.span, message));
        break;
      }
      case 'not-a-set':
        this.report(error('E203', right.span, ref('decl.not-a-set', { op: e.op, type: typeRef(rt) })));
        break;
      case 'not-a-member':
        this.report(error('E203', left.span, ref('decl.not-a-member', { left: typeRef(lt), right: typeRef(rt) })));
        break;
      case 'mix':
        return this.types.mixError(left, right, OP_TEXT[e.op] ?? e.op);
    }
    return err(e.span);
  }


  private unadjusted(e: A.UnadjustedExpr, scope: Scope): TExpr {
    const entry = this.globals.entries.get(e.target.name);
    if (!entry || (entry.kind !== 'param' && entry.kind !== 'table')) {
      this.report(error('E502', e.target.span, entry ? ref('decl.unadjusted-kind', { name: e.target.name, kind: entryKindRef(entry.kind) }) : ref('decl.unadjusted-undeclared', { name: e.target.name })));
      return err(e.span);
    }
    if (entry.kind === 'table') {
      if (!e.key) {
        this.report(error('E203', e.target.span, ref('decl.unadjusted-table', { name: e.target.name })));
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
    const [left, right] = this.types.unify(left0, right0);
    const word = e.op === 'above' ? 'above' : 'capped at';
    if (!isNumeric(left.type) || !sameType(left.type, right.type)) {
      if (isNumeric(left.type) && isNumeric(right.type)) return this.types.mixError(left, right, word);
      this.report(error('E203', e.opSpan, ref('decl.compare-kinds', { word, left: typeRef(left.type), right: typeRef(right.type) })));
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
    if (scope.context === 'constant') return this.names.notConstant(name, ref('decl.what.bands-call'), e.span, scope);
    if (e.args.length < 1 || e.args.length > 2) {
      this.report(error('E113', e.callee.span, ref('decl.bands-args', { name, count: e.args.length })));
      return err(e.span);
    }
    const args = e.args.map((a) => this.types.coerceZero(this.resolve(a, scope), 'money'));
    if (args.some((a) => a.type === 'error') || !entry.sym) return err(e.span);
    for (const a of args) if (!this.expect(a, 'money', ref('decl.owner.bands', { name }))) return err(e.span);
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
      this.report(error('E113', e.callee.span, s ? ref('decl.unknown-function.did-you-mean', { name, suggestion: s }) : ref('decl.unknown-function', { name }), s ? { suggestion: s } : {}));
      return err(e.span);
    }
    if (e.args.length < fn.minArgs || e.args.length > fn.maxArgs) {
      const message =
        fn.minArgs === fn.maxArgs
          ? ref('decl.args-exact', { name, n: fn.minArgs, count: e.args.length })
          : ref('decl.args-range', { name, min: fn.minArgs, max: fn.maxArgs, count: e.args.length });
      this.report(error('E113', e.callee.span, message));
      return err(e.span);
    }
    let args = e.args.map((a) => this.resolve(a, scope));
    if (args.some((a) => a.type === 'error')) return err(e.span);
    const sig = fn.signature;
    if (sig.kind === 'same-numeric') {
      const target = args.find((a) => !(a.k === 'const' && a.type === 'number'))?.type ?? args[0]?.type ?? 'error';
      args = args.map((a) => this.types.coerceZero(a, target));
      for (const a of args) {
        if (!isNumeric(a.type)) {
          this.report(error('E203', a.span, ref('decl.compares-numbers', { name, type: typeRef(a.type) })));
          return err(e.span);
        }
        if (!sameType(a.type, target)) {
          const first = args[0] as TExpr;
          return this.types.mixError(first, a, `${name}(…)`);
        }
      }
      return { k: 'call', fn: fn.name as BuiltinName, type: target, args, span: e.span };
    }
    args.forEach((a, i) => this.expect(a, sig.params[i] ?? 'text', ref('decl.where.argument', { name })));
    return { k: 'call', fn: fn.name as BuiltinName, type: sig.result, args, span: e.span };
  }

  private index(e: A.IndexExpr, scope: Scope, adjust = true): TExpr {
    const name = e.table.name;
    const entry = this.globals.entries.get(name);
    if (!entry || entry.kind !== 'table') {
      if (!entry) {
        const tables = [...this.globals.entries.values()].filter((x) => x.kind === 'table').map((x) => x.decl.name.name);
        const s = suggest(name, tables);
        this.report(error('E101', e.table.span, s ? ref('decl.unknown-table.did-you-mean', { name, suggestion: s }) : ref('decl.unknown-table', { name }), s ? { suggestion: s } : {}));
      } else {
        this.report(error('E203', e.table.span, ref('decl.not-a-table', { name })));
      }
      return err(e.span);
    }
    this.globals.resolveEntry(entry, e.table.span);
    entry.used = true;
    const key0 = this.resolve(e.key, scope);
    const sym = entry.sym;
    if (!sym || key0.type === 'error') return err(e.span);
    const key = this.types.coerceZero(key0, sym.keyType);
    const ok = sameType(key.type, sym.keyType) || (sym.keyType === 'level' && key.type === 'number');
    if (!ok) {
      this.report(error('E203', key.span, ref('decl.key-type', { name, by: sym.by, keyType: typeRef(sym.keyType), type: typeRef(key.type) })));
      return err(e.span);
    }
    if (scope.context === 'constant' && key.k !== 'const') {
      return this.names.notConstant(`${name}[…]`, ref('decl.what.lookup'), e.span, scope);
    }
    const read: TExpr = { k: 'index', type: sym.valueType, table: sym, key, span: e.span };
    return adjust && scope.context !== 'constant' ? this.names.adjusted(entry, name, read) : read;
  }

  private ifExpr(e: A.IfExpr, scope: Scope): TExpr {
    const cond = this.resolve(e.cond, scope);
    this.expect(cond, 'bool', ref('decl.where.if'));
    const then0 = this.resolve(e.then, scope);
    const else0 = this.resolve(e.else, scope);
    if (then0.type === 'error' || else0.type === 'error' || cond.type === 'error') return err(e.span);
    const [then, els] = this.types.unify(then0, else0);
    if (!sameType(then.type, els.type)) return this.types.mixError(then, els, "'else'");
    return { k: 'if', type: then.type, cond, then, else: els, span: e.span };
  }

  private setLiteral(e: A.SetExpr, scope: Scope): TExpr {
    const elements = e.elements.map((x) => this.resolve(x, scope));
    if (elements.length === 0) {
      this.report(error('E203', e.span, ref('decl.empty-set')));
      return err(e.span);
    }
    if (elements.some((x) => x.type === 'error')) return err(e.span);
    const first = elements[0] as TExpr;
    const elem: Scalar = isScalar(first.type) ? first.type : 'error';
    const normalized = elements.map((x) => (x.type === 'number' && elements.some((y) => y.type === 'level') ? this.types.coerceZero(x, 'level') : x));
    for (const x of normalized) {
      if (x.type !== elem) {
        this.report(error('E203', x.span, ref('decl.set-one-kind', { kind: typeRef(elem), type: typeRef(x.type) })));
        return err(e.span);
      }
    }
    return { k: 'setLit', type: { collection: elem }, elements: normalized, span: e.span };
  }
}
