package jp.mamori.accesslog.parser;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;

import jp.mamori.support.SharedSamples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/**
 * The EVTX reader against the real samples in {@code ../shared/samples/windows-evtx}: the
 * ground truth of their README, through {@link WindowsEvents} to {@link LogEvent}; and
 * damaged copies of them (cut, bytes flipped) that must cost skipped records, never an
 * exception.
 */
class EvtxParserTests {

	private final EvtxParser parser = new EvtxParser();

	@ParameterizedTest
	@CsvSource({ "deepblue_new-user-security.evtx, 4", "eas_1102-security-log-cleared.evtx, 112",
			"eas_4625-then-4624-same-user.evtx, 4", "eas_mssql-18456-failed-logons.evtx, 10",
			"eas_rdp-1149-remoteconnectionmanager.evtx, 228", "eas_rdp-tunneling-4624.evtx, 18",
			"mitre_4625-local-bruteforce-accountrestore.evtx, 16", "mitre_4625-openssh-bruteforce-valid-user.evtx, 11",
			"mitre_4720-4726-fast-create-delete.evtx, 2", "mitre_4732-added-to-local-admin-groups.evtx, 3" })
	void readsEveryRecordOfEverySampleAndNothingOfTheStaleBufferBehindThem(String file, int records) {
		Parsed parsed = parse(file);
		assertThat(parsed.events()).hasSize(records);
		assertThat(parsed.stats().events()).isEqualTo(records);
		assertThat(parsed.stats().skipped()).isZero();
		assertThat(parsed.stats().notes()).isEmpty();
	}

	@Test
	void failureThenSuccessForTheSameUser() {
		Parsed parsed = parse("eas_4625-then-4624-same-user.evtx");
		LogEvent failure = parsed.only("4625");
		assertThat(failure.kind()).isEqualTo(EventKind.AUTH_FAILURE);
		assertThat(failure.outcome()).isEqualTo(Outcome.FAILURE);
		assertThat(failure.user()).isEqualTo("MSEDGEWIN10\\IEUser");
		assertThat(failure.logonType()).isEqualTo(2);
		assertThat(failure.access()).isEqualTo(Access.INTERACTIVE);
		assertThat(millis(failure)).isEqualTo("2020-09-09T13:18:23.627Z");
		assertThat(failure.host()).isEqualTo("MSEDGEWIN10");
		assertThat(failure.channel()).isEqualTo("Security");
		assertThat(failure.status()).isEqualTo("0xc000006a");

		List<LogEvent> successes = parsed.withId("4624");
		assertThat(successes).hasSize(3);
		List<LogEvent> ieUser = successes.stream().filter(e -> "ieuser".equals(e.account())).toList();
		assertThat(ieUser).hasSize(2).allSatisfy(e -> {
			assertThat(e.logonType()).isEqualTo(2);
			assertThat(e.process()).isEqualTo("Chrome");
			assertThat(millis(e)).isEqualTo("2020-09-09T13:18:27.714Z");
		});
		assertThat(successes).filteredOn(e -> "system".equals(e.account()))
			.singleElement()
			.satisfies(e -> assertThat(e.logonType()).isEqualTo(5));
	}

	@Test
	void sshBruteForceAgainstAValidUserInUpnFormWithoutAddresses() {
		Parsed parsed = parse("mitre_4625-openssh-bruteforce-valid-user.evtx");
		assertThat(parsed.countsById())
			.containsExactlyInAnyOrderEntriesOf(Map.of("4648", 2L, "4624", 2L, "4625", 5L, "4688", 2L));
		List<LogEvent> failures = parsed.withId("4625");
		assertThat(failures).allSatisfy(e -> {
			assertThat(e.user()).isEqualTo("admmig@offsec.lan");
			assertThat(e.logonType()).isEqualTo(8);
			assertThat(e.status()).isEqualTo("0xc000006a");
			assertThat(e.sourceAddress()).isNull();
			assertThat(e.data()).containsEntry("TargetDomainName", "");
		});
		assertThat(millis(failures.get(0))).isEqualTo("2021-05-21T20:43:22.562Z");
		assertThat(millis(failures.get(4))).isEqualTo("2021-05-21T20:43:50.866Z");

		LogEvent networkLogon = parsed.withId("4624")
			.stream()
			.filter(e -> e.logonType() == 3)
			.findFirst()
			.orElseThrow();
		assertThat(networkLogon.user()).isEqualTo("OFFSEC\\admmig");
		assertThat(networkLogon.account()).isEqualTo(failures.get(0).account());
		assertThat(networkLogon.process()).isEqualTo("sshd");
		assertThat(networkLogon.data()).containsEntry("AuthenticationPackageName", "Kerberos");
		assertThat(millis(networkLogon)).isEqualTo("2021-05-21T20:43:18.227Z");

		LogEvent virtualAccount = parsed.withId("4624")
			.stream()
			.filter(e -> e.logonType() == 5)
			.findFirst()
			.orElseThrow();
		assertThat(virtualAccount.account()).isEqualTo("sshd_4332");
		assertThat(parsed.withId("4648")).extracting(LogEvent::kind).containsOnly(EventKind.EXPLICIT_CREDENTIALS);
		assertThat(parsed.withId("4648").get(0).user()).endsWith("sshd_4332");
		assertThat(parsed.withId("4688")).extracting(LogEvent::kind).containsOnly(EventKind.PROCESS_STARTED);
		assertThat(parsed.events()).extracting(LogEvent::host).containsOnly("fs01.offsec.lan");
		assertThat(parsed.events())
			.filteredOn(e -> e.kind() == EventKind.AUTH_SUCCESS || e.kind() == EventKind.AUTH_FAILURE
					|| e.kind() == EventKind.EXPLICIT_CREDENTIALS)
			.extracting(LogEvent::sourceAddress)
			.containsOnlyNulls();
	}

