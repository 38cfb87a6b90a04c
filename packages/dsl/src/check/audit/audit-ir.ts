import type { Span } from '../../source.js';
import type { Citation, ParamSym, TExpr } from '../ir.js';
import type { Type } from '../types.js';

/**
 * Audits, checked (docs/audits.md). Shaped as the national platform's rule base (智能审核和监控
 * "两库") shapes a rule: its logic (the condition and the history it reads), its parameters with
 * their thresholds, a result type (可疑 / 明确), a time window and a stage (事前 / 事中 / 事后).
 */

export type AuditResult = 'suspect' | 'certain';
export type AuditStage = 'before' | 'during' | 'after';

export const RESULT_WORDS: Readonly<Record<string, AuditResult>> = { 可疑: 'suspect', 明确: 'certain', suspect: 'suspect', certain: 'certain' };
export const STAGE_WORDS: Readonly<Record<string, AuditStage>> = { 事前: 'before', 事中: 'during', 事后: 'after', before: 'before', after: 'after' };
export const RESULT_ZH: Readonly<Record<AuditResult, string>> = { suspect: '可疑', certain: '明确' };
export const STAGE_ZH: Readonly<Record<AuditStage, string>> = { before: '事前', during: '事中', after: '事后' };

export type HistoryAggregate = 'count' | 'sum' | 'max';

/** `count earlier where c same disease within 15日`: over the person's earlier claims. */
export interface HistoryIR {
  readonly aggregate: HistoryAggregate;
  /** The field summed or maximised (a money or days field). */
  readonly field?: string;
  readonly type: Type;
  /** Read on the earlier claim. */
  readonly where?: TExpr;
  /** Claim fields the earlier claim shares with this one (`diagnoses`: at least one code in common). */
  readonly same: readonly string[];
  /** Days: the earlier claim ended at most this long before this one began. */
  readonly within?: TExpr;
  /** The earlier claim is dated within this claim's stay (admitted … date). */
  readonly during: boolean;
  /** The source text of the window, for findings (`15日`, `住院期间`). */
  readonly windowText?: string;
  readonly span: Span;
}

export type AuditStmtIR =
  | { readonly k: 'let'; readonly slot: number; readonly name: string; readonly expr: TExpr; readonly span: Span }
  | { readonly k: 'history'; readonly slot: number; readonly name: string; readonly history: HistoryIR; readonly span: Span }
  | { readonly k: 'finding'; readonly message: string; readonly when?: TExpr; readonly span: Span };

export interface AuditIR extends Citation {
  readonly name: string;
  readonly result: AuditResult;
  readonly stage: AuditStage;
  readonly from?: string;
  readonly until?: string;
  readonly when?: TExpr;
  readonly body: readonly AuditStmtIR[];
  readonly localCount: number;
  /** The parameters the audit reads (its thresholds), in first-read order. */
  readonly params: readonly ParamSym[];
  /** The windows of its history reads, as written. */
  readonly windows: readonly string[];
  readonly span: Span;
  readonly nameSpan: Span;
}
