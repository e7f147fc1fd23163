package jp.mamori.accesslog.rule;

import java.util.ArrayList;
import java.util.List;

import jp.mamori.accesslog.parser.EventKind;
import jp.mamori.accesslog.parser.LogEvent;
import jp.mamori.shared.Severity;

/**
 * {@code account-created}: every account created (4720, useradd), with who created it —
 * attackers create accounts to come back; an administrator should recognise each one.
 */
public final class AccountCreatedRule implements DetectionRule {

	public static final String ID = "account-created";

	@Override
	public String id() {
		return ID;
	}

	@Override
	public String title() {
		return "アカウントの作成";
	}

	@Override
	public DetectionRule.Run start(RuleSettings settings, AccountDirectory accounts) {
		List<Finding> findings = new ArrayList<>();
		return new DetectionRule.Run() {

			@Override
			public void accept(LogEvent event) {
				if (event.kind() == EventKind.ACCOUNT_CREATED) {
					findings.add(finding(event, settings));
				}
			}

			@Override
			public List<Finding> finish() {
				return List.copyOf(findings);
			}

		};
	}

	private static Finding finding(LogEvent event, RuleSettings settings) {
		FindingDraft draft = new FindingDraft().add(event).account(event.subjectUser());
		StringBuilder summary = new StringBuilder();
		summary.append(Wording.time(event.time(), settings.zone()))
			.append(" にアカウント ")
			.append(Wording.account(event.user()))
			.append(" が作成されました（");
		summary.append(event.subjectUser() == null ? "作成者不明" : "作成者 " + event.subjectUser());
		if (event.host() != null) {
			summary.append("、ホスト ").append(event.host());
		}
		summary.append("）。担当者が作成したものか確認し、不要ならアカウント台帳と照らして削除してください。");
		return draft.finding(ID, Severity.MEDIUM, summary.toString());
	}

}
