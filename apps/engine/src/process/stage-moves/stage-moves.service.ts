// A stage move someone asks for (`POST /opportunities/{id}/stage`): the process decides. The move
// happens only when a running instance of the record waits at a stage's user task whose
// `stageflow:moves` names the stage asked for, and the stage's exit criteria (an exitCriteria
// rule set, `stageflow:exitCriteria`) refuse nothing. It is then one command: the task is
// completed as the asking user with `stageMove` and `stageMoveReason`, the diagram routes on them,
// and the stage entered on the way is written by the stageEntered subscribers in the same
// transaction. The exit criteria are evaluated inside the command's attempt, on the instance as
// that attempt read it: a command that changed the instance meanwhile makes the write fail, and the
// attempt (with the criteria) runs again. A refused move writes nothing.
import { Injectable } from '@nestjs/common';
import { stageElements, variablesAtTask, tokensOf, type Effect, type JsonValue, type StageElement } from '@stageflow/bpmn-runtime';
import type { RuleSet } from '@stageflow/process-package';
import { compileRuleSet, exitCriteriaRefusals, stageMoveFactResolver, type CompiledRuleSet, type ExitCriterionRefusal } from '@stageflow/rules';
import { Conflict } from '../../platform/errors/domain-errors.js';
import type { LoadedInstance, TaskRow } from '../execution/instance-store.repository.js';
import { InstanceCommandsService, type Actor } from '../execution/instance-commands.service.js';
import { InstanceStoreRepository } from '../execution/instance-store.repository.js';
import { RecordFacts } from '../execution/record-facts.js';
import { ProcessDefinitionsService } from '../process-definitions/process-definitions.service.js';
import { RuleSetVersions } from '../rule-sets/rule-set-versions.js';
import { StageMovesRepository } from './stage-moves.repository.js';
import { InstanceParameters } from '../packages/instance-parameters.js';

/** What the caller asks: the stage to move to, and why (kept as `stageMoveReason` and in the record's history). */
export interface StageMoveRequest {
  stage: string;
  reason: string | null;
}

/** An accepted move: where it went from, the task it completed, where the process stands now. */
export interface StageMoveOutcome {
  from: string;
  to: string;
  processInstanceId: string;
  taskId: string;
  elementId: string;
  activeElementIds: string[];
}

/** A refusal by the exit criteria, as the 409 lists it. */
export interface StageMoveRefusal extends ExitCriterionRefusal {
  ruleSet: string;
  elementId: string;
}

/** Compiled rule-set versions kept (versions never change). */
const MAX_COMPILED = 200;

@Injectable()
export class StageMovesService {
  private readonly compiled = new Map<string, CompiledRuleSet>();

  constructor(
    private readonly commands: InstanceCommandsService,
    private readonly store: InstanceStoreRepository,
    private readonly definitions: ProcessDefinitionsService,
    private readonly ruleSets: RuleSetVersions,
    private readonly recordFacts: RecordFacts,
    private readonly parameters: InstanceParameters,
    private readonly reads: StageMovesRepository,
  ) {}

  async request(businessKey: string, move: StageMoveRequest, actor: Actor): Promise<StageMoveOutcome> {
    const ids = await this.reads.runningInstanceIds(businessKey);
    if (ids.length === 0) throw new Conflict(`${businessKey} has no running process: its stage moves only through its process`, [{ businessKey }]);
    const standing: { processInstanceId: string; element: StageElement; taskId?: string }[] = [];
    for (const id of ids) {
      const instance = await this.store.loadInstance(id);
      if (!instance) continue;
      const stages = stageElements(await this.definitions.graph(instance.definitionId));
      for (const token of tokensOf(instance.state)) {
        const element = stages[token.elementId];
        if (element) standing.push({ processInstanceId: id, element, ...(token.taskId === undefined ? {} : { taskId: token.taskId }) });
      }
    }
    const accepting = standing.find((at) => at.taskId !== undefined && at.element.moves.includes(move.stage));
    if (!accepting) throw notAccepted(move.stage, standing);
    const { element } = accepting;
    const taskId = accepting.taskId!;
    const completed = await this.commands.completeTask(taskId, { stageMove: move.stage, stageMoveReason: move.reason }, actor, () => undefined, {
      guard: (task, instance) => this.checkExitCriteria(task, instance, move),
      checkEffects: (effects) => reachedStage(effects, move.stage, element),
      stageMove: { stage: move.stage, reason: move.reason },
    });
    return {
      from: element.stage,
      to: move.stage,
      processInstanceId: completed.instance.id,
      taskId,
      elementId: element.elementId,
      activeElementIds: completed.instance.activeElementIds,
    };
  }

