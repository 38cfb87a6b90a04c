import { describe, expect, it } from 'vitest';
import { CLAIM_FIELDS } from '@policy/dsl';
import { CONTRACT_FIELDS, RESERVED_FIELDS } from '../src/input/fields.js';
import { claimSchema } from '../src/input/schema.js';
import { validateRecord } from '../src/input/validate.js';

/**
 * The claim's fields are declared by the language (dsl vocabulary: CLAIM_FIELDS, with types and
 * which are derived); the contract's column list (input/fields.ts: CSV order, message order)
 * and the JSON schema must name exactly the language's input fields — so a new field cannot be
 * added in one place and forgotten in another.
 */
describe('claim fields, one list', () => {
  const language = Object.entries(CLAIM_FIELDS).filter(([, f]) => f.derived !== true).map(([name]) => name);

  it('the contract columns are the language input fields', () => {
    expect([...CONTRACT_FIELDS].sort()).toEqual([...language].sort());
    expect(CONTRACT_FIELDS.length).toBe(18);
  });

  it('the JSON schema has a property for each, and for the reserved output names only besides', () => {
    const props = Object.keys((claimSchema as { properties: Record<string, unknown> }).properties);
    expect(props.sort()).toEqual([...CONTRACT_FIELDS, ...RESERVED_FIELDS].sort());
  });

  it('derived fields are not in the input', () => {
    const derived = Object.entries(CLAIM_FIELDS).filter(([, f]) => f.derived === true).map(([name]) => name);
    expect(derived.sort()).toEqual(['outOfCatalog', 'stay', 'year']);
    for (const d of derived) expect(CONTRACT_FIELDS as readonly string[]).not.toContain(d);
  });

  it("the engine's Claim carries every field of the language, input and derived, under the language's name", () => {
    // A claim with every optional field given: validation builds the engine's Claim (engine/src/claim.ts).
    const v = validateRecord(
      { id: 'F1', personId: 'P1', date: '2019-05-20', categories: ['registered_poor'], visit: 'inpatient', level: 2, region: 'county', referral: 'referred', designated: true, disease: '肺炎', diagnoses: ['J18'], admitted: '2019-05-12', discharged: '2019-05-20', total: '100.00', inCatalog: '90.00', quota: '10.00', hospitalId: 'H1', disaster: false },
      { line: 1 },
    );
    expect(v.ok).toBe(true);
    const claim = (v as { claim: object }).claim;
    const missing = Object.keys(CLAIM_FIELDS).filter((name) => !(name in claim) || (claim as Record<string, unknown>)[name] === undefined);
    expect(missing).toEqual([]);
  });
});
