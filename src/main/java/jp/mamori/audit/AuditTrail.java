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
	public record Break(long seq, String reason) {
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
		Auditable.AuditFacts facts = event.audit();
		append(facts.org(), facts.actor(), facts.action(), facts.target(), facts.detail());
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
	 * Walks the whole chain; the first entry whose content, order or link does not hold.
	 */
	@Transactional(readOnly = true)
	public Optional<Break> verify() {
		String previous = AuditRepository.GENESIS;
		long expectedSeq = 1;
		for (AuditEntry entry : repository.all()) {
			if (entry.seq() != expectedSeq) {
				return Optional.of(new Break(expectedSeq, "エントリ " + expectedSeq + " がありません（削除された可能性があります）"));
			}
			if (!entry.prevHash().equals(previous)) {
				return Optional.of(new Break(entry.seq(), "エントリ " + entry.seq() + " の前エントリのハッシュが一致しません"));
			}
			if (!entry.expectedHash().equals(entry.hash())) {
				return Optional.of(new Break(entry.seq(), "エントリ " + entry.seq() + " の内容が記録後に変更されています"));
			}
			previous = entry.hash();
			expectedSeq++;
		}
		AuditRepository.Head head = repository.head();
		if (head.lastSeq() != expectedSeq - 1 || !head.lastHash().equals(previous)) {
			return Optional.of(new Break(head.lastSeq(), "最後のエントリ " + head.lastSeq() + " がありません（削除された可能性があります）"));
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
