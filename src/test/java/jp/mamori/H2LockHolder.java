package jp.mamori;

import java.sql.Connection;
import java.sql.DriverManager;

/**
 * Run in a child JVM by {@link MamoriCommandLineTests}: opens an H2 file database (taking
 * its file lock, as a running {@code mamori serve} does), says {@code ready} and holds it
 * until its standard input is closed.
 */
public final class H2LockHolder {

	private H2LockHolder() {
	}

	public static void main(String[] args) throws Exception {
		try (Connection connection = DriverManager.getConnection(args[0], "sa", "")) {
			connection.createStatement().execute("create table if not exists held (id int)");
			System.out.println("ready");
			System.out.flush();
			while (System.in.read() >= 0) {
				// hold the lock until the parent closes our input
			}
		}
	}

}
