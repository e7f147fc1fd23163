package jp.mamori.accesslog.internal;

import java.sql.Connection;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
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
class AccessLogPartitioning implements JavaMigration {

	@Override
	public MigrationVersion getVersion() {
		return MigrationVersion.fromVersion("20261129.91");
	}

	@Override
	public String getDescription() {
		return "accesslog partitions";
	}

	@Override
	public Integer getChecksum() {
		return null;
	}

	@Override
	public boolean canExecuteInTransaction() {
		return true;
	}

	@Override
	public void migrate(Context context) throws Exception {
		Connection connection = context.getConnection();
		if ("PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
			AccessLogPartitions.partition(connection);
		}
	}

}
