import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The auth rate-limit counters every API process shares (AuthRateLimits), in the layout
 * rate-limiter-flexible's RateLimiterPostgres reads and writes; created here so that the
 * application never runs DDL. UNLOGGED: counters for the next hour are not worth a write-ahead
 * log, and a crash that empties them only forgives attempts already made.
 */
export class AuthRateLimits1796400000000 implements MigrationInterface {
  name = 'AuthRateLimits1796400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE UNLOGGED TABLE "auth_rate_limits" (
        "key" character varying(255) PRIMARY KEY,
        "points" integer NOT NULL DEFAULT 0,
        "expire" bigint
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE "auth_rate_limits"');
  }
}
