package kyodo.wallet.drill;

import java.util.ArrayList;
import java.util.List;

/**
 * Closed-loop payment load: one thread per signed-in session, each paying one point to the store QR, first
 * sending again whatever its payer's earlier attempts left unknown. Stops when told; a request cut off by a kill
 * ends as unknown and waits for the next round.
 */
final class PaymentLoad {
    static final String AMOUNT = "1";

    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running = true;

    PaymentLoad(List<Resident> sessions, List<Integer> payers, PaymentBook book, String storeQr) {
        for (int i = 0; i < sessions.size(); i++) {
            Resident session = sessions.get(i);
            int payer = payers.get(i);
            Thread thread = new Thread(() -> {
                while (running) {
                    PaymentBook.Attempt attempt = book.next(payer);
                    book.record(attempt, session.pay(storeQr, AMOUNT, attempt.intent()));
                }
            }, "drill-payer-" + session.username() + "-" + i);
            thread.setDaemon(true);
            threads.add(thread);
        }
    }

    void start() {
        threads.forEach(Thread::start);
    }

    void stop() throws InterruptedException {
        running = false;
        for (Thread thread : threads) {
            thread.join();
        }
    }
}
