import { Column, Entity, PrimaryColumn } from 'typeorm';

/** BIGINT comes back from PostgreSQL as a string. */
const epochMs = {
  to: (value: number | undefined): number | undefined => value,
  from: (value: unknown): number => Number(value),
};

/** A login: only the SHA-256 of its token is stored. Times are epoch milliseconds. */
@Entity('user_session')
export class UserSessionEntity {
  @PrimaryColumn({ name: 'token_hash', type: 'varchar' })
  tokenHash!: string;

  @Column({ name: 'user_id', type: 'integer' })
  userId!: number;

  @Column({ name: 'csrf_token', type: 'varchar' })
  csrfToken!: string;

  @Column({ name: 'created_at', type: 'bigint', transformer: epochMs })
  createdAt!: number;

  @Column({ name: 'last_seen_at', type: 'bigint', transformer: epochMs })
  lastSeenAt!: number;

  /** The absolute end, whatever the activity. */
  @Column({ name: 'expires_at', type: 'bigint', transformer: epochMs })
  expiresAt!: number;

  @Column({ type: 'varchar', nullable: true })
  ip!: string | null;

  @Column({ name: 'user_agent', type: 'varchar', nullable: true })
  userAgent!: string | null;
}