	@Test
	void localBruteForceOfSixteenFailuresInFourteenMilliseconds() {
		Parsed parsed = parse("mitre_4625-local-bruteforce-accountrestore.evtx");
		List<LogEvent> failures = parsed.withId("4625");
		assertThat(failures).hasSize(16).allSatisfy(e -> {
			assertThat(e.logonType()).isEqualTo(2);
			assertThat(e.sourceAddress()).isNull();
			assertThat(e.host()).isEqualTo("WIN");
		});
		// the samples README says Admin x9 / Administrator x7; the records themselves say
		// 8 and 8 (exactly 8 of the 16 records hold the UTF-16 string "Administrator"
		// anywhere in their bytes), and the bytes are the ground truth
		assertThat(failures.stream().collect(Collectors.groupingBy(LogEvent::account, Collectors.counting())))
			.containsExactlyInAnyOrderEntriesOf(Map.of("admin", 8L, "administrator", 8L));
		assertThat(failures).extracting(LogEvent::subjectAccount).containsOnly("admin");
		assertThat(millis(failures.get(0))).isEqualTo("2023-09-25T20:39:50.822Z");
		assertThat(millis(failures.get(15))).isEqualTo("2023-09-25T20:39:50.836Z");
	}

	@Test
	void accountCreatedAndDeletedSeventyEightSecondsLater() {
		Parsed parsed = parse("mitre_4720-4726-fast-create-delete.evtx");
		LogEvent created = parsed.only("4720");
		LogEvent deleted = parsed.only("4726");
		assertThat(created.kind()).isEqualTo(EventKind.ACCOUNT_CREATED);
		assertThat(created.user()).isEqualTo("OFFSEC\\admin-kriss");
		assertThat(created.subjectAccount()).isEqualTo("lambda-user");
		assertThat(created.host()).isEqualTo("rootdc1.offsec.lan");
		assertThat(deleted.kind()).isEqualTo(EventKind.ACCOUNT_DELETED);
		assertThat(deleted.user()).isEqualTo("OFFSEC\\admin-kriss");
		assertThat(deleted.subjectAccount()).isEqualTo("lambda-user");
		assertThat(millis(created)).isEqualTo("2020-07-12T05:10:08.442Z");
		assertThat(millis(deleted)).isEqualTo("2020-07-12T05:11:26.431Z");
		assertThat(ChronoUnit.SECONDS.between(created.time(), deleted.time())).isEqualTo(77);
	}

	@Test
	void memberAddedToLocalGroupsKnownOnlyBySid() {
		String sid = "S-1-5-21-1470532092-3758209836-3742276719-1001";
		Parsed parsed = parse("mitre_4732-added-to-local-admin-groups.evtx");
		List<LogEvent> added = parsed.withId("4732");
		assertThat(added).hasSize(3).allSatisfy(e -> {
			assertThat(e.kind()).isEqualTo(EventKind.GROUP_MEMBER_ADDED);
			assertThat(e.user()).isEqualTo(sid);
			assertThat(e.data()).containsEntry("MemberSid", sid);
			assertThat(e.subjectAccount()).isEqualTo("admmig");
			assertThat(e.host()).isEqualTo("jump01.offsec.lan");
		});
		assertThat(added).extracting(LogEvent::target)
			.containsExactly("Builtin\\Users", "Builtin\\Administrators", "Builtin\\Backup Operators");
		assertThat(added).extracting(EvtxParserTests::millis)
			.containsExactly("2020-07-12T05:12:58.312Z", "2020-07-12T05:14:30.976Z", "2020-07-12T05:14:44.125Z");
	}

