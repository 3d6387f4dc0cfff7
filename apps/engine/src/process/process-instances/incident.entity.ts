import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

export type IncidentKind = 'interpreter' | 'timeout' | 'resource-limit' | 'worker-crash' | 'job';

@Entity({ name: 'incidents' })
export class IncidentEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'process_instance_id', type: 'uuid' })
  processInstanceId!: string;

  @Column({ name: 'element_id', type: 'text', nullable: true })
  elementId!: string | null;

  @Column({ type: 'text' })
  kind!: IncidentKind;

  @Column({ type: 'text' })
  message!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'resolved_at', type: 'timestamptz', nullable: true })
  resolvedAt!: Date | null;
}