  /** In the command's attempt: the task still accepts the move, and its stage's exit criteria refuse nothing. */
  private async checkExitCriteria(task: TaskRow, instance: LoadedInstance, move: StageMoveRequest): Promise<void> {
    const element = stageElements(await this.definitions.graph(instance.definitionId))[task.element_id];
    if (!element?.moves.includes(move.stage)) {
      throw new Conflict(`the process no longer waits at a stage that accepts a move to ${move.stage}; ask again`, [{ taskId: task.id }]);
    }
    if (element.exitCriteria === undefined) return;
    const refusals = await this.evaluate(element, task, instance, move);
    if (refusals.length === 0) return;
    throw new Conflict(
      `the move from ${element.stage} to ${move.stage} is refused: ${refusals.map((refusal) => refusal.reason).join('; ')}`,
      refusals.map((refusal) => ({ ...refusal, ruleSet: element.exitCriteria, elementId: element.elementId })),
    );
  }

  private async evaluate(element: StageElement, task: TaskRow, instance: LoadedInstance, move: StageMoveRequest): Promise<ExitCriterionRefusal[]> {
    const key = element.exitCriteria!;
    // The latest version, as for a business-rule task; at least as new as what this attempt's read saw.
    const latest = await this.ruleSets.latest([key], instance.fromMemory ? undefined : instance.ruleSetGeneration);
    const version = latest.versions.find((candidate) => candidate.key === key);
    // Checked at deploy, and rule sets are never deleted.
    if (!version) throw new Error(`the exit criteria ${key} of ${element.elementId} are not deployed`);
    const ruleSet: RuleSet = version.content;
    // The record as it is now (`record.*`), read like the command reads it.
    const record = this.recordFacts.wanted(instance.businessKey)
      ? ((await this.recordFacts.of(instance.businessKey)) as { [name: string]: JsonValue } | undefined)
      : undefined;
    const openTasks = (await this.reads.openTasks(instance.id)).filter((open) => open.id !== task.id);
    const { params } = await this.parameters.forInstance(instance.parameters);
    const facts = stageMoveFactResolver({
      ...(record === undefined ? {} : { record }),
      params,
      variables: variablesAtTask(instance.state, task.id) ?? {},
      move: { from: element.stage, to: move.stage, reason: move.reason },
      openTasks: openTasks.map(({ elementId, name }) => ({ elementId, name })),
    });
    return exitCriteriaRefusals(ruleSet, this.compiledOf(version.id, ruleSet).decide(facts, new Date(instance.dbNow)));
  }

  private compiledOf(versionId: string, ruleSet: RuleSet): CompiledRuleSet {
    let compiled = this.compiled.get(versionId);
    if (!compiled) {
      if (this.compiled.size >= MAX_COMPILED) this.compiled.clear();
      compiled = compileRuleSet(ruleSet);
      this.compiled.set(versionId, compiled);
    }
    return compiled;
  }
}

/** 409: where the process stands does not accept the move; the stages it stands at and the moves they accept listed. */
function notAccepted(stage: string, standing: readonly { processInstanceId: string; element: StageElement }[]): Conflict {
  const details = standing.map(({ processInstanceId, element }) => ({
    processInstanceId,
    elementId: element.elementId,
    stage: element.stage,
    accepts: element.moves,
  }));
  if (standing.length === 0) return new Conflict(`the process stands at no stage, so it does not accept a move to ${stage}`, details);
  const at = [...new Set(standing.map(({ element }) => element.stage))].join(', ');
  const accepts = [...new Set(standing.flatMap(({ element }) => element.moves))];
  return new Conflict(
    `the process at ${at} does not accept a move to ${stage} (${accepts.length === 0 ? 'it accepts no move' : `it accepts: ${accepts.join(', ')}`})`,
    details,
  );
}

/** The move must bring the process into the stage asked for within this step; else nothing is written. */
function reachedStage(effects: readonly Effect[], stage: string, from: StageElement): void {
  if (effects.some((effect) => effect.type === 'ElementEntered' && effect.stage === stage)) return;
  throw new Conflict(
    `the process did not enter the stage ${stage} after the move from ${from.stage}: the diagram routes the move elsewhere (see the conditions after ${from.elementId}, on stageMove)`,
    [{ elementId: from.elementId, stage }],
  );
}
