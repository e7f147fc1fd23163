package jp.mamori.network.config;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;

import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * A small XML element tree that remembers the line each element starts on (the DOM does
 * not), for pfSense {@code config.xml}. Parsed with SAX hardened against XXE: a DOCTYPE
 * is refused outright, so no external entity, parameter entity or entity expansion bomb
 * can be declared.
 */
final class XmlElement {

	final String name;

	final int line;

	final List<XmlElement> children = new ArrayList<>();

	private final StringBuilder text = new StringBuilder();

	private XmlElement(String name, int line) {
		this.name = name;
		this.line = line;
	}

	String text() {
		return text.toString().trim();
	}

	Optional<XmlElement> child(String childName) {
		return children.stream().filter(c -> c.name.equals(childName)).findFirst();
	}

	List<XmlElement> all(String childName) {
		return children.stream().filter(c -> c.name.equals(childName)).toList();
	}

	/** The trimmed text of a child, empty when absent. */
	String text(String childName) {
		return child(childName).map(XmlElement::text).orElse("");
	}

	boolean has(String childName) {
		return child(childName).isPresent();
	}

	/**
	 * Parses a document; {@link SAXException} for anything malformed or with a DOCTYPE.
	 */
	static XmlElement parse(String xml) throws SAXException, IOException {
		SAXParserFactory factory = SAXParserFactory.newInstance();
		try {
			factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
			factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
			factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
			factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
			factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
			factory.setXIncludeAware(false);
			factory.setNamespaceAware(false);
			SAXParser parser = factory.newSAXParser();
			Handler handler = new Handler();
			parser.parse(new InputSource(new StringReader(xml)), handler);
			if (handler.root == null) {
				throw new SAXException("no root element");
			}
			return handler.root;
		}
		catch (ParserConfigurationException ex) {
			throw new IllegalStateException("XML parser cannot be hardened", ex);
		}
	}

	private static final class Handler extends DefaultHandler {

		private final Deque<XmlElement> stack = new ArrayDeque<>();

		private Locator locator;

		XmlElement root;

		@Override
		public void setDocumentLocator(Locator locator) {
			this.locator = locator;
		}

		@Override
		public void startElement(String uri, String localName, String qName, Attributes attributes) {
			XmlElement element = new XmlElement(qName, locator == null ? 0 : locator.getLineNumber());
			if (stack.isEmpty()) {
				root = element;
			}
			else {
				stack.peek().children.add(element);
			}
			stack.push(element);
		}

		@Override
		public void endElement(String uri, String localName, String qName) {
			stack.pop();
		}

		@Override
		public void characters(char[] ch, int start, int length) {
			if (!stack.isEmpty() && stack.peek().text.length() < 100_000) {
				stack.peek().text.append(ch, start, length);
			}
		}

	}

}
