import type { Rejection } from '@policy/engine';
import type { DuplicateId, NhsaMapping, RecordItem, RosterMode } from '@policy/claims';
import type { SumsMessage } from './fen-sums.js';

/** Messages between `policy batch` and its settlement workers (worker_threads). */

export interface WorkerSetup {
  readonly policy: string;
  readonly engine: 'auto' | 'decimal';
  readonly output: 'csv' | 'jsonl';
  /** The contract's names in the settlements, or the documents' Chinese names (`--labels zh`). */
  readonly labels: 'codes' | 'zh';
  /** CSV output from JSON Lines input: rows come back as cells plus extra fields (their columns are known only at the end). */
  readonly lateColumns: boolean;
  /** Every batch holds whole persons and is settled at once; otherwise claims are kept until `finish`. */
  readonly presorted: boolean;
  /** `--roster`: the roster index, shared by every worker (a SharedArrayBuffer is not copied), and the mode. */
  readonly roster?: { readonly buffer: SharedArrayBuffer; readonly mode: RosterMode };
  /** Records in the platform's shape (mapped to claims through `mapping`) or the contract's. */
  readonly input: 'contract' | 'nhsa';
  /** Settlements in the contract's shape or as the platform's setlinfo records. */
  readonly shape: 'contract' | 'nhsa';
  /** The mapping, when input or shape is nhsa (plain data, loaded once by the main thread). */
  readonly mapping?: NhsaMapping;
}

/** One record, numbered in input order, with its id's earlier use if any. */
export interface Unit {
  readonly index: number;
  readonly item: RecordItem;
  readonly duplicate?: DuplicateId;
}

export type ToWorker =
  | { readonly type: 'batch'; readonly seq: number; readonly units: readonly Unit[] }
  /** Every record has been sent (without --presorted: results are asked for with `more` from now on). */
  | { readonly type: 'finish' }
  /** Send the next chunk of results, in input order (after `finish`). */
  | { readonly type: 'more' };

export type Result =
  | { readonly index: number; readonly line: string }
  | { readonly index: number; readonly cells: readonly string[]; readonly extra: Readonly<Record<string, unknown>> }
  /** `keys`: a valid claim's extra fields, when the CSV columns are known only at the end. */
  | { readonly index: number; readonly rejection: Rejection; readonly keys?: readonly string[] };

export type FromWorker =
  | { readonly type: 'ack'; readonly seq: number }
  /** Results in input order: of batch `seq` (presorted), or the next chunk after `finish`. */
  | {
      readonly type: 'results';
      readonly seq?: number;
      readonly results: readonly Result[];
      readonly sums: SumsMessage;
      /** The extra fields of the first valid claim seen: the extra CSV columns when the input is CSV. */
      readonly extraKeys?: readonly string[];
      readonly last?: boolean;
    }
  | { readonly type: 'error'; readonly message: string; readonly stack?: string };
