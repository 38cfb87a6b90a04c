import type { ParamSym, TExpr, VersionInfo } from '../ir.js';

/** One version of a policy as the analysis sees it: what is in force, which parameter values hold. */
export interface VersionView {
  /** YYYY-MM-DD, or '' for a module (no versions: everything in force, first values). */
  readonly date: string;
  /** The days a claim of this version may be dated: [fromDay, untilDay). */
  readonly fromDay?: number;
  readonly untilDay?: number;
  inForce(r: { readonly from?: string; readonly until?: string }): boolean;
  paramValue(p: ParamSym): TExpr | undefined;
}

export function versionViews(versions: readonly VersionInfo[]): VersionView[] {
  if (versions.length === 0) {
    return [{ date: '', inForce: () => true, paramValue: (p) => p.values[0]?.expr }];
  }
  return versions.map((v, i) => {
    const next = versions[i + 1];
    const inForce = (r: { readonly from?: string; readonly until?: string }): boolean =>
      (r.from === undefined || r.from <= v.date) && (r.until === undefined || v.date < r.until);
    const paramValue = (p: ParamSym): TExpr | undefined => {
      let chosen = p.values[0];
      for (const x of p.values) if (x.from <= v.date) chosen = x;
      return chosen?.expr;
    };
    return { date: v.date, fromDay: v.day, ...(next ? { untilDay: next.day } : {}), inForce, paramValue };
  });
}
