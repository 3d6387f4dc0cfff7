import { appendIndex, appendKey, pointerToPath } from './issue-path.js';

describe('issue paths', () => {
  describe('given an identifier key', () => {
    it('then it is joined with a dot, without a leading dot at the root', () => {
      expect(appendKey('', 'resources')).toBe('resources');
      expect(appendKey('variables', 'customer')).toBe('variables.customer');
      expect(appendKey('variables', '__proto__')).toBe('variables.__proto__');
    });
  });

  describe('given a key that is not an identifier', () => {
    it('then it is quoted in brackets', () => {
      expect(appendKey('variables', 'first name')).toBe('variables["first name"]');
      expect(appendKey('variables', 'a.b')).toBe('variables["a.b"]');
      expect(appendKey('variables', '0')).toBe('variables["0"]');
      expect(appendKey('variables', '')).toBe('variables[""]');
      expect(appendKey('', 'say "hi"')).toBe('["say \\"hi\\""]');
    });
  });

  describe('given an array index', () => {
    it('then it is written in brackets', () => {
      expect(appendIndex('resources', 2)).toBe('resources[2]');
    });
  });

  describe('given a JSON pointer into data', () => {
    it('when a segment walks an array then it becomes an index', () => {
      const data = { resources: [{ name: 'a' }, { name: 'b' }] };
      expect(pointerToPath('/resources/1/name', data)).toBe('resources[1].name');
    });

    it('when a numeric segment walks an object then it stays a quoted key', () => {
      expect(pointerToPath('/variables/0', { variables: { 0: 'x' } })).toBe('variables["0"]');
    });

    it('when segments are escaped then they are unescaped', () => {
      expect(pointerToPath('/a~1b/c~0d', { 'a/b': { 'c~d': 1 } })).toBe('["a/b"]["c~d"]');
    });

    it('when the pointer is empty then the path is the root', () => {
      expect(pointerToPath('', {})).toBe('');
      expect(pointerToPath('', {}, 'body')).toBe('body');
      expect(pointerToPath('/name', {}, 'body')).toBe('body.name');
    });
  });
});
