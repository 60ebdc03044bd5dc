-- Indexes FerretDB 1.x on PostgreSQL can use, for Spiegel's database.
--
-- FerretDB 1.24 creates its indexes (the `_id` one too) as btree indexes on `_jsonb -> 'field'`, but filters with
-- `_jsonb -> 'field' @> value`, which a btree index cannot answer (FerretDB issue #4646): every read, update or
-- delete scans its whole collection, so a point read costs the database time in proportion to the collection's size.
-- This script adds a GIN index, which answers `@>`, on `_id` and on every field Spiegel indexes (but `tenantId`,
-- which tells few documents apart). Without `fastupdate` a GIN index is kept up to date on every write: with it, new
-- entries wait in a list that every search reads through (after 30,000 answers written, reading a member's answers
-- took four times as long).
--
-- Run it as a user allowed to create indexes in Spiegel's schema, once Spiegel has started (it creates its
-- collections and their indexes then), and again after an upgrade of Spiegel; it leaves what exists alone:
--
--   psql "postgres://user@host:5432/ferretdb" -v schema=spiegel -f tools/ferretdb/postgresql-indexes.sql
--
-- where `schema` is the database name in Spiegel's MONGODB_URI (FerretDB keeps each database in a schema of
-- that name). Neither FerretDB nor Spiegel needs a restart.

\set ON_ERROR_STOP on
SET client_min_messages = warning;
SELECT set_config('spiegel.schema', :'schema', false);

DO $$
DECLARE
  target text := current_setting('spiegel.schema');
  collection record;
  field text;
BEGIN
  FOR collection IN
    EXECUTE format('SELECT _jsonb ->> ''table'' AS tab, _jsonb -> ''indexes'' AS indexes FROM %I._ferretdb_database_metadata', target)
  LOOP
    FOR field IN
      SELECT '_id'
      UNION
      SELECT jsonb_object_keys(ix -> 'key') FROM jsonb_array_elements(collection.indexes) AS ix
    LOOP
      -- Dotted fields are not pushed down by FerretDB 1.x (it filters them itself), and tenantId separates little.
      CONTINUE WHEN field LIKE '%.%' OR field = 'tenantId';
      EXECUTE format(
        'CREATE INDEX IF NOT EXISTS %I ON %I.%I USING gin ((_jsonb -> %L)) WITH (fastupdate = off)',
        left(collection.tab, 40) || '_' || left(md5(field), 8) || '_gin',
        target,
        collection.tab,
        field
      );
    END LOOP;
  END LOOP;
END
$$;
