package org.jobpricing.server.structures;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jobpricing.server.core.CsvText;
import org.jobpricing.server.structures.PayStructure.Grade;
import org.jobpricing.server.structures.PayStructure.SlottedJob;

/**
 * A structure version as files: CSV (grades, or jobs) and an XLSX workbook (a Grades and a Jobs sheet,
 * numbers as numbers). Text a person typed is written so a spreadsheet never runs it as a formula.
 */
public final class StructureExport {

    static final List<String> GRADE_COLUMNS = List.of(
            "structure",
            "version",
            "status",
            "currency",
            "grade",
            "min",
            "mid",
            "max",
            "spread",
            "progression",
            "slot_tolerance",
            "jobs",
            "jobs_outside",
            "rules_version");
    static final List<String> JOB_COLUMNS = List.of(
            "structure",
            "version",
            "quote_id",
            "title",
            "occupation_code",
            "level",
            "country",
            "area",
            "market_reference_point",
            "score",
            "grade",
            "grade_mid",
            "deviation",
            "outside",
            "moved");

    private StructureExport() {}

    /** The grades as CSV, one line per grade. */
    public static String gradesCsv(PayStructure s) {
        return csv(GRADE_COLUMNS, gradeRows(s));
    }

    /** The jobs as CSV, one line per job. */
    public static String jobsCsv(PayStructure s) {
        return csv(JOB_COLUMNS, jobRows(s));
    }

    /** A workbook with a Grades sheet and a Jobs sheet. */
    public static byte[] xlsx(PayStructure s) {
        try (XSSFWorkbook book = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle bold = book.createCellStyle();
            var font = book.createFont();
            font.setBold(true);
            bold.setFont(font);
            sheet(book.createSheet("Grades"), GRADE_COLUMNS, gradeRows(s), bold);
            sheet(book.createSheet("Jobs"), JOB_COLUMNS, jobRows(s), bold);
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<List<Object>> gradeRows(PayStructure s) {
        List<List<Object>> rows = new ArrayList<>();
        for (Grade g : s.grades()) {
            List<SlottedJob> in =
                    s.jobs().stream().filter(j -> j.grade() == g.grade()).toList();
            rows.add(List.of(
                    s.name(),
                    s.version(),
                    s.status().name(),
                    s.currency(),
                    g.grade(),
                    money(g.min()),
                    money(g.mid()),
                    money(g.max()),
                    ratio(g.spread()),
                    g.progression() == null ? "" : ratio(g.progression()),
                    ratio(g.slotTolerance()),
                    in.size(),
                    in.stream().filter(SlottedJob::outside).count(),
                    s.rulesetVersion()));
        }
        return rows;
    }

    private static List<List<Object>> jobRows(PayStructure s) {
        List<List<Object>> rows = new ArrayList<>();
        for (SlottedJob j : s.jobs()) {
            var p = j.job();
            rows.add(List.of(
                    s.name(),
                    s.version(),
                    p.quoteId(),
                    text(p.title()),
                    text(p.occupationCode()),
                    text(p.level()),
                    text(p.country()),
                    text(p.area()),
                    money(p.marketReferencePoint()),
                    p.score() == null ? "" : ratio(p.score()),
                    j.grade(),
                    s.grade(j.grade()).map(g -> money(g.mid())).orElse(BigDecimal.ZERO),
                    ratio(j.deviation()),
                    j.outside(),
                    j.moved()));
        }
        return rows;
    }

    private static void sheet(Sheet sheet, List<String> columns, List<List<Object>> rows, CellStyle bold) {
        Row head = sheet.createRow(0);
        for (int c = 0; c < columns.size(); c++) {
            head.createCell(c).setCellValue(columns.get(c));
            head.getCell(c).setCellStyle(bold);
        }
        for (int r = 0; r < rows.size(); r++) {
            Row row = sheet.createRow(r + 1);
            List<Object> values = rows.get(r);
            for (int c = 0; c < values.size(); c++) {
                Object v = values.get(c);
                if (v instanceof Number n) {
                    row.createCell(c).setCellValue(n.doubleValue());
                } else if (v instanceof Boolean b) {
                    row.createCell(c).setCellValue(b);
                } else {
                    // POI writes strings as text cells: never evaluated as formulas
                    row.createCell(c).setCellValue(String.valueOf(v));
                }
            }
        }
        sheet.createFreezePane(0, 1);
        for (int c = 0; c < columns.size(); c++) {
            sheet.setColumnWidth(c, Math.min(60, Math.max(10, columns.get(c).length() + 4)) * 256);
        }
    }

    private static String csv(List<String> columns, List<List<Object>> rows) {
        StringBuilder out = new StringBuilder(String.join(",", columns)).append("\r\n");
        for (List<Object> row : rows) {
            for (int c = 0; c < row.size(); c++) {
                if (c > 0) {
                    out.append(',');
                }
                out.append(cell(row.get(c)));
            }
            out.append("\r\n");
        }
        return out.toString();
    }

    private static String cell(Object v) {
        return v instanceof Number || v instanceof Boolean ? CsvText.cell(v) : CsvText.textCell(String.valueOf(v));
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }

    private static BigDecimal money(double v) {
        return new BigDecimal(v).setScale(2, RoundingMode.HALF_UP);
    }

    private static BigDecimal ratio(double v) {
        return new BigDecimal(v).setScale(6, RoundingMode.HALF_UP);
    }

    /** UTF-8 bytes of a CSV text. */
    public static byte[] bytes(String csv) {
        return csv.getBytes(StandardCharsets.UTF_8);
    }
}
