import { hasErrors, warning } from '../../diagnostics/diagnostic.js';
import { ref } from '../../messages/index.js';
import { analyzeRules, tablesReadIn } from '../analysis/analyze.js';
import { checkCovers, checkProperties } from '../properties.js';
import { checkRules } from '../rules.js';
import { kindRef } from '../words.js';
import type { CheckPass } from './pass.js';

/** The settlement rules: conditions, assignments, contexts (check/rules.ts). */
export const rulesPass: CheckPass = {
  name: 'rules',
  runsOnBrokenSyntax: false,
  run(state) {
    state.rules = checkRules(state, state.ruleDecls.map((r) => r.decl));
  },
};

/** `property` declarations: claims they quantify over and what must hold (check/properties.ts). */
export const propertiesPass: CheckPass = {
  name: 'properties',
  runsOnBrokenSyntax: false,
  run(state) {
    state.properties = checkProperties(state, state.propertyDecls);
  },
};

/** `covers` declarations: the rules that must together cover a set of claims. */
export const coversPass: CheckPass = {
  name: 'covers',
  runsOnBrokenSyntax: false,
  run(state) {
    state.covers.push(...checkCovers(state, state.coversDecls));
  },
};

/** W202 for the checked policy's own declarations; a module's are there for policies to use. */
export const unusedPass: CheckPass = {
  name: 'unused',
  runsOnBrokenSyntax: false,
  run(state) {
    if (state.isModule) return;
    for (const e of state.entries.values()) {
      if (!e.used && e.top && e.kind !== 'cap') {
        state.report(warning('W202', e.decl.name.span, ref('decl.unused', { kind: kindRef(e.kind), name: e.decl.name.name })));
      }
    }
  },
};

/** Rule interplay (check/analysis: E601 W602 W603 E604), on a policy that is otherwise correct. */
export const analysisPass: CheckPass = {
  name: 'analysis',
  runsOnBrokenSyntax: false,
  run(state) {
    if (hasErrors(state.diagnostics)) return;
    const others = [...state.entries.values()].filter((e) => e.kind !== 'table').map((e) => e.sym);
    const tablesReadElsewhere = tablesReadIn([
      ...others,
      ...[...state.entries.values()].flatMap((e) => (e.kind === 'table' && e.sym ? e.sym.rows.map((r) => r.value).concat(e.sym.otherwise ? [e.sym.otherwise] : []) : [])),
      ...state.baseLets.values(),
      ...state.replacedEntries.map((e) => e.sym),
      state.modifierSyms,
      state.properties,
      state.kpis,
      state.audits,
      state.premiums,
    ]);
    const input = { rules: state.rules, modifiers: state.modifierSyms, caps: state.caps(), versions: state.versions, covers: state.covers, tablesReadElsewhere };
    analyzeRules(input, (d) => state.report(d));
  },
};
