import { BUILTINS, Decimal, type Constant, type TExpr, type TableSym, type Type } from '@policy/dsl';
import { CATEGORY_BITS, type Category } from '../claim.js';
import { LAYER_INDEX } from '../runtime/context.js';
import { MAX_SCALE, POW10, minimalScale, toScaled } from '../runtime/scaled.js';
import { align, scaleOf, type Code, type ExprScope } from './code.js';
import { emitAdjusted, emitBands } from './emit-modifiers.js';
import { checkShape } from './ir-shape.js';
import { Unsupported } from './unsupported.js';

/**
 * Typed expressions → JavaScript source over scaled integers. A number of the language
 * (money, ratio, points, plain number, days) becomes an integer n standing for n × 10^−scale,
 * the scale fixed at compile time for each expression: money read from a claim has scale 2,
 * `87.5%` has scale 3, a product has the sum of its factors' scales. Exactness, step by step:
 *
 * - `+ − × min max` and comparisons on safe integers are exact; every sum and product goes
 *   through `ck`, which throws OVERFLOW the moment a result may have left the safe range (the
 *   claim is then settled by decimal.js). Within that range decimal.js (40 digits) is exact too.
 * - `÷` by a constant whose reciprocal is a finite decimal (2^a·5^b): a multiplication; by a value
 *   read per claim: kept when the quotient ends within QUOTIENT_DECIMALS more decimals, else the
 *   claim goes to decimal.js (OVERFLOW).
 * - Modifiers and bands: emit-modifiers.ts; yearly caps: emit-version.ts.
 * - Rounding half-up (away from zero on .5, as decimal.js ROUND_HALF_UP) with `%`, exact on doubles.
 * - Booleans, text, enumerations, levels, dates and sets are plain JS values, as in compile-expr.ts.
 *
 * Generated names: T total fen, S layers assigned so far, P paid so far, L0…L6 layers, a0… the
 * accumulators, v<rule>_<slot> locals, t<n> temporaries, R<n> constants, let<n>() lets.
 * Policy text (names, strings) reaches the source only through JSON.stringify or as constants.
 */

const DECIMAL_TYPES = new Set<Type>(['money', 'ratio', 'points', 'number', 'days']);
const PLAIN_TYPES = new Set<Type>(['bool', 'text', 'date', 'level', 'visit', 'region', 'referral', 'category']);
const KEY_TYPES = new Set<Type>(['text', 'visit', 'region', 'referral', 'category']);

export const isNumberType = (t: Type): boolean => DECIMAL_TYPES.has(t);

function checkType(t: Type): void {
  // Sets hold plain JS values, numbers of the language included (as decimal.js's toNumber()).
  const scalar = typeof t === 'string' ? t : t.collection;
  if (DECIMAL_TYPES.has(scalar) || PLAIN_TYPES.has(scalar)) return;
  throw new Unsupported(`values of type ${JSON.stringify(t)} are not implemented`);
}


/** A scaled integer literal (or a plain value) for a decimal.js Constant. */
export function constantCode(v: Constant, type: Type, scope: ExprScope): Code {
  if (isNumberType(type)) {
    if (!(v instanceof Decimal)) throw new Unsupported(`a ${String(type)} constant that is not a decimal`);
    const scale = minimalScale(v);
    const n = toScaled(v, scale);
    if (n === undefined) throw new Unsupported(`the constant ${v.toString()} is too large for a safe integer`);
    return { js: n < 0 ? `(${n})` : String(n), scale };
  }
  if (typeof v === 'boolean') return { js: String(v) };
  if (typeof v === 'string') return { js: JSON.stringify(v) };
  if (typeof v === 'number' && Number.isSafeInteger(v)) return { js: v < 0 ? `(${v})` : String(v) };
  if (v instanceof Set) return { js: scope.value(v) };
  throw new Unsupported(`a constant of type ${String(type)}`);
}



