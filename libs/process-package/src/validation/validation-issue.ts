/**
 * One reason a request body (or a part of it) is refused: the 400 `details` format.
 *
 * `path` names the offending field the way a reader writes it in JavaScript:
 * `resources[0].name`, `variables.customer.__proto__`, `variables["first name"]`.
 * The empty path `''` is the validated value itself (e.g. a body that is not an object).
 */
export interface ValidationIssue {
  path: string;
  message: string;
}
