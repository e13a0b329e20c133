import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Private calendar feeds: one per person, keeping only the SHA-256 of the token in its URL. */
export class CalendarFeeds1796600000000 implements MigrationInterface {
  name = 'CalendarFeeds1796600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "calendar_feeds" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "user_id" uuid NOT NULL, "token_hash" character(64) NOT NULL, CONSTRAINT "uq_calendar_feeds_token_hash" UNIQUE ("token_hash"), CONSTRAINT "uq_calendar_feeds_user" UNIQUE ("user_id"), CONSTRAINT "PK_045067d8bb57f971f3c5426ea71" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'ALTER TABLE "calendar_feeds" ADD CONSTRAINT "FK_3212ce9ff23847e66347a6730d3" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE "calendar_feeds" DROP CONSTRAINT "FK_3212ce9ff23847e66347a6730d3"',
    );
    await queryRunner.query('DROP TABLE "calendar_feeds"');
  }
}
