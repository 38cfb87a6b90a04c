import { error, related } from '../../diagnostics/diagnostic.js';
import { ref } from '../../messages/index.js';
import type { Entry } from '../symbols.js';
import { sameType } from '../types.js';
import type { CheckPass } from './pass.js';

/** Resolves every global declaration (parameters, tables, sets, lets, accumulators, bands, caps). */
export const resolveGlobalsPass: CheckPass = {
  name: 'resolve-globals',
  runsOnBrokenSyntax: false,
  run(state) {
    for (const entry of state.entries.values()) state.resolveEntry(entry, entry.decl.name.span);
  },
};

/** Modifiers (参照, 上浮 …): their adjustments of parameters, tables and bands. */
export const modifiersPass: CheckPass = {
  name: 'modifiers',
  runsOnBrokenSyntax: false,
  run(state) {
    state.modifierSyms = state.modifiers.all();
  },
};

/** An override keeps the kind and the type of what it replaces (E501). */
export const overridesPass: CheckPass = {
  name: 'overrides',
  runsOnBrokenSyntax: false,
  run(state) {
    for (const [name, entry] of state.entries) {
      const old = 'replaced' in entry ? entry.replaced : undefined;
      if (!old || entry.kind === 'let') continue;
      state.resolveEntry(old, old.decl.name.span);
      const typeOf = (e: Entry) =>
        e.kind === 'param' ? e.sym?.type : e.kind === 'table' ? e.sym?.valueType : e.kind === 'set' ? e.sym?.elementType : undefined;
      const before = typeOf(old);
      const after = typeOf(entry);
      const byBefore = old.kind === 'table' ? old.decl.by.name : undefined;
      const byAfter = entry.kind === 'table' ? entry.decl.by.name : undefined;
      if (before && after && before !== 'error' && after !== 'error' && !sameType(before, after)) {
        state.report(error('E501', entry.decl.name.span, ref('decl.override-type', { name, before: String(before), after: String(after) }), { related: [related(old.decl.name.span, ref('decl.base-declares'))] }));
      } else if (byBefore !== byAfter) {
        state.report(error('E501', entry.decl.name.span, ref('decl.override-key', { name, after: byAfter ?? '?', before: byBefore ?? '?' }), { related: [related(old.decl.name.span, ref('decl.base-declares'))] }));
      }
    }
  },
};
