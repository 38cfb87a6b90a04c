import {
  CLAIM_FIELDS,
  STATE_NAMES,
  isLayer,
  lookupEnumValue,
  type Ast as A,
  type CheckResult,
  type ParsedFile,
  type PolicyUnit,
  type Span,
} from '@policy/dsl';

/**
 * Every name of a policy and its bases, where it is declared and where it is read: the one
 * table that hover, definition, references, rename and semantic tokens look things up in.
 * Names resolve as the checker resolves them: a rule's own lets, then the declarations of the
 * policy and its bases, then the language's own words (claim fields, settlement values,
 * layers, enumerated values).
 */

export type NameKind =
  | 'param' | 'table' | 'set' | 'let' | 'accumulator' | 'bands' | 'cap'
  | 'rule' | 'property' | 'modifier' | 'clause' | 'local'
  | 'field' | 'enum' | 'layer' | 'function' | 'state' | 'unknown';

export interface Def {
  readonly key: string;
  readonly name: string;
  readonly kind: NameKind;
  readonly nameSpan: Span;
  readonly decl: A.Declaration | A.LetStmt;
  /** The unit (folder) it is declared in, and whether that is the checked policy itself. */
  readonly unitPath: string;
  readonly own: boolean;
  /** For a rule's let: the rule. */
  readonly rule?: A.RuleDecl;
}

export interface Occurrence {
  readonly key: string;
  readonly span: Span;
  readonly isDef: boolean;
}

export interface NameIndex {
  readonly defs: ReadonlyMap<string, readonly Def[]>;
  readonly byKey: ReadonlyMap<string, readonly Occurrence[]>;
  /** Every parsed file of the policy and its bases, by path. */
  readonly files: ReadonlyMap<string, ParsedFile>;
  /** The files of the checked policy itself. */
  readonly ownFiles: ReadonlySet<string>;
  /** The occurrence (declaration or use) of a name at an offset of a file. */
  at(file: string, offset: number): Occurrence | undefined;
  /** Occurrences in one file, in order. */
  inFile(file: string): readonly Occurrence[];
}

const DECL_KIND: Partial<Record<A.Declaration['kind'], NameKind>> = {
  param: 'param',
  table: 'table',
  setDecl: 'set',
  let: 'let',
  accumulator: 'accumulator',
  bands: 'bands',
  cap: 'cap',
};

export function kindOfKey(key: string): string {
  return key.slice(0, key.indexOf(':'));
}

/** The key of a name read in an expression, given the rule's locals in scope. */
export function resolveNameKey(name: string, locals: ReadonlyMap<string, string>, globals: ReadonlySet<string>): string {
  const local = locals.get(name);
  if (local) return local;
  if (globals.has(name)) return `g:${name}`;
  if (CLAIM_FIELDS[name]) return `f:${name}`;
  if (STATE_NAMES[name]) return `s:${name}`;
  if (isLayer(name)) return `y:${name}`;
  const ev = lookupEnumValue(name);
  if (ev) return `e:${ev.value}`;
  return `u:${name}`;
}

function units(unit: PolicyUnit, out: PolicyUnit[] = [], seen = new Set<string>()): PolicyUnit[] {
  if (seen.has(unit.id)) return out;
  seen.add(unit.id);
  out.push(unit);
  if (unit.base) units(unit.base, out, seen);
  for (const i of unit.imports) units(i, out, seen);
  return out;
}

