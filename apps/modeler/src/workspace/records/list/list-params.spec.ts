import { choiceFilters, listQueryOf, sortOptions } from './list-params';

describe('list params', () => {
  it('offers the enum and catalog filters of a type and its sortable fields both ways', () => {
    expect(choiceFilters('lead').map((field) => field.name)).toEqual(['channel', 'requestType', 'classification', 'status']);
    expect(sortOptions('lead').map((option) => option.value)).toEqual([
      '-createdAt',
      'createdAt',
      '-updatedAt',
      'updatedAt',
      '-title',
      'title',
      '-status',
      'status',
    ]);
  });

  it('sends the known parameters of the address, mine as the owner, and drops the rest', () => {
    const search = new URLSearchParams('q=%20acme%20&status=new&classification=&mine=1&sort=-title&ownerId=someone-else&sort2=x');
    expect(listQueryOf('lead', search, 'me-id').toString()).toBe('q=acme&status=new&ownerId=me-id&sort=-title');
  });

  it('ignores a sort the type does not have', () => {
    expect(listQueryOf('lead', new URLSearchParams('sort=-value'), 'me').toString()).toBe('');
  });
});
