package jp.mamori.accesslog.internal;

import java.sql.Connection;

import jp.mamori.shared.JavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.stereotype.Component;

/**
 * Migration 20261129.91: on PostgreSQL, {@code accesslog_event} becomes a table
 * partitioned by month of {@code occurred_at}, existing rows kept (see
 * {@link AccessLogPartitions}); on any other database (H2) it does nothing. A Java
 * migration because the project keeps one migration folder for both databases and this
 * step exists for one of them only. Spring Boot hands every {@link JavaMigration} bean to
 * Flyway.
 */
@Component
class AccessLogPartitioning extends JavaMigration {

	AccessLogPartitioning() {
		super("20261129.91", "accesslog partitions");
	}

	@Override
	public void migrate(Context context) throws Exception {
		Connection connection = context.getConnection();
		if ("PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
			AccessLogPartitions.partition(connection);
		}
	}

}
