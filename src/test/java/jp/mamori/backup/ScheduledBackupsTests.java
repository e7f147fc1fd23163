package jp.mamori.backup;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

import jp.mamori.backup.internal.BackupScheduleRepository;
import jp.mamori.identity.OrgRole;
import jp.mamori.shared.JobLock;
import jp.mamori.support.FixedClockConfiguration;
import jp.mamori.support.Fixtures;
import jp.mamori.support.IntegrationTest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Scheduled backups: generations are kept and pruned, a file appears under its real name
 * only when complete, a failure is recorded with its reason, the day's run happens once
 * after its time, and administrators are warned on the dashboard when the last success is
 * older than the policy or there is none while scheduling is on.
 */
@IntegrationTest
class ScheduledBackupsTests {

	/**
	 * Later than the fixed test clock's 10:00, so the context's own scheduler never
	 * fires.
	 */
	static final LocalTime LATE = LocalTime.of(23, 30);

	static final Instant NOW = FixedClockConfiguration.NOW.toInstant();

	@TempDir
	Path dir;

	@Autowired
	DatabaseBackup backup;

	@Autowired
	BackupScheduleRepository repository;

	@Autowired
	JobLock lock;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	@Autowired
	Environment environment;

	@Autowired
	Fixtures fixtures;

	@AfterEach
	void defaults() {
		jdbc.sql("update backup_schedule set enabled = false, directory = null, daily_time = '02:00', generations = 7,"
				+ " passphrase_file = null, max_age_days = 7, last_attempt_at = null, last_success_at = null,"
				+ " last_ok = null, last_file = null, last_size = null, last_error = null where id = 1")
			.update();
	}

	ScheduledBackups at(Instant instant) {
		return new ScheduledBackups(backup, repository, lock, Clock.fixed(instant, ZoneOffset.UTC), environment);
	}

	@Test
	void keepsTheConfiguredGenerationsAndLeavesOtherFilesAlone() throws Exception {
		repository.save(new BackupSettings(false, dir.toString(), LATE, 2, null, 7));
		Path notes = Files.writeString(dir.resolve("notes.txt"), "外付けディスクの交換記録");
		Path leftOver = Files.writeString(dir.resolve("mamori-backup-20250101-0200.zip.part"), "killed mid-write");

		for (int day = 0; day < 4; day++) {
			ScheduledBackups.Run run = at(NOW.plus(Duration.ofDays(day))).runNow();
			assertThat(run.ok()).as(run.error()).isTrue();
		}

		assertThat(generations()).containsExactly("mamori-backup-20250617-1000.zip", "mamori-backup-20250618-1000.zip");
		assertThat(notes).exists();
		assertThat(leftOver).doesNotExist();
		Path newest = dir.resolve("mamori-backup-20250618-1000.zip");
		try (ZipFile zip = new ZipFile(newest.toFile())) {
			assertThat(zip.getEntry("manifest.json")).isNotNull();
			assertThat(zip.getEntry("tables/organization.jsonl")).isNotNull();
		}
		BackupStatus status = repository.status();
		assertThat(status.lastOk()).isTrue();
		assertThat(status.lastFile()).isEqualTo(newest.toString());
		assertThat(status.lastSize()).isEqualTo(Files.size(newest));
		assertThat(status.lastSuccessAt()).isEqualTo(NOW.plus(Duration.ofDays(3)));
	}

	@Test
	void encryptsWithTheConfiguredPassphraseFile() throws Exception {
		Path passphrase = Files.writeString(dir.resolve("passphrase.txt"), "金庫の合言葉\n");
		Path target = Files.createDirectories(dir.resolve("backups"));
		repository.save(new BackupSettings(false, target.toString(), LATE, 3, passphrase.toString(), 7));

		assertThat(at(NOW).runNow().ok()).isTrue();

		byte[] written = Files.readAllBytes(target.resolve("mamori-backup-20250615-1000.zip"));
		assertThat(new String(written, 0, 25, StandardCharsets.US_ASCII)).isEqualTo("MAMORI-BACKUP-AES256GCM-1");
	}

