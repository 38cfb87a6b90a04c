import { CompiledAudits, reason, type ClaimItem, type CompiledPolicy, type Finding, type ReasonRef } from '@policy/engine';

/** The audit findings on a case's claims, by claim id: each person's claims audited in date order. */
export function caseFindings(policy: CompiledPolicy, items: readonly ClaimItem[]): Map<string, Finding[]> {
  const out = new Map<string, Finding[]>();
  if (policy.resolved.audits.length === 0) return out;
  const audits = new CompiledAudits(policy);
  const byPerson = new Map<string, ClaimItem['claim'][]>();
  for (const it of items) {
    const list = byPerson.get(it.claim.personId) ?? [];
    list.push(it.claim);
    byPerson.set(it.claim.personId, list);
  }
  for (const claims of byPerson.values()) {
    for (const f of audits.auditPerson(claims)) {
      const list = out.get(f.claimId) ?? [];
      list.push(f);
      out.set(f.claimId, list);
    }
  }
  return out;
}

/** `findings: [分解住院, { audit: 挂床住院, related: [A01] }]`: exactly these audits found, related claims as listed. */
export function compareFindings(
  label: ReasonRef,
  expected: readonly { readonly audit: string; readonly related?: readonly string[] }[],
  got: readonly Finding[],
  failures: { push(r: ReasonRef): void },
): void {
  const names = (xs: readonly { readonly audit: string }[]): string => JSON.stringify(xs.map((x) => x.audit).sort());
  if (names(expected) !== names(got)) {
    failures.push(reason('cmd.test.findings-mismatch', { label, want: expected.map((x) => x.audit).join(', '), got: got.map((x) => x.audit).join(', ') }));
    return;
  }
  for (const e of expected) {
    if (!e.related) continue;
    const f = got.find((x) => x.audit === e.audit);
    if (f && JSON.stringify(f.related) !== JSON.stringify(e.related)) {
      failures.push(reason('cmd.test.related-mismatch', { label, audit: e.audit, want: e.related.join(', '), got: f.related.join(', ') }));
    }
  }
}
