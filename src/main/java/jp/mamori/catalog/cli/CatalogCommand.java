package jp.mamori.catalog.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import jp.mamori.catalog.Catalog;
import jp.mamori.catalog.CatalogItem;
import jp.mamori.catalog.ChecklistForm;
import jp.mamori.catalog.ChecklistVersion;
import jp.mamori.catalog.FormCode;
import jp.mamori.catalog.ImportCatalogVersion;
import jp.mamori.shared.BadInputException;
import jp.mamori.shared.MamoriSubcommand;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code mamori catalog list|show|import}: the checklist versions from the command line.
 */
@Component
@Command(name = "catalog", description = "チェックリストの版を表示・登録します / list, show and import checklist versions",
		mixinStandardHelpOptions = true,
		subcommands = { CatalogCommand.ListVersions.class, CatalogCommand.Show.class, CatalogCommand.Import.class })
public class CatalogCommand implements MamoriSubcommand {

	final Catalog catalog;

	final ImportCatalogVersion importVersion;

	final JsonMapper json;

	@Spec
	picocli.CommandLine.Model.CommandSpec spec;

	CatalogCommand(Catalog catalog, ImportCatalogVersion importVersion, JsonMapper json) {
		this.catalog = catalog;
		this.importVersion = importVersion;
		this.json = json;
	}

	static Map<String, Object> itemJson(CatalogItem item) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("id", item.id());
		m.put("number", item.number());
		m.put("section", item.sectionId());
		m.put("scope", item.scopeLabel());
		m.put("text", item.text());
		m.put("concept", item.concept());
		m.put("reference", item.reference());
		m.put("confidence", item.confidence().name());
		m.put("label", item.label());
		m.put("itemId", item.itemId());
		m.put("partialReference", item.partialReference());
		m.put("dueNote", item.dueNote());
		m.put("rule", item.rule() == null ? null : item.rule().code());
		return m;
	}

	static Map<String, Object> versionJson(ChecklistVersion v) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("version", v.id());
		m.put("fiscalYear", v.fiscalYear().startYear());
		m.put("era", v.era());
		m.put("title", v.title());
		m.put("published", v.published() == null ? null : v.published().toString());
		m.put("builtIn", v.builtIn());
		m.put("forms",
				v.forms()
					.stream()
					.map(f -> Map.of("form", f.code().code(), "title", f.title(), "items", f.items().size()))
					.toList());
		return m;
	}

	@Command(name = "list", description = "版の一覧 / list versions", mixinStandardHelpOptions = true)
	static class ListVersions implements Callable<Integer> {

		@picocli.CommandLine.ParentCommand
		CatalogCommand parent;

		@Option(names = "--json", description = "JSON で出力")
		boolean asJson;

		@Override
		public Integer call() {
			List<ChecklistVersion> versions = parent.catalog.versions();
			var out = parent.spec.commandLine().getOut();
			if (asJson) {
				out.println(parent.json.writeValueAsString(
						Map.of("versions", versions.stream().map(CatalogCommand::versionJson).toList())));
				return 0;
			}
			for (ChecklistVersion v : versions) {
				out.printf("%-4s %s %s（%s）%n", v.id(), v.era(), v.title(), v.builtIn() ? "同梱" : "登録");
				for (ChecklistForm f : v.forms()) {
					out.printf("       %-11s %s %d行%n", f.code().code(), f.title(), f.items().size());
				}
			}
			return 0;
		}

	}

	@Command(name = "show", description = "版の項目を表示 / show the items of a version", mixinStandardHelpOptions = true)
	static class Show implements Callable<Integer> {

		@picocli.CommandLine.ParentCommand
		CatalogCommand parent;

		@Parameters(index = "0", paramLabel = "VERSION", description = "R5 / R6 / R7 …")
		String version;

		@Option(names = "--form", defaultValue = "institution", description = "institution | pharmacy | vendor")
		String form;

		@Option(names = "--json", description = "JSON で出力")
		boolean asJson;

		@Override
		public Integer call() {
			ChecklistForm checklist = parent.catalog.requireForm(version, FormCode.require(form));
			var out = parent.spec.commandLine().getOut();
			if (asJson) {
				Map<String, Object> doc = new LinkedHashMap<>();
				doc.put("version", checklist.versionId());
				doc.put("form", checklist.code().code());
				doc.put("title", checklist.title());
				doc.put("items", checklist.items().stream().map(CatalogCommand::itemJson).toList());
				out.println(parent.json.writeValueAsString(doc));
				return 0;
			}
			for (var section : checklist.sections()) {
				out.println(section.heading());
				for (CatalogItem item : section.items()) {
					out.printf("  %-12s %s %s%s%n", item.id(), item.label(), item.text(),
							item.scopeLabel().isEmpty() ? "" : "（" + item.scopeLabel() + "）");
				}
			}
			return 0;
		}

	}

	@Command(name = "import", description = "新しい版の定義ファイルを検査して登録 / validate and import a version file",
			mixinStandardHelpOptions = true)
	static class Import implements Callable<Integer> {

		@picocli.CommandLine.ParentCommand
		CatalogCommand parent;

		@Parameters(index = "0", paramLabel = "FILE")
		Path file;

		@Override
		public Integer call() {
			byte[] bytes;
			try {
				bytes = Files.readAllBytes(file);
			}
			catch (IOException ex) {
				throw new BadInputException("ファイルを読めません: " + file);
			}
			ChecklistVersion version = parent.importVersion.importFile(file.getFileName().toString(), bytes, "cli");
			parent.spec.commandLine().getOut().printf("版 %s（%s）を登録しました%n", version.id(), version.era());
			return 0;
		}

	}

}
