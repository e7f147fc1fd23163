package jp.mamori.assessment.web;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;

import jp.mamori.identity.ApiTokens;
import jp.mamori.identity.OrgRole;
import jp.mamori.identity.UserAccounts;
import jp.mamori.organization.Organization;
import jp.mamori.support.Fixtures;
import jp.mamori.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The REST contract scripts rely on: paths, field names, status codes and the Japanese
 * error format {@code {"errors":[{"field":…,"message":…}]}}, with bearer tokens bound to
 * one organisation.
 */
@IntegrationTest
class AssessmentApiTests {

	private static final AtomicInteger USERS = new AtomicInteger();

	private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	private static final String R7 = """
			{"fiscalYear":2025,"version":"R7","form":"institution"}""";

	private static final String NO_WITHOUT_TARGET = "「いいえ」の場合は目標日を入力してください";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	ApiTokens tokens;

	@Autowired
	UserAccounts users;

	private Organization org;

	private String token;

	@BeforeEach
	void clinicWithAToken() {
		String admin = "api-admin-" + USERS.incrementAndGet();
		org = fixtures.clinicWith(admin, OrgRole.ADMIN);
		token = tokens.create(org.id(), admin, "test");
	}

	@Test
	void createsAnAssessmentAndPointsToIt() throws Exception {
		MockHttpServletResponse response = mvc
			.perform(post(assessments(org)).header(HttpHeaders.AUTHORIZATION, bearer(token))
				.contentType(MediaType.APPLICATION_JSON)
				.content(R7))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.id").isString())
			.andReturn()
			.getResponse();

		String id = json(response).get("id").stringValue();
		assertThat(UUID.fromString(id)).isNotNull();
		assertThat(response.getHeader(HttpHeaders.LOCATION))
			.endsWith("/api/v1/orgs/" + org.id() + "/assessments/" + id);
	}

	@Test
	void readsTheAssessmentWithItemsRoundsAndAnswersPerRound() throws Exception {
		UUID id = createR7();

		JsonNode assessment = json(
				mvc.perform(get(assessment(org, id)).header(HttpHeaders.AUTHORIZATION, bearer(token)))
					.andExpect(status().isOk())
					.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
					.andReturn()
					.getResponse());

		assertThat(assessment.get("fiscalYear").asInt()).isEqualTo(2025);
		assertThat(assessment.get("version").stringValue()).isEqualTo("R7");
		assertThat(assessment.get("form").stringValue()).isEqualTo("institution");
		assertThat(assessment.get("rounds")).hasSize(1);
		assertThat(assessment.get("rounds").get(0).get("number").asInt()).isEqualTo(1);
		assertThat(assessment.get("rounds").get(0).get("status").stringValue()).isEqualTo("open");
		assertThat(assessment.get("items")).hasSize(19);
		JsonNode patch = item(assessment, "2-6");
		assertThat(patch.propertyNames()).contains("id", "number", "section", "scope", "text", "concept", "reference",
				"confidence", "answers");
		assertThat(patch.get("number").stringValue()).isEqualTo("⑥");
		assertThat(patch.get("section").stringValue()).isEqualTo("2");
		assertThat(patch.get("text").stringValue()).isNotBlank();
		assertThat(patch.get("concept").stringValue()).isNotBlank();
		assertThat(patch.get("reference").isBoolean()).isTrue();
		assertThat(patch.get("confidence").stringValue()).isNotBlank();
		assertThat(patch.get("answers")).hasSize(1);
		JsonNode answer = patch.get("answers").get(0);
		assertThat(answer.propertyNames()).contains("round", "answer", "status", "checkedOn", "targetDate", "note",
				"needsRecheck", "previousAnswer", "version");
		assertThat(answer.get("round").asInt()).isEqualTo(1);
		assertThat(answer.get("answer").isNull()).isTrue();
		assertThat(answer.get("status").stringValue()).isEqualTo("unanswered");
		assertThat(answer.get("needsRecheck").asBoolean()).isFalse();
		assertThat(answer.get("version").asInt()).isZero();
	}