export function buildIndex(top: PolicyUnit, _result: CheckResult): NameIndex {
  const all = units(top);
  const files = new Map<string, ParsedFile>();
  const fileUnit = new Map<string, PolicyUnit>();
  for (const u of all) {
    for (const f of u.files) {
      if (files.has(f.source.path)) continue;
      files.set(f.source.path, f);
      fileUnit.set(f.source.path, u);
    }
  }
  const globals = new Set<string>();
  for (const f of files.values()) {
    for (const d of f.ast.declarations) if (DECL_KIND[d.kind] && 'name' in d && d.name.name !== '') globals.add(d.name.name);
  }

  const defs = new Map<string, Def[]>();
  const perFile = new Map<string, Occurrence[]>();
  const byKey = new Map<string, Occurrence[]>();
  const add = (key: string, span: Span, isDef: boolean): void => {
    if (span.end <= span.start && !isDef) return;
    const o = { key, span, isDef };
    (perFile.get(span.file) ?? perFile.set(span.file, []).get(span.file))?.push(o);
    (byKey.get(key) ?? byKey.set(key, []).get(key))?.push(o);
  };
  const define = (def: Def): void => {
    const list = defs.get(def.key) ?? [];
    list.push(def);
    defs.set(def.key, list);
    add(def.key, def.nameSpan, true);
  };

  for (const [path, f] of files) {
    const u = fileUnit.get(path) as PolicyUnit;
    const own = u === top;
    const expr = (e: A.Expr | undefined, locals: ReadonlyMap<string, string>): void => walkExpr(e, locals, globals, add);
    const meta = (m: readonly A.Meta[]): void => {
      for (const x of m) if (x.kind === 'cites') for (const v of x.values) add(`c:${v.value}`, v.span, false);
    };
    const none = new Map<string, string>();
    for (const d of f.ast.declarations) {
      const base = { unitPath: u.path, own, decl: d };
      switch (d.kind) {
        case 'policy':
          for (const l of d.layers ?? []) add(`y:${l.name}`, l.span, false);
          for (const v of d.versions) meta(v.meta);
          break;
        case 'clause':
          define({ ...base, key: `c:${d.id.value}`, name: d.id.value, kind: 'clause', nameSpan: d.id.span });
          break;
        case 'rule': {
          if (d.name.name !== '') define({ ...base, key: `r:${d.name.name}`, name: d.name.name, kind: 'rule', nameSpan: d.name.span });
          meta(d.meta);
          expr(d.when, none);
          const locals = new Map<string, string>();
          for (const s of d.body) {
            if (s.kind === 'let') {
              expr(s.value, locals);
              const key = `l:${path}:${d.span.start}:${s.name.name}`;
              locals.set(s.name.name, key);
              define({ ...base, decl: s, key, name: s.name.name, kind: 'local', nameSpan: s.name.span, rule: d });
            } else if (s.kind === 'assign' || s.kind === 'topup') {
              add(resolveNameKey(s.target.name, locals, globals), s.target.span, false);
              expr(s.value, locals);
            } else if (s.kind === 'add') {
              add(resolveNameKey(s.target.name, locals, globals), s.target.span, false);
              expr(s.value, locals);
            } else {
              expr(s.when, locals);
            }
          }
          break;
        }
        case 'property':
          // A property's name is its own (p:), like a rule's; its condition and body read names.
          if (d.name.name !== '') define({ ...base, key: `p:${d.name.name}`, name: d.name.name, kind: 'property', nameSpan: d.name.span });
          meta(d.meta);
          expr(d.when, none);
          expr(d.body, none);
          break;
        case 'covers':
          meta(d.meta);
          expr(d.when, none);
          break;
        case 'modifier':
          if (!d.oneLine && d.name.name !== '') define({ ...base, key: `m:${d.name.name}`, name: d.name.name, kind: 'modifier', nameSpan: d.name.span });
          meta(d.meta);
          expr(d.when, none);
          for (const a of d.adjustments) {
            add(resolveNameKey(a.target.name, none, globals), a.target.span, false);
            expr(a.amount, none);
          }
          break;
        default: {
          const kind = DECL_KIND[d.kind] as NameKind;
          if (d.name.name !== '') define({ ...base, key: `g:${d.name.name}`, name: d.name.name, kind, nameSpan: d.name.span });
          meta(d.meta);
          if (d.kind === 'param') {
            expr(d.value, none);
            for (const v of d.dated ?? []) expr(v.value, none);
          } else if (d.kind === 'table') {
            add(`f:${d.by.name}`, d.by.span, false);
            if (d.domain) add(resolveNameKey(d.domain.name, none, globals), d.domain.span, false);
            for (const r of d.rows) {
              expr(r.key, none);
              expr(r.value, none);
            }
            expr(d.otherwise, none);
          } else if (d.kind === 'setDecl') {
            for (const e of d.elements) expr(e, none);
          } else if (d.kind === 'let') {
            expr(d.value, none);
          } else if (d.kind === 'accumulator') {
            for (const k of d.keys) add(`f:${k.name}`, k.span, false);
          } else if (d.kind === 'bands') {
            for (const r of d.rows) {
              expr(r.lower, none);
              expr(r.upper, none);
              expr(r.ratio, none);
            }
          } else if (d.kind === 'cap') {
            expr(d.amount, none);
            for (const k of d.keys) add(`f:${k.name}`, k.span, false);
            add(`y:${d.layer.name}`, d.layer.span, false);
            expr(d.when, none);
          }
        }
      }
    }
  }
  for (const list of perFile.values()) list.sort((a, b) => a.span.start - b.span.start);
  for (const list of defs.values()) list.sort((a, b) => Number(b.own) - Number(a.own));
  const ownFiles = new Set(top.files.map((f) => f.source.path));
  return {
    defs,
    byKey,
    files,
    ownFiles,
    inFile: (file) => perFile.get(file) ?? [],
    at(file, offset) {
      const list = perFile.get(file);
      if (!list) return undefined;
      let lo = 0;
      let hi = list.length - 1;
      let found: Occurrence | undefined;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        const o = list[mid] as Occurrence;
        if (o.span.start > offset) hi = mid - 1;
        else {
          if (offset <= o.span.end) found = o;
          lo = mid + 1;
        }
      }
      return found;
    },
  };
}

/** Names read by an expression, without recursion (a deep tree must not exhaust the stack). */
function walkExpr(
  root: A.Expr | undefined,
  locals: ReadonlyMap<string, string>,
  globals: ReadonlySet<string>,
  add: (key: string, span: Span, isDef: boolean) => void,
): void {
  const stack: A.Expr[] = root ? [root] : [];
  while (stack.length > 0) {
    const e = stack.pop() as A.Expr;
    switch (e.kind) {
      case 'name':
        add(resolveNameKey(e.name, locals, globals), e.span, false);
        break;
      case 'field':
        add(`f:${e.field.name}`, e.field.span, false);
        break;
      case 'unary':
        stack.push(e.operand);
        break;
      case 'binary':
        stack.push(e.left, e.right);
        break;
      case 'call':
        add(globals.has(e.callee.name) ? `g:${e.callee.name}` : `fn:${e.callee.name}`, e.callee.span, false);
        for (const a of e.args) stack.push(a);
        break;
      case 'index':
        add(resolveNameKey(e.table.name, locals, globals), e.table.span, false);
        stack.push(e.key);
        break;
      case 'if':
        stack.push(e.cond, e.then, e.else);
        break;
      case 'set':
        for (const x of e.elements) stack.push(x);
        break;
      case 'unadjusted':
        add(resolveNameKey(e.target.name, locals, globals), e.target.span, false);
        if (e.key) stack.push(e.key);
        break;
      default:
        break;
    }
  }
}
