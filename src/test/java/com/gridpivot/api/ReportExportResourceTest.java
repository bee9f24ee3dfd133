package com.gridpivot.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.io.ByteArrayInputStream;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ReportExportResourceTest {
    static final String URL = "/api/v1/reports/export.xlsx";

    @Test
    void twoTablesBecomeTwoSheetsWithNumericCells() throws Exception {
        byte[] xlsx = given().contentType(ContentType.JSON).body(ReportExportResource.EXAMPLE)
                .post(URL).then().statusCode(200)
                .contentType(containsString("spreadsheetml"))
                .header("Content-Disposition", containsString("gridpivot-plans.xlsx"))
                .extract().asByteArray();
        try (Workbook wb = WorkbookFactory.create(new ByteArrayInputStream(xlsx))) {
            assertEquals(2, wb.getNumberOfSheets());
            assertEquals("Plans", wb.getSheetName(0));
            assertEquals("Monthly", wb.getSheetName(1));
            Sheet plans = wb.getSheetAt(0);
            assertEquals("npv (USD)", plans.getRow(0).getCell(2).getStringCellValue());
            assertEquals("convert 50 MW in 2027-Q2", plans.getRow(2).getCell(0).getStringCellValue());
            assertEquals(CellType.NUMERIC, plans.getRow(2).getCell(2).getCellType());
            assertEquals(58_900_000.5, plans.getRow(2).getCell(2).getNumericCellValue(), 1e-9);
            Sheet monthly = wb.getSheetAt(1);
            assertEquals(-1_200_000, monthly.getRow(1).getCell(2).getNumericCellValue(), 1e-9);
            assertEquals(null, monthly.getRow(2).getCell(2), "null is an empty cell");
        }
    }

    @Test
    void invalidCellsAndNamesAreNamedByTheirJsonPath() {
        String body = """
                {"tables": [
                  {"name": "Plans", "columns": ["a", "b", "c"], "rows": [[1, 2, 3], [1, 2, 3], [1, 2, 3], [1, 2, true]]},
                  {"name": "A name far longer than thirty-one characters", "columns": ["a"], "rows": []}
                ]}""";
        given().contentType(ContentType.JSON).body(body).post(URL).then().statusCode(400)
                .contentType(containsString("problem+json"))
                .body("errors.field", hasItem("tables[0].rows[3][2]"))
                .body("errors.pointer", hasItem("/tables/0/rows/3/2"))
                .body("errors.field", hasItem("tables[1].name"));
        given().contentType(ContentType.JSON).body("{\"tables\": []}").post(URL).then().statusCode(400)
                .body("errors.field", hasItem("tables"));
        given().contentType(ContentType.JSON).body("{\"tables\": [{\"name\": \"x\", \"columns\": [\"a\"], \"rows\": [[1e400]]}]}")
                .post(URL).then().statusCode(400)
                .body("errors.field", hasItem("tables[0].rows[0][0]"));
    }

    @Test
    void oneHundredThousandRowsInAllAreWrittenAndOneMoreIsRefused() throws Exception {
        byte[] xlsx = given().contentType(ContentType.JSON).body(rows(60_000, 40_000)).post(URL).then().statusCode(200).extract().asByteArray();
        try (Workbook wb = WorkbookFactory.create(new ByteArrayInputStream(xlsx))) {
            assertEquals(60_000, wb.getSheet("a").getLastRowNum());
            assertEquals(40_000, wb.getSheet("b").getLastRowNum());
            assertEquals(39_999.5, wb.getSheet("b").getRow(40_000).getCell(1).getNumericCellValue(), 1e-9);
        }
        given().contentType(ContentType.JSON).body(rows(60_000, 40_001)).post(URL).then().statusCode(400)
                .body("errors.field", hasItem("tables[1].rows"));
    }

    @Test
    void theOpenApiDocumentShowsTheEndpointWithItsExample() {
        given().accept("application/json").get("/q/openapi?format=json").then().statusCode(200)
                .body("paths.'/api/v1/reports/export.xlsx'.post.requestBody.content.'application/json'.examples.'Two plan tables'.value.fileName",
                        org.hamcrest.Matchers.equalTo("gridpivot-plans"))
                .body("paths.'/api/v1/reports/export.xlsx'.post.responses.'400'", org.hamcrest.Matchers.notNullValue());
    }

    private static String rows(int a, int b) {
        StringBuilder out = new StringBuilder("{\"tables\": [");
        int[] sizes = {a, b};
        for (int t = 0; t < 2; t++) {
            out.append(t == 0 ? "" : ",").append("{\"name\": \"").append((char) ('a' + t)).append("\", \"columns\": [\"row\", \"value\"], \"rows\": [");
            for (int r = 0; r < sizes[t]; r++) {
                out.append(r == 0 ? "" : ",").append("[\"r").append(r).append("\",").append(r + 0.5).append(']');
            }
            out.append("]}");
        }
        return out.append("]}").toString();
    }
}
