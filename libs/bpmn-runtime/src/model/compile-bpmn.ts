// compileBpmn: BPMN 2.0 XML -> executable process graphs, or every reason to refuse it.
//
// bpmn-moddle is lenient: it drops what it cannot read and reports it as a warning. What it
// dropped refuses the deployment when it would change what runs (model/moddle-warnings.ts);
// diagram shapes, label styles, misplaced documentation and other tools' extensions become
// warnings, returned beside the graphs. So does anything we would not execute exactly: refused;
// an element no token can reach: a warning (it never runs).
// Processes marked isExecutable="false" (e.g. a partner's pool in a collaboration) are
// documentation: they are skipped, neither validated nor deployed (a warning says so). At least
// one executable process must remain.
import { BpmnModdle, type ModdleElement, type ModdleWarning } from 'bpmn-moddle';
import type { CompileResult, DefinitionProblem } from '../contract/definition.js';
import { isFeelExpression, parseFeel } from '../feel/feel-expression.js';
import { stageflowModdleDescriptor } from '../moddle/stageflow.descriptor.js';
import {
  GRAPH_FORMAT,
  type CandidateStarters,
  type CompiledProcess,
  type GraphFlow,
  type GraphNode,
  type NodeKind,
  type UserTaskAttributes,
  type VariableMapping,
} from './process-graph.js';
import { checkCalledElement } from './compile-call-activity.js';
import { checkEventSubProcessScope } from './compile-event-subprocess.js';
import { compileMultiInstance } from './compile-multi-instance.js';
import { checkBusinessRuleTask } from './compile-business-rule-task.js';
import { checkUserTaskAssignment } from './compile-user-task-assignment.js';
import { checkCompletedByVariable } from './compile-user-task-completer.js';
import { USER_TASK_ATTRIBUTES, userTaskAttributeProblem } from './check-user-task-attribute.js';
import { checkActionKey } from './compile-service-task.js';
import { checkStageMoves, unknownStageMoves } from './compile-stage-moves.js';
import { INERT_FLOW_ELEMENTS } from './unsupported-elements.js';
import { linkEvents, type EventNodeInfo } from './compile-events.js';
import { classifyFlowNode, type FlowNodeContext } from './classify-flow-node.js';
import { sortModdleWarning } from './moddle-warnings.js';
import { foreignExtensionsWarning } from './foreign-extensions.js';

let sharedModdle: BpmnModdle | undefined;
function moddle(): BpmnModdle {
  sharedModdle ??= new BpmnModdle({ stageflow: stageflowModdleDescriptor });
  return sharedModdle;
}

const ACTIVITY_KINDS: ReadonlySet<NodeKind> = new Set<NodeKind>([
  'userTask',
  'manualTask',
  'businessRuleTask',
  'serviceTask',
  'subProcess',
  'receiveTask',
  'sendTask',
  'callActivity',
]);
const END_KINDS: ReadonlySet<NodeKind> = new Set<NodeKind>(['noneEndEvent', 'terminateEndEvent', 'eventEndEvent', 'errorEndEvent']);
const START_KINDS: ReadonlySet<NodeKind> = new Set<NodeKind>(['noneStartEvent', 'eventStartEvent', 'eventSubProcessStart']);
const GATEWAY_KINDS: ReadonlySet<NodeKind> = new Set<NodeKind>(['exclusiveGateway', 'parallelGateway', 'inclusiveGateway']);
const CONDITIONAL_KINDS: ReadonlySet<NodeKind> = new Set<NodeKind>(['exclusiveGateway', 'inclusiveGateway']);

export async function compileBpmn(xml: string): Promise<CompileResult> {
  if (typeof xml !== 'string' || xml.trim() === '') {
    return { ok: false, problems: [{ message: 'The document is empty: expected BPMN 2.0 XML' }], warnings: [] };
  }
  let parsed;
  try {
    parsed = await moddle().fromXML(xml, 'bpmn:Definitions');
  } catch (error) {
    const text = error instanceof Error ? error.message : String(error);
    const reason = /failed to parse document as <bpmn:Definitions>/.test(text)
      ? 'The document is not BPMN 2.0 XML: its root must be <bpmn:definitions> in the namespace http://www.omg.org/spec/BPMN/20100524/MODEL'
      : `Malformed XML: ${oneLine(text)}`;
    return { ok: false, problems: [{ message: reason }], warnings: [] };
  }
  try {
    return compileDefinitions(parsed.rootElement, parsed.warnings);
  } catch (error) {
    // Defensive: a moddle tree shape we did not foresee must refuse, never crash the caller.
    return {
      ok: false,
      problems: [{ message: `The diagram cannot be compiled: ${error instanceof Error ? error.message : String(error)}` }],
      warnings: [],
    };
  }
}

