import type { InstanceState, Variables } from '@stageflow/bpmn-runtime';
import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn, VersionColumn } from 'typeorm';

export type InstanceStatusValue = 'active' | 'completed' | 'terminated' | 'incident';

@Entity({ name: 'process_instances' })
export class ProcessInstanceEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'definition_id', type: 'uuid' })
  definitionId!: string;

  @Column({ name: 'definition_key', type: 'text' })
  definitionKey!: string;

  @Column({ name: 'definition_version', type: 'integer' })
  definitionVersion!: number;

  @Column({ name: 'business_key', type: 'text', nullable: true })
  businessKey!: string | null;

  @Column({ type: 'text' })
  status!: InstanceStatusValue;

  /** The interpreter's state, as it returned it. */
  @Column({ type: 'jsonb' })
  state!: InstanceState;

  /** Instance-scope variables, copied from the state for queries. */
  @Column({ type: 'jsonb' })
  variables!: Variables;

  /** Elements holding a token (one entry per token), kept from entered/left effects. */
  @Column({ name: 'active_element_ids', type: 'text', array: true })
  activeElementIds!: string[];

  /** Optimistic lock: every command increments it. */
  @VersionColumn({ type: 'integer' })
  version!: number;

  @Column({ name: 'started_by', type: 'uuid', nullable: true })
  startedBy!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @Column({ name: 'ended_at', type: 'timestamptz', nullable: true })
  endedAt!: Date | null;

  /** The instance whose call activity started this one (a called process). */
  @Column({ name: 'parent_instance_id', type: 'uuid', nullable: true })
  parentInstanceId!: string | null;

  /** The call of that call activity (CalledProcessStarted.callId). */
  @Column({ name: 'parent_call_id', type: 'text', nullable: true })
  parentCallId!: string | null;
}
