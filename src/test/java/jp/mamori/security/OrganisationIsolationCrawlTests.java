package jp.mamori.security;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jp.mamori.assessment.AnswerCommand;
import jp.mamori.assessment.AssessmentQueries;
import jp.mamori.assessment.RecordAnswer;
import jp.mamori.evidence.EvidenceFiles;
import jp.mamori.identity.ApiTokens;
import jp.mamori.identity.Invitations;
import jp.mamori.identity.OrgRole;
import jp.mamori.identity.UserAccounts;
import jp.mamori.inventory.InventoryLedgers;
import jp.mamori.organization.DetailConsent;
import jp.mamori.organization.OrgKind;
import jp.mamori.organization.OrganizationGroups;
import jp.mamori.organization.Organizations;
import jp.mamori.shared.ledger.LedgerRecords;
import jp.mamori.shared.ledger.LedgerStore;
import jp.mamori.shared.ledger.Ledgers;
import jp.mamori.support.Fixtures;
import jp.mamori.support.IntegrationTest;
import jp.mamori.vendorportal.VendorLinks;
import jp.mamori.vendorportal.VendorRequests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * Every route the application has — found from the handler mappings, so a route added
 * later is crawled too — requested as an administrator (session) and with an API token of
 * organisation B, and as the user of a vendor organisation A sent a 事業者確認用 request to,
 * with every id filled in from organisation A. Routes of an organisation must answer 403
 * or 404; no answer may carry any of A's data; and A's data must be unchanged afterwards.
 */
@IntegrationTest
class OrganisationIsolationCrawlTests {

	static final Pattern VARIABLE = Pattern.compile("\\{([^}:]+)(?::[^}]*)?}");

	/**
	 * Routes that belong to no organisation and are open to any logged-in user (checked
	 * for leaks only).
	 */
	static final Set<String> INSTANCE_ROUTES = Set.of("/", "/login", "/setup", "/catalog", "/catalog/{version}/{form}",
			"/orgs/switch", "/error", "/invitations/{token}", "/vulnerability/feeds");

	@Autowired
	MockMvc mvc;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Autowired
	Fixtures fixtures;

	@Autowired
	RecordAnswer recordAnswer;

	@Autowired
	AssessmentQueries assessments;

	@Autowired
	Organizations organizations;

	@Autowired
	OrganizationGroups groups;

	@Autowired
	EvidenceFiles evidence;

	@Autowired
	Invitations invitations;

	@Autowired
	ApiTokens tokens;

	@Autowired
	UserAccounts users;

	@Autowired
	Ledgers ledgers;

	@Autowired
	VendorRequests vendorRequests;

	@Autowired
	LedgerRecords ledgerRecords;

	@Autowired
	LedgerStore ledgerStore;

	Fixtures.ClinicWithChecklist a;

	String secretNote;

	String secretVendor;

	Map<String, List<String>> idsOfA = new LinkedHashMap<>();

	String adminOfB;

	String userOfAsVendor;

	String tokenOfB;

	String vendorOrg;

	String outOfScope;

	Set<UUID> inScopeIds;

	String nameOfB;

	String secretOfB;

	String deviceOfB;

	String clientB;

	@Autowired
	VendorLinks vendorLinks;

