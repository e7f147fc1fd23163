package jp.mamori.shared;

import java.util.Objects;
import java.util.UUID;

/**
 * Identifies an organisation; every organisation-owned row and every query carries one.
 */
public record OrgId(UUID value) {

	public OrgId {
		Objects.requireNonNull(value, "value");
	}

	public static OrgId of(String text) {
		try {
			return new OrgId(UUID.fromString(text));
		}
		catch (IllegalArgumentException ex) {
			throw new BadInputException("組織IDの形式が正しくありません: " + text);
		}
	}

	public static OrgId random() {
		return new OrgId(UUID.randomUUID());
	}

	@Override
	public String toString() {
		return value.toString();
	}

}
