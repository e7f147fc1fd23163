package jp.mamori.endpoint.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;

import jp.mamori.endpoint.facts.CollectorScript;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code mamori collector script > Collect-MamoriFacts.ps1}: prints the collector script
 * shipped in the jar. Offline like {@code analyze}: no database is needed to hand out a
 * file.
 */
@Command(name = "collector", mixinStandardHelpOptions = true,
		description = "端末・サーバの情報収集スクリプト / the endpoint collector script", subcommands = CollectorCommand.Script.class)
public class CollectorCommand implements Runnable {

	@CommandLine.Spec
	CommandLine.Model.CommandSpec spec;

	@Override
	public void run() {
		spec.commandLine().usage(spec.commandLine().getOut());
	}

	/**
	 * Writes the script's bytes unchanged (ASCII, CRLF-neutral) so that a signature made
	 * over the shipped file still holds.
	 */
	@Command(name = "script", mixinStandardHelpOptions = true,
			description = "収集スクリプト（PowerShell）を標準出力に書きます / print the collector script")
	public static class Script implements Callable<Integer> {

		@CommandLine.Spec
		CommandLine.Model.CommandSpec spec;

		@Override
		public Integer call() throws IOException {
			// the script is ASCII, so writing it through the UTF-8 PrintWriter keeps the
			// bytes
			spec.commandLine().getOut().print(new String(CollectorScript.bytes(), StandardCharsets.US_ASCII));
			spec.commandLine().getOut().flush();
			return 0;
		}

	}

}
