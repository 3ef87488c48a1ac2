import Foundation
import KinerjaExport
import KinerjaTestSupport
import Testing

@Suite struct TableWriterTests {
  let metadata = OutputMetadata(
    toolVersion: "test", parameters: ["grain": .text("month"), "min_group": .integer(5)],
    inputs: [(kind: "employees", path: "e.csv", bytes: 10, sha256: "ab")])

  @Test func csvQuotesAndNeutralisesText() throws {
    let directory = TemporaryDirectory()
    let table = OutputTable(
      name: "t", columns: ["text", "n", "x", "flag"],
      rows: [
        [.text("a,b \"c\"\nd"), .integer(3), .number(0.1), .bool(true)],
        [.text("=SUM(A1)"), .integer(-4), .number(nil), .bool(false)],
        [.text("-1 kasus"), .null, .number(-0.0), .text("@user")],
        [.text("+62"), .null, .number(.nan), .text("\tx")],
        [.text("-3"), .null, .null, .text("-0.5")],
        [.text("-3-1"), .null, .null, .text("-.5")],
      ])
    try TableWriter(directory: directory.path, metadata: metadata).write(table)
    let csv = try #require(directory.read("t.csv"))
    #expect(
      csv == """
        text,n,x,flag
        "a,b ""c""
        d",3,0.1,true
        '=SUM(A1),-4,,false
        '-1 kasus,,0,'@user
        '+62,,,'\tx
        -3,,,-0.5
        '-3-1,,,'-.5

        """)
  }

  @Test func jsonCarriesMetadataAndTypedRows() throws {
    let directory = TemporaryDirectory()
    let table = OutputTable(
      name: "t", columns: ["text", "n", "x"],
      rows: [[.text("a\"b\\c\n\u{1}"), .integer(3), .number(87.5)], [.null, .integer(0), .number(nil)]])
    try TableWriter(directory: directory.path, metadata: metadata).write(table)
    let data = try #require(directory.read("t.json")).data(using: .utf8)!
    let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    let rows = try #require(object["rows"] as? [[String: Any]])
    #expect(rows.count == 2)
    #expect(rows[0]["text"] as? String == "a\"b\\c\n\u{1}")
    #expect(rows[0]["x"] as? Double == 87.5)
    #expect(rows[1]["x"] is NSNull)
    let meta = try #require(object["metadata"] as? [String: Any])
    #expect(meta["schema_version"] as? Int == 1)
    #expect(meta["rows"] as? Int == 2)
    #expect((meta["parameters"] as? [String: Any])?["min_group"] as? Int == 5)
    #expect((meta["inputs"] as? [[String: Any]])?.first?["sha256"] as? String == "ab")
  }
}
