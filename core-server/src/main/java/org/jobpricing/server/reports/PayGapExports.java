package org.jobpricing.server.reports;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.FontFactory;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jobpricing.server.api.PayGapReportView;
import org.jobpricing.server.core.CsvText;

/**
 * The pay-gap report as files: CSV (one table of sections), XLSX (a sheet per section, figures as
 * numbers) and a PDF to hand to a works council. All three are made from the same rows, so they say
 * the same thing as the JSON answer.
 */
public final class PayGapExports {

    private static final String SUPPRESSED = "not shown";

    private PayGapExports() {}

    /** A section of the report: a title, column heads and rows of cells (null: not shown). */
    record Table(String title, List<String> heads, List<List<Object>> rows) {}

    static List<Table> tables(PayGapReportView r) {
        List<Table> tables = new ArrayList<>();
        List<List<Object>> summary = new ArrayList<>();
        summary.add(List.of("snapshot", r.snapshot().id()));
        summary.add(List.of("roster date", r.snapshot().asOf().toString()));
        summary.add(List.of(
                "country", r.policy().country() == null ? "all" : r.policy().country()));
        summary.add(List.of("rule version", r.policy().rulesetVersion()));
        summary.add(List.of("category of workers", r.policy().categoryBasis()));
        summary.add(List.of(
                "joint pay assessment at a gap of (%)",
                r.policy().jointAssessmentThreshold().movePointRight(2)));
        summary.add(List.of("cells shown from (employees)", r.policy().minCellSize()));
        summary.add(List.of(
                "gender split shown from (women and men each)", r.policy().minPerGender()));
        summary.add(row("women", r.headcount().women()));
        summary.add(row("men", r.headcount().men()));
        summary.add(row(
                "employees not counted (no or another gender)", r.headcount().notCounted()));
        summary.add(row(
                "mean gap, basic pay (%)",
                r.basicPay() == null ? null : r.basicPay().meanGap()));
        summary.add(row(
                "median gap, basic pay (%)",
                r.basicPay() == null ? null : r.basicPay().medianGap()));
        summary.add(row(
                "mean gap, variable pay (%)",
                r.variablePay() == null ? null : r.variablePay().meanGap()));
        summary.add(row(
                "median gap, variable pay (%)",
                r.variablePay() == null ? null : r.variablePay().medianGap()));
        summary.add(row(
                "women receiving variable pay (%)",
                r.receivingVariablePay() == null
                        ? null
                        : r.receivingVariablePay().women()));
        summary.add(row(
                "men receiving variable pay (%)",
                r.receivingVariablePay() == null
                        ? null
                        : r.receivingVariablePay().men()));
        if (r.suppressed() != null) {
            summary.add(List.of("note", r.suppressed()));
        }
        tables.add(new Table("Summary", List.of("figure", "value"), summary));
        List<List<Object>> quartiles = new ArrayList<>();
        for (PayGapReportView.Quartile q : r.quartiles()) {
            quartiles.add(row(q.quartile(), q.women(), q.men()));
        }
        tables.add(new Table("Pay quartiles (1 = lowest)", List.of("quartile", "women (%)", "men (%)"), quartiles));
        List<List<Object>> categories = new ArrayList<>();
        for (PayGapReportView.Category c : r.categories()) {
            categories.add(row(
                    c.category(),
                    c.shows(),
                    c.employees(),
                    c.women(),
                    c.men(),
                    c.basicPay() == null ? null : c.basicPay().meanGap(),
                    c.basicPay() == null ? null : c.basicPay().medianGap(),
                    c.variablePay() == null ? null : c.variablePay().meanGap(),
                    c.variablePay() == null ? null : c.variablePay().medianGap(),
                    c.flagged() ? c.flag() : "",
                    c.justification() == null ? "" : c.justification().text()));
        }
        tables.add(new Table(
                "Categories of workers",
                List.of(
                        "category",
                        "shows",
                        "employees",
                        "women",
                        "men",
                        "basic mean gap (%)",
                        "basic median gap (%)",
                        "variable mean gap (%)",
                        "variable median gap (%)",
                        "flag",
                        "justification"),
                categories));
        return tables;
    }

    private static List<Object> row(Object... cells) {
        List<Object> row = new ArrayList<>();
        for (Object cell : cells) {
            row.add(cell);
        }
        return row;
    }

    private static String text(Object cell) {
        if (cell == null) {
            return SUPPRESSED;
        }
        return cell instanceof BigDecimal number ? number.toPlainString() : String.valueOf(cell);
    }

