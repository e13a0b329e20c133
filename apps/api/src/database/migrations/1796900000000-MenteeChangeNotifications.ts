import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Tells every API process which mentees changed (NOTIFY mentee_changes, user id), so their
 * in-memory mentee indexes follow writes from anywhere, as mentor_changes does for mentors. Only
 * changes to what the index holds notify. Suggestions no longer read mentees through SQL tiers,
 * so the two indexes those tiers used go.
 */
export class MenteeChangeNotifications1796900000000 implements MigrationInterface {
  name = 'MenteeChangeNotifications1796900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION profiles_notify_mentee_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN
          IF OLD.is_mentee THEN PERFORM pg_notify('mentee_changes', OLD.user_id::text); END IF;
          RETURN OLD;
        END IF;
        IF NEW.is_mentee OR (TG_OP = 'UPDATE' AND OLD.is_mentee) THEN
          PERFORM pg_notify('mentee_changes', NEW.user_id::text);
        END IF;
        RETURN NEW;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER profiles_notify_mentee_change
      AFTER INSERT OR DELETE OR UPDATE OF is_mentee, track, career_stage, specialty_ids,
        mentee_target_specialty_id, mentee_goals, languages, meeting_formats
      ON profiles FOR EACH ROW EXECUTE FUNCTION profiles_notify_mentee_change()`);
    await queryRunner.query('DROP INDEX "public"."ix_profiles_mentee_specialties"');
    await queryRunner.query('DROP INDEX "public"."ix_profiles_mentee_targets"');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE INDEX "ix_profiles_mentee_specialties" ON "profiles" USING gin ("specialty_ids") WHERE "is_mentee"',
    );
    await queryRunner.query(
      'CREATE INDEX "ix_profiles_mentee_targets" ON "profiles"  ("mentee_target_specialty_id", "user_id") WHERE "is_mentee"',
    );
    await queryRunner.query('DROP TRIGGER profiles_notify_mentee_change ON "profiles"');
    await queryRunner.query('DROP FUNCTION profiles_notify_mentee_change()');
  }
}
