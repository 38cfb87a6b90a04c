// The layers' Chinese names are the vocabulary's (packages/dsl/src/vocabulary.ts), one table for every output.
import { LAYERS, LAYER_ZH, type LayerName } from '@policy/dsl';
import { barChart, groupedBarChart } from '../report/charts.js';
import { escapeHtml, pageHtml } from '../report/render-html.js';
import { money } from './fen.js';
import { LAYER_INDEX, changedLine, kpiMetText, kpiTargetText, kpiValueText, paying, percentText, versionsUsed } from './render-common.js';
import type { DiffReport, Dimension } from './report.js';

/**
 * `policy diff --format html`: one self-contained page, the charts of `policy report` (ECharts
 * SSR, inline SVG) for a rule change — layer totals before and after, the change of each layer,
 * the change of the paying layers by group, the indicators before and after, the claims that
 * changed most. Chinese by default, English by the page's switch. Call loadCharts() first.
 */

import type { Lang } from '../report/render-html.js';

const DIMENSION_WORDS: Readonly<Record<Dimension, { zh: string; en: string }>> = {
  category: { zh: '人群类别', en: 'category' },
  visit: { zh: '就诊类型', en: 'visit kind' },
  level: { zh: '医疗机构级别', en: 'provider level' },
  region: { zh: '就医地', en: 'region' },
};
const W = {
  zh: { title: '政策调整影响', base: '调整前', head: '调整后', records: '记录', settledBoth: '两边均结算', changed: '变化的理赔', layers: '各项支付金额(元)', delta: '各项金额变化(元)', byGroup: '报销金额变化(元) · 按', kpis: '指标', kpi: '指标', target: '目标', met: '达标', notMet: '未达标', top: '变化最大的理赔', claim: '理赔', person: '参保人', date: '日期', layer: '项目', before: '调整前', after: '调整后', change: '变化', group: '分组', claims: '理赔数', paying: '报销合计', versions: '适用版本', flags: '标记变化', none: '(无)', switchTo: 'English' },
  en: { title: 'What the change does', base: 'base', head: 'head', records: 'records', settledBoth: 'settled on both sides', changed: 'claims changed', layers: 'Amounts by layer (yuan)', delta: 'Change by layer (yuan)', byGroup: 'Change of the paying layers (yuan) by', kpis: 'Indicators', kpi: 'indicator', target: 'target', met: 'met', notMet: 'not met', top: 'Claims that changed most', claim: 'claim', person: 'person', date: 'date', layer: 'layer', before: 'before', after: 'after', change: 'change', group: 'group', claims: 'claims', paying: 'paying layers', versions: 'versions in force', flags: 'flags', none: '(none)', switchTo: '中文' },
} as const;

const yuan = (fen: bigint): number => Number(money(fen));
const metWord = (lang: Lang, text: string): string => (text === 'met' ? W[lang].met : text === 'not met' ? W[lang].notMet : '—');

/** changedLine in Chinese. */
function changedLineZh(r: DiffReport): string {
  if (r.changedClaims === 0) return `没有理赔发生变化${r.sameSource ? '(两边由相同的源文件构建)' : ''}`;
  return `${r.changedClaims} 笔理赔发生变化: 金额变化 ${r.layersChanged} 笔, 结算 ↔ 拒绝 ${r.statusChanged} 笔, 标记变化 ${r.flagsChanged} 笔`;
}

