import { error, related } from '../../diagnostics/diagnostic.js';
import { ref } from '../../messages/index.js';
import type { Span } from '../../source.js';
import type * as A from '../../syntax/ast.js';
import type { PolicyUnit } from '../../units.js';
import type { CheckState } from '../check-state.js';
import type { Entry } from '../symbols.js';
import { kindRef, reservedRef } from '../words.js';
import { suggest } from '../suggest.js';
import type { CheckPass } from './pass.js';

/**
 * Gathers every declaration of the unit and its bases into the symbol table: duplicates (E104),
 * reserved names, `override` against the base (E501, E503). Nothing is resolved yet.
 */
export const collectPass: CheckPass = {
  name: 'declarations',
  runsOnBrokenSyntax: true,
  run(state) {
    const ruleNames = new Map<string, { span: Span; unit: string }>();
    const modifierNames = new Map<string, Span>();
    for (const { decl: d, unit, top } of state.tagged()) {
      switch (d.kind) {
        case 'policy':
          break;
        case 'clause': {
          const id = d.id.value;
          const prev = state.clauses.get(id);
          if (prev) {
            state.report(error('E104', d.id.span, ref('decl.clause-twice', { id }), { related: [related(prev.span, ref('decl.first-declared'))] }));
          } else {
            state.clauses.set(id, { id, title: d.title.value, span: d.id.span, ...(d.text ? { text: d.text.value } : {}) });
          }
          break;
        }
        case 'rule':
          collectRule(state, d, unit.id, ruleNames);
          break;
        case 'property':
          state.propertyDecls.push(d);
          break;
        case 'covers':
          state.coversDecls.push(d);
          break;
        case 'audit':
          state.auditDecls.push(d);
          break;
        case 'kpi':
          state.kpiDecls.push(d);
          break;
        case 'premium':
          state.premiumDecls.push(d);
          break;
        case 'modifier': {
          const prev = d.oneLine ? undefined : modifierNames.get(d.name.name);
          if (prev) {
            state.report(error('E104', d.name.span, ref('decl.modifier-twice', { name: d.name.name }), { related: [related(prev, ref('decl.first-declared'))] }));
            break;
          }
          modifierNames.set(d.name.name, d.name.span);
          state.modifierDecls.push(d);
          break;
        }
        default:
          collectEntry(state, d, unit, top);
      }
    }
    state.modifiers.bind(state.modifierDecls);
  },
};

function collectRule(state: CheckState, d: A.RuleDecl, unit: string, ruleNames: Map<string, { span: Span; unit: string }>): void {
  const prev = ruleNames.get(d.name.name);
  if (d.override) {
    const at = state.ruleDecls.findIndex((r) => r.decl.name.name === d.name.name);
    const replaced = state.ruleDecls[at];
    if (!replaced || replaced.unit === unit) {
      state.report(error('E501', d.name.span, replaced ? ref('decl.override-rule-own', { name: d.name.name }) : ref('decl.override-rule-missing', { name: d.name.name }), overrideHint(d.name.name, state.ruleDecls.map((r) => r.decl.name.name))));
      return;
    }
    state.ruleDecls[at] = { decl: d, unit };
    return;
  }
  if (prev) {
    const code = prev.unit === unit ? 'E104' : 'E503';
    const message = code === 'E503' ? ref('decl.rule-in-base', { name: d.name.name }) : ref('decl.rule-twice', { name: d.name.name });
    state.report(error(code, d.name.span, message, { related: [related(prev.span, ref('decl.first-declared'))] }));
    return;
  }
  ruleNames.set(d.name.name, { span: d.name.span, unit });
  state.ruleDecls.push({ decl: d, unit });
}

function overrideHint(name: string, names: Iterable<string>): { suggestion?: string } {
  const s = suggest(name, names);
  return s ? { suggestion: s } : {};
}

type EntryDecl = Exclude<A.Declaration, A.PolicyDecl | A.ClauseDecl | A.RuleDecl | A.ModifierDecl | A.PropertyDecl | A.CoversDecl | A.AuditDecl | A.KpiDecl | A.PremiumDecl>;

function collectEntry(state: CheckState, d: EntryDecl, unit: PolicyUnit, top: boolean): void {
  if (d.name.name === '') return; // recovery hole, already reported
  const kind = d.kind === 'setDecl' ? 'set' : d.kind;
  const reserved = reservedRef(d.name.name);
  if (reserved) {
    state.report(error('E104', d.name.span, ref('decl.reserved', { name: d.name.name, reserved, kind: kindRef(kind) })));
    return;
  }
  const prev = state.entries.get(d.name.name);
  const override = 'override' in d ? d.override : undefined;
  if (override) {
    if (!prev || prev.unit === unit.id) {
      const sug = prev ? {} : overrideHint(d.name.name, [...state.entries.values()].filter((e) => e.kind === kind).map((e) => e.decl.name.name));
      const words = { kind: kindRef(kind), name: d.name.name };
      const message = prev
        ? ref('decl.override-own', { ...words, prevKind: kindRef(prev.kind) })
        : sug.suggestion
          ? ref('decl.override-missing.did-you-mean', { ...words, suggestion: sug.suggestion })
          : ref('decl.override-missing', words);
      state.report(error('E501', d.name.span, message, sug));
      return;
    }
    if (prev.kind !== kind) {
      state.report(
        error('E501', d.name.span, ref('decl.override-kind', { kind: kindRef(kind), name: d.name.name, prevKind: kindRef(prev.kind) }), {
          related: [related(prev.decl.name.span, ref('decl.declared-here'))],
        }),
      );
      return;
    }
    state.replacedEntries.push(prev);
    state.entries.set(d.name.name, { kind, decl: d, state: 0, used: prev.used, unit: unit.id, top, replaced: prev } as Entry);
    return;
  }
  if (prev) {
    const inBase = prev.unit !== unit.id;
    state.report(
      error(
        inBase ? 'E503' : 'E104',
        d.name.span,
        inBase
          ? ref('decl.redeclared-in-base', { name: d.name.name, kind: kindRef(prev.kind), keyword: prev.kind === 'let' ? 'let' : prev.kind })
          : ref('decl.redeclared', { name: d.name.name, kind: kindRef(prev.kind) }),
        { related: [related(prev.decl.name.span, ref('decl.first-declared'))] },
      ),
    );
    return;
  }
  state.entries.set(d.name.name, { kind, decl: d, state: 0, used: false, unit: unit.id, top } as Entry);
}
