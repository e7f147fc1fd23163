package jp.mamori.accesslog.parser;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One log record, normalised: whatever the format, a logon failure is an
 * {@link EventKind#AUTH_FAILURE} with the account in {@link #user()} and the address it
 * came from in {@link #sourceAddress()}. Detection rules read only these fields (and
 * {@link #data()} for format-specific extras); parsers fill what their format has and
 * leave the rest {@code null}.
 *
 * @param time when it happened, UTC (naive times are read in the analysis time zone)
 * @param host the machine that wrote the record (Computer, devname, syslog host), or null
 * @param channel the log it came from: {@code Security}, {@code Application},
 * {@code sshd}, {@code fortigate}, {@code http} …
 * @param eventId the format's own event id ({@code 4625}, {@code 1149}, {@code 18456},
 * FortiGate logid, the HTTP status for web requests …), or null
 * @param kind what happened, normalised
 * @param outcome success or failure where the record says so
 * @param access how the account came in (console, network, remote desktop, VPN …)
 * @param user the account the record is about, as written ({@code OFFSEC&#92;admmig},
 * {@code admmig@offsec.lan}, {@code root}); see {@link AccountName}
 * @param subjectUser who did it, where different from {@link #user()} (the creator of an
 * account, the clearer of a log, the adder of a group member)
 * @param sourceAddress the remote address ({@code 10.0.2.17}, {@code 127.0.0.1},
 * {@code ::1}); null where the record has none or says {@code -}
 * @param target what was acted on: a group name, a URL path, a database, a member SID
 * @param logonType the Windows logon type (2 interactive, 3 network, 10 remote
 * interactive …) or null
 * @param process the logon process / program / method ({@code sshd}, {@code Chrome},
 * {@code POST})
 * @param status a status or reason ({@code 0xc000006a}, HTTP status, {@code Password did
 * not match})
 * @param recordNumber the record number (EVTX) or line number (text) within its file, for
 * drill-down to the raw record
 * @param data further named values of the record (EventData / key=value pairs), never
 * null
 */
public record LogEvent(Instant time, String host, String channel, String eventId, EventKind kind, Outcome outcome,
		Access access, String user, String subjectUser, String sourceAddress, String target, Integer logonType,
		String process, String status, long recordNumber, Map<String, String> data) {

	public LogEvent {
		Objects.requireNonNull(time, "time");
		Objects.requireNonNull(kind, "kind");
		outcome = outcome == null ? Outcome.NONE : outcome;
		access = access == null ? Access.OTHER : access;
		data = data == null ? Map.of() : data;
	}

	/** A builder, since most formats fill only some fields. */
	public static Builder at(Instant time, EventKind kind) {
		return new Builder(time, kind);
	}

	/** The account key of {@link #user()}: see {@link AccountName#key(String)}. */
	public String account() {
		return AccountName.key(user);
	}

	/** The account key of {@link #subjectUser()}. */
	public String subjectAccount() {
		return AccountName.key(subjectUser);
	}

	/** Mutable builder for {@link LogEvent}. */
	public static final class Builder {

		private final Instant time;

		private final EventKind kind;

		private String host;

		private String channel;

		private String eventId;

		private Outcome outcome;

		private Access access;

		private String user;

		private String subjectUser;

		private String sourceAddress;

		private String target;

		private Integer logonType;

		private String process;

		private String status;

		private long recordNumber;

		private Map<String, String> data;

		private Builder(Instant time, EventKind kind) {
			this.time = time;
			this.kind = kind;
			this.outcome = kind.outcome();
		}

		public Builder host(String host) {
			this.host = blankToNull(host);
			return this;
		}

		public Builder channel(String channel) {
			this.channel = blankToNull(channel);
			return this;
		}

		public Builder eventId(String eventId) {
			this.eventId = blankToNull(eventId);
			return this;
		}

		public Builder outcome(Outcome outcome) {
			this.outcome = outcome;
			return this;
		}

		public Builder access(Access access) {
			this.access = access;
			return this;
		}

		public Builder user(String user) {
			this.user = blankToNull(user);
			return this;
		}

		public Builder subjectUser(String subjectUser) {
			this.subjectUser = blankToNull(subjectUser);
			return this;
		}

		/**
		 * Takes an address as written; {@code -}, empty and {@code ::ffff:} forms are
		 * normalised.
		 */
		public Builder sourceAddress(String sourceAddress) {
			this.sourceAddress = Addresses.normalise(sourceAddress);
			return this;
		}

		public Builder target(String target) {
			this.target = blankToNull(target);
			return this;
		}

		public Builder logonType(Integer logonType) {
			this.logonType = logonType;
			return this;
		}

		public Builder process(String process) {
			this.process = blankToNull(process);
			return this;
		}

		public Builder status(String status) {
			this.status = blankToNull(status);
			return this;
		}

		public Builder recordNumber(long recordNumber) {
			this.recordNumber = recordNumber;
			return this;
		}

		public Builder data(Map<String, String> data) {
			this.data = data;
			return this;
		}

		public LogEvent build() {
			return new LogEvent(time, host, channel, eventId, kind, outcome, access, user, subjectUser, sourceAddress,
					target, logonType, process, status, recordNumber, data);
		}

		private static String blankToNull(String value) {
			if (value == null) {
				return null;
			}
			String trimmed = value.strip();
			return trimmed.isEmpty() || "-".equals(trimmed) ? null : trimmed;
		}

	}

}
