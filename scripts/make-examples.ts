/**
 * Writes the example claim files of examples/ (see examples/README.md, which this script also
 * writes): hand-placed showcase claims for the 安义 policy, then seeded synthetic ones, as JSON
 * Lines and as CSV, plus two small files of bad records for the readers' error messages.
 *
 *   cd /work/main && npx tsx scripts/make-examples.ts
 *
 * Deterministic: the same bytes on every run (no clock, no randomness beyond the fixed seed).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CSV_HEADER, csvCell, toCsvRow, toJsonLine } from '../packages/claims/src/generate/claim-files.js';
import { CONTRACT_FIELDS } from '../packages/claims/src/input/fields.js';
import { orderClaimFields } from '../packages/claims/src/generate/raw-claim.js';
import { generateClaims, type RawClaim } from '../packages/claims/src/generate/synthetic-claims.js';

/**
 * Picked once by scanning seeds 1–3000: with it the 200 generated claims reach every category,
 * visit, level (inpatient at level 0 too), region and referral, a quota, 晚期血吸虫病, a cancer and
 * a kidney disease, with the population near the generator's target mix (57% ordinary, 30% poor).
 */
const SEED = 163;
const GENERATED = 200;
const PERSONS = 40;

const root = fileURLToPath(new URL('..', import.meta.url));
const dir = `${root}examples/`;

// ---------------------------------------------------------------- showcase claims

interface Showcase {
  readonly claim: RawClaim;
  readonly shows: string;
}

type Draft = Omit<RawClaim, 'id' | 'date'> & { date?: string };

let showcaseNo = 0;
/** A showcase claim: `S001`…, registered poor, referred, designated and in the county unless said. */
function show(shows: string, draft: Partial<Draft> & Pick<Draft, 'personId' | 'visit' | 'level' | 'total' | 'inCatalog'>): Showcase {
  showcaseNo += 1;
  const date = draft.date ?? draft.discharged;
  if (date === undefined) throw new Error(`showcase ${showcaseNo} has no date`);
  const claim: RawClaim = {
    categories: ['registered_poor'],
    region: 'county',
    referral: 'referred',
    designated: true,
    ...draft,
    id: `S${String(showcaseNo).padStart(3, '0')}`,
    date,
  };
  return { claim: orderClaimFields(claim), shows };
}

type Base<K extends keyof Draft> = Partial<Draft> & Pick<Draft, K>;
const CANCER: Base<'personId'> = { personId: 'P900001', disease: '肝癌', diagnoses: ['C22.0'] };
const DIABETES: Base<'personId' | 'visit' | 'level'> = {
  personId: 'P900007', visit: 'outpatient_chronic', level: 2, disease: '糖尿病', diagnoses: ['E11.9'], hospitalId: 'H360123201',
};
const DIALYSIS: Base<'personId' | 'visit' | 'level'> = {
  personId: 'P900008', categories: ['dibao'], visit: 'outpatient_chronic', level: 2, disease: '尿毒症透析', diagnoses: ['Z49.1', 'N18.5'], hospitalId: 'H360123201',
};