/** A scaled number as the JS number decimal.js's toNumber() would give (levels, dates, set members). */
function asJsNumber(c: Code): string {
  const s = scaleOf(c);
  return s === 0 ? c.js : `(${c.js} / ${POW10[s]})`;
}

function result(js: string, scale: number): Code {
  if (scale > MAX_SCALE) throw new Unsupported(`an intermediate value needs ${scale} decimals`);
  return { js, scale };
}

const FIELDS: Readonly<Record<string, Code>> = {
  total: { js: 'T', scale: 2 },
  inCatalog: { js: 'c.inCatalogFen', scale: 2 },
  outOfCatalog: { js: '(T - c.inCatalogFen)', scale: 2 },
  quota: { js: 'c.quotaFen', scale: 2 },
  stay: { js: 'c.stay', scale: 0 },
  year: { js: 'c.year', scale: 0 },
  date: { js: 'c.day' },
  admitted: { js: 'c.admitted' },
  discharged: { js: 'c.discharged' },
  id: { js: 'c.id' },
  personId: { js: 'c.personId' },
  categories: { js: 'c.categories' },
  visit: { js: 'c.visit' },
  level: { js: 'c.level' },
  region: { js: 'c.region' },
  referral: { js: 'c.referral' },
  designated: { js: 'c.designated' },
  disaster: { js: 'c.disaster' },
  disease: { js: 'c.disease' },
  diagnoses: { js: 'c.diagnoses' },
  hospitalId: { js: 'c.hospitalId' },
};

export function emitExpr(e: TExpr, scope: ExprScope): Code {
  checkShape(`expr:${e.k}`, e);
  checkType(e.type);
  const noState = (what: string): void => {
    if (scope.inLet) throw new Unsupported(`a let reading ${what}`);
  };
  switch (e.k) {
    case 'const':
      return constantCode(e.value, e.type, scope);
    case 'param':
      return constantCode(scope.parameter(e), e.type, scope);
    case 'field': {
      const f = Object.hasOwn(FIELDS, e.field) ? FIELDS[e.field] : undefined;
      if (!f) throw new Unsupported(`claim field ${e.field}`);
      return f;
    }
    case 'state':
      noState(e.name);
      if (e.name === 'paid') return { js: 'P', scale: 2 };
      if (e.name === 'remaining') return { js: '(T - S)', scale: 2 };
      throw new Unsupported(`state ${String(e.name)}`);
    case 'layer':
      noState(`layer ${e.layer}`);
      if (e.layer === 'patient') return { js: '(T - S)', scale: 2 };
      if (!Object.hasOwn(LAYER_INDEX, e.layer)) throw new Unsupported(`layer ${String(e.layer)}`);
      return { js: `L${LAYER_INDEX[e.layer]}`, scale: 2 };
    case 'acc':
      return { js: `a${e.acc.index}`, scale: scope.accumulatorScale(e.acc.index) };
    case 'let':
      return scope.letRef(e.let);
    case 'local':
      noState(`local ${e.name}`);
      return scope.local(e.slot);
    case 'set':
      checkShape('set', e.set);
      for (const x of e.set.elements) checkShape('element', x);
      return { js: scope.value(new Set(e.set.elements.map((x) => x.value))) };
    case 'index':
      if (isNumberType(e.key.type)) throw new Unsupported(`table ${e.table.name} looked up by a number`);
      return emitIndex(e.table, emitExpr(e.key, scope), scope);
    case 'neg': {
      const x = emitExpr(e.operand, scope);
      return result(`(-${x.js})`, scaleOf(x));
    }
    case 'not':
      return { js: `(!${emitExpr(e.operand, scope).js})` };
    case 'binary':
      return emitBinary(e, scope);
    case 'call':
      return emitCall(e, scope);
    case 'if': {
      const cond = emitExpr(e.cond, scope);
      const a = emitExpr(e.then, scope);
      const b = emitExpr(e.else, scope);
      if (!isNumberType(e.type)) return { js: `(${cond.js} ? ${a.js} : ${b.js})` };
      const s = Math.max(scaleOf(a), scaleOf(b));
      return result(`(${cond.js} ? ${align(a, s)} : ${align(b, s)})`, s);
    }
    case 'setLit': {
      const parts = e.elements.map((x) => ({ x, code: emitExpr(x, scope) }));
      if (e.elements.every((x) => x.k === 'const')) {
        const members = e.elements.map((x) => {
          const v = (x as Extract<TExpr, { k: 'const' }>).value;
          return v instanceof Decimal ? v.toNumber() : v;
        });
        return { js: scope.value(new Set(members)) };
      }
      const items = parts.map(({ x, code }) => (isNumberType(x.type) ? asJsNumber(code) : code.js));
      return { js: `new Set([${items.join(', ')}])` };
    }
    case 'adjusted':
      return emitAdjusted(e, scope, emitExpr);
    case 'bands':
      return emitBands(e, scope, emitExpr);
    default:
      throw new Unsupported(`expression kind ${JSON.stringify((e as { k: unknown }).k)}`);
  }
}

