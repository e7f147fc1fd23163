package jp.mamori.network.scan;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The spellings of one address or name that count as the same. */
class AddressesTests {

	@ParameterizedTest
	@CsvSource(textBlock = """
			192.168.10.1,         192.168.10.1
			' 192.168.010.001 ',  192.168.10.1
			192.168.10.1/24,      192.168.10.1
			fe80::1%10,           fe80:0:0:0:0:0:0:1
			[2001:DB8::1],        2001:db8:0:0:0:0:0:1
			""")
	void readsIpAddressesInOneSpelling(String text, String expected) {
		assertThat(Addresses.ip(text)).contains(expected);
	}

	@ParameterizedTest
	@CsvSource(textBlock = """
			192.168.10.256
			emr-sv01
			10.0.0
			''
			""")
	void rejectsWhatIsNotAnAddressLiteral(String text) {
		assertThat(Addresses.ip(text)).isEmpty();
	}

	@ParameterizedTest
	@CsvSource(textBlock = """
			00:15:5D:0A:0B:0C
			00-15-5d-0a-0b-0c
			0015.5d0a.0b0c
			00155D0A0B0C
			""")
	void readsMacAddressesWithAnySeparator(String text) {
		assertThat(Addresses.mac(text)).contains("00155d0a0b0c");
	}

	@Test
	void ignoresTheAllZeroMac() {
		assertThat(Addresses.mac("00:00:00:00:00:00")).isEmpty();
	}

	@Test
	void comparesHostNamesWithoutCaseAndDomain() {
		assertThat(Addresses.hostname("EMR-SV01.clinic.local")).contains("emr-sv01");
		assertThat(Addresses.hostname("localhost")).isEmpty();
		assertThat(Addresses.hostname("192.168.10.1")).isEmpty();
	}

}
