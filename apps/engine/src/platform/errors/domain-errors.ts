// What went wrong, said in the domain's words: services, repositories and job handlers throw these,
// and know nothing of HTTP. The edge (platform/http/api-exception.filter.ts) turns each kind into
// its status and the `{error, message, details}` body; a job handler asks `instanceof NotFound`.

/** The machine-readable `error` of an API answer. */
export type ErrorCode =
  | 'bad_request'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'invalid_definition'
  | 'internal_error'
  | 'service_unavailable';

export abstract class DomainError extends Error {
  abstract readonly code: ErrorCode;

  constructor(
    message: string,
    /** What the error names: fields (`{path, message}`), elements, rules, instances. */
    readonly details: unknown[] = [],
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** Bad input: a field, a body or a value the caller must change. */
export class Invalid extends DomainError {
  readonly code = 'bad_request';

  /** Names the offending field (a path such as `variables.customer.__proto__`). */
  static field(path: string, message: string): Invalid {
    return new Invalid(`${path} ${message}`, [{ path, message }]);
  }

  /** Lists every issue a validator found, `details: [{path, message}]`. */
  static body(issues: { path: string; message: string }[]): Invalid {
    const first = issues[0];
    const message = first ? `${first.path === '' ? 'the body' : first.path} ${first.message}` : 'invalid request body';
    return new Invalid(issues.length > 1 ? `${message} (and ${issues.length - 1} more)` : message, issues);
  }
}

/** A definition (diagram, rule set, template, plan) the engine cannot run, with every problem. */
export class InvalidDefinition extends DomainError {
  readonly code = 'invalid_definition';
}

/** No caller, or a caller whose credentials do not hold. */
export class Unauthorized extends DomainError {
  readonly code = 'unauthorized';

  constructor(message = 'authentication required') {
    super(message);
  }
}

/** A known caller who may not do this. */
export class Forbidden extends DomainError {
  readonly code = 'forbidden';
}

/** What the caller names does not exist (or is not theirs to see). */
export class NotFound extends DomainError {
  readonly code = 'not_found';
}

/** The state does not allow it now: a duplicate, a concurrent change, a task already done. */
export class Conflict extends DomainError {
  readonly code = 'conflict';
}

/** Something the engine depends on does not answer; retrying later may work. */
export class Unavailable extends DomainError {
  readonly code = 'service_unavailable';
}
