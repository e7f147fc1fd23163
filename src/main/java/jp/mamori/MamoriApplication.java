package jp.mamori;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Mamori: one jar, three faces. Without arguments (or with {@code serve}) it serves the
 * web UI and the REST API; with a subcommand ({@code catalog}, {@code admin},
 * {@code export} …) it runs that command against the configured database and exits.
 */
@SpringBootApplication
public class MamoriApplication {

	public static void main(String[] args) {
		if (MamoriCommandLine.isCommand(args)) {
			System.exit(MamoriCommandLine.run(args));
		}
		SpringApplication.run(MamoriApplication.class, MamoriCommandLine.serveArguments(args));
	}

}
