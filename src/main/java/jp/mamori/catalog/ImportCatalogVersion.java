package jp.mamori.catalog;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;

import jp.mamori.catalog.internal.ImportedCatalogRepository;
import jp.mamori.shared.Sha256;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Use case: an administrator imports a new checklist version file (e.g. 令和8年度版). The file
 * is validated completely first; a version id that already exists is refused, so a
 * version never changes once in use.
 */
@Service
public class ImportCatalogVersion {

	private final Catalog catalog;

	private final ImportedCatalogRepository files;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	ImportCatalogVersion(Catalog catalog, ImportedCatalogRepository files, ApplicationEventPublisher events,
			Clock clock) {
		this.catalog = catalog;
		this.files = files;
		this.events = events;
		this.clock = clock;
	}

	@Transactional
	public ChecklistVersion importFile(String fileName, byte[] bytes, String importedBy) {
		String content = utf8(fileName, bytes);
		ChecklistVersion version = catalog.parse(fileName, content, false);
		if (catalog.isKnownVersion(version.id())) {
			throw new InvalidCatalogException(fileName,
					List.of(new CatalogError(0, "版 " + version.id() + " は既に登録されています。登録済みの版は変更できません。新しい版IDを付けてください")));
		}
		String sha256 = Sha256.hex(bytes);
		files.insert(new ImportedCatalogRepository.ImportedFile(version.id(), fileName, content, sha256),
				clock.instant(), importedBy);
		events.publishEvent(new CatalogVersionImported(version.id(), fileName, sha256, importedBy));
		return version;
	}

	private static String utf8(String fileName, byte[] bytes) {
		int start = bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB
				&& (bytes[2] & 0xff) == 0xBF ? 3 : 0;
		try {
			return StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes, start, bytes.length - start))
				.toString();
		}
		catch (CharacterCodingException ex) {
			throw new InvalidCatalogException(fileName,
					List.of(new CatalogError(0, "ファイルが UTF-8 ではありません（YAML は UTF-8 で保存してください）")));
		}
	}

}
