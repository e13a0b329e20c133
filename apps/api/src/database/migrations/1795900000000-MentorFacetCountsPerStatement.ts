import type { MigrationInterface, QueryRunner } from 'typeorm';

const ROW_LEVEL = `
  CREATE FUNCTION profiles_count_mentor_facets() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
      UPDATE mentor_facet_counts c SET mentors = c.mentors - 1
        FROM (SELECT * FROM mentor_facets(OLD)
              EXCEPT SELECT * FROM mentor_facets(CASE WHEN TG_OP = 'UPDATE' THEN NEW END)) gone
       WHERE c.facet = gone.facet AND c.value = gone.value;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
      INSERT INTO mentor_facet_counts AS c (facet, value, mentors)
      SELECT facet, value, 1
        FROM (SELECT * FROM mentor_facets(NEW)
              EXCEPT SELECT * FROM mentor_facets(CASE WHEN TG_OP = 'UPDATE' THEN OLD END)) added
      ON CONFLICT (facet, value) DO UPDATE SET mentors = c.mentors + 1;
    END IF;
    RETURN NULL;
  END
  $$`;

/**
 * Counts mentor facets once per statement instead of once per row. Row by row, a statement
 * that writes many mentors (a seed of 20,000, an import) updated the same counter rows once per
 * mentor inside one transaction, and each update walked every earlier version of its row: the
 * cost grew with the square of the rows (8,000 mentors took 13 s, 20,000 took 173 s). Per
 * statement, the changed rows' facets are summed from the transition tables and each counter is
 * written once; facets a statement leaves as they were (a bio edit) are not written at all.
 */
export class MentorFacetCountsPerStatement1795900000000 implements MigrationInterface {
  name = 'MentorFacetCountsPerStatement1795900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TRIGGER profiles_count_mentor_facets ON "profiles"');
    await queryRunner.query('DROP FUNCTION profiles_count_mentor_facets()');
    // One function for the three triggers: transition tables need one trigger per event, and
    // PL/pgSQL plans only the branch that runs, so each names only the tables its event has.
    await queryRunner.query(`
      CREATE FUNCTION profiles_count_mentor_facets() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          INSERT INTO mentor_facet_counts AS c (facet, value, mentors)
          SELECT f.facet, f.value, count(*)::int
            FROM new_rows n CROSS JOIN LATERAL mentor_facets(n) f GROUP BY f.facet, f.value
          ON CONFLICT (facet, value) DO UPDATE SET mentors = c.mentors + excluded.mentors;
        ELSIF TG_OP = 'DELETE' THEN
          UPDATE mentor_facet_counts c SET mentors = c.mentors - gone.n
            FROM (SELECT f.facet, f.value, count(*)::int AS n
                    FROM old_rows o CROSS JOIN LATERAL mentor_facets(o) f
                   GROUP BY f.facet, f.value) gone
           WHERE c.facet = gone.facet AND c.value = gone.value;
        ELSE
          WITH changed AS (
                 SELECT f.facet, f.value, 1 AS d FROM new_rows n CROSS JOIN LATERAL mentor_facets(n) f
                 UNION ALL
                 SELECT f.facet, f.value, -1 FROM old_rows o CROSS JOIN LATERAL mentor_facets(o) f),
               delta AS (
                 SELECT facet, value, sum(d)::int AS d FROM changed
                  GROUP BY facet, value HAVING sum(d) <> 0),
               decreased AS (
                 UPDATE mentor_facet_counts c SET mentors = c.mentors + delta.d
                   FROM delta WHERE delta.d < 0 AND c.facet = delta.facet AND c.value = delta.value)
          INSERT INTO mentor_facet_counts AS c (facet, value, mentors)
          SELECT facet, value, d FROM delta WHERE d > 0
          ON CONFLICT (facet, value) DO UPDATE SET mentors = c.mentors + excluded.mentors;
        END IF;
        RETURN NULL;
      END
      $$`);
    await queryRunner.query(`
      CREATE TRIGGER profiles_count_mentor_facets_insert AFTER INSERT ON "profiles"
      REFERENCING NEW TABLE AS new_rows
      FOR EACH STATEMENT EXECUTE FUNCTION profiles_count_mentor_facets()`);
    await queryRunner.query(`
      CREATE TRIGGER profiles_count_mentor_facets_update AFTER UPDATE ON "profiles"
      REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
      FOR EACH STATEMENT EXECUTE FUNCTION profiles_count_mentor_facets()`);
    await queryRunner.query(`
      CREATE TRIGGER profiles_count_mentor_facets_delete AFTER DELETE ON "profiles"
      REFERENCING OLD TABLE AS old_rows
      FOR EACH STATEMENT EXECUTE FUNCTION profiles_count_mentor_facets()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const event of ['insert', 'update', 'delete']) {
      await queryRunner.query(`DROP TRIGGER profiles_count_mentor_facets_${event} ON "profiles"`);
    }
    await queryRunner.query('DROP FUNCTION profiles_count_mentor_facets()');
    await queryRunner.query(ROW_LEVEL);
    await queryRunner.query(
      'CREATE TRIGGER profiles_count_mentor_facets AFTER INSERT OR UPDATE OR DELETE ON "profiles" FOR EACH ROW EXECUTE FUNCTION profiles_count_mentor_facets()',
    );
  }
}
