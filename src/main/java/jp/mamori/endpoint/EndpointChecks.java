package jp.mamori.endpoint;

import java.util.Set;

import jp.mamori.evaluation.Check;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The checks built on collector files ({@code endpoint.*}), bound in the catalog files to
 * the items they are evidence for: patches, end of support and antivirus (2-⑥ in R7),
 * administrator rights of ordinary users (access rights, 2-④), one administrator password
 * on many machines (password reuse, 2-⑧), USB storage (external media, 2-⑨), unneeded
 * services and remote-access tools (background services, 2-⑫).
 * {@code password-never-expires} is a finding only: R7 2-⑦ needs no periodic change with
 * 13 characters or two-factor authentication, which a collector file cannot see.
 */
@Configuration(proxyBeanMethods = false)
class EndpointChecks {

	@Bean
	Check endpointPatchesAndAntivirusCheck(EndpointQueries queries) {
		return new EndpointFindingsCheck("endpoint.patches-and-antivirus",
				"収集スクリプトで調べた端末・サーバで、更新プログラムが 60 日以内に適用され、サポート中の OS で、ウイルス対策が有効かつ定義が 7 日以内であることを確かめます。",
				Set.of("patch-stale", "os-end-of-life", "av-disabled", "av-signatures-old"),
				"更新の停滞・サポート終了 OS・ウイルス対策の停止や古い定義は見つかりませんでした。", queries);
	}

	@Bean
	Check endpointLocalAdminsLimitedCheck(EndpointQueries queries) {
		return new EndpointFindingsCheck("endpoint.local-admins-limited",
				"収集スクリプトで調べた端末・サーバで、普段使いの利用者がローカルの管理者（Administrators）になっていないことを確かめます。", Set.of("local-admin-user"),
				"普段使いの利用者は管理者になっていませんでした。", queries);
	}

	@Bean
	Check endpointNoSharedLocalAdminCheck(EndpointQueries queries) {
		return new EndpointFindingsCheck("endpoint.no-shared-local-admin",
				"同じ名前のローカル管理者アカウントが複数台で有効で、パスワードの最終変更日時がそろっている（同じパスワードの使い回しが疑われる）ことがないかを確かめます。",
				Set.of("shared-local-admin"), "管理者パスワードの使い回しを示す一致は見つかりませんでした。", queries);
	}

	@Bean
	Check endpointUsbRestrictedCheck(EndpointQueries queries) {
		return new EndpointFindingsCheck("endpoint.usb-restricted",
				"収集スクリプトで調べた端末・サーバで、USB 記憶装置が無効化またはポリシーで制限されていることを確かめます。", Set.of("usb-unrestricted"),
				"USB 記憶装置はすべて制限されていました。", queries);
	}

	@Bean
	Check endpointNoUnneededServicesCheck(EndpointQueries queries) {
		return new EndpointFindingsCheck("endpoint.no-unneeded-services",
				"収集スクリプトで調べた端末・サーバで、役割に不要なサービスやリモート操作ツールが動いていない（入っていない）ことを確かめます。",
				Set.of("unneeded-service", "remote-tool-present"), "不要なサービスやリモート操作ツールは見つかりませんでした。", queries);
	}

}
