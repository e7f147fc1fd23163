package jp.mamori.catalog.internal;

import java.io.StringReader;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import jp.mamori.catalog.ApplicabilityRule;
import jp.mamori.catalog.CatalogError;
import jp.mamori.catalog.CatalogItem;
import jp.mamori.catalog.ChecklistForm;
import jp.mamori.catalog.ChecklistSection;
import jp.mamori.catalog.ChecklistVersion;
import jp.mamori.catalog.Confidence;
import jp.mamori.catalog.FormCode;
import jp.mamori.catalog.Guidance;
import jp.mamori.catalog.InvalidCatalogException;
import jp.mamori.catalog.Scope;
import jp.mamori.shared.FiscalYear;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads and validates one catalog file (format: docs/catalog-format.md). Works on
 * SnakeYAML's node tree rather than binding to classes, because every error must name the
 * line it comes from, and data binding loses positions once a value has been read.
 * Composing nodes constructs no objects, so a hostile file cannot instantiate anything.
 */
public final class CatalogFileReader {

	private static final Pattern VERSION_ID = Pattern.compile("[A-Z][0-9A-Za-z]{0,19}");

	private static final Pattern ITEM_ID = Pattern.compile("[0-9]+-[0-9]+");

	private static final Pattern CONCEPT_KEY = Pattern.compile("[a-z][a-z0-9_]{0,59}");

	private final Set<String> knownConcepts;

	private final Set<String> knownChecks;

	private final List<CatalogError> errors = new ArrayList<>();

	private CatalogFileReader(Set<String> knownConcepts, Set<String> knownChecks) {
		this.knownConcepts = new HashSet<>(knownConcepts);
		this.knownChecks = knownChecks;
	}

	/**
	 * Parses and validates; throws {@link InvalidCatalogException} listing every problem
	 * found.
	 */
	public static ChecklistVersion read(String fileName, String content, Set<String> knownConcepts,
			Set<String> knownChecks, boolean builtIn) {
		CatalogFileReader reader = new CatalogFileReader(knownConcepts, knownChecks);
		ChecklistVersion version = reader.readVersion(content, builtIn);
		if (!reader.errors.isEmpty() || version == null) {
			throw new InvalidCatalogException(fileName, reader.errors);
		}
		return version;
	}

	/** Reads a concepts file ({@code concepts: [{key, label}]}) into key → label. */
	public static Map<String, String> readConcepts(String fileName, String content) {
		CatalogFileReader reader = new CatalogFileReader(Set.of(), Set.of());
		Map<String, String> concepts = new LinkedHashMap<>();
		Node root = reader.compose(content);
		if (root instanceof MappingNode map) {
			reader.concepts(map, concepts);
		}
		else if (reader.errors.isEmpty()) {
			reader.error(root, "concepts: の一覧がありません");
		}
		if (!reader.errors.isEmpty()) {
			throw new InvalidCatalogException(fileName, reader.errors);
		}
		return concepts;
	}

	/**
	 * Far more than any catalog (the largest built-in one is about 75 KB): SnakeYAML
	 * scans a megabytes-long scalar slowly enough to hold a request for minutes.
	 */
	static final int MAX_CHARS = 2 * 1024 * 1024;

	private Node compose(String content) {
		if (content.length() > MAX_CHARS) {
			errors.add(
					new CatalogError(0, "ファイルが大きすぎます（" + MAX_CHARS / (1024 * 1024) + "MB まで）。チェックリストの YAML を指定してください"));
			return null;
		}
		LoaderOptions options = new LoaderOptions();
		options.setAllowDuplicateKeys(false);
		options.setMaxAliasesForCollections(0);
		options.setCodePointLimit(5 * 1024 * 1024);
		try {
			Node node = new Yaml(options).compose(new StringReader(content));
			if (node == null) {
				errors.add(new CatalogError(0, "ファイルが空です"));
			}
			return node;
		}
		catch (MarkedYAMLException ex) {
			int line = ex.getProblemMark() != null ? ex.getProblemMark().getLine() + 1 : 0;
			errors.add(new CatalogError(line, "YAMLとして読めません: " + ex.getProblem()));
		}
		catch (YAMLException ex) {
			errors.add(new CatalogError(0, "YAMLとして読めません: " + ex.getMessage()));
		}
		return null;
	}

