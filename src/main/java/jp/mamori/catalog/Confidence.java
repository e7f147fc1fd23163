package jp.mamori.catalog;

/**
 * How sure we are of an item's printed wording: V seen in an MHLW document, S from
 * secondary sources, M from memory or inference (the UI marks S and M as unverified
 * wording).
 */
public enum Confidence {

	V, S, M;

	public boolean verified() {
		return this == V;
	}

}