function compileDefinitions(definitions: ModdleElement, moddleWarnings: readonly ModdleWarning[]): CompileResult {
  const problems: DefinitionProblem[] = [];
  const warnings: DefinitionProblem[] = [];
  for (const finding of moddleWarnings.map(sortModdleWarning)) (finding.severity === 'error' ? problems : warnings).push(finding.problem);
  if (definitions.$type !== 'bpmn:Definitions') {
    return { ok: false, problems: [{ message: 'The document is not BPMN 2.0 XML: its root must be <bpmn:definitions>' }], warnings };
  }
  const processes: CompiledProcess[] = [];
  let processCount = 0;
  for (const root of list(definitions, 'rootElements')) {
    if (root.$type === 'bpmn:Message') {
      checkFeelAttribute(root, 'correlationKey', problems);
      continue;
    }
    if (root.$type !== 'bpmn:Process') continue;
    processCount++;
    if (root.isExecutable === false) {
      warnings.push(withId(root.id, `Process '${root.id ?? '?'}' is not executable (isExecutable="false"): kept as documentation, not deployed`));
      continue;
    }
    const graph = new ProcessCompiler(root, problems, warnings).compile();
    if (graph) processes.push(graph);
  }
  if (processCount === 0) problems.push({ message: 'The diagram contains no process' });
  else if (processes.length === 0 && problems.length === 0) {
    problems.push({ message: 'The diagram has no executable process (mark one isExecutable="true")' });
  }
  const seen = new Set<string>();
  for (const graph of processes) {
    if (seen.has(graph.id)) problems.push({ elementId: graph.id, message: `Process id '${graph.id}' is used twice` });
    seen.add(graph.id);
  }
  return problems.length > 0 ? { ok: false, problems, warnings } : { ok: true, processes, warnings };
}

function withId(elementId: string | undefined, message: string): DefinitionProblem {
  return elementId ? { elementId, message } : { message };
}

function oneLine(text: string): string {
  return text
    .split('\n')
    .map((part) => part.trim())
    .filter(Boolean)
    .join(' ');
}

/** "north, managers" -> ["north", "managers"]: trimmed, empty entries dropped. */
function nameList(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name.length > 0);
}

function list(element: ModdleElement, property: string): ModdleElement[] {
  const value = element[property];
  return Array.isArray(value) ? (value as ModdleElement[]) : [];
}

function text(element: ModdleElement, property: string): string | undefined {
  const value = element[property];
  return typeof value === 'string' ? value : undefined;
}

function ref(element: ModdleElement, property: string): ModdleElement | undefined {
  const value = element[property];
  return typeof value === 'object' && value !== null ? (value as ModdleElement) : undefined;
}

function checkFeelAttribute(element: ModdleElement, property: string, problems: DefinitionProblem[]): void {
  const value = text(element, property);
  if (value === undefined || !isFeelExpression(value)) return;
  const parsed = parseFeel(value);
  if (!parsed.ok) problems.push(withId(element.id, `stageflow:${property}: invalid FEEL '${value}': ${parsed.message}`));
}

interface PendingFlow {
  element: ModdleElement;
  scope: string;
}

class ProcessCompiler {
  private readonly nodes: Record<string, GraphNode> = {};
  private readonly flows: Record<string, GraphFlow> = {};
  private readonly scopes: CompiledProcess['scopes'] = {};
  private readonly pendingFlows: PendingFlow[] = [];
  private readonly outgoingOrder = new Map<string, string[]>();
  private readonly defaults = new Map<string, ModdleElement>();
  private readonly problemCount: number;
  /** Refused flow nodes (id -> scope) and the flows touching them, for structural checks only. */
  private readonly refused = new Map<string, string>();
  private readonly placeholderEdges: { source: string; target: string }[] = [];
  /** Sources of flows refused for their target: their one problem is the flow, not a missing outgoing flow. */
  private readonly brokenFlowSources = new Set<string>();
  /** Flows left out of the graph because an end of theirs is refused or missing (already a problem). */
  private readonly unconnectedFlows = new Set<string>();
  /** Event elements' compiled triggers and attachments (src/model/compile-events.ts). */
  private readonly eventInfo = new Map<string, EventNodeInfo>();
  /** Refused boundary events: roots for the reachability check, so their successors get no follow-up problem. */
  private readonly refusedBoundaries: { id: string; scope: string }[] = [];

