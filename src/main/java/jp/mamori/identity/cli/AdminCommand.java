package jp.mamori.identity.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import jp.mamori.identity.ApiTokens;
import jp.mamori.identity.OrgRole;
import jp.mamori.identity.UserAccount;
import jp.mamori.identity.UserAccounts;
import jp.mamori.organization.OrgKind;
import jp.mamori.organization.Organization;
import jp.mamori.organization.Organizations;
import jp.mamori.shared.BadInputException;
import jp.mamori.shared.MamoriSubcommand;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code mamori admin create-org|create-user|create-token}: bootstrap an instance without
 * the browser (installer scripts, tests), against the configured database.
 */
@Component
@Command(name = "admin", description = "組織・利用者・APIトークンの作成 / create organisations, users and API tokens",
		mixinStandardHelpOptions = true,
		subcommands = { AdminCommand.CreateOrg.class, AdminCommand.CreateUser.class, AdminCommand.CreateToken.class })
public class AdminCommand implements MamoriSubcommand {

	static final String ACTOR = "cli";

	final Organizations organizations;

	final UserAccounts users;

	final ApiTokens tokens;

	final JsonMapper json;

	AdminCommand(Organizations organizations, UserAccounts users, ApiTokens tokens, JsonMapper json) {
		this.organizations = organizations;
		this.users = users;
		this.tokens = tokens;
		this.json = json;
	}

	@Command(name = "create-org", description = "組織を作成し、組織IDを出力", mixinStandardHelpOptions = true)
	static class CreateOrg implements Callable<Integer> {

		@picocli.CommandLine.ParentCommand
		AdminCommand parent;

		@Spec
		picocli.CommandLine.Model.CommandSpec spec;

		@Option(names = "--name", required = true)
		String name;

		@Option(names = "--kind", required = true, description = "institution | pharmacy | vendor | group")
		String kind;

		@Option(names = "--json")
		boolean asJson;

		@Override
		public Integer call() {
			Organization org = parent.organizations.create(name, OrgKind.require(kind), ACTOR);
			Map<String, Object> doc = new LinkedHashMap<>();
			doc.put("id", org.id().toString());
			doc.put("name", org.name());
			doc.put("kind", org.kind().code());
			spec.commandLine().getOut().println(asJson ? parent.json.writeValueAsString(doc) : org.id().toString());
			return 0;
		}

	}

	@Command(name = "create-user", description = "利用者を作成し、組織での権限を与える", mixinStandardHelpOptions = true)
	static class CreateUser implements Callable<Integer> {

		@picocli.CommandLine.ParentCommand
		AdminCommand parent;

		@Spec
		picocli.CommandLine.Model.CommandSpec spec;

		@Option(names = "--org", required = true, description = "組織IDまたは組織名")
		String org;

		@Option(names = "--username", required = true)
		String username;

		@Option(names = "--password-file", required = true, description = "パスワードを1行目に書いたファイル")
		Path passwordFile;

		@Option(names = "--role", required = true, description = "admin | editor | viewer | vendor")
		String role;

		@Option(names = "--display-name")
		String displayName;

		@Option(names = "--json")
		boolean asJson;

		@Override
		public Integer call() {
			String password;
			try {
				password = Files.readString(passwordFile, StandardCharsets.UTF_8).lines().findFirst().orElse("");
			}
			catch (IOException ex) {
				throw new BadInputException("パスワードファイルを読めません: " + passwordFile);
			}
			Organization organization = parent.organizations.resolve(org);
			UserAccount user = parent.users.create(organization.id(), username, displayName, password,
					OrgRole.require(role), ACTOR);
			Map<String, Object> doc = new LinkedHashMap<>();
			doc.put("id", user.id().toString());
			doc.put("username", user.username());
			doc.put("org", organization.id().toString());
			doc.put("role", role);
			doc.put("systemAdmin", user.systemAdmin());
			spec.commandLine().getOut().println(asJson ? parent.json.writeValueAsString(doc) : user.username());
			return 0;
		}

	}

	@Command(name = "create-token", description = "APIトークンを発行して出力（再表示はできません）", mixinStandardHelpOptions = true)
	static class CreateToken implements Callable<Integer> {

		@picocli.CommandLine.ParentCommand
		AdminCommand parent;

		@Spec
		picocli.CommandLine.Model.CommandSpec spec;

		@Option(names = "--org", required = true, description = "組織IDまたは組織名")
		String org;

		@Option(names = "--username", required = true)
		String username;

		@Option(names = "--json")
		boolean asJson;

		@Override
		public Integer call() {
			Organization organization = parent.organizations.resolve(org);
			String token = parent.tokens.create(organization.id(), username, ACTOR);
			Map<String, Object> doc = new LinkedHashMap<>();
			doc.put("token", token);
			doc.put("org", organization.id().toString());
			doc.put("username", username);
			spec.commandLine().getOut().println(asJson ? parent.json.writeValueAsString(doc) : token);
			return 0;
		}

	}

}