const SHOWCASE: readonly Showcase[] = [
  show('肝癌, registered poor, stay 1 of 4 in 2018, mostly out-of-catalogue targeted drugs: the 90% floor leaves 10%, which starts the fifth line\'s yearly count (ANYI-8)', {
    ...CANCER, visit: 'inpatient', level: 3, region: 'city', admitted: '2018-03-02', discharged: '2018-03-16', total: '46800.00', inCatalog: '14040.00', hospitalId: 'H360100301',
  }),
  show('肝癌, stay 2 (province, referred)', {
    ...CANCER, visit: 'inpatient', level: 3, region: 'province', admitted: '2018-06-04', discharged: '2018-06-19', total: '45000.00', inCatalog: '13500.00', hospitalId: 'H360400302',
  }),
  show('肝癌, 恶性肿瘤门诊放化疗: class Ⅰ outpatient chronic disease (cap 10万)', {
    personId: 'P900001', visit: 'outpatient_chronic', level: 2, disease: '恶性肿瘤门诊放化疗', diagnoses: ['Z51.1', 'C22.0'], date: '2018-08-09', total: '6820.00', inCatalog: '6138.00', hospitalId: 'H360123201',
  }),
  show('肝癌, stay 3 (county hospital): the yearly out-of-pocket passes 1万, the county pays this stay\'s share (finance)', {
    ...CANCER, visit: 'inpatient', level: 2, admitted: '2018-09-10', discharged: '2018-09-24', total: '38950.00', inCatalog: '11685.00', hospitalId: 'H360123201',
  }),
  show('肝癌, stay 4: the rest of the 1万 county subsidy, then the patient pays again', {
    ...CANCER, visit: 'inpatient', level: 3, region: 'city', admitted: '2018-11-08', discharged: '2018-11-20', total: '72000.00', inCatalog: '21600.00', hospitalId: 'H360100301',
  }),
  show('肝癌, 2019: a new accounting year, every accumulator starts again', {
    ...CANCER, visit: 'inpatient', level: 3, region: 'city', admitted: '2019-01-03', discharged: '2019-01-14', total: '39800.00', inCatalog: '33830.00', hospitalId: 'H360100301',
  }),
  show('肝癌, 2019 outpatient chemotherapy', {
    personId: 'P900001', visit: 'outpatient_chronic', level: 2, disease: '恶性肿瘤门诊放化疗', diagnoses: ['Z51.1'], date: '2019-02-20', total: '5960.00', inCatalog: '5364.00', hospitalId: 'H360123201',
  }),
  show('晚期血吸虫病, registered poor: free treatment (ANYI-13)', {
    personId: 'P900002', visit: 'inpatient', level: 2, disease: '晚期血吸虫病', diagnoses: ['B65.2', 'K76.6'], admitted: '2018-05-08', discharged: '2018-05-22', total: '15600.00', inCatalog: '13260.00', hospitalId: 'H360123202',
  }),
  show('肺癌 at level 3, one of the 15 diseases: 52000 over the 35000 quota, the hospital absorbs the excess (ANYI-11)', {
    personId: 'P900003', visit: 'inpatient', level: 3, region: 'city', disease: '肺癌', diagnoses: ['C34.9'], admitted: '2018-04-10', discharged: '2018-04-25', total: '52000.00', inCatalog: '44200.00', hospitalId: 'H360100302',
  }),
  show('胃癌 at level 2, one of the 15 diseases, under its 32000 quota', {
    personId: 'P900004', visit: 'inpatient', level: 2, disease: '胃癌', diagnoses: ['C16.9'], admitted: '2018-07-03', discharged: '2018-07-15', total: '28600.00', inCatalog: '24310.00', hospitalId: 'H360123202',
  }),
  show('脑梗死 at level 2 with the quota carried by the claim (16000 instead of the table\'s 15000); registered poor and dibao', {
    personId: 'P900005', categories: ['registered_poor', 'dibao'], visit: 'inpatient', level: 2, disease: '脑梗死', diagnoses: ['I63.9', 'I10'], admitted: '2018-08-01', discharged: '2018-08-12', total: '14800.00', inCatalog: '12580.00', quota: '16000.00', hospitalId: 'H360123202',
  }),
  show('ordinary resident: 高血压, class Ⅱ outpatient chronic disease', {
    personId: 'P900006', categories: [], visit: 'outpatient_chronic', level: 1, disease: '高血压', diagnoses: ['I10'], date: '2018-03-15', total: '386.40', inCatalog: '352.80', hospitalId: 'H360123101',
  }),
  show('ordinary resident: a pneumonia stay (basic insurance and critical-illness insurance only)', {
    personId: 'P900006', categories: [], visit: 'inpatient', level: 2, disease: '肺炎', diagnoses: ['J18.9'], admitted: '2018-06-12', discharged: '2018-06-20', total: '5830.00', inCatalog: '4956.00', hospitalId: 'H360123202',
  }),
  show('ordinary resident: a village-clinic visit with no disease given', {
    personId: 'P900006', categories: [], visit: 'outpatient', level: 0, date: '2018-10-03', total: '35.00', inCatalog: '35.00', hospitalId: 'H360123001',
  }),
  show('糖尿病, class Ⅱ, registered poor: visit 1 of 4 towards the 5000 yearly cap', { ...DIABETES, date: '2018-02-26', total: '1850.00', inCatalog: '1665.00' }),
  show('糖尿病, visit 2', { ...DIABETES, date: '2018-05-28', total: '2230.00', inCatalog: '2007.00' }),
  show('糖尿病, visit 3', { ...DIABETES, date: '2018-08-27', total: '2410.00', inCatalog: '2169.00' }),
  show('糖尿病, visit 4: the class Ⅱ cap of 5000 is reached', { ...DIABETES, date: '2018-11-26', total: '2100.00', inCatalog: '1890.00' }),
  show('dibao (not registered poor): 尿毒症透析, class Ⅰ outpatient chronic disease', { ...DIALYSIS, date: '2018-04-30', total: '6480.00', inCatalog: '6156.00' }),
  show('dibao: dialysis, next month', { ...DIALYSIS, date: '2018-05-31', total: '6480.00', inCatalog: '6156.00' }),
  show('dibao: 尿毒症 stay at a third-grade city hospital (medical assistance 75%)', {
    personId: 'P900008', categories: ['dibao'], visit: 'inpatient', level: 3, region: 'city', disease: '尿毒症', diagnoses: ['N18.5'], admitted: '2018-09-03', discharged: '2018-09-17', total: '23800.00', inCatalog: '20230.00', hospitalId: 'H360100301',
  }),
  show('extreme poor (特困人员) and registered poor: full assistance of the in-catalogue rest (ANYI-6.1)', {
    personId: 'P900009', categories: ['registered_poor', 'extreme_poor'], visit: 'inpatient', level: 1, disease: '慢性阻塞性肺疾病急性加重', diagnoses: ['J44.1'], admitted: '2018-02-10', discharged: '2018-02-19', total: '4860.00', inCatalog: '4374.00', hospitalId: 'H360123101',
  }),
  show('a bill mostly out of the catalogue (25% in): supplementary insurance pays 75% of the rest', {
    personId: 'P900010', visit: 'inpatient', level: 3, region: 'province', disease: '股骨颈骨折', diagnoses: ['S72.0'], admitted: '2018-10-08', discharged: '2018-10-30', total: '86500.00', inCatalog: '21625.00', hospitalId: 'H360700303',
  }),
  show('emergency stay out of the province (emergency counts as referred)', {
    personId: 'P900011', visit: 'inpatient', level: 3, region: 'out_of_province', referral: 'emergency', disease: '急性阑尾炎', diagnoses: ['K35.8'], admitted: '2018-07-21', discharged: '2018-07-27', total: '18650.00', inCatalog: '14920.00', hospitalId: 'H440100305',
  }),
  show('unreferred stay at a non-designated city hospital: flagged, no basic insurance', {
    personId: 'P900012', visit: 'inpatient', level: 2, region: 'city', referral: 'unreferred', designated: false, disease: '腰椎间盘突出症', diagnoses: ['M51.2'], admitted: '2018-12-02', discharged: '2018-12-14', total: '12400.00', inCatalog: '9920.00', hospitalId: 'H360100217',
  }),
  show('monitored (防止返贫监测对象) outpatient observation, settled as a stay', {
    personId: 'P900013', categories: ['monitored'], visit: 'outpatient_observation', level: 2, disease: '胸痛', diagnoses: ['R07.4'], date: '2018-01-20', total: '1120.00', inCatalog: '980.00', hospitalId: 'H360123202',
  }),
];

