package jp.mamori.identity.web;

/** The first-run form: the first organisation and its administrator. */
record SetupForm(String orgName, String kind, String username, String displayName, String password,
		String passwordConfirm) {

	static SetupForm empty() {
		return new SetupForm("", "institution", "", "", "", "");
	}

}
