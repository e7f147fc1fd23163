package jp.mamori.devdata;

import jp.mamori.shared.BadInputException;

/**
 * What to generate: organisation name (a group's name when {@code orgs > 1}), how many
 * organisations, and per organisation how many devices, system accounts and log events;
 * the seed makes the data repeatable.
 */
public record DataSpec(String orgName, int orgs, int devices, int accounts, long events, long seed) {

	public DataSpec {
		if (orgName == null || orgName.isBlank()) {
			throw new BadInputException("組織名を指定してください（--org-name）");
		}
		if (orgs < 1 || orgs > 10_000 || devices < 0 || accounts < 0 || events < 0) {
			throw new BadInputException("件数は0以上（組織数は1〜10000）で指定してください");
		}
	}

	/** A profile's sizes. */
	public static DataSpec of(String orgName, DataProfile profile, long seed) {
		return new DataSpec(orgName, profile.orgs(), profile.devices(), profile.accounts(), profile.events(), seed);
	}

}
