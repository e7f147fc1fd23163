package jp.mamori;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import jp.mamori.shared.BadInputException;
import jp.mamori.shared.MamoriSubcommand;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The command-line face: starts Spring without a web server, collects every
 * {@link MamoriSubcommand} bean as a picocli subcommand and runs the one asked for. Exit
 * status 0 when the command ran, 2 for bad input (message on stderr), 1 for anything
 * unexpected.
 */
@Command(name = "mamori", mixinStandardHelpOptions = true, version = "Mamori 0.1",
		description = "医療機関等のサイバーセキュリティ対策チェックリスト / MHLW cybersecurity checklist")
public final class MamoriCommandLine implements Runnable {

	static boolean isCommand(String[] args) {
		return args.length > 0 && !args[0].startsWith("-") && !"serve".equals(args[0]);
	}

	static String[] serveArguments(String[] args) {
		return args.length > 0 && "serve".equals(args[0]) ? Arrays.copyOfRange(args, 1, args.length) : args;
	}

	/** Runs a subcommand and returns its exit status. */
	public static int run(String[] args) {
		return run(args, new PrintWriter(System.out, true, StandardCharsets.UTF_8),
				new PrintWriter(System.err, true, StandardCharsets.UTF_8));
	}

	/** Runs a subcommand writing to the given streams (tests capture them). */
	public static int run(String[] args, PrintWriter out, PrintWriter err) {
		if (args.length > 0 && ("analyze".equals(args[0]) || "collector".equals(args[0]))) {
			// offline analysis and handing out the collector script need no database: do
			// not start Spring at all
			return execute(java.util.List.of(), args, out, err);
		}
		String[] springArgs = Arrays.stream(args).filter(a -> a.startsWith("--spring.")).toArray(String[]::new);
		String[] commandArgs = Arrays.stream(args).filter(a -> !a.startsWith("--spring.")).toArray(String[]::new);
		SpringApplication app = new SpringApplication(MamoriApplication.class);
		app.setAdditionalProfiles("cli");
		ConfigurableApplicationContext context;
		try {
			context = app.run(springArgs);
		}
		catch (RuntimeException ex) {
			if (isH2FileLocked(ex)) {
				err.println(H2_LOCKED);
				return 2;
			}
			throw ex;
		}
		try (context) {
			return execute(context.getBeansOfType(MamoriSubcommand.class).values(), commandArgs, out, err);
		}
	}

	/**
	 * Printed when the H2 file database is held by another process (a running server).
	 */
	static final String H2_LOCKED = "データベースファイルは別のプロセス（起動中の mamori serve など）が使用中です。"
			+ "サーバを停止してから実行するか、サーバの画面・REST API から出力してください。";

	/**
	 * H2's error code 90020 (DATABASE_ALREADY_OPEN_1): the file lock is held elsewhere.
	 */
	static final int H2_DATABASE_ALREADY_OPEN = 90020;

	/**
	 * Whether startup failed because another process holds the H2 file database: H2
	 * refuses a second embedded connection with error 90020, somewhere in the cause
	 * chain.
	 */
	static boolean isH2FileLocked(Throwable failure) {
		for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
			if (t instanceof java.sql.SQLException sql && sql.getErrorCode() == H2_DATABASE_ALREADY_OPEN) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Runs {@code args} against the given subcommands; separated from {@link #run} for
	 * tests.
	 */
	public static int execute(java.util.Collection<MamoriSubcommand> subcommands, String[] args, PrintWriter out,
			PrintWriter err) {
		CommandLine root = new CommandLine(new MamoriCommandLine());
		root.addSubcommand(new AnalyzeCommand());
		root.addSubcommand(new jp.mamori.endpoint.cli.CollectorCommand());
		for (MamoriSubcommand subcommand : subcommands) {
			root.addSubcommand(subcommand);
		}
		root.setOut(out);
		root.setErr(err);
		root.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
			if (ex instanceof BadInputException bad) {
				commandLine.getErr().println(bad.getMessage());
				return 2;
			}
			commandLine.getErr().println("エラー / error: " + ex);
			return 1;
		});
		return root.execute(args);
	}

	@Override
	public void run() {
		new CommandLine(this).usage(System.out);
	}

}