	private ChecklistVersion readVersion(String content, boolean builtIn) {
		Node root = compose(content);
		if (root == null) {
			return null;
		}
		if (!(root instanceof MappingNode map)) {
			error(root, "最上位はキーと値の対応（version:, forms: …）でなければなりません");
			return null;
		}
		Map<String, Node> fields = fields(map,
				Set.of("version", "fiscalYear", "era", "title", "published", "sourceUrl", "note", "concepts", "forms"));
		String id = requiredText(fields, "version", map);
		if (id != null && !VERSION_ID.matcher(id).matches()) {
			error(fields.get("version"), "version は英大文字で始まる英数字です（例: R8）: " + id);
		}
		Integer year = requiredInt(fields, "fiscalYear", map);
		if (year != null && (year < 2000 || year > 2200)) {
			error(fields.get("fiscalYear"), "fiscalYear が範囲外です: " + year);
			year = null;
		}
		String era = requiredText(fields, "era", map);
		String title = requiredText(fields, "title", map);
		LocalDate published = optionalDate(fields, "published");
		String sourceUrl = optionalText(fields, "sourceUrl");
		String note = optionalText(fields, "note");
		if (fields.containsKey("concepts")) {
			Map<String, String> own = new LinkedHashMap<>();
			concepts(map, own);
			knownConcepts.addAll(own.keySet());
		}
		List<ChecklistForm> forms = new ArrayList<>();
		Set<FormCode> seenForms = new HashSet<>();
		for (Node formNode : sequence(fields.get("forms"), "forms", map, true)) {
			ChecklistForm form = form(id, title, formNode);
			if (form != null) {
				if (!seenForms.add(form.code())) {
					error(formNode, "様式 " + form.code().code() + " が二度定義されています");
				}
				forms.add(form);
			}
		}
		if (forms.isEmpty() && errors.isEmpty()) {
			error(map, "forms に様式が一つもありません");
		}
		if (!errors.isEmpty()) {
			return null;
		}
		return new ChecklistVersion(id, FiscalYear.of(year), era, title, published, sourceUrl, note, forms, builtIn);
	}

	private void concepts(MappingNode map, Map<String, String> into) {
		Map<String, Node> fields = fields(map, null);
		for (Node node : sequence(fields.get("concepts"), "concepts", map, true)) {
			if (!(node instanceof MappingNode concept)) {
				error(node, "concepts の各要素は key: と label: を持つ対応でなければなりません");
				continue;
			}
			Map<String, Node> cf = fields(concept, Set.of("key", "label"));
			String key = requiredText(cf, "key", concept);
			String label = requiredText(cf, "label", concept);
			if (key != null && !CONCEPT_KEY.matcher(key).matches()) {
				error(cf.get("key"), "概念キーは英小文字・数字・_ です: " + key);
			}
			else if (key != null && into.put(key, label) != null) {
				error(cf.get("key"), "概念キー " + key + " が二度定義されています");
			}
		}
	}

