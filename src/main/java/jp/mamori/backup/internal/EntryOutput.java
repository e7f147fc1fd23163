package jp.mamori.backup.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Writes one ZIP entry's bytes through to the archive while hashing them, and leaves the
 * archive open when the entry's writer is closed.
 */
public final class EntryOutput extends OutputStream {

	private final OutputStream archive;

	private final MessageDigest digest;

	public EntryOutput(OutputStream archive) {
		this.archive = archive;
		try {
			this.digest = MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every Java runtime", ex);
		}
	}

	@Override
	public void write(int b) throws IOException {
		archive.write(b);
		digest.update((byte) b);
	}

	@Override
	public void write(byte[] b, int off, int len) throws IOException {
		archive.write(b, off, len);
		digest.update(b, off, len);
	}

	@Override
	public void flush() throws IOException {
		archive.flush();
	}

	@Override
	public void close() throws IOException {
		// the archive stays open for the next entry
		archive.flush();
	}

	/** SHA-256 of everything written, as lower-case hex. */
	public String sha256() {
		return HexFormat.of().formatHex(digest.digest());
	}

}
