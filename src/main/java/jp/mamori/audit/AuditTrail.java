package jp.mamori.audit;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import jp.mamori.audit.internal.AuditRepository;
import jp.mamori.shared.Auditable;
import jp.mamori.shared.OrgId;
import jp.mamori.shared.Sha256;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Appends to and verifies the hash chain. Appending locks the chain head row, so
 * concurrent transactions (or nodes) extend the chain one after another instead of
 * forking it.
 */
@Service
public class AuditTrail {

	/** Where verification found the chain broken. */
	public record Break(long seq, Kind kind, String reason) {

		/** What is wrong at {@link #seq()}. */
		public enum Kind {

			/** the entry is not there: removed */
			MISSING("missing"),
			/** it does not carry the hash of the entry before it */
			LINK("link"),
			/** its content no longer matches its hash */
			ALTERED("altered"),
			/** the chain head names a last entry that is not there */
			LAST_MISSING("lastMissing");

			private final String code;

			Kind(String code) {
				this.code = code;
			}

			public String code() {
				return code;
			}

		}

	}

	private final AuditRepository repository;

	private final Clock clock;

	AuditTrail(AuditRepository repository, Clock clock) {
		this.repository = repository;
		this.clock = clock;
	}

	/** Records an auditable event in the transaction that published it. */
	@EventListener
	@Transactional
	public void on(Auditable event) {
		for (Auditable.AuditFacts facts : event.audits()) {
			append(facts.org(), facts.actor(), facts.action(), facts.target(), facts.detail());
		}
	}

	@Transactional
	public AuditEntry append(OrgId org, String actor, String action, String target, String detail) {
		AuditRepository.Head head = repository.lockHead();
		long seq = head.lastSeq() + 1;
		// stored and hashed at millisecond precision, which every database keeps exactly
		Instant at = clock.instant().truncatedTo(ChronoUnit.MILLIS);
		String safeActor = actor == null ? "system" : truncate(actor, 100);
		String safeTarget = truncate(target, 300);
		String safeDetail = truncate(detail, 4000);
		String hash = hash(head.lastHash(), seq, org, at, safeActor, action, safeTarget, safeDetail);
		AuditEntry entry = new AuditEntry(seq, org, at, safeActor, action, safeTarget, safeDetail, head.lastHash(),
				hash);
		repository.insert(entry);
		repository.moveHead(seq, hash);
		return entry;
	}

	public List<AuditEntry> entries(OrgId org, int limit) {
		return repository.entries(org, limit);
	}

	/**
	 * One page (from 1) of the organisation's entries that match the filter, newest
	 * first; a page past the end shows the last one.
	 */
	@Transactional(readOnly = true)
	public AuditPage search(OrgId org, AuditFilter filter, int page, int size) {
		if (size < 1) {
			throw new IllegalArgumentException("size must be positive: " + size);
		}
		long total = repository.count(org, filter, Long.MAX_VALUE);
		int pages = (int) Math.max(1, (total + size - 1) / size);
		int shown = Math.min(Math.max(page, 1), pages);
		return new AuditPage(repository.page(org, filter, (long) (shown - 1) * size, size), shown, size, total);
	}

	/** The action codes that occur in the organisation's trail. */
	public List<String> actions(OrgId org) {
		return repository.actions(org);
	}

	/** Who acted in the organisation's trail. */
	public List<String> actors(OrgId org) {
		return repository.actors(org);
	}

	/**
	 * Walks the whole chain; the first entry whose content, order or link does not hold.
	 */
	@Transactional(readOnly = true)
	public Optional<Break> verify() {
		String previous = AuditRepository.GENESIS;
		long expectedSeq = 1;
		for (AuditEntry entry : repository.all()) {
			if (entry.seq() != expectedSeq) {
				return Optional
					.of(new Break(expectedSeq, Break.Kind.MISSING, "エントリ " + expectedSeq + " がありません（削除された可能性があります）"));
			}
			if (!entry.prevHash().equals(previous)) {
				return Optional
					.of(new Break(entry.seq(), Break.Kind.LINK, "エントリ " + entry.seq() + " の前エントリのハッシュが一致しません"));
			}
			if (!entry.expectedHash().equals(entry.hash())) {
				return Optional
					.of(new Break(entry.seq(), Break.Kind.ALTERED, "エントリ " + entry.seq() + " の内容が記録後に変更されています"));
			}
			previous = entry.hash();
			expectedSeq++;
		}
		AuditRepository.Head head = repository.head();
		if (head.lastSeq() != expectedSeq - 1 || !head.lastHash().equals(previous)) {
			return Optional.of(new Break(head.lastSeq(), Break.Kind.LAST_MISSING,
					"最後のエントリ " + head.lastSeq() + " がありません（削除された可能性があります）"));
		}
		return Optional.empty();
	}

	static String hash(String prevHash, long seq, OrgId org, Instant at, String actor, String action, String target,
			String detail) {
		String text = String.join("\u001f", prevHash, Long.toString(seq), org == null ? "" : org.toString(),
				at.toString(), actor, action, target == null ? "" : target, detail == null ? "" : detail);
		return Sha256.hex(text);
	}

	private static String truncate(String text, int max) {
		return text == null || text.length() <= max ? text : text.substring(0, max);
	}

}
