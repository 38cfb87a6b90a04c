import type { CstElement, CstNode, IToken } from 'chevrotain';
import { error, type Diagnostic } from '../diagnostics/diagnostic.js';
import { ref } from '../messages/index.js';
import type { Span } from '../source.js';
import type * as A from './ast.js';

/** Deeper expressions than this are refused (E003), so no later pass can overflow the stack. */
export const MAX_EXPR_DEPTH = 200;

type Children = Record<string, CstElement[] | undefined>;

export function isToken(e: CstElement | undefined): e is IToken {
  return e !== undefined && (e as IToken).image !== undefined;
}

/**
 * Reading a Chevrotain CST: children by label, spans that never point at tokens inserted by
 * error recovery, and the depth guard every expression node passes through.
 */
export class CstReader {
  readonly diagnostics: Diagnostic[] = [];
  protected readonly depth = new WeakMap<A.Expr, number>();
  private depthReported = false;

  constructor(protected readonly path: string) {}

  protected tokenSpan(t: IToken): Span | undefined {
    if (!Number.isFinite(t.startOffset)) return undefined; // inserted by recovery: no real position
    const end = Number.isFinite(t.endOffset) ? (t.endOffset as number) + 1 : t.startOffset + t.image.length;
    return { file: this.path, start: t.startOffset, end };
  }

  protected nodeSpan(n: CstNode): Span {
    const loc = n.location;
    if (loc && Number.isFinite(loc.startOffset)) {
      const end = loc.endOffset !== undefined && Number.isFinite(loc.endOffset) ? loc.endOffset + 1 : loc.startOffset + 1;
      return { file: this.path, start: loc.startOffset, end };
    }
    return this.firstRealSpan(n) ?? { file: this.path, start: 0, end: 0 };
  }

  protected firstRealSpan(n: CstNode): Span | undefined {
    for (const list of Object.values(n.children)) {
      for (const e of list ?? []) {
        const s = isToken(e) ? this.tokenSpan(e) : undefined;
        if (s) return s;
      }
    }
    return undefined;
  }

  protected c(n: CstNode): Children {
    return n.children as Children;
  }

  protected tok(n: CstNode, key: string, i = 0): IToken | undefined {
    const e = this.c(n)[key]?.[i];
    return isToken(e) && !e.isInsertedInRecovery ? e : undefined;
  }

  protected toks(n: CstNode, key: string): IToken[] {
    return (this.c(n)[key] ?? []).filter((e): e is IToken => isToken(e) && !e.isInsertedInRecovery);
  }

  protected node(n: CstNode, key: string, i = 0): CstNode | undefined {
    const e = this.c(n)[key]?.[i];
    return e !== undefined && !isToken(e) ? e : undefined;
  }

  protected nodes(n: CstNode, key: string): CstNode[] {
    return (this.c(n)[key] ?? []).filter((e): e is CstNode => !isToken(e));
  }

  protected ident(t: IToken | undefined, fallback: Span): A.Ident {
    if (!t) return { name: '', span: fallback };
    return { name: t.image, span: this.tokenSpan(t) ?? fallback };
  }

  protected stringLit(t: IToken | undefined, fallback: Span): A.StringLiteral {
    if (!t) return { kind: 'string', value: '', span: fallback };
    return { kind: 'string', value: unescapeString(t.image), span: this.tokenSpan(t) ?? fallback };
  }

  protected dateLit(t: IToken | undefined, fallback: Span): A.DateLiteral {
    return { kind: 'date', value: t?.image ?? '0000-00-00', span: (t && this.tokenSpan(t)) ?? fallback };
  }

  protected errorExpr(span: Span): A.ErrorExpr {
    return { kind: 'error', span };
  }

  protected withDepth<E extends A.Expr>(e: E, ...children: A.Expr[]): A.Expr {
    let d = 0;
    for (const ch of children) d = Math.max(d, this.depth.get(ch) ?? 1);
    d += 1;
    if (d > MAX_EXPR_DEPTH) {
      if (!this.depthReported) {
        this.depthReported = true;
        this.diagnostics.push(
          error('E003', e.span, ref('syntax.expr-too-deep', { depth: MAX_EXPR_DEPTH })),
        );
      }
      return this.errorExpr(e.span);
    }
    this.depth.set(e, d);
    return e;
  }

}

export function unescapeString(image: string): string {
  const body = image.slice(1, -1);
  return body.replace(/\\(u[0-9a-fA-F]{4}|.)/g, (_, e: string) => {
    switch (e[0]) {
      case 'n':
        return '\n';
      case 't':
        return '\t';
      case 'r':
        return '\r';
      case 'u':
        return e.length === 5 ? String.fromCharCode(parseInt(e.slice(1), 16)) : e;
      default:
        return e;
    }
  });
}
