package jp.mamori.endpoint.facts;

import java.io.InputStream;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The committed JSON Schema (draft 2020-12) is the contract of the collector file: every
 * example the script could have written validates against it, and the schema refuses
 * another schema version.
 */
class CollectorSchemaTests {

	static final java.util.List<String> VALID = CollectorExamples.VALID;

	static JsonSchema schema() throws Exception {
		try (InputStream in = CollectorSchemaTests.class.getResourceAsStream("/endpoint/collector-schema.json")) {
			return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
		}
	}

	static JsonNode json(String name) throws Exception {
		return new ObjectMapper().readTree(CollectorExamples.bytes(name));
	}

	@ParameterizedTest
	@FieldSource("VALID")
	void exampleValidatesAgainstTheSchema(String name) throws Exception {
		Set<ValidationMessage> errors = schema().validate(json(name));
		assertThat(errors).as(name).isEmpty();
	}

	@Test
	void schemaRefusesAnotherSchemaVersion() throws Exception {
		Set<ValidationMessage> errors = schema().validate(json(CollectorExamples.UNSUPPORTED));
		assertThat(errors).extracting(ValidationMessage::getInstanceLocation)
			.map(Object::toString)
			.anyMatch(location -> location.contains("schemaVersion"));
	}

	@Test
	void schemaRefusesAFileWithoutHostname() throws Exception {
		JsonNode noHost = json(CollectorExamples.SERVER2019);
		((com.fasterxml.jackson.databind.node.ObjectNode) noHost.get("computer")).remove("hostname");
		assertThat(schema().validate(noHost)).isNotEmpty();
	}

	@Test
	void malformedExampleIsNotJson() {
		assertThatThrownBy(() -> json(CollectorExamples.MALFORMED))
			.isInstanceOf(com.fasterxml.jackson.core.JsonProcessingException.class);
	}

}
