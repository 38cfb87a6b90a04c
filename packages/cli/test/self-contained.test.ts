import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The repository is self-contained: the contract, the readings, the clause catalogue and the
 * source documents live in docs/design and docs/sources, and nothing cites or reads the folder
 * that used to sit beside the checkout (only .ci/run's comment may name it). Every relative
 * link of the Markdown documents leads to a file of the repository, and an anchor to a heading
 * of it.
 */
const root = normalize(join(import.meta.dirname, '..', '..', '..'));
const tracked = execFileSync('git', ['ls-files', '-z'], { cwd: root, encoding: 'utf8' }).split('\0').filter((f) => f !== '');
// Spelt in pieces, so that this file does not name the folder itself.
const outside = ['..', 'shared'].join('/');
const citations = ['design', 'seeds'].map((d) => ['shared', d].join('/'));

describe('the repository is self-contained', () => {
  it('lists its tracked files', () => {
    expect(tracked).toContain('README.md');
    expect(tracked).toContain('docs/design/contract.md');
  });

  it(`has no tracked file but .ci/run that mentions ${outside} or cites its documents`, () => {
    const offenders = tracked
      .filter((f) => f !== '.ci/run' && existsSync(join(root, f)) && statSync(join(root, f)).isFile())
      .filter((f) => {
        const text = readFileSync(join(root, f), 'utf8');
        return text.includes(outside) || citations.some((c) => text.includes(c));
      });
    expect(offenders).toEqual([]);
  });

  it('keeps the design documents and the five source documents', () => {
    for (const f of ['contract.md', 'clauses.md', 'decisions.md', 'nhsa.md', 'style.md', 'language-needs.md']) {
      expect(tracked, f).toContain(`docs/design/${f}`);
    }
    const sources = tracked.filter((f) => f.startsWith('docs/sources/') && f.endsWith('.txt'));
    expect(sources.sort()).toEqual(['anyi', 'chifeng', 'hefei', 'jinzhai', 'liuan'].map((p) => expect.stringMatching(new RegExp(`^docs/sources/${p}-\\d{4}\\.txt$`))));
  });
});

/** The text of a Markdown file without fenced code blocks, where headings are not headings. */
function unfenced(text: string): string {
  return text.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, '');
}

/** … and without inline code either, where links are not links. */
function prose(text: string): string {
  return unfenced(text).replace(/`[^`\n]*`/g, '');
}

/** GitHub's anchor of a heading: lower case, punctuation dropped (letters of any script kept), spaces → hyphens. */
function slug(heading: string): string {
  return heading
    .replace(/`/g, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc}\- ]/gu, '')
    .replace(/ /g, '-');
}

function anchors(file: string): Set<string> {
  const seen = new Map<string, number>();
  const out = new Set<string>();
  for (const m of unfenced(readFileSync(file, 'utf8')).matchAll(/^#{1,6}\s+(.+?)\s*#*\s*$/gm)) {
    const base = slug(m[1] as string);
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    out.add(n === 0 ? base : `${base}-${n}`);
  }
  return out;
}

const documents = tracked.filter((f) => f.endsWith('.md') && (f === 'README.md' || f === 'CONTRIBUTING.md' || f.startsWith('docs/') || f.startsWith('policies/') || f.startsWith('examples/') || f.startsWith('editors/') || f.startsWith('packages/')));

describe('relative links in the Markdown documents', () => {
  it('checks README.md, CONTRIBUTING.md and docs/', () => {
    expect(documents).toEqual(expect.arrayContaining(['README.md', 'CONTRIBUTING.md', 'docs/language.md', 'docs/architecture.md']));
  });

  for (const doc of documents) {
    it(`${doc}: every relative link leads to a file, and every anchor to a heading`, () => {
      const broken: string[] = [];
      const text = prose(readFileSync(join(root, doc), 'utf8'));
      for (const m of text.matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)) {
        const target = m[1] as string;
        if (/^[a-z][a-z0-9+.-]*:/i.test(target)) continue; // https:, mailto:, vscode: …
        const [path, anchor] = target.split('#') as [string, string | undefined];
        const file = path === '' ? join(root, doc) : normalize(join(root, dirname(doc), decodeURI(path)));
        if (relative(root, file).startsWith('..')) {
          broken.push(`${target}: outside the repository`);
          continue;
        }
        if (!existsSync(file)) {
          broken.push(`${target}: no such file`);
          continue;
        }
        if (anchor !== undefined && anchor !== '' && file.endsWith('.md') && !anchors(file).has(decodeURI(anchor).toLowerCase())) {
          broken.push(`${target}: no heading with that anchor in ${relative(root, file)}`);
        }
      }
      expect(broken).toEqual([]);
    });
  }
});