	@Test
	void recordsAnAnswerAndReturnsIt() throws Exception {
		UUID id = createR7();

		mvc.perform(answer(org, id, 1, "2-6").header(HttpHeaders.AUTHORIZATION, bearer(token)).content("""
				{"answer":"no","checkedOn":"2025-06-01","targetDate":"2026-01-31","note":"更新予定"}"""))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.round").value(1))
			.andExpect(jsonPath("$.answer").value("no"))
			.andExpect(jsonPath("$.status").value("no"))
			.andExpect(jsonPath("$.checkedOn").value("2025-06-01"))
			.andExpect(jsonPath("$.targetDate").value("2026-01-31"))
			.andExpect(jsonPath("$.note").value("更新予定"))
			.andExpect(jsonPath("$.version").value(1));

		JsonNode stored = item(read(id), "2-6").get("answers").get(0);
		assertThat(stored.get("answer").stringValue()).isEqualTo("no");
		assertThat(stored.get("targetDate").stringValue()).isEqualTo("2026-01-31");
		assertThat(stored.get("note").stringValue()).isEqualTo("更新予定");
	}

	@Test
	void refusesNoWithoutATargetDateNamingTheField() throws Exception {
		UUID id = createR7();

		mvc.perform(answer(org, id, 1, "2-6").header(HttpHeaders.AUTHORIZATION, bearer(token)).content("""
				{"answer":"no","checkedOn":"2025-06-01"}"""))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("targetDate"))
			.andExpect(jsonPath("$.errors[0].message").value(NO_WITHOUT_TARGET));

