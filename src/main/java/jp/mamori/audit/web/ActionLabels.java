package jp.mamori.audit.web;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import jp.mamori.audit.ExportAuditTrail;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Words for action codes ({@code audit.action.<code>} in the bundles). Modules add codes
 * without telling the audit module: a code without a message shows as itself.
 */
@Component
class ActionLabels {

	/** The codes known when this was written; the trail itself supplies any others. */
	static final List<String> KNOWN = List.of("organization.created", "organization.contract.recorded",
			"organization.contract.removed", "identity.user.created", "identity.token.created",
			"catalog.version.imported", "evidence.stored", "assessment.created", "assessment.answer.recorded",
			"assessment.round.submitted", "assessment.round.started", "reporting.checklist.exported",
			ExportAuditTrail.ACTION);

	record Choice(String code, String label) {
	}

	/** The codes of one module, selectable together by their prefix. */
	record Group(String prefix, String label, List<Choice> choices) {
	}

	private final MessageSource messages;

	ActionLabels(MessageSource messages) {
		this.messages = messages;
	}

	String label(String code, Locale locale) {
		return messages.getMessage("audit.action." + code, null, code, locale);
	}

	/** Known codes and those that occur, grouped by module, in code order. */
	List<Group> groups(Collection<String> occurring, Locale locale) {
		TreeSet<String> codes = new TreeSet<>(KNOWN);
		codes.addAll(occurring);
		Map<String, List<Choice>> byModule = new TreeMap<>();
		for (String code : codes) {
			int dot = code.indexOf('.');
			String prefix = dot > 0 ? code.substring(0, dot) : code;
			byModule.computeIfAbsent(prefix, p -> new ArrayList<>()).add(new Choice(code, label(code, locale)));
		}
		return byModule.entrySet()
			.stream()
			.map(e -> new Group(e.getKey(), messages.getMessage("audit.module." + e.getKey(), null, e.getKey(), locale),
					e.getValue()))
			.toList();
	}

}
