import type { LinkSource, SuggestionStatus } from '@jianbao/contracts';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { jsonText } from '../common/json-text.transformer';

/** A head → tail pair the matcher linked or proposed, or a person linked or rejected. */
@Entity('continuation_suggestion')
export class ContinuationSuggestionEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ name: 'head_id', type: 'integer' })
  headId!: number;

  @Column({ name: 'tail_id', type: 'integer' })
  tailId!: number;

  @Column({ type: 'real' })
  score!: number;

  @Column({ type: 'text', transformer: jsonText })
  reasons!: string[];

  @Column({ type: 'varchar' })
  status!: SuggestionStatus;

  @Column({ type: 'varchar' })
  source!: LinkSource;

  @CreateDateColumn({ name: 'created_at' })
  createdAt!: Date;
}