		assertThat(item(read(id), "2-6").get("answers").get(0).get("status").stringValue()).isEqualTo("unanswered");
	}

	@Test
	void refusesATargetDateOutsideTheFiscalYear() throws Exception {
		UUID id = createR7();

		mvc.perform(answer(org, id, 1, "2-6").header(HttpHeaders.AUTHORIZATION, bearer(token)).content("""
				{"answer":"no","checkedOn":"2025-06-01","targetDate":"2026-04-01"}"""))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("targetDate"))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("令和7年度")));
	}

	@Test
	void requiresACheckDate() throws Exception {
		UUID id = createR7();

		mvc.perform(answer(org, id, 1, "1-1").header(HttpHeaders.AUTHORIZATION, bearer(token)).content("""
				{"answer":"yes"}"""))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("checkedOn"))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("確認日")));
	}

	@Test
	void refusesNotRequiredOnAnItemThatDoesNotAllowIt() throws Exception {
		UUID id = createR7();

		mvc.perform(answer(org, id, 1, "2-6").header(HttpHeaders.AUTHORIZATION, bearer(token)).content("""
				{"answer":"not_required","checkedOn":"2025-06-01"}"""))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("answer"))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("記入不要")));
	}

	@Test
	void acceptsNotRequiredOnAVendorItemWithoutAContract() throws Exception {
		UUID id = createR7();

		mvc.perform(answer(org, id, 1, "2-2").header(HttpHeaders.AUTHORIZATION, bearer(token)).content("""
				{"answer":"not_required","checkedOn":"2025-06-01"}"""))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.answer").value("not_required"))
			.andExpect(jsonPath("$.status").value("not_required"));
	}

	@Test
	void acceptsScopedItemIdsInThePath() throws Exception {
		UUID r6 = create("""
				{"fiscalYear":2024,"version":"R6","form":"institution"}""");

		mvc.perform(put(URI.create(assessment(org, r6) + "/rounds/1/answers/2-7@server"))
			.header(HttpHeaders.AUTHORIZATION, bearer(token))
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"answer":"yes","checkedOn":"2024-07-01"}"""))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.answer").value("yes"));
		mvc.perform(put(URI.create(assessment(org, r6) + "/rounds/1/answers/2-7%40pc"))
			.header(HttpHeaders.AUTHORIZATION, bearer(token))
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"answer":"no","checkedOn":"2024-07-01","targetDate":"2025-03-01"}"""))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.answer").value("no"));

		JsonNode assessment = read(r6);
		JsonNode server = item(assessment, "2-7@server");
		assertThat(server.get("scope").stringValue()).isNotBlank();
		assertThat(server.get("answers").get(0).get("answer").stringValue()).isEqualTo("yes");
		assertThat(item(assessment, "2-7@pc").get("answers").get(0).get("answer").stringValue()).isEqualTo("no");
	}

	@Test
	void submitsARoundAndThenRefusesChangesToIt() throws Exception {
		UUID id = createR7();

		mvc.perform(post(assessment(org, id) + "/rounds/1/submit").header(HttpHeaders.AUTHORIZATION, bearer(token)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.number").value(1))
			.andExpect(jsonPath("$.status").value("submitted"));

		mvc.perform(answer(org, id, 1, "1-1").header(HttpHeaders.AUTHORIZATION, bearer(token)).content("""
				{"answer":"yes","checkedOn":"2025-06-01"}"""))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.errors[0].message").value(containsString("提出済み")));
	}

	@Test
	void startsTheNextRoundFromTheSubmittedOneMarkedForRecheck() throws Exception {
		UUID id = createR7();
		mvc.perform(answer(org, id, 1, "2-6").header(HttpHeaders.AUTHORIZATION, bearer(token)).content("""
				{"answer":"no","checkedOn":"2025-06-01","targetDate":"2026-01-31"}""")).andExpect(status().isOk());
		mvc.perform(post(assessment(org, id) + "/rounds/1/submit").header(HttpHeaders.AUTHORIZATION, bearer(token)))
			.andExpect(status().isOk());

		mvc.perform(post(assessment(org, id) + "/rounds").header(HttpHeaders.AUTHORIZATION, bearer(token)))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.number").value(2))
			.andExpect(jsonPath("$.status").value("open"));

		JsonNode assessment = read(id);
		assertThat(assessment.get("rounds")).hasSize(2);
		JsonNode second = item(assessment, "2-6").get("answers").get(1);
		assertThat(second.get("round").asInt()).isEqualTo(2);
		assertThat(second.get("needsRecheck").asBoolean()).isTrue();
		assertThat(second.get("previousAnswer").stringValue()).isEqualTo("no");
		assertThat(second.get("checkedOn").isNull()).isTrue();
	}

	@Test
	void refusesTheNextRoundBeforeTheCurrentOneIsSubmitted() throws Exception {
		UUID id = createR7();

		mvc.perform(post(assessment(org, id) + "/rounds").header(HttpHeaders.AUTHORIZATION, bearer(token)))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.errors[0].message").value(containsString("1回目を提出してください")));
	}

	@Test
	void refusesAStaleVersionInsteadOfOverwriting() throws Exception {
		UUID id = createR7();
		mvc.perform(answer(org, id, 1, "1-1").header(HttpHeaders.AUTHORIZATION, bearer(token)).content("""
				{"answer":"yes","checkedOn":"2025-06-01","note":"A","version":0}"""))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.version").value(1));

		mvc.perform(answer(org, id, 1, "1-1").header(HttpHeaders.AUTHORIZATION, bearer(token)).content("""
				{"answer":"no","checkedOn":"2025-06-02","targetDate":"2025-09-01","note":"B","version":0}"""))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.errors[0].message").value(containsString("他の人が先に更新しました")));

		assertThat(item(read(id), "1-1").get("answers").get(0).get("note").stringValue()).isEqualTo("A");
	}

	@Test
	void exportsTheOfficialFormWithAToken() throws Exception {
		UUID id = createR7();

		mvc.perform(get(assessment(org, id) + "/export?round=1&format=xlsx").header(HttpHeaders.AUTHORIZATION,
				bearer(token)))
			.andExpect(status().isOk())
			.andExpect(content().contentType(XLSX));
	}

	@Test
	void reportsHealthWithoutAuthentication() throws Exception {
		mvc.perform(get("/actuator/health")).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("UP"));
	}

	@Test
	void refusesAReadWithoutAToken() throws Exception {
		UUID id = createR7();

		for (Route route : readRoutes()) {
			mvc.perform(route.request(org, id)).andExpect(status().isUnauthorized());
		}
	}

	@Test
	void refusesAChangeWithoutAToken() throws Exception {
		UUID id = createR7();

		List<String> notUnauthorized = new ArrayList<>();
		for (Route route : writeRoutes()) {
			int status = mvc.perform(route.request(org, id)).andReturn().getResponse().getStatus();
			if (status != 401) {
				notUnauthorized.add(route.name() + " -> " + status);
			}
		}

		assertThat(notUnauthorized).isEmpty();
		assertThat(read(id).get("rounds").get(0).get("status").stringValue()).isEqualTo("open");
	}

	@Test
	void refusesAnUnknownToken() throws Exception {
		UUID id = createR7();

		for (String bad : List.of("mmr_" + "A".repeat(43), "not-a-token", token + "x")) {
			mvc.perform(get(assessment(org, id)).header(HttpHeaders.AUTHORIZATION, bearer(bad)))
				.andExpect(status().isUnauthorized())
				.andExpect(jsonPath("$.errors[0].message").value("APIトークンが無効です"));
			mvc.perform(answer(org, id, 1, "1-1").header(HttpHeaders.AUTHORIZATION, bearer(bad)).content("""
					{"answer":"yes","checkedOn":"2025-06-01"}""")).andExpect(status().isUnauthorized());
		}
		assertThat(item(read(id), "1-1").get("answers").get(0).get("status").stringValue()).isEqualTo("unanswered");
	}

	@Test
	void letsAViewerRead() throws Exception {
		UUID id = createR7();
		String viewerToken = member(OrgRole.VIEWER);

		mvc.perform(get(assessment(org, id)).header(HttpHeaders.AUTHORIZATION, bearer(viewerToken)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items").isArray());
		mvc.perform(get(assessments(org)).header(HttpHeaders.AUTHORIZATION, bearer(viewerToken)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].id").value(id.toString()));
	}

	@Test
	void forbidsAViewerEveryChange() throws Exception {
		UUID id = createR7();
		String viewerToken = member(OrgRole.VIEWER);

		for (Route route : writeRoutes()) {
			mvc.perform(route.request(org, id).header(HttpHeaders.AUTHORIZATION, bearer(viewerToken)))
				.andExpect(status().isForbidden())
				.andExpect(jsonPath("$.errors[0].message").value("この操作を行う権限がありません"));
		}
		JsonNode assessment = read(id);
		assertThat(assessment.get("rounds")).hasSize(1);
		assertThat(assessment.get("rounds").get(0).get("status").stringValue()).isEqualTo("open");
		assertThat(item(assessment, "1-1").get("answers").get(0).get("status").stringValue()).isEqualTo("unanswered");
	}

	@Test
	void aTokenOfAnotherOrganisationReachesNoneOfItsData() throws Exception {
		UUID own = createR7();
		String otherAdmin = "api-other-" + USERS.incrementAndGet();
		Organization other = fixtures.clinicWith(otherAdmin, OrgRole.ADMIN);
		String otherToken = tokens.create(other.id(), otherAdmin, "test");
		UUID theirs = create(other, otherToken, R7);

		List<String> leaks = new ArrayList<>();
		for (Route route : routes()) {
			// their path with their id, their path with our id, our path with their id
			List<Target> targets = route.usesId()
					? List.of(new Target(other, theirs), new Target(other, own), new Target(org, theirs))
					: List.of(new Target(other, theirs));
			for (Target target : targets) {
				Organization path = target.org();
				UUID id = target.id();
				MockHttpServletResponse response = mvc
					.perform(route.request(path, id).header(HttpHeaders.AUTHORIZATION, bearer(token)))
					.andReturn()
					.getResponse();
				String body = response.getContentAsString(StandardCharsets.UTF_8);
				if ((response.getStatus() != 403 && response.getStatus() != 404) || body.contains(other.name())
						|| body.contains("\"items\"") || body.contains("\"fiscalYear\"") || body.contains("\"id\"")) {
					leaks.add(route.name() + " org=" + (path == org ? "own" : "other") + " id="
							+ (id.equals(own) ? "own" : "theirs") + " -> " + response.getStatus() + " "
							+ abbreviate(body));
				}
			}
		}

		assertThat(leaks).isEmpty();
		JsonNode theirAssessment = json(
				mvc.perform(get(assessment(other, theirs)).header(HttpHeaders.AUTHORIZATION, bearer(otherToken)))
					.andExpect(status().isOk())
					.andReturn()
					.getResponse());
		assertThat(theirAssessment.get("rounds")).hasSize(1);
		assertThat(theirAssessment.get("rounds").get(0).get("status").stringValue()).isEqualTo("open");
		assertThat(item(theirAssessment, "1-1").get("answers").get(0).get("status").stringValue())
			.isEqualTo("unanswered");
		mvc.perform(get(assessments(other)).header(HttpHeaders.AUTHORIZATION, bearer(otherToken)))
			.andExpect(jsonPath("$.length()").value(1));
	}

	@Test
	void answersEveryErrorInJapanese() throws Exception {
		UUID id = createR7();
		mvc.perform(post(assessment(org, id) + "/rounds/1/submit").header(HttpHeaders.AUTHORIZATION, bearer(token)))
			.andExpect(status().isOk());
		UUID open = create("""
				{"fiscalYear":2024,"version":"R6","form":"institution"}""");
		String viewerToken = member(OrgRole.VIEWER);

		List<MockHttpServletRequestBuilder> broken = List.of(
				answer(org, open, 1, "1-1").header(HttpHeaders.AUTHORIZATION, bearer(token)).content("""
						{"answer":"maybe","checkedOn":"2024-07-01"}"""),
				answer(org, open, 1, "1-1").header(HttpHeaders.AUTHORIZATION, bearer(token)).content("""
						{"answer":"yes","checkedOn":"01.07.2024"}"""),
				answer(org, open, 1, "9-9").header(HttpHeaders.AUTHORIZATION, bearer(token)).content("""
						{"answer":"yes","checkedOn":"2024-07-01"}"""),
				answer(org, id, 1, "1-1").header(HttpHeaders.AUTHORIZATION, bearer(token)).content("""
						{"answer":"yes","checkedOn":"2025-06-01"}"""),
				get(assessment(org, UUID.randomUUID())).header(HttpHeaders.AUTHORIZATION, bearer(token)),
				post(assessments(org)).header(HttpHeaders.AUTHORIZATION, bearer(token))
					.contentType(MediaType.APPLICATION_JSON)
					.content(R7),
				post(assessments(org)).header(HttpHeaders.AUTHORIZATION, bearer(token))
					.contentType(MediaType.APPLICATION_JSON)
					.content("""
							{"fiscalYear":2025,"version":"R99","form":"institution"}"""),
				post(assessments(org)).header(HttpHeaders.AUTHORIZATION, bearer(viewerToken))
					.contentType(MediaType.APPLICATION_JSON)
					.content(R7),
				get(assessment(org, id)).header(HttpHeaders.AUTHORIZATION, bearer("mmr_unknown")));

		for (MockHttpServletRequestBuilder request : broken) {
			MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
			assertThat(response.getStatus()).as(abbreviate(response.getContentAsString(StandardCharsets.UTF_8)))
				.isBetween(400, 499);
			JsonNode errors = json(response).get("errors");
			assertThat(errors).as(response.getContentAsString(StandardCharsets.UTF_8)).isNotEmpty();
			for (JsonNode error : errors) {
				assertThat(error.get("message").stringValue())
					.matches(".*[\\p{IsHan}\\p{IsHiragana}\\p{IsKatakana}].*");
			}
		}
	}

	// --- routes and requests

	/** One API route, built for an organisation and an assessment id. */
	record Route(String name, boolean usesId, BiFunction<Organization, UUID, MockHttpServletRequestBuilder> builder) {

		MockHttpServletRequestBuilder request(Organization org, UUID id) {
			return builder.apply(org, id);
		}

	}

	record Target(Organization org, UUID id) {
	}

	static List<Route> routes() {
		List<Route> routes = new ArrayList<>(readRoutes());
		routes.addAll(writeRoutes());
		return routes;
	}

	static List<Route> readRoutes() {
		return List.of(new Route("list", false, (o, id) -> get(assessments(o))),
				new Route("read", true, (o, id) -> get(assessment(o, id))),
				new Route("export", true, (o, id) -> get(assessment(o, id) + "/export?round=1&format=xlsx")));
	}

	static List<Route> writeRoutes() {
		return List.of(
				new Route("create", false,
						(o, id) -> post(assessments(o)).contentType(MediaType.APPLICATION_JSON).content("""
								{"fiscalYear":2026,"version":"R7","form":"institution"}""")),
				new Route("answer", true, (o, id) -> answer(o, id, 1, "1-1").content("""
						{"answer":"yes","checkedOn":"2025-06-01"}""")),
				new Route("submit", true, (o, id) -> post(assessment(o, id) + "/rounds/1/submit")),
				new Route("next round", true, (o, id) -> post(assessment(o, id) + "/rounds")));
	}

	static String assessments(Organization org) {
		return "/api/v1/orgs/" + org.id() + "/assessments";
	}

	static String assessment(Organization org, UUID id) {
		return assessments(org) + "/" + id;
	}

	static MockHttpServletRequestBuilder answer(Organization org, UUID id, int round, String itemId) {
		return put(assessment(org, id) + "/rounds/" + round + "/answers/" + itemId)
			.contentType(MediaType.APPLICATION_JSON);
	}

	static String bearer(String token) {
		return "Bearer " + token;
	}

	/** A token of a second person of the clinic, with the given role. */
	private String member(OrgRole role) {
		String username = "api-" + role.code() + "-" + USERS.incrementAndGet();
		users.create(org.id(), username, "試験 花子", Fixtures.PASSWORD, role, "test");
		return tokens.create(org.id(), username, "test");
	}

	private UUID createR7() throws Exception {
		return create(R7);
	}

	private UUID create(String body) throws Exception {
		return create(org, token, body);
	}

	private UUID create(Organization in, String with, String body) throws Exception {
		MockHttpServletResponse response = mvc
			.perform(post(assessments(in)).header(HttpHeaders.AUTHORIZATION, bearer(with))
				.contentType(MediaType.APPLICATION_JSON)
				.content(body))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse();
		return UUID.fromString(json(response).get("id").stringValue());
	}

	private JsonNode read(UUID id) throws Exception {
		return json(mvc.perform(get(assessment(org, id)).header(HttpHeaders.AUTHORIZATION, bearer(token)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse());
	}

	private static JsonNode item(JsonNode assessment, String id) {
		for (JsonNode item : assessment.get("items")) {
			if (id.equals(item.get("id").stringValue())) {
				return item;
			}
		}
		throw new AssertionError("no item " + id + " in " + abbreviate(assessment.toString()));
	}

	private static JsonNode json(MockHttpServletResponse response) throws Exception {
		return json(response.getContentAsString(StandardCharsets.UTF_8));
	}

	private static JsonNode json(String text) {
		return JSON.readTree(text);
	}

	private static String abbreviate(String text) {
		return text.length() > 300 ? text.substring(0, 300) + "…" : text;
	}

}
