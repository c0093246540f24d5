package kyodo.wallet.hostile;

import kyodo.wallet.WalletWebTest;
import kyodo.wallet.qr.Jpqr;
import kyodo.wallet.qr.QrCodes;
import kyodo.wallet.qr.QrProperties;
import kyodo.wallet.qr.SigningKey;
import kyodo.wallet.user.Merchant;
import kyodo.wallet.user.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * A corpus of hostile requests, one class of attack or mistake per case, sent through the real filter chain to the
 * API, the pages and the QR and token parsers. Every case must answer 4xx with a message in Japanese and English
 * (problem+json for the API, the form's error for pages), never 5xx, and must leave the books as they were: the
 * ledger's head does not move and the people involved keep their balances.
 */
class HostileInputTest extends WalletWebTest {
    /** The group of order L of Curve25519's base point: adding it to S makes a malleated, non-canonical signature. */
    private static final BigInteger ED25519_ORDER = BigInteger.TWO.pow(252)
            .add(new BigInteger("27742317777372353535851937790883648493"));

    @Autowired
    MockMvc mvc;
    @Autowired
    QrCodes qrCodes;
    @Autowired
    SigningKey signingKey;
    @Autowired
    QrProperties qrProperties;
    @Autowired
    Clock clock;

    /** One hostile request; {@code api} says whether the answer must be problem+json. */
    private record Case(String name, boolean api, MockHttpServletRequestBuilder request) {
    }

    @Test
    void everyHostileInputGetsAClear4xxAndTheBooksStayAsTheyWere() throws Exception {
        User payer = resident(1_000);
        User friend = resident(0);
        Merchant shop = merchant();
        String storeToken = qrCodes.token(qrCodes.storeQr(shop.id()));
        String store = qrCodes.url(qrCodes.storeQr(shop.id()));
        String consumer = qrCodes.token(qrCodes.consumerToken(payer.id()));
        User owner = owner(shop);

        Function<String, MockHttpServletRequestBuilder> pay = json -> post("/api/payments").with(csrf())
                .with(signedIn(payer)).contentType(MediaType.APPLICATION_JSON).content(json);
        Function<String, MockHttpServletRequestBuilder> payAmount = amount -> pay.apply(
                "{\"qr\":\"" + store + "\",\"amount\":" + amount + ",\"intent\":\"" + QrCodes.nonce() + "\"}");
        Function<String, MockHttpServletRequestBuilder> payQr = qr -> pay.apply(
                "{\"qr\":\"" + qr + "\",\"amount\":\"10\",\"intent\":\"" + QrCodes.nonce() + "\"}");
        Function<String, MockHttpServletRequestBuilder> charge = token -> post("/api/merchant/charges").with(csrf())
                .with(signedIn(owner)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"token\":\"" + token + "\",\"amount\":\"10\"}");
        Function<String, MockHttpServletRequestBuilder> send = note -> post("/api/transfers").with(csrf())
                .with(signedIn(payer)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"to\":\"resident\",\"id\":" + friend.id() + ",\"amount\":\"10\",\"note\":\"" + note
                        + "\",\"intent\":\"" + QrCodes.nonce() + "\"}");
        Function<String, MockHttpServletRequestBuilder> signUp = displayName -> post("/signup").with(csrf())
                .param("username", "hostile" + Math.abs(displayName.hashCode())).param("displayName", displayName)
                .param("password", PASSWORD);

        List<Case> corpus = List.of(
                new Case("amount 0", true, payAmount.apply("\"0\"")),
                new Case("amount -1", true, payAmount.apply("\"-1\"")),
                new Case("amount 2^63", true, payAmount.apply("\"9223372036854775808\"")),
                new Case("amount 2^64 as a JSON number", true, payAmount.apply("18446744073709551616")),
                new Case("amount 1.5", true, payAmount.apply("\"1.5\"")),
                new Case("amount 1e3", true, payAmount.apply("\"1e3\"")),
                // full-width digits are read as their digits (AmountInput); a full-width decimal is still refused
                new Case("amount with a full-width decimal point", true, payAmount.apply("\"１．５\"")),
                new Case("amount with a misplaced thousands separator", true, payAmount.apply("\"12,34\"")),
                new Case("amount in Arabic-Indic digits", true, payAmount.apply("\"١٠٠\"")),
                new Case("amount with a plus sign", true, payAmount.apply("\"+10\"")),
                new Case("amount above the payment limit", true, payAmount.apply("\"100001\"")),
                new Case("amount as an array", true, payAmount.apply("[10]")),
                new Case("amount as an object", true, payAmount.apply("{\"value\":10}")),
                new Case("duplicate JSON keys", true, pay.apply("{\"qr\":\"" + store + "\",\"amount\":\"1\","
                        + "\"amount\":\"900\",\"intent\":\"" + QrCodes.nonce() + "\"}")),
                new Case("unknown field balance (mass assignment)", true, pay.apply("{\"qr\":\"" + store
                        + "\",\"amount\":\"10\",\"intent\":\"" + QrCodes.nonce() + "\",\"balance\":1000000}")),
                new Case("unknown field role (mass assignment)", true, pay.apply("{\"qr\":\"" + store
                        + "\",\"amount\":\"10\",\"intent\":\"" + QrCodes.nonce() + "\",\"role\":\"ADMIN\"}")),
                new Case("deeply nested JSON", true, pay.apply("{\"qr\":" + "[".repeat(20_000) + "]".repeat(20_000)
                        + "}")),
                new Case("10 MB body", true, pay.apply("{\"qr\":\"" + "A".repeat(10 * 1024 * 1024) + "\"}")),
                new Case("bytes that are not UTF-8", true, post("/api/payments").with(csrf())
                        .with(signedIn(payer)).contentType(MediaType.APPLICATION_JSON)
                        .content(new byte[]{'{', '"', 'q', 'r', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'})),
                new Case("a second JSON document after the body", true, pay.apply("{\"qr\":\"" + store
                        + "\",\"amount\":\"10\",\"intent\":\"" + QrCodes.nonce() + "\"} {\"amount\":\"99\"}")),
                new Case("not JSON at all", true, pay.apply("amount=10")),
                new Case("SQL injection in the intent", true, pay.apply("{\"qr\":\"" + store
                        + "\",\"amount\":\"10\",\"intent\":\"x' OR '1'='1' --\"}")),
                new Case("script URL as the QR", true, payQr.apply("javascript:alert(1)")),
                new Case("truncated merchant QR", true, payQr.apply(storeToken.substring(0, storeToken.length() / 2))),
                new Case("oversized QR payload", true, payQr.apply("A".repeat(100_000))),
                new Case("malformed signature (wrong length)", true,
                        payQr.apply(storeToken.substring(0, storeToken.indexOf('.') + 1) + "AAAA")),
                new Case("malleated Ed25519 signature (S + L)", true, payQr.apply(malleated(storeToken))),
                new Case("merchant QR signed by another key", true,
                        payQr.apply(otherKey().token(otherKey().storeQr(shop.id())))),
                new Case("JPQR with a bad CRC", true, payQr.apply(badCrc(Jpqr.build(storeToken, "Shop", 0)))),
                new Case("JPQR with a TLV length past the end", true,
                        payQr.apply(badLength(Jpqr.build(storeToken, "Shop", 0)))),
                new Case("JPQR without Kyodo's signed template", true, payQr.apply(unsignedJpqr())),
                new Case("consumer token bit-flipped", true, charge.apply(bitFlipped(consumer))),
                new Case("consumer token truncated", true, charge.apply(consumer.substring(0, consumer.length() - 5))),
                new Case("consumer token expired", true, charge.apply(expiredConsumerToken(payer))),
                new Case("consumer token re-signed with another key", true,
                        charge.apply(otherKey().token(otherKey().consumerToken(payer.id())))),
                new Case("right-to-left override in a transfer note", true, send.apply("gift \u202e0001")),
                new Case("NUL in a transfer note", true, send.apply("gift\\u0000")),
                new Case("script injection in a transfer note", true, send.apply("<script>alert(1)</script>")),
                new Case("recipient id beyond 2^63", true, post("/api/transfers").with(csrf())
                        .with(signedIn(payer)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"to\":\"resident\",\"id\":9223372036854775808,\"amount\":\"10\",\"intent\":\""
                                + QrCodes.nonce() + "\"}")),
                new Case("transfer to a merchant's wallet", true, post("/api/transfers").with(csrf())
                        .with(signedIn(payer)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"to\":\"merchant\",\"id\":" + shop.id() + ",\"amount\":\"10\",\"intent\":\""
                                + QrCodes.nonce() + "\"}")),
                new Case("sale id beyond 2^63 in the path", true, post("/api/merchant/sales/99999999999999999999/refunds")
                        .with(csrf()).with(signedIn(owner)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"amount\":\"1\",\"intent\":\"" + QrCodes.nonce() + "\"}")),
                new Case("negative sale id", true, post("/api/merchant/sales/-1/refunds").with(csrf())
                        .with(signedIn(owner)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"amount\":\"1\",\"intent\":\"" + QrCodes.nonce() + "\"}")),
                new Case("huge page number", true, get("/api/wallet").param("page", "1000000000")
                        .with(signedIn(payer))),
                new Case("page number beyond int", true, get("/api/wallet").param("page", "99999999999")
                        .with(signedIn(payer))),
                new Case("impossible month", true, get("/api/wallet").param("month", "2026-13")
                        .with(signedIn(payer))),
                new Case("month in SQL", true, get("/api/wallet").param("month", "2026-01'; drop table payment; --")
                        .with(signedIn(payer))),
                new Case("right-to-left override in a display name (page)", false,
                        signUp.apply("Taro \u202eoraT")),
                new Case("NUL in a display name (page)", false, signUp.apply("Ta\u0000ro")),
                new Case("script injection in a display name (page)", false,
                        signUp.apply("<img src=x onerror=alert(1)>")));

        List<String> failures = new ArrayList<>();
        int requests = 0;
        for (Case hostile : corpus) {
            long headBefore = ledger.head().sequence();
            MockHttpServletResponse response = mvc.perform(hostile.request()).andReturn().getResponse();
            requests++;
            String problem = check(hostile, response);
            if (problem != null) {
                failures.add(hostile.name() + ": " + problem);
            }
            if (ledger.head().sequence() != headBefore) {
                failures.add(hostile.name() + ": the ledger moved");
            }
        }
        System.out.printf("hostile input: %d classes, %d requests, %d unexpected answers%n", corpus.size(), requests,
                failures.size());
        assertThat(failures).as("cases that were not refused cleanly").isEmpty();
        assertThat(corpus).hasSizeGreaterThanOrEqualTo(30);
        assertThat(balance(payer)).isEqualTo(1_000);
        assertThat(balance(friend)).isZero();
        assertThat(balance(shop)).isZero();
        assertThat(users.findByUsername("hostile" + Math.abs("Taro \u202eoraT".hashCode()))).isEmpty();
    }

    @Test
    void sqlTypedIntoAFreeTextFieldIsStoredAsTextAndNeverRun() throws Exception {
        User payer = resident(100);
        User friend = resident(0);
        String note = "'); drop table payment; --";

        mvc.perform(post("/api/transfers").with(csrf()).with(signedIn(payer))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"to\":\"resident\",\"id\":" + friend.id() + ",\"amount\":\"10\",\"note\":\""
                                + note + "\",\"intent\":\"" + QrCodes.nonce() + "\"}"))
                .andReturn();

        assertThat(balance(friend)).isEqualTo(10);
        String wallet = mvc.perform(get("/api/wallet").with(signedIn(friend)))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(wallet).contains("drop table payment"); // stored and shown as the words typed
        assertThat(ledger.entries(1, ledger.head().sequence())).isNotEmpty(); // and the table is still there
    }

    @Test
    void numbersThatNameNoPersonOrShopAreRefusedAsNotFoundNeverAsAnError() throws Exception {
        User payer = resident(500);
        User coordinator = newCoordinator();
        kyodo.fund.directory.Group group = verifiedGroup(coordinator, "番号の会 " + coordinator.id());
        User staff = demo("staff");
        Function<String, MockHttpServletRequestBuilder> transfer = body -> post("/api/transfers").with(csrf())
                .with(signedIn(payer)).contentType(MediaType.APPLICATION_JSON).content(body);
        String amount = ",\"amount\":\"10\",\"intent\":\"" + QrCodes.nonce() + "\"}";
        List<Case> corpus = List.of(
                new Case("resident id 0", true, transfer.apply("{\"to\":\"resident\",\"id\":0" + amount)),
                new Case("negative resident id", true, transfer.apply("{\"to\":\"resident\",\"id\":-7" + amount)),
                new Case("group id 0", true, transfer.apply("{\"to\":\"group\",\"id\":0" + amount)),
                new Case("attendance of resident 0", true, post("/api/coordinator/activities/1/attendance")
                        .with(csrf()).with(signedIn(coordinator)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"residentId\":0,\"hours\":\"1\"}")),
                new Case("correction of resident -1", true, post("/api/staff/points/corrections").with(csrf())
                        .with(signedIn(staff)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"activityId\":1,\"residentId\":-1,\"reason\":\"x\"}")),
                new Case("sending to group 0 (page)", false, post("/send").with(csrf()).with(signedIn(payer))
                        .param("to", "group:0").param("amount", "10").param("intent", QrCodes.nonce())),
                new Case("paying shop 0 from a group (page)", false, post("/groups/" + group.id() + "/wallet/pay")
                        .with(csrf()).with(signedIn(coordinator)).param("merchantId", "0").param("amount", "10")
                        .param("intent", QrCodes.nonce())),
                new Case("paying shop -3 from a group (page)", false, post("/groups/" + group.id() + "/wallet/pay")
                        .with(csrf()).with(signedIn(coordinator)).param("merchantId", "-3").param("amount", "10")
                        .param("intent", QrCodes.nonce())),
                new Case("confirming hours of resident 0 (page)", false, post("/coordinator/activities/1/confirm")
                        .with(csrf()).with(signedIn(coordinator)).param("residentId", "0").param("hours", "1")),
                new Case("correcting hours of resident 0 (page)", false, post("/staff/points/corrections")
                        .with(csrf()).with(signedIn(staff)).param("activityId", "1").param("residentId", "0")
                        .param("reason", "x")));

        List<String> failures = new ArrayList<>();
        long headBefore = ledger.head().sequence();
        for (Case hostile : corpus) {
            String problem = check(hostile, mvc.perform(hostile.request()).andReturn().getResponse());
            if (problem != null) {
                failures.add(hostile.name() + ": " + problem);
            }
        }
        var approval = mvc.perform(post("/staff/merchants/0/approve").with(csrf()).with(signedIn(staff))).andReturn();
        assertThat(failures).as("cases that were not refused cleanly").isEmpty();
        assertThat(approval.getResponse().getStatus()).as("approving shop 0 goes back to the list with the reason")
                .isEqualTo(302);
        assertThat(approval.getResponse().getRedirectedUrl()).isEqualTo("/staff");
        assertThat(approval.getFlashMap().get("error")).isEqualTo("signup.error.MERCHANT_NOT_FOUND");
        assertThat(ledger.head().sequence()).isEqualTo(headBefore);
        assertThat(balance(payer)).isEqualTo(500);
    }

    /** null when the answer is right for a hostile request, else what is wrong with it. */
    private static String check(Case hostile, MockHttpServletResponse response) throws Exception {
        int status = response.getStatus();
        String body = response.getContentAsString(StandardCharsets.UTF_8);
        if (hostile.api()) {
            if (status < 400 || status >= 500) {
                return "status " + status;
            }
            String type = String.valueOf(response.getContentType());
            if (!type.startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE)) {
                return "content type " + type;
            }
            if (!body.contains("\"message_ja\"") || !body.contains("\"message_en\"")) {
                return "no message in both languages: " + body;
            }
            return null;
        }
        // a page re-shows the form with its error, in the visitor's language (Japanese by default)
        if (status != 200 || !body.contains("class=\"error\"") && !body.contains("role=\"alert\"")) {
            return "status " + status + " without the form's error message";
        }
        return null;
    }

    private QrCodes otherKey() {
        return new QrCodes(SigningKey.generate(), qrProperties, clock);
    }

    private String expiredConsumerToken(User payer) {
        Clock past = Clock.offset(clock, qrProperties.consumerTokenValidity().plus(Duration.ofMinutes(1)).negated());
        QrCodes then = new QrCodes(signingKey, qrProperties, past);
        return then.token(then.consumerToken(payer.id()));
    }

    private static String malleated(String token) {
        int dot = token.indexOf('.');
        byte[] signature = Base64.getUrlDecoder().decode(token.substring(dot + 1));
        byte[] s = new byte[32];
        for (int i = 0; i < 32; i++) {
            s[31 - i] = signature[32 + i]; // S is little-endian in the signature
        }
        byte[] bigger = new BigInteger(1, s).add(ED25519_ORDER).toByteArray();
        byte[] little = new byte[32];
        for (int i = 0; i < 32 && i < bigger.length; i++) {
            little[i] = bigger[bigger.length - 1 - i];
        }
        System.arraycopy(little, 0, signature, 32, 32);
        return token.substring(0, dot + 1) + Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
    }

    private static String bitFlipped(String token) {
        char[] chars = token.toCharArray();
        int i = token.indexOf('.') / 2;
        chars[i] = chars[i] == 'A' ? 'B' : 'A';
        return new String(chars);
    }

    private static String badCrc(String payload) {
        String crc = payload.substring(payload.length() - 4);
        return payload.substring(0, payload.length() - 4) + (crc.equals("0000") ? "0001" : "0000");
    }

    /** The first field claims more characters than the payload has. */
    private static String badLength(String payload) {
        return "0099" + payload.substring(4);
    }

    private static String unsignedJpqr() {
        String body = field("00", "01") + field("01", "11") + field("26", field("00", "jp.example.pay")
                + field("01", "12345")) + field("52", "5812") + field("53", "392") + field("58", "JP")
                + field("59", "Other Shop") + field("60", "Tokyo") + "6304";
        return body + crc16(body);
    }

    private static String field(String tag, String value) {
        return tag + String.format("%02d", value.length()) + value;
    }

    /** CRC-16/CCITT-FALSE as EMVCo specifies, written out here so the test does not trust the code it checks. */
    private static String crc16(String text) {
        int crc = 0xFFFF;
        for (byte b : text.getBytes(StandardCharsets.US_ASCII)) {
            crc ^= (b & 0xFF) << 8;
            for (int bit = 0; bit < 8; bit++) {
                crc = (crc & 0x8000) != 0 ? (crc << 1) ^ 0x1021 : crc << 1;
            }
        }
        return String.format("%04X", crc & 0xFFFF);
    }
}
