/**
 * Why an import was refused, as plain data that crosses the worker boundary and that the
 * page turns into words (`problem.<code>` in the dictionaries, with `params` filled in).
 */
export const PROBLEM_CODES = [
  'notUtf8',
  'notJson',
  'truncated',
  'notBackup',
  'futureVersion',
  'invalidRecord',
  'duplicateId',
  'missingClient',
  'forbiddenKey',
  'unknownTable',
  'settingsCount',
  'modelCount',
  'countMismatch',
  'needsPassphrase',
  'wrongPassphrase',
  'tampered',
  'emptyCsv',
  'oneColumn',
  'unmappedField',
  'expired',
  'changedMeanwhile',
  'unclosedQuote',
  'notUtf8Json',
  'damaged',
  'ambiguousClient',
] as const;
export type ProblemCode = (typeof PROBLEM_CODES)[number];

export interface ImportProblem {
  code: ProblemCode;
  params: Record<string, string | number>;
}

/** Thrown inside the import code; caught at its edge and returned as `problem`. */
export class ImportFailure extends Error {
  override name = 'ImportFailure';
  constructor(readonly problem: ImportProblem) {
    super(`${problem.code} ${JSON.stringify(problem.params)}`);
  }
}

export function fail(code: ProblemCode, params: ImportProblem['params'] = {}): never {
  throw new ImportFailure({ code, params });
}

/** What an import step returns: its value, or why it was refused. */
export type Outcome<T> = ({ ok: true } & T) | { ok: false; problem: ImportProblem };
