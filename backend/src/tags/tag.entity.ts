import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { jsonText } from '../common/json-text.transformer';

/** A node of the tag tree. Table created by migration CreateTag. */
@Entity('tag')
export class TagEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ name: 'parent_id', type: 'integer', nullable: true })
  parentId!: number | null;

  @Column({ type: 'varchar' })
  name!: string;

  @Column({ type: 'varchar', nullable: true })
  color!: string | null;

  @Column({ type: 'text', nullable: true })
  description!: string | null;

  /** The auto-tagging rule (`TagRule`, validated by rules/validateRule before it is stored); JSON text. */
  @Column({ type: 'text', nullable: true, transformer: jsonText })
  rule!: unknown;

  @CreateDateColumn({ name: 'created_at' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at' })
  updatedAt!: Date;
}
