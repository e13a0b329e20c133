import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The continuing-education record: credit entries written when attendance is marked, the
 * provider number on credit offers, and people's licences, NPI and board id.
 */
export class CreditLedger1796800000000 implements MigrationInterface {
  name = 'CreditLedger1796800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "credit_entries" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "user_id" uuid NOT NULL, "event_id" uuid NOT NULL, "credit_position" smallint NOT NULL, "type" "public"."credit_type" NOT NULL, "hours" numeric(5,2) NOT NULL, "accreditor" character varying(200) NOT NULL, "activity_id" character varying(100), "provider_number" character varying(50), "provider_name" character varying(120) NOT NULL, "title" character varying(200) NOT NULL, "completed_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL, "time_zone" character varying(64) NOT NULL, CONSTRAINT "uq_credit_entries_user_event_credit" UNIQUE ("user_id", "event_id", "credit_position"), CONSTRAINT "ck_credit_entries_hours" CHECK ("hours" > 0), CONSTRAINT "PK_a1974466f4738c102e78f457632" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_credit_entries_user_completed" ON "credit_entries"  ("user_id", "completed_at") ',
    );
    await queryRunner.query(
      'CREATE TABLE "professional_credentials" ("user_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "licences" jsonb NOT NULL DEFAULT \'[]\', "npi" character(10), "board_id" character varying(40), CONSTRAINT "ck_professional_credentials_licences" CHECK (jsonb_typeof("licences") = \'array\'), CONSTRAINT "ck_professional_credentials_npi" CHECK ("npi" IS NULL OR "npi" ~ \'^[0-9]{10}$\'), CONSTRAINT "PK_f560b91fcd58d0d715f0ace51b0" PRIMARY KEY ("user_id"))',
    );
    await queryRunner.query(
      'ALTER TABLE "event_credits" ADD "provider_number" character varying(50)',
    );
    await queryRunner.query(
      'ALTER TABLE "credit_entries" ADD CONSTRAINT "FK_a41bd76e384a1a2b3eef6770962" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "credit_entries" ADD CONSTRAINT "FK_7738304013d0b8b61ca28e3b3ad" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "professional_credentials" ADD CONSTRAINT "FK_f560b91fcd58d0d715f0ace51b0" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE "professional_credentials" DROP CONSTRAINT "FK_f560b91fcd58d0d715f0ace51b0"',
    );
    await queryRunner.query(
      'ALTER TABLE "credit_entries" DROP CONSTRAINT "FK_7738304013d0b8b61ca28e3b3ad"',
    );
    await queryRunner.query(
      'ALTER TABLE "credit_entries" DROP CONSTRAINT "FK_a41bd76e384a1a2b3eef6770962"',
    );
    await queryRunner.query('ALTER TABLE "event_credits" DROP COLUMN "provider_number"');
    await queryRunner.query('DROP TABLE "professional_credentials"');
    await queryRunner.query('DROP INDEX "public"."ix_credit_entries_user_completed"');
    await queryRunner.query('DROP TABLE "credit_entries"');
  }
}
