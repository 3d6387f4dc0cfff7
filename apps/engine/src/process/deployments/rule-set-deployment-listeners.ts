// Code outside the process engine (the CRM) reacts to new rule-set versions — the territory rule
// sets changed, so records are placed again — inside the deployment's transaction: what it writes
// (a job, say) commits with the new versions or not at all. Listeners register through
// ProcessEngine.onRuleSetsDeployed, so process/ never imports crm/; with none, a deployment pays nothing.
import { Injectable } from '@nestjs/common';
import type { RuleSetKind } from '@stageflow/process-package';
import type { Queryable } from '../../platform/database/queryable.js';

/** A rule-set version a deployment created (an unchanged resource creates none, and is not told). */
export interface DeployedRuleSetVersion {
  id: string;
  key: string;
  version: number;
  kind: RuleSetKind;
}

/** Runs in the deployment's transaction, on its connection (`tx`), after the versions are written; throwing fails the deployment. */
export type RuleSetDeploymentListener = (deployed: readonly DeployedRuleSetVersion[], tx: Queryable) => Promise<void>;

@Injectable()
export class RuleSetDeploymentListeners {
  private readonly listeners: RuleSetDeploymentListener[] = [];

  listen(listener: RuleSetDeploymentListener): void {
    this.listeners.push(listener);
  }

  /** Tells every listener of the versions a deployment created; nothing when it created none. */
  async deployed(versions: readonly DeployedRuleSetVersion[], tx: Queryable): Promise<void> {
    if (versions.length === 0) return;
    for (const listener of this.listeners) await listener(versions, tx);
  }
}