	@Test
	void newUserAddedToAdministratorsByTheMachineAccount() {
		Parsed parsed = parse("deepblue_new-user-security.evtx");
		assertThat(parsed.events()).extracting(LogEvent::eventId).containsExactly("4728", "4720", "4732", "4732");
		assertThat(parsed.events()).extracting(LogEvent::subjectUser).containsOnly("WORKGROUP\\WIN-QALA5Q3KJ43$");
		assertThat(parsed.only("4720").user()).isEqualTo("IE8Win7\\IEUser");
		String member = parsed.only("4720").data().get("TargetSid");
		assertThat(parsed.withId("4732")).extracting(LogEvent::target)
			.containsExactly("Builtin\\Users", "Builtin\\Administrators");
		assertThat(parsed.withId("4732")).allSatisfy(e -> {
			assertThat(e.data()).containsEntry("MemberName", "-");
			assertThat(e.user()).isEqualTo(member);
		});
		assertThat(parsed.only("4728").target()).endsWith("\\None");
		assertThat(parsed.events()).extracting(EvtxParserTests::millis)
			.allSatisfy(time -> assertThat(time).isBetween("2013-10-23T16:22:39.970Z", "2013-10-23T16:22:40.005Z"));
	}

	@Test
	void remoteDesktopFromLoopbackAmongServiceLogons() {
		Parsed parsed = parse("eas_rdp-tunneling-4624.evtx");
		List<LogEvent> logons = parsed.withId("4624");
		assertThat(logons).hasSize(18);
		assertThat(logons.stream().collect(Collectors.groupingBy(LogEvent::logonType, Collectors.counting())))
			.containsExactlyInAnyOrderEntriesOf(Map.of(5, 11L, 0, 1L, 3, 3L, 2, 2L, 10, 1L));
		List<LogEvent> people = logons.stream()
			.filter(e -> e.access() != Access.SERVICE && !AccountName.isSystem(e.user()))
			.toList();
		assertThat(people).hasSize(3).allSatisfy(e -> {
			assertThat(e.user()).isEqualTo("PC02\\IEUser");
			assertThat(e.sourceAddress()).isEqualTo("127.0.0.1");
		});
		assertThat(people).extracting(LogEvent::logonType).containsExactly(2, 10, 2);
		assertThat(people.get(1).access()).isEqualTo(Access.REMOTE_DESKTOP);
		assertThat(logons).filteredOn(e -> "anonymous logon".equals(e.account()))
			.extracting(LogEvent::sourceAddress)
			.containsExactly(null, "10.0.2.17", "10.0.2.17");
		assertThat(millis(logons.get(0))).isEqualTo("2019-02-13T15:14:52.409Z");
		assertThat(millis(logons.get(17))).isEqualTo("2019-02-13T15:31:31.556Z");
	}

	@Test
	void remoteDesktopAuthenticationsFromUserData() {
		Parsed parsed = parse("eas_rdp-1149-remoteconnectionmanager.evtx");
		assertThat(parsed.countsById())
			.containsExactlyInAnyOrderEntriesOf(Map.of("1155", 64L, "258", 64L, "1136", 64L, "261", 25L, "1149", 11L));
		assertThat(parsed.stats().hosts()).hasSize(2);
		assertThat(parsed.stats().first()).isBefore(Instant.parse("2018-11-07T00:00:00Z"))
			.isAfter(Instant.parse("2018-11-06T00:00:00Z"));
		assertThat(parsed.stats().last()).isBefore(Instant.parse("2019-02-14T00:00:00Z"))
			.isAfter(Instant.parse("2019-02-13T00:00:00Z"));
		List<LogEvent> rdp = parsed.withId("1149");
		assertThat(rdp).allSatisfy(e -> {
			assertThat(e.kind()).isEqualTo(EventKind.AUTH_SUCCESS);
			assertThat(e.access()).isEqualTo(Access.REMOTE_DESKTOP);
			assertThat(e.channel()).isEqualTo("Microsoft-Windows-TerminalServices-RemoteConnectionManager/Operational");
		});
		assertThat(rdp.stream()
			.collect(Collectors.groupingBy(e -> e.user() + " " + e.sourceAddress(), Collectors.counting())))
			.containsExactlyInAnyOrderEntriesOf(Map.of("example\\admin01 10.0.2.15", 6L, "example\\admin01 127.0.0.1",
					1L, "example\\admin01 fe80::80ac:4126:fa58:1b81%10", 1L, "ie11win7\\administrator 10.0.2.16", 2L,
					"PC01\\IEUser 10.0.2.16", 1L));
		assertThat(rdp.get(0).data()).containsKeys("Param1", "Param2", "Param3");
	}

