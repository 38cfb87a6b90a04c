import { textWidth, type LayerName } from '@policy/dsl';
import type { ClauseRef, RuleTrace, SettledClaim, TraceStep } from '@policy/engine';
import { LABELS, type ExplainLang, type ExplainLabels } from './explain-labels.js';
import { padEndWidth } from './pad.js';

/**
 * The trace tree of one settlement, for people (`policy explain`, `policy eval --explain`):
 * the layers, then every rule that applied with the clauses it cites and, for each amount,
 * its formula as written and with the numbers filled in, the lets it read expanded one level,
 * the table rows, modifiers and yearly caps; the accumulators before and after; flags; and
 * the rules that did not apply with the part of their condition that was false.
 */

export interface ExplainOptions {
  readonly lang?: ExplainLang;
  /** Quote each cited clause's text 「…」 under its citation. */
  readonly quote?: boolean;
}

type Layer = Extract<TraceStep, { kind: 'layer' }>;

export function explainSettlement(s: SettledClaim, options: ExplainOptions = {}): string {
  const L = LABELS[options.lang ?? 'en'];
  const t = s.trace;
  const out: string[] = [];
  out.push(
    `${L.claim} ${s.claim.id} · ${L.policy} ${s.policy} ${L.version} ${s.version} · ${L.person} ${s.claim.personId} · ${L.date} ${s.claim.date} · ${L.total} ${s.claim.total.toFixed(2)}`,
  );
  if (!t) return [...out, `  ${L.noTrace}`].join('\n');

  // The layers at a glance, each with the rule that gave it.
  const byLayer = new Map<string, string>();
  for (const r of t.rules) for (const step of r.steps) if (step.kind === 'layer') byLayer.set(step.layer, r.rule);
  const names = s.declaredLayers.map((l) => L.layers[l]);
  const nameWidth = Math.max(...names.map(textWidth));
  const amounts = s.declaredLayers.map((l) => s.layers[l].toFixed(2));
  const amountWidth = Math.max(...amounts.map((a) => a.length));
  out.push(L.layersHeading);
  s.declaredLayers.forEach((l: LayerName, i) => {
    const note = l === 'patient' ? L.patientFormula : byLayer.has(l) ? `${L.rule} ${byLayer.get(l) ?? ''}` : '';
    out.push(`  ${padEndWidth(L.layers[l], nameWidth)}  ${(amounts[i] ?? '').padStart(amountWidth)}${note ? `  ${note}` : ''}`.trimEnd());
  });

  const labelWidth = Math.max(12, ...Object.values(L.layers).map(textWidth), ...[L.cites, L.formula, L.accumulator, L.yearlyCap].map(textWidth)) + 2;
  const line = (label: string, text: string): string => `  ${padEndWidth(label, labelWidth)}${text}`;
  const more = (text: string): string => `  ${' '.repeat(labelWidth)}${text}`;

  for (const r of t.rules) {
    if (!r.applied) continue;
    out.push('', `${L.rule} ${r.rule} · ${r.at.file}:${r.at.line}`);
    out.push(...citations(r.cites, options.quote === true, line, more, L));
    if (r.readings.length > 0) out.push(line(L.reading, r.readings.join(', ')));
    for (const step of r.steps) {
      switch (step.kind) {
        case 'let':
          out.push(...equation(line(L.let, ''), step.name, step.formula, step.filled, step.value));
          for (const row of step.rows ?? []) out.push(line(L.table, `${row.table}[${row.key}] = ${row.value}`));
          break;
        case 'layer':
          out.push(...layerLines(step, L, line, more));
          break;
        case 'accumulator':
          out.push(line(L.accumulator, `${step.name} ${step.before} + ${step.add} → ${step.after}`));
          break;
        case 'flag':
          out.push(line(L.flag, step.message));
          break;
      }
    }
  }

  const notApplied = t.rules.filter((r) => !r.applied);
  if (notApplied.length > 0) {
    out.push('', L.notApplied);
    for (const r of notApplied) out.push(...notAppliedLines(r, L));
  }
  return out.join('\n');
}

function citations(cites: readonly ClauseRef[], quote: boolean, line: (l: string, t: string) => string, more: (t: string) => string, L: ExplainLabels): string[] {
  const out: string[] = [];
  cites.forEach((c, i) => {
    const text = `${c.id}${c.title ? ` ${c.title}` : ''}`;
    out.push(i === 0 ? line(L.cites, text) : more(text));
    if (quote && c.text) out.push(more(`  「${c.text}」`));
  });
  return out;
}

/**
 * `name = formula` and, under its `=`, `= filled = value` (the filled line alone when the
 * formula is a single name, `= value` alone when nothing was filled in).
 */
function equation(prefix: string, name: string, formula: string, filled: string | undefined, value: string): string[] {
  if (formula === value) return [`${prefix}${name} = ${value}`];
  // `fallback tops up to …` names what it assigns itself.
  const first = formula.startsWith(`${name} `) ? `${prefix}${formula}` : `${prefix}${name} = ${formula}`;
  const indent = ' '.repeat(textWidth(`${prefix}${name} `));
  const shown = filled === undefined || filled === value || filled === formula ? `= ${value}` : `= ${filled} = ${value}`;
  return [first, `${indent}${shown}`];
}

function layerLines(step: Layer, L: ExplainLabels, line: (l: string, t: string) => string, more: (t: string) => string): string[] {
  const out = [line(L.layers[step.layer as LayerName] ?? step.layer, `${step.amount} · ${step.at.file}:${step.at.line}`)];
  const value = step.value ?? step.amount;
  out.push(...equation(line(L.formula, ''), step.layer, step.formula, step.filled, value));
  for (const cap of step.caps ?? []) out.push(line(L.yearlyCap, `${cap.name}: ${L.capLine(cap.cap, cap.used, cap.left, cap.before)}`));
  if (step.amount !== value) out.push(more(`→ ${step.amount}${(step.caps ?? []).length === 0 ? ` (${L.rounded})` : ''}`));
  for (const l of step.lets ?? []) out.push(...equation(line(L.let, ''), l.name, l.formula, l.filled, l.value));
  for (const row of step.rows ?? []) out.push(line(L.table, `${row.table}[${row.key}] = ${row.value}`));
  for (const [label, text] of Object.entries(step.inputs)) {
    if (!label.endsWith(' adjusted')) continue;
    const target = label.slice(0, -' adjusted'.length);
    const value = step.inputs[target];
    out.push(line(L.modifier, `${target}: ${text}${value !== undefined && !text.startsWith('each band') ? ` = ${value}` : ''}`));
  }
  return out;
}

function notAppliedLines(r: RuleTrace, L: ExplainLabels): string[] {
  const out = [`  ${r.rule} · ${r.at.file}:${r.at.line}`];
  const failed = r.failed ?? r.condition ?? '';
  const filled = r.failedFilled !== undefined && r.failedFilled !== failed && r.failedFilled !== 'false' ? `   (${r.failedFilled})` : '';
  out.push(`    ${L.isFalse}: ${failed}${filled}`);
  for (const b of r.failedBecause ?? []) {
    out.push(`      ${L.inLet(b.let)}, ${L.isFalse}: ${b.failed}${b.filled !== b.failed && b.filled !== 'false' ? `   (${b.filled})` : ''}`);
  }
  return out;
}
