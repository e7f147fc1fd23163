package jp.mamori.shared.ledger;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jp.mamori.shared.ConflictException;
import jp.mamori.shared.ImportLock;
import jp.mamori.shared.NotFoundException;
import jp.mamori.shared.OrgId;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Use cases on any ledger: add, change (optimistic locking), remove, and import a file —
 * which is read and validated completely first and then written in one transaction, so a
 * file with one bad row stores nothing. Rows of an import that carry the ID of an
 * existing row of the organisation update it (exports round-trip).
 */
@Service
public class LedgerRecords {

	/** What an import would do, or did. */
	public record ImportResult(String encoding, int rows, int inserted, int updated, List<LedgerError> errors,
			List<String> ignoredHeaders) {

		public boolean valid() {
			return errors.isEmpty();
		}

	}

	public static final int MAX_ROWS = 50_000;

	private final LedgerStore store;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final ImportLock importLock;

	LedgerRecords(LedgerStore store, ApplicationEventPublisher events, Clock clock, ImportLock importLock) {
		this.importLock = importLock;
		this.store = store;
		this.events = events;
		this.clock = clock;
	}

	@Transactional
	public LedgerRow create(LedgerDefinition ledger, OrgId org, Map<String, String> raw, String by) {
		List<LedgerError> errors = new ArrayList<>();
		Map<String, Object> values = LedgerValues.parse(ledger, raw, null, errors);
		if (!errors.isEmpty()) {
			throw new InvalidLedgerDataException(errors);
		}
		UUID id = UUID.randomUUID();
		store.insert(ledger, org, id, values, clock.instant(), by);
		events.publishEvent(new LedgerChanged(org, ledger.id(), "created", id.toString(), label(ledger, values), by));
		return store.find(ledger, org, id).orElseThrow();
	}

	@Transactional
	public LedgerRow update(LedgerDefinition ledger, OrgId org, UUID id, Integer expectedVersion,
			Map<String, String> raw, String by) {
		LedgerRow before = store.find(ledger, org, id).orElseThrow(() -> new NotFoundException("行が見つかりません"));
		List<LedgerError> errors = new ArrayList<>();
		Map<String, Object> values = LedgerValues.parse(ledger, raw, null, errors);
		if (!errors.isEmpty()) {
			throw new InvalidLedgerDataException(errors);
		}
		if (store.update(ledger, org, id, expectedVersion, values, clock.instant(), by) != 1) {
			throw new ConflictException(stale(ledger, store.find(ledger, org, id).orElse(before), values));
		}
		events.publishEvent(new LedgerChanged(org, ledger.id(), "updated", id.toString(),
				changes(ledger, before.values(), values), by));
		return store.find(ledger, org, id).orElseThrow();
	}

	@Transactional
	public void delete(LedgerDefinition ledger, OrgId org, UUID id, String by) {
		LedgerRow before = store.find(ledger, org, id).orElseThrow(() -> new NotFoundException("行が見つかりません"));
		store.delete(ledger, org, id);
		events.publishEvent(
				new LedgerChanged(org, ledger.id(), "deleted", id.toString(), label(ledger, before.values()), by));
	}

	/** Reads and validates a file without writing anything. */
	@Transactional(readOnly = true)
	public ImportResult preview(LedgerDefinition ledger, OrgId org, String fileName, byte[] bytes, String encoding) {
		return validate(ledger, org, fileName, bytes, encoding).result();
	}

	/**
	 * Imports a file: every row valid, or nothing is written
	 * ({@link InvalidLedgerDataException}).
	 */
	@Transactional
	public ImportResult importFile(LedgerDefinition ledger, OrgId org, String fileName, byte[] bytes, String encoding,
			String by) {
		return importFile(ledger, org, fileName, bytes, encoding, by, (done, total) -> {
		});
	}

	/** Reports rows written so far while importing (for the progress view). */
	@FunctionalInterface
	public interface ImportProgress {

		void rowsWritten(int done, int total);

	}

	@Transactional
	public ImportResult importFile(LedgerDefinition ledger, OrgId org, String fileName, byte[] bytes, String encoding,
			String by, ImportProgress progress) {
		// one import per ledger at a time, and validated against what the previous one
		// left: two files imported at once end as the later one, never as a mix
		importLock.hold(ImportLock.ledger(org, ledger.id()));
		Validated validated = validate(ledger, org, fileName, bytes, encoding);
		if (!validated.result().valid()) {
			throw new InvalidLedgerDataException(validated.result().errors());
		}
		var now = clock.instant();
		int total = validated.inserts().size() + validated.updates().size();
		store.insertAll(ledger, org, validated.inserts(), now, by, done -> progress.rowsWritten(done, total));
		int done = validated.inserts().size();
		for (Map.Entry<UUID, Map<String, Object>> update : validated.updates().entrySet()) {
			store.update(ledger, org, update.getKey(), null, update.getValue(), now, by);
			progress.rowsWritten(++done, total);
		}
		events.publishEvent(new LedgerChanged(org, ledger.id(), "imported", fileName, "追加 " + validated.inserts().size()
				+ " 件、更新 " + validated.updates().size() + " 件（" + validated.result().encoding() + "）", by));
		return validated.result();
	}

