// What the engine knows and the panel offers to pick (rule sets, action templates, forms, teams,
// users, package parameters, message names). The page loads it with react-query, outside the panel,
// and hands it over with `update`; the panel's entries read `current` when they render. A list left
// `undefined` was not loaded (still loading, or the user may not read it): its entry falls back to a
// text field, so the analyst can always type the value.

export interface PickedKey {
  key: string;
  name: string | null;
}

export interface PickedRuleSet extends PickedKey {
  kind: string;
}

export interface PickedParameter {
  name: string;
  /** The current value, shown beside the name (JSON text). */
  value: string;
}

export interface StageflowPickerData {
  ruleSets?: PickedRuleSet[];
  actionTemplates?: PickedKey[];
  forms?: PickedKey[];
  teams?: string[];
  users?: string[];
  parameters?: PickedParameter[];
  messageNames?: string[];
}

interface EventBus {
  fire(event: string, data?: unknown): void;
}

/** The `stageflowPickers` service of the modeler. */
export class StageflowPickers {
  static $inject = ['eventBus'];

  current: StageflowPickerData = {};

  constructor(private readonly eventBus: EventBus) {}

  /** Replaces the lists and re-renders the panel (the panel rebuilds its groups on providersChanged). */
  update(data: StageflowPickerData): void {
    this.current = data;
    this.eventBus.fire('propertiesPanel.providersChanged');
  }
}
