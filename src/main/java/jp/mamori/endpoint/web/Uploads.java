package jp.mamori.endpoint.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import jp.mamori.endpoint.ImportCollectorFiles;
import org.springframework.web.multipart.MultipartFile;

/** Multipart files as the import's uploads (empty file inputs are left out). */
final class Uploads {

	private Uploads() {
	}

	static List<ImportCollectorFiles.Upload> of(List<MultipartFile> files) throws IOException {
		List<ImportCollectorFiles.Upload> uploads = new ArrayList<>();
		for (MultipartFile file : files == null ? List.<MultipartFile>of() : files) {
			if (file.isEmpty()) {
				continue;
			}
			String name = file.getOriginalFilename() == null || file.getOriginalFilename().isBlank() ? "upload.json"
					: file.getOriginalFilename();
			uploads.add(new ImportCollectorFiles.Upload(name, file.getBytes()));
		}
		return uploads;
	}

}
