import { checkAudits } from '../audit/check-audits.js';
import { checkKpis } from '../kpi/check-kpis.js';
import { checkPremiums } from '../premium/check-premiums.js';
import type { CheckPass } from './pass.js';

/** `audit` declarations: checks of a claim against the person's history (docs/audits.md). */
export const auditsPass: CheckPass = {
  name: 'audits',
  runsOnBrokenSyntax: false,
  run(state) {
    state.audits = checkAudits(state, state.auditDecls);
  },
};

/** `kpi` declarations: indicators over settled claims (docs/kpis.md). */
export const kpisPass: CheckPass = {
  name: 'kpis',
  runsOnBrokenSyntax: false,
  run(state) {
    state.kpis = checkKpis(state, state.kpiDecls);
  },
};

/** `premium` declarations: contributions and subsidies per person and year (docs/premiums.md). */
export const premiumsPass: CheckPass = {
  name: 'premiums',
  runsOnBrokenSyntax: false,
  run(state) {
    state.premiums = checkPremiums(state, state.premiumDecls);
  },
};