const generated = generateClaims({ count: GENERATED, seed: SEED, year: 2018, persons: PERSONS });
const claims: readonly RawClaim[] = [...SHOWCASE.map((s) => s.claim), ...generated];

// ---------------------------------------------------------------- bad records

/** One line of a bad file: its text, and what is wrong with it (undefined = a good record). */
interface BadLine {
  readonly text: string;
  readonly id?: string;
  readonly field?: string;
  readonly wrong?: string;
  readonly outcome: string;
}

const GOOD_STAY: RawClaim = {
  id: 'B01', personId: 'P800001', date: '2018-03-12', categories: ['registered_poor'], visit: 'inpatient', level: 2, region: 'county',
  referral: 'referred', designated: true, disease: '肺炎', diagnoses: ['J18.9'], admitted: '2018-03-05', discharged: '2018-03-12',
  total: '6320.00', inCatalog: '5480.50', hospitalId: 'H360123202',
};
const VISIT_BASE: RawClaim = {
  id: '', personId: 'P800002', date: '2018-04-02', categories: [], visit: 'outpatient', level: 1, region: 'county',
  total: '120.00', inCatalog: '100.00',
};

/** The records both bad files share, as (claim, field, what is wrong, expected outcome). */
function badRecords(): { claim: Record<string, unknown>; field?: string; wrong?: string; outcome: string }[] {
  const visit = (id: string, change: Record<string, unknown>): Record<string, unknown> => ({ ...VISIT_BASE, id, ...change });
  return [
    { claim: { ...GOOD_STAY }, outcome: 'accepted' },
    { claim: visit('B03', { date: '2018-02-30' }), field: 'date', wrong: 'impossible date 2018-02-30', outcome: 'rejected' },
    { claim: visit('B04', { inCatalog: '-20.00' }), field: 'inCatalog', wrong: 'negative money -20.00', outcome: 'rejected' },
    { claim: visit('B05', { total: '123.456' }), field: 'total', wrong: 'three decimals 123.456', outcome: 'rejected' },
    { claim: visit('B06', { total: 'NaN' }), field: 'total', wrong: '"NaN" is not money', outcome: 'rejected' },
    { claim: visit('B07', { visit: 'emergency_room' }), field: 'visit', wrong: 'unknown visit emergency_room', outcome: 'rejected' },
    { claim: visit('B08', { level: 5 }), field: 'level', wrong: 'level 5 (0–3 only)', outcome: 'rejected' },
    { claim: visit('B09', { categories: ['registered_poor', 'veteran'] }), field: 'categories[1]', wrong: 'unknown category veteran', outcome: 'rejected' },
    { claim: visit('B10', { total: '800.00', inCatalog: '950.00' }), field: 'inCatalog', wrong: 'inCatalog 950.00 over total 800.00', outcome: 'rejected' },
    {
      claim: { ...GOOD_STAY, id: 'B11', personId: 'P800003', date: '2018-06-12', admitted: '2018-06-20', discharged: '2018-06-12' },
      field: 'discharged', wrong: 'discharged 2018-06-12 before admitted 2018-06-20', outcome: 'rejected',
    },
    {
      claim: { ...GOOD_STAY, id: 'B12', personId: 'P800004', date: '2018-07-09', admitted: undefined, discharged: '2018-07-09' },
      field: 'admitted', wrong: 'inpatient without admitted', outcome: 'rejected',
    },
    { claim: { ...GOOD_STAY, personId: 'P800005' }, field: 'id', wrong: 'duplicate id B01 (the first B01 stays accepted)', outcome: 'rejected' },
    {
      claim: visit('B14', { date: '2017-12-15' }), field: 'date',
      wrong: 'schema-valid, but 2017-12-15 is before the policy\'s first version (2018-01-01)', outcome: 'rejected at settlement: no policy version in force',
    },
    { claim: visit('B15', { personId: undefined }), field: 'personId', wrong: 'personId missing', outcome: 'rejected' },
  ];
}

