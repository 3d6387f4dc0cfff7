import { safeNextPath } from './safe-next-path';

describe('safeNextPath', () => {
  it('keeps a path of the app with its query', () => {
    expect(safeNextPath('/studio/processes?key=lead')).toBe('/studio/processes?key=lead');
  });

  it.each([null, 'https://evil.example/', '//evil.example/x', '/\\evil.example', 'studio', '/sign-in', '/sign-in?next=/x'])(
    'sends %p to the start page',
    (next) => {
      expect(safeNextPath(next)).toBe('/');
    },
  );
});
