import { ApiError, apiErrorFrom } from './api-error';

describe('apiErrorFrom', () => {
  it('keeps the engine’s code, message and the problems it named', async () => {
    const response = new Response(
      JSON.stringify({
        error: 'invalid_definition',
        message: 'the deployment has 2 problems',
        details: [
          { resource: 'lead.bpmn', elementId: 'qualify', path: 'stageflow:assignee', message: 'is not a FEEL expression' },
          { path: 'name', message: 'must not be empty' },
        ],
      }),
      { status: 422, headers: { 'content-type': 'application/json' } },
    );

    const error = await apiErrorFrom(response);

    expect(error).toBeInstanceOf(ApiError);
    expect([error.status, error.error, error.message]).toEqual([422, 'invalid_definition', 'the deployment has 2 problems']);
    expect(error.detailLines()).toEqual(['lead.bpmn › qualify › stageflow:assignee: is not a FEEL expression', 'name: must not be empty']);
  });

  it('keeps the status line when the body is not the engine’s error (a proxy’s page)', async () => {
    const error = await apiErrorFrom(new Response('<html>Bad gateway</html>', { status: 502, statusText: 'Bad Gateway' }));

    expect([error.status, error.error, error.message, error.details]).toEqual([502, 'http_error', '502 Bad Gateway', []]);
  });
});
