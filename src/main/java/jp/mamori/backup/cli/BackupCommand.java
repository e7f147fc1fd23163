package jp.mamori.backup.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import jp.mamori.backup.BackupManifest;
import jp.mamori.backup.DatabaseBackup;
import jp.mamori.backup.PassphraseFile;
import jp.mamori.shared.MamoriSubcommand;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code mamori backup FILE [--passphrase-file F]}: a consistent snapshot of the whole
 * database, evidence files included, into one ZIP (encrypted with the passphrase when one
 * is given).
 */
@Component
@Command(name = "backup", mixinStandardHelpOptions = true,
		description = "データベース全体（証跡ファイルを含む）をバックアップします / back up the whole database")
public class BackupCommand implements MamoriSubcommand, Callable<Integer> {

	private final DatabaseBackup backup;

	@Spec
	CommandSpec spec;

	@Parameters(index = "0", paramLabel = "FILE", description = "書き出すファイル (.zip) / the backup file to write")
	Path file;

	@Option(names = "--passphrase-file", paramLabel = "F",
			description = "暗号化のパスフレーズを1行目に書いたファイル / file whose first line is the passphrase")
	Path passphraseFile;

	BackupCommand(DatabaseBackup backup) {
		this.backup = backup;
	}

	@Override
	public Integer call() {
		BackupManifest manifest = backup.writeTo(file, PassphraseFile.read(passphraseFile));
		spec.commandLine()
			.getOut()
			.println("バックアップを作成しました / backup written: " + file + " (" + manifest.tables().size() + " tables, "
					+ manifest.totalRows() + " rows, schema " + manifest.schemaVersion()
					+ (passphraseFile != null ? ", encrypted" : "") + ")");
		return 0;
	}

}
