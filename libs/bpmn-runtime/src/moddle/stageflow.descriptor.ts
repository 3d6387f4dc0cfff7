// The `stageflow` moddle extension (ARCHITECTURE §2.1.1): one JSON descriptor shared by the
// engine (bpmn-moddle) and the modeler (bpmn-js `moddleExtensions: { stageflow }`).
// Attribute values that start with `=` are FEEL expressions; anything else is a literal.

const attr = (name: string, type: 'String' | 'Boolean' = 'String') => ({ name, isAttr: true, type });

export const STAGEFLOW_NAMESPACE = 'https://stageflow.dev/schema/bpmn';

export const stageflowModdleDescriptor = {
  name: 'Stageflow',
  uri: STAGEFLOW_NAMESPACE,
  prefix: 'stageflow',
  xml: { tagAlias: 'lowerCase' },
  associations: [],
  types: [
    {
      name: 'MessageProps',
      isAbstract: true,
      extends: ['bpmn:Message'],
      properties: [attr('correlationKey')],
    },
    {
      name: 'IoMapping',
      superClass: ['Element'],
      meta: { allowedIn: ['bpmn:Activity'] },
      properties: [
        { name: 'inputParameters', type: 'Input', isMany: true },
        { name: 'outputParameters', type: 'Output', isMany: true },
      ],
    },
    { name: 'Input', superClass: ['Element'], properties: [attr('source'), attr('target')] },
    { name: 'Output', superClass: ['Element'], properties: [attr('source'), attr('target')] },
    {
      name: 'MultiInstanceProps',
      isAbstract: true,
      extends: ['bpmn:MultiInstanceLoopCharacteristics'],
      properties: [attr('collection'), attr('elementVariable'), attr('outputCollection'), attr('outputElement')],
    },
    {
      name: 'UserTaskProps',
      isAbstract: true,
      extends: ['bpmn:UserTask'],
      properties: [
        attr('assignee'),
        attr('candidateGroups'),
        attr('dueDate'),
        attr('priority'),
        attr('formKey'),
        attr('assignment'),
        attr('completedByVariable'),
      ],
    },
    {
      name: 'BusinessRuleTaskProps',
      isAbstract: true,
      extends: ['bpmn:BusinessRuleTask'],
      properties: [attr('ruleSet'), attr('resultVariable')],
    },
    {
      name: 'ActionProps',
      isAbstract: true,
      extends: ['bpmn:ServiceTask', 'bpmn:SendTask'],
      properties: [attr('action')],
    },
    {
      // Who may start the process from the API (Camunda's names): literal comma-separated lists.
      name: 'ProcessProps',
      isAbstract: true,
      extends: ['bpmn:Process'],
      properties: [attr('candidateStarterGroups'), attr('candidateStarterUsers')],
    },
    {
      name: 'FlowNodeProps',
      isAbstract: true,
      extends: ['bpmn:FlowNode'],
      properties: [attr('stage'), attr('async', 'Boolean'), attr('moves'), attr('exitCriteria')],
    },
  ],
} as const;
