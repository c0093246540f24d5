package kyodo.wallet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

/** Says, once everything has started, where to open the application. */
@Component
class WhereToOpen implements ApplicationListener<ApplicationReadyEvent> {
    private static final Logger log = LoggerFactory.getLogger(WhereToOpen.class);

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        String port = event.getApplicationContext().getEnvironment().getProperty("local.server.port");
        if (port == null) {
            return; // no web server (a test without one)
        }
        log.info("Kyodo is ready: open http://localhost:{}/ (health: http://localhost:{}/actuator/health)", port, port);
    }
}