  constructor(
    private readonly process: ModdleElement,
    private readonly problems: DefinitionProblem[],
    private readonly warnings: DefinitionProblem[],
  ) {
    this.problemCount = problems.length;
  }

  compile(): CompiledProcess | undefined {
    const id = this.process.id;
    if (!id) {
      this.problem(undefined, 'A process has no id');
      return undefined;
    }
    this.checkCandidateStarters();
    this.warnForeignExtensions(this.process);
    this.walkScope(this.process, id, undefined);
    this.connectFlows();
    linkEvents(this.nodes, this.flows, ACTIVITY_KINDS, this.refused, (elementId, message) => this.problem(elementId, message));
    this.checkScopes();
    this.computeInclusiveUpstream();
    for (const { elementId, message } of unknownStageMoves(this.nodes)) this.problem(elementId, message);
    if (this.problems.length > this.problemCount) return undefined;
    const graph: CompiledProcess = { format: GRAPH_FORMAT, id, nodes: this.nodes, flows: this.flows, scopes: this.scopes };
    const name = text(this.process, 'name');
    if (name) graph.name = name;
    const starters = this.candidateStarters();
    if (starters) graph.candidateStarters = starters;
    return graph;
  }

  /** The declared starters, literal lists only (refused with FEEL by checkCandidateStarters). */
  private candidateStarters(): CandidateStarters | undefined {
    const groups = text(this.process, 'candidateStarterGroups');
    const users = text(this.process, 'candidateStarterUsers');
    if (groups === undefined && users === undefined) return undefined;
    return { groups: nameList(groups), users: nameList(users) };
  }

  private checkCandidateStarters(): void {
    for (const property of ['candidateStarterGroups', 'candidateStarterUsers']) {
      const value = text(this.process, property);
      if (value !== undefined && isFeelExpression(value)) {
        this.problem(this.process.id, `stageflow:${property} is a literal comma-separated list of names; FEEL is not supported here`);
      }
    }
  }

  private problem(elementId: string | undefined, message: string): void {
    this.problems.push(withId(elementId, message));
  }

  private warnForeignExtensions(element: ModdleElement): void {
    const message = foreignExtensionsWarning(element);
    if (message !== undefined) this.warnings.push(withId(element.id, message));
  }

  private walkScope(container: ModdleElement, scopeId: string, parent: string | undefined, triggeredByEvent = false): void {
    this.scopes[scopeId] = parent === undefined ? { id: scopeId, start: '' } : { id: scopeId, parent, start: '' };
    if (triggeredByEvent) this.scopes[scopeId]!.triggeredByEvent = true;
    for (const element of list(container, 'flowElements')) {
      const type = element.$type;
      if (INERT_FLOW_ELEMENTS.has(type)) continue;
      if (!element.id) {
        this.problem(undefined, `A ${type} in '${scopeId}' has no id`);
        continue;
      }
      this.warnForeignExtensions(element);
      if (type === 'bpmn:SequenceFlow') {
        this.pendingFlows.push({ element, scope: scopeId });
        continue;
      }
      const kind = this.classify(element, { inSubProcess: parent !== undefined, inEventSubProcess: triggeredByEvent });
      if (kind === undefined) {
        // Refused: kept as a placeholder so that its neighbours get no follow-up problems.
        this.refused.set(element.id, scopeId);
        if (type === 'bpmn:BoundaryEvent') this.refusedBoundaries.push({ id: element.id, scope: scopeId });
        continue;
      }
      const node = this.buildNode(element, kind, scopeId);
      const info = this.eventInfo.get(node.id);
      if (info) {
        if (info.event) node.event = info.event;
        if (info.attachedTo !== undefined) node.attachedTo = info.attachedTo;
        if (info.interrupting !== undefined) node.interrupting = info.interrupting;
      }
      this.nodes[node.id] = node;
      if (kind === 'subProcess') this.walkScope(element, element.id, scopeId);
      if (kind === 'eventSubProcess') {
        (this.scopes[scopeId]!.eventSubProcesses ??= []).push(element.id);
        this.walkScope(element, element.id, scopeId, true);
      }
    }
  }

  /** The behavior kind of a flow node, or undefined (with a problem) when it is refused. */
  private classify(element: ModdleElement, context: FlowNodeContext): NodeKind | undefined {
    const info = classifyFlowNode(element, context, (message) => this.refuse(element.id, message));
    if (info) this.eventInfo.set(element.id!, info);
    return info?.kind;
  }

