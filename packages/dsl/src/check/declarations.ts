import { error, related } from '../diagnostics/diagnostic.js';
import { ref, type MessageRef } from '../messages/index.js';
import { Decimal } from '../money.js';
import type { Span } from '../source.js';
import type * as A from '../syntax/ast.js';
import { CLAIM_FIELDS, ENUMS, KEY_FIELDS, LEVELS, isLayer, lookupEnumValue, type EnumKind, type LayerName } from '../vocabulary.js';
import { citation } from './citation.js';
import { foldConstant } from './constants.js';
import { childExprs } from './ir-walk.js';
import type { CheckContext } from './context.js';
import type { AccumulatorSym, BandsSym, CapSym, LetSym, ParamSym, SetSym, TableKey, TableSym, TExpr } from './ir.js';
import type { Scope } from './resolver.js';
import { suggest } from './suggest.js';
import { isScalar, TYPE_NAMES, type Type } from './types.js';
import { versionDate } from './versions.js';
import { resolveApplicability } from './applicability.js';

/**
 * Parameters, tables, sets, lets and accumulators: each resolved on first use. Their values
 * must be constants (E112); every number either cites a clause or is marked assumed (E303);
 * ratios lie in 0–100% (E204); tables cover their keys (E404, E405).
 */

function constantScope(owner: MessageRef): Scope {
  return { context: 'constant', owner };
}

function checkRatioRange(ctx: CheckContext, e: TExpr, owner: MessageRef): void {
  if (e.type !== 'ratio' && e.type !== 'points') return;
  if (e.k === 'const') return; // a literal is checked where it is read (resolver)
  const v = foldConstant(e);
  if (v instanceof Decimal && (v.lessThan(0) || v.greaterThan(1))) {
    ctx.report(error('E204', e.span, ref('decl.ratio-outside', { owner, percent: v.times(100).toString() })));
  }
}

export function resolveParam(ctx: CheckContext, d: A.ParamDecl): ParamSym {
  const owner = ref('decl.owner.param', { name: d.name.name });
  const cit = citation(ctx, d.meta);
  if (cit.cites.length === 0 && cit.assumed === undefined) {
    ctx.report(
      error('E303', d.name.span, ref('decl.unsourced', { owner })),
    );
  }
  const scope = constantScope(owner);
  const values: { from: string; expr: TExpr }[] = [];
  const firstVersion = ctx.versions[0]?.date ?? '0000-01-01';
  if (d.value) {
    values.push({ from: firstVersion, expr: ctx.exprs.resolve(d.value, scope) });
  } else {
    for (const dv of d.dated ?? []) {
      versionDate(ctx, dv.date);
      values.push({ from: dv.date.value, expr: ctx.exprs.resolve(dv.value, scope) });
    }
    values.sort((a, b) => a.from.localeCompare(b.from));
    const earliest = values[0];
    if (!earliest) {
      ctx.report(error('E203', d.name.span, ref('decl.no-value', { owner })));
    } else if (earliest.from !== firstVersion && ctx.versions.length > 0) {
      ctx.report(error('E403', d.name.span, ref('decl.no-value-before', { owner, from: earliest.from, first: firstVersion })));
    }
  }
  let type: Type = values[0]?.expr.type ?? 'error';
  if (d.typeName) {
    const declared = TYPE_NAMES[d.typeName.name];
    if (!declared) {
      const s = suggest(d.typeName.name, Object.keys(TYPE_NAMES));
      ctx.report(error('E101', d.typeName.span, s ? ref('decl.unknown-type.did-you-mean', { name: d.typeName.name, suggestion: s }) : ref('decl.unknown-type', { name: d.typeName.name }), s ? { suggestion: s } : {}));
    } else {
      type = declared;
    }
  }
  for (const v of values) {
    ctx.exprs.expect(v.expr, type, owner);
    checkRatioRange(ctx, v.expr, owner);
  }
  return { kind: 'param', name: d.name.name, type, values, span: d.name.span, ...cit };
}

function tableKey(field: string, keyType: Type, e: A.Expr): { key: TableKey } | { problem: MessageRef } | undefined {
  if (e.kind === 'error') return undefined;
  if (keyType === 'level') {
    if (e.kind === 'numeric' && e.unit === 'number' && /^[0-3]$/.test(e.value)) return { key: Number(e.value) };
    return { problem: ref('decl.table-key-one-of', { field, values: '0, 1, 2, 3' }) };
  }
  if (keyType === 'text') {
    if (e.kind === 'string') return { key: e.value };
    return { problem: ref('decl.table-key-text', { field }) };
  }
  const name = e.kind === 'name' ? e.name : e.kind === 'string' ? e.value : undefined;
  const ev = name !== undefined ? lookupEnumValue(name) : undefined;
  if (ev && ev.kind === keyType) return { key: ev.value };
  return { problem: ref('decl.table-key-one-of', { field, values: Object.keys(ENUMS[keyType as EnumKind] ?? {}).join(', ') }) };
}

