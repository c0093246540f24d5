package kyodo.fund.report;

import kyodo.fund.document.PdfPage;
import kyodo.fund.document.Yen;

import java.time.YearMonth;
import java.util.Map;

/** The fund report as a PDF, in Japanese (IPAex Gothic embedded), with the checkpoint to verify it against. */
final class ReportPdf {
    private ReportPdf() {
    }

    /** {@code labels} are Japanese: the document is. */
    static byte[] of(FundReport report, Labels labels, String publicBaseUrl) {
        int year = report.year().year();
        try (PdfPage pdf = new PdfPage("基金配分報告 " + year + "年度")) {
            pdf.heading("基金配分報告 " + year + "年度").small("Fund distribution report, fiscal year " + year + " ("
                    + report.year().firstDay() + " – " + report.year().lastDay() + ")");
            pdf.heading("チェックポイント");
            if (report.checkpoint().exists()) {
                pdf.text("この報告は署名付きチェックポイント(ツリーサイズ " + report.checkpoint().treeSize()
                                + ")までの仕訳から計算しています。")
                        .small("root: " + report.checkpoint().rootHex())
                        .small("検証方法: " + publicBaseUrl + ReportCheckpoint.VERIFY_PATH + "  チェックポイント: "
                                + publicBaseUrl + ReportCheckpoint.CHECKPOINT_PATH);
            } else {
                pdf.text("まだ署名付きチェックポイントがありません。");
            }
            pdf.gap().heading("概要")
                    .text("寄附の受入額: " + Yen.format(report.totalIn()) + "(" + report.donations() + "件)")
                    .text("寄附者数: " + report.donors() + "人・団体")
                    .text("助成の交付額: " + Yen.format(report.totalOut()));
            section(pdf, "受入(寄附者の種別別)", report.inBySource(), labels::sourceType);
            section(pdf, "受入(使途指定別)", report.inByDesignation(), labels::designation);
            section(pdf, "交付(分野別)", report.outByField(), labels::field);
            section(pdf, "交付(事業別)", report.outByProgram(), report::programTitle);
            section(pdf, "交付(団体別)", report.outByGroup(), report::groupName);
            pdf.gap().heading("使途指定別残高");
            Map<String, Long> closing = report.closingBalances();
            report.openingBalances().forEach((d, opening) -> pdf.text(labels.designation(d) + ": 期首 "
                    + Yen.format(opening) + " → 期末 " + Yen.format(closing.getOrDefault(d, opening))
                    + "(うち交付決定済み未払 " + Yen.format(report.committed().getOrDefault(d, 0L)) + ")"));
            pdf.gap().heading("月別の受入と交付");
            Map<YearMonth, Long> out = report.outByMonth();
            report.inByMonth().forEach((month, in) -> pdf.text(labels.month(month) + ": 受入 " + Yen.format(in)
                    + " / 交付 " + Yen.format(out.getOrDefault(month, 0L))));
            if (!report.namedDonors().isEmpty()) {
                pdf.gap().heading("ご寄附いただいた方(公表に同意された方のみ)")
                        .text(String.join("、", report.namedDonors()));
            }
            return pdf.bytes();
        }
    }

    private static <K> void section(PdfPage pdf, String heading, Map<K, Long> values,
                                    java.util.function.Function<K, String> label) {
        pdf.gap().heading(heading);
        if (values.isEmpty()) {
            pdf.text("なし");
        }
        values.forEach((key, amount) -> pdf.text(label.apply(key) + ": " + Yen.format(amount)));
    }
}
