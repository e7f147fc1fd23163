package jp.mamori.accesslog.parser;

/** How an account came in, across formats. */
public enum Access {

	/** At the machine: Windows logon type 2/7/11, a local console. */
	INTERACTIVE,
	/** Over the network to a share or service: Windows logon type 3/8. */
	NETWORK,
	/** Remote desktop: Windows logon type 10, RemoteConnectionManager 1149. */
	REMOTE_DESKTOP,
	/** A VPN tunnel or SSL-VPN session. */
	VPN,
	/** SSH / Telnet shell to a server. */
	REMOTE_SHELL,
	/** The management console of a router or firewall (GUI, SSH, Telnet, console). */
	DEVICE_ADMIN,
	/** Service, batch and system logons: Windows logon type 0/4/5. */
	SERVICE,
	/** A database login (SQL Server 18456 …). */
	DATABASE,
	/** A web application request. */
	WEB,
	/** Not said or not applicable. */
	OTHER;

	/** The access of a Windows logon type (4624/4625 {@code LogonType}). */
	public static Access ofWindowsLogonType(Integer logonType) {
		if (logonType == null) {
			return OTHER;
		}
		return switch (logonType) {
			case 2, 7, 11 -> INTERACTIVE;
			case 3, 8, 9 -> NETWORK;
			case 10, 12 -> REMOTE_DESKTOP;
			case 0, 4, 5 -> SERVICE;
			default -> OTHER;
		};
	}

}