  private refuse(elementId: string | undefined, message: string): undefined {
    this.problem(elementId, message);
    return undefined;
  }

  private buildNode(element: ModdleElement, kind: NodeKind, scope: string): GraphNode {
    const id = element.id!;
    const node: GraphNode = { id, type: element.$type, kind, scope, incoming: [], outgoing: [] };
    // How problems name the element: its BPMN type, but an event subprocess is no plain bpmn:SubProcess.
    const label = kind === 'eventSubProcess' ? 'an event subprocess' : element.$type;
    const name = text(element, 'name');
    if (name) node.name = name;
    const stage = text(element, 'stage');
    if (stage) node.stage = stage;
    if (element.async === true) {
      if (ACTIVITY_KINDS.has(kind)) node.async = true;
      else this.problem(id, `stageflow:async is only supported on activities (tasks, subprocesses, call activities), not on ${label}`);
    }
    this.outgoingOrder.set(
      id,
      list(element, 'outgoing').map((flow) => flow.id ?? ''),
    );
    const defaultFlow = ref(element, 'default');
    if (defaultFlow) this.defaults.set(id, defaultFlow);

    const extensions = ref(element, 'extensionElements');
    const mappings = extensions ? list(extensions, 'values').filter((value) => value.$type === 'stageflow:IoMapping') : [];
    if (mappings.length > 1) this.problem(id, 'only one stageflow:ioMapping is allowed per element');
    const mapping = mappings[0];
    if (mapping) {
      if (!ACTIVITY_KINDS.has(kind)) {
        this.problem(id, `stageflow:ioMapping is only supported on activities, not on ${label}`);
      } else {
        const inputs = this.mappings(id, list(mapping, 'inputParameters'), 'input');
        const outputs = this.mappings(id, list(mapping, 'outputParameters'), 'output');
        if (inputs.length > 0) node.inputs = inputs;
        if (outputs.length > 0) node.outputs = outputs;
      }
    }
    const loop = ref(element, 'loopCharacteristics');
    if (loop) {
      const compiled = compileMultiInstance(loop, label, kind);
      if (compiled.ok) node.multiInstance = compiled.spec;
      else for (const message of compiled.problems) this.problem(id, message);
    }
    if (kind === 'businessRuleTask') {
      const businessRule = checkBusinessRuleTask(element);
      if (businessRule.ok) node.businessRule = businessRule.spec;
      else this.problem(id, businessRule.message);
    }
    if (kind === 'serviceTask') {
      const action = checkActionKey(element);
      if (action.ok) node.action = action.key;
      else this.problem(id, action.message);
    }
    if (kind === 'callActivity') {
      const calledElement = checkCalledElement(element);
      if (calledElement.ok) node.calledElement = calledElement.key;
      else this.problem(id, calledElement.message);
    }
    if (kind === 'userTask') {
      const attributes: UserTaskAttributes = {};
      for (const property of USER_TASK_ATTRIBUTES) {
        const value = text(element, property);
        if (value === undefined || value.trim() === '') continue;
        attributes[property] = value;
        const problem = userTaskAttributeProblem(property, value);
        if (problem) this.problem(id, problem);
      }
      const assignment = checkUserTaskAssignment(element);
      if (!assignment.ok) this.problem(id, assignment.message);
      else if (assignment.key !== undefined) attributes.assignment = assignment.key;
      const completer = checkCompletedByVariable(element);
      if (!completer.ok) this.problem(id, completer.message);
      else if (completer.name !== undefined) attributes.completedByVariable = completer.name;
      if (Object.keys(attributes).length > 0) node.userTask = attributes;
    }
    const stageMoves = checkStageMoves(element, node, label);
    if (!stageMoves.ok) for (const message of stageMoves.problems) this.problem(id, message);
    else if (stageMoves.spec) node.stageMoves = stageMoves.spec;
    return node;
  }

  private mappings(elementId: string, parameters: ModdleElement[], direction: 'input' | 'output'): VariableMapping[] {
    const result: VariableMapping[] = [];
    for (const parameter of parameters) {
      const source = text(parameter, 'source');
      const target = text(parameter, 'target')?.trim();
      if (!target) {
        this.problem(elementId, `stageflow:${direction} needs a target variable name`);
        continue;
      }
      if (source === undefined || source.trim() === '') {
        this.problem(elementId, `stageflow:${direction} '${target}' needs a source`);
        continue;
      }
      if (isFeelExpression(source)) {
        const parsed = parseFeel(source);
        if (!parsed.ok) {
          this.problem(elementId, `stageflow:${direction} '${target}': invalid FEEL '${source}': ${parsed.message}`);
          continue;
        }
      }
      result.push({ source, target });
    }
    return result;
  }

