package jp.mamori.identity;

import java.util.Base64;

/**
 * What a person needs to add Mamori to an authenticator app: the secret (for typing in),
 * the {@code otpauth://} URI and that URI as a QR code (PNG, made on the server: no
 * external service sees the secret).
 */
public record TotpEnrolment(String secret, String otpauthUri, byte[] qrPng) {

	/**
	 * The QR code for an {@code <img>}; the Content-Security-Policy allows data: images.
	 */
	public String qrDataUri() {
		return "data:image/png;base64," + Base64.getEncoder().encodeToString(qrPng);
	}

}
