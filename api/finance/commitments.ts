// Open commitments: what another domain has ordered against a unit's budget that finance has
// not posted yet. Procurement says how to find its own (finance reads no other domain's tables).

/** SQL (with `from`/`to` placeholders, ? by default) of rows (org_unit_id, account, amount) for commitments dated in [from, to) at units in `unitIdsSql`. */
export type CommitmentsSql = (unitIdsSql: string, from?: string, to?: string) => string;

let source: CommitmentsSql | undefined;

/** Procurement registers its open orders here when it loads. */
export function countCommitments(sql: CommitmentsSql) {
  source = sql;
}

export function openCommitmentsSql(unitIdsSql: string, from = '?', to = '?') {
  if (!source) throw new Error('no source of open commitments: the procurement domain is not loaded');
  return source(unitIdsSql, from, to);
}
