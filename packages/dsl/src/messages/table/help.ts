/**
 * The help of `policy --help` and `policy <command> --help` (packages/cli): each command's
 * description, its arguments' and options' help, the blocks after the options, and commander's
 * own fixed words (titles, the help and version options). The English is what --help printed
 * before the table, byte for byte; option names, metavariables, choices, defaults, codes and
 * examples stay as they are in Chinese. Commander wraps option help by itself; the blocks after
 * the options are printed as they are, so their Chinese is broken into lines here (80 columns,
 * a Chinese character two).
 *
 * Why this file is long: it holds the whole help of every command, in two languages; split by
 * command it would be sixteen small files of one kind.
 */
export const HELP_MESSAGES = {
  // Commander's fixed words
  'help.title.usage': { en: 'Usage:', zh: '用法：' },
  'help.title.options': { en: 'Options:', zh: '选项：' },
  'help.title.commands': { en: 'Commands:', zh: '命令：' },
  'help.title.arguments': { en: 'Arguments:', zh: '参数：' },
  'help.title.global-options': { en: 'Global Options:', zh: '全局选项：' },
  'help.help-option': { en: 'display help for command', zh: '显示命令的帮助' },
  'help.help-command': { en: 'display help for command', zh: '显示命令的帮助' },
  'help.version': { en: 'output the version number', zh: '显示版本号' },
  'help.extra': { en: '({info})', zh: '（{info}）' },
  'help.extra-sep': { en: ', ', zh: '；' },
  'help.choices': { en: 'choices: {list}', zh: '可选值：{list}' },
  'help.default': { en: 'default: {value}', zh: '默认值：{value}' },
  'help.after-error': { en: '(run `policy --help` for usage)', zh: '（运行 `policy --help` 查看用法）' },

  // The program
  'help.program.description': {
    en: 'Medical-insurance reimbursement policies as code: check policies, settle claims, run examples.',
    zh: '以代码表达的医保报销政策：检查政策、结算就诊记录、运行用例。',
  },

  // Shared option builders (packages/cli/src/options.ts)
  'help.or': { en: '{list} or {last}', zh: '{list} 或 {last}' },
  'help.list-sep': { en: ', ', zh: '、' },
  'help.format.text': { en: 'text (for people)', zh: 'text（供人阅读）' },
  'help.format.json': { en: 'json (for machines)', zh: 'json（供程序读取）' },
  'help.format.markdown': { en: 'markdown (for a pull-request comment)', zh: 'markdown（用于合并请求的评论）' },
  'help.format.html': { en: 'html (one self-contained page)', zh: 'html（一个自包含的页面）' },
  'help.format.jsonl': { en: 'jsonl (JSON Lines)', zh: 'jsonl（JSON Lines）' },
  'help.format.aliases': { en: '; {aliases} = text', zh: '；{aliases} = text' },
  'help.lang': {
    en: 'language of the messages: en (English) or zh (中文); default POLICY_LANG, else the locale (zh… → zh), else en',
    zh: '消息的语言：en（English）或 zh（中文）；默认取 POLICY_LANG，否则取系统区域设置（zh… → zh），否则为 en',
  },
  'help.policy': { en: 'policy folder or .policy file', zh: '政策文件夹或 .policy 文件' },
  'help.in-format': {
    en: "auto, contract (claims) or nhsa (the national platform's settlement records)",
    zh: 'auto、contract（就诊记录）或 nhsa（国家平台的结算记录）',
  },
  'help.out-format': { en: "contract (settlements) or nhsa (the platform's setlinfo records){more}", zh: 'contract（结算结果）或 nhsa（平台的 setlinfo 记录）{more}' },
  'help.mapping': {
    en: "the platform mapping (default: the policy's nhsa-mapping.json, else the default mapping)",
    zh: '平台映射（默认：政策的 nhsa-mapping.json，否则为默认映射）',
  },
  'help.labels': {
    en: "codes (the contract's names) or zh (the documents' Chinese names: 理赔编号, 基本医保 …) for {what}{readsBack}",
    zh: 'codes（合同中的名称）或 zh（文件中的中文名称：理赔编号、基本医保 ……），用于{what}{readsBack}',
  },
  'help.labels.reads-back': { en: '; a file written with zh reads back as input', zh: '；以 zh 写出的文件可作为输入读回' },
  'help.in.claims': {
    en: 'claims: .csv, .jsonl, .ndjson or .json (JSON Lines); - = stdin (JSON Lines)',
    zh: '就诊记录：.csv、.jsonl、.ndjson 或 .json（JSON Lines）；- = 标准输入（JSON Lines）',
  },
  'help.format.by-out': { en: ' (default: by the extension of --out)', zh: '（默认：按 --out 的扩展名）' },
  'help.format.text-stderr': { en: ': text on stderr, json on stdout', zh: '：text 输出到标准错误，json 输出到标准输出' },
  'help.presorted.one-person': {
    en: "the input holds each person's records together, persons in ascending order: one person in memory at a time",
    zh: '输入中每个参保人的记录连在一起，参保人按升序排列：内存中一次只保留一个参保人',
  },

  // Rosters (packages/cli/src/roster/roster-options.ts)
  'help.roster': {
    en: 'poverty roster (CSV or JSON Lines: person, category, from, to); repeat for several, read as one list',
    zh: '困难人员名单（CSV 或 JSON Lines：person、category、from、to）；可重复给出多个，合并为一份名单读取',
  },
  'help.roster-mode': {
    en: "merge: the claim's own categories and the roster's on its date; replace: the roster's only (default merge)",
    zh: 'merge：就诊记录自带的类别与名单中就诊日期当日的类别合并；replace：只用名单的类别（默认 merge）',
  },
  'help.roster-conflicts': {
    en: 'error: contradicting roster rows stop the command (exit 2); warn: list them and settle with both categories (default error)',
    zh: 'error：名单中相互矛盾的行使命令停止（退出状态 2）；warn：列出这些行，并按两个类别结算（默认 error）',
  },
  'help.roster.after': {
    en: `
Rosters: --roster FILE gives each claim the categories in force on its date (from ≤ date ≤ to,
both days included; an empty "to" = still in). Several --roster files are read as one list.
A roster with a bad row, or rows that contradict each other (overlapping periods of categories
that exclude each other: extreme_poor, dibao, dibao_edge, hardship), stops the command with
exit 2 before anything is settled, listing each row as FILE:LINE; --roster-conflicts warn
settles anyway with both categories. See docs/rosters.md.`,
    zh: `
名单：--roster FILE 为每条就诊记录给出就诊日期当日有效的类别（from ≤ 日期 ≤ to，
首尾两天都算；"to" 为空 = 仍在名单中）。多个 --roster 文件合并为一份名单读取。名
单中有错误的行，或有相互矛盾的行（互斥类别的期间重叠：extreme_poor、dibao、
dibao_edge、hardship），命令在结算任何记录之前停止，退出状态 2，并以 FILE:LINE
列出每一行；--roster-conflicts warn 则照样按两个类别结算。见 docs/rosters.md。`,
  },

  // National platform records (packages/cli/src/io/nhsa-options.ts)
  'help.nhsa.after': {
    en: `
National platform records (--in-format, --out-format): input in the platform's settlement shape
(setl_id, psn_no, setl_time, med_type, medfee_sumamt, inscp_scp_amt, pay_loc, hosp_lv, …) is
mapped to claims through the policy's nhsa-mapping.json (or --mapping FILE; else the default
mapping); auto tells the shape from the CSV header or the first record's keys (setl_id or
medfee_sumamt without id and total: nhsa). A code with no mapping rejects its record, naming the
field and the code. --out-format nhsa writes setlinfo records (hifp_pay, hifmi_pay, maf_pay,
oth_pay, fund_pay_sumamt, hosp_part_amt, psn_part_amt, act_pay_dedc, pool_prop_selfpay) with
their setldetail (a list in JSON; code:amount joined with | in CSV).`,
    zh: `
国家平台记录（--in-format、--out-format）：平台结算格式的输入（setl_id、psn_no、
setl_time、med_type、medfee_sumamt、inscp_scp_amt、pay_loc、hosp_lv ……）通过政策
的 nhsa-mapping.json（或 --mapping FILE；否则为默认映射）映射为就诊记录；auto 根
据 CSV 表头或第一条记录的键判断格式（有 setl_id 或 medfee_sumamt 而没有 id 和
total：nhsa）。没有映射的代码使其记录被拒收，并指出字段和代码。--out-format nhsa
写出 setlinfo 记录（hifp_pay、hifmi_pay、maf_pay、oth_pay、fund_pay_sumamt、
hosp_part_amt、psn_part_amt、act_pay_dedc、pool_prop_selfpay）及其 setldetail
（JSON 中为列表；CSV 中为以 | 连接的 code:amount）。`,
  },

  // policy check
  'help.check.description': {
    en: 'parse and statically check policy files; prints file:line:col: error CODE: message',
    zh: '解析并静态检查政策文件；输出 file:line:col: error CODE: message',
  },
  'help.check.path': { en: 'policy folders, .policy files, or a folder of policy folders', zh: '政策文件夹、.policy 文件，或包含多个政策文件夹的文件夹' },
  'help.check.metrics': {
    en: 'also print how long each pass of the checker took (with --format json: a "metrics" list per policy)',
    zh: '同时输出检查器每一遍所用的时间（用 --format json 时：每个政策一个 "metrics" 列表）',
  },
  'help.check.dump-ir': {
    en: 'print the resolved IR of a checked policy as JSON on stdout (symbols named, spans as file:line:col)',
    zh: '以 JSON 在标准输出上输出检查后政策的解析后 IR（符号带名称，位置为 file:line:col）',
  },
  'help.check.dump-fixed': {
    en: 'print the generated fixed-point code of each version (or of --version) on stdout',
    zh: '在标准输出上输出每个版本（或 --version 指定版本）生成的定点数代码',
  },
  'help.check.version-date': { en: 'with --dump-fixed: only the version of this date (YYYY-MM-DD)', zh: '与 --dump-fixed 一起用：只输出该日期（YYYY-MM-DD）的版本' },
  'help.check.after': {
    en: '\nExit status: 0 clean (warnings allowed), 1 diagnostics with errors, 2 usage or I/O error.',
    zh: '\n退出状态：0 没有错误（可以有警告），1 诊断中有错误，2 用法错误或读写错误。',
  },

  // policy eval
  'help.eval.description': {
    en: 'settle the claims in FILE (one JSON object, a JSON array or JSON Lines; - = stdin) as one batch',
    zh: '把 FILE 中的就诊记录（一个 JSON 对象、一个 JSON 数组或 JSON Lines；- = 标准输入）作为一批结算',
  },
  'help.eval.file': { en: 'claims file, or - for standard input', zh: '就诊记录文件，或 - 表示标准输入' },
  'help.eval.explain': { en: 'add the trace to each settlement, and explain it on stderr', zh: '在每个结算结果中加入追踪，并在标准错误上解释' },
  'help.eval.format': {
    en: ': settlements are JSON on stdout either way; json puts rejected claims there too, as {shape} objects',
    zh: '：结算结果总是以 JSON 输出到标准输出；json 把被拒收的就诊记录也输出到那里，为 {shape} 对象',
  },
  'help.eval.json': { en: 'the same as --format json', zh: '等同于 --format json' },
  'help.eval.labels': { en: "the settlements' keys and layer names", zh: '结算结果的键和支付层名称' },
  'help.eval.output': {
    en: '\nOutput: one JSON settlement per line on stdout, in input order. Rejected claims are explained on\nstderr (with --json: on stdout instead).\n',
    zh: '\n输出：在标准输出上每行一个 JSON 结算结果，按输入顺序。被拒收的就诊记录在标准错误\n上说明（用 --json 时改为输出到标准输出）。\n',
  },
  'help.eval.exit': {
    en: 'Exit status: 0 all settled, 1 a claim was rejected, 2 usage or I/O error (a bad roster too).',
    zh: '退出状态：0 全部结算，1 有就诊记录被拒收，2 用法错误或读写错误（名单有误也是）。',
  },

  // policy explain
  'help.explain.description': {
    en: 'explain how each layer amount of a claim came about: rules, clauses, formulas with the numbers, accumulators, rules not applied',
    zh: '解释一条就诊记录每个支付层的金额是怎样得出的：规则、条款、代入数字的公式、累计值、未适用的规则',
  },
  'help.explain.file': {
    en: 'claims file (one JSON object, a JSON array, JSON Lines, or CSV by its extension), or - for standard input (JSON)',
    zh: '就诊记录文件（一个 JSON 对象、一个 JSON 数组、JSON Lines，或按扩展名为 CSV），或 - 表示标准输入（JSON）',
  },
  'help.explain.id': { en: 'the claim to explain (default: every claim of the file)', zh: '要解释的就诊记录（默认：文件中的每一条）' },
  'help.explain.lang': {
    en: 'en (English) or zh (Chinese, for analysts: 基本医保, 大病保险 …, 规则, 依据, 公式 …); default POLICY_LANG, else the locale, else en',
    zh: 'en（English）或 zh（中文，供分析人员：基本医保、大病保险 ……、规则、依据、公式 ……）；默认取 POLICY_LANG，否则取系统区域设置，否则为 en',
  },
  'help.explain.format': { en: ': json is the trace tree, one settlement per line', zh: '：json 为追踪树，每行一个结算结果' },
  'help.explain.labels': { en: 'the keys and layer names of --format json (the text follows --lang)', zh: '以 --format json 输出时的键和支付层名称（文本格式随 --lang）' },
  'help.explain.quote': { en: 'quote the text of every clause cited 「…」 under its citation (text format)', zh: '在每处引用下以「…」引出所引条款的原文（文本格式）' },
  'help.explain.after': {
    en: `
The file's claims settle as one batch in (date, id) order per person, so a person's earlier
claims count in the accumulators of the claim explained; only the persons of the claims
explained are settled. Output on stdout; the reason a claim was rejected goes to stderr.
Exit status: 0 explained, 1 a claim explained was rejected, 2 usage or I/O error (an --id not in the file).`,
    zh: `
文件中的就诊记录作为一批结算，每个参保人按 (date, id) 顺序，因此参保人先前的就诊
记录计入所解释记录的累计值；只结算所解释记录涉及的参保人。输出到标准输出；就诊记
录被拒收的原因输出到标准错误。
退出状态：0 已解释，1 所解释的就诊记录被拒收，2 用法错误或读写错误（--id 不在文
件中）。`,
  },

  // policy batch
  'help.batch.description': {
    en: 'settle a claims file (CSV or JSON Lines, by extension) on worker threads and write settlements and rejects',
    zh: '在工作线程上结算一个就诊记录文件（按扩展名为 CSV 或 JSON Lines），写出结算结果和被拒收的记录',
  },
  'help.batch.out': { en: 'settlements: .csv or .jsonl; - = stdout (JSON Lines)', zh: '结算结果：.csv 或 .jsonl；- = 标准输出（JSON Lines）' },
  'help.batch.rejects': {
    en: 'rejected records with their reasons (.csv or .jsonl); without it they are listed on stderr',
    zh: '被拒收的记录及其原因（.csv 或 .jsonl）；不给时在标准错误上列出',
  },
  'help.batch.summary-json': { en: 'also write the summary as JSON', zh: '同时以 JSON 写出汇总' },
  'help.batch.presorted': {
    en: "the input holds each person's records together, persons in ascending order: memory stays flat",
    zh: '输入中每个参保人的记录连在一起，参保人按升序排列：内存占用保持平稳',
  },
  'help.batch.exit-zero': {
    en: 'exit 0 when records were rejected too (they are in the rejects output): for a task of Spark, Hive TRANSFORM or Hadoop Streaming, which a non-zero exit fails',
    zh: '有记录被拒收时也以 0 退出（它们在被拒收记录的输出中）：用于 Spark、Hive TRANSFORM 或 Hadoop Streaming 的任务，非 0 退出会使任务失败',
  },
  'help.batch.workers': {
    en: 'worker threads settling persons (default: the cores less one, for the thread that reads and writes; at least 1)',
    zh: '结算参保人的工作线程数（默认：核数减一，留给读写的线程；至少 1）',
  },
  'help.batch.engine': {
    en: 'auto (fixed-point where proven exact, modifiers, bands and yearly caps included; a version or claim it cannot settle exactly goes to decimal.js) or decimal (decimal.js for every claim)',
    zh: 'auto（在证明精确之处用定点数，包括修正、分段和年度封顶线；不能精确结算的版本或就诊记录交给 decimal.js）或 decimal（每条就诊记录都用 decimal.js）',
  },
  'help.batch.retroactive': {
    en: 'LIUAN-4: settle again, as if the category had applied, the claims of each person dated before the person entered a category in the same year; writes those settlements and reports the difference (needs --roster)',
    zh: 'LIUAN-4：对同一年内进入某类别的参保人，把其进入之前的就诊记录按该类别已适用重新结算；写出这些结算结果并报告差额（需要 --roster）',
  },
  'help.batch.out-format': { en: '; the file extension still says CSV or JSON Lines', zh: '；CSV 或 JSON Lines 仍由文件扩展名决定' },
  'help.batch.labels': { en: "the settlements' CSV header or JSON keys and layer names", zh: '结算结果的 CSV 表头或 JSON 键和支付层名称' },
  'help.batch.after': {
    en: `
Input may come in any order: claims of one person-year settle in (date, id) order, and output
comes in input order. Without --presorted every claim is kept (compactly) until the input ends;
with it, one batch of persons at a time, and a record of a person out of order stops the run.
Outputs are written under a temporary name and renamed when complete: a run stopped half-way
leaves nothing under the final names. A progress bar shows on stderr when it is a terminal.
Exit status: 0 every record settled, 1 a record was rejected (0 with --exit-zero), 2 usage or I/O error (and
--presorted input out of order, a bad roster), 3 internal error.`,
    zh: `
输入可以是任意顺序：同一参保人同一年的就诊记录按 (date, id) 顺序结算，输出按输入
顺序。不用 --presorted 时，每条就诊记录都（紧凑地）保留到输入结束；用它时，一次
保留一批参保人，某参保人的记录顺序不对则停止运行。输出先以临时名称写出，完成后再
改名：中途停止的运行不会在最终名称下留下任何文件。标准错误是终端时在其上显示进度
条。
退出状态：0 每条记录都已结算，1 有记录被拒收（用 --exit-zero 时为 0），2 用法错
误或读写错误（以及 --presorted 输入顺序不对、名单有误），3 内部错误。`,
  },
  'help.batch.retroactive-after': {
    en: `
--retroactive (LIUAN-4 追溯救助): for each person who entered a category during a year, the
person's claims of that year dated before the entry are settled again with the category (every
claim from January 1, as the clause says "当年"), in-process; --out gets their new settlements,
stderr a table of the differences per claim and per layer, --summary-json the same as JSON.
Claims from the entry on are not reopened. Only the records of those persons are validated;
exit status 1 when one of them is rejected.`,
    zh: `
--retroactive（LIUAN-4 追溯救助）：对年内进入某类别的每个参保人，该参保人当年进
入之前的就诊记录按该类别在本进程内重新结算（按条款所说的 "当年"，自 1 月 1 日起
的每条就诊记录）；--out 得到其新的结算结果，标准错误得到按就诊记录和按支付层的差
额表，--summary-json 得到相同内容的 JSON。进入之日起的就诊记录不重新结算。只校验
这些参保人的记录；其中有记录被拒收时退出状态为 1。`,
  },

  // policy test
  'help.test.description': {
    en: 'run the example claims with expected layers that sit next to each policy (tests/*.yaml)',
    zh: '运行每个政策旁边带有预期支付层的用例就诊记录（tests/*.yaml）',
  },
  'help.test.path': { en: 'policy folders, or a folder of policy folders', zh: '政策文件夹，或包含多个政策文件夹的文件夹' },
  'help.test.coverage': {
    en: 'also report, per policy, the rules, conditions and table rows no example exercised',
    zh: '同时按政策报告没有任何用例覆盖的规则、条件和表格行',
  },
  'help.test.min-coverage': {
    en: 'fail (exit 1) when the RULE coverage of a policy is below N% (0-100); or per kind: rules=100,conditions=80,rows=50 (implies --coverage)',
    zh: '政策的规则覆盖率低于 N%（0-100）时失败（退出状态 1）；或按种类：rules=100,conditions=80,rows=50（隐含 --coverage）',
  },
  'help.test.after': {
    en: `
Coverage (--coverage): a rule is covered when it applied to an example claim; a condition (a
rule's when, each if … then … else in a rule or a let) when it was seen both true and false; a
table row (table and key, otherwise included) when a lookup read it. Rules, lets and tables of
a base module count for each policy built on it, at their file:line in the module.
Exit status: 0 all pass, 1 any fails (or a policy has no examples, or its coverage is below
--min-coverage), 2 usage or I/O error.`,
    zh: `
覆盖率（--coverage）：规则适用于某条用例就诊记录即为已覆盖；条件（规则的 when、
规则或 let 中的每个 if … then … else）既出现过真也出现过假即为已覆盖；表格行
（table 与 key，包括 otherwise）被查表读取过即为已覆盖。基础模块的规则、let 和表
格计入基于它的每个政策，位置为其在模块中的 file:line。
退出状态：0 全部通过，1 有失败（或某政策没有用例，或其覆盖率低于
--min-coverage），2 用法错误或读写错误。`,
  },

  // policy generate
  'help.generate.description': {
    en: 'write seeded synthetic claims for a policy (CSV or JSON Lines), e.g. to benchmark policy batch',
    zh: '为政策写出由种子决定的合成就诊记录（CSV 或 JSON Lines），例如用于测试 policy batch 的性能',
  },
  'help.generate.policy': { en: 'policy folder or .policy file: its disease names are drawn from', zh: '政策文件夹或 .policy 文件：从中抽取病种名称' },
  'help.generate.count': { en: 'number of claims', zh: '就诊记录条数' },
  'help.generate.seed': { en: 'any 32-bit integer', zh: '任意 32 位整数' },
  'help.generate.out': { en: 'where to write; - = stdout', zh: '写到哪里；- = 标准输出' },
  'help.generate.year': { en: "calendar year of the claims (default: the policy's first whole year in force)", zh: '就诊记录的日历年（默认：政策生效的第一个完整年度）' },
  'help.generate.mix': {
    en: 'change the mix: KEY=VALUE,… (listed, ordinary, visit.*, level.*, region.*) or a .json file of them',
    zh: '改变构成：KEY=VALUE,…（listed、ordinary、visit.*、level.*、region.*）或由它们组成的 .json 文件',
  },
  'help.generate.after': {
    en: `
The mix (docs/claims.md "Generated claims"): listed=0.3 of inpatient and outpatient-chronic claims
have a disease the policy names, the rest one it does not; ordinary=0.57 of persons are in no
category; visit weights inpatient 45, outpatient_chronic 30, outpatient_observation 5,
outpatient 20; level.* and region.* multiply the built-in weights (1 each). Same arguments, same
bytes. Exit status: 0 written, 2 usage or I/O error.`,
    zh: `
构成（docs/claims.md "Generated claims"）：住院和门诊慢特病就诊记录中 listed=0.3
的病种是政策列出的，其余不是；ordinary=0.57 的参保人不属于任何类别；就诊类型权重
inpatient 45、outpatient_chronic 30、outpatient_observation 5、outpatient 20；
level.* 和 region.* 乘以内置权重（各为 1）。参数相同，输出的字节也相同。退出状
态：0 已写出，2 用法错误或读写错误。`,
  },

  // policy diff
  'help.diff.description': {
    en: 'settle the same claims under two versions of a policy and report what changed',
    zh: '在政策的两个版本下结算同一批就诊记录，报告变化',
  },
  'help.diff.base': { en: 'the old policy: folder or .policy file', zh: '旧政策：文件夹或 .policy 文件' },
  'help.diff.base-rev': {
    en: 'instead of --base: the old policy is --head as it stands at this git revision (e.g. HEAD~1, origin/main)',
    zh: '代替 --base：旧政策为 --head 在该 git 版本中的样子（例如 HEAD~1、origin/main）',
  },
  'help.diff.head': { en: 'the new policy: folder or .policy file', zh: '新政策：文件夹或 .policy 文件' },
  'help.diff.fail-on-change': {
    en: 'exit 1 when any claim changed: its layers, its flags, or settled ↔ rejected',
    zh: '有就诊记录变化时以 1 退出：其支付层、其标记，或 结算 ↔ 拒收',
  },
  'help.diff.top': {
    en: 'how many of the claims that changed most to list, with the rules that fired differently',
    zh: '列出变化最大的就诊记录的条数，并附上触发情况不同的规则',
  },
  'help.diff.out': { en: 'write the report to FILE instead of standard output', zh: '把报告写到 FILE 而不是标准输出' },
  'help.diff.labels': {
    en: 'the layers and the breakdowns of the text and markdown reports (json keeps the codes)',
    zh: 'text 和 markdown 报告中的支付层及明细（json 保留代码）',
  },
  'help.diff.after': {
    en: `
Both policies settle every claim of --in as one batch (accumulators per person and year). A
claim changed when its layers or its flags differ, or when one side settles it and the other
rejects it; records that are not valid claims are rejected by both sides, counted, and the
first three named on stderr. The report gives the totals per layer before and after (over the
claims each side settled), the change in yuan and in % of before, the change by category,
visit kind, level and region, the claims that changed most (by the patient layer, then any
layer) with the rules that fired differently (file:line on each side), settled ↔ rejected
claims, flags that appeared or disappeared, and the versions in force. Money is summed
exactly, in fen. The report goes to stdout (or --out); messages for people to stderr.

With --base-rev, the policy and every base it extends or imports are read from that revision
of the git repository that holds --head.

Exit status: 0 done (also when claims changed, unless --fail-on-change), 1 a claim changed
and --fail-on-change was given, 2 usage or I/O error (a bad path, revision or claims file;
a policy with errors), 3 internal error.`,
    zh: `
两个政策都把 --in 的每条就诊记录作为一批结算（累计值按参保人和年度）。就诊记录的
支付层或标记不同，或一方结算而另一方拒收，即为有变化；不是有效就诊记录的记录两方
都拒收，计数，并在标准错误上指出前三条。报告给出每个支付层变化前后的合计（按各方
结算的就诊记录），以元和占变化前的 % 表示的变化，按类别、就诊类型、医院等级和地
区的变化，变化最大的就诊记录（先按 patient 支付层，再按任一支付层）及触发情况不
同的规则（两方各自的 file:line），结算 ↔ 拒收的就诊记录，出现或消失的标记，以及
生效的版本。金额以分为单位精确求和。报告输出到标准输出（或 --out）；给人看的消息
输出到标准错误。

用 --base-rev 时，政策及其继承或导入的每个基础都从包含 --head 的 git 仓库的该版
本读取。

退出状态：0 完成（有就诊记录变化时也是，除非给了 --fail-on-change），1 有就诊记
录变化且给了 --fail-on-change，2 用法错误或读写错误（路径、版本或就诊记录文件有
误；政策有错误），3 内部错误。`,
  },

  // policy roster
  'help.roster-cmd.description': { en: 'poverty rosters: check that two lists agree (HEFEI-3)', zh: '困难人员名单：检查两份名单是否一致（HEFEI-3）' },
  'help.roster-check.description': {
    en: 'validate two rosters and list the people on one only and the categories or periods that differ, with file:line',
    zh: '校验两份名单，列出只在一份名单上的人员以及不同的类别或期间，附 file:line',
  },
  'help.roster-check.roster': {
    en: 'a roster (CSV or JSON Lines: person, category, from, to); give exactly two: A then B',
    zh: '一份名单（CSV 或 JSON Lines：person、category、from、to）；恰好给出两份：先 A 后 B',
  },
  'help.roster-check.format': { en: ': both on stdout', zh: '：都输出到标准输出' },
  'help.roster-check.after': {
    en: `
Two lists agree on a person when, category by category, the same days are in force (rows may be
split differently). Differences: "only in A" / "only in B" (the person is on one list only),
"category" (a category on one list only), "period" (the same category over different days).
Each roster is also validated: bad rows, and rows of one person whose periods overlap with
categories that exclude each other (extreme_poor, dibao, dibao_edge, hardship).
Exit status: 0 the lists agree and are valid, 1 they differ (or a row is bad or contradicts
another), 2 usage or I/O error (not exactly two --roster, a file that cannot be read).`,
    zh: `
两份名单对某人员一致，是指逐个类别看，有效的日期相同（行的划分可以不同）。差异
有："only in A" / "only in B"（人员只在一份名单上）、"category"（某类别只在一份
名单上）、"period"（同一类别的日期不同）。每份名单也会被校验：错误的行，以及同一
人员互斥类别（extreme_poor、dibao、dibao_edge、hardship）期间重叠的行。
退出状态：0 两份名单一致且有效，1 名单不同（或有错误的行、相互矛盾的行），2 用法
错误或读写错误（--roster 不是恰好两个，文件无法读取）。`,
  },

  // policy fmt
  'help.fmt.description': {
    en: 'rewrite policy files in the canonical layout, keeping every comment (- = stdin to stdout)',
    zh: '按规范格式重写政策文件，保留每一条注释（- = 从标准输入到标准输出）',
  },
  'help.fmt.path': {
    en: '.policy files, or folders (every .policy file below them), or - for standard input',
    zh: '.policy 文件，或文件夹（其下的每个 .policy 文件），或 - 表示标准输入',
  },
  'help.fmt.check': { en: 'change nothing: list the files that are not formatted on stdout, one per line', zh: '不做修改：在标准输出上列出未格式化的文件，每行一个' },
  'help.fmt.diff': { en: 'change nothing: print what formatting would change as a unified diff on stdout', zh: '不做修改：在标准输出上以 unified diff 输出格式化将做的修改' },
  'help.fmt.after': {
    en: `
Without --check or --diff, each file that is not in the canonical layout is rewritten (written
beside it under a temporary name, then renamed over it) and named on stderr; files already
formatted are not touched. A file that does not parse is left as it is: its syntax errors are
printed on stderr (file:line:col) and the other files are still formatted. - reads a policy file
from standard input and writes it formatted on standard output (nothing if it does not parse).

Exit status: 0 every file formatted (or already so), 1 a file does not parse, or (with --check
or --diff) a file is not formatted, 2 usage or I/O error, 3 internal error (the file is left
as it is).`,
    zh: `
不用 --check 或 --diff 时，每个不符合规范格式的文件都被重写（先以临时名称写在它
旁边，再改名覆盖它）并在标准错误上指出；已格式化的文件不动。无法解析的文件保持原
样：其语法错误输出到标准错误（file:line:col），其他文件照样格式化。- 从标准输入
读取一个政策文件，把格式化后的结果写到标准输出（无法解析则不输出）。

退出状态：0 每个文件都已格式化（或本来就是），1 有文件无法解析，或（用 --check
或 --diff 时）有文件未格式化，2 用法错误或读写错误，3 内部错误（文件保持原样）。`,
  },

  // policy lsp
  'help.lsp.description': {
    en: 'run the .policy language server for editors (LSP over standard input and output)',
    zh: '运行供编辑器使用的 .policy 语言服务器（通过标准输入和输出的 LSP）',
  },
  'help.lsp.stdio': { en: 'speak LSP over standard input and output (the only transport)', zh: '通过标准输入和输出使用 LSP（唯一的传输方式）' },
  'help.lsp.after': { en: '\nEditors start it as `policy lsp --stdio`; see docs/editors.md.', zh: '\n编辑器以 `policy lsp --stdio` 启动它；见 docs/editors.md。' },

  // policy prove
  'help.prove.description': {
    en: 'decide each declared property for every claim of every version (SMT, z3)',
    zh: '对每个版本的每条就诊记录判定每个声明的性质（SMT，z3）',
  },
  'help.prove.property': { en: 'only this property', zh: '只判定这个性质' },
  'help.prove.timeout': { en: 'per property and version', zh: '每个性质每个版本的时限' },
  'help.prove.after': {
    en: `
Money is whole fen, each layer rounded half-up to the fen as the engine does; accumulators
are unknown values before the claim (0 or more; a property states in its \`when\` what it
assumes of them). A counterexample is a claim (and the accumulator values before it) that
the engine settled again before it is shown.
Exit status: 0 all proved, 1 a counterexample, 2 usage or I/O error, {unknown} some unknown and none refuted.`,
    zh: `
金额为整分，每个支付层像引擎一样四舍五入到分；累计值在就诊记录之前是未知值（0 或
更多；性质在其 \`when\` 中说明对它们的假设）。反例是一条就诊记录（及其之前的累计
值），在显示之前已由引擎重新结算过。
退出状态：0 全部得证，1 有反例，2 用法错误或读写错误，{unknown} 有未知且没有被推翻的。`,
  },

  // policy audit
  'help.audit.description': {
    en: "run the policy's audits over each person's claim history and write one finding a line",
    zh: '对每个参保人的就诊历史运行政策的稽核，每行写出一条稽核发现',
  },
  'help.audit.out': { en: 'findings: .csv or .jsonl; - = stdout (JSON Lines)', zh: '稽核发现：.csv 或 .jsonl；- = 标准输出（JSON Lines）' },
  'help.audit.workers': {
    en: 'worker threads auditing persons while this thread reads and writes; 0 = this thread audits too (default: the cores less one, at least 1); the findings are the same for any number',
    zh: '在本线程读写时稽核参保人的工作线程数；0 = 本线程也做稽核（默认：核数减一，至少 1）；线程数多少稽核发现都相同',
  },
  'help.audit.after': {
    en: `

Each claim is audited against the person's claims before it in (date, id) order, under the policy
version in force on its date; audits read claims, never settlements. A record batch would reject
is counted and not audited. Exit status: 0 audited (findings or not), 1 a record was rejected,
2 usage or I/O error (and --presorted input out of order).`,
    zh: `

每条就诊记录按 (date, id) 顺序，对照该参保人在它之前的就诊记录，在其日期生效的政
策版本下稽核；稽核读取就诊记录，从不读取结算结果。batch 会拒收的记录计数但不稽
核。退出状态：0 已稽核（无论有无稽核发现），1 有记录被拒收，2 用法错误或读写错误
（以及 --presorted 输入顺序不对）。`,
  },

  // policy report
  'help.report.description': {
    en: 'settle a claims file and write one self-contained HTML report (charts as inline SVG) or its numbers as JSON',
    zh: '结算一个就诊记录文件，写出一个自包含的 HTML 报告（图表为内嵌 SVG），或以 JSON 写出其数字',
  },
  'help.report.out': { en: 'the report; - = stdout', zh: '报告；- = 标准输出' },
  'help.report.by': { en: 'the effective ratio by: {groups} (comma-separated)', zh: '实际报销比例按：{groups}（以逗号分隔）' },
  'help.report.compare': {
    en: 'the same numbers under another policy, side by side (a rule change, a neighbouring county)',
    zh: '另一个政策下的相同数字，并排对比（规则的修改、相邻的县）',
  },
  'help.report.after': {
    en: "\nThe claims settle person by person; without --presorted every claim is kept until the input ends,\nwith it one person's at a time (a person out of order stops the run). The HTML page makes no request:\ncharts are inline SVG drawn by ECharts on this machine, Chinese with an English switch.\nExit status: 0 written, 2 usage or I/O error (and --presorted input out of order).\n",
    zh: '\n就诊记录逐个参保人结算；不用 --presorted 时每条就诊记录都保留到输入结束，用它时\n一次只保留一个参保人的（参保人顺序不对则停止运行）。HTML 页面不发出任何请求：图\n表是由 ECharts 在本机绘制的内嵌 SVG，中文，可切换为英文。\n退出状态：0 已写出，2 用法错误或读写错误（以及 --presorted 输入顺序不对）。\n',
  },

  // policy premium
  'help.premium.description': {
    en: 'for each person and year of the rosters: the contribution standard, the subsidy by category (cited), the fund and what the person pays',
    zh: '对名单中的每个参保人和年度：筹资标准、按类别的资助（附引用）、基金承担部分和个人缴费',
  },
  'help.premium.year': { en: 'one year (default: every year the rosters touch)', zh: '一个年度（默认：名单涉及的每个年度）' },
  'help.premium.out': {
    en: 'one row per person, year and premium: .csv or .jsonl; - = stdout (JSON Lines)',
    zh: '每个参保人、年度和保费一行：.csv 或 .jsonl；- = 标准输出（JSON Lines）',
  },
  'help.premium.summary-json': { en: 'also write the totals as JSON', zh: '同时以 JSON 写出合计' },
  'help.premium.after': {
    en: `
A person-year is every year in which a roster gives the person a category (on any day of the
year); it is read under the policy version in force on December 31 of the year. The first
subsidy of a premium whose condition holds applies (one class a person). Exit status: 0 written,
1 a subsidy breaks the contract for some person-year (more than the standard, negative;
nothing written), 2 usage or I/O error, a bad roster row. See docs/premiums.md.`,
    zh: `
参保人年度是名单给该参保人某个类别（在该年任一天）的每个年度；按该年 12 月 31 日
生效的政策版本读取。保费中第一个条件成立的资助适用（每人一档）。退出状态：0 已写
出，1 某个参保人年度的资助违反约定（超过筹资标准、为负；不写出任何内容），2 用法
错误或读写错误、名单中有错误的行。见 docs/premiums.md。`,
  },

  // policy studio
  'help.studio.description': {
    en: 'the workbench in the browser: edit a policy with live diagnostics, settle and explain a claim, run its tests, see what a change does',
    zh: '浏览器中的工作台：编辑政策并实时查看诊断，结算并解释就诊记录，运行其用例，查看修改的影响',
  },
  'help.studio.paths': { en: 'folders of policies the studio may read and write (default: policies)', zh: '工作台可以读写的政策文件夹（默认：policies）' },
  'help.studio.port': { en: 'port (0: a free one)', zh: '端口（0：任一空闲端口）' },
  'help.studio.host': {
    en: 'address to listen on (default 127.0.0.1; anything else is reachable from other machines)',
    zh: '监听的地址（默认 127.0.0.1；其他地址可从别的机器访问）',
  },
  'help.studio.no-open': { en: 'do not open a browser', zh: '不打开浏览器' },
  'help.studio.after': {
    en: '\nThe URL (with its token) is the first line on stdout. Ctrl-C stops the server.',
    zh: '\nURL（带令牌）是标准输出的第一行。Ctrl-C 停止服务器。',
  },

  // policy params
  'help.params.description': {
    en: 'list every parameter, table, band and set of a policy and its bases: values by version date, unit, the clauses cited with their titles, and why a number is assumed',
    zh: '列出政策及其基础的每个参数、表格、分段和集合：按版本日期的取值、单位、所引条款及其标题，以及某个数字为何是假定的',
  },
  'help.params.path': { en: 'a policy folder (or .policy file), or a module', zh: '政策文件夹（或 .policy 文件），或模块' },
  'help.params.date': {
    en: 'only the value of each parameter in force on this day (YYYY-MM-DD); tables, bands and sets hold for every version',
    zh: '只列出每个参数在这一天（YYYY-MM-DD）生效的取值；表格、分段和集合对每个版本都适用',
  },
  'help.params.format': { en: '; csv is safe to open in a spreadsheet', zh: '；csv 可以放心用电子表格打开' },
  'help.params.after': {
    en: '\nOutput on stdout. Exit status: 0 listed, 2 usage or I/O error (a policy with errors: run policy check).',
    zh: '\n输出到标准输出。退出状态：0 已列出，2 用法错误或读写错误（政策有错误：请运行\npolicy check）。',
  },
} as const;
