package kyodo.wallet.voucher;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class VoucherSerialTest {
    @Test
    void randomSerialsAreDistinctAndCarryAValidCheckCharacter() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            VoucherSerial serial = VoucherSerial.random();
            assertThat(seen.add(serial.value())).isTrue();
            assertThat(VoucherSerial.parse(serial.grouped())).contains(serial);
        }
    }

    @Test
    void everySingleWrongCharacterIsCaught() {
        VoucherSerial serial = VoucherSerial.random();
        for (int at = 0; at < VoucherSerial.LENGTH; at++) {
            for (char c : VoucherSerial.ALPHABET.toCharArray()) {
                if (c == serial.value().charAt(at)) {
                    continue;
                }
                String typo = serial.value().substring(0, at) + c + serial.value().substring(at + 1);
                assertThat(VoucherSerial.parse(typo)).as(typo).isEmpty();
            }
        }
    }

    @Test
    void typedSerialsAreReadLeniently() {
        VoucherSerial serial = VoucherSerial.random();
        String messy = " " + serial.grouped().toLowerCase().replace('0', 'o').replace('1', 'l') + " ";

        assertThat(VoucherSerial.parse(messy)).contains(serial);
        assertThat(VoucherSerial.parse("x".repeat(100))).isEmpty();
        assertThat(VoucherSerial.parse(null)).isEmpty();
    }
}
