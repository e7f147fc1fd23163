package jp.mamori.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jp.mamori.catalog.internal.CatalogFileReader;
import jp.mamori.catalog.internal.ImportedCatalogRepository;
import jp.mamori.shared.BadInputException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Service;

/**
 * Read API of the checklist catalog: built-in versions (validated when the application
 * starts — a bad file stops start-up) plus versions an administrator imported. Versions
 * are immutable, so each is parsed once and cached; other nodes pick up an import on
 * first use.
 */
@Service
public class Catalog {

	static final String BUILT_IN_LOCATION = "classpath:catalog/r*.yaml";

	private final Map<String, String> concepts;

	private final Map<String, ChecklistVersion> builtIn;

	private final Map<String, ChecklistVersion> imported = new ConcurrentHashMap<>();

	private final ImportedCatalogRepository importedFiles;

	private final ObjectProvider<KnownCheckIds> checkIds;

	Catalog(ImportedCatalogRepository importedFiles, ObjectProvider<KnownCheckIds> checkIds) {
		this.importedFiles = importedFiles;
		this.checkIds = checkIds;
		this.concepts = CatalogFileReader.readConcepts("concepts.yaml",
				read(resource("classpath:catalog/concepts.yaml")));
		this.builtIn = loadBuiltIn();
	}

	private Map<String, ChecklistVersion> loadBuiltIn() {
		Map<String, ChecklistVersion> versions = new LinkedHashMap<>();
		try {
			for (Resource file : new PathMatchingResourcePatternResolver().getResources(BUILT_IN_LOCATION)) {
				ChecklistVersion version = parse(file.getFilename(), read(file), true);
				if (versions.put(version.id(), version) != null) {
					throw new IllegalStateException("checklist version defined twice: " + version.id());
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return versions;
	}

	ChecklistVersion parse(String fileName, String content, boolean isBuiltIn) {
		return CatalogFileReader.read(fileName, content, concepts.keySet(), knownChecks(), isBuiltIn);
	}

	private Set<String> knownChecks() {
		KnownCheckIds ids = checkIds.getIfAvailable();
		return ids == null ? Set.of() : ids.ids();
	}

	/** Every version, oldest first. */
	public List<ChecklistVersion> versions() {
		Map<String, ChecklistVersion> all = new LinkedHashMap<>(builtIn);
		for (ImportedCatalogRepository.ImportedFile file : importedFiles.findAll()) {
			all.computeIfAbsent(file.versionId(), id -> importedVersion(file));
		}
		return all.values()
			.stream()
			.sorted(Comparator.comparing(ChecklistVersion::fiscalYear).thenComparing(ChecklistVersion::id))
			.toList();
	}

	public Optional<ChecklistVersion> version(String id) {
		ChecklistVersion version = builtIn.get(id);
		if (version != null) {
			return Optional.of(version);
		}
		return Optional.ofNullable(imported.get(id)).or(() -> importedFiles.find(id).map(this::importedVersion));
	}

	public ChecklistVersion requireVersion(String id) {
		return version(id).orElseThrow(() -> new BadInputException("チェックリストの版が見つかりません: " + id));
	}

	public Optional<ChecklistForm> form(String versionId, FormCode form) {
		return version(versionId).flatMap(v -> v.form(form));
	}

	public ChecklistForm requireForm(String versionId, FormCode form) {
		return requireVersion(versionId).form(form)
			.orElseThrow(() -> new BadInputException(versionId + " に様式 " + form.label() + " はありません"));
	}

	/** Japanese label of a concept key, or the key itself. */
	public String conceptLabel(String concept) {
		return concepts.getOrDefault(concept, concept);
	}

	boolean isKnownVersion(String id) {
		return builtIn.containsKey(id) || importedFiles.find(id).isPresent();
	}

	private ChecklistVersion importedVersion(ImportedCatalogRepository.ImportedFile file) {
		return imported.computeIfAbsent(file.versionId(), id -> parse(file.fileName(), file.content(), false));
	}

	private static Resource resource(String location) {
		return new PathMatchingResourcePatternResolver().getResource(location);
	}

	private static String read(Resource resource) {
		try (InputStream in = resource.getInputStream()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
