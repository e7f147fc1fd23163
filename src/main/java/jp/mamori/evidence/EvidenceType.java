package jp.mamori.evidence;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The kinds of file accepted as evidence, recognised by extension and confirmed by the
 * first bytes, so a renamed executable is refused whatever content type the browser
 * claims.
 */
enum EvidenceType {

	PDF("application/pdf", new String[] { "pdf" }, new int[] { 0x25, 0x50, 0x44, 0x46 }),
	PNG("image/png", new String[] { "png" }, new int[] { 0x89, 0x50, 0x4E, 0x47 }),
	JPEG("image/jpeg", new String[] { "jpg", "jpeg" }, new int[] { 0xFF, 0xD8, 0xFF }),
	XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", new String[] { "xlsx" },
			new int[] { 0x50, 0x4B, 0x03, 0x04 }),
	DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", new String[] { "docx" },
			new int[] { 0x50, 0x4B, 0x03, 0x04 }),
	XLS("application/vnd.ms-excel", new String[] { "xls" }, new int[] { 0xD0, 0xCF, 0x11, 0xE0 }),
	DOC("application/msword", new String[] { "doc" }, new int[] { 0xD0, 0xCF, 0x11, 0xE0 }),
	TEXT("text/plain", new String[] { "txt", "log", "csv" }, null);

	private final String contentType;

	private final String[] extensions;

	private final int[] magic;

	EvidenceType(String contentType, String[] extensions, int[] magic) {
		this.contentType = contentType;
		this.extensions = extensions;
		this.magic = magic;
	}

	String contentType() {
		return contentType;
	}

	static Optional<EvidenceType> forFileName(String fileName) {
		int dot = fileName.lastIndexOf('.');
		if (dot < 0) {
			return Optional.empty();
		}
		String extension = fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
		return Arrays.stream(values()).filter(t -> Arrays.asList(t.extensions).contains(extension)).findFirst();
	}

	boolean matches(byte[] bytes) {
		if (magic == null) {
			// text: no NUL bytes in the first 8 KiB
			for (int i = 0; i < Math.min(bytes.length, 8192); i++) {
				if (bytes[i] == 0) {
					return false;
				}
			}
			return true;
		}
		if (bytes.length < magic.length) {
			return false;
		}
		for (int i = 0; i < magic.length; i++) {
			if ((bytes[i] & 0xFF) != magic[i]) {
				return false;
			}
		}
		return true;
	}

}
