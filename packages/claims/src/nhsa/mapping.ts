import { reason, renderReason, withText, type ReasonRef } from '@policy/engine';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import type { Level, Referral, Region, Visit } from '@policy/engine';
import defaultMapping from './nhsa-default-mapping.json' with { type: 'json' };
import mappingSchema from './nhsa-mapping.schema.json' with { type: 'json' };
import { VOCABULARY } from '@policy/dsl';
import { mappingInCodes } from './mapping-names.js';

/**
 * The mapping between the national platform's settlement records and the claim contract: the
 * codes that differ by province (med_type, pay_loc, hosp_lv, fund_pay_type) are data, in a
 * JSON file next to the policy (`nhsa-mapping.json`) that extends the default
 * (`nhsa-default-mapping.json`, national codes from docs/design/nhsa.md). Both are checked
 * against `nhsa-mapping.schema.json`; a bad file is a MappingError naming the file and the JSON
 * path of the fault.
 */

export const MAPPING_FILE_NAME = 'nhsa-mapping.json';

/** The layers that are funds: each may have a fund code (`hospital` and `patient` are not funds). */
export const FUND_LAYERS = ['basic', 'critical_illness', 'medical_assistance', 'supplementary', 'fallback', 'finance'] as const;
export type FundLayer = (typeof FUND_LAYERS)[number];

/** The two output values a policy's `let`s can give. */
export const OUTPUT_VALUES = ['act_pay_dedc', 'pool_prop_selfpay'] as const;
export type OutputValue = (typeof OUTPUT_VALUES)[number];

export interface MedTypeEntry {
  readonly visit: Visit;
  readonly referral?: Referral;
  readonly name?: string;
  readonly assumed?: string;
}
export interface PayLocEntry {
  /** `local`: a settlement of the insured's own pool, county or city told apart by other fields. */
  readonly region: Region | 'local';
  readonly name?: string;
  readonly assumed?: string;
}
export interface HospLvEntry {
  readonly level: Level;
  readonly name?: string;
  readonly assumed?: string;
}
export interface FundEntry {
  readonly code: string;
  readonly name: string;
  readonly assumed?: string;
}
export interface OutputLet {
  /** A top-level `let` of the policy. */
  readonly let: string;
  /** Visits the value is written for (default: every visit); others get an empty value. */
  readonly visits?: readonly Visit[];
  readonly assumed?: string;
}

/** A mapping file as written (every table optional; null removes the default's entry). */
export interface MappingFile {
  readonly policy?: string;
  readonly province?: string;
  readonly description?: string;
  readonly assumed?: readonly string[];
  readonly med_type?: Readonly<Record<string, MedTypeEntry | null>>;
  readonly pay_loc?: Readonly<Record<string, PayLocEntry | null>>;
  readonly local_region?: 'county' | 'city';
  readonly local_region_assumed?: string;
  readonly hosp_lv?: Readonly<Record<string, HospLvEntry | null>>;
  readonly fixmedins_region?: Readonly<Record<string, Region | null>>;
  readonly fund_pay_type?: Readonly<Partial<Record<FundLayer, FundEntry | null>>>;
  readonly outputs?: Readonly<Partial<Record<OutputValue, OutputLet | null>>>;
}

/** The mapping in force: the default with the policy's file over it. Plain data (crosses postMessage). */
export interface NhsaMapping {
  /** Where unmapped codes are said to be missing: the policy's file, or "the default mapping". */
  readonly source: string;
  readonly policy?: string;
  readonly medType: Readonly<Record<string, MedTypeEntry>>;
  readonly payLoc: Readonly<Record<string, PayLocEntry>>;
  readonly localRegion: 'county' | 'city';
  readonly hospLv: Readonly<Record<string, HospLvEntry>>;
  readonly fixmedinsRegion: Readonly<Record<string, Region>>;
  readonly fundPayType: Readonly<Partial<Record<FundLayer, FundEntry>>>;
  readonly outputs: Readonly<Partial<Record<OutputValue, OutputLet>>>;
}

