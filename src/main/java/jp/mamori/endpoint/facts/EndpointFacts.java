package jp.mamori.endpoint.facts;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * What one collector file says about one machine (schema version 1). A section the script
 * could not read is {@code null} (never an empty list), so that "no data" is not mistaken
 * for "nothing there".
 */
public record EndpointFacts(String file, OffsetDateTime collectedAt, Computer computer, Os os, List<Hotfix> hotfixes,
		WindowsUpdate windowsUpdate, List<Software> software, List<Service> services, List<LocalUser> localUsers,
		List<Member> administrators, List<Member> remoteDesktopUsers, PasswordPolicy passwordPolicy, Usb usb,
		List<AntivirusProduct> antivirusProducts, Defender defender, RemoteDesktop remoteDesktop,
		List<FirewallProfile> firewall, List<NetworkAdapter> networkAdapters, List<EventLog> eventLogs,
		List<BitLockerVolume> bitlocker, List<String> errors) {

	public String hostname() {
		return computer.hostname();
	}

	/** Terminal (workstation) rather than server or domain controller. */
	public boolean isTerminal() {
		return os != null && os.productType() != null && os.productType() == 1;
	}

	/** The role the service lists are keyed by: terminal, server or domain-controller. */
	public String role() {
		if (os == null || os.productType() == null) {
			return os != null && os.caption() != null && os.caption().contains("Server") ? "server" : "terminal";
		}
		return switch (os.productType()) {
			case 2 -> "domain-controller";
			case 3 -> "server";
			default -> "terminal";
		};
	}

	public record Computer(String hostname, String domain, String workgroup, Boolean partOfDomain, String manufacturer,
			String model, String serialNumber) {
	}

	public record Os(String caption, String version, Integer build, String displayVersion, String edition,
			Integer productType, OffsetDateTime installDate, OffsetDateTime lastBootTime) {
	}

	public record Hotfix(String id, LocalDate installedOn) {
	}

	public record WindowsUpdate(String serviceStartMode, String serviceState, Integer policyNoAutoUpdate) {
	}

	public record Software(String name, String version, String publisher, LocalDate installDate) {
	}

	public record Service(String name, String displayName, String state, String startMode, String account,
			String path) {

		public boolean running() {
			return "Running".equalsIgnoreCase(state);
		}

		public boolean automatic() {
			return startMode != null && startMode.toLowerCase(java.util.Locale.ROOT).startsWith("auto");
		}

	}

	/**
	 * A local user; {@code passwordLastSet} is kept as written, because the
	 * shared-password indicator compares it for exact equality.
	 */
	public record LocalUser(String name, String fullName, String sid, boolean enabled, OffsetDateTime lastLogon,
			String passwordLastSet, Boolean passwordNeverExpires) {

		/** The built-in Administrator (relative id 500), whatever it was renamed to. */
		public boolean builtInAdministrator() {
			return sid != null && sid.endsWith("-500");
		}

	}

	public record Member(String name, String sid, String objectClass, String principalSource) {

		/** The name without the machine or domain prefix. */
		public String shortName() {
			int slash = name.lastIndexOf('\\');
			return slash < 0 ? name : name.substring(slash + 1);
		}

		public boolean group() {
			return "Group".equalsIgnoreCase(objectClass);
		}

		public boolean local() {
			return "Local".equalsIgnoreCase(principalSource);
		}

	}

	public record PasswordPolicy(Integer minimumPasswordLength, Integer maximumPasswordAgeDays,
			Integer passwordHistoryLength, Integer lockoutThreshold) {
	}

	public record Usb(Integer usbStorStart, Integer denyAllRemovable, Integer removableDiskDenyRead,
			Integer removableDiskDenyWrite) {

		/** USB storage driver disabled, or removable storage denied by policy. */
		public boolean restricted() {
			return Integer.valueOf(4).equals(usbStorStart) || Integer.valueOf(1).equals(denyAllRemovable)
					|| Integer.valueOf(1).equals(removableDiskDenyRead)
					|| Integer.valueOf(1).equals(removableDiskDenyWrite);
		}

	}

	public record AntivirusProduct(String name, Boolean enabled, Boolean upToDate) {
	}

	public record Defender(Boolean antivirusEnabled, Boolean realTimeProtectionEnabled, String runningMode,
			OffsetDateTime signatureLastUpdated, Integer signatureAgeDays) {

		/** Defender stands aside because another antivirus product is registered. */
		public boolean passive() {
			return runningMode != null && runningMode.toLowerCase(java.util.Locale.ROOT).contains("passive");
		}

	}

	public record RemoteDesktop(Boolean enabled, Boolean nlaRequired) {
	}

	public record FirewallProfile(String profile, boolean enabled) {
	}

	public record NetworkAdapter(String description, String macAddress, List<String> ipAddresses) {
	}

	public record EventLog(String logName, Long maximumSizeBytes, Long fileSizeBytes, Long recordCount,
			String retentionMode, OffsetDateTime oldestRecordTime) {
	}

	public record BitLockerVolume(String mountPoint, String protectionStatus) {
	}

}