export function resolveTable(ctx: CheckContext, d: A.TableDecl): TableSym {
  const owner = ref('decl.owner.table', { name: d.name.name });
  const cit = citation(ctx, d.meta);
  if (cit.cites.length === 0 && cit.assumed === undefined) {
    ctx.report(error('E303', d.name.span, ref('decl.unsourced', { owner })));
  }
  const by = d.by.name;
  let keyType: Type = 'error';
  if (!CLAIM_FIELDS[by]) {
    const s = suggest(by, KEY_FIELDS);
    ctx.report(error('E102', d.by.span, s ? ref('decl.unknown-claim-field.did-you-mean', { name: by, suggestion: s }) : ref('decl.unknown-claim-field', { name: by }), s ? { suggestion: s } : {}));
  } else if (!(KEY_FIELDS as readonly string[]).includes(by)) {
    ctx.report(error('E203', d.by.span, ref('decl.table-key-field', { by, fields: KEY_FIELDS.join(', ') })));
  } else {
    keyType = (CLAIM_FIELDS[by] as { type: Type }).type;
  }
  const scope = constantScope(owner);
  const rows: { key: TableKey; value: TExpr; span: Span }[] = [];
  const seen = new Map<TableKey, Span>();
  let valueType: Type | undefined;
  for (const row of d.rows) {
    const value = ctx.exprs.resolve(row.value, scope);
    if (valueType === undefined && value.type !== 'error') valueType = value.type;
    else if (valueType !== undefined) ctx.exprs.expect(value, valueType, ref('decl.where.every-value', { owner }));
    checkRatioRange(ctx, value, ref('decl.owner.row', { owner, key: row.key.kind === 'string' ? row.key.value : row.key.kind === 'numeric' ? row.key.value : row.key.kind === 'name' ? row.key.name : '?' }));
    if (keyType === 'error') continue;
    const k = tableKey(by, keyType, row.key);
    if (!k) continue;
    if ('problem' in k) {
      ctx.report(error('E203', row.key.span, k.problem));
      continue;
    }
    const prev = seen.get(k.key);
    if (prev !== undefined) {
      ctx.report(error('E109', row.key.span, ref('decl.table-two-rows', { owner, key: String(k.key) }), { related: [related(prev, ref('decl.first-row'))] }));
      continue;
    }
    seen.set(k.key, row.key.span);
    rows.push({ key: k.key, value, span: row.span });
  }
  let otherwise: TExpr | undefined;
  if (d.otherwise) {
    otherwise = ctx.exprs.resolve(d.otherwise, scope);
    if (valueType !== undefined) ctx.exprs.expect(otherwise, valueType, ref('decl.where.otherwise', { owner }));
    else valueType = otherwise.type;
  }
  // Coverage: a level or enum table without `otherwise` must have a row for every value.
  if (!otherwise && keyType !== 'error') {
    const all: TableKey[] | undefined =
      keyType === 'level' ? [...LEVELS] : isScalar(keyType) && keyType in ENUMS ? Object.keys(ENUMS[keyType as EnumKind]) : undefined;
    const missing = all?.filter((k) => !seen.has(k)) ?? [];
    if (missing.length > 0) {
      ctx.report(error('E404', d.name.span, ref('decl.table-no-row', { owner, by, missing: missing.join(', ') })));
    }
  }
  if (d.domain) {
    const setEntry = ctx.entries.get(d.domain.name);
    if (!setEntry || setEntry.kind !== 'set') {
      const sets = [...ctx.entries.values()].filter((x) => x.kind === 'set').map((x) => x.decl.name.name);
      const s = suggest(d.domain.name, sets);
      ctx.report(error('E101', d.domain.span, s ? ref('decl.unknown-set.did-you-mean', { name: d.domain.name, suggestion: s }) : ref('decl.unknown-set', { name: d.domain.name }), s ? { suggestion: s } : {}));
    } else {
      ctx.resolveEntry(setEntry, d.domain.span);
      setEntry.used = true;
      const members = new Set(setEntry.sym?.elements.map((x) => x.value) ?? []);
      const missing = [...members].filter((m) => !seen.has(m));
      const extra = [...seen.keys()].filter((k) => !members.has(k));
      if (missing.length > 0 || extra.length > 0) {
        const set = d.domain.name;
        const message =
          missing.length === 0
            ? ref('decl.table-domain.extra', { owner, set, extra: extra.join(', ') })
            : extra.length === 0
              ? ref('decl.table-domain.missing', { owner, set, missing: missing.join(', ') })
              : ref('decl.table-domain.both', { owner, set, missing: missing.join(', '), extra: extra.join(', ') });
        ctx.report(error('E405', d.domain.span, message));
      }
    }
  }
  return {
    kind: 'table',
    name: d.name.name,
    by,
    keyType,
    valueType: valueType ?? 'error',
    rows,
    span: d.name.span,
    ...(otherwise ? { otherwise } : {}),
    ...cit,
  };
}

