package jp.mamori.devdata;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The sizes issue 9 measures against. Options given on the command line override a
 * profile's numbers.
 */
public enum DataProfile {

	/** A small clinic: one organisation, 30 devices, 50 accounts, 100k log events. */
	CLINIC("clinic", 1, 30, 50, 100_000),
	/** A 500-bed hospital: 10k devices, 50k accounts, 10M log events. */
	HOSPITAL500("hospital500", 1, 10_000, 50_000, 10_000_000),
	/** A group of 300 small organisations, each consenting to full detail. */
	GROUP300("group300", 300, 20, 30, 1_000);

	private final String code;

	private final int orgs;

	private final int devices;

	private final int accounts;

	private final long events;

	DataProfile(String code, int orgs, int devices, int accounts, long events) {
		this.code = code;
		this.orgs = orgs;
		this.devices = devices;
		this.accounts = accounts;
		this.events = events;
	}

	public String code() {
		return code;
	}

	public int orgs() {
		return orgs;
	}

	public int devices() {
		return devices;
	}

	public int accounts() {
		return accounts;
	}

	public long events() {
		return events;
	}

	public static Optional<DataProfile> fromCode(String code) {
		return Arrays.stream(values()).filter(p -> p.code.equals(code.toLowerCase(Locale.ROOT))).findFirst();
	}

}