const GOOD_CHRONIC = { ...VISIT_BASE, id: 'B17', personId: 'P800006', date: '2018-09-18', categories: ['registered_poor'], visit: 'outpatient_chronic', disease: '高血压', diagnoses: ['I10', 'E11.9'] };

function badJsonLines(): BadLine[] {
  const line = (record: ReturnType<typeof badRecords>[number]): BadLine => ({
    text: JSON.stringify(orderClaimFields(record.claim as unknown as RawClaim)),
    id: record.claim['id'] as string,
    ...(record.field === undefined ? {} : { field: record.field }),
    ...(record.wrong === undefined ? {} : { wrong: record.wrong }),
    outcome: record.outcome,
  });
  const [first, ...rest] = badRecords().map(line);
  if (first === undefined) throw new Error('no bad records');
  return [
    first,
    { text: '{"id":"B02","personId":"P800002","date":"2018-03-05","visit":"outpatient","level":1,', id: 'B02', wrong: 'broken JSON (the line stops mid-object)', outcome: 'rejected' },
    ...rest,
    { text: '', wrong: 'blank line', outcome: 'skipped: not a record' },
    {
      // Money as JSON numbers, which the contract allows (at most 2 decimals).
      text: JSON.stringify({ ...GOOD_CHRONIC, total: 860, inCatalog: 702.5 }),
      id: 'B17', outcome: 'accepted (money as JSON numbers 860 and 702.5)',
    },
    {
      text: JSON.stringify({ ...VISIT_BASE, id: 'B18', personId: 'P800007', date: '2018-12-30', disease: '上呼吸道感染', note: '随访' }),
      id: 'B18', outcome: 'accepted (the extra field `note` passes through)',
    },
  ];
}