    public static byte[] csv(PayGapReportView report) {
        StringBuilder out = new StringBuilder();
        out.append("section,").append("field,").append("value\n");
        for (Table table : tables(report)) {
            for (List<Object> row : table.rows()) {
                Object key = row.get(0);
                for (int c = 1; c < row.size(); c++) {
                    String field = table.rows().size() > 0 && row.size() > 2
                            ? text(key) + " / " + table.heads().get(c)
                            : text(key);
                    out.append(csvCell(table.title()))
                            .append(',')
                            .append(csvCell(field))
                            .append(',')
                            .append(csvCell(text(row.get(c))))
                            .append('\n');
                }
            }
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String csvCell(String value) {
        return CsvText.textCell(value);
    }

    public static byte[] xlsx(PayGapReportView report) {
        try (XSSFWorkbook workbook = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle bold = workbook.createCellStyle();
            org.apache.poi.ss.usermodel.Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            for (Table table : tables(report)) {
                String name = table.title().replaceAll("[^A-Za-z0-9 ]", "").strip();
                Sheet sheet = workbook.createSheet(name.length() > 31 ? name.substring(0, 31) : name);
                Row head = sheet.createRow(0);
                for (int c = 0; c < table.heads().size(); c++) {
                    head.createCell(c).setCellValue(table.heads().get(c));
                    head.getCell(c).setCellStyle(bold);
                }
                int r = 1;
                for (List<Object> cells : table.rows()) {
                    Row row = sheet.createRow(r++);
                    for (int c = 0; c < cells.size(); c++) {
                        Object cell = cells.get(c);
                        if (cell instanceof Number number) {
                            row.createCell(c).setCellValue(number.doubleValue());
                        } else {
                            row.createCell(c).setCellValue(text(cell));
                        }
                    }
                }
                // fixed widths: autoSizeColumn measures every cell with AWT fonts and takes seconds
                sheet.setColumnWidth(0, 48 * 256);
                for (int c = 1; c < table.heads().size(); c++) {
                    sheet.setColumnWidth(c, (c == table.heads().size() - 1 && c > 2 ? 60 : 16) * 256);
                }
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] pdf(PayGapReportView report) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4.rotate(), 36, 36, 36, 36);
        try {
            PdfWriter.getInstance(document, out);
            document.addTitle("Gender pay-gap report");
            document.open();
            Font title = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 16);
            Font heading = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 11);
            Font body = FontFactory.getFont(FontFactory.HELVETICA, 9);
            Font flagged = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 9, new Color(160, 0, 0));
            document.add(new Paragraph("Gender pay-gap report (Directive (EU) 2023/970, Article 9)", title));
            document.add(new Paragraph(
                    "Roster of " + report.snapshot().asOf() + " (snapshot "
                            + report.snapshot().id() + "), generated "
                            + report.generatedAt()
                            + ". Gaps are (men - women) / men, over annual full-time-equivalent pay. "
                            + "Figures of groups too small to protect anyone's pay are marked '" + SUPPRESSED + "'.",
                    body));
            for (Table table : tables(report)) {
                document.add(new Paragraph(" ", body));
                document.add(new Paragraph(table.title(), heading));
                PdfPTable pdfTable = new PdfPTable(table.heads().size());
                pdfTable.setWidthPercentage(100);
                pdfTable.setHeaderRows(1);
                for (String head : table.heads()) {
                    PdfPCell cell = new PdfPCell(new Phrase(head, heading));
                    cell.setBackgroundColor(new Color(230, 230, 230));
                    pdfTable.addCell(cell);
                }
                for (List<Object> cells : table.rows()) {
                    for (Object value : cells) {
                        String text = text(value);
                        PdfPCell cell =
                                new PdfPCell(new Phrase(text, text.equals(PayGapReportView.FLAG) ? flagged : body));
                        if (value instanceof Number) {
                            cell.setHorizontalAlignment(Element.ALIGN_RIGHT);
                        }
                        pdfTable.addCell(cell);
                    }
                }
                document.add(pdfTable);
            }
            long flaggedCount = report.categories().stream()
                    .filter(PayGapReportView.Category::flagged)
                    .count();
            document.add(new Paragraph(" ", body));
            document.add(new Paragraph(new Chunk(
                    flaggedCount + " categor" + (flaggedCount == 1 ? "y has" : "ies have") + " a gap of "
                            + report.policy()
                                    .jointAssessmentThreshold()
                                    .movePointRight(2)
                                    .toPlainString()
                            + " % or more: " + PayGapReportView.FLAG + ".",
                    heading)));
            document.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("the PDF report could not be written", e);
        }
        return out.toByteArray();
    }
}
