package jp.mamori.devdata.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import jp.mamori.devdata.DataProfile;
import jp.mamori.devdata.DataSpec;
import jp.mamori.devdata.GenerateDevData;
import jp.mamori.identity.ApiTokens;
import jp.mamori.identity.OrgRole;
import jp.mamori.identity.UserAccounts;
import jp.mamori.shared.BadInputException;
import jp.mamori.shared.OrgId;
import jp.mamori.shared.MamoriSubcommand;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code mamori dev generate}: fills the configured database with a generated, repeatable
 * data set for trying the product and for benchmarks. Options override the profile's
 * sizes.
 */
@Component
@Command(name = "dev", mixinStandardHelpOptions = true, description = "開発・性能測定用の道具 / development and benchmark tools")
public class DevCommand implements MamoriSubcommand, Callable<Integer> {

	private final GenerateDevData generator;

	@Spec
	CommandSpec spec;

	private final UserAccounts users;

	private final ApiTokens tokens;

	DevCommand(GenerateDevData generator, UserAccounts users, ApiTokens tokens) {
		this.generator = generator;
		this.users = users;
		this.tokens = tokens;
	}

	@Override
	public Integer call() {
		spec.commandLine().usage(spec.commandLine().getOut());
		return 0;
	}

	@Command(name = "generate", description = { "架空の医療機関のデータ（機器台帳・アカウント・チェックリスト回答・ログ）を生成します。同じ --seed なら同じデータになります",
			"generate a realistic fictitious data set; the same --seed gives the same data" })
	public Integer generate(
			@Option(names = "--org-name", required = true, paramLabel = "NAME",
					description = "組織名（--orgs が2以上ならグループ名）") String orgName,
			@Option(names = "--profile", paramLabel = "P",
					description = "clinic | hospital500 | group300（既定 clinic）") String profile,
			@Option(names = "--orgs", paramLabel = "N", description = "組織数") Integer orgs,
			@Option(names = "--devices", paramLabel = "N", description = "組織あたりの機器数") Integer devices,
			@Option(names = "--accounts", paramLabel = "N", description = "組織あたりのシステムアカウント数") Integer accounts,
			@Option(names = "--events", paramLabel = "N", description = "組織あたりのログ件数") Long events,
			@Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "乱数の種（既定 1）") long seed,
			@Option(names = "--user", paramLabel = "U", description = "この利用者を最初の組織（とグループ）の管理者にする（なければ作成）") String user,
			@Option(names = "--password-file", paramLabel = "F",
					description = "--user を作成するときのパスワード") Path passwordFile,
			@Option(names = "--token-file", paramLabel = "F", description = "--user のAPIトークンをこのファイルに書く") Path tokenFile,
			@Option(names = { "-h", "--help" }, usageHelp = true, description = "使い方を表示") boolean help) {
		DataProfile base = profile == null ? DataProfile.CLINIC : DataProfile.fromCode(profile)
			.orElseThrow(() -> new BadInputException("プロファイルは clinic / hospital500 / group300 のいずれかです: " + profile));
		DataSpec data = new DataSpec(orgName, orgs == null ? base.orgs() : orgs,
				devices == null ? base.devices() : devices, accounts == null ? base.accounts() : accounts,
				events == null ? base.events() : events, seed);
		var out = spec.commandLine().getOut();
		GenerateDevData.Generated result = generator.generate(data, line -> out.println("… " + line));
		out.println("組織 " + result.orgs().size() + (result.group() == null ? "" : "（グループ " + result.group() + "）")
				+ "、機器 " + result.devices() + "、職員 " + result.staff() + "、アカウント " + result.accounts() + "、回答 "
				+ result.answers() + "、ログ " + result.events() + " 件（新規 " + result.eventsAdded() + "）を "
				+ result.took().toMillis() / 1000.0 + " 秒で生成しました");
		result.orgs().stream().limit(1).forEach(org -> out.println("org " + org));
		if (user != null) {
			// one command for a benchmark or demo instance: each extra CLI run starts
			// Spring
			// again
			OrgId first = result.orgs().get(0);
			member(first, user, passwordFile);
			if (result.group() != null) {
				member(result.group(), user, passwordFile);
			}
			if (tokenFile != null) {
				write(tokenFile, tokens.create(first, user, GenerateDevData.BY));
			}
		}
		return 0;
	}

	private void member(OrgId org, String user, Path passwordFile) {
		if (users.find(user).isPresent()) {
			users.join(org, user, OrgRole.ADMIN, GenerateDevData.BY);
			return;
		}
		if (passwordFile == null) {
			throw new BadInputException("利用者 " + user + " を作成するには --password-file を指定してください");
		}
		users.create(org, user, user, read(passwordFile), OrgRole.ADMIN, GenerateDevData.BY);
	}

	private static String read(Path file) {
		try {
			return Files.readString(file, StandardCharsets.UTF_8).strip();
		}
		catch (IOException ex) {
			throw new BadInputException("パスワードファイルを読めません: " + file);
		}
	}

	private static void write(Path file, String text) {
		try {
			Files.writeString(file, text + "\n", StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
