package jp.mamori.backup.web;

import java.nio.file.Path;
import java.security.Principal;
import java.time.Clock;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;

import jp.mamori.backup.BackupRequested;
import jp.mamori.backup.BackupSettings;
import jp.mamori.backup.DatabaseBackup;
import jp.mamori.backup.PassphraseFile;
import jp.mamori.backup.ScheduledBackups;
import jp.mamori.shared.BadInputException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * システム管理者: the instance's scheduled-backup settings and last result, a button that backs
 * up into the directory now, and a download of a backup to the browser.
 */
@Controller
class BackupController {

	private final ScheduledBackups backups;

	private final DatabaseBackup backup;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	BackupController(ScheduledBackups backups, DatabaseBackup backup, Clock clock, ApplicationEventPublisher events) {
		this.backups = backups;
		this.backup = backup;
		this.clock = clock;
		this.events = events;
	}

	@GetMapping("/admin/backup")
	@PreAuthorize("@access.isSystemAdmin()")
	String page(Model model) {
		if (!model.containsAttribute("settings")) {
			model.addAttribute("settings", backups.settings());
		}
		model.addAttribute("status", backups.status());
		model.addAttribute("warning", backups.warning().orElse(null));
		return "backup/settings";
	}

	@PostMapping("/admin/backup")
	@PreAuthorize("@access.isSystemAdmin()")
	String save(@RequestParam(defaultValue = "false") boolean enabled, @RequestParam(required = false) String directory,
			@RequestParam String dailyTime, @RequestParam String generations,
			@RequestParam(required = false) String passphraseFile, @RequestParam String maxAgeDays, Principal principal,
			RedirectAttributes redirect) {
		try {
			BackupSettings settings = new BackupSettings(enabled, directory, time(dailyTime),
					number(generations, "保持する世代数"), passphraseFile, number(maxAgeDays, "警告するまでの日数"));
			backups.save(settings);
			events
				.publishEvent(new BackupRequested(principal.getName(), "backup.settings.changed", settings.toString()));
			redirect.addFlashAttribute("saved", true);
		}
		catch (BadInputException ex) {
			redirect.addFlashAttribute("backupError", ex.getMessage());
		}
		return "redirect:/admin/backup";
	}

	@PostMapping("/admin/backup/run")
	@PreAuthorize("@access.isSystemAdmin()")
	String run(Principal principal, RedirectAttributes redirect) {
		ScheduledBackups.Run run = backups.runNow();
		events.publishEvent(new BackupRequested(principal.getName(), "backup.started",
				run.ok() ? String.valueOf(run.file()) : String.valueOf(run.error())));
		if (!run.ran()) {
			redirect.addFlashAttribute("busy", true);
		}
		return "redirect:/admin/backup";
	}

	@GetMapping("/admin/backup/download")
	@PreAuthorize("@access.isSystemAdmin()")
	ResponseEntity<StreamingResponseBody> download(Principal principal) {
		String configured = backups.settings().passphraseFile();
		// read before streaming starts: a 400 cannot be sent once the ZIP is under way
		char[] passphrase = PassphraseFile.read(configured == null ? null : Path.of(configured));
		String name = ScheduledBackups.fileName(clock.instant());
		events.publishEvent(new BackupRequested(principal.getName(), "backup.downloaded",
				name + (passphrase != null ? " (encrypted)" : "")));
		StreamingResponseBody body = out -> backup.write(out, passphrase);
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType("application/zip"))
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"")
			.body(body);
	}

	private static LocalTime time(String text) {
		try {
			return LocalTime.parse(text.strip());
		}
		catch (DateTimeParseException ex) {
			throw new BadInputException("実行時刻は 02:00 のように時:分で入力してください。");
		}
	}

	private static int number(String text, String field) {
		try {
			return Integer.parseInt(text.strip());
		}
		catch (NumberFormatException ex) {
			throw new BadInputException(field + "は数字で入力してください。");
		}
	}

}
