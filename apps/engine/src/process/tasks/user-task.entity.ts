import type { Variables } from '@stageflow/bpmn-runtime';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { TaskAssignmentRecord } from '../assignment/task-assignment-record.js';

export type UserTaskState = 'created' | 'completed' | 'cancelled';

/** `bpmn`: a user task of the diagram (a token waits for it); `action`: an ad-hoc task of a createTask action. */
export type UserTaskSource = 'bpmn' | 'action';

/** A user task (its id is the interpreter's taskId), or an ad-hoc task a createTask action made. */
@Entity({ name: 'user_tasks' })
export class UserTaskEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'process_instance_id', type: 'uuid' })
  processInstanceId!: string;

  @Column({ name: 'element_id', type: 'text' })
  elementId!: string;

  @Column({ type: 'text', nullable: true })
  name!: string | null;

  @Column({ type: 'text', nullable: true })
  assignee!: string | null;

  @Column({ name: 'candidate_groups', type: 'text', array: true })
  candidateGroups!: string[];

  @Column({ name: 'due_at', type: 'timestamptz', nullable: true })
  dueAt!: Date | null;

  @Column({ type: 'integer', nullable: true })
  priority!: number | null;

  @Column({ name: 'form_key', type: 'text', nullable: true })
  formKey!: string | null;

  @Column({ type: 'text' })
  state!: UserTaskState;

  /** Variables visible to the task when it was created (for forms). */
  @Column({ type: 'jsonb' })
  variables!: Variables;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'completed_at', type: 'timestamptz', nullable: true })
  completedAt!: Date | null;

  @Column({ name: 'completed_by', type: 'text', nullable: true })
  completedBy!: string | null;

  /** How the assignee was chosen by strategy (or by a manager); null otherwise. */
  @Column({ type: 'jsonb', nullable: true })
  assignment!: TaskAssignmentRecord | null;

  @Column({ type: 'text' })
  source!: UserTaskSource;

  /** Ad-hoc tasks: the rendered description. */
  @Column({ type: 'text', nullable: true })
  description!: string | null;
}
