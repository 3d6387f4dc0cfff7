import { ApiError } from '../../app/api';
import { refusalReasons } from './move-refusal';

describe('the reasons of a refused move', () => {
  it('reads the exit criteria’s refusals with the field or task that fixes each', () => {
    const error = new ApiError(409, 'conflict', 'the move from Offer to Lost is refused: …', [
      {
        ruleId: 'lost-reason',
        reason: 'A lost reason is required',
        hint: 'Pick the lost reason on the deal card',
        field: 'lostReason',
        ruleSet: 'x',
        elementId: 'offer',
      },
      { ruleId: 'offer-not-prepared', reason: 'The offer is not prepared', hint: 'Complete "Prepare the offer" first', task: 'prepareOffer' },
      { ruleId: 'other', reason: 'Ask your manager' },
    ]);
    expect(refusalReasons(error)).toEqual([
      { reason: 'A lost reason is required', hint: 'Pick the lost reason on the deal card', fix: { kind: 'field', field: 'lostReason' } },
      { reason: 'The offer is not prepared', hint: 'Complete "Prepare the offer" first', fix: { kind: 'task', task: 'prepareOffer' } },
      { reason: 'Ask your manager', hint: null, fix: { kind: 'none' } },
    ]);
  });

  it('offers the stages the process accepts where it stands, and falls back to the message', () => {
    const notAccepted = new ApiError(409, 'conflict', 'the process at Qualification does not accept a move to Won (it accepts: Offer, Lost)', [
      { processInstanceId: 'p', elementId: 'qualify', stage: 'Qualification', accepts: ['Offer', 'Lost'] },
    ]);
    expect(refusalReasons(notAccepted)).toEqual([
      { reason: notAccepted.message, hint: null, fix: { kind: 'stages', stage: 'Qualification', accepts: ['Offer', 'Lost'] } },
    ]);
    const noProcess = new ApiError(409, 'conflict', 'opportunity:x has no running process', [{ businessKey: 'opportunity:x' }]);
    expect(refusalReasons(noProcess)).toEqual([{ reason: noProcess.message, hint: null, fix: { kind: 'none' } }]);
    expect(refusalReasons(new Error('offline'))).toEqual([{ reason: 'offline', hint: null, fix: { kind: 'none' } }]);
  });
});
