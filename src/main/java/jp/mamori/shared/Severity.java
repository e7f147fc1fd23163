package jp.mamori.shared;

/**
 * How urgent a finding is — of a log analysis, a configuration, a scan — in one scale, so
 * that lists and roll-ups across modules compare them. {@link #id()} is what JSON carries
 * ({@code high} …); the order of the constants is most urgent first.
 */
public enum Severity {

	HIGH("high", "高"), MEDIUM("medium", "中"), LOW("low", "低"), INFO("info", "情報");

	private final String id;

	private final String label;

	Severity(String id, String label) {
		this.id = id;
		this.label = label;
	}

	public String id() {
		return id;
	}

	/** The Japanese label (高・中・低・情報). */
	public String label() {
		return label;
	}

}
