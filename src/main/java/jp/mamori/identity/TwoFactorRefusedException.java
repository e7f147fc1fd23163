package jp.mamori.identity;

import jp.mamori.shared.BadInputException;

/** A two-factor step that cannot be done; {@link #reason()} names why for the page. */
public class TwoFactorRefusedException extends BadInputException {

	/** Why; {@link #code()} completes the message key {@code twofactor.error.<code>}. */
	public enum Reason {

		INVALID_CODE("invalid", "確認コードが正しくありません"),
		LOCKED("locked", "確認コードの入力に続けて失敗したため、しばらく受け付けません。15分ほど待ってからやり直してください"),
		ALREADY_ENABLED("alreadyEnabled", "二要素認証は既に有効です"),
		NOT_PENDING("notPending", "登録を始めていません。もう一度「登録を始める」から進めてください"),
		REQUIRED_BY_ORGANIZATION("required", "所属する組織で二要素認証が必須のため、無効にできません"),
		OWN_ACCOUNT("ownAccount", "自分の二要素認証は「ログインのセキュリティ」の画面で変更してください");

		private final String code;

		private final String message;

		Reason(String code, String message) {
			this.code = code;
			this.message = message;
		}

		public String code() {
			return code;
		}

	}

	private final Reason reason;

	public TwoFactorRefusedException(Reason reason) {
		super(reason.message);
		this.reason = reason;
	}

	public Reason reason() {
		return reason;
	}

}
