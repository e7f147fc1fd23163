package jp.mamori.backup;

import java.nio.file.Path;
import java.time.LocalTime;

import jp.mamori.shared.BadInputException;

/**
 * How the instance backs itself up on schedule: into which directory, at what time of day
 * (Japan), how many generations are kept, with which passphrase file (optional), and
 * after how many days without a successful backup the dashboard warns.
 */
public record BackupSettings(boolean enabled, String directory, LocalTime dailyTime, int generations,
		String passphraseFile, int maxAgeDays) {

	/** Checks the settings an administrator entered; the message names the field. */
	public BackupSettings {
		directory = blankToNull(directory);
		passphraseFile = blankToNull(passphraseFile);
		if (enabled && directory == null) {
			throw new BadInputException("定期バックアップを有効にするには、保存先フォルダを入力してください。");
		}
		if (directory != null && !Path.of(directory).isAbsolute()) {
			throw new BadInputException("保存先フォルダは絶対パスで入力してください（例: D:\\mamori-backup、/mnt/backup/mamori）。");
		}
		if (passphraseFile != null && !Path.of(passphraseFile).isAbsolute()) {
			throw new BadInputException("パスフレーズファイルは絶対パスで入力してください。");
		}
		if (dailyTime == null) {
			throw new BadInputException("実行時刻を入力してください。");
		}
		if (generations < 1 || generations > 366) {
			throw new BadInputException("保持する世代数は1〜366の範囲で入力してください。");
		}
		if (maxAgeDays < 1 || maxAgeDays > 366) {
			throw new BadInputException("警告するまでの日数は1〜366の範囲で入力してください。");
		}
	}

	private static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}

}