function emitIndex(table: TableSym, key: Code, scope: ExprScope): Code {
  checkShape('table', table);
  for (const row of table.rows) checkShape('row', row);
  checkType(table.valueType);
  const numeric = isNumberType(table.valueType);
  const raw = (x: TExpr): unknown => scope.constant(x);
  const rows = table.rows.map((r) => ({ key: r.key, value: raw(r.value) }));
  const otherwise = table.otherwise ? raw(table.otherwise) : undefined;
  let scale = 0;
  if (numeric) {
    for (const v of [...rows.map((r) => r.value), ...(otherwise === undefined ? [] : [otherwise])]) {
      if (!(v instanceof Decimal)) throw new Unsupported(`table ${table.name} holds a value that is not a decimal`);
      scale = Math.max(scale, minimalScale(v));
    }
  }
  const convert = (v: unknown): unknown => {
    if (v === undefined || !numeric) return v;
    const n = toScaled(v as Decimal, scale);
    if (n === undefined) throw new Unsupported(`table ${table.name} holds a value too large for a safe integer`);
    return n;
  };
  const k = scope.temp();
  const v = scope.temp();
  const miss = `E.noRow(${scope.tableIndex(table)}, ${k}, rule)`;
  let lookup: string;
  if (table.keyType === 'level') {
    const byLevel = [0, 1, 2, 3].map((l) => {
      const row = rows.find((r) => r.key === l);
      return convert(row ? row.value : otherwise);
    });
    lookup = `(${k} = ${key.js}, (${v} = ${scope.value(byLevel)}[${k}]) !== undefined ? ${v} : ${miss})`;
  } else if (KEY_TYPES.has(table.keyType)) {
    const map = new Map(rows.map((r) => [r.key, convert(r.value)]));
    const other = convert(otherwise);
    const fallback = other === undefined ? miss : scope.value(other);
    lookup = `(${k} = ${key.js}, (${v} = ${scope.value(map)}.get(${k})) !== undefined ? ${v} : ${fallback})`;
  } else {
    throw new Unsupported(`a table by ${JSON.stringify(table.keyType)}`);
  }
  return numeric ? result(lookup, scale) : { js: lookup };
}

