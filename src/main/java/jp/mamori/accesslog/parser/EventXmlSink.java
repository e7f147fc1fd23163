package jp.mamori.accesslog.parser;

import java.time.Instant;

/**
 * Receives the elements of one Windows event as a stream (what a SAX handler would see),
 * from the EVTX binary XML decoder and from the StAX reader of exported XML alike, so
 * that both build a {@link WindowsEventRecord} the same way and no DOM or XML text is
 * ever built. Calls come in document order: {@code startElement}, its attributes, then
 * its content ({@code text}/{@code item}/child elements), then {@code endElement}.
 */
interface EventXmlSink {

	void startElement(String name);

	void attribute(String name, String value);

	/**
	 * An attribute holding a time (EVTX FILETIME/SYSTEMTIME): handed over as a value, not
	 * as text to be parsed again.
	 */
	default void timeAttribute(String name, Instant value) {
		attribute(name, value.toString());
	}

	/** A piece of the current element's text; pieces of one element concatenate. */
	void text(String text);

	/**
	 * One item of an array value (EVTX types 0x81 …): MSSQL writes its message inserts as
	 * one string array in a single {@code <Data>}; every item is a value of its own.
	 */
	void item(String value);

	void endElement();

}
