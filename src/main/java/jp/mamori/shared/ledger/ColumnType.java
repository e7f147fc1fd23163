package jp.mamori.shared.ledger;

/** How a ledger cell is read, stored and written. */
public enum ColumnType {

	/** Free text (varchar). */
	TEXT,
	/** Whole number. */
	INTEGER,
	/** A date: 2025-06-01, 2025/6/1, 令和7年6月1日 or an Excel date cell. */
	DATE,
	/** はい/いいえ, 有/無, ○/×, yes/no, true/false, 1/0. */
	BOOLEAN,
	/** One of a fixed set of codes, each with a Japanese label; either may be written. */
	CHOICE,
	/**
	 * Several values in one cell, separated by line breaks, commas or semicolons (IP
	 * addresses …); not by 、, so that Japanese sentences stay whole.
	 */
	LIST

}
