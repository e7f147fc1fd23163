package jp.mamori.catalog;

/**
 * Our own plain-Japanese guidance for an item: what it means, what counts as はい, what to
 * keep.
 */
public record Guidance(String meaning, String yesWhen, String evidence) {

	public static final Guidance NONE = new Guidance("", "", "");

}