	private record Validated(ImportResult result, List<Map<String, Object>> inserts,
			Map<UUID, Map<String, Object>> updates) {
	}

	private Validated validate(LedgerDefinition ledger, OrgId org, String fileName, byte[] bytes, String encoding) {
		LedgerFile.Parsed parsed = LedgerFile.read(ledger, fileName, bytes, encoding);
		List<LedgerError> errors = new ArrayList<>(parsed.errors());
		if (parsed.rows().isEmpty() && errors.isEmpty()) {
			errors.add(new LedgerError(null, null, "取り込む行がありません"));
		}
		if (parsed.rows().size() > MAX_ROWS) {
			errors
				.add(new LedgerError(null, null, "一度に取り込めるのは " + MAX_ROWS + " 行までです（" + parsed.rows().size() + " 行）"));
		}
		List<Map<String, Object>> inserts = new ArrayList<>();
		Map<UUID, Map<String, Object>> updates = new java.util.LinkedHashMap<>();
		Set<UUID> seen = new HashSet<>();
		for (LedgerFile.RawRow row : parsed.rows()) {
			Map<String, Object> values = LedgerValues.parse(ledger, row.values(), row.row(), errors);
			if (row.id() == null) {
				inserts.add(values);
				continue;
			}
			try {
				UUID id = UUID.fromString(row.id());
				if (!seen.add(id)) {
					errors.add(new LedgerError(row.row(), "ID", "同じIDの行が二つあります"));
				}
				else if (store.find(ledger, org, id).isEmpty()) {
					errors.add(new LedgerError(row.row(), "ID", "この組織の台帳にないIDです（新しい行はIDを空欄にしてください）"));
				}
				else {
					updates.put(id, values);
				}
			}
			catch (IllegalArgumentException ex) {
				errors.add(new LedgerError(row.row(), "ID", "IDの形式が正しくありません（新しい行はIDを空欄にしてください）"));
			}
		}
		ImportResult result = new ImportResult(parsed.encoding(), parsed.rows().size(), inserts.size(), updates.size(),
				List.copyOf(errors), parsed.ignoredHeaders());
		return new Validated(result, inserts, updates);
	}

	/**
	 * The refusal of a stale save, with the newer values of the columns where they differ
	 * from what this person typed, so that they see what the other editor saved.
	 */
	static String stale(LedgerDefinition ledger, LedgerRow newer, Map<String, Object> typed) {
		StringBuilder text = new StringBuilder("この行は他の人が先に更新しました");
		List<String> who = new ArrayList<>();
		if (newer.updatedBy() != null) {
			who.add(newer.updatedBy());
		}
		if (newer.updatedAt() != null) {
			who.add(java.time.format.DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm")
				.format(newer.updatedAt().atZone(java.time.ZoneId.of("Asia/Tokyo"))));
		}
		if (!who.isEmpty()) {
			text.append("（").append(String.join("、", who)).append("）");
		}
		List<String> differences = new ArrayList<>();
		for (LedgerColumn column : ledger.columns()) {
			Object stored = newer.values().get(column.key());
			Object mine = typed.get(column.key());
			if (!java.util.Objects.equals(stored, mine)) {
				differences.add(column.header() + "「" + LedgerValues.format(column, stored) + "」（あなたの入力「"
						+ LedgerValues.format(column, mine) + "」）");
			}
		}
		if (!differences.isEmpty()) {
			text.append("。最新の内容: ").append(String.join("、", differences));
		}
		return text.append("。あなたの入力はまだ保存されていません。画面を再読み込みしてから入力し直してください").toString();
	}

	private static String label(LedgerDefinition ledger, Map<String, Object> values) {
		return LedgerValues.format(ledger.labelColumn(), values.get(ledger.labelColumn().key()));
	}

	private static String changes(LedgerDefinition ledger, Map<String, Object> before, Map<String, Object> after) {
		List<String> changes = new ArrayList<>();
		for (LedgerColumn column : ledger.columns()) {
			Object a = before.get(column.key());
			Object b = after.get(column.key());
			if (!java.util.Objects.equals(a, b)) {
				changes.add(column.header() + ": " + LedgerValues.format(column, a) + " → "
						+ LedgerValues.format(column, b));
			}
		}
		return String.join("; ", changes);
	}

}
