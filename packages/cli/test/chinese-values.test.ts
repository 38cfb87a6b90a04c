import { cpSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { policy, tempDir } from './run-cli.js';

/**
 * Claims, test cases and outputs in the documents' Chinese: the shipped examples rewritten with
 * Chinese field names and values settle byte for byte as written in codes (batch on two worker
 * threads, CSV and JSON Lines; eval; test), and `--labels zh` writes the Chinese names, which
 * read back. The Chinese spellings are written out here by hand, not taken from the vocabulary.
 */

const FIELDS: Readonly<Record<string, string>> = {
  id: '理赔编号', personId: '参保人', date: '结算日期', categories: '人群类别', visit: '就诊类型', level: '医疗机构级别', region: '就医地',
  referral: '转诊备案', designated: '定点医疗机构', disease: '病种', diagnoses: '诊断编码', admitted: '入院日期', discharged: '出院日期',
  total: '医疗总费用', inCatalog: '政策范围内费用', quota: '定额标准', hospitalId: '医疗机构编号', disaster: '因灾受伤',
};
const LAYERS: Readonly<Record<string, string>> = {
  basic: '基本医保', critical_illness: '大病保险', medical_assistance: '医疗救助', supplementary: '补充保险', fallback: '兜底',
  finance: '县财政补助', hospital: '医疗机构承担', patient: '个人自付',
};
const VALUES: Readonly<Record<string, string>> = {
  inpatient: '住院', outpatient_chronic: '门诊慢特病', outpatient_observation: '门诊观察', outpatient: '普通门诊',
  county: '县域内', city: '市级', province: '省内市外', out_of_province: '省外', referred: '转诊', unreferred: '未转诊', emergency: '急诊',
  registered_poor: '建档立卡贫困人口', extreme_poor: '特困人员', dibao: '低保对象', dibao_edge: '低保边缘家庭成员', monitored: '防止返贫监测对象', hardship: '刚性支出困难家庭患病成员',
};
const zhValue = (v: string): string => VALUES[v] ?? v;

/** examples/claims.csv with a Chinese header and Chinese visit, region, referral and categories (no cell there is quoted). */
function chineseCsv(text: string): string {
  const [head, ...rows] = text.split('\n');
  const names = (head as string).split(',');
  const out = [names.map((n) => FIELDS[n] ?? n).join(',')];
  for (const row of rows) {
    if (row === '') {
      out.push(row);
      continue;
    }
    const cells = row.split(',').map((cell, i) => {
      const name = names[i] as string;
      if (name === 'categories') return cell.split('|').map(zhValue).join('|');
      return name === 'visit' || name === 'region' || name === 'referral' ? zhValue(cell) : cell;
    });
    out.push(cells.join(','));
  }
  return out.join('\n');
}

function chineseJsonLines(text: string): string {
  return text
    .split('\n')
    .map((line) => {
      if (line.trim() === '') return line;
      const claim = JSON.parse(line) as Record<string, unknown>;
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(claim)) {
        out[FIELDS[k] ?? k] = k === 'categories' ? (v as string[]).map(zhValue) : typeof v === 'string' && ['visit', 'region', 'referral'].includes(k) ? zhValue(v) : v;
      }
      return JSON.stringify(out);
    })
    .join('\n');
}