	private ChecklistForm form(String versionId, String versionTitle, Node node) {
		if (!(node instanceof MappingNode map)) {
			error(node, "forms の各要素は form:, title:, sections: を持つ対応でなければなりません");
			return null;
		}
		Map<String, Node> fields = fields(map, Set.of("form", "title", "documentTitle", "sections"));
		String code = requiredText(fields, "form", map);
		String documentTitle = optionalText(fields, "documentTitle");
		Optional<FormCode> formCode = code == null ? Optional.empty() : FormCode.fromCode(code);
		if (code != null && formCode.isEmpty()) {
			error(fields.get("form"), "form は institution / pharmacy / vendor のいずれかです: " + code);
		}
		String title = requiredText(fields, "title", map);
		FormState state = new FormState();
		List<ChecklistSection> sections = new ArrayList<>();
		for (Node sectionNode : sequence(fields.get("sections"), "sections", map, true)) {
			ChecklistSection section = section(sectionNode, state);
			if (section != null) {
				sections.add(section);
			}
		}
		if (formCode.isEmpty() || title == null) {
			return null;
		}
		return new ChecklistForm(versionId, formCode.get(), title, documentTitle == null ? versionTitle : documentTitle,
				sections);
	}

	private static final class FormState {

		final Set<String> itemIds = new HashSet<>();

		final Set<String> concepts = new HashSet<>();

		final Set<String> sectionIds = new HashSet<>();

		boolean gateSeen;

	}

	private ChecklistSection section(Node node, FormState state) {
		if (!(node instanceof MappingNode map)) {
			error(node, "sections の各要素は id:, title:, items: を持つ対応でなければなりません");
			return null;
		}
		Map<String, Node> fields = fields(map, Set.of("id", "title", "items"));
		String id = requiredText(fields, "id", map);
		String title = requiredText(fields, "title", map);
		if (id != null && !state.sectionIds.add(id)) {
			error(fields.get("id"), "節 " + id + " が二度定義されています");
		}
		List<CatalogItem> items = new ArrayList<>();
		for (Node itemNode : sequence(fields.get("items"), "items", map, true)) {
			items.addAll(item(itemNode, id, title, state));
		}
		return id == null || title == null ? null : new ChecklistSection(id, title, groupedByScope(items));
	}

