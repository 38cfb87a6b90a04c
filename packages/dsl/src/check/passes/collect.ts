import { error } from '../../diagnostics/diagnostic.js';
import type { Span } from '../../source.js';
import type * as A from '../../syntax/ast.js';
import type { PolicyUnit } from '../../units.js';
import type { CheckState } from '../check-state.js';
import { KIND_WORDS, type Entry } from '../symbols.js';
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
            state.report(error('E104', d.id.span, `clause ${id} is declared twice`, { related: [{ span: prev.span, message: 'first declared here' }] }));
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
            state.report(error('E104', d.name.span, `modifier ${d.name.name} is declared twice`, { related: [{ span: prev, message: 'first declared here' }] }));
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
      state.report(error('E501', d.name.span, `override rule ${d.name.name}: ${replaced ? 'the rule is this policy\'s own, not its base\'s' : 'the base has no such rule'}`, overrideHint(d.name.name, state.ruleDecls.map((r) => r.decl.name.name))));
      return;
    }
    state.ruleDecls[at] = { decl: d, unit };
    return;
  }
  if (prev) {
    const code = prev.unit === unit ? 'E104' : 'E503';
    const how = code === 'E503' ? '; write `override rule` to replace the base\'s' : '';
    state.report(error(code, d.name.span, `rule ${d.name.name} is declared ${code === 'E503' ? 'in the base already' : 'twice'}${how}`, { related: [{ span: prev.span, message: 'first declared here' }] }));
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
  const reserved = state.reservedWhat(d.name.name);
  if (reserved) {
    state.report(error('E104', d.name.span, `${d.name.name} is ${reserved}; choose another name for this ${KIND_WORDS[kind]}`));
    return;
  }
  const prev = state.entries.get(d.name.name);
  const override = 'override' in d ? d.override : undefined;
  if (override) {
    if (!prev || prev.unit === unit.id) {
      const what = prev ? `${d.name.name} is this policy's own ${KIND_WORDS[prev.kind]}, not its base's` : `the base has no ${KIND_WORDS[kind]} ${d.name.name}`;
      const sug = prev ? {} : overrideHint(d.name.name, [...state.entries.values()].filter((e) => e.kind === kind).map((e) => e.decl.name.name));
      state.report(error('E501', d.name.span, `override ${KIND_WORDS[kind]} ${d.name.name}: ${what}${sug.suggestion ? `; did you mean ${sug.suggestion}?` : ''}`, sug));
      return;
    }
    if (prev.kind !== kind) {
      state.report(
        error('E501', d.name.span, `override ${KIND_WORDS[kind]} ${d.name.name}: the base's ${d.name.name} is a ${KIND_WORDS[prev.kind]}`, {
          related: [{ span: prev.decl.name.span, message: 'declared here' }],
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
          ? `${d.name.name} is already declared in the base as a ${KIND_WORDS[prev.kind]}; write \`override ${KIND_WORDS[prev.kind] === 'let-binding' ? 'let' : prev.kind}\` to replace it`
          : `${d.name.name} is already declared as a ${KIND_WORDS[prev.kind]}`,
        { related: [{ span: prev.decl.name.span, message: 'first declared here' }] },
      ),
    );
    return;
  }
  state.entries.set(d.name.name, { kind, decl: d, state: 0, used: false, unit: unit.id, top } as Entry);
}