function emitBinary(e: Extract<TExpr, { k: 'binary' }>, scope: ExprScope): Code {
  const lt = e.left.type;
  const rt = e.right.type;
  switch (e.op) {
    case 'and':
    case 'or': {
      const l = emitExpr(e.left, scope);
      const r = emitExpr(e.right, scope);
      return { js: `(${l.js} ${e.op === 'and' ? '&&' : '||'} ${r.js})` };
    }
    case '??': {
      const l = emitExpr(e.left, scope);
      const r = emitExpr(e.right, scope);
      const t = scope.temp();
      if (!isNumberType(e.type)) return { js: `((${t} = ${l.js}) !== undefined ? ${t} : ${r.js})` };
      const s = Math.max(scaleOf(l), scaleOf(r));
      return result(`((${t} = ${l.js}) !== undefined ? ${align({ js: t, scale: scaleOf(l) }, s)} : ${align(r, s)})`, s);
    }
    case '+':
    case '-': {
      const l = emitExpr(e.left, scope);
      const r = emitExpr(e.right, scope);
      if (lt === 'date' || rt === 'date') return dateArithmetic(e.op, l, r, lt, rt);
      if (!isNumberType(lt) || !isNumberType(rt)) throw new Unsupported(`${String(lt)} ${e.op} ${String(rt)}`);
      const s = Math.max(scaleOf(l), scaleOf(r));
      const sum = `ck(${align(l, s)} ${e.op} ${align(r, s)})`;
      return result(e.clampRatio ? `cl(${sum}, ${POW10[s]})` : sum, s);
    }
    case '*':
    case 'of': {
      const l = emitExpr(e.left, scope);
      const r = emitExpr(e.right, scope);
      if (!isNumberType(lt) || !isNumberType(rt)) throw new Unsupported(`${String(lt)} × ${String(rt)}`);
      return result(`ck(${l.js} * ${r.js})`, scaleOf(l) + scaleOf(r));
    }
    case '/':
      return emitDivision(e, scope);
    case '<':
    case '<=':
    case '>':
    case '>=':
    case '==':
    case '!=': {
      const l = emitExpr(e.left, scope);
      const r = emitExpr(e.right, scope);
      const op = e.op === '==' ? '===' : e.op === '!=' ? '!==' : e.op;
      if (isNumberType(lt) && isNumberType(rt)) {
        const s = Math.max(scaleOf(l), scaleOf(r));
        return { js: `(${align(l, s)} ${op} ${align(r, s)})` };
      }
      // As compile-expr.ts: a number compared with a level or a date is read as a JS number.
      const ln = isNumberType(lt) ? asJsNumber(l) : l.js;
      const rn = isNumberType(rt) ? asJsNumber(r) : r.js;
      return { js: `(${ln} ${op} ${rn})` };
    }
    case 'in':
    case 'not in': {
      const bit = categoryBit(e.left, e.right);
      if (bit !== undefined) return { js: `((c.categoryBits & ${bit}) ${e.op === 'in' ? '!==' : '==='} 0)` };
      const l = emitExpr(e.left, scope);
      const r = emitExpr(e.right, scope);
      const key = isNumberType(lt) ? asJsNumber(l) : l.js;
      return { js: `(${e.op === 'not in' ? '!' : ''}${r.js}.has(${key}))` };
    }
    default:
      throw new Unsupported(`operator ${JSON.stringify(e.op)}`);
  }
}

/** `registered_poor in categories`: one bit of the claim's categoryBits. */
function categoryBit(left: TExpr, right: TExpr): number | undefined {
  if (right.k !== 'field' || right.field !== 'categories' || left.k !== 'const' || typeof left.value !== 'string') return undefined;
  return Object.hasOwn(CATEGORY_BITS, left.value) ? CATEGORY_BITS[left.value as Category] : undefined;
}

/** Dates are whole day numbers; days added to them must be whole too, or decimal.js decides. */
function dateArithmetic(op: '+' | '-', l: Code, r: Code, lt: Type, rt: Type): Code {
  if (lt === 'date' && rt === 'date' && op === '-') return { js: `(${l.js} - ${r.js})`, scale: 0 };
  if (lt === 'date' && rt === 'days' && scaleOf(r) === 0) return { js: `(${l.js} ${op} ${r.js})` };
  throw new Unsupported(`${String(lt)} ${op} ${String(rt)} with fractional days`);
}

/**
 * x ÷ d for a constant d = D·10^−sd whose D is ±2^a·5^b: 1/D = m·10^−k with m = 10^k/D
 * (k = max(a, b)), so x ÷ d = x·(10^sd·m) at scale(x) + k, exactly. decimal.js gives the same
 * value: the quotient has a finite expansion shorter than its 40 digits. Any other divisor is
 * left to decimal.js, which rounds it to 40 digits.
 */
