package jp.mamori.shared;

import org.flywaydb.core.api.MigrationVersion;

/**
 * A Flyway migration written in Java, with its version and description given by the
 * subclass rather than by its class name (the project's migrations live in one folder as
 * {@code V20261129_NN__module_desc.sql}; a Java one takes the next free number). Spring
 * Boot hands every {@link org.flywaydb.core.api.migration.JavaMigration} bean to Flyway;
 * annotate the subclass with {@code @Component}. For what SQL alone cannot do: one
 * database only, or values computed in Java.
 */
public abstract class JavaMigration implements org.flywaydb.core.api.migration.JavaMigration {

	private final MigrationVersion version;

	private final String description;

	protected JavaMigration(String version, String description) {
		this.version = MigrationVersion.fromVersion(version);
		this.description = description;
	}

	@Override
	public MigrationVersion getVersion() {
		return version;
	}

	@Override
	public String getDescription() {
		return description;
	}

	@Override
	public Integer getChecksum() {
		return null;
	}

	@Override
	public boolean canExecuteInTransaction() {
		return true;
	}

}
