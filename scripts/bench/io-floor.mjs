// The I/O floor of `pnpm bench` (issue 11): what a whole-process CSV → CSV run costs with no
// validation and no settlement — read the file with a split reader, build one object per row
// (its cells under the header's names), write as many lines in batches of 1,000. `policy batch`
// over the same file is shown as a multiple of this. Plain JavaScript: no loader in the timing.
//   node scripts/bench/io-floor.mjs IN.csv OUT.csv
import { createReadStream, createWriteStream } from 'node:fs';

const [input, output] = process.argv.slice(2);
const out = createWriteStream(output);
let header;
let pending = '';
let batch = [];
let rows = 0;
const write = (text) => new Promise((resolve) => (out.write(text) ? resolve() : out.once('drain', resolve)));
for await (const chunk of createReadStream(input, { encoding: 'utf8', highWaterMark: 1 << 20 })) {
  const lines = (pending + chunk).split('\n');
  pending = lines.pop() ?? '';
  for (const line of lines) {
    if (line === '') continue;
    const cells = line.split(',');
    if (!header) {
      header = cells;
      batch.push(line);
      continue;
    }
    const row = {};
    for (let i = 0; i < header.length; i++) row[header[i]] = cells[i] ?? '';
    rows++;
    batch.push(`${row[header[0]]},${Object.keys(row).length},${cells.length}`);
    if (batch.length >= 1000) {
      await write(`${batch.join('\n')}\n`);
      batch = [];
    }
  }
}
if (pending !== '') rows++;
if (batch.length > 0) await write(`${batch.join('\n')}\n`);
await new Promise((resolve) => out.end(resolve));
process.stdout.write(`${rows}\n`);
