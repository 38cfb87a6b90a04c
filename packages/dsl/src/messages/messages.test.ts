import { describe, expect, it } from 'vitest';
import { MESSAGES, placeholdersOf, t, type MessageId } from './index.js';
import { AREAS } from './table.js';
import { langFromEnv } from './lang.js';
import { parsePolicyFile } from '../syntax/parse.js';
import { diagnosticToJson } from '../diagnostics/render.js';
import { sortDiagnostics } from '../diagnostics/diagnostic.js';

describe('the message table', () => {
  const ids = Object.keys(MESSAGES) as MessageId[];

  it('has every message in both languages, with the same placeholders', () => {
    const missing: string[] = [];
    for (const id of ids) {
      const m = MESSAGES[id] as { en?: string; zh?: string };
      if (!m.en || !m.zh) missing.push(`${id}: ${!m.en ? 'en' : 'zh'} missing`);
      else if (m.en === m.zh) missing.push(`${id}: zh is the English text`);
      else if (JSON.stringify(placeholdersOf(m.en).sort()) !== JSON.stringify(placeholdersOf(m.zh).sort())) {
        missing.push(`${id}: placeholders ${placeholdersOf(m.en)} vs ${placeholdersOf(m.zh)}`);
      }
    }
    expect(missing).toEqual([]);
    expect(ids.length).toBeGreaterThan(10);
  });

  it('has each id in one area only (a later area would silently replace an earlier one)', () => {
    const seen = new Map<string, string>();
    const twice: string[] = [];
    for (const [area, table] of Object.entries(AREAS)) {
      for (const id of Object.keys(table)) {
        const first = seen.get(id);
        if (first !== undefined) twice.push(`${id}: ${first} and ${area}`);
        else seen.set(id, area);
      }
    }
    expect(twice).toEqual([]);
    expect(seen.size).toBe(ids.length);
  });

  it('fills parameters and keeps the English text of the tools before the table', () => {
    expect(t('en', 'lex.unexpected-char', { shown: '"@"' })).toBe('unexpected character "@"');
    expect(t('zh', 'lex.thousands', { written: '5,000元', fixed: '5000元' })).toBe('5,000元：金额中有千位分隔符，请写 5000元（数字中不用逗号）');
  });

  it('takes the language from POLICY_LANG, else the locale, else English', () => {
    expect(langFromEnv({})).toBe('en');
    expect(langFromEnv({ LANG: 'zh_CN.UTF-8' })).toBe('zh');
    expect(langFromEnv({ LC_ALL: 'C', LANG: 'zh_CN.UTF-8' })).toBe('en'); // LC_ALL wins
    expect(langFromEnv({ LC_MESSAGES: 'zh_TW', LANG: 'en_US' })).toBe('zh');
    expect(langFromEnv({ POLICY_LANG: 'en', LANG: 'zh_CN' })).toBe('en');
    expect(langFromEnv({ POLICY_LANG: 'zh', LC_ALL: 'en_US' })).toBe('zh');
    expect(langFromEnv({ POLICY_LANG: 'fr', LANG: 'zh_CN' })).toBe('zh'); // not a language: ignored
  });
});

describe('a diagnostic in both languages', () => {
  it('has the same code, positions and suggestion in zh as in en; only the message differs', () => {
    const text = 'policy t { title "t" version 2018-01-01 layers basic, patient }\nclause "T-1" "第一条"\nparam a = 5,000元 cites "T-1"；\nparam b = 1 @ 2 cites "T-1"\n';
    const parsed = parsePolicyFile('p.policy', text);
    const files = new Map([['p.policy', parsed.source]]);
    const diagnostics = sortDiagnostics(parsed.diagnostics);
    const en = diagnostics.map((d) => diagnosticToJson(d, files, 'en'));
    const zh = diagnostics.map((d) => diagnosticToJson(d, files, 'zh'));
    expect(en.map((d) => `${d.code} ${d.location.line}:${d.location.column}`)).toEqual(['E005 3:11', 'E004 3:29', 'E001 4:13', 'E002 4:15']);
    expect(zh.map(({ message: _m, ...rest }) => rest)).toEqual(en.map(({ message: _m, ...rest }) => rest));
    // All four are in the table (the parser's E002 too) and differ.
    expect(zh.map((d, i) => d.message !== en[i]?.message)).toEqual([true, true, true, true]);
    expect(en[2]?.message).toBe('unexpected character "@"');
    expect(zh[2]?.message).toBe('无法识别的字符 "@"');
  });
});
