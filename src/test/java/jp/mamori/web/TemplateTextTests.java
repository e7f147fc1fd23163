package jp.mamori.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every word a person reads comes from the message bundles: templates hold no literal
 * text, every key they use exists in Japanese and English, and the two bundles have the
 * same keys.
 */
class TemplateTextTests {

	static final Path TEMPLATES = Path.of("src/main/resources/templates");

	static final Pattern KEY = Pattern.compile("#\\{([A-Za-z0-9_.]+)");

	static final Pattern DYNAMIC_KEY = Pattern.compile("#\\{'([A-Za-z0-9_.]+)' \\+");

	@Test
	void templatesHoldNoLiteralText() throws IOException {
		List<String> offences = new ArrayList<>();
		for (Path template : templates()) {
			Document doc = Jsoup.parse(Files.readString(template), "", Parser.xmlParser());
			for (Element element : doc.getAllElements()) {
				for (TextNode text : element.textNodes()) {
					String value = text.getWholeText().strip();
					if (!value.isEmpty() && value.codePoints().anyMatch(Character::isLetter)) {
						offences.add(TEMPLATES.relativize(template) + ": \"" + value + "\"");
					}
				}
				for (String attribute : List.of("title", "placeholder", "alt", "aria-label", "value", "data-confirm")) {
					String value = element.attr(attribute);
					if (!value.isEmpty() && element.attr("th:" + attribute).isEmpty() && isWords(value)
							&& !List.of("yes", "no", "not_required", "institution", "pharmacy", "true")
								.contains(value)) {
						offences.add(TEMPLATES.relativize(template) + ": " + attribute + "=\"" + value + "\"");
					}
				}
			}
		}
		assertThat(offences).as("literal text in templates (use th:text with a message key)").isEmpty();
	}

	@Test
	void everyKeyUsedExistsInJapaneseAndEnglish() throws IOException {
		Properties ja = bundle("messages.properties");
		Properties en = bundle("messages_en.properties");
		Set<String> missing = new TreeSet<>();
		for (Path template : templates()) {
			String content = Files.readString(template);
			Matcher m = KEY.matcher(content);
			while (m.find()) {
				String key = m.group(1);
				if (!ja.containsKey(key)) {
					missing.add("ja: " + key);
				}
				if (!en.containsKey(key)) {
					missing.add("en: " + key);
				}
			}
			Matcher d = DYNAMIC_KEY.matcher(content);
			while (d.find()) {
				String prefix = d.group(1);
				assertThat(ja.stringPropertyNames()).as("keys starting with " + prefix)
					.anyMatch(k -> k.startsWith(prefix));
			}
		}
		assertThat(missing).isEmpty();
	}

	@Test
	void japaneseAndEnglishHaveTheSameKeys() throws IOException {
		assertThat(bundle("messages_en.properties").stringPropertyNames())
			.containsExactlyInAnyOrderElementsOf(bundle("messages.properties").stringPropertyNames());
	}

	private static boolean isWords(String value) {
		return !value.contains("${") && !value.contains("#{") && value.codePoints().anyMatch(Character::isLetter)
				&& !value.startsWith("{") && !value.matches("[a-z0-9_\\-./:;= ]+");
	}

	private static List<Path> templates() throws IOException {
		try (Stream<Path> files = Files.walk(TEMPLATES)) {
			return files.filter(p -> p.toString().endsWith(".html")).sorted().toList();
		}
	}

	private static Properties bundle(String name) throws IOException {
		Properties properties = new Properties();
		try (InputStream in = Files.newInputStream(Path.of("src/main/resources", name))) {
			properties.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
		}
		return properties;
	}

}