/** A test file's flow-map claims and expectations with Chinese keys and values. */
function chineseYaml(text: string): string {
  return text
    .split('\n')
    .map((line) => {
      if (!/^\s*-\s*\{/.test(line)) return line;
      return line
        .replace(/([{,]\s*)([A-Za-z_]+)(?=:)/g, (_, before: string, key: string) => before + (FIELDS[key] ?? LAYERS[key] ?? key))
        .replace(/\b[a-z_]+\b/g, (word) => zhValue(word));
    })
    .join('\n');
}

describe('claims in Chinese settle byte for byte as in codes', () => {
  it('batch, CSV with a Chinese header → CSV, on two workers', async () => {
    const dir = tempDir();
    const zh = join(dir, 'zh.csv');
    writeFileSync(zh, chineseCsv(readFileSync('examples/claims.csv', 'utf8')));
    expect(readFileSync(zh, 'utf8')).toContain('理赔编号,参保人,结算日期,人群类别,就诊类型');
    expect(readFileSync(zh, 'utf8')).toContain(',建档立卡贫困人口,住院,3,市级,转诊,');
    const a = await policy(['batch', '--policy', 'policies/anyi', '--in', 'examples/claims.csv', '--out', join(dir, 'a.csv'), '--workers', '2']);
    const b = await policy(['batch', '--policy', 'policies/anyi', '--in', zh, '--out', join(dir, 'b.csv'), '--workers', '2']);
    expect([a.status, b.status]).toEqual([0, 0]);
    expect(b.stderr).toContain('settled              226');
    expect(readFileSync(join(dir, 'b.csv'), 'utf8')).toBe(readFileSync(join(dir, 'a.csv'), 'utf8'));
  });

  it('batch, JSON Lines with Chinese keys → JSON Lines', async () => {
    const dir = tempDir();
    const zh = join(dir, 'zh.jsonl');
    writeFileSync(zh, chineseJsonLines(readFileSync('examples/claims.jsonl', 'utf8')));
    const a = await policy(['batch', '--policy', 'policies/anyi', '--in', 'examples/claims.jsonl', '--out', join(dir, 'a.jsonl'), '--workers', '2']);
    const b = await policy(['batch', '--policy', 'policies/anyi', '--in', zh, '--out', join(dir, 'b.jsonl'), '--workers', '2']);
    expect([a.status, b.status]).toEqual([0, 0]);
    expect(readFileSync(join(dir, 'b.jsonl'), 'utf8')).toBe(readFileSync(join(dir, 'a.jsonl'), 'utf8'));
  });

  it('eval', async () => {
    const dir = tempDir();
    const zh = join(dir, 'one.json');
    writeFileSync(zh, chineseJsonLines(readFileSync('examples/one-claim.json', 'utf8').replace(/\n(?!$)/g, ' ')));
    const a = await policy(['eval', '--policy', 'policies/anyi', 'examples/one-claim.json']);
    const b = await policy(['eval', '--policy', 'policies/anyi', zh]);
    expect(b.status).toBe(0);
    expect(b.stdout).toBe(a.stdout);
    expect(a.stdout).toContain('"basic":"6800.00"'); // (9000 − 500) × 80%, docs/walkthrough.md
  });

  it("test: 安义's 63 cases written in Chinese (claims and expected layers) pass as in codes", async () => {
    const dir = join(tempDir(), 'anyi');
    cpSync('policies/anyi', dir, { recursive: true });
    for (const f of readdirSync(join(dir, 'tests'))) writeFileSync(join(dir, 'tests', f), chineseYaml(readFileSync(join(dir, 'tests', f), 'utf8')));
    const yaml = readFileSync(join(dir, 'tests', '02-poor-inpatient.yaml'), 'utf8');
    expect(yaml).toContain('人群类别: [建档立卡贫困人口], 就诊类型: 住院');
    expect(yaml).toMatch(/\{ 基本医保: "/);
    const a = await policy(['test', 'policies/anyi']);
    const b = await policy(['test', dir]);
    expect(b.status).toBe(0);
    expect(b.stderr).toContain(`ok ${dir}: 63/63 cases pass (83 claims in 7 files)`);
    expect(b.stderr.replaceAll(dir, 'policies/anyi')).toBe(a.stderr);
  });
});

describe('--labels zh', () => {
  it('batch CSV: the Chinese header, the rows of the code spelling', async () => {
    const dir = tempDir();
    await policy(['batch', '--policy', 'policies/anyi', '--in', 'examples/claims.csv', '--out', join(dir, 'a.csv')]);
    const r = await policy(['batch', '--policy', 'policies/anyi', '--in', 'examples/claims.csv', '--out', join(dir, 'zh.csv'), '--labels', 'zh']);
    expect(r.status).toBe(0);
    const [codesHead, ...codesRows] = readFileSync(join(dir, 'a.csv'), 'utf8').split('\n');
    const [zhHead, ...zhRows] = readFileSync(join(dir, 'zh.csv'), 'utf8').split('\n');
    expect(codesHead).toBe('id,policy,version,total,basic,critical_illness,medical_assistance,supplementary,fallback,finance,hospital,patient,flags');
    expect(zhHead).toBe('理赔编号,政策,版本,医疗总费用,基本医保,大病保险,医疗救助,补充保险,兜底保障,县财政补助,医疗机构承担,个人自付,标记');
    expect(zhRows).toEqual(codesRows);
  });

  it('eval and batch JSON Lines: Chinese keys and layer names; the layers read back as a test expectation', async () => {
    const r = await policy(['eval', '--policy', 'policies/anyi', 'examples/one-claim.json', '--labels', 'zh']);
    expect(r.status).toBe(0);
    const s = JSON.parse(r.stdout) as Record<string, unknown>;
    // 安义, examples/one-claim.json (registered_poor, level 2, total 12000, inCatalog 9000), by hand as in
    // docs/walkthrough.md: basic (9000 − 500) × 80% = 6800.00; critical_illness: 9000 − 6800 = 2200 under
    // 7500 × 50% = 3750 → 0.00; supplementary 90% × (9000 − 6800) + 75% × (12000 − 9000) = 1980 + 2250
    // = 4230.00; fallback max(0, 90% × 12000 − 11030) = 0.00; patient 12000 − 6800 − 4230 = 970.00.
    expect(s).toEqual({
      理赔编号: 'Q001', 政策: 'anyi', 版本: '2018-01-01', 医疗总费用: '12000.00',
      各项金额: { 基本医保: '6800.00', 大病保险: '0.00', 医疗救助: '0.00', 补充保险: '4230.00', 兜底保障: '0.00', 县财政补助: '0.00', 医疗机构承担: '0.00', 个人自付: '970.00' },
      标记: [],
    });
    // The round trip: the claim and the Chinese layers, pasted into a test file, pass.
    const dir = join(tempDir(), 'anyi');
    cpSync('policies/anyi', dir, { recursive: true });
    const claim = readFileSync('examples/one-claim.json', 'utf8').replace(/\s*\n\s*/g, ' ');
    writeFileSync(join(dir, 'tests', '99-labels.yaml'), `cases:\n  - name: eval --labels zh\n    claims: [${claim}]\n    expect: [${JSON.stringify(s['各项金额'])}]\n`);
    const t = await policy(['test', dir]);
    expect(t.status).toBe(0);
    expect(t.stderr).toContain(`ok ${dir}: 64/64 cases pass`);

    const tmp = tempDir();
    const out = join(tmp, 'zh.jsonl');
    writeFileSync(join(tmp, 'one.jsonl'), `${claim}\n`);
    await policy(['batch', '--policy', 'policies/anyi', '--in', join(tmp, 'one.jsonl'), '--out', out, '--labels', 'zh']);
    expect(JSON.parse(readFileSync(out, 'utf8'))).toEqual(s);
  });

  it('diff: the layers and the breakdowns by their Chinese names, the same amounts', async () => {
    const head = join(tempDir(), 'anyi');
    cpSync('policies/anyi', head, { recursive: true });
    const file = join(head, 'parameters.policy');
    writeFileSync(file, readFileSync(file, 'utf8').replace('param 补充保险目录外比例 = 75%', 'param 补充保险目录外比例 = 80%'));
    const run = (labels: string) => policy(['diff', '--base', 'policies/anyi', '--head', head, '--in', 'examples/claims.csv', '--labels', labels]);
    const [a, b] = [await run('codes'), await run('zh')];
    expect([a.status, b.status]).toEqual([0, 0]);
    const layerRows = (text: string): string[][] => {
      const lines = text.split('\n');
      const from = lines.findIndex((l) => /^\s+layer\s+before/.test(l));
      const to = lines.findIndex((l) => /^\s+paying layers/.test(l));
      return lines.slice(from + 1, to).map((l) => l.trim().split(/\s+/));
    };
    const codes = layerRows(a.stdout);
    const zh = layerRows(b.stdout);
    expect(codes.map((r) => r[0])).toEqual(Object.keys(LAYERS));
    expect(zh.map((r) => r[0])).toEqual(['基本医保', '大病保险', '医疗救助', '补充保险', '兜底保障', '县财政补助', '医疗机构承担', '个人自付']);
    expect(zh.map((r) => r.slice(1))).toEqual(codes.map((r) => r.slice(1)));
    expect(b.stdout).toMatch(/^ {2}住院 +107 +35 /m);
    expect(a.stdout).toMatch(/^ {2}inpatient +107 +35 /m);
  });

  it('--labels zh with the platform shape is a usage error; a wrong value names the choices', async () => {
    const a = await policy(['eval', '--policy', 'policies/anyi', 'examples/one-claim.json', '--labels', 'zh', '--out-format', 'nhsa']);
    expect(a.status).toBe(2);
    expect(a.stderr).toContain("--labels zh names the contract's settlements");
    const b = await policy(['eval', '--policy', 'policies/anyi', 'examples/one-claim.json', '--labels', 'fr']);
    expect(b.status).toBe(2);
    expect(b.stderr).toContain('--labels must be codes or zh (got fr)');
  });
});
