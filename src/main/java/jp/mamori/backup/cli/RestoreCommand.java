package jp.mamori.backup.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import jp.mamori.backup.BackupManifest;
import jp.mamori.backup.DatabaseRestore;
import jp.mamori.backup.PassphraseFile;
import jp.mamori.shared.MamoriSubcommand;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code mamori restore FILE [--passphrase-file F]}: loads a backup into the configured
 * database, which must be empty (no organisation) and at the backup's schema version.
 */
@Component
@Command(name = "restore", mixinStandardHelpOptions = true,
		description = "バックアップを空のデータベースに復元します / restore a backup into an empty database")
public class RestoreCommand implements MamoriSubcommand, Callable<Integer> {

	private final DatabaseRestore restore;

	@Spec
	CommandSpec spec;

	@Parameters(index = "0", paramLabel = "FILE", description = "バックアップファイル / the backup file")
	Path file;

	@Option(names = "--passphrase-file", paramLabel = "F",
			description = "暗号化のパスフレーズを1行目に書いたファイル / file whose first line is the passphrase")
	Path passphraseFile;

	RestoreCommand(DatabaseRestore restore) {
		this.restore = restore;
	}

	@Override
	public Integer call() {
		BackupManifest manifest = restore.restore(file, PassphraseFile.read(passphraseFile));
		spec.commandLine()
			.getOut()
			.println("復元しました / restored: " + manifest.tables().size() + " tables, " + manifest.totalRows()
					+ " rows (backup of " + manifest.createdAt() + ", " + manifest.database() + ")");
		return 0;
	}

}
