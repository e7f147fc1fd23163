package jp.mamori.bench;

import java.util.UUID;
import java.util.concurrent.TimeUnit;

import jp.mamori.MamoriApplication;
import jp.mamori.assessment.AssessmentQueries;
import jp.mamori.devdata.DataSpec;
import jp.mamori.devdata.GenerateDevData;
import jp.mamori.inventory.InventoryLedgers;
import jp.mamori.reporting.ChecklistExport;
import jp.mamori.reporting.ExportFormat;
import jp.mamori.shared.OrgId;
import jp.mamori.shared.ledger.LedgerDefinition;
import jp.mamori.shared.ledger.LedgerStore;
import jp.mamori.shared.ledger.Ledgers;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Hot paths that need the database: the official Excel export of one institution (the
 * reporting API) and one page of the device list at 10,000 devices. The application runs
 * without a web server on an in-memory H2 database filled by the generator once per fork.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(value = 1, jvmArgsAppend = { "-Xmx1g" })
public class ApplicationBenchmarks {

	ConfigurableApplicationContext context;

	ChecklistExport export;

	LedgerStore store;

	LedgerDefinition devices;

	OrgId org;

	UUID assessment;

	int page;

	@Setup
	public void start() {
		SpringApplication app = new SpringApplication(MamoriApplication.class);
		app.setWebApplicationType(WebApplicationType.NONE);
		context = app.run("--spring.datasource.url=jdbc:h2:mem:bench;MODE=PostgreSQL;DB_CLOSE_DELAY=-1",
				"--logging.level.root=WARN", "--spring.main.banner-mode=off");
		GenerateDevData.Generated data = context.getBean(GenerateDevData.class)
			.generate(new DataSpec("性能測定病院", 1, 10_000, 2_000, 0, 1), line -> {
			});
		org = data.orgs().get(0);
		assessment = context.getBean(AssessmentQueries.class).list(org).get(0).id();
		export = context.getBean(ChecklistExport.class);
		store = context.getBean(LedgerStore.class);
		devices = context.getBean(Ledgers.class).require(InventoryLedgers.DEVICES);
	}

	@TearDown
	public void stop() {
		context.close();
	}

	@Benchmark
	public byte[] officialExcelOfOneInstitution() {
		return export.export(org, assessment, 1, ExportFormat.XLSX, "bench");
	}

	@Benchmark
	public Object deviceListPageAt10kDevices() {
		// walk the pages so that no single page stays hot in H2's cache
		page = (page + 37) % 200;
		// what the list page reads: one page of 50 and the total, in one read of the index
		return store.page(devices, org, null, page * 50, 50);
	}

}
