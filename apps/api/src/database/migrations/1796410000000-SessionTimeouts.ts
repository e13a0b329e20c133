import type { MigrationInterface, QueryRunner } from 'typeorm';

const NEW_END_REASONS = [
  'IDLE_TIMEOUT',
  'ABSOLUTE_TIMEOUT',
  'PASSWORD_CHANGED',
  'LOGGED_OUT_EVERYWHERE',
  'SESSION_LIMIT',
];

/**
 * Sessions time out (SessionLifetime): `last_used_at` for the idle timeout, and the reasons a
 * session can now end. Existing sessions were last used when their latest refresh token was
 * issued (or when they began), so one unused for hours times out rather than counting as
 * fresh from this migration.
 */
export class SessionTimeouts1796410000000 implements MigrationInterface {
  name = 'SessionTimeouts1796410000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE "sessions" ADD "last_used_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()',
    );
    await queryRunner.query(`
      UPDATE sessions s
         SET last_used_at = coalesce(
               (SELECT max(t.created_at) FROM refresh_tokens t WHERE t.session_id = s.id),
               s.created_at)
       WHERE s.ended_at IS NULL`);
    // PostgreSQL 12+ adds enum values inside a transaction (they are not used in this one).
    for (const reason of NEW_END_REASONS) {
      await queryRunner.query(`ALTER TYPE "public"."session_end_reason" ADD VALUE '${reason}'`);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    // An enum value cannot be dropped: rebuild the type with the old ones.
    await queryRunner.query(
      `UPDATE sessions SET end_reason = 'LOGGED_OUT' WHERE end_reason::text = ANY($1)`,
      [NEW_END_REASONS],
    );
    await queryRunner.query(
      'ALTER TYPE "public"."session_end_reason" RENAME TO "session_end_reason_old"',
    );
    await queryRunner.query(
      'CREATE TYPE "public"."session_end_reason" AS ENUM(\'LOGGED_OUT\', \'REFRESH_TOKEN_REUSED\')',
    );
    await queryRunner.query(
      'ALTER TABLE "sessions" ALTER COLUMN "end_reason" TYPE "public"."session_end_reason" USING "end_reason"::text::"public"."session_end_reason"',
    );
    await queryRunner.query('DROP TYPE "public"."session_end_reason_old"');
    await queryRunner.query('ALTER TABLE "sessions" DROP COLUMN "last_used_at"');
  }
}
