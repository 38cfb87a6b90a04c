import { error, hasErrors, related } from '../../diagnostics/diagnostic.js';
import { ref } from '../../messages/index.js';
import { parseDate } from '../../dates.js';
import type { Span } from '../../source.js';
import type * as A from '../../syntax/ast.js';
import { LAYERS, isLayer } from '../../vocabulary.js';
import { citation } from '../citation.js';
import { suggest } from '../suggest.js';
import type { CheckPass } from './pass.js';

/** The policy header: exactly one (E401), its versions (E208, E104, E402) and layers (E103, E106). */
export const headerPass: CheckPass = {
  name: 'header',
  runsOnBrokenSyntax: true,
  run(state) {
    const headers = state.unit.files.flatMap((p) => p.ast.declarations).filter((d): d is A.PolicyDecl => d.kind === 'policy');
    const first = headers[0];
    if (!first) {
      LAYERS.forEach((l) => state.declaredLayers.add(l)); // no header: do not pile E106 on E401
      if (hasErrors(state.diagnostics)) return; // the header may be in the part that did not parse
      const file = state.unit.files[0];
      const span: Span = { file: file?.source.path ?? '<none>', start: 0, end: 0 };
      state.report(error('E401', span, ref('decl.no-header', { example: 'policy NAME { title "…" version YYYY-MM-DD … }' })));
      return;
    }
    for (const extra of headers.slice(1)) {
      state.report(
        error('E401', extra.name.span, ref('decl.second-header', { name: extra.name.name }), {
          related: [related(first.name.span, ref('decl.first-header'))],
        }),
      );
    }
    state.header = first;
    const seen = new Map<string, Span>();
    for (const v of first.versions) {
      const day = parseDate(v.date.value);
      if (day === undefined) {
        state.report(error('E208', v.date.span, ref('decl.bad-date', { date: v.date.value })));
        continue;
      }
      const prev = seen.get(v.date.value);
      if (prev) {
        state.report(error('E104', v.date.span, ref('decl.version-twice', { date: v.date.value }), { related: [related(prev, ref('decl.first-declared'))] }));
        continue;
      }
      seen.set(v.date.value, v.date.span);
      state.versions.push({ date: v.date.value, day, cites: citation(state, v.meta).cites, span: v.span });
    }
    state.versions.sort((a, b) => a.day - b.day);
    if (first.module && first.versions.length > 0) {
      state.report(error('E402', first.versions[0]?.span ?? first.name.span, ref('decl.module-version', { name: first.name.name })));
      state.versions.length = 0;
    } else if (!first.module && first.versions.length === 0) {
      state.report(error('E402', first.name.span, ref('decl.no-version', { name: first.name.name })));
    }
    const layers = first.layers ?? LAYERS.map((name) => ({ name, span: first.name.span }));
    for (const l of layers) {
      if (!isLayer(l.name)) {
        const s = suggest(l.name, LAYERS);
        state.report(error('E103', l.span, s ? ref('decl.unknown-layer-list.did-you-mean', { name: l.name, suggestion: s, layers: LAYERS.join(', ') }) : ref('decl.unknown-layer-list', { name: l.name, layers: LAYERS.join(', ') }), s ? { suggestion: s } : {}));
      } else if (state.declaredLayers.has(l.name)) {
        state.report(error('E104', l.span, ref('decl.layer-twice', { name: l.name })));
      } else {
        state.declaredLayers.add(l.name);
      }
    }
    if (first.layers && !state.declaredLayers.has('patient')) {
      state.report(error('E106', first.layersSpan ?? first.name.span, ref('decl.layers-patient')));
      state.declaredLayers.add('patient');
    }
  },
};
