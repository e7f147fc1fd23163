package jp.mamori.accesslog.parser;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Builds {@link WindowsEventRecord}s from the element stream of {@code <Event>} elements
 * (see {@link EventXmlSink}), whether they come from EVTX binary XML or from exported
 * XML. Only what the mapping needs is kept: the {@code System} fields, the named and
 * unnamed {@code EventData} values, the leaves of {@code UserData} and the rendered
 * message. Elements outside an {@code <Event>} (an {@code <Events>} root) are passed
 * over. One instance reads one file, on one thread.
 */
final class WindowsEventAssembler implements EventXmlSink {

	/** Deeper elements are counted but not looked at: no event schema nests this far. */
	private static final int MAX_DEPTH = 64;

	private enum Section {

		NONE, SYSTEM, EVENT_DATA, USER_DATA, RENDERING

	}

	private final Consumer<WindowsEventRecord> records;

	private final Runnable incomplete;

	private final String[] names = new String[MAX_DEPTH + 1];

	private final boolean[] hadChild = new boolean[MAX_DEPTH + 1];

	private final StringBuilder text = new StringBuilder(256);

	private final List<String> items = new ArrayList<>();

	private int depth;

	private int eventDepth;

	private Section section = Section.NONE;

	private String provider;

	private String eventId;

	private String level;

	private String recordId;

	private String channel;

	private String computer;

	private String userSid;

	private Instant time;

	private String message;

	private String dataName;

	private Map<String, String> data;

	private List<String> unnamed;

	/**
	 * @param records receives every complete event
	 * @param incomplete called for an {@code <Event>} without an id or a time
	 */
	WindowsEventAssembler(Consumer<WindowsEventRecord> records, Runnable incomplete) {
		this.records = records;
		this.incomplete = incomplete;
	}

	/** Forgets a half-read event (after a decoding error inside it). */
	void reset() {
		depth = 0;
		eventDepth = 0;
		section = Section.NONE;
	}

	@Override
	public void startElement(String name) {
		depth++;
		if (depth > MAX_DEPTH) {
			return;
		}
		names[depth] = name;
		hadChild[depth] = false;
		hadChild[depth - 1] = true;
		text.setLength(0);
		items.clear();
		if (eventDepth == 0) {
			if ("Event".equals(name)) {
				beginEvent();
			}
			return;
		}
		int level = depth - eventDepth;
		if (level == 1) {
			section = switch (name) {
				case "System" -> Section.SYSTEM;
				case "EventData" -> Section.EVENT_DATA;
				case "UserData" -> Section.USER_DATA;
				case "RenderingInfo" -> Section.RENDERING;
				default -> Section.NONE;
			};
		}
		else if (level == 2 && section == Section.EVENT_DATA) {
			dataName = null;
		}
	}

	@Override
	public void attribute(String name, String value) {
		if (eventDepth == 0 || depth > MAX_DEPTH) {
			return;
		}
		int level = depth - eventDepth;
		if (level != 2) {
			return;
		}
		String element = names[depth];
		if (section == Section.SYSTEM) {
			switch (element) {
				case "Provider" -> {
					if ("Name".equals(name) || ("EventSourceName".equals(name) && provider == null)) {
						provider = value;
					}
				}
				case "TimeCreated" -> {
					if ("SystemTime".equals(name)) {
						time = parseTime(value);
					}
				}
				case "Security" -> {
					if ("UserID".equals(name)) {
						userSid = value;
					}
				}
				default -> {
				}
			}
		}
		else if (section == Section.EVENT_DATA && "Name".equals(name) && "Data".equals(element)) {
			dataName = value;
		}
	}

	@Override
	public void timeAttribute(String name, Instant value) {
		if (eventDepth != 0 && depth - eventDepth == 2 && section == Section.SYSTEM && "SystemTime".equals(name)
				&& "TimeCreated".equals(names[depth])) {
			time = value;
		}
	}

	@Override
	public void text(String value) {
		if (eventDepth != 0 && depth <= MAX_DEPTH && value != null) {
			text.append(value);
		}
	}

	@Override
	public void item(String value) {
		if (eventDepth != 0 && depth <= MAX_DEPTH && value != null) {
			items.add(value);
		}
	}

