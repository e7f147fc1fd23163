package jp.mamori.audit;

import java.util.List;

/**
 * One page of a filtered trail, newest first.
 *
 * @param page the page shown, from 1
 * @param total entries matching the filter on all pages
 */
public record AuditPage(List<AuditEntry> entries, int page, int size, long total) {

	public AuditPage {
		entries = List.copyOf(entries);
	}

	public static AuditPage empty(int size) {
		return new AuditPage(List.of(), 1, size, 0);
	}

	public int totalPages() {
		return (int) Math.max(1, (total + size - 1) / size);
	}

	public boolean hasPrevious() {
		return page > 1;
	}

	public boolean hasNext() {
		return page < totalPages();
	}

	/** Position of the first entry shown among all matches, from 1 (0 when none). */
	public long firstRow() {
		return total == 0 ? 0 : (long) (page - 1) * size + 1;
	}

	public long lastRow() {
		return Math.min((long) page * size, total);
	}

}
