/** Indicators over settled claims (docs/kpis.md): the types are in ../ir.ts. */
export type { KpiIR, KpiOp, KpiTermIR } from '../ir.js';
