import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** A node-wide value every engine node must agree on (e.g. the JWT secret). */
@Entity({ name: 'settings' })
export class SettingEntity {
  @PrimaryColumn({ type: 'text' })
  key!: string;

  @Column({ type: 'text' })
  value!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
