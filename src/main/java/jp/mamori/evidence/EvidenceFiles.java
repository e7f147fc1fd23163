package jp.mamori.evidence;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jp.mamori.evidence.internal.EvidenceRepository;
import jp.mamori.shared.BadInputException;
import jp.mamori.shared.OrgId;
import jp.mamori.shared.Sha256;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Storing, listing and fetching evidence files of an organisation. */
@Service
public class EvidenceFiles {

	private final EvidenceRepository repository;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final long maxBytes;

	EvidenceFiles(EvidenceRepository repository, ApplicationEventPublisher events, Clock clock,
			@Value("${mamori.evidence.max-bytes:10485760}") long maxBytes) {
		this.repository = repository;
		this.events = events;
		this.clock = clock;
		this.maxBytes = maxBytes;
	}

	public long maxBytes() {
		return maxBytes;
	}

	/**
	 * Stores a file and links it to its owner (e.g. {@code assessment-item},
	 * {@code <assessment>/<item>}).
	 */
	@Transactional
	public EvidenceFile store(OrgId org, String fileName, byte[] bytes, String ownerType, String ownerRef, String by) {
		// a display name only (the bytes live in the database, never at a path): path
		// separators, control characters and invisible format characters such as the
		// right-to-left override (which makes "x\u202Efdp.exe" look like "xexe.pdf") are
		// replaced
		String name = fileName == null ? "" : fileName.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}\\p{Cf}]", "_").strip();
		if (name.isEmpty() || bytes == null || bytes.length == 0) {
			throw new BadInputException("ファイルを選んでください");
		}
		if (name.length() > 255) {
			throw new BadInputException("ファイル名は255文字以内にしてください");
		}
		if (bytes.length > maxBytes) {
			throw new BadInputException("ファイルが大きすぎます（上限 " + (maxBytes / (1024 * 1024)) + "MB）: " + name);
		}
		EvidenceType type = EvidenceType.forFileName(name)
			.orElseThrow(() -> new BadInputException("この種類のファイルは登録できません（PDF・画像・Excel・Word・テキスト・CSV）: " + name));
		if (!type.matches(bytes)) {
			throw new BadInputException("ファイルの中身が拡張子と一致しません: " + name);
		}
		EvidenceFile file = new EvidenceFile(UUID.randomUUID(), org, name, type.contentType(), bytes.length,
				Sha256.hex(bytes), clock.instant(), by);
		repository.insert(file, bytes);
		repository.link(org, file.id(), ownerType, ownerRef);
		events.publishEvent(new EvidenceStored(org, file.id(), name, file.sha256(), ownerType, ownerRef, by));
		return file;
	}

	public List<EvidenceFile> linkedTo(OrgId org, String ownerType, String ownerRef) {
		return repository.linkedTo(org, ownerType, ownerRef);
	}

	public Optional<EvidenceContent> content(OrgId org, UUID id) {
		return repository.content(org, id);
	}

}
