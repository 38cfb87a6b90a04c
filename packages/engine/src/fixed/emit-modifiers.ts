import type { AdjustmentIR, TExpr } from '@policy/dsl';
import { MAX_SCALE, POW10, minimalScale, toScaled } from '../runtime/scaled.js';
import { align, scaleOf, type Code, type Emit, type ExprScope } from './code.js';
import { checkShape } from './ir-shape.js';
import { Unsupported } from './unsupported.js';

/**
 * Modifiers (`adjusted` nodes) and bands applied (`bands` nodes) over scaled integers, mirroring
 * compile-expr.ts's applyAdjustments / compileAdjusted / compileBands step for step:
 *
 * - value × (product of the factors in force) + (sum of the amounts in force), then ratios clamped
 *   to 0–100% and money to ≥ 0. The scale must not depend on the claim, so a factor whose
 *   modifier does not hold multiplies by 1 written at the factor's own scale (10^sf): the product
 *   has the scale base + Σ factor scales whichever factors hold. Products are exact (`ck`).
 * - Each adjustment's condition is read before its amount, and the amount only when the
 *   condition holds, in the declared order: a table without a row rejects the claim the same way.
 * - Bands: lower, then upper (each at ≥ 0); every band crossed adds (to − from) × its ratio, the
 *   ratio adjusted (and clamped to 0–100%) only for the bands crossed, as decimal.js does.
 */

type Clamp = 'ratio' | 'money' | 'none';

/** The adjustments in force in this version, their modifiers checked. */
function inForce(adjustments: readonly AdjustmentIR[], scope: ExprScope): AdjustmentIR[] {
  return adjustments.filter((a) => {
    checkShape('adjustment', a);
    checkShape('modifier', a.modifier);
    return scope.active(a.modifier);
  });
}

/** `base` adjusted by `adjs` (already filtered to those in force), then clamped. */
function emitAdjust(base: Code, adjs: readonly AdjustmentIR[], clamp: Clamp, scope: ExprScope, emitExpr: Emit): Code {
  if (adjs.length === 0) return base;
  const value = scope.temp();
  let scale = scaleOf(base);
  const steps: string[] = [`${value} = ${base.js}`];
  const shifts: { when: string; amount: Code; sign: '+' | '-' }[] = [];
  for (const a of adjs) {
    const when = a.modifier.when ? emitExpr(a.modifier.when, scope).js : 'true';
    const amount = emitExpr(a.amount, scope);
    if (a.op === '*') {
      const sf = scaleOf(amount);
      steps.push(`${value} = ck(${value} * (${when} ? ${amount.js} : ${POW10[sf]}))`);
      scale += sf;
      if (scale > MAX_SCALE) throw new Unsupported(`a modified value needs ${scale} decimals`);
    } else {
      shifts.push({ when, amount, sign: a.op });
    }
  }
  // The factors' product first (decimal.js: value × factor + shift), the shifts summed apart.
  const shiftScale = Math.max(0, ...shifts.map((s) => scaleOf(s.amount)));
  const out = Math.max(scale, shiftScale);
  let sum = align({ js: value, scale }, out);
  if (shifts.length > 0) {
    const shift = scope.temp();
    steps.push(`${shift} = 0`);
    for (const s of shifts) steps.push(`${shift} = ck(${shift} ${s.sign} (${s.when} ? ${align(s.amount, shiftScale)} : 0))`);
    sum = `ck(${sum} + ${align({ js: shift, scale: shiftScale }, out)})`;
  }
  const clamped = clamp === 'ratio' ? `cl(${sum}, ${POW10[out]})` : clamp === 'money' ? `nn(${sum})` : sum;
  return { js: `(${steps.join(', ')}, ${clamped})`, scale: out };
}

export function emitAdjusted(e: Extract<TExpr, { k: 'adjusted' }>, scope: ExprScope, emitExpr: Emit): Code {
  const base = emitExpr(e.base, scope);
  const clamp: Clamp = e.type === 'ratio' ? 'ratio' : e.type === 'money' ? 'money' : 'none';
  return emitAdjust(base, inForce(e.adjustments, scope), clamp, scope, emitExpr);
}

function scaled(d: import('@policy/dsl').Decimal, what: string): Code {
  const s = minimalScale(d);
  const n = toScaled(d, s);
  if (n === undefined) throw new Unsupported(`${what} ${d.toString()} is too large for a safe integer`);
  return { js: n < 0 ? `(${n})` : String(n), scale: s };
}

export function emitBands(e: Extract<TExpr, { k: 'bands' }>, scope: ExprScope, emitExpr: Emit): Code {
  checkShape('bands', e.bands);
  const adjs = inForce(e.adjustments, scope);
  const lower = e.lower ? emitExpr(e.lower, scope) : undefined;
  const upper = emitExpr(e.upper, scope);
  const rows = e.bands.rows.map((r) => {
    checkShape('band', r);
    const ratio = emitAdjust(scaled(r.ratio, 'the band ratio'), adjs, 'ratio', scope, emitExpr);
    return { lower: scaled(r.lower, 'the band bound'), ...(r.upper ? { upper: scaled(r.upper, 'the band bound') } : {}), ratio };
  });
  // Amounts (the stretch and the bounds) at one scale; each band's share at that + its ratio's.
  const sm = Math.max(scaleOf(upper), lower ? scaleOf(lower) : 0, ...rows.flatMap((r) => [scaleOf(r.lower), r.upper ? scaleOf(r.upper) : 0]));
  const out = Math.max(sm, ...rows.map((r) => sm + scaleOf(r.ratio)));
  if (out > MAX_SCALE) throw new Unsupported(`bands ${e.bands.name} need ${out} decimals`);
  const [lo, hi, sum, from, to] = [scope.temp(), scope.temp(), scope.temp(), scope.temp(), scope.temp()];
  const terms = rows.map((r) => {
    const bound = r.upper ? `Math.min(${hi}, ${align(r.upper, sm)})` : hi;
    const share = { js: `ck((${to} - ${from}) * ${r.ratio.js})`, scale: sm + scaleOf(r.ratio) };
    return `(${from} = Math.max(${lo}, ${align(r.lower, sm)}), ${to} = ${bound}, ${to} > ${from} ? (${sum} = ck(${sum} + ${align(share, out)})) : 0)`;
  });
  const js = [
    `${lo} = ${lower ? `Math.max(0, ${align(lower, sm)})` : '0'}`,
    `${hi} = Math.max(0, ${align(upper, sm)})`,
    `${sum} = 0`,
    `${hi} > ${lo} ? (${[...terms, sum].join(', ')}) : 0`,
  ];
  return { js: `(${js.join(', ')})`, scale: out };
}
