import { LAYERS } from '@policy/dsl';
import type { SettledClaim } from '@policy/engine';
import { layerText, totalText } from './layer-text.js';

/** The contract's CSV columns: id, policy, version, total, the eight layers, flags. */
export const SETTLEMENT_COLUMNS: readonly string[] = ['id', 'policy', 'version', 'total', ...LAYERS, 'flags'];

/** One CSV row (as cell texts) of a settlement; extra input columns follow the contract's. */
export function settlementToCsvCells(s: SettledClaim, extraColumns: readonly string[] = []): string[] {
  const cells = [s.claim.id, s.policy, s.version, totalText(s)];
  for (const l of LAYERS) cells.push(layerText(s, l));
  cells.push(s.flags.map((f) => `${f.rule}: ${f.message}`).join('|'));
  for (const col of extraColumns) {
    const v = s.claim.extra[col];
    cells.push(v === undefined || v === null ? '' : typeof v === 'string' ? v : JSON.stringify(v));
  }
  return cells;
}
