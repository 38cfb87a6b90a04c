import { applyRoster, detectRecords, readClaims, readPlatformClaims, readRecords, type ClaimResult, type NhsaMapping, type RecordFormat, type RecordItem, type RosterView } from '@policy/claims';
import type { InFormat } from '../options.js';
import { mappingFor } from './nhsa-options.js';

/** How a command opens its claims file (eval, explain, batch, diff). */
export interface OpenClaimsOptions {
  /** The file's syntax; default: by extension (JSON Lines on standard input). */
  readonly format?: RecordFormat;
  /** The records' shape; `auto` (default) tells it from the header or the first record. */
  readonly inFormat?: InFormat;
  /** The policy whose nhsa-mapping.json maps platform records (with `mapping`: that file instead). */
  readonly policyPath?: string;
  readonly mapping?: string;
  /** Load the mapping even for contract input (the output is platform records). */
  readonly needsMapping?: boolean;
  /** Called with the bytes read so far (a progress bar). */
  readonly onBytes?: (n: number) => void;
}

/** A claims file opened: its shape known, its mapping loaded when it needs one. */
export interface OpenedClaims {
  /** The file as messages name it ("standard input" for `-`). */
  readonly file: string;
  readonly input: 'contract' | 'nhsa';
  /** What the shape was told from, for the summary ("detected from the CSV header"). */
  readonly basis: string;
  readonly mapping?: NhsaMapping;
  /** The raw records, each read once (batch routes them to workers unvalidated). */
  readonly records: AsyncIterable<RecordItem>;
  /** The records validated as claims, platform records mapped, rosters applied (`rosters`). */
  claims(rosters?: RosterView): AsyncIterable<ClaimResult>;
}

/**
 * Opens a claims file for a command: reads its first readable record to tell the shape (or
 * takes `inFormat`), loads the platform mapping when the input or the output needs it. Problems
 * with the file are ClaimFileError or MappingError (exit 2, mapped in program.ts).
 */
export async function openClaims(path: string, options: OpenClaimsOptions = {}): Promise<OpenedClaims> {
  const file = path === '-' ? 'standard input' : path;
  const given = options.inFormat === undefined || options.inFormat === 'auto' ? undefined : options.inFormat;
  const read = readRecords(path, { ...(options.format ? { format: options.format } : {}), ...(options.onBytes ? { onBytes: options.onBytes } : {}) });
  const detected = await detectRecords(read, given, file);
  const input = detected.format;
  const mapping = (input === 'nhsa' || options.needsMapping) && options.policyPath !== undefined ? mappingFor(options.policyPath, options.mapping) : undefined;
  return {
    file,
    input,
    basis: given === undefined ? `detected from the ${detected.basis}` : detected.basis,
    ...(mapping ? { mapping } : {}),
    records: detected.records,
    claims(rosters?: RosterView): AsyncIterable<ClaimResult> {
      const claims = input === 'nhsa' && mapping ? readPlatformClaims(detected.records, mapping) : readClaims(detected.records);
      return rosters ? withRosters(claims, rosters) : claims;
    },
  };
}

async function* withRosters(claims: AsyncIterable<ClaimResult>, rosters: RosterView): AsyncGenerator<ClaimResult> {
  for await (const r of claims) yield r.kind === 'claim' ? { ...r, claim: applyRoster(r.claim, rosters) } : r;
}
