package kyodo.wallet.home;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * お知らせ (notices), the last place of a resident's bottom bar. Kyodo keeps no notices yet, and the page says
 * so rather than pretend; it lists where the things a notice would announce can be seen meanwhile.
 */
@Controller
class NoticesController {
    static final String PATH = "/notices";

    @GetMapping(PATH)
    String notices() {
        return "notices";
    }
}
