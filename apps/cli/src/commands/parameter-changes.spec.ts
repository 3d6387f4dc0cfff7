import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CliFailure } from '../cli-failure.js';
import { temporaryFolder } from '../../test/support/run-cli.js';
import { parameterChanges, parseAssignment } from './parameter-changes.js';

describe('parameter changes of params set', () => {
  it('given key=value words, when parsed, then values that parse as JSON are JSON and the others text', () => {
    expect(parseAssignment('firstContactSlaHours=48')).toEqual(['firstContactSlaHours', 48]);
    expect(parseAssignment('live=true')).toEqual(['live', true]);
    expect(parseAssignment('stages=["New","Won"]')).toEqual(['stages', ['New', 'Won']]);
    expect(parseAssignment('greeting=Hello, world')).toEqual(['greeting', 'Hello, world']);
    expect(parseAssignment('formula=a=b')).toEqual(['formula', 'a=b']);
    expect(parseAssignment('quoted="42"')).toEqual(['quoted', '42']);
    expect(parseAssignment('empty=')).toEqual(['empty', '']);
  });

  it('given a word without a key or an equals sign, when parsed, then it is a usage error naming the word', () => {
    for (const word of ['=48', 'sla']) {
      const thrown = (() => {
        try {
          parseAssignment(word);
        } catch (error) {
          return error;
        }
      })();
      expect(thrown).toBeInstanceOf(CliFailure);
      expect(thrown).toMatchObject({ exitCode: 2, message: `not key=value: ${word}` });
    }
  });

  it('given a file and words, when combined, then the words override the file', async () => {
    const folder = await temporaryFolder();
    try {
      await writeFile(join(folder.path, 'params.json'), JSON.stringify({ sla: 24, team: 'north' }));

      const changes = await parameterChanges(['sla=48'], 'params.json', folder.path);

      expect(changes).toEqual({ sla: 48, team: 'north' });
    } finally {
      await folder.remove();
    }
  });

  it('given nothing to set, a missing file, or a file that is not one JSON object, then each is a usage error', async () => {
    const folder = await temporaryFolder();
    try {
      await writeFile(join(folder.path, 'list.json'), '[1, 2]');
      await writeFile(join(folder.path, 'broken.json'), '{"sla": ');

      await expect(parameterChanges([], undefined, folder.path)).rejects.toMatchObject({
        exitCode: 2,
        message: 'nothing to set: give key=value words or --file <json>',
      });
      await expect(parameterChanges([], 'missing.json', folder.path)).rejects.toMatchObject({ exitCode: 2, message: '--file: cannot read missing.json' });
      await expect(parameterChanges([], 'list.json', folder.path)).rejects.toMatchObject({
        exitCode: 2,
        message: '--file: list.json must hold one JSON object of parameter values',
      });
      await expect(parameterChanges([], 'broken.json', folder.path)).rejects.toMatchObject({ exitCode: 2 });
    } finally {
      await folder.remove();
    }
  });
});
