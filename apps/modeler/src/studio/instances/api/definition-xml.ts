// GET /process-definitions/{id}/xml: the diagram as deployed. The answer is XML, not JSON, so it is
// read as text (a GET: no CSRF header), with the engine's JSON error body on failure.
import { ApiError, apiErrorFrom } from '../../../app/api/api-error';
import { API_BASE } from '../../../app/api/api-fetch';

export async function fetchDefinitionXml(definitionId: string): Promise<string> {
  let response: Response;
  try {
    response = await fetch(`${API_BASE}/process-definitions/${encodeURIComponent(definitionId)}/xml`, { credentials: 'same-origin' });
  } catch (cause) {
    throw new ApiError(0, 'network', cause instanceof Error ? cause.message : String(cause));
  }
  if (!response.ok) throw await apiErrorFrom(response);
  return response.text();
}