function emitDivision(e: Extract<TExpr, { k: 'binary' }>, scope: ExprScope): Code {
  if (!isNumberType(e.left.type) || !isNumberType(e.right.type)) throw new Unsupported(`${String(e.left.type)} ÷ ${String(e.right.type)}`);
  let divisor: Constant;
  if (e.right.k === 'const') divisor = e.right.value;
  else if (e.right.k === 'param') divisor = scope.parameter(e.right);
  else return emitRuntimeDivision(e, scope);
  if (!(divisor instanceof Decimal)) throw new Unsupported('division by a constant that is not a decimal');
  // decimal.js evaluates the divisor first and throws before reading the dividend.
  if (divisor.isZero()) return result(`E.divisionByZero(rule, ${scope.spanIndex(e)})`, 0);
  const x = emitExpr(e.left, scope);
  const sd = minimalScale(divisor);
  let D = divisor.times(POW10[sd] as number).abs();
  let a = 0;
  let b = 0;
  while (D.modulo(2).isZero()) (D = D.dividedBy(2)), a++;
  while (D.modulo(5).isZero()) (D = D.dividedBy(5)), b++;
  if (!D.equals(1)) throw new Unsupported(`division by ${divisor.toString()}, whose quotients need not end`);
  const k = Math.max(a, b);
  const factor = new Decimal(10).pow(k + sd).dividedBy(divisor.times(POW10[sd] as number));
  const m = toScaled(factor, 0);
  if (m === undefined) throw new Unsupported(`division by ${divisor.toString()}`);
  return result(`ck(${x.js} * ${m < 0 ? `(${m})` : m})`, scaleOf(x) + k);
}

/**
 * Extra decimals a quotient by a value known only per claim is kept to. x ÷ y = (x·10^e ÷ y) at
 * scale q: when y does not divide x·10^e the quotient does not end within q decimals (or does
 * not end at all, and decimal.js rounds it to 40 digits) and the claim goes to decimal.js.
 */
const QUOTIENT_DECIMALS = 4;

/** x ÷ y, y read per claim: exact when the quotient ends within its scale, else OVERFLOW. */
function emitRuntimeDivision(e: Extract<TExpr, { k: 'binary' }>, scope: ExprScope): Code {
  // decimal.js evaluates the divisor first and throws before reading the dividend.
  const y = emitExpr(e.right, scope);
  const x = emitExpr(e.left, scope);
  const sx = scaleOf(x);
  const sy = scaleOf(y);
  const q = Math.max(0, sx - sy) + QUOTIENT_DECIMALS;
  const up = q + sy - sx;
  if (up > MAX_SCALE) throw new Unsupported(`a quotient needs ${up} decimals`);
  const d = scope.temp();
  const scaledX = up === 0 ? x.js : `ck(${x.js} * ${POW10[up]})`;
  return result(`((${d} = ${y.js}) === 0 ? E.divisionByZero(rule, ${scope.spanIndex(e)}) : dv(${scaledX}, ${d}))`, q);
}

function emitCall(e: Extract<TExpr, { k: 'call' }>, scope: ExprScope): Code {
  const args = e.args.map((a) => emitExpr(a, scope));
  const form = BUILTINS[e.fn].fixed;
  switch (form.kind) {
    case 'extremum': {
      if (!e.args.every((a) => isNumberType(a.type))) throw new Unsupported(`${e.fn} of values that are not numbers`);
      const s = Math.max(...args.map(scaleOf));
      return result(`Math.${form.math}(${args.map((a) => align(a, s)).join(', ')})`, s);
    }
    case 'round-fen': {
      const x = args[0] as Code;
      const s = scaleOf(x);
      return s <= 2 ? result(align(x, 2), 2) : result(`rh(${x.js}, ${POW10[s - 2]})`, 2);
    }
    case 'text-test':
      return { js: `${(args[0] as Code).js}.${form.method}(${(args[1] as Code).js})` };
  }
}

export { Unsupported };
export { align, scaleOf, type Code, type ExprScope } from './code.js';
