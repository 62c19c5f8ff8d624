import type { ClippingKind, ClippingStatus, JumpRef } from '@jianbao/contracts';
import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import { jsonText } from '../common/json-text.transformer';

/**
 * One article, photo, brief, ad or notice cut from a page. Table created by migration CreateClipping
 * (its foreign keys too: the entities declare no relations, reads join by hand).
 */
@Entity('clipping')
export class ClippingEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ name: 'publication_id', type: 'integer' })
  publicationId!: number;

  @Column({ name: 'issue_date', type: 'varchar' })
  issueDate!: string;

  @Column({ name: 'page_label', type: 'varchar' })
  pageLabel!: string;

  @Column({ name: 'page_sort', type: 'varchar' })
  pageSort!: string;

  @Column({ type: 'varchar', default: 'article' })
  kind!: ClippingKind;

  @Column({ type: 'text', nullable: true })
  kicker!: string | null;

  @Column({ type: 'text', nullable: true })
  title!: string | null;

  @Column({ type: 'text', nullable: true })
  subtitle!: string | null;

  @Column({ type: 'text', nullable: true })
  byline!: string | null;

  @Column({ type: 'text', nullable: true })
  dateline!: string | null;

  @Column({ type: 'text' })
  body!: string;

  @Column({ type: 'text', transformer: jsonText })
  subheads!: string[];

  @Column({ name: 'raw_text', type: 'text', nullable: true })
  rawText!: string | null;

  @Column({ type: 'varchar', default: 'draft' })
  status!: ClippingStatus;

  @Column({ name: 'continues_from', type: 'text', nullable: true, transformer: jsonText })
  continuesFrom!: JumpRef | null;

  @Column({ name: 'continues_to', type: 'text', nullable: true, transformer: jsonText })
  continuesTo!: JumpRef | null;

  @Column({ name: 'import_id', type: 'integer', nullable: true })
  importId!: number | null;

  @Column({ name: 'article_id', type: 'integer', nullable: true })
  articleId!: number | null;

  @Column({ name: 'previous_part_id', type: 'integer', nullable: true })
  previousPartId!: number | null;

  @Column({ name: 'next_part_id', type: 'integer', nullable: true })
  nextPartId!: number | null;

  @CreateDateColumn({ name: 'created_at' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at' })
  updatedAt!: Date;

  @VersionColumn()
  version!: number;
}
