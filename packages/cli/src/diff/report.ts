import type { LayerName } from '@policy/dsl';
import type { KpiValue, RecordLocation, Rejection } from '@policy/engine';
import type { RuleChange } from './rule-changes.js';

/**
 * What `policy diff` found, in whole fen: every renderer (table, JSON, Markdown) derives from
 * this one report. Layer arrays are in the contract's order (LAYERS).
 */

export interface SideSummary {
  /** The policy path as given; with --base-rev, read at `rev`. */
  readonly path: string;
  readonly rev?: string;
  readonly label: string;
  readonly policy: string;
  readonly title: string;
  /** Every version of the policy, by the date it comes into force. */
  readonly versions: readonly string[];
  /** Claims settled, by the version in force on their date. */
  readonly versionsUsed: ReadonlyMap<string, number>;
  readonly settled: number;
  /** Records rejected on this side: invalid records and claims the policy could not settle. */
  readonly rejected: number;
  /** Sums over the claims settled on this side. */
  readonly total: bigint;
  readonly layers: readonly bigint[];
}

export type Dimension = 'category' | 'visit' | 'level' | 'region';

export interface GroupRow {
  readonly dimension: Dimension;
  /** A category (`none` for an ordinary resident), visit kind, level `0`–`3` or region. */
  readonly group: string;
  /** Valid claims in the group (a claim with two categories counts in both). */
  claims: number;
  changed: number;
  /** After − before, per layer; a claim rejected on one side counts 0 there. */
  readonly delta: bigint[];
}

/** A claim settled on both sides whose layers differ. */
export interface LayerChange {
  readonly index: number;
  readonly id: string;
  readonly personId: string;
  readonly date: string;
  readonly location: RecordLocation;
  readonly before: readonly bigint[];
  readonly after: readonly bigint[];
  readonly delta: readonly bigint[];
  /** Filled in for the top claims only: the rules that fired differently. */
  rules?: readonly RuleChange[];
}

/** A claim settled on one side and rejected on the other. */
export interface StatusChange {
  readonly index: number;
  readonly id: string;
  readonly location: RecordLocation;
  /** The layers where settled; the reason where rejected. */
  readonly base: { readonly layers: readonly bigint[] } | { readonly rejected: string };
  readonly head: { readonly layers: readonly bigint[] } | { readonly rejected: string };
}

export interface FlagChange {
  readonly rule: string;
  readonly message: string;
  /** Claims (settled on both sides) where the flag is raised after and not before. */
  appeared: number;
  disappeared: number;
}

export interface DiffReport {
  readonly input: string;
  readonly base: SideSummary;
  readonly head: SideSummary;
  /** Both sides were built from the same source files: settled once, nothing can differ. */
  readonly sameSource: boolean;
  /** The layers either policy declares, in the contract's order. */
  readonly layers: readonly LayerName[];
  /** The layers some claim's amount changed in (breakdowns show these), in the contract's order. */
  readonly touched: readonly LayerName[];
  readonly records: number;
  /** Records that are not valid claims (rejected on both sides, before any policy). */
  readonly invalid: number;
  /** The first few of them, to name on stderr. */
  readonly invalidSamples: readonly Rejection[];
  /** Claims settled on both sides: the claims compared layer by layer. */
  readonly settledBoth: number;
  /** Valid claims neither policy could settle. */
  readonly rejectedBoth: number;
  /** Claims whose layers, flags or settled/rejected status differ. */
  readonly changedClaims: number;
  readonly layersChanged: number;
  readonly statusChanged: number;
  readonly flagsChanged: number;
  readonly groups: readonly GroupRow[];
  /** The claims that changed most, at most `topLimit`. */
  readonly top: readonly LayerChange[];
  readonly topLimit: number;
  /** Settled ↔ rejected claims, in input order, at most `topLimit` of `statusChanged`. */
  readonly statusChanges: readonly StatusChange[];
  readonly flags: readonly FlagChange[];
  /** The indicators either policy declares (docs/kpis.md), computed on each side over the claims it settled. */
  readonly kpis: readonly KpiChange[];
}

/** One kpi before and after: absent on a side whose policy does not declare it. */
export interface KpiChange {
  readonly name: string;
  readonly base?: KpiValue;
  readonly head?: KpiValue;
}
