package jp.mamori.accesslog.rule;

import java.util.List;
import java.util.Locale;

import jp.mamori.accesslog.parser.LogEvent;
import jp.mamori.shared.Severity;

/**
 * {@code web-admin-upload}: a successful upload or deployment through a web application
 * server's administration pages — Tomcat manager ({@code /manager/html/upload},
 * {@code /manager/text/deploy}), host-manager, JBoss jmx/web/admin consoles, the WebLogic
 * console, WordPress plugin/theme installs and {@code /admin/…upload…} pages. With a
 * guessed or default manager password this is how a web shell is planted (a WAR with a
 * {@code cmd.jsp}); see {@link WebshellAccessRule}.
 */
public final class WebAdminUploadRule implements DetectionRule {

	public static final String ID = "web-admin-upload";

	@Override
	public String id() {
		return ID;
	}

	@Override
	public String title() {
		return "Web 管理画面からのアプリケーションのアップロード";
	}

	@Override
	public DetectionRule.Run start(RuleSettings settings, AccountDirectory accounts) {
		return Groups.run(event -> isUpload(event), event -> event.sourceAddress(),
				(source, draft) -> finding(source, draft, settings));
	}

	/**
	 * Whether the event is an accepted (2xx/3xx) upload or deployment through an
	 * administration page.
	 */
	static boolean isUpload(LogEvent event) {
		// the method first: it rules out almost every request at the least cost
		String method = WebRequests.method(event);
		if (!WebRequests.isRequest(event) || !("POST".equals(method) || "PUT".equals(method))
				|| !WebRequests.isSuccessOrRedirect(event)) {
			return false;
		}
		String path = WebRequests.path(event);
		if (path == null) {
			return false;
		}
		String p = path.toLowerCase(Locale.ROOT);
		// Tomcat's text interface deploys with PUT; everything else uploads with POST
		if ("PUT".equals(method)) {
			return p.contains("/manager/text/deploy");
		}
		if (p.contains("/manager/html/upload") || p.contains("/manager/text/deploy") || p.contains("/manager/deploy")
				|| p.contains("/host-manager/") || p.contains("/jmx-console/htmladaptor")) {
			return true;
		}
		if (p.contains("/wp-admin/update.php") || p.contains("/wp-admin/plugin-install.php")
				|| p.contains("/wp-admin/theme-install.php")) {
			return true;
		}
		String full = p + "?" + WebRequests.query(event);
		if ((p.contains("/console/") || p.contains("/admin-console/") || p.contains("/web-console/"))
				&& (full.contains("deploy") || full.contains("upload") || full.contains("install"))) {
			return true;
		}
		int admin = p.indexOf("/admin/");
		return admin >= 0 && p.indexOf("upload", admin) >= 0;
	}

	private static Finding finding(String source, FindingDraft draft, RuleSettings settings) {
		String from = source == null ? "送信元不明のアクセスで" : "送信元 " + source + " から";
		List<String> paths = draft.evidence().stream().map(WebRequests::path).distinct().toList();
		String where = draft.hosts().size() == 0 ? "" : "（サーバー " + Wording.names(draft.hosts().names(), 3) + "）";
		String summary = from + " " + Wording.period(draft.first(), draft.last(), settings.zone()) + " に、Web サーバー"
				+ where + "の管理画面を使ったアプリケーションのアップロード・配備（" + Wording.names(paths, 3) + "）が " + draft.count()
				+ " 回成功しました。管理画面のパスワードを破られ、Web シェル（サーバーを遠隔操作する不正なプログラム）を設置された可能性があります。配備されたアプリケーションを確認してください。";
		return draft.finding(ID, Severity.HIGH, summary);
	}

}
