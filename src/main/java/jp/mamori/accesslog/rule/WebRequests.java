package jp.mamori.accesslog.rule;

import java.util.Locale;

import jp.mamori.accesslog.parser.EventKind;
import jp.mamori.accesslog.parser.LogEvent;

/** What the web rules read from a {@link EventKind#WEB_REQUEST}. */
final class WebRequests {

	private WebRequests() {
	}

	static boolean isRequest(LogEvent event) {
		return event.kind() == EventKind.WEB_REQUEST;
	}

	/**
	 * The HTTP status: the status field, else the event id (web parsers put the status
	 * there too); 0 when neither is a number.
	 */
	static int status(LogEvent event) {
		int status = number(event.status());
		return status != 0 ? status : number(event.eventId());
	}

	static boolean isSuccess(LogEvent event) {
		int status = status(event);
		return status >= 200 && status < 300;
	}

	static boolean isSuccessOrRedirect(LogEvent event) {
		int status = status(event);
		return status >= 200 && status < 400;
	}

	/** The request method (the parser's {@code process}), upper-case, or "". */
	static String method(LogEvent event) {
		return event.process() == null ? "" : event.process().toUpperCase(Locale.ROOT);
	}

	/**
	 * The path as requested, without query string and path parameters
	 * ({@code ;jsessionid=…}); null without a target.
	 */
	static String path(LogEvent event) {
		String target = event.target();
		if (target == null) {
			return null;
		}
		int end = target.length();
		int query = target.indexOf('?');
		if (query >= 0) {
			end = query;
		}
		int parameters = target.indexOf(';');
		if (parameters >= 0 && parameters < end) {
			end = parameters;
		}
		String path = target.substring(0, end);
		// a full URL in the request line (proxy style) is reduced to its path
		int scheme = path.indexOf("://");
		if (scheme >= 0) {
			int slash = path.indexOf('/', scheme + 3);
			path = slash < 0 ? "/" : path.substring(slash);
		}
		return path;
	}

	/** The query string, lower-case, or "". */
	static String query(LogEvent event) {
		String target = event.target();
		int query = target == null ? -1 : target.indexOf('?');
		return query < 0 ? "" : target.substring(query + 1).toLowerCase(Locale.ROOT);
	}

	private static int number(String value) {
		if (value == null || value.length() != 3) {
			return 0;
		}
		try {
			return Integer.parseInt(value);
		}
		catch (NumberFormatException ex) {
			return 0;
		}
	}

}
