import { describe, expect, it } from 'vitest';
import { MESSAGES, placeholdersOf, t, type MessageId } from './index.js';
import { langFromEnv } from './lang.js';

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

  it('fills parameters and keeps the English text of the tools before the table', () => {
    expect(t('en', 'lex.unexpected-char', { shown: '"@"' })).toBe('unexpected character "@"');
    expect(t('zh', 'lex.thousands', { written: '5,000元', fixed: '5000元' })).toBe('金额 5,000元 中有千位分隔符：请写 5000元');
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
