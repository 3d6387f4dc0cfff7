import { homePathFor, navigationFor } from './navigation';

const paths = (roles: string[]) => navigationFor(roles).flatMap((section) => section.items.map((item) => item.to));

describe('navigation by role', () => {
  it('shows an analyst the studio only', () => {
    expect(navigationFor(['analyst']).map((section) => section.id)).toEqual(['studio']);
    expect(homePathFor(['analyst'])).toBe('/studio/processes');
  });

  it('shows a seller and a manager the workspace only', () => {
    expect(navigationFor(['seller']).map((section) => section.id)).toEqual(['workspace']);
    expect(navigationFor(['manager']).map((section) => section.id)).toEqual(['workspace']);
    expect(homePathFor(['seller'])).toBe('/workspace/tasks');
  });

  it('shows an admin the studio, the workspace and users, teams and territories', () => {
    expect(navigationFor(['admin']).map((section) => section.id)).toEqual(['studio', 'workspace', 'admin']);
    expect(paths(['admin'])).toEqual(expect.arrayContaining(['/admin/users', '/admin/teams', '/admin/territories']));
  });

  it('gives a user without a known role nothing to land on', () => {
    expect(navigationFor(['guest'])).toEqual([]);
    expect(homePathFor([])).toBeUndefined();
  });
});
