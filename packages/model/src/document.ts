import { parse as parseTolerant, printParseErrorCode, type ParseError } from 'jsonc-parser';
import type { z } from 'zod';
import { Bid, checkBid } from './bid';
import { Comparison, ScoringDocument } from './comparison';
import { parseJson } from './json';
import { Plan } from './plan';
import { capProblems, collectKeys, issuesToProblems, ValidationError, type Problem } from './problems';
import { checkRoutingProblem } from './routing-checks';
import { RoutingProblem } from './routing-problem';
import { RoutingSolution } from './routing-solution';
import { Scenario } from './scenario';
import { checkScenario } from './scenario-checks';

/** Largest document accepted, in bytes. A 1000-stop request with two full matrices is about 15 MB. */
export const MAX_DOCUMENT_BYTES = 32 * 1024 * 1024;

export const DOCUMENT_KINDS = [
  'scenario',
  'bid',
  'comparison',
  'scoring',
  'plan',
  'routing-problem',
  'routing-solution',
] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export interface DocumentTypes {
  scenario: Scenario;
  bid: Bid;
  comparison: Comparison;
  scoring: ScoringDocument;
  plan: Plan;
  'routing-problem': RoutingProblem;
  'routing-solution': RoutingSolution;
}

const SCHEMAS: { [K in DocumentKind]: z.ZodType<DocumentTypes[K]> } = {
  scenario: Scenario,
  bid: Bid,
  comparison: Comparison,
  scoring: ScoringDocument,
  plan: Plan,
  'routing-problem': RoutingProblem as z.ZodType<RoutingProblem>,
  'routing-solution': RoutingSolution as z.ZodType<RoutingSolution>,
};

const vocabulary = new Set<string>();
for (const schema of Object.values(SCHEMAS)) collectKeys(schema as z.ZodType, vocabulary);

function crossChecks<K extends DocumentKind>(kind: K, value: DocumentTypes[K]): Problem[] {
  switch (kind) {
    case 'scenario':
      return checkScenario(value as Scenario);
    case 'routing-problem':
      return checkRoutingProblem(value as RoutingProblem);
    case 'bid':
      return checkBid(value as Bid);
    case 'comparison': {
      const c = value as Comparison;
      return [
        ...checkScenario(c.scenario).map((p) => ({ ...p, path: `scenario.${p.path}` })),
        ...c.bids.flatMap((bid, i) =>
          [...checkBid(bid), ...checkBidAgainstScenario(bid, c.scenario)].map((p) => ({
            ...p,
            path: `bids[${i}].${p.path}`,
          })),
        ),
      ];
    }
    default:
      return [];
  }
}

/** A bid is evaluated on a scenario: its sites and carriers must exist there, in the same currency. */
export function checkBidAgainstScenario(bid: Bid, scenario: Scenario): Problem[] {
  const problems: Problem[] = [];
  const sites = new Set(scenario.candidateSites.map((s) => s.id));
  const routes = new Set(scenario.transportRoutes.map((r) => r.id));
  if (bid.currency !== scenario.currency) {
    problems.push({
      path: 'currency',
      message: `is ${bid.currency}; the scenario counts in ${scenario.currency}`,
    });
  }
  bid.sites.forEach((s, i) => {
    if (!sites.has(s.siteId) && s.location === undefined) {
      problems.push({
        path: `sites[${i}].siteId`,
        message: `"${s.siteId}" is not a candidate site of scenario "${scenario.name}"; give its "location" and "host" for a site of the bidder's own`,
      });
    }
  });
  bid.carriersUsed.forEach((id, i) => {
    if (!routes.has(id)) {
      problems.push({
        path: `carriersUsed[${i}]`,
        message: `scenario "${scenario.name}" has no transport route "${id}"`,
      });
    }
  });
  return problems;
}

export type ValidationResult<K extends DocumentKind = DocumentKind> =
  | { ok: true; kind: K; value: DocumentTypes[K]; problems: [] }
  | { ok: false; kind: K | undefined; problems: Problem[] };

