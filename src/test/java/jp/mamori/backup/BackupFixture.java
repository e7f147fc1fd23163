package jp.mamori.backup;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import jp.mamori.MamoriApplication;
import jp.mamori.MamoriCommandLine;
import jp.mamori.assessment.AnswerCommand;
import jp.mamori.assessment.RecordAnswer;
import jp.mamori.backup.internal.DatabaseSchema;
import jp.mamori.backup.internal.DatabaseSchema.Column;
import jp.mamori.backup.internal.DatabaseSchema.Table;
import jp.mamori.evidence.EvidenceFiles;
import jp.mamori.identity.OrgRole;
import jp.mamori.accesslog.ImportAccessLog;
import jp.mamori.accesslog.parser.LogFormat;
import jp.mamori.support.Fixtures;
import jp.mamori.support.LedgerMother;
import jp.mamori.support.PostgresDatabase;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Databases for the backup tests: an H2 file or a PostgreSQL database, a fixture with
 * data in every kind of table that matters (organisations, users, answers, ledger rows,
 * evidence files, the audit trail), the {@code mamori} command line against it, and a
 * dump of every table for comparison.
 */
final class BackupFixture {

	/** One database, addressed as the command line addresses it. */
	record Db(String url, String user, String password) {

		static Db h2(Path dir, String name) {
			return new Db("jdbc:h2:file:" + dir.resolve(name) + ";MODE=PostgreSQL", "sa", "");
		}

		static Db postgres() {
			PostgresDatabase.Database db = PostgresDatabase.create();
			return new Db(db.url(), db.user(), db.password());
		}

		Connection connect() throws SQLException {
			return DriverManager.getConnection(url, user, password);
		}

	}

	record Result(int status, String out, String err) {
	}

	private BackupFixture() {
	}

	static Result mamori(Db db, String... args) {
		List<String> all = new ArrayList<>(List.of(args));
		all.add("--spring.datasource.url=" + db.url());
		all.add("--spring.datasource.username=" + db.user());
		all.add("--spring.datasource.password=" + db.password());
		StringWriter out = new StringWriter();
		StringWriter err = new StringWriter();
		int status = MamoriCommandLine.run(all.toArray(String[]::new), new PrintWriter(out, true),
				new PrintWriter(err, true));
		return new Result(status, out.toString(), err.toString());
	}