function section(lang: Lang, r: DiffReport): string {
  const w = W[lang];
  const name = (l: LayerName): string => (lang === 'zh' ? LAYER_ZH[l] : l);
  const layers = r.layers;
  const parts: string[] = [];
  parts.push(`<p>${escapeHtml(w.base)}: <code>${escapeHtml(r.base.label)}</code> (${escapeHtml(r.base.policy)}) → ${escapeHtml(w.head)}: <code>${escapeHtml(r.head.label)}</code> (${escapeHtml(r.head.policy)}) · ${w.records} ${r.records} · ${w.settledBoth} ${r.settledBoth}</p>`);
  parts.push(`<p class="changed">${escapeHtml(lang === 'zh' ? changedLineZh(r) : changedLine(r))}</p>`);
  parts.push(
    groupedBarChart(
      w.layers,
      layers.map(name),
      [
        { name: w.before, values: layers.map((l) => yuan(r.base.layers[LAYER_INDEX[l]] as bigint)) },
        { name: w.after, values: layers.map((l) => yuan(r.head.layers[LAYER_INDEX[l]] as bigint)) },
      ],
      { horizontal: true },
    ),
  );
  const rows = layers.map((l) => {
    const b = r.base.layers[LAYER_INDEX[l]] as bigint;
    const a = r.head.layers[LAYER_INDEX[l]] as bigint;
    return `<tr><td>${escapeHtml(name(l))}</td><td class="n">${money(b, { group: true })}</td><td class="n">${money(a, { group: true })}</td><td class="n">${money(a - b, { group: true, sign: true })}</td><td class="n">${escapeHtml(percentText(b, a))}</td></tr>`;
  });
  const bp = paying(r.base.layers);
  const ap = paying(r.head.layers);
  rows.push(`<tr><th>${w.paying}</th><td class="n">${money(bp, { group: true })}</td><td class="n">${money(ap, { group: true })}</td><td class="n">${money(ap - bp, { group: true, sign: true })}</td><td class="n">${escapeHtml(percentText(bp, ap))}</td></tr>`);
  parts.push(`<table><tr><th>${w.layer}</th><th>${w.before}</th><th>${w.after}</th><th>${w.change}</th><th>%</th></tr>${rows.join('')}</table>`);
  const touched = r.touched.length > 0 ? r.touched : [];
  if (touched.length > 0) {
    parts.push(barChart(w.delta, touched.map(name), touched.map((l) => yuan((r.head.layers[LAYER_INDEX[l]] as bigint) - (r.base.layers[LAYER_INDEX[l]] as bigint))), { horizontal: true }));
  }
  for (const d of Object.keys(DIMENSION_WORDS) as Dimension[]) {
    const groups = r.groups.filter((g) => g.dimension === d && g.changed > 0);
    if (groups.length === 0) continue;
    parts.push(barChart(`${w.byGroup} ${DIMENSION_WORDS[d][lang]}`, groups.map((g) => g.group), groups.map((g) => yuan(paying(g.delta))), { horizontal: true }));
    parts.push(`<table><tr><th>${w.group}</th><th>${w.claims}</th><th>${w.changed}</th><th>${w.paying}</th></tr>${groups.map((g) => `<tr><td>${escapeHtml(g.group)}</td><td class="n">${g.claims}</td><td class="n">${g.changed}</td><td class="n">${money(paying(g.delta), { group: true, sign: true })}</td></tr>`).join('')}</table>`);
  }
  parts.push(`<h2>${w.kpis}</h2>`);
  if (r.kpis.length === 0) parts.push(`<p>${w.none}</p>`);
  else {
    parts.push(
      `<table><tr><th>${w.kpi}</th><th>${w.before}</th><th>${w.after}</th><th>${w.target}</th><th>${w.met} (${w.before})</th><th>${w.met} (${w.after})</th></tr>${r.kpis
        .map((k) => {
          const mb = kpiMetText(k.base);
          const ma = kpiMetText(k.head);
          const cls = (t: string): string => (t === 'met' ? 'met' : t === 'not met' ? 'miss' : '');
          return `<tr><td>${escapeHtml(k.name)}</td><td class="n">${escapeHtml(kpiValueText(k.base))}</td><td class="n">${escapeHtml(kpiValueText(k.head))}</td><td class="n">${escapeHtml(kpiTargetText(k) || '—')}</td><td class="${cls(mb)}">${metWord(lang, mb)}</td><td class="${cls(ma)}">${metWord(lang, ma)}</td></tr>`;
        })
        .join('')}</table>`,
    );
  }
  parts.push(`<h2>${w.top}</h2>`);
  if (r.top.length === 0) parts.push(`<p>${w.none}</p>`);
  else {
    const moved = LAYERS.filter((l) => r.top.some((c) => c.delta[LAYER_INDEX[l]] !== 0n));
    parts.push(
      `<table><tr><th>${w.claim}</th><th>${w.person}</th><th>${w.date}</th>${moved.map((l) => `<th>${escapeHtml(name(l))}</th>`).join('')}</tr>${r.top
        .map((c) => `<tr><td>${escapeHtml(c.id)}</td><td>${escapeHtml(c.personId)}</td><td>${escapeHtml(c.date)}</td>${moved.map((l) => `<td class="n">${money(c.delta[LAYER_INDEX[l]] as bigint, { group: true, sign: true })}</td>`).join('')}</tr>`)
        .join('')}</table>`,
    );
  }
  if (r.flags.length > 0) {
    parts.push(`<h2>${w.flags}</h2><table>${r.flags.map((f) => `<tr><td>${escapeHtml(`${f.rule}: ${f.message}`)}</td><td class="n">+${f.appeared}</td><td class="n">-${f.disappeared}</td></tr>`).join('')}</table>`);
  }
  parts.push(`<p>${w.versions}: ${escapeHtml(w.base)} ${escapeHtml(versionsUsed(r.base))}; ${escapeHtml(w.head)} ${escapeHtml(versionsUsed(r.head))}</p>`);
  return parts.join('\n');
}

export function renderDiffHtml(r: DiffReport): string {
  const title = `${W.zh.title}: ${r.head.policy}`;
  return pageHtml(title, (lang) => `<h1>${escapeHtml(W[lang].title)} (${escapeHtml(r.head.policy)})</h1>\n<button type="button" class="switch">${W[lang].switchTo}</button>\n${section(lang, r)}`);
}