	private List<CatalogItem> item(Node node, String sectionId, String sectionTitle, FormState state) {
		if (!(node instanceof MappingNode map)) {
			error(node, "items の各要素は id:, number:, text: … を持つ対応でなければなりません");
			return List.of();
		}
		Map<String, Node> f = fields(map,
				Set.of("id", "number", "concept", "text", "scopes", "answerPerScope", "reference", "referenceScopes",
						"dueNote", "rule", "confidence", "sourceUrls", "guidelineRefs", "guidance", "checks"));
		int errorsBefore = errors.size();
		String id = requiredText(f, "id", map);
		if (id != null && !ITEM_ID.matcher(id).matches()) {
			error(f.get("id"), "項目IDは「節-番号」の形です（例: 2-6）: " + id);
		}
		else if (id != null && !state.itemIds.add(id)) {
			error(f.get("id"), "項目ID " + id + " がこの様式で重複しています");
		}
		if (id != null && sectionId != null && !id.startsWith(sectionId + "-")) {
			error(f.get("id"), "項目ID " + id + " が節 " + sectionId + " に属していません");
		}
		String number = requiredText(f, "number", map);
		String concept = requiredText(f, "concept", map);
		if (concept != null && !knownConcepts.contains(concept)) {
			error(f.get("concept"), "未定義の概念キーです: " + concept + "（concepts.yaml かこのファイルの concepts: に定義してください）");
		}
		else if (concept != null && !state.concepts.add(concept)) {
			error(f.get("concept"), "概念キー " + concept + " がこの様式で二度使われています");
		}
		String text = requiredText(f, "text", map);
		List<Scope> scopes = new ArrayList<>();
		for (String code : texts(f.get("scopes"), "scopes")) {
			Scope.fromCode(code)
				.ifPresentOrElse(scopes::add,
						() -> error(f.get("scopes"), "scopes は general / server / pc / network です: " + code));
		}
		boolean perScope = optionalBoolean(f, "answerPerScope");
		if (perScope && scopes.size() < 2) {
			error(f.get("answerPerScope"), "answerPerScope: true には二つ以上の scopes が必要です");
		}
		boolean reference = optionalBoolean(f, "reference");
		List<Scope> referenceScopes = new ArrayList<>();
		for (String code : texts(f.get("referenceScopes"), "referenceScopes")) {
			Optional<Scope> scope = Scope.fromCode(code);
			if (scope.isEmpty() || !scopes.contains(scope.get())) {
				error(f.get("referenceScopes"), "referenceScopes は scopes の中から選びます: " + code);
			}
			else {
				referenceScopes.add(scope.get());
			}
		}
		String dueNote = optionalText(f, "dueNote");
		ApplicabilityRule rule = null;
		String ruleCode = optionalText(f, "rule");
		if (ruleCode != null) {
			rule = switch (ruleCode) {
				case "gate" -> ApplicabilityRule.GATE;
				case "vendor_contract" -> ApplicabilityRule.VENDOR_CONTRACT;
				default -> {
					error(f.get("rule"), "rule は gate / vendor_contract のいずれかです: " + ruleCode);
					yield null;
				}
			};
		}
		if (rule == ApplicabilityRule.GATE) {
			if (state.gateSeen) {
				error(f.get("rule"), "rule: gate は一様式に一つだけです");
			}
			state.gateSeen = true;
		}
		Confidence confidence = null;
		String confidenceCode = requiredText(f, "confidence", map);
		if (confidenceCode != null) {
			try {
				confidence = Confidence.valueOf(confidenceCode);
			}
			catch (IllegalArgumentException ex) {
				error(f.get("confidence"), "confidence は V / S / M のいずれかです: " + confidenceCode);
			}
		}
		List<String> sourceUrls = texts(f.get("sourceUrls"), "sourceUrls");
		List<String> guidelineRefs = texts(f.get("guidelineRefs"), "guidelineRefs");
		Guidance guidance = guidance(f.get("guidance"));
		List<String> checks = texts(f.get("checks"), "checks");
		for (String check : checks) {
			if (!knownChecks.contains(check)) {
				error(f.get("checks"), "未登録のチェックIDです: " + check);
			}
		}
		if (errors.size() > errorsBefore) {
			return List.of();
		}
		if (!perScope) {
			boolean partial = !reference && !referenceScopes.isEmpty();
			return List.of(new CatalogItem(id, id, number, sectionId, sectionTitle, concept, text, null, scopes,
					reference, partial, dueNote, rule, confidence, sourceUrls, guidelineRefs, guidance, checks));
		}
		List<CatalogItem> rows = new ArrayList<>();
		for (Scope scope : scopes) {
			rows.add(new CatalogItem(id + "@" + scope.code(), id, number, sectionId, sectionTitle, concept, text, scope,
					scopes, reference || referenceScopes.contains(scope), false, dueNote, rule, confidence, sourceUrls,
					guidelineRefs, guidance, checks));
		}
		return rows;
	}

	/**
	 * Where a section has items split by scope (R5/R6 section 2), the form prints its
	 * rows grouped under the scope headings — 全般, then サーバ, 端末PC, ネットワーク機器 — in item
	 * order within each group.
	 */
	private static List<CatalogItem> groupedByScope(List<CatalogItem> items) {
		if (items.stream().noneMatch(i -> i.scope() != null)) {
			return items;
		}
		return items.stream().sorted(java.util.Comparator.comparing(CatalogFileReader::heading)).toList();
	}

	private static Scope heading(CatalogItem item) {
		if (item.scope() != null) {
			return item.scope();
		}
		return item.scopes().isEmpty() ? Scope.GENERAL : item.scopes().get(0);
	}