	@Override
	public void endElement() {
		if (depth <= 0) {
			return;
		}
		if (depth <= MAX_DEPTH && eventDepth != 0) {
			if (depth == eventDepth) {
				endEvent();
			}
			else {
				endInner(depth - eventDepth);
			}
		}
		if (depth <= MAX_DEPTH) {
			// text after a child belongs to the parent, which is never a leaf: drop it
			text.setLength(0);
			items.clear();
		}
		depth--;
	}

	private void endInner(int level) {
		boolean leaf = !hadChild[depth];
		String element = names[depth];
		if (level == 1) {
			section = Section.NONE;
			return;
		}
		switch (section) {
			case SYSTEM -> {
				if (level == 2 && leaf) {
					systemValue(element, text.toString());
				}
			}
			case EVENT_DATA -> {
				if (!leaf) {
					return;
				}
				if (level == 2 && "Data".equals(element)) {
					if (dataName != null) {
						data.put(dataName, items.isEmpty() ? text.toString() : joined());
					}
					else {
						unnamedValues();
					}
				}
				else if (level > 2) {
					// <Data><string>…</string></Data>: the fragments of an unnamed Data
					unnamedValues();
				}
			}
			case USER_DATA -> {
				if (leaf && level > 2) {
					data.putIfAbsent(element, items.isEmpty() ? text.toString() : joined());
				}
			}
			case RENDERING -> {
				if (leaf && level == 2 && "Message".equals(element)) {
					message = text.toString();
				}
			}
			default -> {
			}
		}
	}

	private void unnamedValues() {
		if (items.isEmpty()) {
			unnamed.add(text.toString());
		}
		else {
			if (!text.isEmpty()) {
				unnamed.add(text.toString());
			}
			unnamed.addAll(items);
		}
	}

	private String joined() {
		StringBuilder joined = new StringBuilder(text);
		for (String item : items) {
			if (!joined.isEmpty()) {
				joined.append('\n');
			}
			joined.append(item);
		}
		return joined.toString();
	}

	private void systemValue(String element, String value) {
		switch (element) {
			case "EventID" -> eventId = value.strip();
			case "Level" -> level = value.strip();
			case "EventRecordID" -> recordId = value.strip();
			case "Channel" -> channel = value.strip();
			case "Computer" -> computer = value.strip();
			case "TimeCreated" -> {
				// some exports write the time as text rather than an attribute
				if (time == null && !value.isBlank()) {
					time = parseTime(value);
				}
			}
			default -> {
			}
		}
	}

	private void beginEvent() {
		eventDepth = depth;
		section = Section.NONE;
		provider = null;
		eventId = null;
		level = null;
		recordId = null;
		channel = null;
		computer = null;
		userSid = null;
		time = null;
		message = null;
		dataName = null;
		data = new LinkedHashMap<>();
		unnamed = new ArrayList<>(4);
	}

	private void endEvent() {
		eventDepth = 0;
		section = Section.NONE;
		if (time == null || eventId == null || eventId.isEmpty()) {
			incomplete.run();
			return;
		}
		records.accept(new WindowsEventRecord(time, provider, eventId, level, parseLong(recordId), channel, computer,
				userSid, Collections.unmodifiableMap(data), Collections.unmodifiableList(unnamed), message));
	}

	private static long parseLong(String value) {
		if (value == null || value.isEmpty()) {
			return 0;
		}
		try {
			return Long.parseLong(value);
		}
		catch (NumberFormatException ex) {
			return 0;
		}
	}

	/**
	 * {@code 2019-03-19T23:35:07.520437000Z} (wevtutil, Event Viewer) and the
	 * {@code 2016-01-08 16:49:47.518} some tools write (UTC without a zone).
	 */
	static Instant parseTime(String value) {
		if (value == null) {
			return null;
		}
		String written = value.strip();
		if (written.isEmpty()) {
			return null;
		}
		try {
			return Instant.parse(written);
		}
		catch (DateTimeParseException ex) {
			try {
				String local = written.replace(' ', 'T');
				if (local.endsWith("Z")) {
					local = local.substring(0, local.length() - 1);
				}
				return LocalDateTime.parse(local).toInstant(ZoneOffset.UTC);
			}
			catch (DateTimeParseException again) {
				return null;
			}
		}
	}

}
