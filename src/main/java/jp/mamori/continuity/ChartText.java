package jp.mamori.continuity;

/**
 * Text for the SVG chart: widths estimated without a font (a CJK character is about 1em,
 * Latin letters and digits about 0.6em), truncation with …, and XML escaping.
 */
final class ChartText {

	static final String ELLIPSIS = "…";

	private ChartText() {
	}

	/**
	 * Estimated width in px. Errs on the wide side: a box that is a little too roomy
	 * looks fine, a name running over the border does not.
	 */
	static double width(String text, double fontSize, boolean bold) {
		double em = 0;
		for (int i = 0; i < text.length();) {
			int cp = text.codePointAt(i);
			em += wide(cp) ? 1.0 : cp == ' ' ? 0.32 : 0.6;
			i += Character.charCount(cp);
		}
		return em * fontSize * (bold ? 1.06 : 1.0);
	}

	/**
	 * East Asian wide and full-width characters, and the symbols CJK fonts draw at 1em.
	 */
	static boolean wide(int cp) {
		return (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2010 && cp <= 0x2BFF) || (cp >= 0x2E80 && cp <= 0xA4CF)
				|| (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE30 && cp <= 0xFE4F)
				|| (cp >= 0xFF00 && cp <= 0xFF60) || (cp >= 0xFFE0 && cp <= 0xFFE6) || cp >= 0x1F300;
	}

	/** The text, cut and ended with … when it would be wider than {@code maxWidth}. */
	static String fit(String text, double fontSize, boolean bold, double maxWidth) {
		String clean = clean(text);
		if (width(clean, fontSize, bold) <= maxWidth) {
			return clean;
		}
		double budget = maxWidth - width(ELLIPSIS, fontSize, bold);
		StringBuilder kept = new StringBuilder();
		double used = 0;
		for (int i = 0; i < clean.length();) {
			int cp = clean.codePointAt(i);
			double w = width(new String(Character.toChars(cp)), fontSize, bold);
			if (used + w > budget) {
				break;
			}
			kept.appendCodePoint(cp);
			used += w;
			i += Character.charCount(cp);
		}
		return kept.toString().stripTrailing() + ELLIPSIS;
	}

	/**
	 * One line: runs of white space (line breaks from Excel cells included) become one
	 * space, and characters XML 1.0 cannot carry are dropped.
	 */
	static String clean(String text) {
		if (text == null) {
			return "";
		}
		StringBuilder out = new StringBuilder(text.length());
		boolean space = false;
		for (int i = 0; i < text.length();) {
			int cp = text.codePointAt(i);
			i += Character.charCount(cp);
			if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
				space = out.length() > 0;
				continue;
			}
			if (!allowedInXml(cp)) {
				continue;
			}
			if (space) {
				out.append(' ');
				space = false;
			}
			out.appendCodePoint(cp);
		}
		return out.toString();
	}

	private static boolean allowedInXml(int cp) {
		return (cp >= 0x20 && cp <= 0xD7FF) || (cp >= 0xE000 && cp <= 0xFFFD) || cp >= 0x10000;
	}

	/** Escaped for element content and double-quoted attributes. */
	static String escape(String text) {
		String clean = clean(text);
		StringBuilder out = new StringBuilder(clean.length() + 16);
		for (int i = 0; i < clean.length(); i++) {
			char c = clean.charAt(i);
			switch (c) {
				case '&' -> out.append("&amp;");
				case '<' -> out.append("&lt;");
				case '>' -> out.append("&gt;");
				case '"' -> out.append("&quot;");
				case '\'' -> out.append("&#39;");
				default -> out.append(c);
			}
		}
		return out.toString();
	}

}
