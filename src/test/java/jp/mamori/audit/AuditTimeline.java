package jp.mamori.audit;

import java.time.Clock;
import java.time.ZonedDateTime;

import jp.mamori.audit.internal.AuditRepository;
import jp.mamori.shared.OrgId;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Appends to the real chain at a chosen time (the test clock stands still), for tests of
 * date filters.
 */
@Component
public class AuditTimeline {

	private final AuditRepository repository;

	private final TransactionTemplate transaction;

	AuditTimeline(AuditRepository repository, PlatformTransactionManager transactions) {
		this.repository = repository;
		this.transaction = new TransactionTemplate(transactions);
	}

	public AuditEntry appendAt(ZonedDateTime at, OrgId org, String actor, String action, String target, String detail) {
		AuditTrail trail = new AuditTrail(repository, Clock.fixed(at.toInstant(), at.getZone()));
		return transaction.execute(status -> trail.append(org, actor, action, target, detail));
	}

}
