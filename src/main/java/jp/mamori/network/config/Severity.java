package jp.mamori.network.config;

/** How urgent a configuration finding is; {@link #id()} is used in JSON. */
public enum Severity {

	HIGH("high", "高"), MEDIUM("medium", "中"), LOW("low", "低");

	private final String id;

	private final String label;

	Severity(String id, String label) {
		this.id = id;
		this.label = label;
	}

	public String id() {
		return id;
	}

	public String label() {
		return label;
	}

}
