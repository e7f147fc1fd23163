package jp.mamori.backup;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import jp.mamori.backup.BackupFixture.Db;
import jp.mamori.backup.BackupFixture.Result;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static jp.mamori.backup.BackupFixture.count;
import static jp.mamori.backup.BackupFixture.dump;
import static jp.mamori.backup.BackupFixture.evidence;
import static jp.mamori.backup.BackupFixture.mamori;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code mamori backup} → {@code mamori restore}, run as an administrator would: every
 * table's rows and every evidence byte come back, on H2, on PostgreSQL and across the
 * two; the audit chain still verifies; identity columns continue after the restored rows;
 * and a wrong passphrase, a changed byte, another schema version or a database that
 * already holds data are refused with nothing written.
 */
class BackupRestoreTests {

	@TempDir
	static Path dir;

	static Db source;

	static Path backup;

	@BeforeAll
	static void sourceWithData() {
		source = Db.h2(dir, "source");
		BackupFixture.fill(source);
		backup = dir.resolve("source.zip");
		Result result = mamori(source, "backup", backup.toString());
		assertThat(result.status()).as(result.err()).isZero();
		assertThat(result.out()).contains("バックアップを作成しました");
	}

	@Test
	void roundTripsOnH2() throws Exception {
		Db target = Db.h2(dir, "h2-target");

		Result restored = mamori(target, "restore", backup.toString());

		assertThat(restored.status()).as(restored.err()).isZero();
		assertSameData(source, target);
		assertThat(mamori(target, "audit", "verify").status()).isZero();
		continuesIdentities(target);
	}

	@Test
	void roundTripsOnPostgres() throws Exception {
		Db pg = Db.postgres();
		BackupFixture.fill(pg);
		Path pgBackup = dir.resolve("pg.zip");
		assertThat(mamori(pg, "backup", pgBackup.toString()).status()).isZero();
		Db target = Db.postgres();

		Result restored = mamori(target, "restore", pgBackup.toString());

		assertThat(restored.status()).as(restored.err()).isZero();
		assertSameData(pg, target);
		assertThat(mamori(target, "audit", "verify").status()).isZero();
		continuesIdentities(target);
	}

	@Test
	void migratesFromH2ToPostgresAndBack() throws Exception {
		Db pg = Db.postgres();
		assertThat(mamori(pg, "restore", backup.toString()).status()).isZero();
		assertSameData(source, pg);
		assertThat(mamori(pg, "audit", "verify").status()).isZero();

		Path fromPg = dir.resolve("from-pg.zip");
		assertThat(mamori(pg, "backup", fromPg.toString()).status()).isZero();
		Db h2 = Db.h2(dir, "back-from-pg");
		Result restored = mamori(h2, "restore", fromPg.toString());

		assertThat(restored.status()).as(restored.err()).isZero();
		assertSameData(source, h2);
		assertThat(mamori(h2, "audit", "verify").status()).isZero();
	}

	@Test
	void encryptsWithAPassphraseAndRefusesAWrongOne() throws Exception {
		Path right = dir.resolve("right.txt");
		Files.writeString(right, "診療所の金庫にある合言葉 2025\n");
		Path wrong = dir.resolve("wrong.txt");
		Files.writeString(wrong, "違う合言葉\n");
		Path encrypted = dir.resolve("encrypted.zip");
		assertThat(mamori(source, "backup", encrypted.toString(), "--passphrase-file", right.toString()).status())
			.isZero();
		// nothing of the content is readable without the passphrase
		assertThat(new String(Files.readAllBytes(encrypted), StandardCharsets.ISO_8859_1)).doesNotContain("manifest")
			.doesNotContain("organization");
		Db target = Db.h2(dir, "encrypted-target");

		Result refused = mamori(target, "restore", encrypted.toString(), "--passphrase-file", wrong.toString());
		Result missing = mamori(target, "restore", encrypted.toString());

		assertThat(refused.status()).isEqualTo(2);
		assertThat(refused.err()).contains("パスフレーズが違うか");
		assertThat(missing.status()).isEqualTo(2);
		assertThat(missing.err()).contains("--passphrase-file");
		assertThat(count(target, "organization")).isZero();

		Result restored = mamori(target, "restore", encrypted.toString(), "--passphrase-file", right.toString());
		assertThat(restored.status()).as(restored.err()).isZero();
		assertSameData(source, target);
	}

