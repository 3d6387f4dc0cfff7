import { contactPlanSchedule, contactPlanStepRunAt } from './contact-plan-schedule.js';
import type { ContactPlan } from './contact-plan.types.js';

const call = (id: string, offset: string) => ({ id, offset, action: { type: 'createTask' as const, title: id } });

describe('contactPlanSchedule', () => {
  it('given steps out of order then they come earliest first with their offsets in seconds, ties in plan order', () => {
    const plan: ContactPlan = { key: 'p', name: 'P', steps: [call('meeting', 'P1W'), call('mail', 'PT0S'), call('call', 'P2D'), call('follow-up', 'P1DT24H')] };
    expect(contactPlanSchedule(plan).map(({ step, offsetSeconds }) => [step.id, offsetSeconds])).toEqual([
      ['mail', 0],
      ['call', 2 * 86400],
      ['follow-up', 2 * 86400],
      ['meeting', 7 * 86400],
    ]);
  });

  it('given an offset that was never validated then it throws naming the plan and step', () => {
    expect(() => contactPlanSchedule({ key: 'p', name: 'P', steps: [call('x', 'P1M')] })).toThrow('contact plan p step x');
  });
});

describe('contactPlanStepRunAt', () => {
  it('given a start and the day-2 offset then the step runs two days after the start', () => {
    expect(contactPlanStepRunAt(new Date('2026-03-01T09:30:00.000Z'), 2 * 86400).toISOString()).toBe('2026-03-03T09:30:00.000Z');
  });
});
