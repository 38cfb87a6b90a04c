import { Ajv } from 'ajv';
import type { ErrorObject, ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import claimSchema from './claim.schema.json' with { type: 'json' };
import { readMoney } from './money-input.js';

/**
 * The claim schema, compiled once (on first use) and reused for every record.
 *
 * allErrors: a record is rejected with all its faulty fields named, not just the first.
 * ownProperties: a field counts only when the record itself has it, never its prototype.
 * strict: the schema itself is checked strictly, except that money is a union (string |
 * number) on purpose, and the inpatient `then` requires fields declared at the top level.
 * Compiled on first use: a command that reads no claims (check, fmt, lsp) does not pay for it.
 */
let validateClaimSchema: ValidateFunction | undefined;

function claimValidator(): ValidateFunction {
  if (validateClaimSchema) return validateClaimSchema;
  const ajv = new Ajv({
    allErrors: true,
    ownProperties: true,
    strict: true,
    strictTypes: true,
    allowUnionTypes: true,
    strictRequired: false,
  });

  // Full mode: "date" checks the calendar (month lengths, leap years), so 2018-02-30 fails.
  addFormats(ajv, { mode: 'full', formats: ['date'] });

  // Strings are checked by the schema's `pattern`; this keyword covers JSON numbers, whose
  // decimals and size can only be judged in code (see money-input.ts).
  ajv.addKeyword({
    keyword: 'moneyNumber',
    type: 'number',
    schemaType: 'boolean',
    errors: false,
    validate: (enabled: boolean, data: unknown) => !enabled || readMoney(data) !== undefined,
  });

  validateClaimSchema = ajv.compile(claimSchema);
  return validateClaimSchema;
}

export { claimSchema };

/** The schema errors of one record; empty when it conforms. */
export function schemaErrors(raw: unknown): readonly ErrorObject[] {
  const validate = claimValidator();
  if (validate(raw)) return [];
  return validate.errors ?? [];
}