	@Test
	void recordsAFailureAndLeavesNeitherAPartialFileNorOlderGenerationsTouched() throws Exception {
		repository.save(new BackupSettings(false, dir.toString(), LATE, 1, null, 7));
		assertThat(at(NOW).runNow().ok()).isTrue();
		// a column type the portable format does not know makes the snapshot fail after
		// the file has been opened
		jdbc.sql("create table backup_probe (v integer array)").update();
		ScheduledBackups.Run failed;
		try {
			failed = at(NOW.plus(Duration.ofDays(1))).runNow();
		}
		finally {
			jdbc.sql("drop table backup_probe").update();
		}

		assertThat(failed.ran()).isTrue();
		assertThat(failed.ok()).isFalse();
		assertThat(generations()).containsExactly("mamori-backup-20250615-1000.zip");
		try (Stream<Path> files = Files.list(dir)) {
			assertThat(files.map(f -> f.getFileName().toString())).noneMatch(n -> n.endsWith(".part"));
		}
		BackupStatus status = repository.status();
		assertThat(status.lastOk()).isFalse();
		assertThat(status.lastError()).containsIgnoringCase("backup_probe");
		assertThat(status.lastAttemptAt()).isEqualTo(NOW.plus(Duration.ofDays(1)));
		assertThat(status.lastSuccessAt()).as("the success before stays recorded").isEqualTo(NOW);
	}

	@Test
	void recordsAFolderThatCannotBeWritten() throws Exception {
		Path file = Files.writeString(dir.resolve("not-a-folder"), "x");
		repository.save(new BackupSettings(false, file.toString(), LATE, 1, null, 7));

		ScheduledBackups.Run failed = at(NOW).runNow();

		assertThat(failed.ok()).isFalse();
		assertThat(repository.status().lastOk()).isFalse();
		assertThat(repository.status().lastError()).isNotBlank();
	}

	@Test
	void runsOnceADayAfterItsTime() {
		repository.save(new BackupSettings(true, dir.toString(), LocalTime.of(2, 0), 3, null, 7));
		// 2025-06-16 01:59 JST: not yet; 02:00 JST: due; after the run: not again that
		// day
		ScheduledBackups early = at(Instant.parse("2025-06-15T16:59:00Z"));
		ScheduledBackups onTime = at(Instant.parse("2025-06-15T17:00:00Z"));

		assertThat(early.isDue()).isFalse();
		assertThat(onTime.isDue()).isTrue();
		assertThat(onTime.runNow().ok()).isTrue();
		assertThat(at(Instant.parse("2025-06-15T23:00:00Z")).isDue()).isFalse();
		assertThat(at(Instant.parse("2025-06-16T17:00:00Z")).isDue()).isTrue();
	}

	@Test
	void doesNotRunWhenSchedulingIsOff() {
		repository.save(new BackupSettings(false, dir.toString(), LocalTime.of(2, 0), 3, null, 7));

		assertThat(at(Instant.parse("2025-06-15T17:00:00Z")).isDue()).isFalse();
	}

	@Test
	void warnsWhenTheLastSuccessIsOlderThanThePolicyOrNoneExistsWhileScheduled() {
		repository.save(new BackupSettings(false, null, LATE, 3, null, 7));
		assertThat(at(NOW).warning()).as("not scheduled, never backed up: Mamori's backup is not in use").isEmpty();

		repository.save(new BackupSettings(true, dir.toString(), LATE, 3, null, 7));
		assertThat(at(NOW).warning()).hasValueSatisfying(w -> assertThat(w.never()).isTrue());

		repository.recordSuccess(NOW, dir.resolve("x.zip").toString(), 10);
		assertThat(at(NOW.plus(Duration.ofDays(7))).warning()).isEmpty();
		assertThat(at(NOW.plus(Duration.ofDays(7)).plusSeconds(60)).warning())
			.hasValueSatisfying(w -> assertThat(w.lastSuccessAt()).isEqualTo(NOW));

		repository.save(new BackupSettings(false, null, LATE, 3, null, 7));
		assertThat(at(NOW.plus(Duration.ofDays(30))).warning()).as("an old backup warns even when scheduling is off")
			.isPresent();
	}

