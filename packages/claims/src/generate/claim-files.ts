import { CONTRACT_FIELDS } from '../input/fields.js';
import { orderClaimFields, type RawClaim } from './raw-claim.js';

/**
 * Raw claims as the contract's two file formats: JSON Lines (keys in contract order, absent
 * fields left out) and CSV (contract columns, lists joined with `|`, empty cell for absent).
 * Used to write examples and benchmark inputs; reading files is `input/`'s job.
 */

export function toJsonLine(claim: RawClaim): string {
  return JSON.stringify(orderClaimFields(claim));
}

/** The header row: the contract's field names in contract order. */
export const CSV_HEADER = CONTRACT_FIELDS.join(',');

export function toCsvRow(claim: RawClaim): string {
  return CONTRACT_FIELDS.map((field) => csvCell(cellText(claim[field]))).join(',');
}

function cellText(value: RawClaim[keyof RawClaim]): string {
  if (value === undefined) return '';
  if (Array.isArray(value)) return value.join('|');
  return String(value);
}

/** RFC 4180 quoting: only when the text needs it (separator, quote, line break, outer spaces). */
export function csvCell(text: string): string {
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