	@BeforeEach
	void twoOrganisations() {
		a = fixtures.clinicWithR7Checklist("crawl-a", OrgRole.ADMIN);
		secretNote = "A-ONLY-" + UUID.randomUUID();
		secretVendor = "A-VENDOR-" + UUID.randomUUID();
		recordAnswer.record(a.org().id(), a.assessment(), 1, "2-6",
				new AnswerCommand("no", LocalDate.of(2025, 6, 1), LocalDate.of(2026, 1, 31), secretNote, null), "a");
		var contract = organizations.addContract(a.org().id(), secretVendor, "電子カルテ", "a");
		var file = evidence.store(a.org().id(), "a-secret.txt", secretNote.getBytes(StandardCharsets.UTF_8),
				"assessment-item", a.assessment() + "/2-6", "a");
		var invitation = invitations.invite(a.org().id(), OrgRole.EDITOR, "a");
		tokens.create(a.org().id(), a.username(), a.username());
		UUID tokenId = tokens.list(a.org().id()).get(0).id();
		idsOfA.put("org", List.of(a.org().id().toString()));
		var device = ledgerRecords.create(ledgers.require("devices"), a.org().id(),
				Map.of("name", secretVendor + "-device", "kind", "server"), "a");
		// a 事業者確認用 request of A to a vendor organisation, naming A's secret system
		var vendorOfA = organizations.create("A-VENDOR-ORG-" + UUID.randomUUID(), OrgKind.VENDOR, "a");
		userOfAsVendor = Fixtures.uniqueName("crawl-vendor");
		users.create(vendorOfA.id(), userOfAsVendor, "事業者 太郎", Fixtures.PASSWORD, OrgRole.ADMIN, "a");
		vendorOrg = vendorOfA.id().toString();
		// A links the vendor for one system: the vendor may see that system's device and
		// connections, and nothing else of A
		var devices = ledgers.require(InventoryLedgers.DEVICES);
		var connections = ledgers.require(InventoryLedgers.REMOTE_CONNECTIONS);
		var inScopeDevice = ledgerRecords.create(devices, a.org().id(),
				Map.of("name", "IN-SCOPE-DEVICE", "kind", "server", "system", secretVendor + "-system"), "a");
		var inScopeConnection = ledgerRecords.create(connections, a.org().id(),
				Map.of("vendor", "IN-SCOPE-VPN", "target", secretVendor + "-system"), "a");
		outOfScope = "OUT-OF-SCOPE-" + UUID.randomUUID();
		var outOfScopeDevice = ledgerRecords.create(devices, a.org().id(),
				Map.of("name", outOfScope + "-device", "kind", "server", "system", "OTHER-SYSTEM"), "a");
		var outOfScopeConnection = ledgerRecords.create(connections, a.org().id(),
				Map.of("vendor", outOfScope + "-vpn", "target", "OTHER-SYSTEM"), "a");
		var link = vendorLinks.link(a.org().id(), vendorOrg, List.of(secretVendor + "-system"), "A-CONTRACT", null,
				"a");
		var proposal = vendorLinks.propose(vendorOfA.id(), a.org().id(), InventoryLedgers.DEVICES, inScopeDevice.id(),
				Map.of("location", "PROPOSED-LOCATION"), null, userOfAsVendor);
		inScopeIds = Set.of(inScopeDevice.id(), inScopeConnection.id());
		var vendorRequest = vendorRequests.send(a.org().id(), vendorOfA.id().toString(), 2025, "R7",
				secretVendor + "-system", "a");
		idsOfA.put("id",
				List.of(a.assessment().toString(), file.id().toString(), invitation.invitation().id().toString(),
						tokenId.toString(), contract.id().toString(), device.id().toString(),
						vendorRequest.id().toString(), link.id().toString(), proposal.id().toString(),
						inScopeDevice.id().toString(), inScopeConnection.id().toString(),
						outOfScopeDevice.id().toString(), outOfScopeConnection.id().toString()));
		idsOfA.put("client", List.of(a.org().id().toString()));
		idsOfA.put("contractId", List.of(contract.id().toString()));
		idsOfA.put("itemId", List.of("2-6"));
		idsOfA.put("round", List.of("1"));
		idsOfA.put("n", List.of("1"));
		idsOfA.put("username", List.of(a.username()));
		// an invitation link is a secret between A's administrator and the invitee: B
		// guesses
		idsOfA.put("token", List.of("guessed-" + UUID.randomUUID()));
		idsOfA.put("version", List.of("R7"));
		idsOfA.put("ledger", ledgers.all().stream().map(l -> l.id()).toList());
		idsOfA.put("upload", List.of(UUID.randomUUID().toString()));
		idsOfA.put("form", List.of("institution"));
		// a group with A as a member sharing full detail: B must reach none of it
		var groupOfA = organizations.create("A-GROUP-" + UUID.randomUUID(), OrgKind.GROUP, "a");
		groups.addAccepted(groupOfA.id(), a.org().id(), "a");
		groups.changeConsent(groupOfA.id(), a.org().id(), DetailConsent.FULL, "a");
		idsOfA.put("group", List.of(groupOfA.id().toString()));
		idsOfA.put("member", List.of(a.org().id().toString()));

		var b = fixtures.clinicWithR7Checklist("crawl-b", OrgRole.ADMIN);
		adminOfB = b.username();
		tokenOfB = tokens.create(b.org().id(), adminOfB, adminOfB);
		nameOfB = b.org().name();
		// B is no client of the vendor, even with a device of the same system name
		secretOfB = "B-ONLY-" + UUID.randomUUID();
		deviceOfB = ledgerRecords
			.create(devices, b.org().id(),
					Map.of("name", secretOfB, "kind", "server", "system", secretVendor + "-system"), adminOfB)
			.id()
			.toString();
		clientB = b.org().id().toString();
	}

