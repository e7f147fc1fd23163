package jp.mamori.devdata;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import jp.mamori.accesslog.AccessLogLedgers;
import jp.mamori.accesslog.ImportAccessLog;
import jp.mamori.accesslog.ImportedFile;
import jp.mamori.account.AccountLedgers;
import jp.mamori.assessment.AnswerCommand;
import jp.mamori.assessment.Assessment;
import jp.mamori.assessment.CreateAssessment;
import jp.mamori.assessment.RecordAnswer;
import jp.mamori.catalog.Catalog;
import jp.mamori.catalog.CatalogItem;
import jp.mamori.catalog.ChecklistVersion;
import jp.mamori.catalog.FormCode;
import jp.mamori.devdata.internal.SyntheticRecords;
import jp.mamori.inventory.InventoryLedgers;
import jp.mamori.organization.DetailConsent;
import jp.mamori.organization.OrgKind;
import jp.mamori.organization.Organization;
import jp.mamori.organization.OrganizationGroups;
import jp.mamori.organization.Organizations;
import jp.mamori.shared.BadInputException;
import jp.mamori.shared.FiscalYear;
import jp.mamori.shared.NotFoundException;
import jp.mamori.shared.OrgId;
import jp.mamori.shared.ledger.InvalidLedgerDataException;
import jp.mamori.shared.ledger.LedgerDefinition;
import jp.mamori.shared.ledger.LedgerError;
import jp.mamori.shared.ledger.LedgerStore;
import jp.mamori.shared.ledger.LedgerValues;
import jp.mamori.shared.ledger.Ledgers;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fills the database with a generated data set: organisations (and a group with consent
 * when there are several), device and account ledgers, the ログリスト, a checklist of the
 * newest version partly answered, and log events imported through the access-log import —
 * the same code paths users take, so the data is valid by construction. Ledger rows go
 * through the ledger store in batches of {@value #BATCH} (one transaction each) rather
 * than through file uploads, which are capped at 50,000 rows.
 */
@Service
public class GenerateDevData {

	static final int BATCH = 5000;

	/** Who the generated rows and events are recorded as written by. */
	public static final String BY = "mamori dev generate";

	/** What was written. */
	public record Generated(List<OrgId> orgs, OrgId group, long devices, long accounts, long staff, long answers,
			long events, long eventsAdded, Duration took) {
	}

	private final Organizations organizations;

	private final OrganizationGroups groups;

	private final Ledgers ledgers;

	private final LedgerStore store;

	private final ImportAccessLog importLog;

	private final CreateAssessment createAssessment;

	private final RecordAnswer recordAnswer;

	private final Catalog catalog;

	private final TransactionTemplate transactions;

	private final Clock clock;

	GenerateDevData(Organizations organizations, OrganizationGroups groups, Ledgers ledgers, LedgerStore store,
			ImportAccessLog importLog, CreateAssessment createAssessment, RecordAnswer recordAnswer, Catalog catalog,
			TransactionTemplate transactions, Clock clock) {
		this.organizations = organizations;
		this.groups = groups;
		this.ledgers = ledgers;
		this.store = store;
		this.importLog = importLog;
		this.createAssessment = createAssessment;
		this.recordAnswer = recordAnswer;
		this.catalog = catalog;
		this.transactions = transactions;
		this.clock = clock;
	}

	/**
	 * Generates the data set; {@code progress} is told what is being done (the command
	 * prints it).
	 */
	public Generated generate(DataSpec spec, Consumer<String> progress) {
		long started = System.nanoTime();
		LocalDate today = LocalDate.now(clock.withZone(java.time.ZoneId.of("Asia/Tokyo")));
		OrgId group = null;
		if (spec.orgs() > 1) {
			group = organizations.create(spec.orgName(), OrgKind.GROUP, BY).id();
		}
		List<OrgId> orgs = new ArrayList<>();
		long[] totals = new long[6];
		for (int i = 0; i < spec.orgs(); i++) {
			String name = spec.orgs() == 1 ? spec.orgName() : SyntheticRecords.memberName(spec.orgName(), i);
			Organization org = organizations.create(name, OrgKind.INSTITUTION, BY);
			orgs.add(org.id());
			if (group != null) {
				groups.addAccepted(group, org.id(), BY);
				// most members share everything; a few only their numbers or nothing, as
				// in a real group
				DetailConsent consent = i % 20 == 19 ? DetailConsent.NONE
						: i % 10 == 9 ? DetailConsent.SUMMARY : DetailConsent.FULL;
				groups.changeConsent(group, org.id(), consent, BY);
			}
			fill(spec, i, org.id(), today, totals, spec.orgs() == 1 ? progress : s -> {
			});
			if (spec.orgs() > 1 && (i + 1) % 50 == 0) {
				progress.accept((i + 1) + " / " + spec.orgs() + " 組織");
			}
		}
		return new Generated(List.copyOf(orgs), group, totals[0], totals[1], totals[2], totals[3], totals[4], totals[5],
				Duration.ofNanos(System.nanoTime() - started));
	}

	private void fill(DataSpec spec, int index, OrgId org, LocalDate today, long[] totals, Consumer<String> progress) {
		SyntheticRecords records = new SyntheticRecords(spec.seed(), index, today);
		List<Map<String, String>> devices = records.devices(spec.devices());
		write(InventoryLedgers.DEVICES, org, devices, progress);
		totals[0] += devices.size();
		List<Map<String, String>> staff = spec.accounts() == 0 ? List.of() : records.staff(spec.accounts());
		write(AccountLedgers.STAFF, org, staff, progress);
		totals[2] += staff.size();
		List<Map<String, String>> accounts = spec.accounts() == 0 ? List.of()
				: records.accounts(spec.accounts(), staff);
		write(AccountLedgers.ACCOUNTS, org, accounts, progress);
		totals[1] += accounts.size();
		write(AccountLedgers.ROLE_MATRIX, org, records.roleMatrix(), progress);
		write(AccountLedgers.PASSWORD_POLICIES, org, records.passwordPolicies(), progress);
		List<Map<String, String>> sources = records.logSources(devices);
		write(AccessLogLedgers.LOG_SOURCES, org, sources, progress);
		totals[3] += answer(records, org, today);
		if (spec.events() > 0) {
			List<String> hosts = devices.stream()
				.filter(d -> "server".equals(d.get("kind")))
				.map(d -> d.get("hostname"))
				.limit(50)
				.toList();
			List<String> users = accounts.stream().map(a -> a.get("userId")).limit(500).toList();
			UUID source = store.list(ledgers.require(AccessLogLedgers.LOG_SOURCES), org, 0, 1)
				.stream()
				.findFirst()
				.map(r -> r.id())
				.orElse(null);
			progress.accept("ログ " + spec.events() + " 件を取り込んでいます");
			try (InputStream log = records.authLog(spec.events(), hosts, users)) {
				ImportedFile imported = importLog.importFile(org, source, "generated-auth.log", log, null, BY, null);
				totals[4] += imported.events();
				totals[5] += imported.added();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
	}

	private void write(String ledgerId, OrgId org, List<Map<String, String>> raw, Consumer<String> progress) {
		if (raw.isEmpty()) {
			return;
		}
		LedgerDefinition ledger = ledgers.require(ledgerId);
		var now = clock.instant();
		for (int from = 0; from < raw.size(); from += BATCH) {
			List<Map<String, Object>> rows = new ArrayList<>();
			for (Map<String, String> row : raw.subList(from, Math.min(raw.size(), from + BATCH))) {
				List<LedgerError> errors = new ArrayList<>();
				Map<String, Object> values = LedgerValues.parse(ledger, row, from + rows.size() + 1, errors);
				if (!errors.isEmpty()) {
					// a generator bug, not user input: stop loudly
					throw new InvalidLedgerDataException(errors);
				}
				rows.add(values);
			}
			transactions.executeWithoutResult(status -> store.insertAll(ledger, org, rows, now, BY, done -> {
			}));
			if (raw.size() > BATCH) {
				progress.accept(ledgerId + ": " + Math.min(raw.size(), from + BATCH) + " / " + raw.size());
			}
		}
	}

	/** Creates this 年度's checklist of the newest version and answers part of it. */
	private long answer(SyntheticRecords records, OrgId org, LocalDate today) {
		ChecklistVersion version = catalog.versions()
			.stream()
			.filter(v -> v.form(FormCode.INSTITUTION).isPresent())
			.reduce((a, b) -> b)
			.orElse(null);
		if (version == null) {
			return 0;
		}
		Assessment assessment = createAssessment.create(org, FiscalYear.containing(today).startYear(), version.id(),
				FormCode.INSTITUTION.code(), null, BY);
		List<String> items = version.form(FormCode.INSTITUTION)
			.orElseThrow()
			.items()
			.stream()
			.map(CatalogItem::id)
			.toList();
		long answered = 0;
		for (Map.Entry<String, String> answer : records.answers(items).entrySet()) {
			LocalDate target = "no".equals(answer.getValue()) ? today.plusDays(90) : null;
			try {
				recordAnswer.record(org, assessment.id(), 1, answer.getKey(),
						new AnswerCommand(answer.getValue(), today.minusDays(7), target, null, null), BY);
				answered++;
			}
			catch (BadInputException | NotFoundException ex) {
				// an answer the item's rules refuse (e.g. 対象外 where it is not allowed):
				// leave the item unanswered, as a person would after the message
			}
		}
		return answered;
	}

}
