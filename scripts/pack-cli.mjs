// Packs the policy command as an npm package of its own (docs/install.md): the bundle, the
// echarts bundle and the studio's page, no dependencies, so `npm install -g` of the tarball needs
// nothing from a registry. `node scripts/pack-cli.mjs [--no-build]` writes
// packages/cli/dist/policy-rules-cli-VERSION.tgz and prints its path.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = join(root, 'packages/cli/dist');
if (!process.argv.includes('--no-build')) execFileSync(process.execPath, [join(root, 'scripts/build.mjs')], { stdio: 'inherit' });
for (const f of ['policy.cjs', 'echarts.cjs', 'studio/index.html']) {
  if (!existsSync(join(dist, f))) throw new Error(`${join(dist, f)} is missing: run node scripts/build.mjs`);
}

const cli = JSON.parse(readFileSync(join(root, 'packages/cli/package.json'), 'utf8'));
const stage = join(dist, 'pack');
rmSync(stage, { recursive: true, force: true });
mkdirSync(stage, { recursive: true });
cpSync(join(dist, 'policy.cjs'), join(stage, 'policy.cjs'));
cpSync(join(dist, 'echarts.cjs'), join(stage, 'echarts.cjs'));
cpSync(join(dist, 'studio'), join(stage, 'studio'), { recursive: true });
cpSync(join(root, 'LICENSE'), join(stage, 'LICENSE'));
cpSync(join(root, 'CHANGELOG.md'), join(stage, 'CHANGELOG.md'));
writeFileSync(
  join(stage, 'README.md'),
  `# policy ${cli.version}

The \`policy\` command of policy-rules: medical-insurance reimbursement policies as code — check,
format, settle, explain, batch, test, diff, audit, report, premium, params, studio, lsp.

    npm install -g policy-rules-cli-${cli.version}.tgz
    policy --help

Paths are read from the current directory. \`policy prove\` needs z3-solver beside it
(\`npm install -g z3-solver@4.15.4\`). Documentation: docs/ of the repository (docs/install.md).
`,
);
writeFileSync(
  join(stage, 'package.json'),
  `${JSON.stringify(
    {
      name: 'policy-rules-cli',
      version: cli.version,
      description: 'The policy command: medical-insurance reimbursement policies as code (check, settle, explain, batch, test, diff, audit, report, premium, studio, lsp)',
      license: 'Apache-2.0',
      bin: { policy: 'policy.cjs' },
      files: ['policy.cjs', 'echarts.cjs', 'studio/', 'README.md', 'LICENSE', 'CHANGELOG.md'],
      engines: { node: '>=20.19' },
      type: 'commonjs',
    },
    null,
    2,
  )}\n`,
);
const out = execFileSync('npm', ['pack', '--silent', '--pack-destination', dist], { cwd: stage, encoding: 'utf8' }).trim().split('\n').pop();
console.log(join(dist, out));
