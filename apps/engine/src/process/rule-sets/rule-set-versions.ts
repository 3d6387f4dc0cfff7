// Which rule-set version a business-rule task evaluates: the LATEST version of its key when the
// command runs — not the one that was latest when the process was deployed. Rule sets exist so
// that analysts change who gets a lead or how it is rated without touching (or redeploying) the
// processes that use them; pinning versions at process deploy would undo that. The dry run
// (POST /rule-sets/{key}/evaluate) uses the same default, so what the analyst tested is what
// the next task decides.
//
// No query per command: "which id is latest" is cached (LatestRuleSetCache) as of the rule-set
// generation, which each command reads in its own read of the instance (several nodes share one
// database: a deploy on another node bumps the generation, and the next command anywhere sees
// it). A start has no read: it uses the cache and its write is refused when the generation moved
// (InstanceCommandsService). Versions are immutable, so documents are cached by id for good.
import { Injectable } from '@nestjs/common';
import type { RuleSet } from '@stageflow/process-package';
import type { RuleSetVersion } from '../execution/rule-set-decider.js';
import { LatestRuleSetCache } from './latest-rule-set-cache.js';
import { RuleSetsRepository } from './rule-sets.repository.js';

const MAX_CACHED_DOCUMENTS = 500;

/** The rule sets a command evaluates, and the generation they are the latest at. */
export interface LatestRuleSets {
  generation: number;
  versions: RuleSetVersion[];
  /** An `actions` rule set is deployed at `generation`: only then do process events have a reader (docs/actions.md). */
  actionsDeployed: boolean;
}

@Injectable()
export class RuleSetVersions {
  private readonly latestIds = new LatestRuleSetCache();
  private readonly documents = new Map<string, RuleSet>();

  constructor(private readonly ruleSets: RuleSetsRepository) {}

  /**
   * The latest version of each key that is deployed (a key without one is left out), and whether
   * an actions rule set is, as of at least `seenGeneration` — the generation the command's read saw; without it (a start), as of
   * what this node knows, which the start's write then checks.
   */
  async latest(keys: readonly string[], seenGeneration?: number): Promise<LatestRuleSets> {
    let latest = this.latestIds.lookup(keys, seenGeneration);
    if (!latest) {
      const { generation, actionsDeployed, refs } = await this.ruleSets.latestOf(keys);
      this.latestIds.store(generation, keys, refs, actionsDeployed);
      latest = { generation, refs, actionsDeployed };
    }
    const missing = latest.refs.filter((ref) => !this.documents.has(ref.id)).map((ref) => ref.id);
    if (missing.length > 0) await this.loadDocuments(missing);
    const versions = latest.refs.flatMap((ref) => {
      const content = this.documents.get(ref.id);
      return content ? [{ ...ref, content }] : [];
    });
    return { generation: latest.generation, versions, actionsDeployed: latest.actionsDeployed };
  }

  /** Reads the generation now; a newer one than the cache's makes the next `latest` read again. */
  async currentGeneration(): Promise<number> {
    const generation = await this.ruleSets.generation();
    this.latestIds.observe(generation);
    return generation;
  }

  private async loadDocuments(ids: string[]): Promise<void> {
    const documents = await this.ruleSets.contents(ids);
    for (const { id, content } of documents) {
      if (this.documents.size >= MAX_CACHED_DOCUMENTS) {
        const oldest = this.documents.keys().next().value;
        if (oldest !== undefined) this.documents.delete(oldest);
      }
      this.documents.set(id, content);
    }
  }
}
