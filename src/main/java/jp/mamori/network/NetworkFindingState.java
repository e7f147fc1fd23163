package jp.mamori.network;

import java.util.Arrays;
import java.util.Optional;

/**
 * Where the triage of a network finding stands. The same four states as the access-log
 * findings, kept as the network module's own type so that neither module depends on the
 * other.
 */
public enum NetworkFindingState {

	/** 未確認: nobody has looked at it yet. */
	NEW("new"),
	/** 確認済み: looked at; real (the setting really is that way). */
	CONFIRMED("confirmed"),
	/** 対応中: the setting is being changed. */
	IN_PROGRESS("in_progress"),
	/** 誤検知: not what the analysis suspected (the reason is on record). */
	FALSE_POSITIVE("false_positive");

	private final String code;

	NetworkFindingState(String code) {
		this.code = code;
	}

	public String code() {
		return code;
	}

	public static Optional<NetworkFindingState> fromCode(String code) {
		return Arrays.stream(values()).filter(s -> s.code.equals(code)).findFirst();
	}

}
