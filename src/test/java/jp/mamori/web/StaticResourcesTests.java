package jp.mamori.web;

import jp.mamori.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Static files are served from their own paths — stylesheets, scripts and the webjars
 * under version-free URLs — without a login, and nothing else is looked up as a file.
 */
@IntegrationTest
class StaticResourcesTests {

	@Autowired
	MockMvc mvc;

	@Test
	void servesStylesheetsScriptsAndWebjarsWithoutALogin() throws Exception {
		mvc.perform(get("/css/mamori.css")).andExpect(status().isOk());
		mvc.perform(get("/js/mamori.js")).andExpect(status().isOk());
		mvc.perform(get("/webjars/htmx.org/dist/htmx.min.js"))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("htmx")));
		mvc.perform(get("/webjars/chart.js/dist/chart.umd.min.js")).andExpect(status().isOk());
	}

	@Test
	void doesNotServeOtherClasspathFilesAsStatic() throws Exception {
		// application.properties sits at the classpath root, which the default /**
		// mapping
		// never exposed either; static files are looked up under their own paths only
		mvc.perform(get("/css/../application.properties")).andExpect(status().is4xxClientError());
		mvc.perform(get("/css/missing.css")).andExpect(status().isNotFound());
	}

}
