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
		if (args.length > 0 && "analyze".equals(args[0])) {
			// offline analysis needs no database: do not start Spring at all
			return execute(java.util.List.of(), args, out, err);
		}
		String[] springArgs = Arrays.stream(args).filter(a -> a.startsWith("--spring.")).toArray(String[]::new);
		String[] commandArgs = Arrays.stream(args).filter(a -> !a.startsWith("--spring.")).toArray(String[]::new);
		SpringApplication app = new SpringApplication(MamoriApplication.class);
		app.setAdditionalProfiles("cli");
		try (ConfigurableApplicationContext context = app.run(springArgs)) {
			return execute(context.getBeansOfType(MamoriSubcommand.class).values(), commandArgs, out, err);
		}
	}

	/**
	 * Runs {@code args} against the given subcommands; separated from {@link #run} for
	 * tests.
	 */
	public static int execute(java.util.Collection<MamoriSubcommand> subcommands, String[] args, PrintWriter out,
			PrintWriter err) {
		CommandLine root = new CommandLine(new MamoriCommandLine());
		root.addSubcommand(new AnalyzeCommand());
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