/** Which kind of document this is: `kind` when given, else the shape of a VROOM request or answer. */
export function detectKind(doc: unknown): DocumentKind | Problem {
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) {
    return { path: '(document)', message: 'a document is a JSON object' };
  }
  const record = doc as Record<string, unknown>;
  if ('kind' in record) {
    const kind = record.kind;
    const own = ['scenario', 'bid', 'comparison', 'scoring', 'plan'];
    if (typeof kind === 'string' && own.includes(kind)) return kind as DocumentKind;
    return {
      path: 'kind',
      message: `unknown document kind ${JSON.stringify(kind)}; one of ${own.join(', ')}`,
    };
  }
  if ('vehicles' in record && ('jobs' in record || 'shipments' in record)) return 'routing-problem';
  if ('code' in record && 'routes' in record) return 'routing-solution';
  if ('demand' in record) return 'scenario';
  return {
    path: '(document)',
    message:
      'cannot tell what this document is: add "kind" ("scenario", "bid", "comparison", "scoring" or "plan"), or send a VROOM routing request with "vehicles" and "jobs"',
  };
}

/** Validates a parsed document of a known kind: schema first, then the checks across the document. */
export function validate<K extends DocumentKind>(kind: K, doc: unknown): ValidationResult<K> {
  const parsed = SCHEMAS[kind].safeParse(doc);
  if (!parsed.success)
    return { ok: false, kind, problems: issuesToProblems(parsed.error.issues, vocabulary) };
  const problems = crossChecks(kind, parsed.data);
  if (problems.length > 0) return { ok: false, kind, problems: capProblems(problems) };
  return { ok: true, kind, value: parsed.data, problems: [] };
}

/** Validates a parsed document whose kind is detected from its content. */
export function validateDocument(doc: unknown, expected?: DocumentKind): ValidationResult {
  const detected = expected ?? detectKind(doc);
  if (typeof detected !== 'string') return { ok: false, kind: undefined, problems: [detected] };
  return validate(detected, doc);
}

function lineAndColumn(text: string, position: number): string {
  const before = text.slice(0, position);
  const line = before.split('\n').length;
  const column = position - before.lastIndexOf('\n');
  return `line ${line}, column ${column}`;
}

/** JSON text → value, with the size limit and a syntax error that says where. */
export function parseJsonText(
  text: string,
  byteLength = Buffer.byteLength(text),
): { value: unknown } | Problem {
  if (byteLength > MAX_DOCUMENT_BYTES) {
    return {
      path: '(document)',
      message: `is ${(byteLength / 1024 / 1024).toFixed(1)} MB; documents are at most ${MAX_DOCUMENT_BYTES / 1024 / 1024} MB`,
    };
  }
  if (text.trim() === '')
    return { path: '(document)', message: 'the document is empty; expected a JSON object' };
  try {
    return { value: parseJson(text) };
  } catch (error) {
    // V8's message has no position for some errors; a scanner that reports offsets finds the first one.
    const errors: ParseError[] = [];
    parseTolerant(text, errors, { disallowComments: true, allowTrailingComma: false });
    const first = errors[0];
    if (!first) return { path: '(document)', message: `is not valid JSON: ${(error as Error).message}` };
    const what = JSON_ERROR_TEXT[printParseErrorCode(first.error)] ?? printParseErrorCode(first.error);
    return {
      path: '(document)',
      message: `is not valid JSON at ${lineAndColumn(text, first.offset)}: ${what}`,
    };
  }
}

const JSON_ERROR_TEXT: Record<string, string> = {
  InvalidSymbol: 'unexpected text (strings need double quotes)',
  InvalidNumberFormat: 'a number is written wrongly',
  PropertyNameExpected: 'a property name in double quotes is expected (no trailing commas in JSON)',
  ValueExpected: 'a value is expected',
  ColonExpected: 'a colon is expected after the property name',
  CommaExpected: 'a comma is expected',
  CloseBraceExpected: 'a closing } is expected',
  CloseBracketExpected: 'a closing ] is expected',
  EndOfFileExpected: 'the document should end here',
  InvalidCommentToken: 'JSON has no comments',
  UnexpectedEndOfComment: 'JSON has no comments',
  UnexpectedEndOfString: 'a string is not closed',
  UnexpectedEndOfNumber: 'a number is cut off',
  InvalidUnicode: 'invalid \\u escape',
  InvalidEscapeCharacter: 'invalid escape in a string',
  InvalidCharacter: 'a control character inside a string',
};

/** Parses and validates JSON text; throws a ValidationError that lists every problem. */
export function parseOrThrow<K extends DocumentKind>(
  kind: K,
  text: string,
  what = kind as string,
): DocumentTypes[K] {
  const json = parseJsonText(text);
  if (!('value' in json)) throw new ValidationError(what, [json]);
  const result = validate(kind, json.value);
  if (!result.ok) throw new ValidationError(what, result.problems);
  return result.value;
}