function badCsvLines(): BadLine[] {
  const row = (record: Record<string, unknown>): string =>
    CONTRACT_FIELDS.map((f) => {
      const v = record[f];
      return csvCell(v === undefined ? '' : Array.isArray(v) ? v.join('|') : String(v));
    }).join(',');
  const records = badRecords();
  const lines: BadLine[] = records.map((r) => ({
    text: row(r.claim),
    id: r.claim['id'] as string,
    ...(r.field === undefined ? {} : { field: r.field }),
    ...(r.wrong === undefined ? {} : { wrong: r.wrong }),
    outcome: r.outcome,
  }));
  return [
    { text: CSV_HEADER, outcome: 'header (starts with a UTF-8 BOM)' },
    ...lines.slice(0, 1),
    { text: 'B02,P800002,2018-03-05,,outpatient,1,county,referred,true,上呼吸道感染', id: 'B02', wrong: '10 cells where the header has 18', outcome: 'rejected' },
    ...lines.slice(1),
    { text: row({ ...VISIT_BASE, id: 'B16', personId: 'P800008', designated: 'maybe' }), id: 'B16', field: 'designated', wrong: 'designated "maybe" is not true/false', outcome: 'rejected' },
    { text: row(GOOD_CHRONIC), id: 'B17', outcome: 'accepted (diagnoses list I10|E11.9)' },
    {
      text: row({ ...VISIT_BASE, id: 'B18', personId: 'P800007', date: '2018-12-30', disease: '上呼吸道感染', hospitalId: '安义县人民医院,门诊 "东区"' }),
      id: 'B18', outcome: 'accepted (quoted cell with a comma and quotes)',
    },
  ];
}

// ---------------------------------------------------------------- writing

function write(name: string, text: string): void {
  writeFileSync(`${dir}${name}`, text, 'utf8');
}

mkdirSync(dir, { recursive: true });
write('claims.jsonl', claims.map((c) => `${toJsonLine(c)}\n`).join(''));
write('claims.csv', [CSV_HEADER, ...claims.map(toCsvRow)].map((l) => `${l}\n`).join(''));
const jsonl = badJsonLines();
const csv = badCsvLines();
write('bad-claims.jsonl', jsonl.map((l) => `${l.text}\n`).join(''));
// An Excel-style export: byte-order mark and CRLF line ends.
write('bad-claims.csv', `\uFEFF${csv.map((l) => `${l.text}\r\n`).join('')}`);
write('README.md', readme());

