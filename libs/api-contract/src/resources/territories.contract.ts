// /api/v1/territories: what a territory rule set result names, with its team and owner.
import { array, described, instant, list, named, nullable, optional, string, uuid, type JsonSchema, type OptionalProperty } from '../schemas/json-schema.js';

export interface TerritoryView {
  /** What a territory rule set result gives as `territory`. */
  key: string;
  name: string;
  /** The team name (its candidate group). */
  team: string | null;
  teamId: string | null;
  /** Username. */
  defaultOwner: string | null;
  /** Keys of the territory's actions rule sets. */
  actions: string[];
  createdAt: string;
  updatedAt: string;
}

export interface TerritoryRequest {
  key: string;
  name: string;
  /** Name of an existing team; null clears it. */
  team?: string | null;
  /** Username of an existing user; null clears it. */
  defaultOwner?: string | null;
  /** Keys of deployed actions rule sets. */
  actions?: string[];
}

/** Any of the fields; the key cannot change. */
export type TerritoryUpdateRequest = Partial<Omit<TerritoryRequest, 'key'>>;

export const territorySchema = named<TerritoryView>('territory', {
  key: described(string, 'What a territory rule set result gives as `territory`.'),
  name: string,
  team: nullable(described(string, 'The team name (its candidate group).')),
  teamId: nullable(uuid),
  defaultOwner: nullable(described(string, 'Username.')),
  actions: array(string, { description: "Keys of the territory's actions rule sets." }),
  createdAt: instant,
  updatedAt: instant,
});

export const territoryListSchema = list('territory-list', territorySchema);

const territoryFields = {
  name: { type: 'string', minLength: 1, maxLength: 255 },
  team: nullable({ type: 'string', description: 'Name of an existing team; null clears it.' }),
  defaultOwner: nullable({ type: 'string', description: 'Username of an existing user; null clears it.' }),
  actions: array({ type: 'string', pattern: '^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$' }, { maxItems: 50, description: 'Keys of deployed actions rule sets.' }),
} satisfies Record<string, JsonSchema>;

const optionalFields = {
  team: optional(territoryFields.team),
  defaultOwner: optional(territoryFields.defaultOwner),
  actions: optional(territoryFields.actions),
} satisfies Record<string, OptionalProperty>;

export const territoryRequestSchema = named<TerritoryRequest>('territory-request', {
  key: described({ type: 'string', minLength: 1, maxLength: 255 }, 'What a territory rule set result gives as `territory`; no surrounding spaces.'),
  name: territoryFields.name,
  ...optionalFields,
});

export const territoryUpdateRequestSchema = {
  ...named<TerritoryUpdateRequest>('territory-update-request', { name: optional(territoryFields.name), ...optionalFields }),
  minProperties: 1,
  description: 'Any of the fields; the key cannot change.',
};
