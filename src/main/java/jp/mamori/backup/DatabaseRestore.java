package jp.mamori.backup;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

import javax.sql.DataSource;

import jp.mamori.backup.internal.BackupCipher;
import jp.mamori.backup.internal.ColumnType;
import jp.mamori.backup.internal.DatabaseSchema;
import jp.mamori.backup.internal.DatabaseSchema.Column;
import jp.mamori.backup.internal.DatabaseSchema.Table;
import jp.mamori.shared.BadInputException;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Loads a backup into an empty database of the same schema version, whichever database
 * (H2 or PostgreSQL) wrote it. Refuses before writing anything when the target holds an
 * organisation, the schema versions differ, the passphrase is wrong or any table file's
 * checksum or row count does not match the manifest. Then, in one transaction: the rows
 * that migrations seeded are cleared, every table is loaded in foreign-key order, and
 * identity columns are set to continue after the highest restored value.
 */
@Component
public class DatabaseRestore {

	private static final int BATCH_ROWS = 500;

	private final DataSource dataSource;

	private final DatabaseBackup backup;

	DatabaseRestore(DataSource dataSource, DatabaseBackup backup) {
		this.dataSource = dataSource;
		this.backup = backup;
	}

	/**
	 * Restores {@code file}.
	 * @param passphrase the passphrase for an encrypted file, else null
	 * @return the manifest of the restored backup
	 */
	public BackupManifest restore(Path file, char[] passphrase) {
		if (!Files.isRegularFile(file)) {
			throw new BadInputException("バックアップファイルが見つかりません: " + file);
		}
		refuseUnlessEmpty();
		Path decrypted = null;
		try {
			Path plain = file;
			if (isEncrypted(file)) {
				if (passphrase == null) {
					throw new BadInputException("バックアップファイルは暗号化されています。--passphrase-file でパスフレーズを指定してください。");
				}
				decrypted = Files.createTempFile("mamori-restore-", ".zip");
				try (InputStream in = Files.newInputStream(file); OutputStream out = Files.newOutputStream(decrypted)) {
					BackupCipher.decrypt(in, out, passphrase);
				}
				plain = decrypted;
			}
			try (ZipFile zip = open(plain)) {
				BackupManifest manifest = manifest(zip);
				verify(zip, manifest);
				load(zip, manifest);
				return manifest;
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("バックアップファイルを読み込めません: " + file, ex);
		}
		finally {
			if (decrypted != null) {
				try {
					Files.deleteIfExists(decrypted);
				}
				catch (IOException ignored) {
					// a temporary file; the original failure matters more
				}
			}
		}
	}

	private static boolean isEncrypted(Path file) throws IOException {
		try (InputStream in = Files.newInputStream(file)) {
			return BackupCipher.isEncrypted(in.readNBytes(BackupCipher.magicLength()));
		}
	}

	private static ZipFile open(Path file) throws IOException {
		try {
			return new ZipFile(file.toFile(), StandardCharsets.UTF_8);
		}
		catch (ZipException ex) {
			throw new BadInputException("Mamori のバックアップファイル（ZIP）として読めません: " + file.getFileName(), ex);
		}
	}

	private void refuseUnlessEmpty() {
		try (Connection connection = dataSource.getConnection()) {
			Table organizations = DatabaseSchema.read(connection).table("organization");
			try (Statement s = connection.createStatement();
					ResultSet rs = s.executeQuery("select count(*) from " + organizations.quoted())) {
				rs.next();
				if (rs.getLong(1) > 0) {
					throw new BadInputException("復元先のデータベースは空ではありません（組織が " + rs.getLong(1)
							+ " 件登録されています）。データを上書きしないため、復元は新しい空のデータベースにだけ行えます。");
				}
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("復元先のデータベースを確認できません: " + ex.getMessage(), ex);
		}
	}

	private BackupManifest manifest(ZipFile zip) throws IOException {
		ZipEntry entry = zip.getEntry(DatabaseBackup.MANIFEST);
		if (entry == null) {
			throw new BadInputException("Mamori のバックアップファイルではありません（manifest.json がありません）。");
		}
		BackupManifest manifest;
		try (InputStream in = zip.getInputStream(entry)) {
			manifest = DatabaseBackup.JSON.readValue(in, BackupManifest.class);
		}
		catch (JacksonException ex) {
			throw new BadInputException("バックアップファイルの manifest.json が壊れています。", ex);
		}
		if (manifest.formatVersion() != BackupManifest.FORMAT_VERSION) {
			throw new BadInputException("このバックアップファイルの形式（版 " + manifest.formatVersion() + "）には対応していません。");
		}
		String current = backup.schemaVersion();
		if (!current.equals(manifest.schemaVersion())) {
			throw new BadInputException("バックアップのスキーマ版（" + manifest.schemaVersion() + "）と、この Mamori のスキーマ版（" + current
					+ "）が一致しないため復元できません。バックアップを作成したのと同じ版の Mamori で空のデータベースに復元し、"
					+ "その後で新しい版の Mamori を起動してください（起動時にデータベースが移行されます）。");
		}
		return manifest;
	}

	/**
	 * Reads every table file once before anything is written: its SHA-256 and its row
	 * count must match the manifest.
	 */
	private static void verify(ZipFile zip, BackupManifest manifest) throws IOException {
		for (BackupManifest.TableEntry table : manifest.tables()) {
			ZipEntry entry = zip.getEntry(table.file());
			if (entry == null) {
				throw new BadInputException("バックアップファイルが不完全です: " + table.file() + " がありません。何も書き込んでいません。");
			}
			MessageDigest digest = sha256();
			long lines = 0;
			try (InputStream in = new DigestInputStream(zip.getInputStream(entry), digest)) {
				byte[] buffer = new byte[64 * 1024];
				int n;
				while ((n = in.read(buffer)) > 0) {
					for (int i = 0; i < n; i++) {
						if (buffer[i] == '\n') {
							lines++;
						}
					}
				}
			}
			catch (ZipException ex) {
				throw tampered(table.file());
			}
			if (!HexFormat.of().formatHex(digest.digest()).equals(table.sha256()) || lines - 1 != table.rows()) {
				throw tampered(table.file());
			}
		}
	}

	private static BadInputException tampered(String file) {
		return new BadInputException(
				"バックアップファイルが改ざんまたは破損しています（" + file + " のチェックサムが manifest.json と一致しません）。何も書き込んでいません。");
	}

	private void load(ZipFile zip, BackupManifest manifest) throws IOException {
		Map<String, BackupManifest.TableEntry> files = manifest.tables()
			.stream()
			.collect(Collectors.toMap(BackupManifest.TableEntry::name, t -> t));
		try (Connection connection = dataSource.getConnection()) {
			DatabaseSchema schema = DatabaseSchema.read(connection);
			Set<String> expected = schema.tables().stream().map(Table::key).collect(Collectors.toSet());
			if (!expected.equals(files.keySet())) {
				Set<String> missing = new HashSet<>(expected);
				missing.removeAll(files.keySet());
				Set<String> unknown = new HashSet<>(files.keySet());
				unknown.removeAll(expected);
				throw new BadInputException(
						"バックアップのテーブル構成がこのデータベースと一致しません（不足: " + missing + "、余分: " + unknown + "）。何も書き込んでいません。");
			}
			boolean autoCommit = connection.getAutoCommit();
			connection.setAutoCommit(false);
			try {
				List<Table> reversed = new ArrayList<>(schema.tables());
				java.util.Collections.reverse(reversed);
				try (Statement s = connection.createStatement()) {
					// rows that migrations seeded (e.g. the audit chain head) come back
					// from the
					// backup
					for (Table table : reversed) {
						s.executeUpdate("delete from " + table.quoted());
					}
				}
				for (Table table : schema.tables()) {
					long loaded = loadTable(connection, table, zip, files.get(table.key()));
					if (loaded != files.get(table.key()).rows()) {
						throw tampered(files.get(table.key()).file());
					}
				}
				if (schema.isPostgres()) {
					restartIdentities(connection, schema);
				}
				connection.commit();
			}
			catch (SQLException | RuntimeException | IOException ex) {
				connection.rollback();
				throw ex;
			}
			finally {
				connection.setAutoCommit(autoCommit);
			}
			if (!schema.isPostgres()) {
				// H2 commits every ALTER TABLE implicitly, so its identity restarts
				// follow the
				// commit of the data rather than sit inside that transaction
				restartIdentities(connection, schema);
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("復元に失敗しました。データベースは変更されていません: " + ex.getMessage(), ex);
		}
	}

	private long loadTable(Connection connection, Table table, ZipFile zip, BackupManifest.TableEntry entry)
			throws IOException, SQLException {
		try (BufferedReader reader = new BufferedReader(
				new InputStreamReader(zip.getInputStream(zip.getEntry(entry.file())), StandardCharsets.UTF_8),
				64 * 1024)) {
			JsonNode header = DatabaseBackup.JSON.readTree(reader.readLine());
			List<Column> targets = new ArrayList<>();
			List<ColumnType> types = new ArrayList<>();
			for (JsonNode column : header.get("columns")) {
				Column target = table.column(column.get("name").asString());
				if (target == null) {
					throw new BadInputException("バックアップの列 " + table.key() + "." + column.get("name").asString()
							+ " がこのデータベースにありません。何も書き込んでいません。");
				}
				targets.add(target);
				types.add(ColumnType.ofCode(column.get("type").asString()));
			}
			String sql = "insert into " + table.quoted() + " ("
					+ targets.stream().map(c -> DatabaseSchema.quote(c.name())).collect(Collectors.joining(", "))
					+ ") values (" + targets.stream().map(c -> "?").collect(Collectors.joining(", ")) + ")";
			try (PreparedStatement insert = connection.prepareStatement(sql)) {
				RowSink sink = new RowSink(insert, targets, types);
				if (table.selfReferences().isEmpty()) {
					String line;
					while ((line = reader.readLine()) != null) {
						sink.add(DatabaseBackup.JSON.readTree(line));
					}
				}
				else {
					List<JsonNode> rows = new ArrayList<>();
					String line;
					while ((line = reader.readLine()) != null) {
						rows.add(DatabaseBackup.JSON.readTree(line));
					}
					for (JsonNode row : parentsFirst(rows, targets, table.selfReferences(), table.key())) {
						sink.add(row);
					}
				}
				sink.flush();
				return sink.rows;
			}
		}
	}

	/**
	 * Orders the rows of a table that refers to itself (a tree) so that a row comes after
	 * the row it refers to: repeated passes, each taking the rows whose parents are in.
	 */
	static List<JsonNode> parentsFirst(List<JsonNode> rows, List<Column> columns, Map<String, String> selfReferences,
			String table) {
		List<Integer> fkIndexes = new ArrayList<>();
		List<Integer> keyIndexes = new ArrayList<>();
		for (Map.Entry<String, String> reference : selfReferences.entrySet()) {
			fkIndexes.add(indexOf(columns, reference.getKey()));
			keyIndexes.add(indexOf(columns, reference.getValue()));
		}
		List<JsonNode> ordered = new ArrayList<>(rows.size());
		Set<String> inserted = new HashSet<>();
		List<JsonNode> pending = rows;
		while (!pending.isEmpty()) {
			List<JsonNode> next = new ArrayList<>();
			for (JsonNode row : pending) {
				boolean ready = true;
				for (int i = 0; i < fkIndexes.size(); i++) {
					JsonNode parent = row.get(fkIndexes.get(i));
					String own = row.get(keyIndexes.get(i)).asString();
					if (!parent.isNull() && !parent.asString().equals(own)
							&& !inserted.contains(i + ":" + parent.asString())) {
						ready = false;
					}
				}
				if (ready) {
					ordered.add(row);
					for (int i = 0; i < keyIndexes.size(); i++) {
						inserted.add(i + ":" + row.get(keyIndexes.get(i)).asString());
					}
				}
				else {
					next.add(row);
				}
			}
			if (next.size() == pending.size()) {
				throw new BadInputException("テーブル " + table + " の行が自分自身を循環して参照しているため復元できません。");
			}
			pending = next;
		}
		return ordered;
	}

	private static int indexOf(List<Column> columns, String key) {
		for (int i = 0; i < columns.size(); i++) {
			if (columns.get(i).key().equals(key)) {
				return i;
			}
		}
		throw new IllegalStateException("self-referencing column not in the backup: " + key);
	}

	/**
	 * Identity columns continue after the highest restored value, or new rows would
	 * collide with restored ones: rows were inserted with their own ids, which neither
	 * database counts towards its identity sequence.
	 */
	private static void restartIdentities(Connection connection, DatabaseSchema schema) throws SQLException {
		for (Table table : schema.tables()) {
			for (Column column : table.columns()) {
				if (!column.generated()) {
					continue;
				}
				long next;
				try (Statement s = connection.createStatement();
						ResultSet rs = s.executeQuery("select coalesce(max(" + DatabaseSchema.quote(column.name())
								+ "), 0) + 1 from " + table.quoted())) {
					rs.next();
					next = rs.getLong(1);
				}
				if (schema.isPostgres()) {
					try (PreparedStatement p = connection
						.prepareStatement("select setval(pg_get_serial_sequence(?, ?), ?, false)")) {
						p.setString(1, table.quoted());
						p.setString(2, column.name());
						p.setLong(3, next);
						p.execute();
					}
				}
				else {
					try (Statement s = connection.createStatement()) {
						s.execute("alter table " + table.quoted() + " alter column "
								+ DatabaseSchema.quote(column.name()) + " restart with " + next);
					}
				}
			}
		}
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every Java runtime", ex);
		}
	}

	/**
	 * Batches inserts: at most {@value #BATCH_ROWS} rows, or fewer when they carry large
	 * files, so memory stays bounded whatever the evidence sizes.
	 */
	private static final class RowSink {

		private static final long BATCH_CHARS = 16L * 1024 * 1024;

		private final PreparedStatement insert;

		private final List<Column> targets;

		private final List<ColumnType> types;

		private int pending;

		private long pendingChars;

		long rows;

		RowSink(PreparedStatement insert, List<Column> targets, List<ColumnType> types) {
			this.insert = insert;
			this.targets = targets;
			this.types = types;
		}

		void add(JsonNode row) throws SQLException {
			if (row.size() != targets.size()) {
				throw new BadInputException("バックアップの行の列数がヘッダと一致しません。");
			}
			for (int i = 0; i < targets.size(); i++) {
				JsonNode value = row.get(i);
				types.get(i).bind(insert, i + 1, value, targets.get(i).jdbcType());
				if (value.isString()) {
					pendingChars += value.asString().length();
				}
			}
			insert.addBatch();
			pending++;
			rows++;
			if (pending >= BATCH_ROWS || pendingChars >= BATCH_CHARS) {
				flush();
			}
		}

		void flush() throws SQLException {
			if (pending > 0) {
				insert.executeBatch();
				pending = 0;
				pendingChars = 0;
			}
		}

	}

}
