import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkSources, loadPolicy } from '@policy/dsl';
import { renderJson } from '../../cli/src/diff/render-json.js';
import { runDiff } from '../../cli/src/diff/run-diff.js';
import { sideOf } from '../src/server/diff.js';
import { runChange } from '../src/server/run-change.js';
import { ROOT } from './studio-fixture.js';

/**
 * The studio's diff reads the corpus once and keeps it; otherwise it must be `policy diff`'s
 * report exactly: the same JSON as runDiff for the same two policies and corpus.
 */
describe('the change panel\'s diff', () => {
  it('is runDiff\'s report, byte for byte, for a ratio change of 安义 over its CI corpus (twice: the kept corpus too)', async () => {
    const folder = join(ROOT, 'policies/anyi');
    const corpus = join(ROOT, 'examples/ci/corpus/anyi.csv');
    const saved = loadPolicy(folder);
    const sources: Record<string, string> = {};
    for (const [path, f] of saved.files) sources[path] = f.text;
    const params = join(folder, 'parameters.policy');
    const edited = (sources[params] as string).replace('  2: 80%\n  3: 60%\n} cites "ANYI-5.2" assumed', '  2: 85%\n  3: 60%\n} cites "ANYI-5.2" assumed');
    expect(edited).not.toBe(sources[params]);
    const base = sideOf('saved', folder, saved);
    const head = sideOf('edited', folder, checkSources({ ...sources, [params]: edited }, folder));
    const expected = renderJson(await runDiff(base, head, { input: corpus, top: 10 }));
    const first = renderJson(await runChange(base, head, corpus, 10));
    const second = renderJson(await runChange(base, head, corpus, 10));
    expect(first).toBe(expected);
    expect(second).toBe(expected);
    const report = JSON.parse(first) as { changedClaims: number; records: number };
    expect(report.records).toBe(readFileSync(corpus, 'utf8').trim().split('\n').length - 1);
    expect(report.changedClaims).toBeGreaterThan(0);
  });
});
