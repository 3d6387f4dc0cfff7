import type { ProcessGraph } from '@stageflow/bpmn-runtime';
import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** One version of one BPMN process; immutable once stored. */
@Entity({ name: 'process_definitions' })
export class ProcessDefinitionEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ type: 'text' })
  key!: string;

  @Column({ type: 'integer' })
  version!: number;

  @Column({ type: 'text', nullable: true })
  name!: string | null;

  @Column({ name: 'resource_name', type: 'text' })
  resourceName!: string;

  @Column({ type: 'text' })
  xml!: string;

  /** The compiled, executable graph (plain JSON from the interpreter). */
  @Column({ type: 'jsonb' })
  graph!: ProcessGraph;

  /** SHA-256 of the resource content: identical redeploys reuse the version. */
  @Column({ name: 'content_hash', type: 'text' })
  contentHash!: string;

  @Column({ name: 'deployment_id', type: 'uuid' })
  deploymentId!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