/** A mapping file that cannot be used: unreadable, not JSON, or against the schema. */
export class MappingError extends Error {
  override readonly name = 'MappingError';
  /** The message as a table entry (its English is `message`); not enumerable, as `message` is not. */
  declare readonly text?: ReasonRef;
  constructor(message: string | ReasonRef) {
    super(typeof message === 'string' ? message : renderReason(message, 'en'));
    withText(this, message);
  }
}

/** A file's faults, one a line: `file: fault` each. */
function faultLines(file: string, faults: readonly (string | ReasonRef)[]): ReasonRef {
  const [fault, ...more] = faults;
  if (more.length === 0) return reason('nhsa.mapping.fault', { file, fault: fault ?? '' });
  return reason('nhsa.mapping.fault-more', { file, fault: fault ?? '', more: faultLines(file, more) });
}

/** Compiled on first use (only a command that reads platform records needs it). */
let validateFile: ValidateFunction | undefined;
function fileValidator(): ValidateFunction {
  validateFile ??= new Ajv({ allErrors: true, strict: true, strictTypes: false, ownProperties: true }).compile(mappingSchema);
  return validateFile;
}

export const DEFAULT_MAPPING_SOURCE = 'the default mapping (packages/claims/src/nhsa/nhsa-default-mapping.json)';

/** A mapping's source as a message parameter: the default mapping is named in the language. */
export function mappingName(source: string): string | ReasonRef {
  return source === DEFAULT_MAPPING_SOURCE ? reason('nhsa.mapping.default') : source;
}

/** A JSON path as people read it: $.med_type["99"].visit */
function jsonPath(pointer: string): string {
  if (pointer === '') return '$';
  return `$${pointer
    .split('/')
    .slice(1)
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((p) => (/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(p) ? `.${p}` : `[${JSON.stringify(p)}]`))
    .join('')}`;
}

