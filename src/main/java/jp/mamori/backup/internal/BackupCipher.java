package jp.mamori.backup.internal;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.CipherOutputStream;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

import jp.mamori.shared.BadInputException;

/**
 * Passphrase encryption of a whole backup file with the JDK's own primitives: AES-256-GCM
 * under a key derived by PBKDF2-HMAC-SHA256. The file starts with a plain header (magic,
 * iteration count, salt, nonce) that is also the GCM associated data, so changing the
 * header breaks the tag just as changing the content does.
 * <p>
 * One GCM message for the whole file keeps the construction the textbook one. Its price:
 * the JDK releases no decrypted byte before the tag is checked, so decrypting holds the
 * backup in memory once — which is also what makes "nothing is written before the file is
 * proven intact" hold for encrypted backups.
 */
public final class BackupCipher {

	static final byte[] MAGIC = "MAMORI-BACKUP-AES256GCM-1\n".getBytes(StandardCharsets.US_ASCII);

	/** OWASP's 2023 recommendation for PBKDF2-HMAC-SHA256. */
	static final int ITERATIONS = 600_000;

	private static final int SALT_BYTES = 16;

	private static final int NONCE_BYTES = 12;

	private static final int TAG_BITS = 128;

	private static final SecureRandom RANDOM = new SecureRandom();

	private BackupCipher() {
	}

	/** Whether a file begins like an encrypted backup. */
	public static boolean isEncrypted(byte[] head) {
		return head.length >= MAGIC.length && Arrays.equals(Arrays.copyOf(head, MAGIC.length), MAGIC);
	}

	public static int magicLength() {
		return MAGIC.length;
	}

	/**
	 * Writes the header to {@code out} and returns a stream that encrypts into it;
	 * closing that stream writes the tag and closes {@code out}.
	 */
	public static OutputStream encrypting(OutputStream out, char[] passphrase) throws IOException {
		byte[] salt = new byte[SALT_BYTES];
		byte[] nonce = new byte[NONCE_BYTES];
		RANDOM.nextBytes(salt);
		RANDOM.nextBytes(nonce);
		byte[] header = header(ITERATIONS, salt, nonce);
		try {
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, key(passphrase, salt, ITERATIONS), new GCMParameterSpec(TAG_BITS, nonce));
			cipher.updateAAD(header);
			out.write(header);
			return new CipherOutputStream(out, cipher);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("AES-GCM and PBKDF2 are part of every Java runtime", ex);
		}
	}

	/**
	 * Decrypts an encrypted backup from {@code in} into {@code out}. A wrong passphrase
	 * and a changed byte look the same to GCM: both are refused with one message.
	 */
	public static void decrypt(InputStream in, OutputStream out, char[] passphrase) throws IOException {
		DataInputStream data = new DataInputStream(in);
		byte[] magic = data.readNBytes(MAGIC.length);
		if (!Arrays.equals(magic, MAGIC)) {
			throw new BadInputException("暗号化されたバックアップファイルではありません。");
		}
		int iterations = data.readInt();
		if (iterations < 10_000 || iterations > 100_000_000) {
			throw new BadInputException("バックアップファイルの暗号化ヘッダが壊れています。");
		}
		byte[] salt = data.readNBytes(SALT_BYTES);
		byte[] nonce = data.readNBytes(NONCE_BYTES);
		if (salt.length != SALT_BYTES || nonce.length != NONCE_BYTES) {
			throw new BadInputException("バックアップファイルの暗号化ヘッダが壊れています。");
		}
		try {
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, key(passphrase, salt, iterations), new GCMParameterSpec(TAG_BITS, nonce));
			cipher.updateAAD(header(iterations, salt, nonce));
			byte[] buffer = new byte[64 * 1024];
			int n;
			while ((n = data.read(buffer)) > 0) {
				byte[] plain = cipher.update(buffer, 0, n);
				if (plain != null) {
					out.write(plain);
				}
			}
			out.write(cipher.doFinal());
		}
		catch (AEADBadTagException ex) {
			throw new BadInputException("パスフレーズが違うか、バックアップファイルが改ざん・破損しています。", ex);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("AES-GCM and PBKDF2 are part of every Java runtime", ex);
		}
	}

	private static byte[] header(int iterations, byte[] salt, byte[] nonce) {
		return ByteBuffer.allocate(MAGIC.length + 4 + salt.length + nonce.length)
			.put(MAGIC)
			.putInt(iterations)
			.put(salt)
			.put(nonce)
			.array();
	}

	private static SecretKeySpec key(char[] passphrase, byte[] salt, int iterations) throws GeneralSecurityException {
		PBEKeySpec spec = new PBEKeySpec(passphrase, salt, iterations, 256);
		try {
			byte[] key = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
			return new SecretKeySpec(key, "AES");
		}
		finally {
			spec.clearPassword();
		}
	}

}
