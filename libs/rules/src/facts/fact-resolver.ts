// Where the values of a rule set's facts come from. Today: the process variables. Later package
// parameters and CRM record fields join by adding resolvers — rules only name facts, so their
// meaning does not change with where a value comes from.
import type { ProcessVariables } from '@stageflow/process-package';

export interface FactResolver {
  /** The value of the fact `name`, or undefined when this source does not have it. */
  resolve(name: string): unknown;
}

/** Facts are the process variables of that name (own properties only). */
export function variablesFactResolver(variables: ProcessVariables): FactResolver {
  return { resolve: (name) => (Object.hasOwn(variables, name) ? variables[name] : undefined) };
}

/** The first resolver that has the fact wins (e.g. variables, then record fields, then parameters). */
export function chainFactResolvers(...resolvers: FactResolver[]): FactResolver {
  return {
    resolve: (name) => {
      for (const resolver of resolvers) {
        const value = resolver.resolve(name);
        if (value !== undefined) return value;
      }
      return undefined;
    },
  };
}