function shown(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 60)}…` : text;
}

function valueAt(data: unknown, pointer: string): unknown {
  let v = data;
  for (const p of pointer.split('/').slice(1)) {
    if (typeof v !== 'object' || v === null) return undefined;
    v = (v as Record<string, unknown>)[p.replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  return v;
}

/** An allowed value as a message lists it: `"inpatient" 住院` (the vocabulary's Chinese name, which the file may use instead). */
function withChinese(v: unknown): string {
  const text = JSON.stringify(v);
  if (typeof v !== 'string') return text;
  for (const index of Object.values(VOCABULARY)) if (index.isCode(v) && index.zh(v) !== v) return `${text} ${index.zh(v)}`;
  return text;
}

function describeError(e: ErrorObject, data: unknown): ReasonRef {
  const got = valueAt(data, e.instancePath);
  const path = jsonPath(e.instancePath);
  switch (e.keyword) {
    case 'additionalProperties':
      return reason('nhsa.mapping.unknown-key', { path, key: JSON.stringify((e.params as { additionalProperty: string }).additionalProperty) });
    case 'required':
      return reason('nhsa.mapping.required', { path, key: JSON.stringify((e.params as { missingProperty: string }).missingProperty) });
    case 'enum':
      return reason('nhsa.mapping.one-of', { path, values: (e.params as { allowedValues: unknown[] }).allowedValues.map(withChinese).join(', '), value: shown(got) });
    case 'propertyNames':
      return reason('nhsa.mapping.key-not-code', { path, key: JSON.stringify((e.params as { propertyName: string }).propertyName) });
    default:
      // Ajv's own words for the other keywords stay as they are.
      return reason('nhsa.mapping.schema', { path, problem: e.message ?? reason('nhsa.mapping.not-valid'), value: shown(got) });
  }
}

/**
 * The schema's faults, most telling first. A `oneOf` of null or an entry reports both branches
 * failing; the entry's own faults say more than "must be null" or "must match one schema".
 */
function schemaFaults(data: unknown): ReasonRef[] {
  const validate = fileValidator();
  if (validate(data)) return [];
  const errors = (validate.errors ?? []).filter((e) => e.keyword !== 'oneOf' && !(e.keyword === 'type' && e.params['type'] === 'null'));
  // A key against `propertyNames` is reported twice: as the pattern it breaks and as propertyNames.
  const faults = errors.filter((e) => !(e.keyword === 'pattern' && e.params['propertyName'] !== undefined) && !('propertyName' in e)).map((e) => describeError(e, data));
  const unique = new Map((faults.length > 0 ? faults : [reason('nhsa.mapping.against-schema')]).map((f) => [renderReason(f, 'en'), f]));
  return [...unique.values()];
}

/** JSON.parse's "at position N" as line and column. */
function jsonSyntax(text: string, e: Error): string {
  const m = /position (\d+)/.exec(e.message);
  if (!m) return e.message;
  const pos = Number(m[1]);
  const before = text.slice(0, pos);
  const line = before.split('\n').length;
  const col = pos - before.lastIndexOf('\n');
  return `${line}:${col}: ${e.message.replace(/ in JSON at position \d+.*$/, '')}`;
}

/** Parses and checks one mapping file's text; `file` names it in errors. */
export function parseMappingFile(text: string, file: string): MappingFile {
  let data: unknown;
  try {
    data = JSON.parse(text.startsWith('\uFEFF') ? text.slice(1) : text);
  } catch (e) {
    throw new MappingError(reason('nhsa.mapping.not-json', { file, problem: jsonSyntax(text, e as Error) }));
  }
  // Chinese values (住院, 县域内, 基本医保 …) read as their codes first (mapping-names.ts).
  const inCodes = mappingInCodes(data);
  const faults = inCodes.faults.length > 0 ? inCodes.faults : schemaFaults(inCodes.data);
  if (faults.length > 0) throw new MappingError(faultLines(file, faults));
  return inCodes.data as MappingFile;
}

function merged<T>(base: Readonly<Record<string, T | null>> | undefined, over: Readonly<Record<string, T | null>> | undefined): Record<string, T> {
  const out: Record<string, T> = {};
  for (const table of [base, over]) {
    if (!table) continue;
    for (const [k, v] of Object.entries(table)) {
      if (v === null) delete out[k];
      else Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
    }
  }
  return out;
}

/** The default with `file` over it. */
export function mappingOf(file: MappingFile | undefined, source: string): NhsaMapping {
  const base = defaultMapping as MappingFile;
  return {
    source,
    ...(file?.policy !== undefined ? { policy: file.policy } : {}),
    medType: merged(base.med_type, file?.med_type),
    payLoc: merged(base.pay_loc, file?.pay_loc),
    localRegion: file?.local_region ?? base.local_region ?? 'county',
    hospLv: merged(base.hosp_lv, file?.hosp_lv),
    fixmedinsRegion: merged(base.fixmedins_region, file?.fixmedins_region),
    fundPayType: merged(base.fund_pay_type, file?.fund_pay_type),
    outputs: merged(base.outputs, file?.outputs),
  };
}

/** The default mapping alone (a policy with no file of its own). */
export function defaultNhsaMapping(): NhsaMapping {
  return mappingOf(undefined, DEFAULT_MAPPING_SOURCE);
}

/** The mapping file of a policy path (a folder, or a .policy file: its folder), when it has one. */
export function mappingFileFor(policyPath: string): string | undefined {
  let folder = policyPath;
  try {
    if (statSync(policyPath).isFile()) folder = dirname(policyPath);
  } catch {
    return undefined;
  }
  const file = join(folder, MAPPING_FILE_NAME);
  return existsSync(file) ? file : undefined;
}

/**
 * The mapping for a policy: `explicit` (a file named on the command line), else the policy's
 * own nhsa-mapping.json, else the default. Throws MappingError.
 */
export function loadNhsaMapping(policyPath: string, explicit?: string): NhsaMapping {
  const file = explicit ?? mappingFileFor(policyPath);
  if (file === undefined) return defaultNhsaMapping();
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as { code?: string }).code;
    const why = code === 'ENOENT' ? reason('claims.fs.no-such-file') : code === 'EISDIR' ? reason('claims.fs.directory') : (e as Error).message;
    throw new MappingError(reason('nhsa.mapping.cannot-read', { file, reason: why }));
  }
  return mappingOf(parseMappingFile(text, file), file);
}

/** The codes a table knows, for "no mapping … (known: …)". */
export function knownCodes(table: Readonly<Record<string, unknown>>): string {
  const codes = Object.keys(table).sort();
  return codes.length === 0 ? 'none' : codes.join(', ');
}
