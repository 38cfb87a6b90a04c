import { LAYER_ZH, isLayer } from '@policy/dsl';
import { barChart } from './charts.js';
import type { ReportData } from './report-data.js';

/**
 * One self-contained page: inline SVG charts (ECharts SSR), tables, a Chinese / English switch;
 * a Content-Security-Policy that allows no request at all. Every text from the policy or the
 * claims is escaped.
 */

export type Lang = 'zh' | 'en';

const BY_WORDS: Record<string, { zh: string; en: string }> = {
  category: { zh: '人群类别', en: 'category' }, level: { zh: '医疗机构级别', en: 'provider level' },
  region: { zh: '就医地', en: 'region' }, month: { zh: '月份', en: 'month' },
};
const W = {
  zh: { layers: '各项支付金额(元)', share: '占比', dist: '实际报销比例分布(理赔数)', ratioBy: '实际报销比例 · 按', findings: '审核发现(条)', kpis: '指标与目标', top: '个人自付占比最高的理赔', records: '记录', settled: '已结算', rejected: '被拒绝', total: '医疗总费用', eff: '实际报销比例', name: '指标', value: '数值', target: '目标', met: '达标', notMet: '未达标', noTarget: '无目标', cites: '依据', claim: '理赔', person: '参保人', patient: '个人自付', layer: '项目', amount: '金额', audit: '审核规则', result: '结果类型', count: '发现数', none: '(无)', switchTo: 'English' },
  en: { layers: 'Amounts by layer (yuan)', share: 'share', dist: 'Claims by effective ratio', ratioBy: 'Effective ratio by', findings: 'Audit findings', kpis: 'Indicators against targets', top: 'Claims with the highest patient share', records: 'records', settled: 'settled', rejected: 'rejected', total: 'total', eff: 'effective ratio', name: 'indicator', value: 'value', target: 'target', met: 'met', notMet: 'not met', noTarget: 'no target', cites: 'cites', claim: 'claim', person: 'person', patient: 'patient', layer: 'layer', amount: 'amount', audit: 'audit', result: 'result', count: 'findings', none: '(none)', switchTo: '中文' },
} as const;

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

const pct = (f: string | null): string => (f === null ? '—' : `${(Number(f) * 100).toFixed(2)}%`);
const pctNum = (f: string | null): number => (f === null ? 0 : Math.round(Number(f) * 10000) / 100);

function section(lang: Lang, d: ReportData): string {
  const w = W[lang];
  const layerName = (l: string): string => (lang === 'zh' && isLayer(l) ? LAYER_ZH[l] : l);
  const parts: string[] = [];
  parts.push(`<p>${w.records} ${d.records.read} · ${w.settled} ${d.records.settled} · ${w.rejected} ${d.records.rejected} · ${w.total} ${escapeHtml(d.total)} · ${w.eff} ${pct(d.effectiveRatio)}</p>`);
  parts.push(barChart(w.layers, d.layers.map((l) => layerName(l.layer)), d.layers.map((l) => Number(l.amount)), { horizontal: true }));
  parts.push(`<table><tr><th>${w.layer}</th><th>${w.amount}</th><th>${w.share}</th></tr>${d.layers.map((l) => `<tr><td>${escapeHtml(layerName(l.layer))}</td><td class="n">${escapeHtml(l.amount)}</td><td class="n">${pct(l.share)}</td></tr>`).join('')}</table>`);
  parts.push(barChart(w.dist, d.distribution.map((b) => `${b.from}–${b.to}%`), d.distribution.map((b) => b.claims)));
  for (const g of d.groups) {
    const by = BY_WORDS[g.by]?.[lang] ?? g.by;
    parts.push(barChart(`${w.ratioBy} ${by}`, g.rows.map((r) => r.key), g.rows.map((r) => pctNum(r.ratio)), { percent: true, horizontal: g.rows.length > 8 }));
  }
  parts.push(`<h2>${w.kpis}</h2>`);
  if (d.kpis.length === 0) parts.push(`<p>${w.none}</p>`);
  else {
    const rows = d.kpis.map((k) => {
      const status = k.met === undefined ? w.noTarget : k.met ? `<span class="met">${w.met}</span>` : `<span class="miss">${w.notMet}</span>`;
      const value = k.value === null ? '—' : escapeHtml(k.value);
      const target = k.target ? escapeHtml(`${k.target.op} ${k.target.value}`) : '—';
      return `<tr><td>${escapeHtml(k.name)}</td><td class="n">${value}</td><td class="n">${target}</td><td>${status}</td><td>${escapeHtml(k.cites.join(', '))}</td></tr>`;
    });
    parts.push(`<table><tr><th>${w.name}</th><th>${w.value}</th><th>${w.target}</th><th>${w.met}</th><th>${w.cites}</th></tr>${rows.join('')}</table>`);
  }
  if (d.findings.length > 0) {
    parts.push(barChart(w.findings, d.findings.map((f) => f.audit), d.findings.map((f) => f.count), { horizontal: true }));
  }
  parts.push(`<h2>${w.top}</h2><table><tr><th>${w.claim}</th><th>${w.person}</th><th>${w.total}</th><th>${w.patient}</th><th>${w.share}</th></tr>${d.topPatientShare.map((t) => `<tr><td>${escapeHtml(t.id)}</td><td>${escapeHtml(t.personId)}</td><td class="n">${escapeHtml(t.total)}</td><td class="n">${escapeHtml(t.patient)}</td><td class="n">${pct(t.share)}</td></tr>`).join('')}</table>`);
  return parts.join('\n');
}

export function renderReportHtml(d: ReportData, compare?: ReportData): string {
  return pageHtml(d.title, (lang) => {
    const own = section(lang, d);
    const other = compare ? `<h2>${lang === 'zh' ? '对比' : 'Compared with'} ${escapeHtml(compare.policy)}</h2>\n${section(lang, compare)}` : '';
    return `<h1>${escapeHtml(d.title)} (${escapeHtml(d.policy)})</h1>\n<button type="button" class="switch">${W[lang].switchTo}</button>\n${own}\n${other}`;
  });
}

/**
 * The page every HTML report shares (policy report, policy diff --format html): the body in
 * Chinese and in English, one shown at a time by the switch; a Content-Security-Policy that allows
 * no request; styles inline.
 */
export function pageHtml(title: string, body: (lang: Lang) => string): string {
  const div = (lang: Lang): string => `<div class="${lang}" lang="${lang === 'zh' ? 'zh-CN' : 'en'}">\n${body(lang)}\n</div>`;
  return `<!DOCTYPE html>
<html lang="zh">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
<title>${escapeHtml(title)}</title>
<style>
body { font-family: sans-serif; margin: 1.5em; color: #222; }
html[lang=zh] .en, html[lang=en] .zh { display: none; }
table { border-collapse: collapse; margin: 0.5em 0 1.5em; }
td, th { border: 1px solid #ccc; padding: 0.2em 0.6em; }
td.n { text-align: right; font-variant-numeric: tabular-nums; }
.met { color: #1a7f37; } .miss { color: #cf222e; font-weight: bold; }
svg { display: block; margin: 1em 0; }
</style>
</head>
<body>
${div('zh')}
${div('en')}
<script>
for (const b of document.querySelectorAll('button.switch')) b.addEventListener('click', () => {
  document.documentElement.lang = document.documentElement.lang === 'zh' ? 'en' : 'zh';
});
</script>
</body>
</html>
`;
}
