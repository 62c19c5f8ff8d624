import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One filed page of raw text and its SHA-256. Table created by migration CreatePageImport. */
@Entity('page_import')
export class PageImportEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ name: 'publication_id', type: 'integer' })
  publicationId!: number;

  @Column({ name: 'issue_date', type: 'varchar' })
  issueDate!: string;

  @Column({ name: 'page_label', type: 'varchar' })
  pageLabel!: string;

  @Column({ name: 'raw_text', type: 'text' })
  rawText!: string;

  @Column({ type: 'varchar' })
  sha256!: string;

  @CreateDateColumn({ name: 'created_at' })
  createdAt!: Date;
}
