package kyodo.wallet.security;

import org.springframework.security.core.Authentication;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import java.util.List;

/** The signed-in person's passkeys, and registering one for this device (Spring Security's endpoints do the work). */
@Controller
class PasskeysController {
    private final PublicKeyCredentialUserEntityRepository passkeyUsers;
    private final UserCredentialRepository credentials;

    PasskeysController(PublicKeyCredentialUserEntityRepository passkeyUsers, UserCredentialRepository credentials) {
        this.passkeyUsers = passkeyUsers;
        this.credentials = credentials;
    }

    @GetMapping("/passkeys")
    String passkeys(Authentication authentication, Model model) {
        PublicKeyCredentialUserEntity entity = passkeyUsers.findByUsername(authentication.getName());
        model.addAttribute("credentials", entity == null ? List.of() : credentials.findByUserId(entity.getId()));
        return "passkeys";
    }
}
