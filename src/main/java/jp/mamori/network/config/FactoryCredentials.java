package jp.mamori.network.config;

import java.util.Map;
import java.util.Optional;

import org.springframework.security.crypto.bcrypt.BCrypt;

/**
 * Passwords devices ship with, and the hashes their configurations then carry. The
 * pfSense hashes are those of its factory {@code config.xml} (bcrypt and, before 2.5,
 * MD5-crypt of {@code pfsense}); a bcrypt hash is also checked against the factory
 * passwords themselves, so a re-hashed default is caught too.
 */
final class FactoryCredentials {

	private static final Map<String, String> KNOWN_HASHES = Map.of(
			"$2b$10$13u6qwCOwODv34GyCMgdWub6oQF3RX0rG7c3d3X4JvzuEmAXLYDd2", "pfsense",
			"$2y$10$13u6qwCOwODv34GyCMgdWub6oQF3RX0rG7c3d3X4JvzuEmAXLYDd2", "pfsense",
			"$1$dSJImFph$GvZ7.1UbuWu.Yb8etC0re.", "pfsense",
			"$2y$10$YRVoF4SgskIsrXOvOQjGieB9XqHPRra9R7d80B3BZdbY/j21TwBfS", "opnsense",
			"$2b$10$YRVoF4SgskIsrXOvOQjGieB9XqHPRra9R7d80B3BZdbY/j21TwBfS", "opnsense");

	private static final Map<Vendor, String[]> FACTORY_PASSWORDS = Map.of(Vendor.PFSENSE,
			new String[] { "pfsense", "opnsense" }, Vendor.IOS, new String[] { "cisco", "Cisco" }, Vendor.ASA,
			new String[] { "cisco" }, Vendor.FORTIGATE, new String[] { "admin", "fortinet" });

	private FactoryCredentials() {
	}

	/** The factory password this secret is, if it is one. */
	static Optional<String> factoryPassword(Vendor vendor, LocalUser user) {
		String secret = user.secret();
		if (secret == null) {
			return Optional.empty();
		}
		String known = KNOWN_HASHES.get(secret);
		if (known != null) {
			return Optional.of(known);
		}
		String[] candidates = FACTORY_PASSWORDS.getOrDefault(vendor, new String[0]);
		for (String candidate : candidates) {
			if (user.plainText() && secret.equals(candidate)) {
				return Optional.of(candidate);
			}
			// a hostile file could carry cost 31 (days of work): only usual costs are
			// tried
			if (secret.matches("\\$2[aby]\\$(0[4-9]|1[0-2])\\$.{53}") && checkBcrypt(candidate, secret)) {
				return Optional.of(candidate);
			}
		}
		return Optional.empty();
	}

	private static boolean checkBcrypt(String candidate, String hash) {
		try {
			return BCrypt.checkpw(candidate, hash);
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

}
