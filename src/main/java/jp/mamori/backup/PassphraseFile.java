package jp.mamori.backup;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import jp.mamori.shared.BadInputException;

/**
 * A backup passphrase kept in a file (not on the command line, where {@code ps} and the
 * shell history would show it): its first line, without the line ending.
 */
public final class PassphraseFile {

	private PassphraseFile() {
	}

	/** The passphrase in {@code file}, or null when no file is named. */
	public static char[] read(Path file) {
		if (file == null) {
			return null;
		}
		String text;
		try {
			text = Files.readString(file, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new BadInputException("パスフレーズファイルを読み込めません: " + file, ex);
		}
		String first = text.lines().findFirst().orElse("");
		if (first.isEmpty()) {
			throw new BadInputException("パスフレーズファイルの1行目が空です: " + file);
		}
		return first.toCharArray();
	}

}