	@Test
	void theDashboardWarnsAdministratorsOnly() throws Exception {
		repository.save(new BackupSettings(true, dir.toString(), LATE, 3, null, 7));
		var clinic = fixtures.clinicWithR7Checklist("backup-admin", OrgRole.ADMIN);
		String viewer = Fixtures.uniqueName("backup-viewer");
		var viewerOrg = fixtures.clinicWith(viewer, OrgRole.VIEWER).id();
		// the instance's first user becomes its system administrator: this one is not
		jdbc.sql("update app_user set system_admin = false where username = ?").param(viewer).update();

		Document admin = page("/orgs/" + clinic.org().id() + "/dashboard", clinic.username());
		Document notAdmin = page("/orgs/" + viewerOrg + "/dashboard", viewer);

		assertThat(admin.select("#backup-warning").text()).contains("まだ一度も成功していません");
		assertThat(notAdmin.select("#backup-warning")).isEmpty();

		repository.recordSuccess(NOW, dir.resolve("x.zip").toString(), 10);
		assertThat(page("/orgs/" + clinic.org().id() + "/dashboard", clinic.username()).select("#backup-warning"))
			.as("a backup today: no warning")
			.isEmpty();
	}

	@Test
	void theSettingsPageIsForTheSystemAdministratorAndSavesValidSettings() throws Exception {
		var clinic = fixtures.clinicWithR7Checklist("backup-sysadmin", OrgRole.ADMIN);
		// the instance's first user becomes its system administrator: start without
		jdbc.sql("update app_user set system_admin = false where username = ?").param(clinic.username()).update();
		assertThat(
				mvc.perform(get("/admin/backup").with(user(clinic.username()))).andReturn().getResponse().getStatus())
			.isEqualTo(403);
		jdbc.sql("update app_user set system_admin = true where username = ?").param(clinic.username()).update();

		mvc.perform(post("/admin/backup").with(user(clinic.username()))
			.with(csrf())
			.param("enabled", "true")
			.param("directory", "relative/folder")
			.param("dailyTime", "03:15")
			.param("generations", "5")
			.param("maxAgeDays", "3"));
		assertThat(repository.settings().enabled()).as("a relative folder is refused").isFalse();

		mvc.perform(post("/admin/backup").with(user(clinic.username()))
			.with(csrf())
			.param("enabled", "true")
			.param("directory", dir.toString())
			.param("dailyTime", "03:15")
			.param("generations", "5")
			.param("maxAgeDays", "3"));
		assertThat(repository.settings())
			.isEqualTo(new BackupSettings(true, dir.toString(), LocalTime.of(3, 15), 5, null, 3));

		Document page = page("/admin/backup", clinic.username());
		assertThat(page.select("#backup-directory").attr("value")).isEqualTo(dir.toString());
		assertThat(page.select("#backup-warning").text()).contains("まだ一度も成功していません");
		assertThat(mvc.perform(get("/admin/backup/download").with(user(clinic.username())))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(200);
		assertThat(jdbc.sql("select action from audit_entry where actor = ? order by seq")
			.param(clinic.username())
			.query(String.class)
			.list()).contains("backup.settings.changed", "backup.downloaded");
	}

	Document page(String path, String username) throws Exception {
		var response = mvc.perform(get(path).with(user(username))).andReturn().getResponse();
		assertThat(response.getStatus()).as(path).isEqualTo(200);
		return Jsoup.parse(response.getContentAsString(StandardCharsets.UTF_8));
	}

	List<String> generations() throws Exception {
		try (Stream<Path> files = Files.list(dir)) {
			return files.map(f -> f.getFileName().toString())
				.filter(n -> n.matches("mamori-backup-.*\\.zip"))
				.sorted()
				.toList();
		}
	}

}