	record Route(HttpMethod method, String pattern, HandlerMethod handler) {
	}

	List<Route> routes() {
		List<Route> routes = new ArrayList<>();
		for (Map.Entry<RequestMappingInfo, HandlerMethod> e : mappings.getHandlerMethods().entrySet()) {
			Set<RequestMethod> methods = e.getKey().getMethodsCondition().getMethods();
			List<RequestMethod> each = methods.isEmpty() ? List.of(RequestMethod.GET) : List.copyOf(methods);
			for (String pattern : e.getKey().getPatternValues()) {
				for (RequestMethod method : each) {
					routes.add(new Route(HttpMethod.valueOf(method.name()), pattern, e.getValue()));
				}
			}
		}
		return routes;
	}

	/** Every way to fill the route's variables with A's ids. */
	List<String> urls(String pattern) {
		return urls(pattern, idsOfA);
	}

	List<String> urls(String pattern, Map<String, List<String>> ids) {
		List<String> urls = new ArrayList<>(List.of(pattern));
		Matcher m = VARIABLE.matcher(pattern);
		while (m.find()) {
			String variable = m.group(0);
			List<String> values = ids.getOrDefault(m.group(1), List.of("1"));
			List<String> next = new ArrayList<>();
			for (String url : urls) {
				for (String value : values) {
					next.add(url.replace(variable, value));
				}
			}
			urls = next;
		}
		return urls;
	}

	AbstractMockHttpServletRequestBuilder<?> request(Route route, String url) {
		boolean upload = Arrays.stream(route.handler().getMethodParameters())
			.anyMatch(p -> MultipartFile.class.isAssignableFrom(p.getParameterType()));
		boolean json = Arrays.stream(route.handler().getMethodParameters())
			.anyMatch(p -> p.hasParameterAnnotation(RequestBody.class));
		AbstractMockHttpServletRequestBuilder<?> builder = upload
				? MockMvcRequestBuilders.multipart(route.method(), url)
					.file(new MockMultipartFile("file", "x.txt", "text/plain", "x".getBytes(StandardCharsets.UTF_8)))
				: MockMvcRequestBuilders.request(route.method(), url);
		if (json) {
			builder.contentType(MediaType.APPLICATION_JSON)
				.content("{\"fiscalYear\":2025,\"version\":\"R7\",\"form\":\"institution\",\"answer\":\"yes\","
						+ "\"checkedOn\":\"2025-06-01\"}");
		}
		// plausible values for every form field, so refusals come from the permission
		// check, not from binding
		Map<String, String> params = Map.ofEntries(Map.entry("round", "1"), Map.entry("format", "xlsx"),
				Map.entry("vendorName", "x"), Map.entry("systemName", "x"), Map.entry("role", "viewer"),
				Map.entry("username", adminOfB), Map.entry("label", "x"), Map.entry("answer", "yes"),
				Map.entry("checkedOn", "2025-06-01"), Map.entry("fiscalYear", "2025"), Map.entry("version", "R7"),
				Map.entry("form", "institution"), Map.entry("name", "x"), Map.entry("kind", "institution"),
				Map.entry("currentPassword", "x"), Map.entry("newPassword", "x"), Map.entry("newPasswordConfirm", "x"),
				Map.entry("code", "000000"), Map.entry("org", a.org().id().toString()));
		params.forEach((name, value) -> builder.param(name, value));
		builder.with(csrf());
		return builder;
	}

