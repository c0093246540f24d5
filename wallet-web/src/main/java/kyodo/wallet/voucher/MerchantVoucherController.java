package kyodo.wallet.voucher;

import kyodo.wallet.qr.QrImages;
import kyodo.wallet.user.Merchant;
import kyodo.wallet.user.SignedIn;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.io.IOException;
import java.util.Optional;

/** A merchant accepts a paper voucher: scanner text, a typed serial, the camera, or a photo decoded on the server. */
@Controller
class MerchantVoucherController {
    private final VoucherDesk desk;
    private final SignedIn signedIn;

    MerchantVoucherController(VoucherDesk desk, SignedIn signedIn) {
        this.desk = desk;
        this.signedIn = signedIn;
    }

    @GetMapping("/merchant/vouchers")
    String page(Authentication authentication, Model model) {
        model.addAttribute("merchant", signedIn.merchant(authentication));
        return "merchant-vouchers";
    }

    @PostMapping("/merchant/vouchers/redeem")
    String redeem(@RequestParam(defaultValue = "") String voucher,
                  @RequestParam(required = false) MultipartFile photo, Authentication authentication,
                  RedirectAttributes redirect) throws IOException {
        Merchant merchant = signedIn.merchant(authentication);
        String scanned = voucher.strip();
        if (scanned.isEmpty() && photo != null && !photo.isEmpty()) {
            Optional<String> decoded = photo.getSize() > QrImages.PHOTO_BYTES_MAX ? Optional.empty()
                    : QrImages.decode(photo.getBytes());
            if (decoded.isEmpty()) {
                redirect.addFlashAttribute("error", VoucherError.PHOTO_UNREADABLE.messageKey());
                return "redirect:/merchant/vouchers";
            }
            scanned = decoded.get();
        }
        VoucherDesk.Redeemed redeemed = desk.redeem(merchant.id(), scanned);
        if (redeemed.ok()) {
            redirect.addFlashAttribute("redeemed", redeemed.voucher());
        } else {
            redirect.addFlashAttribute("error", redeemed.error().messageKey());
        }
        return "redirect:/merchant/vouchers";
    }
}