	private Guidance guidance(Node node) {
		if (node == null) {
			return Guidance.NONE;
		}
		if (!(node instanceof MappingNode map)) {
			error(node, "guidance は meaning:, yesWhen:, evidence: を持つ対応です");
			return Guidance.NONE;
		}
		Map<String, Node> f = fields(map, Set.of("meaning", "yesWhen", "evidence"));
		return new Guidance(nullToEmpty(optionalText(f, "meaning")), nullToEmpty(optionalText(f, "yesWhen")),
				nullToEmpty(optionalText(f, "evidence")));
	}

	private static String nullToEmpty(String s) {
		return s == null ? "" : s;
	}

	// --- node helpers: each records an error with the node's line and returns null/empty
	// on failure

	private Map<String, Node> fields(MappingNode map, Set<String> allowed) {
		Map<String, Node> fields = new LinkedHashMap<>();
		for (NodeTuple tuple : map.getValue()) {
			if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
				error(tuple.getKeyNode(), "キーは文字列でなければなりません");
				continue;
			}
			if (allowed != null && !allowed.contains(key.getValue())) {
				error(key, "不明なキーです: " + key.getValue());
				continue;
			}
			fields.put(key.getValue(), tuple.getValueNode());
		}
		return fields;
	}

	private String requiredText(Map<String, Node> fields, String key, Node owner) {
		Node node = fields.get(key);
		if (node == null) {
			error(owner, key + ": がありません");
			return null;
		}
		String value = scalar(node, key);
		if (value != null && value.isBlank()) {
			error(node, key + ": が空です");
			return null;
		}
		return value;
	}

	private String optionalText(Map<String, Node> fields, String key) {
		Node node = fields.get(key);
		if (node == null || isNull(node)) {
			return null;
		}
		return scalar(node, key);
	}

	private Integer requiredInt(Map<String, Node> fields, String key, Node owner) {
		String text = requiredText(fields, key, owner);
		if (text == null) {
			return null;
		}
		try {
			return Integer.valueOf(text);
		}
		catch (NumberFormatException ex) {
			error(fields.get(key), key + ": は整数です: " + text);
			return null;
		}
	}

	private LocalDate optionalDate(Map<String, Node> fields, String key) {
		String text = optionalText(fields, key);
		if (text == null) {
			return null;
		}
		try {
			return LocalDate.parse(text);
		}
		catch (DateTimeParseException ex) {
			error(fields.get(key), key + ": は YYYY-MM-DD 形式の日付です: " + text);
			return null;
		}
	}

	private boolean optionalBoolean(Map<String, Node> fields, String key) {
		String text = optionalText(fields, key);
		if (text == null) {
			return false;
		}
		if (!"true".equals(text) && !"false".equals(text)) {
			error(fields.get(key), key + ": は true / false です: " + text);
			return false;
		}
		return Boolean.parseBoolean(text);
	}

	private List<Node> sequence(Node node, String key, Node owner, boolean required) {
		if (node == null || isNull(node)) {
			if (required) {
				error(owner, key + ": がありません");
			}
			return List.of();
		}
		if (!(node instanceof SequenceNode seq)) {
			error(node, key + ": は一覧（- で始まる行）でなければなりません");
			return List.of();
		}
		return seq.getValue();
	}

	private List<String> texts(Node node, String key) {
		List<String> values = new ArrayList<>();
		for (Node element : sequence(node, key, node, false)) {
			String value = scalar(element, key);
			if (value != null && !value.isBlank()) {
				values.add(value);
			}
		}
		return values;
	}

	private String scalar(Node node, String key) {
		if (!(node instanceof ScalarNode scalar)) {
			error(node, key + ": は文字列でなければなりません");
			return null;
		}
		return scalar.getValue().strip();
	}

	private static boolean isNull(Node node) {
		return node instanceof ScalarNode s && ("null".equals(s.getValue()) || "~".equals(s.getValue())
				|| (s.getValue().isEmpty() && s.getTag().getValue().endsWith(":null")));
	}

	private void error(Node node, String message) {
		errors.add(new CatalogError(node == null ? 0 : node.getStartMark().getLine() + 1, message));
	}

}