process.stderr.write(
  `wrote ${dir}: claims.jsonl and claims.csv (${claims.length} claims: ${SHOWCASE.length} showcase + ${generated.length} generated), ` +
    `bad-claims.jsonl (${jsonl.length} lines), bad-claims.csv (${csv.length} lines), README.md\n`,
);

// ---------------------------------------------------------------- README

function counts(key: (c: RawClaim) => string): string {
  const m = new Map<string, number>();
  for (const c of claims) m.set(key(c), (m.get(key(c)) ?? 0) + 1);
  return [...m]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .map(([k, n]) => `${k} ${n}`)
    .join(' · ');
}

function badTable(lines: readonly BadLine[]): string {
  const rows = lines.map((l, i) => `| ${i + 1} | ${l.id ?? ''} | ${l.field ?? ''} | ${(l.wrong ?? (l.outcome.startsWith('accepted') ? 'nothing: a good record' : '')).replaceAll('|', '\\|')} | ${l.outcome.replaceAll('|', '\\|')} |`);
  return ['| line | id | field | what is wrong | expected |', '|---|---|---|---|---|', ...rows].join('\n');
}

function readme(): string {
  const persons = new Set(claims.map((c) => c.personId));
  const showcaseRows = SHOWCASE.map(
    (s, i) => `| ${i + 1} | ${i + 2} | ${s.claim.id} | ${s.claim.personId} | ${s.claim.date} | ${s.claim.visit} ${s.claim.level} | ${s.shows} |`,
  );
  return `# Example claims

Written by \`scripts/make-examples.ts\` (\`npx tsx scripts/make-examples.ts\`); do not edit by hand,
change the script and run it again. It is deterministic: same bytes on every run. Field names,
enumerations and formats are those of the claim contract ([docs/design/contract.md](../docs/design/contract.md)).

| file | what |
|---|---|
| \`claims.jsonl\` | ${claims.length} good claims, one JSON object per line, keys in contract order, absent fields left out |
| \`claims.csv\` | the same ${claims.length} claims in the same order: header = contract fields in contract order, lists joined with \`\\|\`, empty cell = absent |
| \`bad-claims.jsonl\` | ${jsonl.length} lines, most of them wrong in their own way, 3 good records and a blank line (LF, no BOM) |
| \`bad-claims.csv\` | header + ${csv.length - 1} rows, most of them wrong, 3 good ones; UTF-8 BOM and CRLF line ends, as Excel writes them |
| \`nhsa/\` | the same claims as the national platform's settlement records, and one record no mapping knows (\`scripts/make-nhsa-examples.ts\`; see [nhsa/README.md](nhsa/README.md)) |
| \`rosters/\` | poverty rosters over the persons of \`claims.csv\`, written by hand ([below](#rosters)) |
| \`ci/\` | the CI review of rule changes: a shell script, a GitHub Actions workflow and a claims corpus per policy (see [ci/README.md](ci/README.md)) |

## claims.jsonl / claims.csv

Line *n* of \`claims.jsonl\` is line *n + 1* of \`claims.csv\` (the CSV has a header). The first
${SHOWCASE.length} records (\`S001\`…) are placed by hand to reach every rule of \`policies/anyi\`; the
other ${generated.length} (\`C0000001\`…) come from \`generateClaims({ count: ${GENERATED}, seed: ${SEED}, year: 2018, persons: ${PERSONS} })\`
(\`packages/claims/src/generate/synthetic-claims.ts\`). Money is always a string with 2 decimals.

Composition (${claims.length} claims, ${persons.size} persons):

- visit: ${counts((c) => c.visit)}
- level: ${counts((c) => `level ${c.level}`)}
- visit × level: ${counts((c) => `${c.visit}/${c.level}`)}
- region: ${counts((c) => c.region)}
- referral: ${counts((c) => c.referral ?? 'referred')}
- designated: ${counts((c) => String(c.designated ?? true))}
- categories: ${counts((c) => (c.categories ?? []).join('+') || '(ordinary resident)')}
- year: ${counts((c) => c.date.slice(0, 4))}
- with quota: ${claims.filter((c) => c.quota !== undefined).length}; without disease: ${claims.filter((c) => c.disease === undefined).length}

### Showcase records

| jsonl line | csv line | id | person | date | visit level | shows |
|---|---|---|---|---|---|---|
${showcaseRows.join('\n')}

The cancer patient P900001 has 肝癌 rather than 肺癌 on purpose: 肺癌 is one of the 15 diseases,
which at level 2 and 3 settle by quota with the patient paying 2–3% of it, so the yearly
out-of-pocket would never reach the fifth line's 1万 (S009 shows 肺癌 instead).

## bad-claims.jsonl

${badTable(jsonl)}

## bad-claims.csv

Line numbers count the header as line 1. The file starts with a byte-order mark (EF BB BF) and
every line ends in CRLF.

${badTable(csv)}

## rosters/

Poverty rosters over the persons of \`claims.csv\`, written by hand (see [docs/rosters.md](../docs/rosters.md)):
one period a row, \`person, category, from, to\` (\`to\` empty or null = still in).

| file | what |
|---|---|
| \`poverty-office.csv\` | the poverty office's list (扶贫): \`registered_poor\` and \`monitored\`, 26 rows, 25 persons, an extra \`village\` column (ignored) |
| \`civil-affairs.jsonl\` | civil affairs' list (民政): the assistance rungs \`dibao\`, \`dibao_edge\`, \`extreme_poor\`, \`hardship\`, 16 rows, some with the Chinese category names (低保对象, 特困人员, 刚性支出困难家庭患病成员) |
| \`insurance-office.csv\` | the insurance office's copy of the poverty office's list, for \`policy roster check\` (HEFEI-3) |

What they show, read with \`--roster-mode replace\` (the rosters are the truth, the claims' own
\`categories\` are ignored):

| person | rows | shows |
|---|---|---|
| P000004 | poverty-office.csv:6 \`registered_poor\` from 2018-07-01 | entry mid-year: C0000067 on 2018-07-01 (the day of entry) is settled as poor, C0000043 and C0000159 (January, February) are not; \`--retroactive\` settles those two again |
| P000003 | poverty-office.csv:4–5 \`registered_poor\` to 2018-07-16 | exit mid-year: C0000075 on 2018-07-16 (the day of exit) keeps it, C0000055 on 2018-07-18 loses it; two rows that touch, one period |
| P000017 | civil-affairs.jsonl:5 \`dibao\` from 2018-06-14 | entry on the day of a claim (C0000003); \`--retroactive\` gives C0000050 (March) the assistance |
| P000027 | civil-affairs.jsonl:9–10 \`dibao\` to 2018-05-31, \`hardship\` from 2018-06-01 | a move between rungs on consecutive days: no contradiction, and not a new recognition for \`--retroactive\` |
| P000001, P000013, P000020, P000024, P000034, P900005 | on both lists | \`registered_poor\` from one, \`dibao\` from the other: combined |
| P000008, P000023, P000035, P000038, P900008, P900009 | civil-affairs.jsonl only | assistance rungs only |
| P000002, P000011, P000016, P000018, … | poverty-office.csv only | \`registered_poor\` only |
| P000025, P900013 | poverty-office.csv | \`monitored\` |

\`insurance-office.csv\` differs from \`poverty-office.csv\` on purpose: P000002 is missing (only in
A), P000033 is added (only in B), P000004 entered on 2018-08-01 instead of 2018-07-01 (a period
that differs), and P000003 is one row instead of two touching ones (they agree).
`;
}
