import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

export type HistoryEventKind =
  | 'entered'
  | 'left'
  | 'taken'
  | 'task-created'
  | 'task-completed'
  | 'task-cancelled'
  | 'task-claimed'
  | 'task-unclaimed'
  | 'task-assigned'
  | 'variables-changed'
  | 'incident'
  | 'incident-resolved'
  | 'timer-scheduled'
  | 'timer-cancelled'
  | 'timer-fired'
  | 'async-scheduled'
  | 'message-subscribed'
  | 'message-correlated'
  | 'message-thrown'
  | 'signal-subscribed'
  | 'signal-thrown'
  | 'called-process-started'
  | 'called-process-cancelled'
  | 'called-process-escalated'
  | 'action-requested'
  | 'action-cancelled'
  | 'action-completed'
  | 'action-failed'
  | 'error-uncaught'
  | 'escalation-uncaught'
  | 'instance-completed'
  | 'instance-terminated'
  | 'instance-cancelled';

/**
 * Append-only audit trail, one row per event: the view `history` over `history_log`, which holds
 * one row per write (migration 1732260000210); `id` gives the exact order. Read only.
 */
@Entity({ name: 'history' })
export class HistoryEventEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  @PrimaryColumn({ name: 'process_instance_id', type: 'uuid' })
  processInstanceId!: string;

  @Column({ name: 'element_id', type: 'text', nullable: true })
  elementId!: string | null;

  @Column({ name: 'element_type', type: 'text', nullable: true })
  elementType!: string | null;

  @Column({ type: 'text' })
  event!: HistoryEventKind;

  @Column({ type: 'timestamptz' })
  at!: Date;

  @Column({ type: 'jsonb', nullable: true })
  payload!: Record<string, unknown> | null;
}
