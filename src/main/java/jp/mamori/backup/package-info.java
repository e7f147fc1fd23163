/**
 * Mamori's own backup and restore (issue 11 item 4): {@code mamori backup FILE} writes a
 * consistent snapshot of every table of the Flyway-managed schema (evidence files
 * included, since they live in the database) into one ZIP with a checksummed manifest,
 * optionally encrypted with a passphrase; {@code mamori restore FILE} loads it into an
 * empty database of the same schema version, on H2 or PostgreSQL whichever wrote it.
 * Tables are found from the database's own metadata and ordered by their foreign keys, so
 * a new table is backed up without a code change. Scheduled backups to a directory with
 * generations, and the dashboard's warning when the last one is too old, live here too.
 * Depends on shared only.
 */
@org.springframework.modulith.ApplicationModule(displayName = "バックアップ (backup)")
package jp.mamori.backup;
