// The body of every error answer (4xx, 5xx).
import { anyObject, array, described, named, string } from '../schemas/json-schema.js';

/** `{error, message, details}`: a stable code, a sentence, and the problems one by one. */
export interface ApiErrorBody {
  /** A stable code: bad_request, unauthorized, forbidden, not_found, conflict, payload_too_large, invalid_definition, ... */
  error: string;
  message: string;
  /** For 400: [{path, message}]; for 422 of a deployment: [{resource, elementId, path, message}]. */
  details: Record<string, unknown>[];
}

export const apiErrorSchema = named<ApiErrorBody>('error', {
  error: described(string, 'A stable code: bad_request, unauthorized, forbidden, not_found, conflict, payload_too_large, invalid_definition, ...'),
  message: string,
  details: array(anyObject, {
    description:
      'For 400: [{path, message}]; for 422 of a deployment: [{resource, elementId, path, message}] (elementId: the BPMN element or the rule id; path: where in a rule set).',
  }),
});
