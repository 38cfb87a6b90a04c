import type { AuditResult, AuditStage } from '../ir.js';

/** The words of an audit's result type and stage (docs/audits.md): the platform's, and English. The types are in ../ir.ts. */
export type { AuditIR, AuditResult, AuditStage, AuditStmtIR, HistoryAggregate, HistoryIR } from '../ir.js';

export const RESULT_WORDS: Readonly<Record<string, AuditResult>> = { 可疑: 'suspect', 明确: 'certain', suspect: 'suspect', certain: 'certain' };
export const STAGE_WORDS: Readonly<Record<string, AuditStage>> = { 事前: 'before', 事中: 'during', 事后: 'after', before: 'before', after: 'after' };
export const RESULT_ZH: Readonly<Record<AuditResult, string>> = { suspect: '可疑', certain: '明确' };
export const STAGE_ZH: Readonly<Record<AuditStage, string>> = { before: '事前', during: '事中', after: '事后' };