	@Test
	void securityLogClearedByAUserFromUserData() {
		Parsed parsed = parse("eas_1102-security-log-cleared.evtx");
		assertThat(parsed.countsById())
			.containsExactlyInAnyOrderEntriesOf(Map.of("1102", 1L, "4663", 110L, "5156", 1L));
		LogEvent cleared = parsed.only("1102");
		assertThat(cleared.kind()).isEqualTo(EventKind.LOG_CLEARED);
		assertThat(cleared.user()).isEqualTo("EXAMPLE\\user01");
		assertThat(cleared.subjectUser()).isEqualTo("EXAMPLE\\user01");
		assertThat(cleared.data()).containsEntry("SubjectUserName", "user01");
		assertThat(cleared.target()).isEqualTo("Security");
		assertThat(cleared.host()).isEqualTo("PC01.example.corp");
		assertThat(millis(cleared)).isEqualTo("2019-03-19T23:35:07.524Z");
		assertThat(parsed.stats().last()).isBefore(cleared.time().plusSeconds(9));
	}

	@Test
	void sqlServerLoginFailuresFromUnnamedData() {
		Parsed parsed = parse("eas_mssql-18456-failed-logons.evtx");
		List<LogEvent> failures = parsed.withId("18456");
		assertThat(failures).hasSize(10).allSatisfy(e -> {
			assertThat(e.kind()).isEqualTo(EventKind.AUTH_FAILURE);
			assertThat(e.access()).isEqualTo(Access.DATABASE);
			assertThat(e.sourceAddress()).isEqualTo("10.0.2.17");
			assertThat(e.channel()).isEqualTo("Application");
			assertThat(e.data()).containsKeys("Data1", "Data2", "Data3");
		});
		assertThat(failures).filteredOn(e -> !AccountName.isSystem(e.user()))
			.extracting(LogEvent::user, LogEvent::status)
			.containsExactly(
					org.assertj.core.groups.Tuple.tuple("sa", "Password did not match that for the login provided."),
					org.assertj.core.groups.Tuple.tuple("root", "Password did not match that for the login provided."));
		assertThat(failures).filteredOn(e -> e.user().startsWith("##MS_")).hasSize(8);
		assertThat(millis(failures.get(0))).isEqualTo("2019-11-04T13:46:01.171Z");
		assertThat(millis(failures.get(9))).isEqualTo("2019-11-04T13:46:01.279Z");
	}

	@ParameterizedTest
	@ValueSource(strings = { "deepblue_new-user-security.evtx", "eas_1102-security-log-cleared.evtx",
			"eas_4625-then-4624-same-user.evtx", "eas_mssql-18456-failed-logons.evtx",
			"eas_rdp-1149-remoteconnectionmanager.evtx", "eas_rdp-tunneling-4624.evtx",
			"mitre_4625-local-bruteforce-accountrestore.evtx", "mitre_4625-openssh-bruteforce-valid-user.evtx",
			"mitre_4720-4726-fast-create-delete.evtx", "mitre_4732-added-to-local-admin-groups.evtx" })
	void survivesCutsAndFlippedBytesWithSkippedRecordsCounted(String file) {
		byte[] original = bytes(file);
		long events = parse(original).stats().events();
		// damage where the data is: the header and the chunks with records, not the
		// preallocated zeros after them
		int used = usedLength(original);
		Random random = new Random(file.hashCode());
		List<Integer> cuts = new ArrayList<>(
				List.of(1, 7, 100, 4095, 4096, 4096 + 8, 4096 + 511, 4096 + 512, 4096 + 600, used - 1, used / 2));
		for (int i = 0; i < 40; i++) {
			cuts.add(1 + random.nextInt(used - 1));
		}
		for (int cut : cuts) {
			byte[] damaged = Arrays.copyOf(original, cut);
			ParseStats stats = parseSafely(damaged);
			assertThat(stats.events()).as("cut at %d", cut).isLessThanOrEqualTo(events);
			if (stats.events() < events) {
				assertThat(stats.skipped()).as("cut at %d", cut).isPositive();
			}
		}
		for (int trial = 0; trial < 60; trial++) {
			byte[] damaged = original.clone();
			int flips = 1 + random.nextInt(8);
			for (int i = 0; i < flips; i++) {
				int at = random.nextInt(used);
				damaged[at] ^= (byte) (1 + random.nextInt(255));
			}
			ParseStats stats = parseSafely(damaged);
			assertThat(stats.events()).as("trial %d", trial).isLessThanOrEqualTo(events);
			if (stats.events() < events) {
				assertThat(stats.skipped()).as("trial %d", trial).isPositive();
			}
		}
	}

