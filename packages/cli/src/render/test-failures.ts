import { t, type Lang } from '@policy/dsl';

/**
 * A failed example's line (runExamples in packages/claims gives them in English: `claim c1:
 * basic expected 6000.00, got 5800.00`) in the chosen language. The English line is shown as it
 * is; for Chinese each known shape is matched and rendered from the table (cmd.test.*), ids,
 * layers, amounts and quoted text kept. A line of no known shape stays English.
 * TODO(issue 17): once runExamples returns MessageRefs, render those and drop the matching.
 */
const SHAPES: readonly { re: RegExp; render: (lang: Lang, label: string, m: RegExpMatchArray) => string }[] = [
  { re: /^(claim .+?): expected a rejection containing "(.*)", but it settled$/, render: (l, label, m) => t(l, 'cmd.test.expected-rejection', { label, text: m[2] as string }) },
  { re: /^(claim .+?): rejected with "(.*)", which does not contain "(.*)"$/, render: (l, label, m) => t(l, 'cmd.test.wrong-rejection', { label, reason: m[2] as string, text: m[3] as string }) },
  { re: /^(claim .+?): rejected: (.*)$/, render: (l, label, m) => t(l, 'cmd.test.rejected', { label, reason: m[2] === 'no outcome' ? t(l, 'cmd.test.no-outcome') : (m[2] as string) }) },
  { re: /^(claim .+?): the policy has no layer (\S+)$/, render: (l, label, m) => t(l, 'cmd.test.no-layer', { label, layer: m[2] as string }) },
  { re: /^(claim .+?): flags expected \[(.*)\], got \[(.*)\]$/, render: (l, label, m) => t(l, 'cmd.test.flags-mismatch', { label, want: m[2] as string, got: m[3] as string }) },
  { re: /^(claim .+?): findings expected \[(.*)\], got \[(.*)\]$/, render: (l, label, m) => t(l, 'cmd.test.findings-mismatch', { label, want: m[2] as string, got: m[3] as string }) },
  { re: /^(claim .+?): finding (\S+) related expected \[(.*)\], got \[(.*)\]$/, render: (l, label, m) => t(l, 'cmd.test.related-mismatch', { label, audit: m[2] as string, want: m[3] as string, got: m[4] as string }) },
  { re: /^(claim .+?): (\w+) expected (\S+), got (\S+)$/, render: (l, label, m) => t(l, 'cmd.test.layer-mismatch', { label, layer: m[2] as string, want: m[3] as string, got: m[4] as string }) },
];

export function testFailureIn(line: string, lang: Lang): string {
  if (lang === 'en') return line;
  for (const s of SHAPES) {
    const m = line.match(s.re);
    if (!m) continue;
    const label = t(lang, 'cmd.test.claim-label', { id: (m[1] as string).slice('claim '.length) });
    return s.render(lang, label, m);
  }
  return line;
}
