// The values a process may hold: exactly what JSON (and PostgreSQL jsonb) can store.

export type JsonPrimitive = string | number | boolean | null;
export type JsonValue = JsonPrimitive | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

/** Process variables: a JSON object of variable name -> JSON value. */
export type ProcessVariables = JsonObject;
