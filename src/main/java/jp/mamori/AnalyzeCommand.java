package jp.mamori;

import jp.mamori.accesslog.cli.AnalyzeLogsCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code mamori analyze …}: offline analysis of files a hospital has (logs; later
 * configurations and versions). Runs without Spring and without a database, so it works
 * on any PC with Java.
 */
@Command(name = "analyze", mixinStandardHelpOptions = true,
		description = "ファイルをオフラインで解析します / analyse files offline (no database)",
		subcommands = { AnalyzeLogsCommand.class, jp.mamori.network.cli.AnalyzeConfigCommand.class })
final class AnalyzeCommand implements Runnable {

	@CommandLine.Spec
	CommandLine.Model.CommandSpec spec;

	@Override
	public void run() {
		spec.commandLine().usage(spec.commandLine().getOut());
	}

}
