import { PolicyLanguageService, memoryHost } from '../src/index.js';

/** A small policy on a module, held in memory (the host a browser would give the service). */
export const FILES: Record<string, string> = {
  '/m/m.policy': [
    'module m {',
    '  title "m"',
    '}',
    'clause "M-1" "模块条款"',
    'param 起付线 = 500元 cites "M-1"',
    '',
  ].join('\n'),
  '/p/p.policy': [
    'policy p {',
    '  title "p"',
    '  extends "../m"',
    '  version 2018-01-01 cites "A"',
    '  version 2020-01-01 cites "A"',
    '  layers basic, patient',
    '}',
    'clause "A" "甲条" "条款原文"',
    '',
  ].join('\n'),
  '/p/values.policy': [
    'param 比例 {',
    '  2018-01-01: 50%',
    '  2020-01-01: 60%',
    '} cites "A"',
    '',
    'override param 起付线 = 600元 cites "A"',
    '',
    'table 封顶 by level {',
    '  0: 0元',
    '  1: 1000元',
    '  2: 2000元',
    '  3: 3000元',
    '} cites "A"',
    '',
  ].join('\n'),
  '/p/rules.policy': [
    'rule 基本 cites "A" when visit == 住院 {',
    '  let 基数 = max(0元, inCatalog - 起付线)',
    '  basic = min(基数 × 比例, 封顶[level])',
    '}',
    '',
  ].join('\n'),
};

export function service(files: Record<string, string> = FILES): PolicyLanguageService {
  return new PolicyLanguageService(memoryHost(files));
}

export function at(text: string, needle: string, delta = 0): { line: number; character: number } {
  const i = text.indexOf(needle);
  if (i < 0) throw new Error(`${needle} not in the text`);
  const before = text.slice(0, i + delta).split('\n');
  return { line: before.length - 1, character: (before[before.length - 1] ?? '').length };
}
