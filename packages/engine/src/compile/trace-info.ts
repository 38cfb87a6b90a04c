import { childExprs, type ResolvedPolicy, type RuleIR, type Span, type TExpr, type Type } from '@policy/dsl';
import type { ClauseRef, TraceLocation } from '../trace.js';
import { compileAdjustments, compileExpr, type CompileEnv, type Fn } from './compile-expr.js';
import { formatValue } from './format-value.js';

/**
 * What a trace needs about the source, computed once at compile time: formula texts,
 * locations, and readers for the values an expression reads. Costs nothing per claim when
 * no trace is asked for.
 */

export interface InputReader {
  readonly label: string;
  readonly type: Type;
  readonly read: Fn;
}

export class SourceText {
  constructor(private readonly policy: ResolvedPolicy) {}

  text(span: Span): string {
    const file = this.policy.files.get(span.file);
    // One line: runs of white space (line breaks and indentation) become one space, none inside parentheses.
    return file ? file.slice(span).replace(/\s+/g, ' ').replace(/\( /g, '(').replace(/ \)/g, ')').trim() : '';
  }

  /** The 1-based column of a span's start, in code points. */
  column(span: Span): number {
    const file = this.policy.files.get(span.file);
    return file ? file.position(span.start).column : 0;
  }

  location(span: Span): TraceLocation {
    const file = this.policy.files.get(span.file);
    return { file: span.file, line: file ? file.position(span.start).line : 0 };
  }

  clauses(rule: RuleIR): ClauseRef[] {
    return rule.cites.map((id) => {
      const clause = this.policy.clauses.get(id);
      return { id, title: clause?.title ?? '', ...(clause?.text !== undefined ? { text: clause.text } : {}) };
    });
  }
}

/** The named values an expression reads (parameters, fields, layers, lets, lookups …). */
export function inputReaders(e: TExpr, env: CompileEnv, source: SourceText): InputReader[] {
  const out = new Map<string, InputReader>();
  const add = (label: string, x: TExpr): void => {
    out.set(label, { label, type: x.type, read: compileExpr(x, env) });
  };
  // Which modifiers moved a value, for the explanation: "80% + 5% (两升两降)".
  const addAdjustments = (label: string, adjustments: Extract<TExpr, { k: 'adjusted' }>['adjustments'], shown: (c: Parameters<Fn>[0]) => string): void => {
    const adjs = compileAdjustments(adjustments, env);
    if (adjs.length === 0) return;
    out.set(`${label} adjusted`, {
      label: `${label} adjusted`,
      type: 'text',
      read: (c) => {
        const parts = adjs
          .filter((a) => !a.when || a.when(c))
          .map((a) => `${a.adjustment.op === '*' ? '×' : a.adjustment.op} ${formatValue(a.amount(c), a.adjustment.amount.type)} (${a.adjustment.modifier.name})`);
        return parts.length === 0 ? 'no modifier applies' : `${shown(c)} ${parts.join(' ')}`;
      },
    });
  };
  const visit = (x: TExpr): void => {
    switch (x.k) {
      case 'param':
        return add(x.param.name, x);
      case 'field':
        return add(x.field, x);
      case 'state':
        return add(x.name, x);
      case 'layer':
        return add(x.layer, x);
      case 'acc':
        return add(x.acc.name, x);
      case 'let':
        return add(x.let.name, x);
      case 'local':
        return add(x.name, x);
      case 'index':
        add(source.text(x.span), x);
        break;
      case 'adjusted': {
        const label = source.text(x.span);
        add(label, x);
        const base = compileExpr(x.base, env);
        addAdjustments(label, x.adjustments, (c) => formatValue(base(c), x.type));
        // the base read has the same text; only its key (a claim field) is worth listing
        childExprs(x.base).forEach(visit);
        return;
      }
      case 'bands': {
        const label = source.text(x.span);
        add(label, x);
        addAdjustments(`${x.bands.name} ratios`, x.adjustments, () => 'each band');
        if (x.lower) visit(x.lower);
        visit(x.upper);
        return;
      }
      default:
        break;
    }
    childExprs(x).forEach(visit);
  };
  visit(e);
  return [...out.values()];
}

/** `a and b and c` → [a, b, c], to name the first part of a condition that failed. */
export function conjuncts(e: TExpr): TExpr[] {
  if (e.k === 'binary' && e.op === 'and') return [...conjuncts(e.left), ...conjuncts(e.right)];
  return [e];
}
