import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Tells every API process which mentors changed (NOTIFY mentor_changes, user id), so their
 * in-memory mentor indexes follow writes from anywhere. Notifications are sent at commit and
 * only for changes to what the index holds; a bio edit sends none.
 */
export class MentorChangeNotifications1795700000000 implements MigrationInterface {
  name = 'MentorChangeNotifications1795700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION profiles_notify_mentor_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN
          IF OLD.is_mentor THEN PERFORM pg_notify('mentor_changes', OLD.user_id::text); END IF;
          RETURN OLD;
        END IF;
        IF NEW.is_mentor OR (TG_OP = 'UPDATE' AND OLD.is_mentor) THEN
          PERFORM pg_notify('mentor_changes', NEW.user_id::text);
        END IF;
        RETURN NEW;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER profiles_notify_mentor_change
      AFTER INSERT OR DELETE OR UPDATE OF is_mentor, created_at, track, career_stage,
        specialty_lineage, mentor_offers, languages, meeting_formats, country, region,
        mentor_accepting
      ON profiles FOR EACH ROW EXECUTE FUNCTION profiles_notify_mentor_change()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TRIGGER profiles_notify_mentor_change ON "profiles"');
    await queryRunner.query('DROP FUNCTION profiles_notify_mentor_change()');
  }
}
