package jp.mamori.accesslog.rule;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import jp.mamori.accesslog.parser.LogEvent;
import jp.mamori.shared.Severity;

/**
 * {@code webshell-access}: successful (2xx) requests to a server-side script that looks
 * like a web shell — a known web-shell name ({@code cmd.jsp}, c99, r57, b374k, wso …), a
 * command in the query ({@code cmd=}, {@code exec=}), or a script that first answered
 * after the same source uploaded an application through an administration page
 * ({@link WebAdminUploadRule}). A scanner probing for shell names gets 404s, which never
 * count.
 *
 * <p>
 * "New after the upload" means no request for that path had been answered 2xx before the
 * upload: a scanner's earlier 404 for the same name does not make the page old. The set
 * of paths answered so far is the rule's only state that grows with the site; it is
 * capped, after which only the first two signs are used.
 */
public final class WebshellAccessRule implements DetectionRule {

	public static final String ID = "webshell-access";

	private static final int MAX_SERVED_PATHS = 200_000;

	private static final Set<String> SCRIPT_EXTENSIONS = Set.of("jsp", "jspx", "php", "phtml", "asp", "aspx", "ashx",
			"cgi");

	/** File names (without extension) of widely published web shells. */
	private static final Pattern SHELL_NAMES = Pattern.compile(
			"cmd|cmdjsp|cmdasp|cmdexec|shell|webshell|jspshell|jspspy|aspxspy|c99(shell)?|c100|r57(shell)?|b374k.*|wso[0-9.]*|chopper|caidao|antsword|behinder");

	private static final Pattern COMMAND_QUERY = Pattern.compile("(?:^|&)(?:cmd|exec)=");

	@Override
	public String id() {
		return ID;
	}

	@Override
	public String title() {
		return "Web シェルへのアクセス";
	}

	private record Key(String source, String path) {
	}

	private static final class Shell {

		private final FindingDraft draft = new FindingDraft();

		private final List<String> reasons;

		Shell(List<String> reasons) {
			this.reasons = reasons;
		}

	}

	@Override
	public DetectionRule.Run start(RuleSettings settings, AccountDirectory accounts) {
		return new DetectionRule.Run() {

			private final Set<String> served = new HashSet<>();

			private final Map<String, Instant> uploads = new HashMap<>();

			private final Map<Key, Shell> found = new LinkedHashMap<>();

			@Override
			public void accept(LogEvent event) {
				if (!WebRequests.isRequest(event)) {
					return;
				}
				if (WebAdminUploadRule.isUpload(event) && event.sourceAddress() != null) {
					uploads.putIfAbsent(event.sourceAddress(), event.time());
					return;
				}
				if (!WebRequests.isSuccess(event)) {
					return;
				}
				String path = WebRequests.path(event);
				if (path == null || !isScript(path)) {
					return;
				}
				Key key = new Key(event.sourceAddress(), path);
				Shell shell = found.get(key);
				if (shell == null) {
					List<String> reasons = reasons(event, path);
					if (!reasons.isEmpty()) {
						shell = new Shell(reasons);
						found.put(key, shell);
					}
				}
				if (shell != null) {
					shell.draft.add(event);
				}
				if (served.size() < MAX_SERVED_PATHS) {
					served.add(path);
				}
			}

			private List<String> reasons(LogEvent event, String path) {
				List<String> reasons = new ArrayList<>(3);
				if (isShellName(path)) {
					reasons.add("よく知られた Web シェルの名前です");
				}
				if (COMMAND_QUERY.matcher(WebRequests.query(event)).find()) {
					reasons.add("コマンドを渡すパラメータ（cmd= や exec=）が付いています");
				}
				if (event.sourceAddress() != null && uploads.containsKey(event.sourceAddress())
						&& !served.contains(path) && served.size() < MAX_SERVED_PATHS) {
					reasons.add("同じ送信元が管理画面からアプリケーションをアップロードした後に初めて現れたページです");
				}
				return reasons;
			}

			@Override
			public List<Finding> finish() {
				List<Finding> findings = new ArrayList<>();
				found.forEach((key, shell) -> findings.add(finding(key, shell, settings)));
				return findings;
			}

		};
	}

	static boolean isScript(String path) {
		String name = fileName(path);
		int dot = name.lastIndexOf('.');
		return dot > 0 && SCRIPT_EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
	}

	static boolean isShellName(String path) {
		String name = fileName(path).toLowerCase(Locale.ROOT);
		int dot = name.lastIndexOf('.');
		return SHELL_NAMES.matcher(dot > 0 ? name.substring(0, dot) : name).matches();
	}

	private static String fileName(String path) {
		return path.substring(path.lastIndexOf('/') + 1);
	}

	private static Finding finding(Key key, Shell shell, RuleSettings settings) {
		FindingDraft draft = shell.draft;
		String from = key.source() == null ? "送信元不明のアクセスで" : "送信元 " + key.source() + " から";
		String summary = from + " Web シェルと思われる " + key.path() + " へのアクセスが " + draft.count() + " 回成功しました（"
				+ Wording.period(draft.first(), draft.last(), settings.zone()) + "）。" + String.join("。", shell.reasons)
				+ "。サーバー上で任意のコマンドを実行された可能性があります。サーバーを調査し、ファイルを削除してパスワードを変更してください。";
		return draft.finding(ID, Severity.HIGH, summary);
	}

}
