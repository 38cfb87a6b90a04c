import type { SettledClaim, TraceStep } from '@policy/engine';

/**
 * The trace tree of one settlement, for people: every layer amount with the rule, the clause
 * and the line that produced it and the values it was computed from; then accumulators,
 * flags, and the rules that did not apply with the part of their condition that failed.
 */
export function explainSettlement(s: SettledClaim): string {
  const t = s.trace;
  const out: string[] = [];
  out.push(`claim ${s.claim.id} · policy ${s.policy} version ${s.version} · total ${s.claim.total.toFixed(2)}`);
  if (!t) return out.join('\n');
  const width = Math.max(...s.declaredLayers.map((l) => l.length));
  const accumulators: string[] = [];
  const notApplied: string[] = [];
  for (const r of t.rules) {
    if (!r.applied) {
      notApplied.push(`${r.rule} (${r.failed ?? r.condition ?? ''} is false)`);
      continue;
    }
    const cites = r.cites.map((c) => `${c.id} ${c.title}`).join('; ');
    const readings = r.readings.length > 0 ? `; reading ${r.readings.join(', ')}` : '';
    for (const step of r.steps as TraceStep[]) {
      if (step.kind === 'layer') {
        out.push(`  ${step.layer.padEnd(width)} ${step.amount.padStart(12)}  rule ${r.rule} [${cites}${readings}] ${step.at.file}:${step.at.line}`);
        const inputs = Object.entries(step.inputs)
          .map(([k, v]) => `${k} = ${v}`)
          .join(', ');
        out.push(`  ${''.padEnd(width)} ${''.padStart(12)}  ${step.layer} = ${step.formula}${inputs ? `   where ${inputs}` : ''}`);
        for (const cap of step.caps ?? []) {
          out.push(`  ${''.padEnd(width)} ${''.padStart(12)}  yearly cap ${cap.name}: ${cap.cap} − ${cap.used} used = ${cap.left} left (formula gave ${cap.before})`);
        }
      } else if (step.kind === 'accumulator') {
        accumulators.push(`${step.name} ${step.before} + ${step.add} → ${step.after} (rule ${r.rule})`);
      } else if (step.kind === 'flag') {
        out.push(`  flag: ${step.message} (rule ${r.rule})`);
      }
    }
  }
  out.push(`  ${'patient'.padEnd(width)} ${t.patient.amount.padStart(12)}  ${t.patient.formula}`);
  if (accumulators.length > 0) out.push(`  accumulators of ${s.claim.personId} in ${s.claim.year}:`, ...accumulators.map((a) => `    ${a}`));
  if (notApplied.length > 0) out.push('  not applied:', ...notApplied.map((n) => `    ${n}`));
  return out.join('\n');
}