  private connectFlows(): void {
    for (const { element, scope } of this.pendingFlows) {
      const id = element.id!;
      const source = ref(element, 'sourceRef');
      const target = ref(element, 'targetRef');
      let valid = true;
      if (!source?.id) {
        this.problem(id, `Sequence flow '${id}' has no (known) source`);
        valid = false;
      }
      if (!target?.id) {
        this.problem(id, `Sequence flow '${id}' has no (known) target`);
        if (source?.id) this.brokenFlowSources.add(source.id);
        valid = false;
      }
      if (!valid) {
        this.unconnectedFlows.add(id);
        continue;
      }
      const sourceNode = this.nodes[source!.id!];
      const targetNode = this.nodes[target!.id!];
      if (!sourceNode || !targetNode) {
        // Refused elements already have their problem; anything else is not a flow node.
        const sourceRefused = this.refused.has(source!.id!);
        const targetRefused = this.refused.has(target!.id!);
        if (!sourceNode && !sourceRefused) this.problem(id, `Sequence flow '${id}' starts at '${source!.id}', which is not a flow node`);
        if (!targetNode && !targetRefused) {
          this.problem(id, `Sequence flow '${id}' ends at '${target!.id}', which is not a flow node`);
          this.brokenFlowSources.add(source!.id!);
        }
        if ((sourceNode || sourceRefused) && (targetNode || targetRefused)) this.placeholderEdges.push({ source: source!.id!, target: target!.id! });
        this.unconnectedFlows.add(id);
        continue;
      }
      if (sourceNode.scope !== scope || targetNode.scope !== scope) {
        this.problem(id, `Sequence flow '${id}' crosses a subprocess boundary ('${sourceNode.id}' -> '${targetNode.id}')`);
        continue;
      }
      const flow: GraphFlow = { id, source: sourceNode.id, target: targetNode.id };
      const name = text(element, 'name');
      if (name) flow.name = name;
      const condition = ref(element, 'conditionExpression');
      const body = condition ? text(condition, 'body')?.trim() : undefined;
      if (condition && !body) this.problem(id, 'The condition expression is empty');
      if (body) {
        if (!CONDITIONAL_KINDS.has(sourceNode.kind)) {
          this.problem(id, `Conditions are only supported on flows leaving exclusive or inclusive gateways ('${sourceNode.id}' is a ${sourceNode.type})`);
        }
        const parsed = parseFeel(body);
        if (!parsed.ok) this.problem(id, `Invalid FEEL condition '${body}': ${parsed.message}`);
        flow.condition = body.startsWith('=') ? body : `=${body}`;
      }
      this.flows[id] = flow;
      sourceNode.outgoing.push(id);
      targetNode.incoming.push(id);
    }
    for (const node of Object.values(this.nodes)) {
      const order = this.outgoingOrder.get(node.id) ?? [];
      if (node.outgoing.length > 1 && order.length > 0) {
        const rank = (flowId: string) => {
          const index = order.indexOf(flowId);
          return index === -1 ? order.length : index;
        };
        node.outgoing.sort((a, b) => rank(a) - rank(b));
      }
      const defaultFlow = this.defaults.get(node.id);
      if (defaultFlow) {
        if (!CONDITIONAL_KINDS.has(node.kind)) {
          this.problem(node.id, `Default flows are only supported on exclusive and inclusive gateways, not on ${node.type}`);
        } else if (defaultFlow.id && this.unconnectedFlows.has(defaultFlow.id)) {
          // The flow's own problem (a refused or missing end) is the one to fix.
        } else if (!defaultFlow.id || !node.outgoing.includes(defaultFlow.id)) {
          this.problem(node.id, `The default flow '${defaultFlow.id ?? '?'}' is not an outgoing flow of '${node.id}'`);
        } else {
          node.defaultFlow = defaultFlow.id;
          if (this.flows[defaultFlow.id]?.condition) this.problem(defaultFlow.id, 'A default flow must not have a condition');
        }
      }
    }
  }