	@Test
	void organisationBReachesNothingOfOrganisationA() throws Exception {
		String before = snapshotOfA();
		List<String> problems = new ArrayList<>();
		int requests = 0;
		for (Route route : routes()) {
			for (String url : urls(route.pattern())) {
				for (String as : List.of("session", "token", "vendor")) {
					AbstractMockHttpServletRequestBuilder<?> builder = request(route, url);
					if (as.equals("token")) {
						builder.header("Authorization", "Bearer " + tokenOfB);
					}
					else {
						// the vendor user A sent a 事業者確認用 request to: it sees that
						// request
						// on its own organisation's pages only, nothing under A's
						builder.with(user(as.equals("vendor") ? userOfAsVendor : adminOfB));
					}
					MvcResult result = mvc.perform(builder).andReturn();
					requests++;
					int status = result.getResponse().getStatus();
					String body = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
					String what = route.method() + " " + url + " (" + as + ")" + " → " + status;
					if (ofAnOrganisation(route.pattern()) && status != 403 && status != 404) {
						problems.add(what + ": expected 403 or 404");
					}
					for (String secret : List.of(secretNote, secretVendor, a.org().name(), a.username())) {
						if (body.contains(secret)) {
							problems.add(what + ": body contains A's " + secret);
						}
					}
				}
			}
		}
		assertThat(requests).as("requests crawled").isGreaterThan(50);
		assertThat(problems).isEmpty();
		assertThat(snapshotOfA()).as("A's data after the crawl").isEqualTo(before);
	}

	/**
	 * The vendor user crawls its own organisation's routes with its clients filled in —
	 * A, which linked it for one system, and B, which did not — and every id of A's and
	 * B's rows: it reaches A's in-scope rows only, no page carries a marker of an
	 * out-of-scope row of A or anything of B, an unlinked client is not found, and A's
	 * ledgers are unchanged.
	 */
	@Test
	void vendorReachesOnlyInScopeRowsOfItsLinkedClients() throws Exception {
		Map<String, List<String>> ids = new LinkedHashMap<>(idsOfA);
		ids.put("org", List.of(vendorOrg));
		ids.put("client", List.of(a.org().id().toString(), clientB));
		List<String> rowIds = new ArrayList<>(idsOfA.get("id"));
		rowIds.add(deviceOfB);
		ids.put("id", rowIds);
		ids.put("ledger", List.of(InventoryLedgers.DEVICES, InventoryLedgers.REMOTE_CONNECTIONS, "vendors"));
		ids.put("username", List.of(userOfAsVendor));
		// the vendor may add proposals to A's in-scope rows; nothing else of A changes
		String before = ledgerValuesOfA() + vendorLinks.ofClient(a.org().id()).size();
		List<String> problems = new ArrayList<>();
		List<String> failures = new ArrayList<>();
		int reachedInScope = 0;
		for (Route route : routes()) {
			if (!route.pattern().startsWith("/orgs/{org}") && !route.pattern().startsWith("/api/v1/orgs/{org}")) {
				continue;
			}
			for (String url : urls(route.pattern(), ids)) {
				MvcResult result;
				try {
					result = mvc.perform(request(route, url).with(user(userOfAsVendor))).andReturn();
				}
				catch (Exception ex) {
					// an error in the vendor's own pages is no leak, but it is reported
					failures.add(route.method() + " " + url + ": " + ex.getClass().getSimpleName());
					continue;
				}
				int status = result.getResponse().getStatus();
				String body = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
				String what = route.method() + " " + url + " → " + status;
				// A's name is what the vendor legitimately sees of its client; its
				// device without a system is out of scope like the marked one
				for (String secret : List.of(secretNote, outOfScope, secretVendor + "-device", secretOfB, nameOfB)) {
					if (body.contains(secret)) {
						problems.add(what + ": body contains " + secret);
					}
				}
				if (route.pattern().contains("{client}") && url.contains(clientB) && status != 404 && status != 403) {
					problems.add(what + ": B is no client of the vendor, expected 403 or 404");
				}
				if (route.pattern().contains("/rows/{ledger}/{id}") && status == 200) {
					if (inScopeIds.stream().noneMatch(id -> url.endsWith(id.toString()))) {
						problems.add(what + ": a row outside the contract's scope");
					}
					else {
						reachedInScope++;
					}
				}
			}
		}
		assertThat(reachedInScope).as("in-scope rows the vendor reached").isGreaterThan(0);
		assertThat(problems).isEmpty();
		assertThat(failures).as("requests that failed with an exception").isEmpty();
		assertThat(ledgerValuesOfA() + vendorLinks.ofClient(a.org().id()).size()).as("A's data after the crawl")
			.isEqualTo(before);
		assertThat(vendorLinks.proposalsOfClient(a.org().id())).extracting(p -> p.rowId())
			.allMatch(inScopeIds::contains);
	}

