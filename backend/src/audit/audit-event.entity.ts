import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { jsonText } from '../common/json-text.transformer';

/** One line of the admin audit log: logins, user changes, deletions. */
@Entity('audit_event')
export class AuditEventEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @CreateDateColumn({ name: 'at' })
  at!: Date;

  @Column({ type: 'varchar' })
  action!: string;

  @Column({ name: 'actor_id', type: 'integer', nullable: true })
  actorId!: number | null;

  @Column({ name: 'actor_name', type: 'varchar', nullable: true })
  actorName!: string | null;

  @Column({ name: 'target_type', type: 'varchar', nullable: true })
  targetType!: string | null;

  @Column({ name: 'target_id', type: 'varchar', nullable: true })
  targetId!: string | null;

  @Column({ type: 'text', nullable: true, transformer: jsonText })
  detail!: Record<string, unknown> | null;

  @Column({ type: 'varchar', nullable: true })
  ip!: string | null;
}
