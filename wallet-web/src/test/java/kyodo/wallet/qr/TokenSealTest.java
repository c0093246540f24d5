package kyodo.wallet.qr;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** Remembering verified tokens must never let through a token that would not verify on its own. */
class TokenSealTest {
    private final TokenSeal seal = new TokenSeal(SigningKey.generate());

    @Test
    void aTokenOpensTheSameTheSecondTime() {
        String token = seal.seal("store|42");

        assertThat(seal.open(token).value()).isEqualTo("store|42");
        assertThat(seal.open(token).value()).isEqualTo("store|42");
        assertThat(seal.open("  " + token + "\n").value()).isEqualTo("store|42");
    }

    @Test
    void everyOneCharacterChangeOfARememberedTokenIsStillRefused() {
        String token = seal.seal("store|42");
        assertThat(seal.open(token).ok()).isTrue();

        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        for (int i = 0; i < token.length(); i++) {
            if (token.charAt(i) == '.') {
                continue;
            }
            char replacement = alphabet.charAt((alphabet.indexOf(token.charAt(i)) + 1) % alphabet.length());
            String changed = token.substring(0, i) + replacement + token.substring(i + 1);
            assertThat(seal.open(changed).ok()).as("changed at %d: %s", i, changed).isFalse();
        }
    }

    @Test
    void aTokenOfAnotherKeyIsRefusedEvenWhenTheSamePayloadWasOpenedBefore() {
        TokenSeal other = new TokenSeal(SigningKey.generate());
        assertThat(seal.open(seal.seal("store|42")).ok()).isTrue();

        assertThat(seal.open(other.seal("store|42")).rejection()).isEqualTo(TokenRejection.BAD_SIGNATURE);
    }

    @Test
    void tokensStillOpenAfterTheMemoryStartsOver() {
        Random random = new Random(7);
        String first = seal.seal("store|1");
        for (int i = 0; i < TokenSeal.VERIFIED_REMEMBERED_MAX + 10; i++) {
            assertThat(seal.open(seal.seal("order|" + random.nextLong())).ok()).isTrue();
        }

        assertThat(seal.open(first).value()).isEqualTo("store|1");
    }
}
