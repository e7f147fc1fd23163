package jp.mamori.backup;

import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import javax.sql.DataSource;

import jp.mamori.backup.internal.BackupCipher;
import jp.mamori.backup.internal.DatabaseSchema;
import jp.mamori.backup.internal.DatabaseSchema.Column;
import jp.mamori.backup.internal.DatabaseSchema.Table;
import jp.mamori.backup.internal.EntryOutput;
import org.flywaydb.core.Flyway;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a backup: one consistent snapshot of every table into a ZIP of JSON-lines files
 * (one per table, typed header first) and {@code manifest.json}, optionally encrypted.
 * <p>
 * Consistency: all tables are read in one read-only transaction. On PostgreSQL it runs at
 * REPEATABLE READ, which there is a snapshot of the whole database taken at the first
 * query. On H2 it runs at H2's SNAPSHOT level (MVStore keeps the versions the transaction
 * started with); and the command line on an H2 file can only run while no server holds
 * the file, so nothing else writes at all.
 */
@Component
public class DatabaseBackup {

	static final String MANIFEST = "manifest.json";

	static final JsonMapper JSON = JsonMapper.builder().build();

	private final DataSource dataSource;

	private final Flyway flyway;

	private final Clock clock;

	private final String mamoriVersion;

	DatabaseBackup(DataSource dataSource, Flyway flyway, Clock clock, ObjectProvider<BuildProperties> build) {
		this.dataSource = dataSource;
		this.flyway = flyway;
		this.clock = clock;
		BuildProperties properties = build.getIfAvailable();
		this.mamoriVersion = properties != null ? properties.getVersion() : "development";
	}

	/**
	 * Writes a backup to {@code file}, atomically: into a temporary file beside it that
	 * is moved into place only when complete, so a crash never leaves a half backup under
	 * the real name.
	 * @param passphrase null for an unencrypted file
	 */
	public BackupManifest writeTo(Path file, char[] passphrase) {
		Path target = file.toAbsolutePath();
		Path temporary = target.resolveSibling(target.getFileName() + ".part");
		try {
			BackupManifest manifest;
			try (OutputStream out = Files.newOutputStream(temporary)) {
				manifest = write(out, passphrase);
			}
			Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
			return manifest;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("バックアップファイルを書き込めません: " + target, ex);
		}
		finally {
			try {
				Files.deleteIfExists(temporary);
			}
			catch (IOException ignored) {
				// nothing more to do than report the original failure
			}
		}
	}

	/**
	 * Writes a backup to a stream (a download, or a file), encrypted when a passphrase is
	 * given. Closes the stream.
	 */
	public BackupManifest write(OutputStream destination, char[] passphrase) throws IOException {
		OutputStream out = new BufferedOutputStream(destination, 64 * 1024);
		if (passphrase != null) {
			out = BackupCipher.encrypting(out, passphrase);
		}
		try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
			BackupManifest manifest = snapshot(zip);
			zip.putNextEntry(new ZipEntry(MANIFEST));
			EntryOutput entry = new EntryOutput(zip);
			JSON.writerWithDefaultPrettyPrinter().writeValue(entry, manifest);
			zip.closeEntry();
			return manifest;
		}
	}

	private BackupManifest snapshot(ZipOutputStream zip) throws IOException {
		try (Connection connection = dataSource.getConnection()) {
			boolean h2 = connection.getMetaData().getDatabaseProductName().toLowerCase().startsWith("h2");
			boolean autoCommit = connection.getAutoCommit();
			int isolation = connection.getTransactionIsolation();
			connection.setAutoCommit(false);
			connection.setReadOnly(true);
			String consistency;
			if (h2) {
				try (Statement s = connection.createStatement()) {
					s.execute("SET SESSION CHARACTERISTICS AS TRANSACTION ISOLATION LEVEL SNAPSHOT");
				}
				consistency = "H2 SNAPSHOT isolation, one read-only transaction";
			}
			else {
				connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
				consistency = "REPEATABLE READ, one read-only transaction";
			}
			try {
				DatabaseSchema schema = DatabaseSchema.read(connection);
				List<BackupManifest.TableEntry> entries = new ArrayList<>();
				for (Table table : schema.tables()) {
					entries.add(writeTable(connection, table, zip));
				}
				return new BackupManifest(BackupManifest.FORMAT_VERSION, mamoriVersion, schemaVersion(),
						clock.instant(), schema.product(), consistency,
						DatabaseSchema.EXCLUDED.stream().sorted().toList(), entries);
			}
			finally {
				connection.rollback();
				if (h2) {
					try (Statement s = connection.createStatement()) {
						s.execute("SET SESSION CHARACTERISTICS AS TRANSACTION ISOLATION LEVEL READ COMMITTED");
					}
				}
				else {
					connection.setTransactionIsolation(isolation);
				}
				connection.setReadOnly(false);
				connection.setAutoCommit(autoCommit);
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("バックアップ中にデータベースの読み取りに失敗しました: " + ex.getMessage(), ex);
		}
	}

	private BackupManifest.TableEntry writeTable(Connection connection, Table table, ZipOutputStream zip)
			throws IOException, SQLException {
		String file = "tables/" + table.key() + ".jsonl";
		zip.putNextEntry(new ZipEntry(file));
		EntryOutput entry = new EntryOutput(zip);
		long rows = 0;
		try (Writer writer = new BufferedWriter(new OutputStreamWriter(entry, StandardCharsets.UTF_8), 64 * 1024)) {
			Map<String, Object> header = new LinkedHashMap<>();
			header.put("table", table.key());
			header.put("columns",
					table.columns().stream().map(c -> Map.of("name", c.key(), "type", c.type().code())).toList());
			writer.write(JSON.writeValueAsString(header));
			writer.write('\n');
			String columns = table.columns()
				.stream()
				.map(c -> DatabaseSchema.quote(c.name()))
				.collect(Collectors.joining(", "));
			try (PreparedStatement select = connection
				.prepareStatement("select " + columns + " from " + table.quoted())) {
				// streams rows on PostgreSQL (a cursor, inside the transaction) instead
				// of
				// loading the table
				select.setFetchSize(500);
				try (ResultSet rs = select.executeQuery()) {
					List<Object> values = new ArrayList<>(table.columns().size());
					while (rs.next()) {
						values.clear();
						int index = 1;
						for (Column column : table.columns()) {
							values.add(column.type().read(rs, index++));
						}
						writer.write(JSON.writeValueAsString(values));
						writer.write('\n');
						rows++;
					}
				}
			}
		}
		zip.closeEntry();
		return new BackupManifest.TableEntry(table.key(), file, rows, entry.sha256());
	}

	/** The Flyway version of the connected database's schema. */
	String schemaVersion() {
		var current = flyway.info().current();
		return current == null || current.getVersion() == null ? "none" : current.getVersion().getVersion();
	}

}
