import {
  JobPayload,
  checkBid,
  checkBidAgainstScenario,
  checkRoutingProblem,
  checkScenario,
  issuesToProblems,
  type Problem,
} from '@paketbygd/model';

export type PayloadCheck = { ok: true; payload: JobPayload } | { ok: false; problems: Problem[] };

const under = (prefix: string, problems: readonly Problem[]): Problem[] =>
  problems.map((p) => ({ ...p, path: p.path === '(document)' ? prefix : `${prefix}.${p.path}` }));

/** `job.data` → a payload the solvers can trust, or every problem with its path in `job.data`. */
export function checkPayload(data: unknown): PayloadCheck {
  const parsed = JobPayload.safeParse(data);
  if (!parsed.success) return { ok: false, problems: issuesToProblems(parsed.error.issues) };
  const payload = parsed.data;
  const problems: Problem[] = [];
  switch (payload.kind) {
    case 'plan':
      problems.push(...under('input', checkScenario(payload.input)));
      break;
    case 'compare':
      problems.push(...under('input.scenario', checkScenario(payload.input.scenario)));
      payload.input.bids.forEach((bid, i) =>
        problems.push(
          ...under(`input.bids[${i}]`, [
            ...checkBid(bid),
            ...checkBidAgainstScenario(bid, payload.input.scenario),
          ]),
        ),
      );
      break;
    case 'route':
      problems.push(...under('input', checkRoutingProblem(payload.input)));
      break;
    case 'place':
      problems.push(...under('input.scenario', checkScenario(payload.input.scenario)));
      break;
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, payload };
}

export function prefixProblems(prefix: string, problems: readonly Problem[]): Problem[] {
  return under(prefix, problems);
}
