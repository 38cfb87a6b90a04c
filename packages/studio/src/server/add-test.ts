import { isMap, isSeq, parseDocument, YAMLSeq } from 'yaml';
import type { FileStore } from './files.js';
import { HttpError } from './http-util.js';

/** The test file the studio adds cases to, beside the policy's own. */
export const STUDIO_TESTS = 'tests/studio.yaml';

/**
 * Adds a case to `<policy>/tests/studio.yaml` (created when absent): the claim as the page has
 * it, and as the expectation the layers it settled to now (those not zero; run-examples reads a
 * layer left out as 0.00). Comments and other cases of the file are kept (the yaml library's
 * document model); the file is written atomically, refused if it changed on disk meanwhile.
 */
export function addTestCase(store: FileStore, folder: string, name: string, claim: Record<string, unknown>, layers: Record<string, string>, flags: readonly string[]): { file: string; cases: number } {
  const file = `${folder}/${STUDIO_TESTS}`;
  let text = '';
  let hash: string | null = null;
  try {
    const st = store.read(file);
    text = st.text;
    hash = st.hash;
  } catch (e) {
    if ((e as { status?: number }).status !== 404) throw e;
  }
  const doc = parseDocument(text === '' ? '# Cases added from the studio ("add this claim as a test case"): check each amount by hand.\ncases: []\n' : text);
  if (doc.errors.length > 0) throw new HttpError(422, `${file} does not read as YAML (${doc.errors[0]?.message ?? ''}): fix it first`);
  if (!isMap(doc.contents)) throw new HttpError(422, `${file} is not a mapping with cases:`);
  const found: unknown = doc.contents.get('cases', true);
  let cases: YAMLSeq;
  if (isSeq(found)) cases = found;
  else {
    cases = new YAMLSeq();
    doc.set('cases', cases);
  }
  cases.flow = false;
  const expect: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(layers)) if (v !== '0.00') expect[k] = v;
  expect['flags'] = [...flags];
  const node = doc.createNode({ name, claims: [claim], expect: [expect] });
  for (const key of ['claims', 'expect']) {
    const seq = node.get(key, true);
    if (isSeq(seq)) for (const item of seq.items) if (isMap(item)) item.flow = true;
  }
  cases.items.push(node);
  const saved = store.save(file, doc.toString({ lineWidth: 0 }), hash);
  return { file: saved.path, cases: cases.items.length };
}
