import { SPECIALTIES, syncSpecialties } from '@preceptor/taxonomy';
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Profiles1795599433832 implements MigrationInterface {
  name = 'Profiles1795599433832';

  async up(queryRunner: QueryRunner): Promise<void> {
    // btree_gin lets scalar filter columns join the array columns in one GIN index.
    await queryRunner.query('CREATE EXTENSION IF NOT EXISTS btree_gin');
    await queryRunner.query(
      "CREATE TYPE \"public\".\"track\" AS ENUM('PHYSICIAN', 'NURSING', 'ADVANCED_PRACTICE', 'ALLIED_HEALTH', 'PHARMACY', 'PUBLIC_HEALTH', 'ADMINISTRATION', 'INFORMATICS')",
    );
    await queryRunner.query(
      "CREATE TYPE \"public\".\"career_stage\" AS ENUM('STUDENT', 'TRAINEE', 'EARLY_CAREER', 'MID_CAREER', 'SENIOR', 'LEADER')",
    );
    await queryRunner.query(
      'CREATE TYPE "public"."meeting_format" AS ENUM(\'VIRTUAL\', \'IN_PERSON\')',
    );
    await queryRunner.query(
      "CREATE TYPE \"public\".\"shift_pattern\" AS ENUM('DAYS', 'EVENINGS', 'NIGHTS', 'ROTATING', 'WEEKENDS', 'FLEXIBLE')",
    );
    await queryRunner.query(
      "CREATE TYPE \"public\".\"growth_area\" AS ENUM('EDUCATION_TRAINING', 'NETWORKING', 'SPECIALIZATION', 'LEADERSHIP_MANAGEMENT', 'TECHNOLOGY', 'LICENSING_REGULATION', 'BURNOUT_WELLBEING', 'KEEPING_CURRENT')",
    );
    await queryRunner.query(
      'CREATE TABLE "profiles" ("user_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "full_name" character varying(120) NOT NULL, "is_mentor" boolean NOT NULL DEFAULT false, "is_mentee" boolean NOT NULL DEFAULT false, "headline" character varying(160), "bio" character varying(4000), "track" "public"."track" NOT NULL, "career_stage" "public"."career_stage" NOT NULL, "specialty_ids" smallint array NOT NULL, "specialty_lineage" smallint array NOT NULL, "years_of_experience" smallint, "languages" character varying(2) array NOT NULL DEFAULT \'{en}\', "country" character(2), "region" character varying(100), "city" character varying(100), "time_zone" character varying(64) NOT NULL, "meeting_formats" "public"."meeting_format" array NOT NULL DEFAULT \'{}\', "shift_pattern" "public"."shift_pattern", "availability" jsonb NOT NULL DEFAULT \'[]\', "contact_email" character varying(254), "contact_phone" character varying(32), "professional_links" character varying(300) array NOT NULL DEFAULT \'{}\', "mentor_offers" "public"."growth_area" array NOT NULL DEFAULT \'{}\', "mentor_capacity" smallint, "mentor_accepting" boolean NOT NULL DEFAULT false, "mentor_active_mentee_count" smallint NOT NULL DEFAULT \'0\', "mentee_goals" "public"."growth_area" array NOT NULL DEFAULT \'{}\', "mentee_target_specialty_id" smallint, "is_seeded" boolean NOT NULL DEFAULT false, CONSTRAINT "PK_9e432b7df0d182f8d292902d1a2" PRIMARY KEY ("user_id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_profiles_mentor_filters" ON "profiles" USING gin ("specialty_lineage", "mentor_offers", "languages", "meeting_formats", "track", "career_stage", "country", "region", "mentor_accepting") WHERE "is_mentor"',
    );
    await queryRunner.query(
      // Covering: a newest-first walk checks every filter from the index alone (index-only scan).
      'CREATE INDEX "ix_profiles_mentor_recent" ON "profiles" ("created_at", "user_id") INCLUDE ("track", "career_stage", "country", "region", "mentor_accepting", "specialty_lineage", "mentor_offers", "languages", "meeting_formats") WHERE "is_mentor"',
    );
    await queryRunner.query(
      'CREATE TABLE "specialties" ("id" smallint NOT NULL, "slug" character varying(80) NOT NULL, "name" character varying(120) NOT NULL, "parent_id" smallint, "tracks" "public"."track" array NOT NULL, "nucc_code" character varying(10), "lineage" smallint array NOT NULL, "related_ids" smallint array NOT NULL, CONSTRAINT "UQ_6678765a8dcfa5597a6cdf71eb0" UNIQUE ("slug"), CONSTRAINT "PK_ba01cec5aa8ac48778a1d097e98" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'ALTER TABLE "profiles" ADD CONSTRAINT "FK_9e432b7df0d182f8d292902d1a2" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "specialties" ADD CONSTRAINT "FK_5a6f01167b6c43d0071a6061f71" FOREIGN KEY ("parent_id") REFERENCES "specialties"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      `CREATE INDEX "ix_profiles_mentor_search" ON "profiles" USING gin (to_tsvector('simple'::regconfig, full_name || ' ' || coalesce(headline, '') || ' ' || coalesce(bio, ''))) WHERE "is_mentor"`,
    );
    await syncSpecialties(queryRunner, SPECIALTIES);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "public"."ix_profiles_mentor_search"');
    await queryRunner.query(
      'ALTER TABLE "specialties" DROP CONSTRAINT "FK_5a6f01167b6c43d0071a6061f71"',
    );
    await queryRunner.query(
      'ALTER TABLE "profiles" DROP CONSTRAINT "FK_9e432b7df0d182f8d292902d1a2"',
    );
    await queryRunner.query('DROP TABLE "specialties"');
    await queryRunner.query('DROP INDEX "public"."ix_profiles_mentor_recent"');
    await queryRunner.query('DROP INDEX "public"."ix_profiles_mentor_filters"');
    await queryRunner.query('DROP TABLE "profiles"');
    await queryRunner.query('DROP TYPE "public"."growth_area"');
    await queryRunner.query('DROP TYPE "public"."shift_pattern"');
    await queryRunner.query('DROP TYPE "public"."meeting_format"');
    await queryRunner.query('DROP TYPE "public"."career_stage"');
    await queryRunner.query('DROP TYPE "public"."track"');
  }
}
