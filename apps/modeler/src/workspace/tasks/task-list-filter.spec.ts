import { DEFAULT_FILTER, dueBefore, isOverdue, stageChoices, taskListPath, withProcess } from './task-list-filter';

describe('the task list’s query', () => {
  const now = new Date(2026, 11, 7, 18, 30); // local time

  it('given the default filter, when asked, then the open tasks the user sees, soonest due first', () => {
    expect(taskListPath({ scope: 'visible', due: 'any', recordType: 'any', processKey: '', stage: '' }, 'anna', now)).toBe(
      '/tasks?state=created&sort=due&limit=100&offset=0',
    );
  });

  it('given mine, overdue, leads, a process and a stage, when asked, then assignee, dueBefore now, recordType, processKey and stage', () => {
    const query = new URLSearchParams(
      taskListPath({ scope: 'mine', due: 'overdue', recordType: 'lead', processKey: 'lead-generation', stage: 'Qualification' }, 'anna', now, 100).split(
        '?',
      )[1],
    );
    expect(query.get('assignee')).toBe('anna');
    expect(query.get('dueBefore')).toBe(now.toISOString());
    expect(query.get('recordType')).toBe('lead');
    expect(query.get('processKey')).toBe('lead-generation');
    expect(query.get('stage')).toBe('Qualification');
    expect(query.get('offset')).toBe('100');
  });

  it('given the unsorted queue, when asked, then queue=unsorted and no assignee', () => {
    const query = new URLSearchParams(taskListPath({ scope: 'unsorted', due: 'any', recordType: 'any', processKey: '', stage: '' }, 'max', now).split('?')[1]);
    expect(query.get('queue')).toBe('unsorted');
    expect(query.has('assignee')).toBe(false);
  });

  it('given today and this week, when the window ends, then at local midnight after today and after the seventh day', () => {
    expect(dueBefore('today', now)).toEqual(new Date(2026, 11, 8, 0, 0));
    expect(dueBefore('week', now)).toEqual(new Date(2026, 11, 14, 0, 0));
    expect(dueBefore('any', now)).toBeUndefined();
  });

  it('given due times before and after now, when marked, then only the past one is overdue', () => {
    expect(isOverdue(new Date(2026, 11, 7, 18, 29).toISOString(), now)).toBe(true);
    expect(isOverdue(new Date(2026, 11, 7, 18, 31).toISOString(), now)).toBe(false);
    expect(isOverdue(null, now)).toBe(false);
  });
});

describe('the stage filter’s choices', () => {
  const processes = [
    { processKey: 'opportunity', processName: 'Opportunity', stages: ['Qualification', 'Offer', 'Won'] },
    { processKey: 'lead', processName: 'Lead', stages: ['New', 'Qualification'] },
  ];

  it('given no process chosen, when the stages are offered, then every process’s stages once, sorted', () => {
    expect(stageChoices(processes, '')).toEqual(['New', 'Offer', 'Qualification', 'Won']);
  });

  it('given a process chosen, when the stages are offered, then only its stages', () => {
    expect(stageChoices(processes, 'lead')).toEqual(['New', 'Qualification']);
    expect(stageChoices(processes, 'no-such-process')).toEqual([]);
  });

  it('given a chosen stage, when another process is chosen, then the stage stays only if that process has it', () => {
    const filter = { ...DEFAULT_FILTER, stage: 'Qualification' };
    expect(withProcess(filter, 'lead', processes)).toMatchObject({ processKey: 'lead', stage: 'Qualification' });
    expect(withProcess({ ...filter, stage: 'Offer' }, 'lead', processes)).toMatchObject({ processKey: 'lead', stage: '' });
    expect(withProcess({ ...filter, stage: 'Offer' }, '', processes)).toMatchObject({ processKey: '', stage: 'Offer' });
  });
});
