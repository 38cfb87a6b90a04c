import { RESULT_ZH, STAGE_ZH } from '@policy/dsl';
import type { Finding } from '@policy/engine';
import { csvLine, type AtomicFile, type OutputFormat } from '@policy/claims';

/** The columns of a findings CSV, in order (JSON Lines has the same fields). */
export const FINDING_COLUMNS = ['claimId', 'personId', 'date', 'audit', 'result', 'stage', 'cites', 'message', 'related', 'windows', 'parameters', 'version'] as const;

/** A finding as one JSON object: the result type and stage as the platform writes them (可疑, 事后). */
export function findingToJson(f: Finding): Record<string, unknown> {
  return {
    claimId: f.claimId,
    personId: f.personId,
    date: f.date,
    audit: f.audit,
    result: RESULT_ZH[f.result],
    stage: STAGE_ZH[f.stage],
    cites: f.cites,
    message: f.message,
    related: f.related,
    windows: f.windows,
    parameters: f.parameters.map((p) => ({ name: p.name, value: p.value, ...(p.cites.length > 0 ? { cites: p.cites } : {}), ...(p.assumed !== undefined ? { assumed: p.assumed } : {}) })),
    version: f.version,
  };
}

function findingCells(f: Finding): string[] {
  return [
    f.claimId,
    f.personId,
    f.date,
    f.audit,
    RESULT_ZH[f.result],
    STAGE_ZH[f.stage],
    f.cites.join(' '),
    f.message,
    f.related.join(' '),
    f.windows.join(' '),
    f.parameters.map((p) => `${p.name}=${p.value}`).join('; '),
    f.version,
  ];
}

/** Findings as CSV (spreadsheet-safe cells) or JSON Lines, one a line. */
export class FindingWriter {
  private headerWritten = false;

  constructor(
    private readonly file: AtomicFile,
    private readonly format: OutputFormat,
  ) {}

  async header(): Promise<void> {
    if (this.format !== 'csv' || this.headerWritten) return;
    this.headerWritten = true;
    await this.file.write(csvLine([...FINDING_COLUMNS]));
  }

  async write(f: Finding): Promise<void> {
    if (this.format === 'jsonl') {
      await this.file.write(`${JSON.stringify(findingToJson(f))}\n`);
      return;
    }
    await this.header();
    await this.file.write(csvLine(findingCells(f)));
  }
}
