package jp.mamori.shared.ledger;

/**
 * A problem with one cell (or the whole row when {@code column} is null, or the header
 * when {@code row} is the header's row). Rows are numbered as the spreadsheet shows them:
 * the header is row 1.
 */
public record LedgerError(Integer row, String column, String message) {

	@Override
	public String toString() {
		return (row == null ? "" : row + "行目 ") + (column == null ? "" : "「" + column + "」: ") + message;
	}

}