export function resolveSet(ctx: CheckContext, d: A.SetDecl): SetSym {
  const owner = ref('decl.owner.set', { name: d.name.name });
  const cit = citation(ctx, d.meta);
  const scope = constantScope(owner);
  const elements: { value: string | number; span: Span }[] = [];
  const seen = new Map<string | number, Span>();
  let elementType: Type | undefined;
  for (const e of d.elements) {
    const t = ctx.exprs.resolve(e, scope);
    if (t.type === 'error') continue;
    if (elementType === undefined) elementType = t.type;
    else if (!ctx.exprs.expect(t, elementType, ref('decl.where.every-member', { owner }))) continue;
    const v = foldConstant(t);
    if (typeof v !== 'string' && !(v instanceof Decimal)) {
      ctx.report(error('E112', t.span, ref('decl.member-not-constant', { owner })));
      continue;
    }
    const value = v instanceof Decimal ? v.toNumber() : v;
    const prev = seen.get(value);
    if (prev) {
      ctx.report(error('E109', t.span, ref('decl.set-twice', { owner, value: String(value) }), { related: [related(prev, ref('decl.first-listed'))] }));
      continue;
    }
    seen.set(value, t.span);
    elements.push({ value, span: t.span });
  }
  if (d.elements.length === 0) ctx.report(error('E203', d.name.span, ref('decl.set-empty', { owner })));
  return { kind: 'set', name: d.name.name, elementType: elementType ?? 'error', elements, span: d.name.span, ...cit };
}

/** The first number other than 0 an expression writes down, if any (a literal, not a parameter). */
function firstNumber(e: TExpr): TExpr | undefined {
  if (e.k === 'const' && ((e.value instanceof Decimal && !e.value.isZero()) || (e.type === 'level' && e.value !== 0))) return e;
  for (const c of childExprs(e)) {
    const found = firstNumber(c);
    if (found) return found;
  }
  return undefined;
}

export function resolveLet(ctx: CheckContext, d: A.LetDecl, base?: () => TExpr): LetSym {
  const expr = ctx.exprs.resolve(d.value, { context: 'let', owner: ref('decl.owner.let', { name: d.name.name }), ...(base ? { base } : {}) });
  const cit = citation(ctx, d.meta);
  const number = firstNumber(expr);
  if (number && cit.cites.length === 0 && cit.assumed === undefined) {
    ctx.report(
      error('E303', number.span, ref('decl.let-number', { name: d.name.name })),
    );
  }
  const note = cit.note;
  return { kind: 'let', name: d.name.name, index: ctx.nextIndex('let'), type: expr.type, expr, span: d.name.span, ...(note !== undefined ? { note } : {}) };
}

export function resolveAccumulator(ctx: CheckContext, d: A.AccumulatorDecl): AccumulatorSym {
  const cit = citation(ctx, d.meta);
  const keys: string[] = [];
  for (const k of d.keys) {
    if (!(KEY_FIELDS as readonly string[]).includes(k.name)) {
      const s = suggest(k.name, KEY_FIELDS);
      ctx.report(error('E102', k.span, s ? ref('decl.accumulator-key.did-you-mean', { fields: KEY_FIELDS.join(', '), name: k.name, suggestion: s }) : ref('decl.accumulator-key', { fields: KEY_FIELDS.join(', '), name: k.name }), s ? { suggestion: s } : {}));
    } else {
      keys.push(k.name);
    }
  }
  return { kind: 'accumulator', name: d.name.name, index: ctx.nextIndex('accumulator'), keys, span: d.name.span, ...cit };
}

