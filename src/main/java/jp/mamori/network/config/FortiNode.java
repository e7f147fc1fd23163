package jp.mamori.network.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The FortiOS configuration tree: {@code config PATH} sections holding {@code set} values
 * and {@code edit NAME … next} entries, nested to any depth (per-VDOM sections sit inside
 * {@code config vdom / edit root}). Built by hand because FortiOS syntax has no published
 * grammar library for Java; {@code append}, {@code unset}, {@code select} and
 * {@code unselect} are applied as FortiOS does.
 */
final class FortiNode {

	/** A value list, with the line that last changed it and the lines that shaped it. */
	record Setting(List<String> values, int line, List<String> text) {
	}

	final String name;

	final int line;

	final String text;

	final Map<String, Setting> settings = new LinkedHashMap<>();

	/** {@code config …} sections directly inside. */
	final List<FortiNode> sections = new ArrayList<>();

	/** {@code edit …} entries directly inside (sections only). */
	final List<FortiNode> entries = new ArrayList<>();

	FortiNode(String name, int line, String text) {
		this.name = name;
		this.line = line;
		this.text = text;
	}

	List<String> values(String key) {
		Setting setting = settings.get(key);
		return setting == null ? List.of() : setting.values();
	}

	String value(String key) {
		List<String> values = values(key);
		return values.isEmpty() ? null : String.join(" ", values);
	}

	boolean has(String key) {
		return settings.containsKey(key);
	}

	/** Every section with this path anywhere in the tree, in file order. */
	List<FortiNode> sections(String path) {
		List<FortiNode> found = new ArrayList<>();
		walk(node -> {
			if (node.name.equals(path) && node != this) {
				found.add(node);
			}
		});
		return found;
	}

	/** The entries of every section with this path, in file order. */
	List<FortiNode> entries(String path) {
		List<FortiNode> found = new ArrayList<>();
		for (FortiNode section : sections(path)) {
			found.addAll(section.entries);
		}
		return found;
	}

	private void walk(Consumer<FortiNode> visitor) {
		visitor.accept(this);
		for (FortiNode section : sections) {
			section.walk(visitor);
		}
		for (FortiNode entry : entries) {
			entry.walk(visitor);
		}
	}

	/** The text of the node and its settings, for evidence. */
	String evidence() {
		StringBuilder out = new StringBuilder(text);
		for (Setting setting : settings.values()) {
			for (String line : setting.text()) {
				out.append("; ").append(line);
			}
		}
		return out.toString();
	}

	/**
	 * Reads the tree; lines it cannot place are counted through {@code skipped}.
	 * @return the root (its sections are the top-level {@code config} blocks)
	 */
	static FortiNode parse(List<String> lines, Runnable skipped) {
		FortiNode root = new FortiNode("", 0, "");
		List<FortiNode> stack = new ArrayList<>();
		stack.add(root);
		for (int i = 0; i < lines.size(); i++) {
			int n = i + 1;
			String line = lines.get(i).trim();
			if (line.isEmpty() || line.startsWith("#")) {
				continue;
			}
			List<String> t = ConfigText.tokens(line);
			FortiNode top = stack.get(stack.size() - 1);
			String verb = t.get(0);
			List<String> rest = t.subList(1, t.size());
			switch (verb) {
				case "config" -> {
					FortiNode section = new FortiNode(String.join(" ", rest), n, line);
					top.sections.add(section);
					stack.add(section);
				}
				case "edit" -> {
					if (rest.isEmpty()) {
						skipped.run();
						continue;
					}
					FortiNode entry = new FortiNode(rest.get(0), n, line);
					top.entries.add(entry);
					stack.add(entry);
				}
				case "next" -> {
					if (stack.size() > 1 && isEntry(stack)) {
						stack.remove(stack.size() - 1);
					}
				}
				case "end" -> {
					// an entry left open by a missing "next" closes with its section
					if (stack.size() > 1 && isEntry(stack)) {
						stack.remove(stack.size() - 1);
					}
					if (stack.size() > 1) {
						stack.remove(stack.size() - 1);
					}
				}
				case "set" -> {
					if (rest.isEmpty()) {
						skipped.run();
						continue;
					}
					List<String> text = new ArrayList<>();
					text.add(line);
					top.settings.put(rest.get(0), new Setting(List.copyOf(rest.subList(1, rest.size())), n, text));
				}
				case "append", "select" -> {
					if (rest.isEmpty()) {
						skipped.run();
						continue;
					}
					Setting old = top.settings.get(rest.get(0));
					List<String> values = new ArrayList<>(old == null ? List.of() : old.values());
					values.addAll(rest.subList(1, rest.size()));
					List<String> text = new ArrayList<>(old == null ? List.of() : old.text());
					text.add(line);
					top.settings.put(rest.get(0), new Setting(List.copyOf(values), n, text));
				}
				case "unselect" -> {
					Setting old = rest.isEmpty() ? null : top.settings.get(rest.get(0));
					if (old != null) {
						List<String> values = new ArrayList<>(old.values());
						values.removeAll(rest.subList(1, rest.size()));
						List<String> text = new ArrayList<>(old.text());
						text.add(line);
						top.settings.put(rest.get(0), new Setting(List.copyOf(values), n, text));
					}
				}
				case "unset" -> {
					if (!rest.isEmpty()) {
						top.settings.remove(rest.get(0));
					}
				}
				default -> skipped.run();
			}
		}
		return root;
	}

	private static boolean isEntry(List<FortiNode> stack) {
		FortiNode top = stack.get(stack.size() - 1);
		FortiNode parent = stack.get(stack.size() - 2);
		return parent.entries.contains(top);
	}

}
