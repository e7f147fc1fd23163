package jp.mamori;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

import jp.mamori.shared.JobRuns;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What {@code kill -9} leaves. Mamori runs as a child JVM on an H2 file database; a large
 * log upload and a large ledger import are started through the REST API, the child is
 * killed ({@link Process#destroyForcibly()}, SIGKILL) while the job reports progress, and
 * after a restart: nothing of the cut-off import is stored (all or nothing), no job is
 * left running (it is failed with {@link JobRuns#INTERRUPTED}), no upload is left in the
 * temporary directory, and no evidence row lacks its content. The same for
 * {@code mamori export evidence-pack} killed while writing: no partial ZIP under the
 * requested name, and the next export cleans what the killed one left.
 * <p>
 * Waits are for the child to reach a state, never timed assertions: the deadlines only
 * stop a hung child from hanging the build.
 */
class CrashSafetyTests {

	private static final Duration START = Duration.ofMinutes(4);

	private static final String PASSWORD = "Mamori-Crash-2025!";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	@TempDir
	Path dir;

	private String url;

	private Path tmp;

	private final List<Process> children = new ArrayList<>();

	@BeforeEach
	void database() throws IOException {
		url = "jdbc:h2:file:" + dir.resolve("db/mamori").toAbsolutePath() + ";MODE=PostgreSQL;DB_CLOSE_ON_EXIT=FALSE";
		tmp = Files.createDirectories(dir.resolve("tmp"));
	}

	@AfterEach
	void killChildren() {
		children.forEach(Process::destroyForcibly);
	}

	@Test
	void aKilledImportLeavesNothingHalfWrittenAndIsReportedAsInterruptedAfterTheRestart() throws Exception {
		String org = cli("admin", "create-org", "--name", "クラッシュ診療所", "--kind", "institution");
		Path passwordFile = Files.writeString(dir.resolve("password.txt"), PASSWORD + "\n");
		cli("admin", "create-user", "--org", org, "--username", "kensa", "--password-file", passwordFile.toString(),
				"--role", "admin");
		String token = cli("admin", "create-token", "--org", org, "--username", "kensa");

		Server server = start();
		// a log of about 90 MB: long enough to be cut off in the middle
		Path log = bigAuthLog(dir.resolve("auth.log"), 900_000);
		CompletableFuture<HttpResponse<String>> upload = server.uploadAsync("/api/v1/orgs/" + org + "/logs/imports",
				token, "files", log, "text/plain", "format=linux");
		JsonNode logJob = server.awaitJob(org, token, "accesslog", run -> run.path("done").asLong() > 0);
		assertThat(Files.list(tmp.resolve("mamori-uploads")).toList()).as("the upload waits in the temp dir")
			.isNotEmpty();
		server.kill();
		upload.handle((r, ex) -> null).get(30, TimeUnit.SECONDS);

		server = start();
		JsonNode afterRestart = server.get("/api/v1/orgs/" + org + "/jobs/" + logJob.path("id").asText(), token);
		assertThat(afterRestart.path("state").asText()).isEqualTo("failed");
		assertThat(afterRestart.path("interrupted").asBoolean()).isTrue();
		assertThat(afterRestart.path("message").asText()).isEqualTo("前回の処理は中断されました。もう一度取り込んでください。");
		assertThat(server.get("/api/v1/orgs/" + org + "/logs/imports", token).path("imports")).isEmpty();
		try (Stream<Path> left = Files.list(tmp.resolve("mamori-uploads"))) {
			assertThat(left.toList()).as("uploads left by the killed process").isEmpty();
		}

		// the same for a ledger import of 50,000 rows (the most one file may hold)
		Path csv = devicesCsv(dir.resolve("devices.csv"), 50_000);
		CompletableFuture<HttpResponse<String>> ledgerImport = server
			.uploadAsync("/api/v1/orgs/" + org + "/devices/import", token, "file", csv, "text/csv", null);
		JsonNode ledgerJob = server.awaitJob(org, token, "ledger:devices",
				run -> run.path("done").asLong() > 0 && run.path("done").asLong() < run.path("total").asLong());
		server.kill();
		ledgerImport.handle((r, ex) -> null).get(30, TimeUnit.SECONDS);

		server = start();
		JsonNode ledgerAfter = server.get("/api/v1/orgs/" + org + "/jobs/" + ledgerJob.path("id").asText(), token);
		assertThat(ledgerAfter.path("state").asText()).isIn("failed", "succeeded");
		long devices = server.get("/api/v1/orgs/" + org + "/devices", token).path("total").asLong();
		assertThat(devices).as("devices after the killed import: none or all").isIn(0L, 50_000L);
		// which of the two it was, for whoever reads the test output
		System.out.println("CrashSafetyTests: ledger import killed at " + ledgerJob.path("done").asLong() + "/"
				+ ledgerJob.path("total").asLong() + " rows; after the restart: " + ledgerAfter.path("state").asText()
				+ ", " + devices + " rows stored");
		if (ledgerAfter.path("state").asText().equals("failed")) {
			assertThat(ledgerAfter.path("interrupted").asBoolean()).isTrue();
			assertThat(devices).isZero();
		}
		// every job is finished one way or the other
		assertThat(server.get("/api/v1/orgs/" + org + "/jobs", token)
			.path("jobs")
			.valueStream()
			.map(j -> j.path("state").asText())).doesNotContain("running");
		// what the evidence pack below needs
		server.post("/api/v1/orgs/" + org + "/assessments", token,
				"{\"fiscalYear\":2025,\"version\":\"R7\",\"form\":\"institution\"}");
		server.stop();

		try (Connection db = DriverManager.getConnection(url, "sa", "")) {
			assertThat(count(db, "select count(*) from accesslog_event")).isZero();
			assertThat(count(db, "select count(*) from accesslog_import")).isZero();
			assertThat(count(db, "select count(*) from job_run where state = 'RUNNING'")).isZero();
			assertThat(count(db, "select count(*) from evidence_file where content is null or size_bytes <> "
					+ "octet_length(content)"))
				.isZero();
			assertThat(count(db, "select count(*) from evidence_link l where not exists "
					+ "(select 1 from evidence_file f where f.id = l.evidence_id)"))
				.isZero();
		}

		aKilledEvidencePackExportLeavesNoPartialZip(org);
	}

	private void aKilledEvidencePackExportLeavesNoPartialZip(String org) throws Exception {
		Path out = Files.createDirectories(dir.resolve("out"));
		Path pack = out.resolve("pack.zip");
		boolean caught = false;
		for (int attempt = 0; attempt < 5 && !caught; attempt++) {
			Process export = child(List.of("export", "evidence-pack", "--org", org, "--fy", "2025", "--out",
					pack.toString(), "--spring.datasource.url=" + url), dir.resolve("export-" + attempt + ".log"));
			while (export.isAlive()) {
				if (partFiles(out).findAny().isPresent()) {
					export.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
					caught = true;
					break;
				}
				Thread.onSpinWait();
			}
			if (!caught) {
				// it finished before we saw it write; start again from nothing
				Files.deleteIfExists(pack);
			}
		}
		assertThat(caught).as("the export was killed while writing").isTrue();
		assertThat(pack).as("no partial ZIP under the requested name").doesNotExist();
		assertThat(partFiles(out).toList()).as("the killed export's temporary file").hasSize(1);

		Process again = child(List.of("export", "evidence-pack", "--org", org, "--fy", "2025", "--out", pack.toString(),
				"--spring.datasource.url=" + url), dir.resolve("export-again.log"));
		assertThat(again.waitFor(START.toSeconds(), TimeUnit.SECONDS)).isTrue();
		assertThat(again.exitValue()).as(Files.readString(dir.resolve("export-again.log"))).isZero();
		try (ZipFile zip = new ZipFile(pack.toFile())) {
			assertThat(zip.getEntry("binder.pdf")).isNotNull();
		}
		assertThat(partFiles(out).toList()).as("what the killed export left is cleaned by the next one").isEmpty();
	}

	private static Stream<Path> partFiles(Path out) throws IOException {
		try (Stream<Path> files = Files.list(out)) {
			return files.filter(p -> p.getFileName().toString().endsWith(".part")).toList().stream();
		}
	}

	private static long count(Connection db, String sql) throws SQLException {
		try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(sql)) {
			rs.next();
			return rs.getLong(1);
		}
	}

	/** Runs a command in this JVM against the test database; returns its output. */
	private String cli(String... args) {
		List<String> all = new ArrayList<>(List.of(args));
		all.add("--spring.datasource.url=" + url);
		StringWriter out = new StringWriter();
		StringWriter err = new StringWriter();
		int status = MamoriCommandLine.run(all.toArray(String[]::new), new PrintWriter(out, true),
				new PrintWriter(err, true));
		assertThat(status).as(err.toString()).isZero();
		return out.toString().strip();
	}

	private Process child(List<String> args, Path output) throws IOException {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		List<String> command = new ArrayList<>(
				List.of(java, "-Xmx768m", "-Djava.io.tmpdir=" + tmp, "-Dfile.encoding=UTF-8", "-cp",
						System.getProperty("java.class.path"), MamoriApplication.class.getName()));
		command.addAll(args);
		Process process = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile()))
			.start();
		children.add(process);
		return process;
	}

	private Server start() throws Exception {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		Path output = dir.resolve("server-" + children.size() + ".log");
		Process process = child(
				List.of("--server.port=" + port, "--spring.datasource.url=" + url, "--mamori.node-name=crash-test"),
				output);
		Server server = new Server(process, "http://localhost:" + port, output);
		Instant deadline = Instant.now().plus(START);
		while (true) {
			assertThat(process.isAlive()).as(() -> "the server died: " + read(output)).isTrue();
			assertThat(Instant.now()).as(() -> "the server did not start: " + read(output)).isBefore(deadline);
			try {
				HttpResponse<String> health = http.send(
						HttpRequest.newBuilder(URI.create(server.base + "/actuator/health")).build(),
						HttpResponse.BodyHandlers.ofString());
				if (health.statusCode() == 200) {
					return server;
				}
			}
			catch (IOException notYet) {
				// not listening yet
			}
			Thread.sleep(250);
		}
	}

	private static String read(Path file) {
		try {
			String text = Files.readString(file);
			return text.length() > 6000 ? text.substring(text.length() - 6000) : text;
		}
		catch (IOException ex) {
			return ex.toString();
		}
	}

	private final class Server {

		final Process process;

		final String base;

		final Path output;

		Server(Process process, String base, Path output) {
			this.process = process;
			this.base = base;
			this.output = output;
		}

		JsonNode get(String path, String token) throws Exception {
			HttpResponse<String> response = http.send(
					HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token).build(),
					HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
			return JSON.readTree(response.body());
		}

		void post(String path, String token, String json) throws Exception {
			HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + path))
				.header("Authorization", "Bearer " + token)
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(json))
				.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).as(path + ": " + response.body()).isBetween(200, 201);
		}

		CompletableFuture<HttpResponse<String>> uploadAsync(String path, String token, String field, Path file,
				String type, String query) throws IOException {
			String boundary = "mamori-" + UUID.randomUUID();
			String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\""
					+ file.getFileName() + "\"\r\nContent-Type: " + type + "\r\n\r\n";
			String tail = "\r\n--" + boundary + "--\r\n";
			HttpRequest request = HttpRequest.newBuilder(URI.create(base + path + (query == null ? "" : "?" + query)))
				.header("Authorization", "Bearer " + token)
				.header("Content-Type", "multipart/form-data; boundary=" + boundary)
				.POST(HttpRequest.BodyPublishers.concat(HttpRequest.BodyPublishers.ofString(head),
						HttpRequest.BodyPublishers.ofFile(file), HttpRequest.BodyPublishers.ofString(tail)))
				.build();
			return http.sendAsync(request, HttpResponse.BodyHandlers.ofString());
		}

		/** Polls the organisation's jobs until a running one of this kind matches. */
		JsonNode awaitJob(String org, String token, String kind, Predicate<JsonNode> reached) throws Exception {
			Instant deadline = Instant.now().plus(START);
			while (true) {
				assertThat(process.isAlive()).as(() -> "the server died: " + read(output)).isTrue();
				assertThat(Instant.now()).as(() -> "the job never reported progress: " + read(output))
					.isBefore(deadline);
				Optional<JsonNode> job = get("/api/v1/orgs/" + org + "/jobs", token).path("jobs")
					.valueStream()
					.filter(j -> j.path("kind").asText().equals(kind))
					.findFirst();
				if (job.isPresent()) {
					assertThat(job.get().path("state").asText())
						.as("the job finished before it could be killed: " + job.get() + " (make the file larger)")
						.isEqualTo("running");
					if (reached.test(job.get())) {
						return job.get();
					}
				}
				Thread.sleep(20);
			}
		}

		void kill() throws InterruptedException {
			process.destroyForcibly();
			assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		}

		void stop() throws InterruptedException {
			process.destroy();
			if (!process.waitFor(60, TimeUnit.SECONDS)) {
				process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
			}
		}

	}

	/** A Linux auth log with one failed SSH login per second, all different events. */
	static Path bigAuthLog(Path file, int lines) throws IOException {
		String[] months = { "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };
		try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
			for (int i = 0; i < lines; i++) {
				int day = 1 + (i / 86_400) % 28;
				int month = (i / (86_400 * 28)) % 12;
				int second = i % 86_400;
				out.write(String.format(
						"%s %2d %02d:%02d:%02d web01 sshd[%d]: Failed password for invalid user u%d "
								+ "from 10.%d.%d.%d port %d ssh2\n",
						months[month], day, second / 3600, second / 60 % 60, second % 60, 1000 + i % 30_000, i % 500,
						(i / 65_536) % 256, (i / 256) % 256, i % 256, 1024 + i % 60_000));
			}
		}
		return file;
	}

	/** A devices ledger CSV (UTF-8) with new rows only. */
	static Path devicesCsv(Path file, int rows) throws IOException {
		try (BufferedWriter out = Files.newBufferedWriter(file, Charset.forName("UTF-8"))) {
			out.write("機器名,種別,OS,IPアドレス,導入日,インターネットに接続\r\n");
			for (int i = 0; i < rows; i++) {
				out.write("端末" + i + ",サーバ,Windows 11,10.2." + (i / 250) % 250 + "." + (1 + i % 250)
						+ ",2023/1/1,いいえ\r\n");
			}
		}
		return file;
	}

}
