import { instanceListPath } from './instance-list.query';

describe('instanceListPath', () => {
  it('given every filter and a cursor, when the path is built, then each is a query parameter', () => {
    const path = instanceListPath({ definitionKey: 'lead', version: 2, state: 'active', businessKey: 'lead:1&x', hasIncident: false }, 'abc');

    expect(path).toBe(
      '/process-instances?definitionKey=lead&version=2&state=active&businessKey=lead%3A1%26x&hasIncident=false&limit=25&count=false&cursor=abc',
    );
  });

  it('given a version without a process, when the path is built, then the version is left out (the engine needs both)', () => {
    expect(instanceListPath({ version: 2 }, undefined)).toBe('/process-instances?limit=25&count=false');
  });
});
