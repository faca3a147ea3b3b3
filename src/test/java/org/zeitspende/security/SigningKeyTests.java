package org.zeitspende.security;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.util.Base64;

import org.apache.commons.logging.LogFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

@ExtendWith(OutputCaptureExtension.class)
class SigningKeyTests {

	@Test
	void blank_generatesAKey_andWarnsThatTokensDieWithTheProcess(CapturedOutput output) {
		SigningKey key = SigningKey.of("  ", LogFactory.getLog(SigningKeyTests.class));
		assertThat(key.generated()).isTrue();
		assertThat(key.publicKey().getModulus().bitLength()).isEqualTo(2048);
		assertThat(output).contains("WARN").contains("Tokens do not survive a restart and do not work across replicas");
	}

	@Test
	void pkcs8Pem_isRead_withAStableKeyId() throws Exception {
		String pem = pem("PRIVATE KEY", rsaKey(2048));
		SigningKey first = SigningKey.of(pem, LogFactory.getLog(SigningKeyTests.class));
		SigningKey second = SigningKey.of(pem.replace("\n", "\\n"), LogFactory.getLog(SigningKeyTests.class));
		assertThat(first.generated()).isFalse();
		assertThat(first.keyId()).isNotBlank().isEqualTo(second.keyId());
	}

	@Test
	void theTestConfigurationsKey_isAccepted() throws Exception {
		String yaml = Files.readString(Path.of("src/test/resources/application-test.yml"));
		String pem = yaml.substring(yaml.indexOf("-----BEGIN"), yaml.indexOf("-----END PRIVATE KEY-----") + 25)
			.replaceAll("\n\\s+", "\n");
		assertThat(SigningKey.of(pem, LogFactory.getLog(SigningKeyTests.class)).generated()).isFalse();
	}

	@Test
	void garbage_failsTheStartWithAnExplanation() {
		assertThatIllegalStateException().isThrownBy(() -> SigningKey.of("secret", LogFactory.getLog(getClass())))
			.withMessageContaining("ZEITSPENDE_AUTH_SIGNING_KEY")
			.withMessageContaining("openssl genpkey");
	}

	@Test
	void pkcs1Pem_isRefusedWithTheConversionCommand() throws Exception {
		String pem = "-----BEGIN RSA PRIVATE KEY-----\nMIIB\n-----END RSA PRIVATE KEY-----";
		assertThatIllegalStateException().isThrownBy(() -> SigningKey.of(pem, LogFactory.getLog(getClass())))
			.withMessageContaining("openssl pkcs8 -topk8");
	}

	@Test
	void ecKey_isRefused() throws Exception {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
		generator.initialize(256);
		String pem = pem("PRIVATE KEY", generator.generateKeyPair().getPrivate().getEncoded());
		assertThatIllegalStateException().isThrownBy(() -> SigningKey.of(pem, LogFactory.getLog(getClass())))
			.withMessageContaining("only RS256");
	}

	@Test
	void shortRsaKey_isRefused() throws Exception {
		String pem = pem("PRIVATE KEY", rsaKey(1024));
		assertThatIllegalStateException().isThrownBy(() -> SigningKey.of(pem, LogFactory.getLog(getClass())))
			.withMessageContaining("at least 2048");
	}

	private static byte[] rsaKey(int bits) throws Exception {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
		generator.initialize(bits);
		return generator.generateKeyPair().getPrivate().getEncoded();
	}

	private static String pem(String type, byte[] der) {
		return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
				+ "\n-----END " + type + "-----\n";
	}

}
