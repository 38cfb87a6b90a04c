import { UsageError } from './errors.js';

export type ReportFormat = 'pretty' | 'json';

/** `--format pretty|json` of the commands whose output is a report. */
export function reportFormat(value: string): ReportFormat {
  if (value !== 'pretty' && value !== 'json') throw new UsageError(`--format is pretty or json, not ${JSON.stringify(value)}`);
  return value;
}
