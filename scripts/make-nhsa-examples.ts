/**
 * Writes examples/nhsa/claims.jsonl and claims.csv (described by examples/nhsa/README.md, written by hand): the 226 claims of examples/claims.jsonl as
 * the national platform's settlement records (setlinfo fields), through policies/anyi's mapping
 * (packages/claims/src/nhsa/to-platform.ts, the inverse of what `policy batch --in-format nhsa`
 * reads), plus two records that show the platform's own shapes and one that the mapping rejects.
 *
 *   npx tsx scripts/make-nhsa-examples.ts
 *
 * Deterministic: same bytes on every run. Run it again after make-examples.ts changes claims.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { csvCell } from '../packages/claims/src/generate/claim-files.js';
import { loadNhsaMapping } from '../packages/claims/src/nhsa/mapping.js';
import { contractToPlatform } from '../packages/claims/src/nhsa/to-platform.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const mapping = loadNhsaMapping(`${root}policies/anyi`);

/** A settlement time of day from the claim's number: the platform writes setl_time with one. */
function timeOf(n: number): string {
  const s = (8 * 3600 + n * 7919) % 86_400;
  const two = (x: number): string => String(x).padStart(2, '0');
  return `${two(Math.floor(s / 3600))}:${two(Math.floor(s / 60) % 60)}:${two(s % 60)}`;
}

const claims = readFileSync(`${root}examples/claims.jsonl`, 'utf8')
  .split('\n')
  .filter((l) => l !== '')
  .map((l) => JSON.parse(l) as Record<string, unknown>);

/** Each level's grades in turn (甲等, 乙等), so that the example uses several hosp_lv codes. */
const GRADES: Readonly<Record<number, readonly string[]>> = { 3: ['02', '03'], 2: ['05', '06'], 1: ['08', '09'], 0: ['11'] };

const records: Record<string, unknown>[] = claims.map((c, n) => {
  // The platform says nothing of what is the default: referred, designated.
  const claim = { ...c };
  if (claim['referral'] === 'referred') delete claim['referral'];
  if (claim['designated'] === true) delete claim['designated'];
  const r = contractToPlatform(claim, mapping, { insured: '360123' });
  if (!r) throw new Error(`no platform codes for claim ${String(c['id'])}`);
  // The platform's choices the inverse mapping cannot know: a referred inpatient stay outside the
  // city is 转外诊治住院 (23), every fifth settlement is made at the centre (pay_loc 1), times of day.
  if (r['med_type'] === '21' && (c['region'] === 'province' || c['region'] === 'out_of_province') && claim['referral'] === undefined) r['med_type'] = '23';
  const grades = GRADES[c['level'] as number] as readonly string[];
  r['hosp_lv'] = grades[n % grades.length];
  if (r['pay_loc'] === '1') r['pay_loc'] = n % 5 === 0 ? '1' : '2';
  const at = (k: string): void => {
    if (typeof r[k] === 'string') r[k] = `${r[k] as string} ${timeOf(n)}`;
  };
  // Most settlements with their time, every seventh with its date only (both are accepted).
  if (n % 7 !== 3) at('setl_time');
  at('begndate');
  at('enddate');
  return { mdtrt_id: `MD${String(c['id'])}`, insutype: '390', ...r };
});

// One record with a code policies/anyi's mapping does not know: a pharmacy purchase (41
// 定点药店购药), which no policy here settles. It is rejected, naming the field and the code.
records.push({
  mdtrt_id: 'MDN001',
  insutype: '390',
  setl_id: 'N001',
  psn_no: 'P900006',
  med_type: '41',
  setl_time: '2018-12-01 10:15:00',
  fixmedins_code: 'P360123001',
  hosp_lv: '11',
  pay_loc: '2',
  insuplc_admdvs: '360123',
  mdtrt_admdvs: '360123',
  dise_name: '高血压',
  medfee_sumamt: '86.50',
  inscp_scp_amt: '86.50',
});

const COLUMNS = [
  'mdtrt_id',
  'insutype',
  'setl_id',
  'psn_no',
  'med_type',
  'setl_time',
  'begndate',
  'enddate',
  'fixmedins_code',
  'hosp_lv',
  'pay_loc',
  'insuplc_admdvs',
  'mdtrt_admdvs',
  'dise_codg',
  'dise_name',
  'medfee_sumamt',
  'inscp_scp_amt',
  'categories',
  'designated',
  'referral',
  'disaster',
  'quota',
];

/** JSON Lines as the platform's JSON gives it: amounts as numbers, codes as strings. */
function jsonLine(r: Record<string, unknown>): string {
  const o: Record<string, unknown> = {};
  for (const k of COLUMNS) {
    const v = r[k];
    if (v === undefined) continue;
    o[k] = (k === 'medfee_sumamt' || k === 'inscp_scp_amt' || k === 'quota') && typeof v === 'string' ? Number(v) : v;
  }
  return JSON.stringify(o);
}

function csvRow(r: Record<string, unknown>): string {
  return COLUMNS.map((k) => {
    const v = r[k];
    if (v === undefined) return '';
    return csvCell(Array.isArray(v) ? v.join('|') : String(v));
  }).join(',');
}

for (const r of records) for (const k of Object.keys(r)) if (!COLUMNS.includes(k)) throw new Error(`column ${k} is not written`);
mkdirSync(`${root}examples/nhsa`, { recursive: true });
writeFileSync(`${root}examples/nhsa/claims.jsonl`, `${records.map(jsonLine).join('\n')}\n`);
writeFileSync(`${root}examples/nhsa/claims.csv`, `${COLUMNS.join(',')}\n${records.map(csvRow).join('\n')}\n`);
process.stdout.write(`examples/nhsa: ${records.length} records\n`);
