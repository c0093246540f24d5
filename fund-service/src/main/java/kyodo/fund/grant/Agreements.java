package kyodo.fund.grant;

import kyodo.ledger.calendar.BusinessCalendar;
import kyodo.fund.directory.Group;
import kyodo.fund.document.PdfPage;
import kyodo.fund.document.Yen;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.format.DateTimeFormatter;

/** The agreement (協働協定書) for an award: purpose, roles of the ward and the group, cost, responsibilities, schedule, reporting. */
@Component
public class Agreements {
    private static final DateTimeFormatter JAPANESE_DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");

    private final String fundName;

    Agreements(@Value("${kyodo.fund.name:協働推進基金}") String fundName) {
        this.fundName = fundName;
    }

    public byte[] agreement(Award award, Application application, Program program, Group group) {
        try (PdfPage pdf = new PdfPage("協働協定書 " + award.id().value())) {
            pdf.heading("協働協定書")
                    .small("Collaboration agreement No. " + award.id().value())
                    .text("事業名 (Project): " + application.title())
                    .text("助成事業 (Program): " + program.title())
                    .text("団体 (Group): " + group.name() + "(" + group.type().japanese() + ") 代表者 "
                            + group.representative())
                    .gap()
                    .text("第1条 目的 (Purpose)")
                    .text(application.purpose().isEmpty() ? application.title() : application.purpose())
                    .text("第2条 役割分担 (Roles)")
                    .text("区: " + fundName + "から助成金を交付し、事業の周知と関係機関との調整を行う。")
                    .text("団体: 事業計画に従い事業を実施し、参加者の安全と個人情報の保護に努める。")
                    .text("事業計画 (Plan): " + application.plan())
                    .text("第3条 経費 (Cost)")
                    .text("交付決定額: " + Yen.format(award.amount()) + "(使途指定: " + award.designation().japanese() + ")");
            for (Application.BudgetLine line : application.budget()) {
                pdf.text("  ・" + line.item() + " " + Yen.format(line.amount()));
            }
            pdf.text("助成金は区の職員2名(申請者と承認者は別の職員)の承認を経て分割して交付する。")
                    .text("第4条 責任 (Responsibilities)")
                    .text("事業の実施に伴う事故等の責任は、原因に応じて区と団体が協議の上で負担する。")
                    .text("第5条 期間 (Schedule)")
                    .text(JAPANESE_DATE.format(program.startsOn()) + " 〜 " + JAPANESE_DATE.format(program.endsOn()))
                    .text("第6条 報告 (Reporting)")
                    .text("団体は事業終了後に実績報告書を提出し、協働推進会議が目標の達成度を評価する。報告と評価は公開する。")
                    .gap()
                    .text("決定日 (Decided on): " + JAPANESE_DATE.format(BusinessCalendar.inWard(award.decidedAt())))
                    .text(fundName);
            return pdf.bytes();
        }
    }
}
