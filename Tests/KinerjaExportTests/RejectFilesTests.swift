import Foundation
import KinerjaClean
import KinerjaExport
import KinerjaIngest
import KinerjaTestSupport
import Testing

/// The rejects files format a row's values from its bytes; they must read exactly as
/// the same rows written as an ordinary table of text cells.
@Suite struct RejectFilesTests {
  let metadata = OutputMetadata(
    toolVersion: "test", parameters: [:], inputs: [(kind: "performance", path: "p.csv", bytes: 1, sha256: "ab")])

  /// Rows in several batches, their JSON held in memory or (with no room held) moved to a
  /// scratch file: the same bytes either way, and the sizes and hashes the manifest gets.
  @Test(arguments: [64 << 20, 300_000, 0])
  func rowsReadAsTheSameRowsWrittenAsATable(heldJSONBytes: Int) throws {
    let directory = TemporaryDirectory()
    let rows: [[UInt8]] = [
      Array("198001012005011001,2024-01,88.5,Ayu,plain\n".utf8),
      Array("198001012005011001,2024-02,=SUM(A1),Ayu,formula\n".utf8),
      Array("198001012005011001,\"2024,03\",\"say \"\"hi\"\"\",Ayu,quotes\n".utf8),
      Array("198001012005011001,2024-04,-3,Ayu,negative\n".utf8),
      Array("198001012005011001,2024-05,Ñ 90 \\ \t,Ayu,beyond ASCII\n".utf8),
      [0x31, 0x2C, 0xFF, 0xC3, 0x2C, 0x39, 0x30, 0x2C, 0x41, 0x2C, 0x78, 0x0A],  // invalid UTF-8
      Array("198001012005011001,2024-07,\"two\nlines\",Ayu,in quotes\n".utf8),
      Array("198001012005011001,2024-08\n".utf8),  // too few fields
      Array("198001012005011001,@x,+1,Ayu,\"=\"\n".utf8),
    ]
    let repeats = 300  // over 2,700 rows: several batches
    let text = Array("nip,period,score,nama,catatan_lain\n".utf8) + (0..<repeats).flatMap { _ in rows.flatMap { $0 } }
    let path = "\(directory.path)/p.csv"
    try Data(text).write(to: URL(fileURLWithPath: path))
    let input = try InputReader(kind: .performance, path: path)

    let rejections = [
      Rejection(.scoreOutOfRange, column: "score", detail: "outside 0–120"),
      Rejection(.scoreOutOfRange, column: "score", detail: "outside 0–120"),
      Rejection(.duplicatePeriod, column: "period", detail: "a later row replaces it"),
      Rejection(.invalidPeriod, column: "period"),
    ]
    try FileManager.default.createDirectory(atPath: "\(directory.path)/a", withIntermediateDirectories: true)
    var files = try RejectFiles(
      directory: "\(directory.path)/a/rejects", displayPaths: [.performance: "data/p.csv"], heldJSONBytes: heldJSONBytes)
    var expected = OutputTable(
      name: "rejects/performance",
      columns: RejectFiles.fixedColumns + input.mapping.reportablePositions.map(\.canonical))
    var index = 0
    try input.forEachRow { record in
      let rejection = rejections[index % rejections.count]
      index += 1
      try files.reject(record, of: input, because: rejection)
      let trustworthy = record.malformation == nil && record.count == input.mapping.header.count
      expected.rows.append(
        [
          .text("data/p.csv"), .integer(record.line), .text(rejection.reason.rawValue),
          rejection.column.map(Cell.text) ?? .null, rejection.detail.map(Cell.text) ?? .null,
        ]
          + input.mapping.reportablePositions.map {
            trustworthy ? .text(String(decoding: record[$0.position], as: UTF8.self)) : .null
          })
    }
    // A score cannot hold a line break: the quote on line 8 is taken for a stray one, its
    // line is malformed and the next line is read as a row of its own.
    #expect(index == (rows.count + 1) * repeats)
    let written = try files.finish(metadata: metadata)
    #expect(written.map(\.path) == ["rejects/performance.csv", "rejects/performance.json"])
    for file in written {
      let fingerprint = try InputFingerprint.of(path: "\(directory.path)/a/\(file.path)")
      #expect(file.bytes == fingerprint.bytes && file.sha256 == fingerprint.sha256, "\(file.path)")
    }
    #expect(try FileManager.default.contentsOfDirectory(atPath: "\(directory.path)/a/rejects").sorted() == [
      "performance.csv", "performance.json",
    ])
    try FileManager.default.createDirectory(atPath: "\(directory.path)/b/rejects", withIntermediateDirectories: true)
    _ = try TableWriter(directory: "\(directory.path)/b", metadata: metadata).write(expected)
    for file in ["rejects/performance.csv", "rejects/performance.json"] {
      let written = try Data(contentsOf: URL(fileURLWithPath: "\(directory.path)/a/\(file)"))
      let reference = try Data(contentsOf: URL(fileURLWithPath: "\(directory.path)/b/\(file)"))
      #expect(written == reference, "\(file)")
    }
    #expect(expected.columns.contains("nama") == false)
  }
}