	@Test
	void countsAChunkOfGarbageAsSkippedAndReadsTheOthers() {
		byte[] original = bytes("eas_1102-security-log-cleared.evtx");
		byte[] damaged = original.clone();
		// the second chunk (records 96–112) overwritten with noise
		byte[] noise = new byte[EvtxChunk.SIZE];
		new Random(7).nextBytes(noise);
		System.arraycopy(noise, 0, damaged, 4096 + EvtxChunk.SIZE, noise.length);
		ParseStats stats = parse(damaged).stats();
		assertThat(stats.events()).isEqualTo(95);
		assertThat(stats.skipped()).isEqualTo(1);
		assertThat(stats.notes()).isNotEmpty();
	}

	@Test
	void readsTheRecordsBeforeACutAndCountsTheCutRecord() {
		byte[] original = bytes("mitre_4625-local-bruteforce-accountrestore.evtx");
		byte[] cut = Arrays.copyOf(original, 4096 + 8000);
		Parsed parsed = parse(cut);
		assertThat(parsed.events()).isNotEmpty().hasSizeLessThan(16);
		assertThat(parsed.events()).extracting(LogEvent::eventId).containsOnly("4625");
		assertThat(parsed.stats().skipped()).isEqualTo(1);
		assertThat(parsed.stats().notes()).anySatisfy(note -> assertThat(note).contains("途中で切れています"));
	}

	@Test
	void detectsEvtxByItsSignature() {
		byte[] head = Arrays.copyOf(bytes("eas_4625-then-4624-same-user.evtx"), LogSample.HEAD_BYTES);
		assertThat(parser.detect(new LogSample("Security.evtx", head))).isEqualTo(100);
		assertThat(parser.detect(new LogSample("whatever.bin", head))).isEqualTo(100);
		assertThat(parser.detect(LogSample.ofText("Security.evtx", "Level,Date and Time,Source,Event ID"))).isZero();
		assertThat(parser.detect(new LogSample(null, new byte[0]))).isZero();
	}

	@Test
	void notesAnEmptyFile() {
		ParseStats stats = parseSafely(new byte[0]);
		assertThat(stats.events()).isZero();
		assertThat(stats.notes()).isNotEmpty();
	}

	@Test
	void notesAFileThatIsNoEvtxAtAll() {
		ParseStats stats = parseSafely("<Events></Events>".getBytes());
		assertThat(stats.events()).isZero();
		assertThat(stats.notes()).isNotEmpty();
	}

	private static String millis(LogEvent event) {
		return event.time().truncatedTo(ChronoUnit.MILLIS).toString();
	}

	private static int usedLength(byte[] file) {
		int used = 4096;
		for (int offset = 4096; offset + EvtxChunk.SIZE <= file.length; offset += EvtxChunk.SIZE) {
			if (file[offset] == 'E') {
				used = offset + EvtxChunk.SIZE;
			}
		}
		return used;
	}

	private static byte[] bytes(String file) {
		Path path = SharedSamples.sample("windows-evtx/" + file);
		try {
			return Files.readAllBytes(path);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private Parsed parse(String file) {
		return parse(bytes(file));
	}

	private Parsed parse(byte[] bytes) {
		List<LogEvent> events = new ArrayList<>();
		try {
			ParseStats stats = parser.parse(new ByteArrayInputStream(bytes), ParseContext.of("sample.evtx"),
					events::add);
			return new Parsed(events, stats);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private ParseStats parseSafely(byte[] bytes) {
		ParseStats[] stats = new ParseStats[1];
		assertThatCode(() -> stats[0] = parse(bytes).stats()).doesNotThrowAnyException();
		return stats[0];
	}

	private record Parsed(List<LogEvent> events, ParseStats stats) {

		List<LogEvent> withId(String eventId) {
			return events.stream().filter(e -> eventId.equals(e.eventId())).toList();
		}

		LogEvent only(String eventId) {
			List<LogEvent> matching = withId(eventId);
			assertThat(matching).as("events %s", eventId).hasSize(1);
			return matching.get(0);
		}

		Map<String, Long> countsById() {
			return events.stream().collect(Collectors.groupingBy(LogEvent::eventId, Collectors.counting()));
		}

	}

}
