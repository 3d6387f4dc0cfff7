// The benchmark diagrams (tools/bench/diagrams) and the variables each instance starts with.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Variables } from '@stageflow/bpmn-runtime';

export type DiagramName = 'lead' | 'parallel';

export interface BenchDiagram {
  name: DiagramName;
  /** Human label for tables. */
  label: string;
  /** The BPMN process id, which is also the definition key. */
  processId: string;
  xml: string;
  /** User tasks one instance creates and the benchmark completes before it ends. */
  userTasks: number;
}

const diagramsDir = new URL('../../diagrams/', import.meta.url);

function load(file: string): string {
  return readFileSync(fileURLToPath(new URL(file, diagramsDir)), 'utf8');
}

export function loadDiagrams(): Record<DiagramName, BenchDiagram> {
  return {
    lead: {
      name: 'lead',
      label: 'lead qualification (start -> XOR `budget > 1000` -> user task -> end)',
      processId: 'bench-lead-qualification',
      xml: load('lead-qualification.bpmn'),
      userTasks: 1,
    },
    parallel: {
      name: 'parallel',
      label: '3-branch parallel fork/join (3 user tasks)',
      processId: 'bench-parallel-review',
      xml: load('parallel-review.bpmn'),
      userTasks: 3,
    },
  };
}

/** Five realistic lead fields; `budget` drives the lead diagram's gateway to the user task. */
export function leadVariables(sequence: number): Variables {
  return {
    company: `Acme Industrial ${sequence} GmbH`,
    contactEmail: `jane.doe+${sequence}@acme-industrial.example`,
    budget: 25000,
    channel: 'webinar',
    country: 'DE',
  };
}

/** What the seller enters when completing a task. */
export const completionVariables: Variables = { qualified: true };
