// Deploy-time checks of a stage's moves (docs/bpmn-extension.md, "Stages and the moves they
// accept"): the user task a stage waits at (`stageflow:stage`) names the stages a record may be
// moved to from it (`stageflow:moves="Offer, Lost"`) and, optionally, the exitCriteria rule set
// that must let the move pass (`stageflow:exitCriteria="qualification-exit"`, a literal key the
// engine checks at deploy). A move completes that task with `stageMove` and `stageMoveReason`;
// the diagram routes after it with ordinary gateway conditions.
import type { ModdleElement } from 'bpmn-moddle';
import { RULE_SET_KEY } from './compile-business-rule-task.js';
import type { GraphNode, StageMoves } from './process-graph.js';

/** The element's stage moves (undefined when it declares none), or every reason to refuse them. */
export function checkStageMoves(
  element: ModdleElement,
  node: Pick<GraphNode, 'kind' | 'stage' | 'multiInstance'>,
  label: string,
): { ok: true; spec: StageMoves | undefined } | { ok: false; problems: string[] } {
  const rawMoves = typeof element.moves === 'string' ? element.moves : undefined;
  const rawCriteria = typeof element.exitCriteria === 'string' ? element.exitCriteria : undefined;
  if (rawMoves === undefined && rawCriteria === undefined) return { ok: true, spec: undefined };
  const problems: string[] = [];
  const attribute = rawMoves !== undefined ? 'stageflow:moves' : 'stageflow:exitCriteria';
  if (node.kind !== 'userTask') {
    return { ok: false, problems: [`${attribute} is only supported on user tasks (the task a stage waits at), not on ${label}`] };
  }
  if (node.stage === undefined) problems.push(`${attribute} needs stageflow:stage: the stage the moves leave`);
  if (node.multiInstance !== undefined) problems.push(`${attribute} is not supported on a multi-instance user task (a move completes one task)`);
  const moves = (rawMoves ?? '').split(',').map((stage) => stage.trim());
  if (rawMoves === undefined || moves.every((stage) => stage === '')) {
    problems.push('stageflow:moves must list the stages a move may go to (e.g. "Offer, Lost")');
  } else if (rawMoves.trim().startsWith('=')) {
    problems.push(`stageflow:moves is a literal comma-separated list of stages, not an expression ('${rawMoves.trim()}')`);
  } else {
    if (moves.some((stage) => stage === '')) problems.push(`stageflow:moves '${rawMoves}' has an empty entry`);
    const seen = new Set<string>();
    for (const stage of moves.filter((name) => name !== '')) {
      if (seen.has(stage)) problems.push(`stageflow:moves names '${stage}' twice`);
      seen.add(stage);
      if (stage === node.stage) problems.push(`stageflow:moves names the element's own stage '${stage}': a move goes to another stage`);
      if (stage.length > 100) problems.push(`stageflow:moves: '${stage.slice(0, 20)}…' is longer than 100 characters`);
    }
  }
  let exitCriteria: string | undefined;
  if (rawCriteria !== undefined) {
    const key = rawCriteria.trim();
    if (key.startsWith('=')) {
      problems.push(`stageflow:exitCriteria must be a rule-set key, not an expression ('${key}'): the engine checks the key at deploy`);
    } else if (!RULE_SET_KEY.test(key)) {
      problems.push(`stageflow:exitCriteria '${key}' is not a rule-set key (letters, digits, _ . -; at most 100 characters)`);
    } else exitCriteria = key;
  }
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, spec: { moves: moves.filter((stage) => stage !== ''), ...(exitCriteria === undefined ? {} : { exitCriteria }) } };
}

/** Moves naming a stage no element of the process has: one problem per element and stage. */
export function unknownStageMoves(nodes: Readonly<Record<string, GraphNode>>): { elementId: string; message: string }[] {
  const stages = new Set(Object.values(nodes).flatMap((node) => (node.stage === undefined ? [] : [node.stage])));
  return Object.values(nodes).flatMap((node) =>
    (node.stageMoves?.moves ?? [])
      .filter((stage) => !stages.has(stage))
      .map((stage) => ({
        elementId: node.id,
        message: `stageflow:moves names the stage '${stage}', which no element of the process has (stages: ${[...stages].sort().join(', ')})`,
      })),
  );
}
