package kyodo.wallet.voucher;

import kyodo.wallet.qr.QrCodes;
import kyodo.wallet.user.SignedIn;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Staff issue voucher batches, print their sheets and expire vouchers past their date. */
@Controller
class StaffVoucherController {
    private final VoucherDesk desk;
    private final VoucherBatches batches;
    private final Vouchers vouchers;
    private final SignedIn signedIn;

    StaffVoucherController(VoucherDesk desk, VoucherBatches batches, Vouchers vouchers, SignedIn signedIn) {
        this.desk = desk;
        this.batches = batches;
        this.vouchers = vouchers;
        this.signedIn = signedIn;
    }

    @GetMapping("/staff/vouchers")
    String page(Model model) {
        model.addAttribute("batches", batches.latest());
        model.addAttribute("totals", vouchers.totalsByState());
        model.addAttribute("intent", QrCodes.nonce());
        model.addAttribute("defaultExpiry", desk.today().plusMonths(6));
        return "staff-vouchers";
    }

    @PostMapping("/staff/vouchers")
    String issue(@RequestParam(defaultValue = "") String denomination, @RequestParam(defaultValue = "") String count,
                 @RequestParam(defaultValue = "") String expiresOn, @RequestParam(defaultValue = "") String intent,
                 Authentication authentication, RedirectAttributes redirect) {
        VoucherDesk.Issued issued = desk.issue(signedIn.user(authentication).id(), denomination, count, expiresOn,
                intent);
        if (issued.ok()) {
            redirect.addFlashAttribute("issued", issued.batch());
        } else {
            redirect.addFlashAttribute("error", issued.error().messageKey());
        }
        return "redirect:/staff/vouchers";
    }

    @PostMapping("/staff/vouchers/expire")
    String expire(RedirectAttributes redirect) {
        redirect.addFlashAttribute("expired", desk.expire());
        return "redirect:/staff/vouchers";
    }

    @GetMapping("/staff/vouchers/batches/{id}/sheet.pdf")
    ResponseEntity<byte[]> sheet(@PathVariable long id) {
        return desk.sheet(id).map(pdf -> pdf(pdf, "vouchers-" + id + ".pdf"))
                .orElseGet(() -> ResponseEntity.notFound().build());
    }

    static ResponseEntity<byte[]> pdf(byte[] pdf, String fileName) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(fileName).build()
                        .toString())
                .body(pdf);
    }
}