function requireSource(ctx: CheckContext, owner: MessageRef, cit: { cites: readonly string[]; assumed?: string }, span: Span): void {
  if (cit.cites.length === 0 && cit.assumed === undefined) {
    ctx.report(error('E303', span, ref('decl.unsourced', { owner })));
  }
}

/** A constant of a bands row: money bounds, ratios in 0–100%. */
function bandConstant(ctx: CheckContext, e: A.Expr, type: 'money' | 'ratio', owner: MessageRef): Decimal | undefined {
  const t = ctx.exprs.resolve(e, constantScope(owner));
  if (!ctx.exprs.expect(t, type, owner)) return undefined;
  const v = foldConstant(t);
  if (!(v instanceof Decimal)) {
    if (t.type !== 'error') ctx.report(error('E112', t.span, ref('decl.not-constant', { owner })));
    return undefined;
  }
  if (type === 'ratio' && (v.lessThan(0) || v.greaterThan(1))) ctx.report(error('E204', t.span, ref('decl.ratio-outside', { owner, percent: v.times(100).toString() })));
  return v;
}

export function resolveBands(ctx: CheckContext, d: A.BandsDecl): BandsSym {
  const owner = ref('decl.owner.bands', { name: d.name.name });
  const cit = citation(ctx, d.meta);
  requireSource(ctx, owner, cit, d.name.span);
  const rows: { lower: Decimal; upper?: Decimal; ratio: Decimal; span: Span }[] = [];
  let previous: Decimal | undefined = new Decimal(0);
  d.rows.forEach((row, i) => {
    const lower = bandConstant(ctx, row.lower, 'money', ref('decl.where.band-start', { owner }));
    const upper = row.upper ? bandConstant(ctx, row.upper, 'money', ref('decl.where.band-end', { owner })) : undefined;
    const ratio = bandConstant(ctx, row.ratio, 'ratio', ref('decl.where.band-ratio', { owner }));
    if (lower === undefined || ratio === undefined || (row.upper && upper === undefined)) {
      previous = undefined;
      return;
    }
    if (previous !== undefined && !lower.equals(previous)) {
      const message = previous.isZero()
        ? ref('decl.bands-first', { owner, lower: lower.toString() })
        : ref('decl.bands-gap', { owner, previous: previous.toString(), lower: lower.toString() });
      ctx.report(error('E406', row.lower.span, message));
    }
    if (upper !== undefined && !upper.greaterThan(lower)) {
      ctx.report(error('E406', row.upper?.span ?? row.span, ref('decl.bands-end', { owner, lower: lower.toString() })));
    }
    if (upper === undefined && i < d.rows.length - 1) {
      ctx.report(error('E406', row.span, ref('decl.bands-open', { owner })));
    }
    rows.push({ lower, ratio, span: row.span, ...(upper !== undefined ? { upper } : {}) });
    previous = upper;
  });
  if (d.rows.length === 0) ctx.report(error('E406', d.name.span, ref('decl.bands-none', { owner })));
  return { kind: 'bands', name: d.name.name, rows, span: d.name.span, ...cit };
}

export function resolveCap(ctx: CheckContext, d: A.CapDecl): CapSym {
  const owner = ref('decl.owner.cap', { name: d.name.name });
  const cit = citation(ctx, d.meta);
  const scope: Scope = { context: 'let', owner };
  const amount = ctx.exprs.resolve(d.amount, scope);
  ctx.exprs.expect(amount, 'money', owner);
  if (firstNumber(amount)) requireSource(ctx, owner, cit, d.name.span);
  const applies = resolveApplicability(ctx, d, owner, d.name.span, scope);
  let layer: LayerName = 'patient';
  const name = d.layer.name;
  if (!isLayer(name)) {
    ctx.report(error('E103', d.layer.span, ref('decl.unknown-layer', { name })));
  } else if (name === 'patient') {
    ctx.report(error('E107', d.layer.span, ref('decl.cap-patient')));
  } else if (!ctx.declaredLayers.has(name)) {
    ctx.report(error('E106', d.layer.span, ref('decl.layer-undeclared', { name })));
  } else {
    layer = name;
  }
  const acc = resolveAccumulator(ctx, { kind: 'accumulator', name: d.name, keys: d.keys, meta: d.meta, span: d.span });
  return {
    kind: 'cap',
    name: d.name.name,
    layer,
    amount,
    acc,
    span: d.name.span,
    ...applies,
    ...cit,
  };
}
