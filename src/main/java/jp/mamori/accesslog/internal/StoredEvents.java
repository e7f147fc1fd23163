package jp.mamori.accesslog.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.temporal.ChronoUnit;

import jp.mamori.accesslog.parser.LogEvent;

/**
 * How an event is stored: strings cut to their column sizes and the time to microseconds
 * (what both H2 and PostgreSQL keep), so that an event read back is equal to the one
 * written; and its fingerprint, which makes importing the same records twice add nothing
 * and lets findings point at their evidence across re-analyses.
 */
public final class StoredEvents {

	private StoredEvents() {
	}

	/** The event as the database will hold it. */
	public static LogEvent normalise(LogEvent e) {
		return new LogEvent(e.time().truncatedTo(ChronoUnit.MICROS), cut(e.host(), 255), cut(e.channel(), 255),
				cut(e.eventId(), 40), e.kind(), e.outcome(), e.access(), cut(e.user(), 255), cut(e.subjectUser(), 255),
				cut(e.sourceAddress(), 100), cut(e.target(), 1000), e.logonType(), cut(e.process(), 500),
				cut(e.status(), 500), e.recordNumber(), e.data());
	}

	/**
	 * 128 bits of SHA-256 (written as a UUID) over what identifies a record: when, where,
	 * which record, what and whom. Two different records with all of these equal are the
	 * same record.
	 */
	public static String fingerprint(LogEvent e) {
		StringBuilder key = new StringBuilder(256);
		key.append(e.time().truncatedTo(ChronoUnit.MICROS))
			.append('|')
			.append(e.host())
			.append('|')
			.append(e.channel())
			.append('|')
			.append(e.eventId())
			.append('|')
			.append(e.recordNumber())
			.append('|')
			.append(e.kind())
			.append('|')
			.append(e.user())
			.append('|')
			.append(e.subjectUser())
			.append('|')
			.append(e.sourceAddress())
			.append('|')
			.append(e.target())
			.append('|')
			.append(e.status());
		// stored as a UUID: 16 bytes compare fast in both databases' indexes, with no
		// collation
		java.nio.ByteBuffer bytes = java.nio.ByteBuffer.wrap(sha256(key.toString()));
		return new java.util.UUID(bytes.getLong(), bytes.getLong()).toString();
	}

	public static byte[] sha256(String text) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public static String cut(String value, int max) {
		return value == null || value.length() <= max ? value : value.substring(0, max);
	}

}
