import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Professional events (issue 14): events, the credit each offers, and RSVPs. The rules that must
 * hold whatever writes the rows are constraints: an event ends after it starts, holds at least
 * one seat when it has a limit and never more people going than seats; one RSVP per person and
 * event; a waitlist position exactly when waitlisted, unique per event (deferrable, so that a
 * gap is closed in one statement).
 */
export class Events1796500000000 implements MigrationInterface {
  name = 'Events1796500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      "CREATE TYPE \"public\".\"event_kind\" AS ENUM('CONFERENCE', 'WORKSHOP', 'WEBINAR', 'GRAND_ROUNDS', 'NETWORKING', 'COURSE')",
    );
    await queryRunner.query(
      "CREATE TYPE \"public\".\"event_format\" AS ENUM('IN_PERSON', 'VIRTUAL', 'HYBRID')",
    );
    await queryRunner.query(
      "CREATE TYPE \"public\".\"event_status\" AS ENUM('DRAFT', 'PUBLISHED', 'CANCELLED')",
    );
    await queryRunner.query(
      'CREATE TABLE "events" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "organizer_id" uuid NOT NULL, "title" character varying(200) NOT NULL, "description" character varying(10000) NOT NULL, "kind" "public"."event_kind" NOT NULL, "format" "public"."event_format" NOT NULL, "status" "public"."event_status" NOT NULL DEFAULT \'DRAFT\', "starts_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL, "ends_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL, "time_zone" character varying(64) NOT NULL, "venue_name" character varying(200), "venue_address" character varying(300), "venue_city" character varying(100), "venue_region" character varying(6), "venue_country" character(2), "join_url" character varying(2000), "capacity" integer, "specialty_ids" smallint array NOT NULL DEFAULT \'{}\', "specialty_lineage" smallint array NOT NULL DEFAULT \'{}\', "growth_areas" "public"."growth_area" array NOT NULL DEFAULT \'{}\', "tracks" "public"."track" array NOT NULL DEFAULT \'{}\', "search_words" tsvector NOT NULL, "sequence" integer NOT NULL DEFAULT \'0\', "going_count" integer NOT NULL DEFAULT \'0\', "waitlist_count" integer NOT NULL DEFAULT \'0\', "published_at" TIMESTAMP WITH TIME ZONE, "cancelled_at" TIMESTAMP WITH TIME ZONE, "cancellation_reason" character varying(1000), "is_seeded" boolean NOT NULL DEFAULT false, CONSTRAINT "ck_events_venue" CHECK (("venue_name" IS NULL) = ("venue_city" IS NULL) AND ("venue_name" IS NULL) = ("venue_country" IS NULL)), CONSTRAINT "ck_events_seats" CHECK ("going_count" >= 0 AND "waitlist_count" >= 0 AND ("capacity" IS NULL OR "going_count" <= "capacity")), CONSTRAINT "ck_events_capacity" CHECK ("capacity" IS NULL OR "capacity" >= 1), CONSTRAINT "ck_events_ends_after_start" CHECK ("ends_at" > "starts_at"), CONSTRAINT "PK_40731c7151fe4be3116e45ddf73" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_events_organizer" ON "events"  ("organizer_id", "starts_at") ',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_events_published_place" ON "events"  ("venue_country", "venue_region") WHERE "status" = \'PUBLISHED\'',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_events_published_words" ON "events" USING gin ("search_words") WHERE "status" = \'PUBLISHED\'',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_events_published_tags" ON "events" USING gin ("specialty_lineage", "growth_areas", "tracks") WHERE "status" = \'PUBLISHED\'',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_events_published_start" ON "events"  ("starts_at", "id") WHERE "status" = \'PUBLISHED\'',
    );
    await queryRunner.query(
      "CREATE TYPE \"public\".\"credit_type\" AS ENUM('CME', 'CNE', 'CE', 'CEU', 'CPE')",
    );
    await queryRunner.query(
      'CREATE TABLE "event_credits" ("event_id" uuid NOT NULL, "position" smallint NOT NULL, "type" "public"."credit_type" NOT NULL, "hours" numeric(5,2) NOT NULL, "accreditor" character varying(200) NOT NULL, "activity_id" character varying(100), CONSTRAINT "ck_event_credits_hours" CHECK ("hours" > 0), CONSTRAINT "PK_c2ed5351b284257dce9026f3d79" PRIMARY KEY ("event_id", "position"))',
    );
    await queryRunner.query(
      "CREATE TYPE \"public\".\"rsvp_status\" AS ENUM('GOING', 'WAITLISTED', 'CANCELLED', 'ATTENDED')",
    );
    await queryRunner.query(
      'CREATE TABLE "rsvps" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "event_id" uuid NOT NULL, "user_id" uuid NOT NULL, "status" "public"."rsvp_status" NOT NULL, "waitlist_position" integer, "promoted_at" TIMESTAMP WITH TIME ZONE, "cancelled_at" TIMESTAMP WITH TIME ZONE, "attended_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "uq_rsvps_waitlist_position" UNIQUE ("event_id", "waitlist_position") DEFERRABLE INITIALLY IMMEDIATE, CONSTRAINT "uq_rsvps_event_user" UNIQUE ("event_id", "user_id"), CONSTRAINT "ck_rsvps_waitlist_position" CHECK (("status" = \'WAITLISTED\') = ("waitlist_position" IS NOT NULL) AND ("waitlist_position" IS NULL OR "waitlist_position" >= 1)), CONSTRAINT "PK_5d5dda5a5f9fc2f6ba17eefbf86" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "ix_rsvps_user" ON "rsvps"  ("user_id") ');
    await queryRunner.query(
      'ALTER TABLE "events" ADD CONSTRAINT "FK_14c9ce53a2c2a1c781b8390123e" FOREIGN KEY ("organizer_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "event_credits" ADD CONSTRAINT "FK_c1309758f52887e6ef077090a68" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "rsvps" ADD CONSTRAINT "FK_04d52fc9fe91004aa1860603ea3" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "rsvps" ADD CONSTRAINT "FK_5ef6c963e9f7d98f6e0f79053a3" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "rsvps" DROP CONSTRAINT "FK_5ef6c963e9f7d98f6e0f79053a3"');
    await queryRunner.query('ALTER TABLE "rsvps" DROP CONSTRAINT "FK_04d52fc9fe91004aa1860603ea3"');
    await queryRunner.query(
      'ALTER TABLE "event_credits" DROP CONSTRAINT "FK_c1309758f52887e6ef077090a68"',
    );
    await queryRunner.query(
      'ALTER TABLE "events" DROP CONSTRAINT "FK_14c9ce53a2c2a1c781b8390123e"',
    );
    await queryRunner.query('DROP INDEX "public"."ix_rsvps_user"');
    await queryRunner.query('DROP TABLE "rsvps"');
    await queryRunner.query('DROP TYPE "public"."rsvp_status"');
    await queryRunner.query('DROP TABLE "event_credits"');
    await queryRunner.query('DROP TYPE "public"."credit_type"');
    await queryRunner.query('DROP INDEX "public"."ix_events_published_start"');
    await queryRunner.query('DROP INDEX "public"."ix_events_published_tags"');
    await queryRunner.query('DROP INDEX "public"."ix_events_published_words"');
    await queryRunner.query('DROP INDEX "public"."ix_events_published_place"');
    await queryRunner.query('DROP INDEX "public"."ix_events_organizer"');
    await queryRunner.query('DROP TABLE "events"');
    await queryRunner.query('DROP TYPE "public"."event_status"');
    await queryRunner.query('DROP TYPE "public"."event_format"');
    await queryRunner.query('DROP TYPE "public"."event_kind"');
  }
}
