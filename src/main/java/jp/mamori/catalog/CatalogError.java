package jp.mamori.catalog;

/**
 * One problem in a catalog file, with the line it was found on (1-based; 0 when not tied
 * to a line).
 */
public record CatalogError(int line, String message) {

	@Override
	public String toString() {
		return line > 0 ? line + "行目: " + message : message;
	}

}