	/**
	 * Fills a database through the application's own use cases: two clinics with users,
	 * an R7 checklist with answers, device ledger rows, a text and a binary evidence
	 * file, and the audit entries all of that appends.
	 */
	static void fill(Db db) {
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(MamoriApplication.class)
			.profiles("cli")
			// arguments, not default properties: those lose to application.properties
			.run("--spring.datasource.url=" + db.url(), "--spring.datasource.username=" + db.user(),
					"--spring.datasource.password=" + db.password())) {
			Fixtures fixtures = context.getBean(Fixtures.class);
			RecordAnswer answers = context.getBean(RecordAnswer.class);
			EvidenceFiles evidence = context.getBean(EvidenceFiles.class);
			LedgerMother ledgers = context.getBean(LedgerMother.class);
			for (String prefix : List.of("backup-a", "backup-b")) {
				Fixtures.ClinicWithChecklist clinic = fixtures.clinicWithR7Checklist(prefix, OrgRole.ADMIN);
				answers.record(clinic.org().id(), clinic.assessment(), 1, "2-6",
						new AnswerCommand("yes", LocalDate.of(2025, 6, 1), null, "毎月第2火曜に適用", null), "test");
				answers.record(clinic.org().id(), clinic.assessment(), 1, "2-7",
						new AnswerCommand("no", LocalDate.of(2025, 6, 2), LocalDate.of(2026, 3, 31), "来年度に更新", null),
						"test");
				ledgers.row("devices", clinic.org().id(), Map.of("name", "電子カルテサーバ", "os", "Windows Server 2019"));
				ledgers.row("devices", clinic.org().id(), Map.of("name", "受付PC-01", "os", "Windows 11"));
				// log events over two months: on PostgreSQL they live in monthly
				// partitions
				// of accesslog_event, which the backup reads and writes through the
				// parent
				String log = "Jun 14 09:00:01 emr-sv01 sshd[101]: Failed password for invalid user admin from 203.0.113.7 port 50000 ssh2\n"
						+ "Jul 02 10:00:02 emr-sv01 sshd[102]: Accepted password for tanaka from 192.168.10.20 port 50001 ssh2\n";
				context.getBean(ImportAccessLog.class)
					.importFile(clinic.org().id(), null, "auth.log",
							new java.io.ByteArrayInputStream(log.getBytes(StandardCharsets.UTF_8)), LogFormat.LINUX,
							"test", bytes -> {
							});
				evidence.store(clinic.org().id(), "パッチ適用手順.txt",
						"1. 更新プログラムを確認する\r\n2. 適用する\n".getBytes(StandardCharsets.UTF_8), "assessment-item",
						clinic.assessment() + "/2-6", "test");
				evidence.store(clinic.org().id(), "screen.png", png(prefix.hashCode()), "assessment-item",
						clinic.assessment() + "/2-7", "test");
			}
		}
	}

	/** A PNG signature followed by 300 kB of random bytes (every byte value occurs). */
	static byte[] png(long seed) {
		byte[] bytes = new byte[300_000];
		new Random(seed).nextBytes(bytes);
		byte[] signature = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
		System.arraycopy(signature, 0, bytes, 0, signature.length);
		return bytes;
	}

	/**
	 * Every backed-up table's rows as canonical text, sorted: what must be identical
	 * after a restore.
	 */
	static Map<String, List<String>> dump(Db db) throws SQLException {
		Map<String, List<String>> tables = new TreeMap<>();
		try (Connection c = db.connect()) {
			for (Table table : DatabaseSchema.read(c).tables()) {
				List<String> rows = new ArrayList<>();
				try (Statement s = c.createStatement();
						ResultSet rs = s.executeQuery("select * from " + table.quoted())) {
					while (rs.next()) {
						StringBuilder row = new StringBuilder();
						for (Column column : table.columns()) {
							row.append(column.key())
								.append('=')
								.append(column.type().read(rs, rs.findColumn(column.name())))
								.append('|');
						}
						rows.add(row.toString());
					}
				}
				rows.sort(null);
				tables.put(table.key(), rows);
			}
		}
		return tables;
	}

	/** Evidence contents by id, read with plain JDBC. */
	static Map<String, byte[]> evidence(Db db) throws SQLException {
		Map<String, byte[]> files = new HashMap<>();
		try (Connection c = db.connect();
				PreparedStatement p = c.prepareStatement("select id, content from evidence_file");
				ResultSet rs = p.executeQuery()) {
			while (rs.next()) {
				files.put(rs.getObject(1).toString(), rs.getBytes(2));
			}
		}
		return files;
	}

	static long count(Db db, String table) throws SQLException {
		try (Connection c = db.connect();
				Statement s = c.createStatement();
				ResultSet rs = s.executeQuery("select count(*) from " + table)) {
			rs.next();
			return rs.getLong(1);
		}
	}

	/** Copies a ZIP, passing each entry's bytes through {@code change} by name. */
	static void rewrite(Path from, Path to, Map<String, UnaryOperator<byte[]>> changes) throws IOException {
		try (ZipFile zip = new ZipFile(from.toFile());
				OutputStream file = Files.newOutputStream(to);
				ZipOutputStream out = new ZipOutputStream(file)) {
			Enumeration<? extends ZipEntry> entries = zip.entries();
			while (entries.hasMoreElements()) {
				ZipEntry entry = entries.nextElement();
				byte[] bytes;
				try (InputStream in = zip.getInputStream(entry)) {
					bytes = in.readAllBytes();
				}
				out.putNextEntry(new ZipEntry(entry.getName()));
				out.write(changes.getOrDefault(entry.getName(), UnaryOperator.identity()).apply(bytes));
				out.closeEntry();
			}
		}
	}

	static String text(byte[] bytes) {
		return new String(bytes, StandardCharsets.UTF_8);
	}

}
