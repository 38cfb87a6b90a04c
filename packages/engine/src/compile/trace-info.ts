import type { ResolvedPolicy, RuleIR, Span, TExpr, Type } from '@policy/dsl';
import type { ClauseRef, TraceLocation } from '../trace.js';
import { compileExpr, type CompileEnv, type Fn } from './compile-expr.js';

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
    return file ? file.slice(span).replace(/\s+/g, ' ').trim() : '';
  }

  location(span: Span): TraceLocation {
    const file = this.policy.files.get(span.file);
    return { file: span.file, line: file ? file.position(span.start).line : 0 };
  }

  clauses(rule: RuleIR): ClauseRef[] {
    return rule.cites.map((id) => ({ id, title: this.policy.clauses.get(id)?.title ?? '' }));
  }
}

/** The named values an expression reads (parameters, fields, layers, lets, lookups …). */
export function inputReaders(e: TExpr, env: CompileEnv, source: SourceText): InputReader[] {
  const out = new Map<string, InputReader>();
  const visit = (x: TExpr): void => {
    switch (x.k) {
      case 'param':
        out.set(x.param.name, { label: x.param.name, type: x.type, read: compileExpr(x, env) });
        return;
      case 'field':
        out.set(x.field, { label: x.field, type: x.type, read: compileExpr(x, env) });
        return;
      case 'state':
        out.set(x.name, { label: x.name, type: x.type, read: compileExpr(x, env) });
        return;
      case 'layer':
        out.set(x.layer, { label: x.layer, type: x.type, read: compileExpr(x, env) });
        return;
      case 'acc':
        out.set(x.acc.name, { label: x.acc.name, type: x.type, read: compileExpr(x, env) });
        return;
      case 'let':
        out.set(x.let.name, { label: x.let.name, type: x.type, read: compileExpr(x, env) });
        return;
      case 'local':
        out.set(x.name, { label: x.name, type: x.type, read: compileExpr(x, env) });
        return;
      case 'index': {
        const label = source.text(x.span);
        out.set(label, { label, type: x.type, read: compileExpr(x, env) });
        visit(x.key);
        return;
      }
      case 'neg':
      case 'not':
        visit(x.operand);
        return;
      case 'binary':
        visit(x.left);
        visit(x.right);
        return;
      case 'call':
        x.args.forEach(visit);
        return;
      case 'if':
        visit(x.cond);
        visit(x.then);
        visit(x.else);
        return;
      case 'setLit':
        x.elements.forEach(visit);
        return;
      default:
        return;
    }
  };
  visit(e);
  return [...out.values()];
}

/** `a and b and c` → [a, b, c], to name the first part of a condition that failed. */
export function conjuncts(e: TExpr): TExpr[] {
  if (e.k === 'binary' && e.op === 'and') return [...conjuncts(e.left), ...conjuncts(e.right)];
  return [e];
}