  private checkScopes(): void {
    const byScope = new Map<string, GraphNode[]>();
    for (const node of Object.values(this.nodes)) {
      const members = byScope.get(node.scope) ?? [];
      members.push(node);
      byScope.set(node.scope, members);
    }
    for (const scope of Object.values(this.scopes)) {
      const members = byScope.get(scope.id) ?? [];
      const starts = members.filter((node) => node.kind === 'noneStartEvent');
      const eventStarts = members.filter((node) => node.kind === 'eventStartEvent');
      const what = scope.parent === undefined ? `Process '${scope.id}'` : `Subprocess '${scope.id}'`;
      let start: GraphNode | undefined = starts[0];
      if (scope.triggeredByEvent) {
        const eventStart = checkEventSubProcessScope(scope, this.nodes[scope.id]!, members, (elementId, message) => this.problem(elementId, message));
        start = eventStart === undefined ? undefined : this.nodes[eventStart];
      } else {
        if (starts.length === 0 && (scope.parent !== undefined || eventStarts.length === 0)) {
          this.problem(scope.id, scope.parent === undefined ? `${what} has no start event` : `${what} has no none start event`);
        }
        if (starts.length > 1) this.problem(scope.id, `${what} has ${starts.length} none start events; only one is supported`);
      }
      if (start) scope.start = start.id;
      const placeholderOut = new Map<string, string[]>();
      for (const edge of this.placeholderEdges) {
        const targets = placeholderOut.get(edge.source) ?? [];
        targets.push(edge.target);
        placeholderOut.set(edge.source, targets);
      }
      for (const node of members) {
        const isEnd = END_KINDS.has(node.kind);
        if (START_KINDS.has(node.kind) && node.incoming.length > 0) this.problem(node.id, `Start event '${node.id}' must not have incoming sequence flows`);
        if (isEnd && node.outgoing.length > 0) this.problem(node.id, `End event '${node.id}' must not have outgoing sequence flows`);
        if (!isEnd && node.kind !== 'eventSubProcess' && node.outgoing.length === 0 && !placeholderOut.has(node.id) && !this.brokenFlowSources.has(node.id)) {
          const what2 = GATEWAY_KINDS.has(node.kind) ? 'Gateway' : 'Element';
          this.problem(node.id, `${what2} '${node.id}' has no outgoing sequence flow`);
        }
      }
      const roots = [
        ...(start ? [start.id] : []),
        ...eventStarts.map((node) => node.id),
        // Event subprocesses are entered by their trigger, never by a flow.
        ...(scope.eventSubProcesses ?? []),
        ...this.refusedBoundaries.filter((boundary) => boundary.scope === scope.id).map((boundary) => boundary.id),
      ];
      if (roots.length === 0) continue;
      const reached = new Set<string>(roots);
      const queue = [...roots];
      while (queue.length > 0) {
        const current = queue.pop()!;
        const next = [
          ...(this.nodes[current]?.outgoing.map((flowId) => this.flows[flowId]!.target) ?? []),
          ...(placeholderOut.get(current) ?? []),
          ...(this.nodes[current]?.boundaries ?? []),
        ];
        for (const target of next) {
          if (!reached.has(target)) {
            reached.add(target);
            queue.push(target);
          }
        }
      }
      for (const node of members) {
        if (reached.has(node.id)) continue;
        // Never entered, so it changes nothing that runs — unless a parallel join waits for it.
        this.warnings.push({
          elementId: node.id,
          message: `'${node.id}' is not reachable from ${roots.length > 1 ? 'any start event' : 'the start event'} of ${scope.parent === undefined ? 'process' : 'subprocess'} '${scope.id}': it never runs`,
        });
        for (const flowId of node.outgoing) {
          const target = this.nodes[this.flows[flowId]!.target]!;
          if (target.kind === 'parallelGateway' && target.incoming.length > 1 && reached.has(target.id)) {
            this.problem(
              target.id,
              `Parallel gateway '${target.id}' waits for flow '${flowId}' from '${node.id}', which is never reached: the join would wait forever`,
            );
          }
        }
      }
    }
  }

  private computeInclusiveUpstream(): void {
    for (const join of Object.values(this.nodes)) {
      if (join.kind !== 'inclusiveGateway' || join.incoming.length < 2) continue;
      const upstream = new Set<string>();
      const queue = join.incoming.map((flowId) => this.flows[flowId]!.source);
      while (queue.length > 0) {
        const nodeId = queue.pop()!;
        if (nodeId === join.id || upstream.has(nodeId)) continue;
        upstream.add(nodeId);
        for (const flowId of this.nodes[nodeId]!.incoming) queue.push(this.flows[flowId]!.source);
      }
      join.upstream = [...upstream].sort();
    }
  }
}
