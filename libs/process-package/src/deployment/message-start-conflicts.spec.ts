import type { MessageStart } from './message-start-conflicts.js';
import { conflictsWithDeployed, conflictsWithinDeployment } from './message-start-conflicts.js';

const start = (processKey: string, messageName: string, resource = `${processKey}.bpmn`, elementId = 'onMessage'): MessageStart => ({
  resource,
  processKey,
  elementId,
  messageName,
});

describe('message start conflicts', () => {
  it('given two keys of one deployment start on one message, then the second is refused naming the first', () => {
    const problems = conflictsWithinDeployment([start('web', 'form'), start('partner', 'form', 'partner.bpmn', 'partnerForm')]);

    expect(problems).toEqual([
      {
        resource: 'partner.bpmn',
        elementId: 'partnerForm',
        message:
          'message start event for message "form": process "web" (in web.bpmn, element "onMessage") already starts on that message; a message name can start only one process',
      },
    ]);
  });

  it('given different messages, or two starts of one key, then nothing is refused', () => {
    expect(conflictsWithinDeployment([start('web', 'form'), start('partner', 'referral')])).toEqual([]);
    expect(conflictsWithinDeployment([start('web', 'form'), start('web', 'form', 'web.bpmn', 'second')])).toEqual([]);
  });

  it('given a deployed key starting on the message, then the start of the deployment is refused naming that key and element', () => {
    const problems = conflictsWithDeployed(
      [start('partner', 'form'), start('partner', 'referral', 'partner.bpmn', 'onReferral')],
      [{ name: 'referral', definition_key: 'web', element_id: 'webReferral' }],
    );

    expect(problems).toEqual([
      { resource: 'partner.bpmn', elementId: 'onReferral', message: expect.stringContaining('process "web" (deployed, element "webReferral")') },
    ]);
  });
});
