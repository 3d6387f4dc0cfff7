// Which version of each rule-set key is the latest, remembered per engine node so that a command
// of a process with business-rule tasks does not query for it. Valid as of a rule-set generation:
// the counter every change of `rule_sets` bumps in its own transaction (migration
// 1732260000100). Commands read the generation in the statement they make anyway (the read of
// the instance); one that saw a newer generation than the cache's drops the cache, so a deploy
// on any node is seen by the next command on every node. Pure: RuleSetVersions does the reads.
//
// It also remembers whether any `actions` rule set is deployed at that generation: without one,
// process events have no reader, and commands leave their event jobs out of their statement.

/** One deployed version of a rule-set key. */
export interface RuleSetRef {
  key: string;
  /** rule_sets.id */
  id: string;
  version: number;
}

/** Keys remembered at most; past it the map starts over (a node's processes refer to a few dozen). */
const MAX_KEYS = 500;

export class LatestRuleSetCache {
  private validFor = -1;
  /** null: no version of the key is deployed (as of `validFor`). */
  private readonly byKey = new Map<string, RuleSetRef | null>();
  /** Whether an `actions` rule set is deployed (as of `validFor`); undefined: not read yet. */
  private actions: boolean | undefined;

  /** The generation the cache is valid for (-1: nothing known yet). */
  get generation(): number {
    return this.validFor;
  }

  /** A generation read from the database: a newer one than the cache's makes it forget everything. */
  observe(generation: number): void {
    if (generation <= this.validFor) return;
    this.byKey.clear();
    this.actions = undefined;
    this.validFor = generation;
  }

  /**
   * The latest version of each of `keys` (keys with none left out), when the cache knows all of
   * them; undefined when the database must be asked. `seen`: the generation the command's own
   * read saw — the answer is never older than that.
   */
  lookup(keys: readonly string[], seen?: number): { generation: number; refs: RuleSetRef[]; actionsDeployed: boolean } | undefined {
    if (seen !== undefined) this.observe(seen);
    const actionsDeployed = this.actions;
    if (actionsDeployed === undefined) return undefined;
    const refs: RuleSetRef[] = [];
    for (const key of keys) {
      const ref = this.byKey.get(key);
      if (ref === undefined) return undefined;
      if (ref !== null) refs.push(ref);
    }
    return { generation: this.validFor, refs, actionsDeployed };
  }

  /** What a read of `keys` at `generation` found. A read older than what the cache knows (it finished late) is not kept. */
  store(generation: number, keys: readonly string[], refs: readonly RuleSetRef[], actionsDeployed: boolean): void {
    this.observe(generation);
    if (generation < this.validFor) return;
    this.actions = actionsDeployed;
    if (this.byKey.size + keys.length > MAX_KEYS) this.byKey.clear();
    const found = new Map(refs.map((ref) => [ref.key, ref]));
    for (const key of keys) this.byKey.set(key, found.get(key) ?? null);
  }
}
