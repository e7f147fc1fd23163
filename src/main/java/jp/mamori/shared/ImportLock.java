package jp.mamori.shared;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Makes imports into the same target (one ledger of one organisation, one organisation's
 * log store) run one after the other, so that the target ends as one file left it and
 * never as a mix of two. Called inside the import's transaction; held until that
 * transaction ends.
 * <p>
 * Two locks: a lock in this JVM, so that on one node the second import simply waits (H2
 * would give up waiting for a row lock after its lock timeout), and a row lock on
 * {@code import_lock} ({@code select … for update}), so that imports on different nodes
 * sharing one PostgreSQL wait for each other too. Both go away with the process: a
 * crashed import never leaves its target locked.
 */
@Component
public class ImportLock {

	/** What the second import says when the database gave up waiting. */
	public static final String BUSY = "この取り込み先には別の取り込みが実行中です。終わってからもう一度取り込んでください。";

	private final Map<String, ReentrantLock> local = new ConcurrentHashMap<>();

	private final JdbcClient jdbc;

	private final TransactionTemplate ownTransaction;

	ImportLock(JdbcClient jdbc, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/** The lock name for a ledger of an organisation. */
	public static String ledger(OrgId org, String ledger) {
		return "ledger:" + org.value() + ":" + ledger;
	}

	/** The lock name for an organisation's access-log store. */
	public static String accessLog(OrgId org) {
		return "accesslog:" + org.value();
	}

	/**
	 * Waits until no other import holds {@code name}, then holds it until the current
	 * transaction commits or rolls back.
	 * @throws ConflictException with {@link #BUSY} when the database gave up waiting
	 * @throws IllegalStateException when called outside a transaction
	 */
	public void hold(String name) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			throw new IllegalStateException("ImportLock.hold needs a transaction");
		}
		ReentrantLock lock = local.computeIfAbsent(name, k -> new ReentrantLock());
		if (lock.isHeldByCurrentThread()) {
			return;
		}
		lock.lock();
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCompletion(int status) {
				lock.unlock();
			}
		});
		insertIfAbsent(name);
		try {
			jdbc.sql("select name from import_lock where name = ? for update").param(name).query(String.class).list();
		}
		catch (DataAccessException ex) {
			// a lock timeout (H2) or a deadlock report: the other import still runs
			throw new ConflictException(BUSY);
		}
	}

	private void insertIfAbsent(String name) {
		try {
			ownTransaction.executeWithoutResult(status -> {
				if (jdbc.sql("select count(*) from import_lock where name = ?")
					.param(name)
					.query(Integer.class)
					.single() == 0) {
					jdbc.sql("insert into import_lock (name) values (?)").param(name).update();
				}
			});
		}
		catch (DuplicateKeyException ex) {
			// another node inserted it at the same moment: it exists, which is all we
			// need
		}
	}

}
