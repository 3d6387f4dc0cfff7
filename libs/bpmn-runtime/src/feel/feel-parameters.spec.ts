import { feelParameterNames } from './feel-parameters.js';

describe('feelParameterNames', () => {
  it.each([
    ['= params.firstContactSlaHours * 2 > x', ['firstContactSlaHours']],
    ['date and time(now()) + duration("PT" + string(params.sla) + "H")', ['sla']],
    ['= params.limits.max', ['limits']],
    ['= list contains(params.stages, stage) and params.stages[1] = stage', ['stages']],
    ['= if params.a then params.b else params.a', ['a', 'b']],
  ])('when the expression is %s then it reads %j', (expression, names) => {
    expect(feelParameterNames(expression)).toEqual(names);
  });

  it.each([
    ['a variable that is not params', '= lead.params.x + paramsX.y'],
    ['the whole parameters object', '= get value(params, "y")'],
    ['a string that mentions params', '= "params.sla"'],
    ['text that does not parse', '= params.(('],
  ])('when it reads %s then no name is found', (_, expression) => {
    expect(feelParameterNames(expression)).toEqual([]);
  });
});