	@Test
	void refusesATamperedFileWritingNothing() throws Exception {
		Path tampered = dir.resolve("tampered.zip");
		BackupFixture.rewrite(backup, tampered, Map.of("tables/answer.jsonl",
				bytes -> BackupFixture.text(bytes).replace("毎月第2火曜に適用", "毎月第3火曜に適用").getBytes(StandardCharsets.UTF_8)));
		Db target = Db.h2(dir, "tampered-target");

		Result refused = mamori(target, "restore", tampered.toString());

		assertThat(refused.status()).isEqualTo(2);
		assertThat(refused.err()).contains("改ざんまたは破損").contains("tables/answer.jsonl");
		assertThat(count(target, "organization")).isZero();
		assertThat(count(target, "answer")).isZero();
	}

	@Test
	void refusesATargetThatAlreadyHoldsData() throws Exception {
		long before = count(source, "organization");

		Result refused = mamori(source, "restore", backup.toString());

		assertThat(refused.status()).isEqualTo(2);
		assertThat(refused.err()).contains("空ではありません");
		assertThat(count(source, "organization")).isEqualTo(before);
	}

	@Test
	void refusesABackupOfAnotherSchemaVersion() throws Exception {
		Path older = dir.resolve("older.zip");
		BackupFixture.rewrite(backup, older,
				Map.of("manifest.json",
						bytes -> BackupFixture.text(bytes)
							.replaceFirst("\"schemaVersion\" : \"[^\"]+\"", "\"schemaVersion\" : \"20250101.01\"")
							.getBytes(StandardCharsets.UTF_8)));
		Db target = Db.h2(dir, "older-target");

		Result refused = mamori(target, "restore", older.toString());

		assertThat(refused.status()).isEqualTo(2);
		assertThat(refused.err()).contains("20250101.01").contains("同じ版の Mamori");
		assertThat(count(target, "organization")).isZero();
	}

	static void assertSameData(Db expected, Db actual) throws Exception {
		Map<String, List<String>> before = dump(expected);
		Map<String, List<String>> after = dump(actual);
		assertThat(after.keySet()).isEqualTo(before.keySet());
		for (String table : before.keySet()) {
			assertThat(after.get(table)).as(table).isEqualTo(before.get(table));
		}
		assertThat(before.get("organization")).hasSizeGreaterThanOrEqualTo(2);
		assertThat(before.get("answer")).isNotEmpty();
		assertThat(before.get("audit_entry")).isNotEmpty();
		// on PostgreSQL these rows sit in monthly partitions: the logical table is backed
		// up
		assertThat(before.get("accesslog_event")).hasSize(4);
		assertThat(before.keySet()).noneMatch(t -> t.startsWith("accesslog_event_"));
		Map<String, byte[]> files = evidence(expected);
		Map<String, byte[]> restored = evidence(actual);
		assertThat(files).hasSizeGreaterThanOrEqualTo(4);
		assertThat(restored.keySet()).isEqualTo(files.keySet());
		files.forEach((id, bytes) -> assertThat(restored.get(id)).as(id).isEqualTo(bytes));
	}

	/**
	 * A new organisation after the restore appends to the audit trail, whose sequence is
	 * an identity column: it must not collide with a restored entry.
	 */
	static void continuesIdentities(Db target) throws Exception {
		long entries = count(target, "audit_entry");
		Result created = mamori(target, "admin", "create-org", "--name", "復元後の診療所", "--kind", "institution");
		assertThat(created.status()).as(created.err()).isZero();
		assertThat(count(target, "audit_entry")).isGreaterThan(entries);
		assertThat(mamori(target, "audit", "verify").status()).isZero();
	}

}