	/** The values of A's devices and connections (a proposal must never change them). */
	String ledgerValuesOfA() {
		return List.of(InventoryLedgers.DEVICES, InventoryLedgers.REMOTE_CONNECTIONS)
			.stream()
			.map(l -> ledgerStore.list(ledgers.require(l), a.org().id(), 0, 1000)
				.stream()
				.map(r -> r.id() + "=" + r.version() + r.values())
				.sorted()
				.toList()
				.toString())
			.toList()
			.toString();
	}

	@Test
	void everyOrganisationRouteIsCrawled() {
		assertThat(routes()).extracting(Route::pattern)
			.contains("/orgs/{org}/assessments/{id}",
					"/api/v1/orgs/{org}/assessments/{id}/rounds/{round}/answers/{itemId}", "/orgs/{org}/evidence/{id}",
					"/orgs/{org}/members", "/orgs/{org}/tokens", "/groups/{group}/rollup",
					"/api/v1/groups/{group}/rollup", "/groups/{group}/rollup/members/{member}",
					"/orgs/{org}/vendor-requests/{id}", "/orgs/{org}/requests/{id}", "/orgs/{org}/vendor-links",
					"/orgs/{org}/clients/{client}", "/orgs/{org}/clients/{client}/rows/{ledger}/{id}",
					"/orgs/{org}/vendor-links/proposals/{id}/approve");
		assertThat(routes()).filteredOn(r -> !ofAnOrganisation(r.pattern()))
			.extracting(Route::pattern)
			.allSatisfy(p -> assertThat(INSTANCE_ROUTES.contains(p) || p.startsWith("/account")
					|| p.startsWith("/admin") || p.startsWith("/login") || p.startsWith("/actuator"))
				.as("route without an organisation: " + p)
				.isTrue());
	}

	/** An organisation's routes, including a group's ({@code /groups/{group}/…}). */
	static boolean ofAnOrganisation(String pattern) {
		return pattern.contains("{org}") || pattern.contains("{group}");
	}

	String snapshotOfA() {
		var view = assessments.view(a.org().id(), a.assessment());
		var answer = view.row("2-6").orElseThrow().round(1).answer();
		return view.rounds() + "|" + answer.value() + answer.note() + answer.version() + "|"
				+ organizations.contracts(a.org().id()).size() + "|" + users.members(a.org().id()).size() + "|"
				+ invitations.list(a.org().id()).stream().filter(i -> i.acceptedAt() == null && !i.revoked()).count()
				+ "|" + tokens.list(a.org().id()).stream().filter(t -> t.revokedAt() == null).count() + "|"
				+ ledgers.all().stream().map(l -> l.id() + "=" + ledgerStore.count(l, a.org().id())).toList() + "|"
				+ vendorRequests.ofClient(a.org().id()).stream().map(r -> r.status() + r.systems()).toList() + "|"
				+ vendorLinks.ofClient(a.org().id()).size() + "|"
				+ vendorLinks.proposalsOfClient(a.org().id()).stream().map(p -> p.status()).toList();
	}

}
