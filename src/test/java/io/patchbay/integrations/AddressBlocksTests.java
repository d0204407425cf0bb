package io.patchbay.integrations;

import io.patchbay.platform.InvalidInputException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class AddressBlocksTests {

	@ParameterizedTest
	@CsvSource({ "203.0.113.7, 203.0.113.7", "' 10.0.0.0/8 ', 10.0.0.0/8", "2001:DB8:0:0::1, 2001:db8::1",
			"2001:db8::/32, 2001:db8::/32", "0.0.0.0/0, 0.0.0.0/0", "::1/128, ::1/128" })
	void normalisesAddressesAndBlocks(String entry, String expected) {
		assertThat(AddressBlocks.normalize(entry)).isEqualTo(expected);
	}

	@ParameterizedTest
	@ValueSource(strings = { "10.0.0.0/33", "256.1.1.1", "example.com", "10.0.0.0/", "10.0.0.0/x", "::1/129",
			"10.0.0.1/-1", "1.2.3" })
	void refusesAnythingElse(String entry) {
		assertThatExceptionOfType(InvalidInputException.class).isThrownBy(() -> AddressBlocks.normalize(entry))
			.satisfies((ex) -> assertThat(ex.field()).isEqualTo("allowedIps"));
	}

}
