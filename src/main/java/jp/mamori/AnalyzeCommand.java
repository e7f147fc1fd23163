package jp.mamori;

import jp.mamori.accesslog.cli.AnalyzeLogsCommand;
import jp.mamori.endpoint.cli.AnalyzeEndpointCommand;
import jp.mamori.network.cli.AnalyzeConfigCommand;
import jp.mamori.network.scancli.AnalyzeScanCommand;
import jp.mamori.vulnerability.cli.AnalyzeVersionsCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code mamori analyze …}: offline analysis of files a hospital has (logs, network
 * scans, software versions; configurations). Runs without Spring and without a database,
 * so it works on any PC with Java.
 */
@Command(name = "analyze", mixinStandardHelpOptions = true,
		description = "ファイルをオフラインで解析します / analyse files offline (no database)",
		subcommands = { AnalyzeLogsCommand.class, AnalyzeConfigCommand.class, AnalyzeVersionsCommand.class,
				AnalyzeScanCommand.class, AnalyzeEndpointCommand.class })
final class AnalyzeCommand implements Runnable {

	@CommandLine.Spec
	CommandLine.Model.CommandSpec spec;

	@Override
	public void run() {
		spec.commandLine().usage(spec.commandLine().getOut());
	}

}
