import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Tells every API process when a session check could change its answer, so each can keep
 * open sessions in memory (see ActiveSessionCache): NOTIFY session_changes with the id of a
 * session that ended, or 'all' when sessions are deleted or users' roles change or users go
 * (rare, and bulk: one notification per statement rather than per row).
 */
export class SessionChangeNotifications1795800000000 implements MigrationInterface {
  name = 'SessionChangeNotifications1795800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION sessions_notify_end() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('session_changes', NEW.id::text);
        RETURN NULL;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER sessions_notify_end
      AFTER UPDATE OF ended_at ON sessions
      FOR EACH ROW WHEN (NEW.ended_at IS NOT NULL) EXECUTE FUNCTION sessions_notify_end()`);
    await queryRunner.query(`
      CREATE FUNCTION notify_all_sessions_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('session_changes', 'all');
        RETURN NULL;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER sessions_notify_delete AFTER DELETE ON sessions
      FOR EACH STATEMENT EXECUTE FUNCTION notify_all_sessions_changed()`);
    await queryRunner.query(`
      CREATE TRIGGER users_notify_session_change AFTER DELETE OR UPDATE OF roles ON users
      FOR EACH STATEMENT EXECUTE FUNCTION notify_all_sessions_changed()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TRIGGER users_notify_session_change ON "users"');
    await queryRunner.query('DROP TRIGGER sessions_notify_delete ON "sessions"');
    await queryRunner.query('DROP FUNCTION notify_all_sessions_changed()');
    await queryRunner.query('DROP TRIGGER sessions_notify_end ON "sessions"');
    await queryRunner.query('DROP FUNCTION sessions_notify_end()');
  }
}
