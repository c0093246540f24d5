package kyodo.ledger.model;

import kyodo.ledger.AccountId;
import kyodo.ledger.Amount;
import kyodo.ledger.EntryKey;
import kyodo.ledger.EntryKind;
import kyodo.ledger.EntryRequest;
import kyodo.ledger.Leg;
import kyodo.ledger.PendingId;
import kyodo.ledger.ResultCode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/** Malformed requests, each with the code it must get. Shared by the model harness and the bad-request test. */
public final class BadRequestCases {
    private BadRequestCases() {
    }

    public record Case(String name, EntryRequest request, ResultCode expected) {
    }

    public static List<Case> all(String key, AccountId a, AccountId b) {
        EntryKey k = new EntryKey(key);
        Leg ok = Leg.transfer(a, b, Amount.pt(1));
        List<Leg> tooMany = new ArrayList<>(Collections.nCopies(65, ok));
        List<Leg> withNull = new ArrayList<>();
        withNull.add(null);
        String longMemo = "長".repeat(281);
        String bigMetadata = "{\"x\":\"" + "y".repeat(5000) + "\"}";
        String deepMetadata = "{\"a\":" + "[".repeat(40) + "]".repeat(40) + "}";
        return List.of(
                new Case("zero amount", request(k, Leg.transfer(a, b, Amount.pt(0))), ResultCode.AMOUNT_NOT_POSITIVE),
                new Case("negative amount", request(k, Leg.transfer(a, b, Amount.pt(-5))),
                        ResultCode.AMOUNT_NOT_POSITIVE),
                new Case("minimum long", request(k, Leg.transfer(a, b, Amount.pt(Long.MIN_VALUE))),
                        ResultCode.AMOUNT_NOT_POSITIVE),
                new Case("same account", request(k, Leg.transfer(a, a, Amount.pt(5))),
                        ResultCode.SAME_ACCOUNT_ON_BOTH_SIDES),
                new Case("no legs", new EntryRequest(k, EntryKind.TRANSFER, "user:1", "", null, List.of()),
                        ResultCode.NO_LEGS),
                new Case("65 legs", new EntryRequest(k, EntryKind.TRANSFER, "user:1", "", null, tooMany),
                        ResultCode.TOO_MANY_LEGS),
                new Case("null leg", new EntryRequest(k, EntryKind.TRANSFER, "user:1", "", null, withNull),
                        ResultCode.MISSING_FIELD),
                new Case("null key", new EntryRequest(null, EntryKind.TRANSFER, "user:1", "", null, List.of(ok)),
                        ResultCode.MISSING_FIELD),
                new Case("null kind", new EntryRequest(k, null, "user:1", "", null, List.of(ok)),
                        ResultCode.MISSING_FIELD),
                new Case("null actor", new EntryRequest(k, EntryKind.TRANSFER, null, "", null, List.of(ok)),
                        ResultCode.MISSING_FIELD),
                new Case("null memo", new EntryRequest(k, EntryKind.TRANSFER, "user:1", null, null, List.of(ok)),
                        ResultCode.MISSING_FIELD),
                new Case("null legs", new EntryRequest(k, EntryKind.TRANSFER, "user:1", "", null, null),
                        ResultCode.MISSING_FIELD),
                new Case("null amount", request(k, new Leg.Transfer(a, b, null)), ResultCode.MISSING_FIELD),
                new Case("null account", request(k, new Leg.Transfer(null, b, Amount.pt(1))), ResultCode.MISSING_FIELD),
                new Case("key with space", request(new EntryKey("a key"), ok), ResultCode.KEY_INVALID),
                new Case("key too long", request(new EntryKey("k".repeat(129)), ok), ResultCode.KEY_INVALID),
                new Case("lower-case kind", new EntryRequest(k, new EntryKind("spend"), "user:1", "", null,
                        List.of(ok)), ResultCode.KIND_INVALID),
                new Case("blank actor", new EntryRequest(k, EntryKind.TRANSFER, " ", "", null, List.of(ok)),
                        ResultCode.ACTOR_INVALID),
                new Case("over-long memo", request(k, ok).withMemo(longMemo), ResultCode.MEMO_TOO_LONG),
                new Case("NUL in memo", request(k, ok).withMemo("a\u0000b"), ResultCode.MEMO_INVALID),
                new Case("lone surrogate in memo", request(k, ok).withMemo("a\ud800b"), ResultCode.MEMO_INVALID),
                new Case("oversized metadata", request(k, ok).withMetadata(bigMetadata),
                        ResultCode.METADATA_TOO_LARGE),
                new Case("metadata not JSON", request(k, ok).withMetadata("{not json"), ResultCode.METADATA_NOT_JSON),
                new Case("metadata an array", request(k, ok).withMetadata("[1]"), ResultCode.METADATA_NOT_JSON),
                new Case("metadata too deep", request(k, ok).withMetadata(deepMetadata),
                        ResultCode.METADATA_NOT_JSON),
                new Case("metadata with NUL escape", request(k, ok).withMetadata("{\"a\":\"\\u0000\"}"),
                        ResultCode.METADATA_NOT_JSON),
                new Case("zero timeout", request(k, Leg.hold(a, b, Amount.pt(1), Duration.ZERO)),
                        ResultCode.TIMEOUT_INVALID),
                new Case("negative post amount", request(k, Leg.postPending(new PendingId(k, 0), -1)),
                        ResultCode.AMOUNT_NOT_POSITIVE),
                new Case("same pending twice", request(k, Leg.voidPending(new PendingId(new EntryKey("x"), 0)),
                        Leg.voidPending(new PendingId(new EntryKey("x"), 0))), ResultCode.PENDING_RESOLVED_TWICE_IN_ENTRY),
                new Case("pending leg out of range", request(k, Leg.voidPending(new PendingId(k, 99))),
                        ResultCode.PENDING_NOT_FOUND));
    }

    static EntryRequest random(Random random, String key, AccountId a, AccountId b) {
        List<Case> cases = all(key, a, b);
        return cases.get(random.nextInt(cases.size())).request();
    }

    private static EntryRequest request(EntryKey key, Leg... legs) {
        return new EntryRequest(key, EntryKind.TRANSFER, "user:1", "", null, Arrays.asList(legs));
    }
}
